"""Accuracy on the labelled corpus: precision and recall at or above 0.9 for the four
families the issue names, and the evaluation command prints the table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from letterlint.evaluate import evaluate, load_labels
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def evaluation():
    return evaluate(CORPUS)


def test_corpus_is_large_and_varied() -> None:
    labels = load_labels(CORPUS)
    assert len(labels) >= 80
    clean = [lb for lb in labels if not lb.expect and not lb.missing]
    assert len(clean) >= 15
    for family in ("desperation", "negative-tone", "weak-closing", "clarity"):
        assert sum(family in lb.expect for lb in labels) >= 5, family
    assert {lb.profile for lb in labels} == {"reconcile", "apology", "general"}
    for label in labels:
        words = len((CORPUS / "letters" / label.file).read_text(encoding="utf-8").split())
        assert 35 <= words <= 1100, (label.file, words)


@pytest.mark.parametrize("family", ["desperation", "negative-tone", "weak-closing", "missing-section"])
def test_precision_and_recall_at_least_0_9(evaluation, family: str) -> None:
    tally = evaluation.families[family]
    assert tally.precision >= 0.9, (family, tally.misses)
    assert tally.recall >= 0.9, (family, tally.misses)


def test_evaluation_command_prints_the_table() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "letterlint.evaluate", str(CORPUS)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0
    assert "precision" in proc.stdout and "recall" in proc.stdout
    for family in ("desperation", "negative-tone", "weak-closing", "missing-section", "clarity"):
        assert family in proc.stdout
    assert "reconcile:growth" in proc.stdout
