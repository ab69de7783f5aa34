"""Accuracy on a labelled corpus: `python -m letterlint.evaluate tests/corpus`.

The corpus folder holds `letters/*.txt` and `labels/*.toml`, each label a table:

    [[letter]]
    file = "a001_strong.txt"
    profile = "reconcile"
    expect = ["desperation"]    # families a careful editor would flag (not missing-section)
    missing = ["growth"]        # sections of the profile the letter lacks

A family "fires" on a letter when letterlint reports at least one finding of it; the
missing-section family fires when any section is reported missing. Sections are scored
one by one: a positive is a section reported missing.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from letterlint.model import LintResult


@dataclass
class Label:
    file: str
    profile: str
    expect: frozenset[str]
    missing: frozenset[str]
    note: str = ""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: bool, predicted: bool, name: str) -> None:
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.misses.append(f"FP {name}")
        elif expected:
            self.fn += 1
            self.misses.append(f"FN {name}")
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    families: dict[str, Tally]
    sections: dict[str, Tally]
    letters: int


def load_labels(corpus: Path) -> list[Label]:
    labels: list[Label] = []
    for path in sorted((corpus / "labels").glob("*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for entry in data.get("letter", []):
            labels.append(
                Label(
                    file=entry["file"],
                    profile=entry.get("profile", "reconcile"),
                    expect=frozenset(entry.get("expect", [])),
                    missing=frozenset(entry.get("missing", [])),
                    note=entry.get("note", ""),
                )
            )
    return labels


def fired_families(result: LintResult) -> set[str]:
    fired = {f.family for f in result.findings if f.family != "missing-section"}
    if not all(result.sections.values()):
        fired.add("missing-section")
    return fired


def evaluate(corpus: Path, labels: Iterable[Label] | None = None) -> Evaluation:
    from letterlint import default_engine, lint_text

    labels = list(labels if labels is not None else load_labels(corpus))
    names = [f.name for f in default_engine().ruleset.family_order]
    families = {name: Tally() for name in names}
    sections: dict[str, Tally] = {}
    for label in labels:
        text = (corpus / "letters" / label.file).read_text(encoding="utf-8")
        result = lint_text(text, profile=label.profile, path=label.file)
        fired = fired_families(result)
        expected = set(label.expect) | ({"missing-section"} if label.missing else set())
        for family in names:
            families[family].add(family in expected, family in fired, label.file)
        for section, present in result.sections.items():
            key = f"{label.profile}:{section}"
            sections.setdefault(key, Tally()).add(section in label.missing, not present, label.file)
    return Evaluation(families, sections, len(labels))


def _row(name: str, t: Tally) -> str:
    return f"{name:<32} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.tn:>4}  {t.precision:>9.2f} {t.recall:>6.2f}"


def format_table(ev: Evaluation) -> str:
    head = f"{'':<32} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  {'precision':>9} {'recall':>6}"
    out = [f"letterlint evaluation on {ev.letters} labelled letters", "", "per family", head]
    out += [_row(name, t) for name, t in ev.families.items()]
    out += ["", "per section (positive = reported missing)", head]
    out += [_row(name, t) for name, t in sorted(ev.sections.items())]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m letterlint.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("tests/corpus"))
    parser.add_argument("--verbose", "-v", action="store_true", help="list every false positive/negative")
    args = parser.parse_args(argv)
    if not (args.corpus / "labels").is_dir():
        print(f"letterlint.evaluate: error: {args.corpus}/labels not found", file=sys.stderr)
        return 2
    ev = evaluate(args.corpus)
    sys.stdout.write(format_table(ev))
    if args.verbose:
        for name, tally in [*ev.families.items(), *sorted(ev.sections.items())]:
            for miss in tally.misses:
                print(f"{name}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
