"""examples/*.txt and their checked-in JSON reports stay in sync.

Regenerate after an intended change with: LETTERLINT_UPDATE_EXAMPLES=1 python -m pytest tests/test_examples.py
"""

from __future__ import annotations

import json
import os

import pytest

from letterlint import lint_text
from letterlint.report import ReportOptions
from letterlint.report.json_report import render
from tests.conftest import EXAMPLES

PROFILES = {"apology.txt": "apology", "general.txt": "general"}
LETTERS = sorted(p.name for p in EXAMPLES.glob("*.txt"))


def _report(name: str) -> str:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    result = lint_text(text, profile=PROFILES.get(name, "reconcile"), path=f"examples/{name}")
    return render([result], ReportOptions())


def test_at_least_six_examples() -> None:
    assert len(LETTERS) >= 6


@pytest.mark.parametrize("name", LETTERS)
def test_expected_report_in_sync(name: str) -> None:
    expected_path = EXAMPLES / name.replace(".txt", ".json")
    actual = _report(name)
    if os.environ.get("LETTERLINT_UPDATE_EXAMPLES"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"missing {expected_path.name}; see this module's docstring"
    assert json.loads(actual) == json.loads(expected_path.read_text(encoding="utf-8"))


def test_examples_show_what_they_claim() -> None:
    """Each example demonstrates its family: a change that breaks this is a real regression."""
    families = {
        name: {f["family"] for f in json.loads(_report(name))["files"][0]["findings"]} for name in LETTERS
    }
    assert families["strong.txt"] == set()
    assert "desperation" in families["desperate.txt"]
    assert "negative-tone" in families["blaming.txt"]
    assert "weak-closing" in families["weak-closing.txt"]
    assert "missing-section" in families["missing-sections.txt"]
    assert families["apology.txt"] == set()
    assert families["general.txt"] == set()
