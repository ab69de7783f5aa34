"""The structure parser on the labelled structure corpus (dev split: plain text, Markdown, Word).

The sealed split (tests/structure/sealed) is scored once, by hand, with
`python -m letterlint.evaluate_structure tests/structure/sealed`; no test reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from letterlint.evaluate_structure import evaluate

DEV = Path(__file__).parent / "structure" / "dev"
# Floors a little under what the parser reaches today, so a regression fails.
FLOORS = {
    "title": 0.85,
    "address": 0.85,
    "greeting": 0.9,
    "closing": 0.9,
    "signoff": 0.9,
    "signature": 0.9,
    "ps": 0.9,
    "footnote": 0.9,
    "email_tail": 0.9,
}


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(DEV)


def test_dev_split_is_large_and_mixed(report) -> None:  # type: ignore[no-untyped-def]
    names = [p.name for p in DEV.rglob("*") if p.is_file() and p.name != "labels.toml"]
    assert report.letters >= 120
    assert all(any(n.endswith(ext) for n in names) for ext in (".txt", ".md", ".docx.json"))


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_each_part_is_found(report, part: str) -> None:  # type: ignore[no-untyped-def]
    tally = report.parts[part]
    assert tally.precision >= FLOORS[part], (part, tally)
    assert tally.recall >= FLOORS[part], (part, tally)


def test_paragraph_counts(report) -> None:  # type: ignore[no-untyped-def]
    assert report.paragraphs_right >= 0.85 * report.paragraphs_labelled
