"""The evaluation: letter-level and span-level accuracy on labelled corpora, and the score's
ROC AUC. Thresholds are what the current rules reach; raise them as accuracy improves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from letterlint.evaluate import evaluate, load_labels, locate, roc_auc
from letterlint.model import Span
from tests.conftest import ROOT

LEGACY = ROOT / "tests" / "corpus"

# A small version-2 corpus written for these tests (not part of the labelled corpus).
BEGGING = """Dear Sam,

I walked past the bakery on Elm Street today and thought of you.
Please, please, please come back, I am begging you.
I know I was wrong to shout at you that night.

Anyway, whatever.
"""
CLEAN = """Dear Sam,

I miss our Sunday mornings. I have been seeing a counsellor since March and I am steadier now.
I was unkind when you needed me, and I am sorry for it. We were good together.
I'll keep my Saturdays free for us instead of for the shop.

I’d love to hear from you whenever you’re ready.

Love,
Jo
"""
LABELS = """
[[letter]]
file = "begging.txt"
profile = "reconcile"
[[letter.problem]]
family = "desperation"
kind = "begging"
quote = "Please, please, please come back, I am begging you."
[[letter.problem]]
family = "negative-tone"
kind = "blame"
quote = "I walked past the bakery on Elm Street today"
[[letter.problem]]
family = "weak-closing"
kind = "fizzle"
quote = "Anyway, whatever."
[[letter.section]]
name = "greeting"
quote = "Dear Sam,"
[[letter.section]]
name = "accountability"
quote = "I know I was wrong to shout at you that night."

[[letter]]
file = "clean.txt"
profile = "reconcile"
[[letter.section]]
name = "greeting"
quote = "Dear Sam,"
[[letter.section]]
name = "feelings"
quote = "I miss our Sunday mornings."
[[letter.section]]
name = "growth"
quote = "I have been seeing a counsellor since March"
[[letter.section]]
name = "accountability"
quote = "I was unkind when you needed me, and I am sorry for it."
[[letter.section]]
name = "reasons"
quote = "We were good together."
[[letter.section]]
name = "commitment"
quote = "I'll keep my Saturdays free for us instead of for the shop."
[[letter.section]]
name = "hopeful-close"
quote = "I'd love to hear from you whenever you're ready."
[[letter.section]]
name = "sign-off"
quote = "Love,\\nJo"
"""


@pytest.fixture
def split(tmp_path: Path) -> Path:
    writer = tmp_path / "dev" / "w01"
    writer.mkdir(parents=True)
    (writer / "begging.txt").write_text(BEGGING, encoding="utf-8")
    (writer / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (writer / "labels.toml").write_text(LABELS, encoding="utf-8")
    return tmp_path / "dev"


def test_quotes_are_found_exactly_then_loosely() -> None:
    text = "I’m sorry.  I\nwas wrong. I’m sorry."
    assert locate(text, "I’m sorry.") == Span(0, 10)
    assert locate(text, "I was wrong") == Span(12, 23)  # spacing and line break ignored
    taken: set[int] = set()
    assert locate(text, "I'm sorry.", taken) == Span(0, 10)  # straight apostrophe
    assert locate(text, "I'm sorry.", taken) == Span(25, 35)  # a repeated quote: the next one
    assert locate(text, "not there") is None


def test_roc_auc() -> None:
    assert roc_auc([90, 80], [40, 50]) == 1.0
    assert roc_auc([40], [90]) == 0.0
    assert roc_auc([70], [70]) == 0.5
    assert roc_auc([], [1]) is None


def test_span_level_needs_the_right_sentence(split: Path) -> None:
    ev = evaluate(split)
    assert ev.letters == 2 and ev.span_letters == 2 and not ev.label_issues
    # Begging is found where it is labelled; the wrongly placed blame label is not found.
    assert ev.span_families["desperation"].labels_hit == ev.span_families["desperation"].labels == 1
    assert ev.span_kinds["desperation/begging"].recall == 1.0
    blame = ev.span_families["negative-tone"]
    assert (blame.labels, blame.labels_hit) == (1, 0)
    assert ev.kinds["negative-tone/blame"].fn == 1
    # The fizzle label is found at letter level and at its span.
    assert ev.families["weak-closing"].tp == 1
    assert ev.span_families["weak-closing"].labels_hit == 1
    # Sections: the clean letter has all eight; the begging letter lacks some.
    assert ev.families["missing-section"].tp == 1 and ev.families["missing-section"].tn == 1
    assert ev.span_sections["reconcile:greeting"].recall == 1.0
    assert ev.auc == 1.0


def test_label_problems_are_reported_not_fatal(split: Path) -> None:
    labels = (split / "w01" / "labels.toml").read_text(encoding="utf-8")
    (split / "w01" / "labels.toml").write_text(
        labels.replace('quote = "Anyway, whatever."', 'quote = "Anyway, never mind."'), encoding="utf-8"
    )
    ev = evaluate(split)
    assert any("Anyway, never mind." in issue for issue in ev.label_issues)
    assert ev.families["weak-closing"].tp == 1  # still a weak-closing letter at letter level


def test_a_sealed_split_is_read_only_when_named(tmp_path: Path, split: Path) -> None:
    sealed = tmp_path / "sealed" / "w09"
    sealed.mkdir(parents=True)
    for name in ("begging.txt", "clean.txt", "labels.toml"):
        (sealed / name).write_text((split / "w01" / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_labels(tmp_path)) == 2  # dev only
    assert len(load_labels(tmp_path / "sealed")) == 2


def test_command_text_json_and_errors(split: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "letterlint.evaluate", *args], capture_output=True, text=True, cwd=ROOT
        )

    text = run(str(split), "-v")
    assert text.returncode == 0, text.stderr
    for word in ("desperation", "weak-closing", "missing-section", "reconcile:growth", "span P", "ROC AUC"):
        assert word in text.stdout
    assert "span FN" in text.stdout and "negative-tone/blame" in text.stdout
    data = json.loads(run(str(split), "--json").stdout)
    assert data["letters"] == 2 and data["score"]["auc"] == 1.0
    assert data["families"]["desperation"]["span"]["recall"] == 1.0
    missing = run(str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr


def test_label_kind_must_be_a_kind_of_the_family(tmp_path: Path) -> None:
    from letterlint.rulepack import RuleError, load_rules

    (tmp_path / "extra.toml").write_text(
        '[[rule]]\nid = "desperation/counting-days"\nlabel_kind = "sarcasm"\n'
        'message = "m"\npatterns = ["x"]\n'
    )
    with pytest.raises(RuleError, match="label_kind must be one of begging"):
        load_rules([tmp_path])


# -- the labelled corpus, version 2 (dev split) ------------------------------------------

DEV = ROOT / "tests" / "corpus" / "v2" / "dev"
# What the rules reach on the dev split now (letter-level precision, recall); raise these
# as accuracy improves, never lower them to let a change through.
DEV_FLOORS = {
    "desperation": (0.9, 0.9),
    "negative-tone": (0.9, 0.9),
    "weak-closing": (0.8, 0.8),
    "missing-section": (0.92, 0.95),
}
DEV_AUC_FLOOR = 0.95


@pytest.fixture(scope="module")
def dev():
    return evaluate(DEV)


def test_dev_split_is_large_span_labelled_and_clean_of_label_errors(dev) -> None:
    assert dev.letters >= 300 and dev.span_letters == dev.letters
    assert not dev.label_issues, dev.label_issues[:5]
    assert sum(c == "clean" for _, c, _ in dev.scores) >= 50


@pytest.mark.parametrize("family", sorted(DEV_FLOORS))
def test_dev_precision_and_recall(dev, family: str) -> None:
    tally = dev.families[family]
    precision, recall = DEV_FLOORS[family]
    assert tally.precision >= precision, (family, tally.precision, tally.misses[:10])
    assert tally.recall >= recall, (family, tally.recall, tally.misses[:10])


def test_dev_score_separates_clean_from_error_level(dev) -> None:
    assert dev.auc is not None and dev.auc >= DEV_AUC_FLOOR


# -- the legacy letter-level corpus ------------------------------------------------------


def test_legacy_corpus_is_large_and_varied() -> None:
    labels = load_labels(LEGACY)
    assert len(labels) >= 80
    clean = [lb for lb in labels if not lb.expect and not lb.missing]
    assert len(clean) >= 15
    for family in ("desperation", "negative-tone", "weak-closing", "clarity"):
        assert sum(family in lb.expect for lb in labels) >= 5, family
    assert {lb.profile for lb in labels} == {"reconcile", "apology", "general"}


@pytest.fixture(scope="module")
def legacy():
    return evaluate(LEGACY)


# The legacy labels flag a closing that begs or gives up as desperation only; the closing
# rules now follow the version-2 convention (such a closing is a weak closing too), so
# weak-closing precision is lower here by design.
LEGACY_FLOORS = {
    "desperation": (0.9, 0.9),
    "negative-tone": (0.9, 0.9),
    "weak-closing": (0.65, 0.85),
    "missing-section": (0.9, 0.9),
}


@pytest.mark.parametrize("family", sorted(LEGACY_FLOORS))
def test_legacy_precision_and_recall(legacy, family: str) -> None:
    tally = legacy.families[family]
    precision, recall = LEGACY_FLOORS[family]
    assert tally.precision >= precision, (family, tally.misses)
    assert tally.recall >= recall, (family, tally.misses)


def test_legacy_score_separates_clean_from_error_level(legacy) -> None:
    assert legacy.auc is not None and legacy.auc >= 0.9
