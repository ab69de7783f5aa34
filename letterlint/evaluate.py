"""Accuracy on a labelled corpus: `python -m letterlint.evaluate tests/corpus/v2/dev`.

Two corpus formats are read:

- version 2, labelled at the span (tests/corpus/v2/LABELLING.md): a split folder holding
  one folder per writer, each with its letters and a `labels.toml`; every problem is a
  family, a kind and a quote, every present section a name and a quote. A quote is an
  exact substring of the letter.
- the legacy letter-level corpus (tests/corpus): `letters/*.txt` and `labels/*.toml`
  with `expect` (families) and `missing` (sections) per letter.

What is counted (docs/accuracy.md explains it to users):

- letter-level, per family and per kind: a family (kind) is expected when the letter has
  a label of it, and predicted when a finding of it is reported anywhere in the letter.
  For missing-section the positive is "a section of the profile is missing", and per
  section "this section is missing".
- span-level (version 2 only): a finding is correct only where its span overlaps a
  labelled span of the same family; a labelled span is recalled when a finding of its
  family overlaps it. Per kind, both must also agree on the kind: a finding counts under
  the kind its rule finds (`label_kind`) and is correct where it overlaps a label of that
  kind. For sections, the sentence a section was
  found in must overlap a labelled quote of that section.
- the score's ROC AUC: how well the score puts clean letters (no problem labelled) above
  letters with an error-level problem (a desperation or negative-tone label, see
  letterlint.kinds.ERROR_LEVEL_FAMILIES).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from letterlint.kinds import ERROR_LEVEL_FAMILIES, LABEL_KINDS, kind_of
from letterlint.model import Finding, LintResult, Span

SPAN_FAMILIES = tuple(LABEL_KINDS)  # families labelled at the span in version 2
V2_FAMILIES = (*SPAN_FAMILIES, "missing-section")  # version 2 labels no clarity
DEFAULT_CORPUS = Path("tests/corpus/v2/dev")
SEALED = "sealed"  # a sealed split is read only when named explicitly


def _families() -> tuple[str, ...]:
    """The built-in families, in order (declared by the rule packs' [family] tables)."""
    from letterlint import default_engine

    return tuple(f.name for f in default_engine().ruleset.family_order)


class CorpusError(ValueError):
    """A corpus folder that cannot be read at all (one line for stderr)."""


@dataclass(frozen=True)
class Problem:
    family: str
    kind: str
    quote: str
    span: Span | None  # None when the quote is not in the letter (a label issue)


@dataclass(frozen=True)
class SectionLabel:
    name: str
    quote: str
    span: Span | None


@dataclass
class Letter:
    """One labelled letter, in either format."""

    path: Path
    name: str  # shown in reports: split/writer/file or the legacy file name
    profile: str
    families: tuple[str, ...]  # the families its labels speak about
    expect: frozenset[str]  # families with a problem
    missing: frozenset[str] | None  # None: work out from the profile and `present`
    problems: list[Problem] | None = None  # None: letter-level labels only
    present: list[SectionLabel] | None = None
    note: str = ""

    @property
    def span_level(self) -> bool:
        return self.problems is not None

    @property
    def clean(self) -> bool:
        return not self.expect

    @property
    def error_level(self) -> bool:
        return bool(self.expect & set(ERROR_LEVEL_FAMILIES))


@dataclass
class Tally:
    """Letter-level confusion counts."""

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

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class SpanTally:
    """Span-level counts: precision over findings, recall over labelled spans."""

    found: int = 0
    found_ok: int = 0
    labels: int = 0
    labels_hit: int = 0
    misses: list[str] = field(default_factory=list)

    def finding(self, correct: bool, what: str) -> None:
        self.found += 1
        self.found_ok += correct
        if not correct:
            self.misses.append(f"span FP {what}")

    def label(self, hit: bool, what: str) -> None:
        self.labels += 1
        self.labels_hit += hit
        if not hit:
            self.misses.append(f"span FN {what}")

    @property
    def precision(self) -> float:
        return self.found_ok / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.labels_hit / self.labels if self.labels else 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": self.found,
            "findings_correct": self.found_ok,
            "labels": self.labels,
            "labels_found": self.labels_hit,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class Evaluation:
    families: dict[str, Tally]
    sections: dict[str, Tally]
    letters: int
    span_families: dict[str, SpanTally] = field(default_factory=dict)
    kinds: dict[str, Tally] = field(default_factory=dict)  # "family/kind"
    span_kinds: dict[str, SpanTally] = field(default_factory=dict)
    span_sections: dict[str, SpanTally] = field(default_factory=dict)  # evidence of present sections
    scores: list[tuple[int, str, str]] = field(default_factory=list)  # (score, clean|error|other, name)
    label_issues: list[str] = field(default_factory=list)
    span_letters: int = 0

    @property
    def auc(self) -> float | None:
        """P(a clean letter scores above an error-level one), ties counting half."""
        return roc_auc(
            [s for s, c, _ in self.scores if c == "clean"], [s for s, c, _ in self.scores if c == "error"]
        )

    @property
    def auc_all(self) -> float | None:
        """The same, with every letter that has no error-level problem on the clean side."""
        return roc_auc(
            [s for s, c, _ in self.scores if c != "error"], [s for s, c, _ in self.scores if c == "error"]
        )


def roc_auc(negatives: list[int], positives: list[int]) -> float | None:
    """Area under the ROC curve of `score` ranking negatives (clean) above positives."""
    if not negatives or not positives:
        return None
    ordered = sorted(positives)
    from bisect import bisect_left, bisect_right

    wins = 0.0
    for s in negatives:
        below = bisect_left(ordered, s)
        ties = bisect_right(ordered, s) - below
        wins += below + 0.5 * ties
    return wins / (len(negatives) * len(positives))


# -- reading corpora ---------------------------------------------------------------------

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def locate(text: str, quote: str, taken: set[int] | None = None) -> Span | None:
    """Where `quote` is in `text`: exactly, else ignoring case, curly quotes and spacing.
    `taken` holds starts already used by an identical quote, so repeats find the next one."""
    taken = taken if taken is not None else set()
    start = text.find(quote)
    while start >= 0 and start in taken:
        start = text.find(quote, start + 1)
    if start >= 0 and quote:
        taken.add(start)
        return Span(start, start + len(quote))
    folded, index = _fold(text)
    wanted, _ = _fold(quote)
    wanted = wanted.strip()
    if not wanted:
        return None
    at = folded.find(wanted)
    while at >= 0 and index[at] in taken:
        at = folded.find(wanted, at + 1)
    if at < 0:
        return None
    taken.add(index[at])
    return Span(index[at], index[at + len(wanted) - 1] + 1)


def _fold(text: str) -> tuple[str, list[int]]:
    """Lower case, straight quotes, one space per run of whitespace; with original offsets."""
    out: list[str] = []
    index: list[int] = []
    for m in re.finditer(r"\s+|\S", text):
        out.append(" " if m.group().isspace() else m.group().translate(_FOLD).lower()[:1] or " ")
        index.append(m.start())
    return "".join(out), index


def find_label_files(folder: Path) -> list[Path]:
    """labels.toml files under a version-2 folder (a split or one writer); a sealed split
    is skipped unless the folder given is inside it."""
    explicit_sealed = SEALED in folder.resolve().parts
    found = []
    for path in sorted(folder.rglob("labels.toml")):
        if SEALED in path.relative_to(folder).parts[:-1] and not explicit_sealed:
            continue
        found.append(path)
    return found


def load_corpus(
    folder: Path, profiles: dict[str, tuple[str, ...]] | None = None
) -> tuple[list[Letter], list[str]]:
    """The labelled letters under `folder` and a list of label problems (never fatal)."""
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found")
    if (folder / "labels").is_dir() and (folder / "letters").is_dir():
        return load_legacy(folder), []
    files = find_label_files(folder)
    if not files:
        raise CorpusError(f"{folder}: no labels.toml below it, and no labels/ and letters/ in it")
    letters: list[Letter] = []
    issues: list[str] = []
    for path in files:
        got, bad = load_v2_labels(path, folder)
        letters += got
        issues += bad
    return letters, issues


def load_legacy(corpus: Path) -> list[Letter]:
    letters: list[Letter] = []
    for path in sorted((corpus / "labels").glob("*.toml")):
        data = _read_toml(path)
        for entry in data.get("letter", []):
            letters.append(
                Letter(
                    path=corpus / "letters" / entry["file"],
                    name=entry["file"],
                    profile=entry.get("profile", "reconcile"),
                    families=_families(),
                    expect=frozenset(entry.get("expect", [])),
                    missing=frozenset(entry.get("missing", [])),
                    note=entry.get("note", ""),
                )
            )
    return letters


def load_labels(corpus: Path) -> list[Letter]:
    """Every labelled letter of a corpus folder (either format)."""
    return load_corpus(corpus)[0]


def load_v2_labels(path: Path, root: Path) -> tuple[list[Letter], list[str]]:
    data = _read_toml(path)
    folder = path.parent
    base = root.resolve().parent
    prefix = "/".join(folder.resolve().relative_to(base).parts)
    letters: list[Letter] = []
    issues: list[str] = []
    for entry in data.get("letter", []):
        file = entry.get("file")
        where = f"{prefix}/{file}"
        if not isinstance(file, str) or not (folder / file).is_file():
            issues.append(f"{path}: letter file {file!r} not found")
            continue
        text = (folder / file).read_text(encoding="utf-8")
        taken: dict[str, set[int]] = {}
        problems: list[Problem] = []
        for p in entry.get("problem", []):
            family, kind, quote = p.get("family", ""), p.get("kind", ""), p.get("quote", "")
            if family not in LABEL_KINDS or kind not in LABEL_KINDS[family]:
                issues.append(f"{where}: unknown family/kind {family}/{kind}")
                continue
            span = locate(text, quote, taken.setdefault(f"{family}/{kind}:{quote}", set()))
            if span is None:
                issues.append(f"{where}: quote not in the letter: {quote!r}")
            problems.append(Problem(family, kind, quote, span))
        present: list[SectionLabel] = []
        for s in entry.get("section", []):
            name, quote = s.get("name", ""), s.get("quote", "")
            span = locate(text, quote, taken.setdefault("section:" + quote, set())) if quote else None
            if span is None:
                issues.append(f"{where}: section {name} quote not in the letter: {quote!r}")
            present.append(SectionLabel(name, quote, span))
        letters.append(
            Letter(
                path=folder / file,
                name=where,
                profile=entry.get("profile", "reconcile"),
                families=V2_FAMILIES,
                expect=frozenset(p.family for p in problems),
                missing=None,
                problems=problems,
                present=present,
                note=entry.get("note", ""),
            )
        )
    return letters, issues


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from None


# -- scoring -----------------------------------------------------------------------------


def overlaps(a: Span, b: Span) -> bool:
    if a.start == a.end:  # a point finding overlaps the span it sits in
        return b.start <= a.start <= b.end
    return a.start < b.end and b.start < a.end


def fired_families(result: LintResult) -> set[str]:
    fired = {f.family for f in result.findings if f.family != "missing-section"}
    if not all(result.sections.values()):
        fired.add("missing-section")
    return fired


def finding_kind(finding: Finding, label_kinds: dict[str, str | None]) -> str | None:
    return label_kinds.get(finding.rule, kind_of(finding.family, finding.rule.split("/", 1)[1]))


def evaluate(corpus: Path | Iterable[Path], labels: Iterable[Letter] | None = None) -> Evaluation:
    from letterlint import default_engine

    engine = default_engine()
    label_kinds = {r.id: kind_of(r.family, r.name, r.label_kind) for r in engine.ruleset.rules.values()}
    folders = [corpus] if isinstance(corpus, Path) else list(corpus)
    issues: list[str] = []
    if labels is None:
        letters = []
        for folder in folders:
            got, bad = load_corpus(folder)
            letters += got
            issues += bad
    else:
        letters = list(labels)
    ev = Evaluation(families={f: Tally() for f in _families()}, sections={}, letters=len(letters))
    ev.label_issues = issues
    ev.span_families = {f: SpanTally() for f in SPAN_FAMILIES}
    for family, kinds in LABEL_KINDS.items():
        for kind in kinds:
            ev.kinds[f"{family}/{kind}"] = Tally()
            ev.span_kinds[f"{family}/{kind}"] = SpanTally()
    for letter in letters:
        text = letter.path.read_text(encoding="utf-8")
        result = engine.lint(text, profile=letter.profile, path=letter.name)
        _letter_level(ev, letter, result, label_kinds)
        if letter.span_level:
            ev.span_letters += 1
            _span_level(ev, letter, result, text, label_kinds)
            _section_evidence(ev, letter, text)
        category = "clean" if letter.clean else "error" if letter.error_level else "other"
        ev.scores.append((result.score, category, letter.name))
    return ev


def _missing(letter: Letter, result: LintResult) -> frozenset[str]:
    if letter.missing is not None:
        return letter.missing
    have = {s.name for s in letter.present or []}
    return frozenset(s for s in result.sections if s not in have)


def _letter_level(
    ev: Evaluation, letter: Letter, result: LintResult, label_kinds: dict[str, str | None]
) -> None:
    fired = fired_families(result)
    missing = _missing(letter, result)
    expected = set(letter.expect) | ({"missing-section"} if missing else set())
    for family in letter.families:
        ev.families[family].add(family in expected, family in fired, _why(letter, result, family))
    for section, present in result.sections.items():
        key = f"{letter.profile}:{section}"
        ev.sections.setdefault(key, Tally()).add(section in missing, not present, letter.name)
    if letter.problems is None:
        return
    labelled = {f"{p.family}/{p.kind}" for p in letter.problems}
    found = {f"{f.family}/{k}" for f in result.findings if (k := finding_kind(f, label_kinds))}
    for key, tally in ev.kinds.items():
        tally.add(key in labelled, key in found, letter.name)


def _why(letter: Letter, result: LintResult, family: str) -> str:
    """The letter's name with what was found and what was labelled, for -v."""
    rules = sorted({f.rule.split("/", 1)[1] for f in result.findings if f.family == family})
    kinds = sorted({p.kind for p in letter.problems or [] if p.family == family})
    parts = [letter.name]
    if rules:
        parts.append("found " + ",".join(rules))
    if kinds:
        parts.append("labelled " + ",".join(kinds))
    return " ".join(parts)


def _span_level(
    ev: Evaluation, letter: Letter, result: LintResult, text: str, label_kinds: dict[str, str | None]
) -> None:
    problems = letter.problems or []
    for f in result.findings:
        if f.family not in ev.span_families:
            continue
        same = [p for p in problems if p.family == f.family and p.span is not None]
        what = f"{letter.name}:{f.start.line} {f.rule} {_short(f.excerpt)!r}"
        ev.span_families[f.family].finding(any(overlaps(f.span, p.span) for p in same if p.span), what)
        kind = finding_kind(f, label_kinds)
        if kind is not None:
            right = any(p.kind == kind and p.span and overlaps(f.span, p.span) for p in same)
            ev.span_kinds[f"{f.family}/{kind}"].finding(right, what)
    for p in problems:
        if p.span is None:
            continue
        mine = [f for f in result.findings if f.family == p.family and overlaps(f.span, p.span)]
        line = text.count("\n", 0, p.span.start) + 1
        what = f"{letter.name}:{line} {p.family}/{p.kind} {_short(p.quote)!r}"
        ev.span_families[p.family].label(bool(mine), what)
        right = any(finding_kind(f, label_kinds) == p.kind for f in mine)
        ev.span_kinds[f"{p.family}/{p.kind}"].label(right, what)


def _section_evidence(ev: Evaluation, letter: Letter, text: str) -> None:
    """Where each present section was found must overlap a quote labelled for it."""
    evidence = section_evidence(text, letter.profile)
    labelled: dict[str, list[Span]] = {}
    for s in letter.present or []:
        if s.span is not None:
            labelled.setdefault(s.name, []).append(s.span)
    for section, span in evidence.items():
        tally = ev.span_sections.setdefault(f"{letter.profile}:{section}", SpanTally())
        quotes = labelled.get(section, [])
        if span is not None:
            line = text.count("\n", 0, span.start) + 1
            excerpt = _short(text[span.start : span.end])
            tally.finding(
                any(overlaps(span, q) for q in quotes), f"{letter.name}:{line} {section} {excerpt!r}"
            )
        for q in quotes:
            line = text.count("\n", 0, q.start) + 1
            hit = span is not None and overlaps(span, q)
            tally.label(hit, f"{letter.name}:{line} {section} {_short(text[q.start : q.end])!r}")


def section_evidence(text: str, profile: str) -> dict[str, Span | None]:
    """Each section of the profile and the span it was found at (None: missing)."""
    from letterlint import default_engine
    from letterlint.checks import sections
    from letterlint.checks.base import Context
    from letterlint.document import Document

    engine = default_engine()
    prof = engine.profile(profile)
    ctx = Context(Document(text), prof, engine.ruleset)
    found: dict[str, Span | None] = {}
    for section in prof.sections:
        rule = engine.ruleset.section_rule(section)
        found[section] = sections.locate(rule, ctx) if rule is not None else None
    return found


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- output ------------------------------------------------------------------------------

_HEAD = f"{'':<34} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'P':>5} {'R':>5}   {'span P':>13} {'span R':>13}"


def _row(name: str, t: Tally | None, s: SpanTally | None) -> str:
    left = f"{name:<34} " + (
        f"{t.tp:>4} {t.fp:>4} {t.fn:>4} {t.tn:>4} {t.precision:>5.2f} {t.recall:>5.2f}" if t else " " * 34
    )
    if s is None or (not s.found and not s.labels):
        return left.rstrip()
    found = f"{s.precision:>5.2f} {s.found_ok:>3}/{s.found:<3}"
    return f"{left}   {found} {s.recall:>5.2f} {s.labels_hit:>3}/{s.labels:<3}"


def _fmt_auc(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_table(ev: Evaluation) -> str:
    counts = {c: sum(1 for _, cat, _ in ev.scores if cat == c) for c in ("clean", "error", "other")}
    out = [
        f"letterlint evaluation on {ev.letters} labelled letters ({ev.span_letters} labelled at the span)",
        "",
        "per family (letter-level: TP FP FN TN P R; span-level: precision over findings, recall over labels)",
        _HEAD,
    ]
    out += [
        _row(name, t, ev.span_families.get(name))
        for name, t in ev.families.items()
        if t.tp + t.fp + t.fn + t.tn
    ]
    kinds = [
        (k, t)
        for k, t in ev.kinds.items()
        if t.tp + t.fp + t.fn or ev.span_kinds[k].found or ev.span_kinds[k].labels
    ]
    if kinds:
        out += [
            "",
            "per kind (span-level: a finding and a label must overlap and agree on the kind)",
            _HEAD,
        ]
        out += [_row(k, t, ev.span_kinds[k]) for k, t in kinds]
    out += [
        "",
        "per section (letter-level positive = reported missing; span = where a present section was found)",
        _HEAD,
    ]
    out += [_row(name, t, ev.span_sections.get(name)) for name, t in sorted(ev.sections.items())]
    out += [
        "",
        f"score ROC AUC, clean vs error-level ({counts['clean']} clean, {counts['error']} with a "
        f"desperation or negative-tone problem): {_fmt_auc(ev.auc)}",
        f"score ROC AUC, error-level vs all others ({counts['clean'] + counts['other']} others): "
        f"{_fmt_auc(ev.auc_all)}",
        f"median score: clean {_median([s for s, c, _ in ev.scores if c == 'clean'])}, "
        f"error-level {_median([s for s, c, _ in ev.scores if c == 'error'])}",
    ]
    if ev.label_issues:
        out += ["", f"label issues: {len(ev.label_issues)} (listed with -v)"]
    return "\n".join(out) + "\n"


def _median(values: list[int]) -> str:
    if not values:
        return "n/a"
    v = sorted(values)
    mid = len(v) // 2
    return str(v[mid]) if len(v) % 2 else f"{(v[mid - 1] + v[mid]) / 2:g}"


def disagreements(ev: Evaluation) -> Iterator[str]:
    for name, tally in ev.families.items():
        for miss in tally.misses:
            yield f"{name}: {miss}"
    for name, tally in ev.kinds.items():
        for miss in tally.misses:
            yield f"{name}: {miss}"
    for name, tally in sorted(ev.sections.items()):
        for miss in tally.misses:
            yield f"{name}: {miss}"
    for name, span in [*ev.span_families.items(), *sorted(ev.span_sections.items())]:
        for miss in span.misses:
            yield f"{name}: {miss}"
    for score, category, name in sorted(ev.scores):
        if category != "other":
            yield f"score {score:>3} {category:<5} {name}"
    for issue in ev.label_issues:
        yield f"label issue: {issue}"


def to_json(ev: Evaluation, verbose: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "letters": ev.letters,
        "span_letters": ev.span_letters,
        "families": {
            name: {
                "letter": t.to_json(),
                **({"span": ev.span_families[name].to_json()} if name in ev.span_families else {}),
            }
            for name, t in ev.families.items()
        },
        "kinds": {
            k: {"letter": t.to_json(), "span": ev.span_kinds[k].to_json()} for k, t in ev.kinds.items()
        },
        "sections": {
            k: {
                "letter": t.to_json(),
                **({"span": ev.span_sections[k].to_json()} if k in ev.span_sections else {}),
            }
            for k, t in sorted(ev.sections.items())
        },
        "score": {
            "auc": ev.auc,
            "auc_all": ev.auc_all,
            "letters": [{"name": n, "score": s, "category": c} for s, c, n in ev.scores],
        },
        "label_issues": ev.label_issues,
    }
    if verbose:
        data["disagreements"] = list(disagreements(ev))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m letterlint.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "corpus",
        type=Path,
        nargs="*",
        help=f"a version-2 split or writer folder, or a legacy corpus folder (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list every disagreement with the labels"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    folders = args.corpus or [DEFAULT_CORPUS]
    try:
        ev = evaluate(folders)
    except (CorpusError, OSError, UnicodeDecodeError) as exc:
        print(f"letterlint.evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(to_json(ev, args.verbose), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(format_table(ev))
    if args.verbose:
        print()
        for line in disagreements(ev):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
