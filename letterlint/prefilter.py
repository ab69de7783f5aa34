r"""Skip work the regex engine would do in vain, without changing a single match.

Python's `re` tries a rule's pattern at every position of the letter (no literal prefix
can speed it up under IGNORECASE after a look-behind), so the built-in rules over a
500-word letter cost about 7 ms, most of the warm budget. Two facts about each pattern,
derived from its parse tree once (and cached with the compiled code, see patterncache),
avoid most of it:

- *triggers*: strings of which every match contains one. A letter containing none of
  them cannot match, so the rule is skipped outright.
- *start prefixes*: up to PREFIX_LENGTH characters with which every match begins. One scan
  of the letter with a trie of all rules' prefixes lists the positions where some rule
  could start; each rule is then tried only there, with `pattern.match(text, pos)`, in
  order, resuming after each match: exactly what `finditer` returns, as long as the
  positions include every real start, which the analysis guarantees. An alternative that
  may start anywhere ("\w+ sober") is *guarded* instead: left out of the prefixes, it
  leaves the strings it must contain, and a letter that contains one is scanned in full.

Both compare against `normalize(text)`: lower case, every whitespace character as " ",
every decimal digit as "0", and the few non-ASCII letters that IGNORECASE equates with
ASCII ones (ſ, ı, İ, the Kelvin sign) as those letters. It keeps offsets (one character
for one). Anything the analysis does not understand makes it give up for that pattern,
which then runs the ordinary way; tests/test_prefilter.py checks the character tables
against every code point and the scans against finditer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

try:  # CPython's parser; elsewhere the analysis gives up and everything runs normally
    from re import _constants as _c
    from re import _parser

    _REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
    _ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
    _SPACE_CATEGORIES = (_c.CATEGORY_SPACE, _c.CATEGORY_UNI_SPACE)
    _DIGIT_CATEGORIES = (_c.CATEGORY_DIGIT, _c.CATEGORY_UNI_DIGIT)
except ImportError:  # pragma: no cover
    _parser = None  # type: ignore[assignment]

PREFIX_LENGTH = 6
_WORD_START = "(?<![\\w'’])"  # the look-behind of patterns.with_boundaries
_MAX_PREFIXES = 256  # per pattern; beyond it prefixes are shortened
_MAX_DEPTH = 60

# Non-ASCII characters that IGNORECASE matches against an ASCII letter.
ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
# Non-ASCII characters rules spell literally that have no case partners (apostrophes...).
CASELESS = frozenset("’‘“”–—…？！")
_ASCII_TABLE = {c: " " for c in range(128) if chr(c).isspace()} | {c: "0" for c in range(48, 58)}

Prefixes = frozenset[str] | None


class Starts(NamedTuple):
    """How every match of a pattern begins."""

    prefixes: tuple[str, ...]  # normalized, up to PREFIX_LENGTH characters, sorted
    at_word: bool  # the pattern opens with with_boundaries' look-behind: a word start
    # Alternatives that may start anywhere ("\w+ sober") are left out of the prefixes; each
    # leaves the strings every match through it contains. If a letter contains one, the
    # prefixes do not cover every start there and the rule is scanned the ordinary way.
    guards: tuple[tuple[str, ...], ...] = ()

    def usable(self, normalized: str) -> bool:
        return not any(may_match(frozenset(g), normalized) for g in self.guards)


# -- normalising text ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _special(char: str) -> str | None:
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    return ASCII_FOLDS.get(ord(char))


def normalize(text: str) -> str:
    """Lower case; whitespace -> " ", digits -> "0", ASCII look-alikes -> ASCII. Same length."""
    if text.isascii():
        return text.translate(_ASCII_TABLE).lower()
    table = dict(_ASCII_TABLE)
    for char in set(text):
        if char >= "\x80":
            mapped = _special(char)
            if mapped is not None:
                table[ord(char)] = mapped
    return text.translate(table).lower()


def _norm_char(code: int) -> str | None:
    """A pattern's literal character as it appears in normalized text; None if unsure."""
    if code < 128:
        char = chr(code)
        return " " if char.isspace() else "0" if char.isdigit() else char.lower()
    return chr(code) if chr(code) in CASELESS else None


# -- triggers: strings every match contains ----------------------------------------------


def may_match(triggers: Prefixes, normalized: str) -> bool:
    return triggers is None or any(t in normalized for t in triggers)


def required_literals(tree: Any) -> frozenset[str] | None:
    """Normalized strings of which every match of the parsed pattern contains one, or None.
    Classes, assertions and optional parts contribute nothing; the most selective set wins."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _selectivity(found) > _selectivity(best)):
            best = found

    for op, av in tree:
        char = _norm_char(av) if op is _c.LITERAL else None
        if char is not None:
            run.append(char)
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            consider(required_literals(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            consider(required_literals(av))
        elif op is _c.BRANCH:
            alternatives = [required_literals(alt) for alt in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(required_literals(av[2]))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _selectivity(found: frozenset[str]) -> tuple[int, int]:
    return min(len(s.strip()) for s in found), -len(found)


# -- start prefixes: how every match begins ------------------------------------------------


def start_prefixes(tree: Any) -> Starts | None:
    """Normalized strings (up to PREFIX_LENGTH) one of which begins every match, or None.
    A string shorter than the limit means "anything may follow"; "" would mean "anything
    at all", and then there is nothing to gain."""
    if tree.getwidth()[0] == 0:
        return None  # empty matches would need finditer's rules for them; not worth it
    guards: list[frozenset[str]] = []
    found = _prefixes(list(tree), PREFIX_LENGTH, 0, guards)
    if "" in found or not found:
        return None
    at_word = len(tree) > 0 and repr(tree[0]) == repr(_parser.parse(_WORD_START)[0])
    kept = tuple(sorted({tuple(sorted(g)) for g in guards}))
    return Starts(tuple(sorted(found)), at_word, kept)


def _char_options(op: Any, av: Any) -> set[str] | None:
    if op is _c.LITERAL:
        char = _norm_char(av)
        return None if char is None else {char}
    if op is not _c.IN:
        return None
    out: set[str] = set()
    for item_op, item in av:
        if item_op is _c.LITERAL:
            char = _norm_char(item)
            if char is None:
                return None
            out.add(char)
        elif item_op is _c.RANGE:
            low, high = item
            if high - low > 40:
                return None
            for code in range(low, high + 1):
                char = _norm_char(code)
                if char is None:
                    return None
                out.add(char)
        elif item_op is _c.CATEGORY and item in _SPACE_CATEGORIES:
            out.add(" ")
        elif item_op is _c.CATEGORY and item in _DIGIT_CATEGORIES:
            out.add("0")
        else:
            return None  # negation, \w and the like: any character may come
    return out


def _prefixes(items: list[Any], budget: int, depth: int, guards: list[frozenset[str]]) -> set[str]:
    if budget == 0 or not items or depth > _MAX_DEPTH:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _prefixes(rest, budget, depth + 1, guards)
    if op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, budget, depth + 1, guards)
    if op is _c.ATOMIC_GROUP:
        return _prefixes(list(av) + rest, budget, depth + 1, guards)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _prefixes(list(alternative) + rest, budget, depth + 1, guards)
            if "" in found:  # may start anywhere: guard it by what it must contain, if anything
                guard = required_literals([*alternative, *rest])
                if guard is None:
                    return {""}
                guards.append(guard)
                found.discard("")
            out |= found
        return _cap(out, budget)
    if op in _REPEATS:
        low, high, body = av
        if high == 0:
            return _prefixes(rest, budget, depth + 1, guards)
        again = (op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, body))
        out = _prefixes([*body, again, *rest], budget, depth + 1, guards)
        if low == 0:
            out |= _prefixes(rest, budget, depth + 1, guards)
        return _cap(out, budget)
    chars = _char_options(op, av)
    if chars is None:
        return {""}
    tails = _prefixes(rest, budget - 1, depth + 1, guards)
    return _cap({c + t for c in chars for t in tails}, budget)


def _cap(found: set[str], budget: int) -> set[str]:
    """Too many prefixes: keep shorter ones (still a superset of the real starts)."""
    while len(found) > _MAX_PREFIXES:
        budget -= 1
        if budget <= 0:
            return {""}
        found = {s[:budget] for s in found}
    return found


# -- analysing a pattern ---------------------------------------------------------------------


def pattern_triggers(pattern: re.Pattern[str]) -> Prefixes:
    """required_literals of a compiled pattern (None when the analysis is unavailable)."""
    if _parser is None:
        return None
    try:
        return required_literals(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return None


def analyse(source: str, flags: int) -> tuple[Prefixes, Starts | None, Any]:
    """(triggers, start prefixes, parse tree) of a pattern; Nones when unsure."""
    if _parser is None:
        return None, None, None
    tree = _parser.parse(source, flags)
    return required_literals(tree), start_prefixes(tree), tree


# -- scanning --------------------------------------------------------------------------------


def trie_source(words: Iterable[str]) -> str:
    """A regex that matches (case-sensitively) any of `words`, shaped as a trie so the engine
    checks one branch per character instead of every word."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) if char else "" for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?=" + emit(root) + ")" if root else "(?!)"  # zero-width: overlapping hits


def cache_result(make: Any) -> Any:
    """make, called at most once."""
    return lru_cache(maxsize=1)(make)


class StartIndex:
    """Where each rule could start in a letter: one trie scan, then a dict lookup per hit.

    Rules wrapped in word boundaries (patterns.with_boundaries) can only start where the
    previous character is not a word character or apostrophe; the scan checks that too."""

    def __init__(self, anywhere: dict[str, list[str]], word_start: dict[str, list[str]]) -> None:
        self._anywhere = anywhere  # prefix -> ids of rules that may begin with it anywhere
        self._word_start = word_start  # prefix -> ids of rules that begin at a word start
        self._memo: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._at_words: re.Pattern[str] | None = None  # hits at their end(): word starts
        self._first_word: re.Pattern[str] | None = None  # a word start at position 0
        self._anywhere_scan: re.Pattern[str] | None = None  # hits at their start()

    @classmethod
    def build(cls, rules: dict[str, Starts], cache: Any) -> StartIndex:
        """rules: id -> how its matches start; cache: a PatternCache, which keeps the owner
        tables and the compiled scanner from one process to the next."""
        digest = hashlib.sha1()
        for rule_id, starts in rules.items():
            digest.update(f"{rule_id}\x1e{starts.at_word}\x1e{chr(31).join(starts.prefixes)}\x1d".encode())
        key = digest.hexdigest()

        def owners() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
            anywhere: dict[str, list[str]] = {}
            word_start: dict[str, list[str]] = {}
            for rule_id, starts in rules.items():
                for prefix in starts.prefixes:
                    (word_start if starts.at_word else anywhere).setdefault(prefix, []).append(rule_id)
            return anywhere, word_start

        anywhere, word_start = cache.memo("owners:" + key, owners)
        index = cls(anywhere, word_start)

        # Word starts: consume the character before the word, so that the engine can skip
        # ahead to such characters in C (a leading look-behind would be tried everywhere);
        # a hit then lies at the match's end. The letter's very first word is checked apart.
        words = cache_result(lambda: trie_source(sorted(word_start)))  # built only on a cache miss
        index._at_words = cache.compile_keyed("words:" + key, lambda: _NOT_WORD + words(), 0).pattern
        index._first_word = cache.compile_keyed("first:" + key, words, 0).pattern
        index._anywhere_scan = cache.compile_keyed(
            "any:" + key, lambda: trie_source(sorted(anywhere)), 0
        ).pattern
        return index

    def _owners(self, window: str, at_word: bool) -> tuple[str, ...]:
        ids: list[str] = []
        for end in range(1, len(window) + 1):
            prefix = window[:end]
            ids += self._anywhere.get(prefix, ())
            if at_word:
                ids += self._word_start.get(prefix, ())
        if len(self._memo) > 50_000:
            self._memo.clear()
        found = self._memo[window, at_word] = tuple(dict.fromkeys(ids))
        return found

    def positions(self, normalized: str) -> dict[str, list[int]]:
        """Rule id -> sorted positions where a match of that rule may begin."""
        assert self._at_words and self._first_word and self._anywhere_scan
        starts = {m.end() for m in self._at_words.finditer(normalized)} if self._word_start else set()
        if self._word_start and self._first_word.match(normalized):
            starts.add(0)
        if self._anywhere:
            starts.update(m.start() for m in self._anywhere_scan.finditer(normalized))
        memo = self._memo
        found: dict[str, list[int]] = {}
        for start in sorted(starts):
            window = normalized[start : start + PREFIX_LENGTH]
            before = normalized[start - 1] if start else " "
            at_word = not (before.isalnum() or before in "_'’")
            ids = memo.get((window, at_word))
            if ids is None:
                ids = self._owners(window, at_word)
            for rule_id in ids:
                at = found.get(rule_id)
                if at is None:
                    found[rule_id] = [start]
                else:
                    at.append(start)
        return found


_NOT_WORD = "[^\\w'’]"  # one character after which a word starts (see _WORD_START)


def scan(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields, trying only `positions` (sorted, a superset of
    every match start; the pattern never matches empty)."""
    match = pattern.match
    resume = 0
    for position in positions:
        if position >= resume:
            found = match(text, position)
            if found is not None:
                yield found
                resume = found.end()
