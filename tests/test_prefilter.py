"""The prefilter and the pattern cache may only save time: same matches, always."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlint import patterncache, prefilter
from letterlint.prefilter import CASELESS, may_match, normalize, scan
from letterlint.rulepack import load_rules

ROOT = Path(__file__).resolve().parent.parent
LETTERS = sorted((ROOT / "tests" / "corpus" / "letters").glob("*.txt")) + sorted(
    (ROOT / "examples").glob("*.txt")
)
RULESET = load_rules()
SCANNED = [r for r in RULESET.rules.values() if r.compiled is not None]


def test_normalize_agrees_with_the_regex_engine_on_every_code_point() -> None:
    """Same length, same word-ness, and every class the analysis relies on maps as assumed."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    norm = normalize(every)
    assert len(norm) == len(every)
    word = re.compile(r"[\w'’]")
    assert [m.start() for m in word.finditer(every)] == [m.start() for m in word.finditer(norm)]
    assert all(norm[m.start()] == " " for m in re.finditer(r"\s", every))
    assert all(norm[m.start()] == "0" for m in re.finditer(r"\d", every))
    for m in re.finditer(r"[a-z]", every, re.IGNORECASE):  # IGNORECASE equates it with ASCII
        got = norm[m.start()]
        assert got.isascii() and re.fullmatch(got, m.group(), re.IGNORECASE), hex(ord(m.group()))
    caseless = re.compile("[" + "".join(CASELESS) + "]", re.IGNORECASE)
    found = [m.group() for m in caseless.finditer(every)]
    assert sorted(found) == sorted(CASELESS)
    assert all(norm[every.index(c)] == c for c in CASELESS)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in LETTERS]
    texts += [
        "Dear İlkay,\n\nI ſtill miſs you. I\u00a0can't live without you!!! Call me at 5 or ٣.\n",
        "PLEASE\tPLEASE come back\u2028to me. I’ve called you 20 times. u r my world. K\u212aEEP\n",
        "i cant   live\n\nwithout u. ok.\nbye\n\nanyway whatever\nk\n",
    ]
    return texts


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:20])
def test_prefiltered_scan_equals_finditer_on_letters(text: str) -> None:
    norm = normalize(text)
    positions = RULESET.start_index.positions(norm)
    for rule in SCANNED:
        expected = [m.span() for m in rule.compiled.finditer(text)]
        if expected:
            assert may_match(rule.triggers, norm), rule.id
        if rule.starts is not None and rule.starts.usable(norm):  # as Context.matches decides
            got = [m.span() for m in scan(rule.compiled, text, positions.get(rule.id, []))]
            assert got == expected, rule.id


_VOCABULARY = (
    "I i I'm I’m can't cannot live without you u ur your please PLEASE come back to me always "
    "sober 3 years takes however long it wedding missed ？！ !? ?! "
    "never blame sorry miss love hope 20 times every hour day call called text ok bye anyway "
    "whatever k . , ! ? !!! ' ’ \" - — ſ İ K ٣"
)
WORDS = st.sampled_from((*_VOCABULARY.split(" "), " ", "  ", "\n", "\n\n", "\t", "\u00a0"))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_prefiltered_scan_equals_finditer_on_generated_text(words: list[str]) -> None:
    text = " ".join(words)
    norm = normalize(text)
    positions = RULESET.start_index.positions(norm)
    for rule in SCANNED:
        expected = [m.span() for m in rule.compiled.finditer(text)]
        if expected:
            assert may_match(rule.triggers, norm), rule.id
        if rule.starts is not None and rule.starts.usable(norm):  # as Context.matches decides
            got = [m.span() for m in scan(rule.compiled, text, positions.get(rule.id, []))]
            assert got == expected, rule.id


def test_most_rules_get_start_prefixes() -> None:
    with_starts = [r for r in SCANNED if r.starts is not None]
    assert len(with_starts) >= len(SCANNED) * 2 // 3


def test_required_literals_and_prefixes_of_a_simple_pattern() -> None:
    triggers, starts, _ = prefilter.analyse(
        r"(?<![\w'’])(?:I\s+(?:really\s+)?miss(?:ed)?\s+you)(?![\w])", re.I
    )
    assert triggers == frozenset(["miss"])
    assert starts is not None and starts.at_word
    assert "i miss" in starts.prefixes and "i real" in starts.prefixes


def test_patterns_that_can_match_empty_get_no_prefixes() -> None:
    _, starts, _ = prefilter.analyse(r"(?:abc)?", 0)
    assert starts is None


def test_pattern_cache_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    sources = [(r.compiled.pattern, r.compiled.flags) for r in SCANNED]
    first = patterncache.PatternCache(path)
    built = [first.compile(src, flags) for src, flags in sources]
    first.save()
    assert path.exists()
    second = patterncache.PatternCache(path)
    loaded = [second.compile(src, flags) for src, flags in sources]
    for a, b in zip(built, loaded, strict=True):
        assert a.pattern == b.pattern and a.pattern.groupindex == b.pattern.groupindex
        assert (a.triggers, a.starts) == (b.triggers, b.starts)
    assert second._used == second._stored  # nothing rebuilt, nothing to write


def test_pattern_cache_ignores_damaged_or_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    path.write_bytes(b"\x00not marshal")
    cache = patterncache.PatternCache(path)
    compiled = cache.compile(r"(?<![\w'’])(?:miss you)(?![\w])", re.IGNORECASE)
    assert compiled.pattern.search("I MISS YOU")
    cache.save()
    import marshal

    data = marshal.loads(path.read_bytes()[32:])  # after the signature (letterlint.usercache)
    key = next(iter(data["entries"]))
    args = list(data["entries"][key][0])
    args[2] = [0, 1, 2]  # code the engine must refuse
    data["entries"][key] = (tuple(args), *data["entries"][key][1:])
    path.write_bytes(marshal.dumps(data))
    again = patterncache.PatternCache(path).compile(r"(?<![\w'’])(?:miss you)(?![\w])", re.IGNORECASE)
    assert again.pattern == compiled.pattern


def test_word_start_check_agrees_with_the_look_behind_on_every_code_point() -> None:
    """StartIndex.positions decides `at a word start` in Python as with_boundaries does in re."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    by_regex = [m.start() for m in re.finditer(r"[\w'’]", every)]
    by_str = [i for i, c in enumerate(every) if c.isalnum() or c in "_'’"]
    assert by_regex == by_str
