"""The learned crisis scorer (letterlint/crisis_model.py): trained on the data in this
repository and nothing sealed, read the same in every process, adding findings where the word
classes miss a writer in danger and staying quiet on ordinary letters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from letterlint import crisis_model, lint_text
from letterlint.checks import crisis
from letterlint.document import Document
from letterlint.probes import load

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "tests" / "probes" / "self_harm"
sys.path.insert(0, str(ROOT / "tools"))

import train_crisis_model  # noqa: E402


def test_the_shipped_model_was_trained_on_the_data_here() -> None:
    assert train_crisis_model.main(["--check"]) == 0, "retrain: python tools/train_crisis_model.py"


def test_training_never_reads_a_sealed_probe_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("dev_a.toml", "sealed9.toml", "sealed_b.toml"):
        (tmp_path / name).write_text('[[positive]]\ntext = "x"\n', encoding="utf-8")
    monkeypatch.setattr(train_crisis_model, "PROBES", tmp_path)
    assert [p.name for p in train_crisis_model.probe_files()] == ["dev_a.toml"]


def test_the_shipped_model_names_the_sets_it_was_trained_on() -> None:
    shipped = json.loads(crisis_model.MODEL_FILE.read_text(encoding="utf-8"))
    read = [p.name for p in train_crisis_model.probe_files()]
    assert shipped["probe_sets"] == read and not [n for n in read if n.startswith("sealed")]


def test_one_weight_per_bucket_and_a_threshold_between_zero_and_one() -> None:
    model = crisis_model.model()
    assert len(model.weights) == 1 << crisis_model.BUCKET_BITS
    assert 0.0 < model.threshold < 1.0
    assert any(w > 0 for w in model.weights) and any(w < 0 for w in model.weights)


def test_scores_do_not_depend_on_the_process_hash_seed() -> None:
    code = (
        "from letterlint import crisis_model\n"
        "from letterlint.checks.crisis import cue_classes\n"
        "t = 'I have put the dog lead on the hook and written to the bank.'\n"
        "print(repr(crisis_model.model().probability(crisis_model.blocks(t, cue_classes(t)))))"
    )
    seen = set()
    for seed in ("1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        seen.add(out.stdout.strip() or out.stderr)
    assert len(seen) == 1, seen


def _rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crisis, "scored_sentences", lambda doc: [])


def _caught(texts: list[str]) -> list[bool]:
    return [any(f.crisis for f in lint_text(t, profile="general").findings) for t in texts]


def test_the_scorer_catches_most_of_what_the_word_classes_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    positives = [p.text for path in sorted(PROBES.glob("dev*.toml")) for p in load(path)[0]]
    with_scorer = _caught(positives)
    _rules_only(monkeypatch)
    rules_only = _caught(positives)
    missed_by_rules = [i for i, hit in enumerate(rules_only) if not hit]
    assert len(missed_by_rules) > 200  # the word classes alone miss many
    found = sum(with_scorer[i] for i in missed_by_rules)
    assert found >= 0.85 * len(missed_by_rules), (found, len(missed_by_rules))  # 806 of 929 when written


def test_the_scorer_is_rarely_heard_on_letters_without_self_harm() -> None:
    """At most 2% of the labelled letters without self-harm get a finding from the scorer."""
    letters = train_crisis_model.labelled_letters("dev") + train_crisis_model.labelled_letters("opened")
    clean = [text for text, spans in letters if not spans]
    fired = [text for text in clean if crisis.scored_sentences(Document(text))]
    assert len(clean) > 600
    assert len(fired) <= 0.02 * len(clean), len(fired)


def test_the_example_letters_raise_no_crisis_finding() -> None:
    for path in sorted((ROOT / "examples").glob("*.txt")):
        assert not [f for f in lint_text(path.read_text(encoding="utf-8")).findings if f.crisis], path.name


def test_a_scorer_finding_points_at_a_cue_or_a_content_word_of_its_sentence() -> None:
    text = "Dear Mo,\n\nI keep looking at the beam in the garage. It would be quick.\n"
    doc = Document(text)
    spans = crisis.scored_sentences(doc)
    assert spans
    for span in spans:
        sentence = doc.sentence_at(span.start)
        assert sentence is not None and sentence.span.start <= span.start < span.end <= sentence.span.end
        pointed = text[span.start : span.end].lower()
        assert len(pointed) < len(sentence.text) and pointed not in crisis_model.FUNCTION_WORDS


def test_a_capital_whose_lower_case_is_longer_keeps_the_word_offsets() -> None:
    text = "İstanbul was where I left the pills."
    spans = {word: (start, end) for start, end, word in crisis_model.word_spans(text)}
    start, end = spans["pills"]
    assert text[start:end] == "pills"
