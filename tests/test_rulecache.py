"""The cached built-in rule set gives the findings of the packs themselves, and a cache entry
that is not genuine, not current or not a rule set is rebuilt, never trusted."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from letterlint import rulecache, usercache
from letterlint.engine import Engine
from letterlint.report import ReportOptions, renderer
from letterlint.rulepack import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
LETTERS = sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))[::12] + sorted(
    (ROOT / "examples").glob("*.txt")
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(folder))
    return folder


def _reports(engine: Engine) -> list[object]:
    out = []
    for path in LETTERS:
        result = engine.lint(path.read_text(encoding="utf-8"), path=str(path))
        report = renderer("json")([result], ReportOptions(terminal=False))
        out.append(json.loads(report))
    return out


def test_a_cached_rule_set_gives_the_same_reports(cache: Path) -> None:
    assert len(LETTERS) > 40
    parsed = Engine(load_rules(None))
    first = Engine.load()  # parses the packs, writes the entry
    entry = cache / "rules-v1.pickle"
    assert entry.is_file()
    second = Engine.load()  # from the entry
    assert not any(m._compiled for m in _patterns(second.ruleset)), "patterns compile on first use"
    expected = _reports(parsed)
    assert _reports(first) == expected
    assert _reports(second) == expected


def _patterns(ruleset: RuleSet) -> list[object]:
    found = []
    for rule in ruleset.rules.values():
        matchers = getattr(rule.spec, "matchers", None)
        if matchers is not None:
            found += [p for p in (matchers.regex, matchers.unless) if p is not None]
    return found


def _damage(entry: Path, at: int) -> None:
    data = bytearray(entry.read_bytes())
    data[at] ^= 0x01
    entry.write_bytes(bytes(data))


def test_a_damaged_entry_is_rebuilt(cache: Path) -> None:
    Engine.load()
    entry = cache / "rules-v1.pickle"
    _damage(entry, len(entry.read_bytes()) // 2)
    calls = []
    real = rulecache.load_rules
    rulecache.load_rules = lambda dirs: calls.append(dirs) or real(dirs)  # type: ignore[assignment]
    try:
        engine = Engine.load()
    finally:
        rulecache.load_rules = real  # type: ignore[assignment]
    assert calls == [None], "the damaged entry was not trusted"
    assert "desperation/self-harm" in engine.ruleset.rules
    assert usercache.read(entry) is not None, "and it was written again"


def test_a_genuine_entry_for_other_rules_or_of_another_shape_is_not_used(cache: Path) -> None:
    Engine.load()
    entry = cache / "rules-v1.pickle"
    current = rulecache.fingerprint()
    other = load_rules(None)
    del other.rules["desperation/self-harm"]
    for payload in (
        bytes(32) + pickle.dumps((other, {})),  # signed, but made from other packs
        current + pickle.dumps({"not": "a rule set"}),
        current + pickle.dumps((other, "not analyses")),
        current + b"not a pickle",
    ):
        usercache.write(entry, payload)
        assert "desperation/self-harm" in Engine.load().ruleset.rules


def test_user_packs_do_not_use_the_cache(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "extra.toml").write_text(
        '[[rule]]\nid = "clarity/mine"\nkind = "phrase"\nseverity = "info"\nmessage = "m"\n'
        'patterns = ["zorblax"]\n',
        encoding="utf-8",
    )
    engine = Engine.load([pack])
    assert "clarity/mine" in engine.ruleset.rules
    assert not (cache / "rules-v1.pickle").exists()


def test_the_fingerprint_follows_the_packs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", copy)
    monkeypatch.setattr(rulecache, "rules_dir", lambda: copy)
    before = rulecache.fingerprint()
    pack = copy / "clarity.toml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert rulecache.fingerprint() != before


def test_no_word_of_a_letter_reaches_the_cache(cache: Path) -> None:
    engine = Engine.load()
    engine.lint("Dear Sam,\n\nI keep zorblaxing and qwimbling about you.\n\nLove,\nJo\n")
    payload = pickle.dumps(engine.ruleset)
    assert b"zorblax" not in payload and b"qwimbl" not in payload
