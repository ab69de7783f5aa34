"""VADER's compound score, computed here instead of through NLTK.

Importing NLTK costs about 0.2 s, more than half of what a whole cold run may take, and
letterlint needs only one number from it: the compound score of a sentence. This module
computes that number by VADER's rules as NLTK 3.9 applies them, from the same lexicon file
(shipped by the `vaderSentiment` package) and NLTK's own word lists (letterlint.vader_constants,
generated from NLTK). tests/test_vaderfast.py compares it with NLTK's `polarity_scores` on
every corpus sentence and on generated ones, to the last digit, so NLTK stays a test
dependency only.

Two details follow NLTK exactly, odd as they are: a repeated token is scored at the index of
its first occurrence, and the idiom check may read a word before the start of the sentence
(Python's negative index wraps to its end).

Tokens: VADER strips one leading (or else trailing) run of ASCII punctuation from a token
when the run is one of its punctuation strings and what remains is a word of the
punctuation-free text; NLTK finds those tokens by a dictionary of every word joined to every
punctuation string, which is most of its time, and this does it directly.
"""

from __future__ import annotations

import math
import string
from importlib import resources

from letterlint import vader_constants as vc

_ASCII_PUNCTUATION = string.punctuation
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)
_PUNCTUATION_RUNS = frozenset(vc.PUNC_LIST)


def load_lexicon() -> dict[str, float]:
    """VADER's lexicon: word -> mean valence, from the `vaderSentiment` package's file."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.split("\n"):
        fields = line.strip().split("\t")
        if len(fields) >= 2:
            lexicon[fields[0]] = float(fields[1])
    return lexicon


def tokens(text: str) -> list[str]:
    """VADER's words and emoticons of a sentence."""
    words = {w for w in text.translate(_DELETE_PUNCTUATION).split() if len(w) > 1}
    out = []
    for token in text.split():
        if len(token) <= 1:
            continue
        if token[0] in _ASCII_PUNCTUATION:
            core = token.lstrip(_ASCII_PUNCTUATION)
            if token[: len(token) - len(core)] in _PUNCTUATION_RUNS and core in words:
                token = core
        elif token[-1] in _ASCII_PUNCTUATION:
            core = token.rstrip(_ASCII_PUNCTUATION)
            if token[len(core) :] in _PUNCTUATION_RUNS and core in words:
                token = core
        out.append(token)
    return out


def _negated(word: str) -> bool:
    lowered = word.lower()
    return lowered in vc.NEGATE or "n't" in lowered


class CompoundScorer:
    """`compound(sentence)`: VADER's normalised valence sum, rounded to 4 places."""

    def __init__(self, lexicon: dict[str, float]) -> None:
        self.lexicon = lexicon

    def __call__(self, text: str) -> float:
        words = tokens(text)
        lexicon = self.lexicon
        if not any(w.lower() in lexicon for w in words):
            return 0.0  # every valence is 0, and so is the normalised sum
        capitals = sum(1 for w in words if w.isupper())
        cap_diff = 0 < len(words) - capitals < len(words)
        first_index: dict[str, int] = {}
        for index, token in enumerate(words):
            first_index.setdefault(token, index)
        last = len(words) - 1
        valences: list[float] = []
        for item in words:
            i = first_index[item]
            lowered = item.lower()
            kind_of = i < last and lowered == "kind" and words[i + 1].lower() == "of"
            if kind_of or lowered in vc.BOOSTER_DICT:
                valences.append(0.0)
                continue
            valences.append(self._valence(words, item, i, cap_diff))
        _but_shift(words, valences)
        return _compound(valences, text)

    def _valence(self, words: list[str], item: str, i: int, cap_diff: bool) -> float:
        lexicon = self.lexicon
        lowered = item.lower()
        if lowered not in lexicon:
            return 0
        valence = lexicon[lowered]
        if item.isupper() and cap_diff:  # a shouted word among others
            valence += vc.C_INCR if valence > 0 else -vc.C_INCR
        for back in range(3):
            if i <= back or words[i - back - 1].lower() in lexicon:
                continue
            scalar = _booster(words[i - back - 1], valence, cap_diff)
            if scalar != 0 and back:
                scalar *= 0.95 if back == 1 else 0.9  # farther boosters count less
            valence = _negation(valence + scalar, words, back, i)
            if back == 2:
                valence = _idioms(valence, words, i)
        return _least(valence, words, i, lexicon)


def _booster(word: str, valence: float, cap_diff: bool) -> float:
    lowered = word.lower()
    if lowered not in vc.BOOSTER_DICT:
        return 0.0
    scalar = vc.BOOSTER_DICT[lowered]
    if valence < 0:
        scalar *= -1
    if word.isupper() and cap_diff:
        scalar += vc.C_INCR if valence > 0 else -vc.C_INCR
    return scalar


def _negation(valence: float, words: list[str], back: int, i: int) -> float:
    before = words[i - back - 1]
    if back == 0:
        return valence * vc.N_SCALAR if _negated(before) else valence
    if back == 1:
        if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
            return valence * 1.5
        return valence * vc.N_SCALAR if _negated(before) else valence
    if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) or words[i - 1] in ("so", "this"):
        return valence * 1.25
    return valence * vc.N_SCALAR if _negated(before) else valence


def _idioms(valence: float, words: list[str], i: int) -> float:
    idioms = vc.SPECIAL_CASE_IDIOMS
    w3, w2, w1, w0 = words[i - 3], words[i - 2], words[i - 1], words[i]  # may wrap, as NLTK's do
    for sequence in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if sequence in idioms:
            valence = idioms[sequence]
            break
    if len(words) - 1 > i and f"{w0} {words[i + 1]}" in idioms:
        valence = idioms[f"{w0} {words[i + 1]}"]
    if len(words) - 1 > i + 1 and f"{w0} {words[i + 1]} {words[i + 2]}" in idioms:
        valence = idioms[f"{w0} {words[i + 1]} {words[i + 2]}"]
    if f"{w3} {w2}" in vc.BOOSTER_DICT or f"{w2} {w1}" in vc.BOOSTER_DICT:
        valence += vc.B_DECR
    return valence


def _least(valence: float, words: list[str], i: int, lexicon: dict[str, float]) -> float:
    after_least = i > 0 and words[i - 1].lower() == "least" and "least" not in lexicon
    if after_least and (i == 1 or words[i - 2].lower() not in ("at", "very")):
        return valence * vc.N_SCALAR
    return valence


def _but_shift(words: list[str], valences: list[float]) -> None:
    """Words before the first "but" count half, words after it half again."""
    lowered = [w.lower() for w in words]
    if "but" not in lowered:
        return
    at = lowered.index("but")
    for index, valence in enumerate(valences):
        if index < at:
            valences[index] = valence * 0.5
        elif index > at:
            valences[index] = valence * 1.5


def _compound(valences: list[float], text: str) -> float:
    total = float(sum(valences))
    emphasis = min(text.count("!"), 4) * 0.292
    questions = text.count("?")
    if questions > 1:
        emphasis += questions * 0.18 if questions <= 3 else 0.96
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return round(total / math.sqrt(total * total + 15), 4)
