"""The strings a pattern is said to require are really required: no letter loses a match
because a run compiled only the patterns whose strings it contains (letterlint.required,
letterlint.checks.lazy)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlint.checks import crisis, lazy
from letterlint.engine import Engine
from letterlint.patterns import with_boundaries
from letterlint.report import ReportOptions, renderer
from letterlint.required import may_match, required_literals, words_view
from letterlint.rulepack import load_rules

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    letters = sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))[::4]
    texts = [p.read_text(encoding="utf-8") for p in letters]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for name in ("dev.toml", "dev2.toml", "dev3.toml", "dev4.toml"):
        probes = tomllib.loads((ROOT / "tests" / "probes" / "self_harm" / name).read_text(encoding="utf-8"))
        texts += [p["text"] for kind in ("positive", "near_miss") for p in probes[kind]]
    return texts


def _alternatives() -> list[tuple[str, str, int, str | None]]:
    """Every built-in alternative: (rule or cue class, source, flags, template), the crisis
    cue classes and idioms included."""
    out = []
    for rule in load_rules(None).rules.values():
        matchers = getattr(rule.spec, "matchers", None)
        if matchers is None:
            continue
        for pattern in (matchers.regex, matchers.unless):
            if pattern is not None:
                out += [(rule.id, part, pattern.flags, pattern.template) for part in pattern.parts]
    cues = [(name, p) for name, (_, p) in crisis._CUES.items()] + [("idioms", crisis._IDIOMS)]
    for name, pattern in cues:
        out += [(name, part, pattern.flags, pattern.template) for part in pattern.parts]
    return out


def test_no_builtin_pattern_matches_a_text_without_its_required_strings() -> None:
    texts = _texts()
    views = [words_view(t) for t in texts]
    alternatives = _alternatives()
    assert len(texts) > 500 and len(alternatives) > 500
    matched = skipped = 0
    for rule, part, flags, template in alternatives:
        need = required_literals(part, word_start=template is not None)
        compiled = re.compile(lazy._source((part,), template), flags)
        for text, view in zip(texts, views, strict=True):
            if not may_match(need, view):
                skipped += 1
                assert compiled.search(text) is None, (rule, part[:80], need, text[:120])
            else:
                matched += 1
    assert skipped > matched, "the requirements must rule most patterns out of most texts"


def test_words_view_folds_every_character_that_matches_an_ascii_letter() -> None:
    """Python's case-insensitive matching equates a few non-ASCII characters with ASCII
    letters; the view must read them as those letters, or a match could be missed."""
    ascii_class = re.compile("[a-z0-9 ]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if ascii_class.fullmatch(char):
            view = words_view(char)
            assert re.fullmatch(re.escape(view[1]), char, re.IGNORECASE), (hex(code), view)
    sample = "Dear İlker,\nI’m ſo sorry —  K\u00a0(tab)\there"
    assert len(words_view(sample)) == len(sample) + 1


@pytest.mark.parametrize(
    ("source", "bounded", "expected"),
    [
        (r"kill(?:ing|ed)? myself", True, ({" kill"}, {" myself"})),
        (
            r"(?:I (?:[\w'’]+ ){0,2})?(?:want|wish) to (?:die|be dead)\b",
            True,
            ({" want", " wish"}, {" to "}, {" die", " be dead"}),
        ),
        (r"\bpills?\b", True, ({" pill"},)),
        (r"colou?r", False, ({"colo"}, {"r"})),
        (r"(?-i:LOL|OMG)", True, ({" lol", " omg"},)),
        (r"a|b?", False, ()),
        (r"[!?]{3,}", False, ()),
        (r"(?x) a b", False, ()),
        (r"(?(1)a|b)", False, ()),
        (r"x{2}yz", False, ({"x"}, {"yz"})),
        (r"(?<!his )suicid", True, ({" suicid"},)),
        (r"I\s+(?:really\s+)?mean\s+it", True, ({" i"}, {" mean"}, {" it"})),
        (r"I\s(?:really\s)?mean\sit", True, ({" i "}, {" mean it"})),
        (r"\x41bc\u0044", False, ({"bc"},)),
        (r"[a\]|(]b", False, ({"b"},)),
    ],
)
def test_requirements_of_constructions(source: str, bounded: bool, expected: tuple[set[str], ...]) -> None:
    assert [set(s) for s in required_literals(source, word_start=bounded)] == list(expected)


_PIECES = (
    "kill",
    "me",
    "die",
    "dead",
    "end",
    "it",
    "all",
    "I",
    "i",
    "want",
    "to",
    " ",
    "  ",
    r"\s",
    r"\s+",
    r"\w+",
    ".",
    "[ab]",
    r"['’]",
    r"\b",
    "-",
    "'",
)


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    items = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            branches = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            opener = draw(st.sampled_from(["(?:", "(", "(?=", "(?<!x", "(?-i:", "(?>"]))
            atom = opener + "|".join(branches) + ")"
            if opener in ("(?=", "(?<!x"):
                atom = opener + "a)" if opener == "(?<!x" else atom
        else:
            atom = draw(st.sampled_from(_PIECES))
        quantifier = draw(st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??"]))
        if atom.strip() and not atom.startswith(("(?=", "(?<!", r"\b")):
            atom = f"(?:{atom})" + quantifier if len(atom) > 1 and quantifier else atom + quantifier
        items.append(atom)
    return "".join(items)


_TEXT = st.lists(
    st.sampled_from([*"kilmedaytownI ’'-.,\n\tİıſK\u00a0AB", "kill", "die", "want", " to "]), max_size=25
).map("".join)


@settings(max_examples=1500, deadline=None, derandomize=True)  # random regexes can backtrack for ever
@given(_patterns(), _TEXT, st.booleans(), st.booleans())
def test_a_text_without_the_required_strings_never_matches(
    source: str, text: str, bounded: bool, ignore_case: bool
) -> None:
    try:
        compiled = re.compile(with_boundaries(source) if bounded else source, re.I if ignore_case else 0)
    except re.error:
        return
    if compiled.search(text) is not None:
        assert may_match(required_literals(source, word_start=bounded), words_view(text)), (source, text)


def test_partial_compiles_find_what_the_whole_rules_find(monkeypatch: pytest.MonkeyPatch) -> None:
    """Letters linted with only the alternatives their strings allow get the same reports as
    with every rule compiled whole."""
    import pickle

    whole = Engine(load_rules(None))
    partial = Engine(pickle.loads(pickle.dumps(load_rules(None))))  # sources only, as from the cache
    monkeypatch.setattr(lazy, "_SUBSETS_BEFORE_WHOLE", 10**9)
    monkeypatch.setattr(lazy, "_TEXTS_BEFORE_WHOLE", 10**9)
    letters = sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))[1::6]
    letters += sorted((ROOT / "examples").glob("*.txt"))
    assert len(letters) > 80
    for path in letters:
        text = path.read_text(encoding="utf-8")
        reports = [
            json.loads(renderer("json")([e.lint(text, path=str(path))], ReportOptions(terminal=False)))
            for e in (whole, partial)
        ]
        assert reports[0] == reports[1], path.name
    compiled_whole = [p for p in _patterns_of(partial) if p._compiled is not None]
    assert len(compiled_whole) < len(_patterns_of(partial)), "some rules were never compiled whole"


def _patterns_of(engine: Engine) -> list[lazy.LazyPattern]:
    found = []
    for rule in engine.ruleset.rules.values():
        matchers = getattr(rule.spec, "matchers", None)
        if matchers is not None:
            found += [p for p in (matchers.regex, matchers.unless) if p is not None]
    return found
