"""A run over a lot of text builds the first-word indexes first, and finds the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letterlint.checks import starts
from letterlint.engine import Engine
from letterlint.report import ReportOptions, renderer
from letterlint.runner import INDEX_FROM_BYTES, Job, lint_jobs

ROOT = Path(__file__).resolve().parent.parent


def _report(item: object) -> object:
    return json.loads(renderer("json")([item], ReportOptions(terminal=False)))["files"][0]["findings"]


def test_a_large_letter_is_linted_with_the_indexes_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(starts, "_enabled", False)
    letters = sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in letters[:250])
    assert len(body.encode()) >= INDEX_FROM_BYTES
    big = tmp_path / "long.txt"
    big.write_text(body, encoding="utf-8")
    expected = _report(Engine.load().lint(body, path="long.txt"))
    assert not starts._enabled
    (item,) = lint_jobs([Job("long.txt", big)])
    assert starts._enabled, "the run asked for the indexes"
    assert _report(item) == expected


def test_a_short_letter_does_not_build_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(starts, "_enabled", False)
    lint_jobs([Job("a.txt", ROOT / "examples" / "desperate.txt")])
    assert not starts._enabled
