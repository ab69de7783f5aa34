"""A second net behind the crisis rule: a linear scorer learned from the development probes.

Four rounds of word classes showed that each new writer finds words of their own: the rules
caught 0.43 to 0.63 of every unseen probe set. A linear model over word stems, stem pairs,
letter runs inside words and the crisis cue classes, trained on the development probes and on
ordinary letter sentences, reads new wording better (it generalises over spellings and
neighbouring words), so a sentence fires when the rules *or* this scorer find it.

The weights are data, written by `tools/train_crisis_model.py` with scikit-learn (which
letterlint itself never imports): `crisis_model.bin` holds one float32 weight per bucket, a
feature's bucket being the CRC-32 of its name (so the file loads in a millisecond and needs no
vocabulary), and `crisis_model.json` the bias and the threshold. A letter's text never leaves
the process and is never stored.
"""

from __future__ import annotations

import json
import math
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from letterlint.document import Sentence
from letterlint.stems import stem
from letterlint.tokens import read_word

T = TypeVar("T")
MODEL_FILE = Path(__file__).with_name("crisis_model.json")
WEIGHTS_FILE = Path(__file__).with_name("crisis_model.bin")
BUCKET_BITS = 18  # 262,144 buckets for about 100,000 features seen in training
_MASK = (1 << BUCKET_BITS) - 1

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CHAR_SIZES = (3, 4, 5)  # letter runs inside a word, padded with a space at each end
_KNOWN_LIMIT = 100_000  # features whose weight a model remembers; memory stays bounded
# Words a finding never points at, though they may weigh ("I won't *be* here").
_FUNCTION_WORDS = """
    a an the and or but if so to of in on at for with from by as into over after before about up out
    is are was were be been being am do does did have has had i i'm im i've ive i'll ill i'd id me my
    myself you your u ur it it's its this that there then just not no don't dont won't wont will would
    can can't cant could should shall all any some what when who how get got go going gonna
    he him his she her they them their we us our he's she's they're we're you're it'll he'll she'll
    they'll we'll you'll they'd we'd you'd he'd she'd
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True)
class Blocks:
    """The features of a passage, in the four blocks that are each scaled to unit length. Each
    name carries its block's prefix: "w:die" (a stem), "b:want die" (two stems), "c:ill"
    (letters inside a word), "k:means" (a cue class)."""

    words: frozenset[str]
    pairs: frozenset[str]
    chars: frozenset[str]
    cues: frozenset[str]

    def each(self) -> tuple[frozenset[str], ...]:
        return (self.words, self.pairs, self.chars, self.cues)

    def features(self) -> dict[str, float]:
        """Feature name -> value, as the trainer sees them."""
        out: dict[str, float] = {}
        for block in self.each():
            if block:
                value = 1 / math.sqrt(len(block))
                out.update((name, value) for name in block)
        return out


def words_of(text: str) -> list[str]:
    """Lower-case words with straight apostrophes: "Don’t" -> "don't"."""
    return _TOKEN.findall(_folded(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Each word of `words_of` with where it is in `text`."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(_folded(text))]


def _folded(text: str) -> str:
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a letter whose lower case is longer ("İ"): keep the offsets
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("’", "'")
    return folded.replace("‘", "'")


def blocks(text: str, cues: Iterable[str]) -> Blocks:
    """The features of one sentence; `cues` are its crisis cue classes (checks.crisis)."""
    words = words_of(text)
    # Stems of the words each written word stands for, so "masel", "livin" and "cant" weigh as
    # "myself", "living" and "can not" do (the spellings table of letterlint.tokens).
    stems = [stem(n) for w in words for n in read_word(w)]
    return Blocks(
        frozenset("w:" + s for s in stems),
        frozenset(f"b:{a} {b}" for a, b in pairwise(stems)),
        frozenset().union(*map(_letter_runs, set(words))),
        frozenset("k:" + c for c in cues),
    )


@lru_cache(maxsize=5_000)  # the commonest words come back in every letter
def _letter_runs(word: str) -> frozenset[str]:
    padded = f" {word} "
    return frozenset(
        "c:" + padded[i : i + size] for size in _CHAR_SIZES for i in range(len(padded) - size + 1)
    )


def joined(parts: Sequence[Blocks]) -> Blocks:
    """Neighbouring sentences read as one passage."""
    if len(parts) == 1:
        return parts[0]
    return Blocks(
        frozenset().union(*(p.words for p in parts)),
        frozenset().union(*(p.pairs for p in parts)),
        frozenset().union(*(p.chars for p in parts)),
        frozenset().union(*(p.cues for p in parts)),
    )


def bucket(feature: str) -> int:
    """Where a feature's weight is kept ("w:die" -> a bucket number)."""
    return zlib.crc32(feature.encode("utf-8")) & _MASK


class Model:
    """A weight per bucket, a bias, and the probability at which a passage fires."""

    def __init__(self, weights: Sequence[float], bias: float, threshold: float) -> None:
        if len(weights) != 1 << BUCKET_BITS:
            raise ValueError(f"crisis model: {len(weights)} weights, expected {1 << BUCKET_BITS}")
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self._known: dict[str, float] = {}  # feature -> weight, so a feature is hashed once

    def weight(self, feature: str) -> float:
        found = self._known.get(feature)
        if found is None:
            if len(self._known) >= _KNOWN_LIMIT:
                self._known.clear()
            found = self._known[feature] = self.weights[bucket(feature)]
        return found

    def probability(self, passage: Blocks) -> float:
        total = self.bias
        for block in passage.each():
            if block:
                # fsum: the same result on every Python (sum() of floats changed in 3.12)
                total += math.fsum(self._weights_of(block)) / math.sqrt(len(block))
        return 1 / (1 + math.exp(-max(-60.0, min(60.0, total))))

    def _weights_of(self, block: frozenset[str]) -> list[float]:
        found = list(map(self._known.get, block))  # one C-level pass while the features are known
        if None in found:
            found = [self.weight(feature) for feature in block]
        return found  # type: ignore[return-value]

    def fires(self, passage: Blocks) -> bool:
        return self.probability(passage) >= self.threshold

    def strongest_word(self, words: Sequence[str]) -> int | None:
        """The index of the content word whose stem weighs most towards danger (where a finding
        points), if any weighs towards it."""
        best, best_weight = None, 0.0
        for i, word in enumerate(words):
            if word in FUNCTION_WORDS:
                continue
            weight = self.weight("w:" + stem(word))
            if weight > best_weight:
                best, best_weight = i, weight
        return best


@cache
def model() -> Model:
    about = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    weights = array("f")
    weights.frombytes(WEIGHTS_FILE.read_bytes())
    if sys.byteorder != "little":
        weights.byteswap()  # the file is little-endian
    return Model(weights, float(about["bias"]), float(about["threshold"]))


def passages(sentences: Sequence[Sentence], featurize: Callable[[str], Blocks]) -> Iterator[Passage]:
    """Every sentence alone, then with the sentence before it when both are in one paragraph
    ("Look after the dog for me. I won't be needing anything where I'm going."), one at a time
    so that a long text never holds them all; `featurize` turns a sentence into its blocks
    (checks.crisis.sentence_blocks)."""
    before: Blocks | None = None
    for i, sentence in enumerate(sentences):
        alone = _sentence_blocks(sentence.text, featurize)
        yield Passage((i,), alone)
        if before is not None and sentences[i - 1].paragraph == sentence.paragraph:
            yield Passage((i - 1, i), joined((before, alone)))
        before = alone


_MEMO_LIMIT = 2_000  # sentences remembered: an editor re-lints mostly unchanged sentences
_memo: dict[str, Blocks] = {}


def clear_memo() -> None:
    """Forget the sentences seen so far (benchmarks start each run from nothing)."""
    _memo.clear()


def remembered(memo: dict[str, T], key: str, compute: Callable[[str], T], limit: int) -> T:
    """`compute(key)`, kept in `memo`, which is emptied when it holds `limit` entries."""
    found = memo.get(key)
    if found is None:
        if len(memo) >= limit:
            memo.clear()
        found = memo[key] = compute(key)
    return found


def _sentence_blocks(text: str, featurize: Callable[[str], Blocks]) -> Blocks:
    return remembered(_memo, text, featurize, _MEMO_LIMIT)


@dataclass(frozen=True)
class Passage:
    sentences: tuple[int, ...]  # indexes into the document's sentences
    blocks: Blocks
