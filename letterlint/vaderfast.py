"""NLTK's VADER compound score, with its tokenising step done in linear time.

`SentimentIntensityAnalyzer.polarity_scores` spends about two thirds of its ~100 µs per
sentence in `SentiText._words_plus_punc`, which builds a dictionary of every word joined to
every one of 17 punctuation strings, only to strip one leading or trailing punctuation run
from each token. The same tokens follow directly from that rule: a token loses its leading
(or else trailing) run of ASCII punctuation when the run is one of VADER's punctuation
strings and what remains is a word of the punctuation-free text. Everything after the
tokens -- lexicon, boosters, negation, idioms, "but", punctuation emphasis, normalising --
is NLTK's own code, called as polarity_scores calls it.

A sentence none of whose tokens is in the lexicon scores exactly 0.0, so it is not scored
at all. `make_scorer` checks the fast path against polarity_scores on probe sentences and
returns polarity_scores itself if they ever disagree (a future NLTK with other rules);
tests/test_vaderfast.py compares them on the corpus and on generated text.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any

_ASCII_PUNCTUATION = string.punctuation
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)

# Few but dense: punctuation runs around words, capitals, negation, "but", "kind of",
# "least", idioms, emoticons, boosters, ! and ? emphasis.
PROBES = (
    "I don't hate you, but I'm NOT happy -- kind of the best and least awful day :) isn't it?!",
    "'Hello,' she said. \"Goodbye!!!\" (sad) It's the shit, yeah right... never so good",
    "At least I tried; you are extremely GOOD, the kiss of death?? Why??? :-( ok.",
)


class _Tokens:
    """What VADER's scoring reads from a SentiText."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str]) -> None:
        self.words_and_emoticons = words
        capitals = sum(1 for w in words if w.isupper())
        self.is_cap_diff = 0 < len(words) - capitals < len(words)


class FastCompound:
    def __init__(self, analyzer: Any) -> None:
        self._analyzer = analyzer
        self._lexicon = analyzer.lexicon
        self._boosters = analyzer.constants.BOOSTER_DICT
        self._punctuation = frozenset(analyzer.constants.PUNC_LIST)

    def tokens(self, text: str) -> list[str]:
        """SentiText(text).words_and_emoticons, without the cross-product dictionary."""
        words = {w for w in text.translate(_DELETE_PUNCTUATION).split() if len(w) > 1}
        out = []
        for token in text.split():
            if len(token) <= 1:
                continue
            if token[0] in _ASCII_PUNCTUATION:
                core = token.lstrip(_ASCII_PUNCTUATION)
                if token[: len(token) - len(core)] in self._punctuation and core in words:
                    token = core
            elif token[-1] in _ASCII_PUNCTUATION:
                core = token.rstrip(_ASCII_PUNCTUATION)
                if token[len(core) :] in self._punctuation and core in words:
                    token = core
            out.append(token)
        return out

    def __call__(self, text: str) -> float:
        words = self.tokens(text)
        lexicon = self._lexicon
        if not any(w.lower() in lexicon for w in words):
            return 0.0  # every valence is 0, and so is the normalised sum
        analyzer = self._analyzer
        sentitext = _Tokens(words)
        boosters = self._boosters
        first_index: dict[str, int] = {}
        for index, token in enumerate(words):
            first_index.setdefault(token, index)
        sentiments: list[float] = []
        last = len(words) - 1
        for item in words:  # the loop of polarity_scores
            i = first_index[item]
            lowered = item.lower()
            if (i < last and lowered == "kind" and words[i + 1].lower() == "of") or lowered in boosters:
                sentiments.append(0)
                continue
            sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = analyzer._but_check(words, sentiments)
        return float(analyzer.score_valence(sentiments, text)["compound"])


def make_scorer(analyzer: Any) -> Callable[[str], float]:
    """The fast compound scorer if it agrees with polarity_scores on the probes, else the slow one."""

    def slow(text: str) -> float:
        return float(analyzer.polarity_scores(text)["compound"])

    try:
        fast = FastCompound(analyzer)
        if all(fast(p) == slow(p) for p in PROBES):
            return fast
    except Exception:  # an NLTK whose internals moved: use its public method
        pass
    return slow
