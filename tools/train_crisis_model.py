"""Train the crisis scorer (letterlint/crisis_model.json) from the development data.

    pip install scikit-learn        # training only; letterlint never imports it
    python tools/train_crisis_model.py [--check]

Reads the development self-harm probes (tests/probes/self_harm/*.toml except sealed*.toml,
which only `python -m letterlint.probes` reads, once) and the span-labelled letters of
tests/corpus/v2/dev and tests/corpus/v2/opened (sentences inside a labelled self-harm quote
are positives, every other sentence and pair of sentences a negative), plus the legacy
letters whose labels mention no self-harm.

The threshold is set on letters the model has not seen: a model trained without the opened
letters must fire on at most `--letter-rate` of the opened letters that hold no self-harm
label. The shipped model is then trained on everything with that threshold. `--check`
trains nothing and fails if the shipped model was trained on other data than is here now.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letterlint.checks.crisis import sentence_blocks  # noqa: E402
from letterlint.crisis_model import (  # noqa: E402
    BUCKET_BITS,
    MODEL_FILE,
    WEIGHTS_FILE,
    Blocks,
    Model,
    blocks,
    bucket,
    joined,
    passages,
)
from letterlint.document import Document  # noqa: E402

PROBES = ROOT / "tests" / "probes" / "self_harm"
CORPUS = ROOT / "tests" / "corpus"
C = 3.0  # inverse regularisation strength (chosen by leaving one probe set out at a time)
LETTER_WEIGHT = 5.0  # a sentence of a real letter counts five times a written near miss


def probe_files() -> list[Path]:
    return sorted(p for p in PROBES.glob("*.toml") if not p.name.startswith("sealed"))


def probe_examples() -> list[tuple[str, int]]:
    out = []
    for path in probe_files():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out += [(e["text"], 1) for e in data.get("positive", [])]
        out += [(e["text"], 0) for e in data.get("near_miss", [])]
    return out


def passage_blocks(text: str) -> Blocks:
    sentences = Document(text).sentences
    return joined([sentence_blocks(s.text) for s in sentences] or [blocks(text, ())])


def labelled_letters(split: str) -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    for labels in sorted((CORPUS / "v2" / split).glob("*/labels.toml")):
        for entry in tomllib.loads(labels.read_text(encoding="utf-8"))["letter"]:
            text = (labels.parent / entry["file"]).read_text(encoding="utf-8")
            quotes = [p["quote"] for p in entry.get("problem", []) if p.get("kind") == "self-harm"]
            out.append((text, [(text.find(q), text.find(q) + len(q)) for q in quotes if q in text]))
    return out


def legacy_letters() -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    for labels in sorted((CORPUS / "labels").glob("*.toml")):
        for entry in tomllib.loads(labels.read_text(encoding="utf-8"))["letter"]:
            if "self-harm" not in entry.get("note", ""):
                out.append(((CORPUS / "letters" / entry["file"]).read_text(encoding="utf-8"), []))
    return out


def letter_examples(letters: list[tuple[str, list[tuple[int, int]]]]) -> list[tuple[Blocks, int]]:
    out = []
    for text, spans in letters:
        sentences = Document(text).sentences
        for passage in passages(sentences, sentence_blocks):
            start = sentences[passage.sentences[0]].span.start
            end = sentences[passage.sentences[-1]].span.end
            inside = any(a < end and start < b for a, b in spans)
            out.append((passage.blocks, int(inside)))
    return out


def fit(probe_part: list[tuple[Blocks, int]], letter_part: list[tuple[Blocks, int]]) -> Model:
    """A logistic regression over the hashed features; positives weigh as much as all negatives."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = probe_part + letter_part
    labels = [y for _, y in rows]
    positives = sum(labels)
    weights = [
        (len(rows) - positives) / positives if y else (LETTER_WEIGHT if i >= len(probe_part) else 1.0)
        for i, (_, y) in enumerate(rows)
    ]
    data, columns, starts = [], [], [0]
    for passage, _ in rows:
        for name, value in passage.features().items():
            columns.append(bucket(name))
            data.append(value)
        starts.append(len(columns))
    matrix = csr_matrix(
        (np.array(data), np.array(columns, dtype=np.int32), np.array(starts, dtype=np.int32)),
        shape=(len(rows), 1 << BUCKET_BITS),
    )
    matrix.sum_duplicates()  # two features of a passage in one bucket add up, as when scoring
    fitted = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels, sample_weight=weights)
    return Model(array("f", fitted.coef_[0].astype(np.float32)), float(fitted.intercept_[0]), 0.5)


def calibrate(model: Model, letters: list[tuple[str, list[tuple[int, int]]]], rate: float) -> float:
    """The lowest threshold at which at most `rate` of the letters without self-harm fire."""
    clean = []
    for text, spans in letters:
        if not spans:
            found = [model.probability(p.blocks) for p in passages(Document(text).sentences, sentence_blocks)]
            clean.append(max(found, default=0.0))
    clean.sort(reverse=True)
    return round(min(0.99, clean[int(rate * len(clean))] + 1e-4), 4)


def cross_validate(rates: list[float], only: list[str] | None = None) -> int:
    """Each development probe set (or those named in `only`) scored by the rules and a model
    trained without it."""
    from letterlint import crisis_model
    from letterlint.probes import load, score

    dev_rows = letter_examples(labelled_letters("dev") + legacy_letters())
    held_letters = labelled_letters("opened")
    sets = {path: load(path) for path in probe_files()}
    blocks_of = {p.text: passage_blocks(p.text) for pos, near in sets.values() for p in pos + near}
    for path, (positives, near_misses) in sets.items():
        if only and path.stem not in only:
            continue
        rows = [(blocks_of[p.text], y) for other, (pos, near) in sets.items() if other != path
                for p, y in [*((q, 1) for q in pos), *((q, 0) for q in near)]]  # fmt: skip
        held_out = fit(rows, dev_rows)
        crisis_model.model = lambda m=held_out: m  # type: ignore[misc]
        line = f"{path.stem:18s}"
        for rate in rates:
            held_out.threshold = calibrate(held_out, held_letters, rate)
            s = score(positives, near_misses)
            line += (f" | letters {rate:.0%}: recall {s.caught}/{s.positives} = {s.recall:.2f},"
                     f" near misses {s.false_alarms}/{s.near_misses} = {s.false_alarm_rate:.2f}")  # fmt: skip
        print(line, flush=True)
    return 0


def fingerprint() -> str:
    digest = hashlib.sha256()
    sources = [*probe_files(), *sorted((CORPUS / "v2" / "dev").glob("*/*")),
               *sorted((CORPUS / "v2" / "opened").glob("*/*")), *sorted((CORPUS / "labels").glob("*.toml")),
               *sorted((CORPUS / "letters").glob("*.txt"))]  # fmt: skip
    for path in sources:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the model is current")
    parser.add_argument("--letter-rate", type=float, default=0.04,
                        help="share of held-out letters without self-harm that may fire")  # fmt: skip
    parser.add_argument("--cross-validate", action="store_true",
                        help="leave each probe set out in turn: rules and model on it")  # fmt: skip
    parser.add_argument("--rates", type=float, nargs="*", default=[], help="with --cross-validate: try each")
    parser.add_argument("--only", nargs="*", default=[], help="with --cross-validate: only these sets")
    args = parser.parse_args(argv)
    if args.cross_validate:
        return cross_validate(args.rates or [args.letter_rate], args.only)
    if args.check:
        shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        if shipped.get("data_fingerprint") != fingerprint():
            print("the crisis model was trained on other data: retrain it", file=sys.stderr)
            return 1
        return 0

    probes = [(passage_blocks(text), y) for text, y in probe_examples()]
    dev_letters = labelled_letters("dev") + legacy_letters()
    held_letters = labelled_letters("opened")
    dev_rows = letter_examples(dev_letters)
    threshold = calibrate(fit(probes, dev_rows), held_letters, args.letter_rate)
    model = fit(probes, dev_rows + letter_examples(held_letters))
    about = {
        "about": "letterlint's crisis scorer, trained by tools/train_crisis_model.py; do not edit by hand",
        "data_fingerprint": fingerprint(),
        "probe_sets": [p.name for p in probe_files()],
        "probe_passages": len(probes),
        "letters": len(dev_letters) + len(held_letters),
        "threshold_rule": f"at most {args.letter_rate:.0%} of held-out letters without self-harm fire",
        "threshold": threshold,
        "bias": model.bias,
        "buckets": 1 << BUCKET_BITS,
    }
    MODEL_FILE.write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")
    weights = array("f", model.weights)
    if sys.byteorder != "little":
        weights.byteswap()
    WEIGHTS_FILE.write_bytes(weights.tobytes())
    print(f"threshold {threshold}, {len(probes)} probe passages: {MODEL_FILE.name}, {WEIGHTS_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
