"""Where the built-in rules' patterns can start, found by the first word instead of by trying
every pattern at every word (letterlint.checks.base, letterlint.checks.crisis).

The rules have some nine hundred patterns, the crisis rule alone a few hundred. Scanning their
alternations tries each one at each word of the letter, which costs about 30 ms on 500 words:
fine for one run of the command line, too slow for an editor or the local page that lint on
every pause. Long-running front
ends therefore call `use_start_index()`: each pattern is then also compiled with the `regex`
module, whose partial matching answers "could this pattern match text that begins with this
word?". The answer is cached per word, and at each word only the patterns that can begin there
are tried. The cache holds words, never their letter, and lives only in memory.

The result is the same as the alternation's (a pattern that matches at a position can begin
with the word there, so it is among those tried, in the same order), one match per position.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache

_TOKENS = re.compile(r"(?P<word>[\w'’]+)|[^\w'’]")
_MAX_CACHED_WORDS = 50_000

_enabled = False
_lock = threading.Lock()
_indexes: dict[tuple[object, ...], StartIndex] = {}


def use_start_index() -> None:
    """For long-running processes (the language server, the local page)."""
    global _enabled
    _enabled = True


def forget_texts() -> None:
    """Drop the letters' word positions once a lint is done: nothing of a letter outlives it."""
    _words_of.cache_clear()


def index_for(
    sources: tuple[str, ...], flags: int, prepare: Callable[[str], str] | None = None
) -> StartIndex | None:
    """The index of these patterns, built on first use (each source passed through `prepare`
    first, if given); None unless a front end asked for it."""
    if not _enabled or not sources:
        return None
    key = (flags, prepare, sources)
    index = _indexes.get(key)
    if index is None:
        with _lock:
            index = _indexes.get(key)
            if index is None:
                index = StartIndex(tuple(map(prepare, sources)) if prepare else sources, flags)
                _indexes[key] = index
    return index


class StartIndex:
    def __init__(self, sources: tuple[str, ...], flags: int) -> None:
        import regex

        self._patterns = [re.compile(source, flags) for source in sources]
        self._probes = [regex.compile(source, flags | regex.V0) for source in sources]
        self._by_word: dict[str, tuple[int, ...]] = {}

    def _candidates(self, word: str) -> tuple[int, ...]:
        found = self._by_word.get(word)
        if found is None:
            found = tuple(i for i, probe in enumerate(self._probes) if probe.match(word, partial=True))
            if len(self._by_word) >= _MAX_CACHED_WORDS:
                self._by_word.clear()
            self._by_word[word] = found
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What the patterns' alternation's `finditer` finds: leftmost, not overlapping, the
        first pattern in order at each position."""
        return self._first_at_each(text, overlapping=False)

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """At every position the patterns' look-behind allows, the first pattern, in order,
        that matches there (overlapping matches included)."""
        return self._first_at_each(text, overlapping=True)

    def _first_at_each(self, text: str, overlapping: bool) -> Iterator[re.Match[str]]:
        end = 0
        for start, candidates in self._where(text):
            if start < end:
                continue
            for i in candidates:
                found = self._patterns[i].match(text, start)
                if found is not None:
                    yield found
                    if not overlapping:
                        end = max(found.end(), start + 1)
                    break

    def which(self, text: str) -> set[int]:
        """The patterns that match somewhere in the text (what `search` on each would say)."""
        found: set[int] = set()
        for start, candidates in self._where(text):
            for i in candidates:
                if i not in found and self._patterns[i].match(text, start) is not None:
                    found.add(i)
        return found

    def _where(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """The positions where some pattern may begin, in order, each with those patterns:
        looked up once per distinct word of the text, not once per word."""
        found = []
        for word, positions in _words_of(text).items():
            candidates = self._candidates(word)
            if candidates:
                found.extend((start, candidates) for start in positions)
        found.sort(key=lambda pair: pair[0])
        return found


@lru_cache(maxsize=8)  # every rule asks about the same letter; a few slices of it at most
def _words_of(text: str) -> dict[str, list[int]]:
    r"""The positions the look-behind `(?<![\w'’])` allows, grouped by the word (or the one
    character) that begins there."""
    by_word: dict[str, list[int]] = {}
    after_word = False
    for token in _TOKENS.finditer(text):
        is_word = token.lastgroup == "word"
        if not is_word and after_word:
            after_word = False
            continue  # a pattern begins only where no word character precedes it
        after_word = is_word
        by_word.setdefault(token.group(), []).append(token.start())
    return by_word
