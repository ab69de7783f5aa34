"""Start-up shortcuts (syllable index, cached hyphenation patterns) give the same answers."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyphen

from letterlint import hyphenation, nlp

ROOT = Path(__file__).resolve().parent.parent


def test_syllable_lookup_by_block_index_finds_every_word_and_only_those() -> None:
    table = nlp.syllable_table()
    truth = {}
    for line in table._blob.split("\n"):
        word, _, count = line.partition("\t")
        truth[word] = int(count)
    words = sorted(truth)
    rng = random.Random(3)
    sample = words[:200] + words[-200:] + rng.sample(words, 5000)
    sample += ["", "zzzzzzz", "aaaaaaa", "counselling", "ive", "youre", "tromsø", words[0] + "x"]
    fresh = nlp.SyllableTable(table._blob)
    for word in sample:
        assert fresh.get(word) == truth.get(word), word


def test_cached_hyphenation_patterns_hyphenate_like_pyphen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(tmp_path))
    path = pyphen.LANGUAGES[pyphen.language_fallback("en")]
    real = pyphen.HyphDict(path)
    first = hyphenation._from_cache(pyphen, path)  # parses and writes the cache
    assert list(tmp_path.glob("hyphenation-*.bin"))
    second = hyphenation._from_cache(pyphen, path)  # rebuilt from the cache
    assert isinstance(second.patterns, hyphenation._Patterns)
    words = set()
    for letter in (ROOT / "tests" / "corpus" / "letters").glob("*.txt"):
        words |= set(re.findall(r"[^\W\d_]+", letter.read_text(encoding="utf-8").lower()))
    assert len(words) > 2000
    for word in sorted(words):
        assert second.positions(word) == real.positions(word) == first.positions(word), word


def test_lazy_pyphen_loads_only_when_a_word_needs_it(monkeypatch) -> None:
    lazy = hyphenation.LazyPyphen("en")
    assert lazy._real is None
    assert lazy.positions("counselling") == pyphen.Pyphen(lang="en").positions("counselling")
    assert lazy._real is not None


def test_printable_fast_path_agrees_with_the_character_loop_on_every_code_point() -> None:
    import sys
    import unicodedata

    from letterlint.report.source import printable

    def by_category(text: str) -> str:
        return "".join(
            " "
            if ch == "\t"
            else "\N{REPLACEMENT CHARACTER}"
            if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
            else ch
            for ch in text
        )

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    shown = "".join(c for c in every if c.isprintable())  # what the fast path returns as is
    assert by_category(shown) == shown
    assert printable(every) == by_category(every)
