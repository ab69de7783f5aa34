"""The first-word index (letterlint.checks.starts) finds exactly what the rules' alternations
find, on real letters: it only skips patterns that cannot begin with the word at hand."""

from __future__ import annotations

import tomllib

import pytest

from letterlint.checks import starts
from letterlint.checks.base import every_start
from letterlint.checks.kind import index_of
from letterlint.engine import Engine
from tests.conftest import ROOT


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    probes = tomllib.loads(
        (ROOT / "tests" / "probes" / "self_harm" / "dev2.toml").read_text(encoding="utf-8")
    )
    texts += [p["text"] for key in ("positive", "near_miss") for p in probes[key]]
    texts.append("'quoted' — !!! I'm... dont\u2019t ’em _under_ 3am, *really* CAPS?! i i i")
    return texts


@pytest.fixture(scope="module")
def rules() -> list:
    engine = Engine.load()
    return [
        r
        for r in engine.ruleset.rules.values()
        if getattr(r.spec, "matchers", None) and r.spec.matchers.alternatives
    ]


def test_index_finds_what_the_alternation_finds(rules: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(starts, "_enabled", True)
    assert len(rules) > 10
    texts = _texts()
    for rule in rules:
        m = rule.spec.matchers
        index = index_of(m)
        assert index is not None
        for text in texts:
            want = [(x.start(), x.end()) for x in m.regex.finditer(text)]
            assert [(x.start(), x.end()) for x in index.finditer(text)] == want, (rule.id, text)
            if rule.crisis:
                want = [(x.start(), x.end()) for x in every_start(m.regex, text, rule)]
                assert [(x.start(), x.end()) for x in index.matches(text)] == want, (rule.id, text)


def test_the_index_is_off_unless_a_long_running_front_end_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(starts, "_enabled", False)
    assert starts.index_for(("(?:x)",), 0) is None
