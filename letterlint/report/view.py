"""What every human-facing report shows, worked out once: verdict, groups, checklist, tone arc.

The terminal and HTML renderers only decide how these look. Nothing here imports rich.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from letterlint.model import Family, Finding, LintResult, Severity, Span
from letterlint.report.source import line_starts, printable

# VADER's usual cut-offs for "clearly positive / negative"; -0.25 is the profiles'
# default for a sentence that counts as negative (negative_sentence threshold).
POSITIVE, NEUTRAL_BAND, NEGATIVE = 0.05, -0.05, -0.25


def families_of(items: Iterable[object]) -> tuple[Family, ...]:
    """The families in force for these results (the rule packs' `[family]` tables), in order."""
    seen: dict[str, Family] = {}
    for item in items:
        for family in getattr(item, "families", ()):
            seen.setdefault(family.name, family)
    return tuple(sorted(seen.values(), key=lambda f: (f.order, f.name)))


def family(name: str, families: Iterable[Family] = ()) -> Family:
    """A family's metadata; a family no pack declares gets a plain title."""
    for known in families:
        if known.name == name:
            return known
    return Family(name, name.replace("-", " ").capitalize(), name)


def family_title(name: str, families: Iterable[Family] = ()) -> str:
    return family(name, families).title


def one_line(text: str) -> str:
    return " ".join(text.split())


# -- score and verdict ---------------------------------------------------------


def band(score: int) -> str:
    """good (80+), fair (55-79) or poor: the colour of the score."""
    return "good" if score >= 80 else "fair" if score >= 55 else "poor"


def support(result: LintResult) -> Support | None:
    """When a crisis rule fired: the support note, which every report shows first."""
    data = result.support()
    if data is None:
        return None
    return Support(one_line(data["message"]), tuple(data["lines"]), result.crisis_findings)


@dataclass(frozen=True)
class Support:
    """What a report leads with when the writer may be in danger (instead of a verdict)."""

    message: str
    lines: tuple[int, ...]
    findings: list[Finding]

    @property
    def about(self) -> str:
        """ "This note is about what you wrote on line 4." """
        return f"This note is about what you wrote on {self.where}."

    @property
    def where(self) -> str:
        """ "line 4" / "lines 4 and 9": which lines raised it."""
        if len(self.lines) == 1:
            return f"line {self.lines[0]}"
        return "lines " + ", ".join(map(str, self.lines[:-1])) + f" and {self.lines[-1]}"


SUPPORT_TITLE = "Before anything else"
SUPPORT_LEAD = "Something you wrote here matters much more than how the letter reads."
SUPPORT_AFTER = "The notes on wording below can wait until you feel ready."


def crisis_first(findings: list[Finding]) -> list[Finding]:
    """Crisis findings first, the rest in their order."""
    return [f for f in findings if f.crisis] + [f for f in findings if not f.crisis]


def verdict(result: LintResult) -> str:
    """One line in plain words, from the worst finding and the score (none in a crisis)."""
    worst = result.worst
    if any(f.crisis for f in result.findings):
        return SUPPORT_LEAD
    if worst is None:
        return "Ready to send: warm, clear and complete."
    if worst is Severity.INFO:
        return "Ready to send; a few optional touches below."
    if worst is Severity.ERROR:
        return "Not ready yet: a few lines would work against you."
    if result.score >= 80:
        return "Nearly there: a few small changes would make it stronger."
    if result.score >= 55:
        return "A good start: the heart is here, the letter needs another pass."
    return "Worth another draft: the heart is here, the tone needs work."


# -- findings ------------------------------------------------------------------


def ordered_families(
    findings: list[Finding], families: Iterable[Family] = ()
) -> list[tuple[str, list[Finding]]]:
    """Families sorted most severe first, then in their packs' declared order."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.family].append(f)
    rank = {fam.name: i for i, fam in enumerate(families)}
    return sorted(
        groups.items(),
        key=lambda kv: (
            not any(f.crisis for f in kv[1]),
            -max(f.severity for f in kv[1]),
            rank.get(kv[0], 99),
            kv[0],
        ),
    )


def rule_groups(findings: list[Finding]) -> list[list[Finding]]:
    """Findings of one family, one group per rule (and message), most severe first.

    The same advice at three places is said once, with the three places under it.
    """
    groups: dict[tuple[str, str, str | None, str | None], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.rule, f.message, f.suggestion, f.note)].append(f)
    ordered = [sorted(g, key=lambda f: (f.span.start, f.span.end)) for g in groups.values()]
    return sorted(ordered, key=lambda g: (not g[0].crisis, -g[0].severity, g[0].span.start, g[0].rule))


def severity_counts(findings: list[Finding]) -> dict[Severity, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts[s] for s in sorted(Severity, reverse=True)}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts_text(findings: list[Finding]) -> str:
    counts = severity_counts(findings)
    parts = [plural(n, s.label) if s is not Severity.INFO else f"{n} info" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no findings"


def fix_first(findings: list[Finding]) -> Finding | None:
    """The most severe finding that points at words (a missing part only if nothing else)."""
    if not findings or any(f.crisis for f in findings):
        return None  # no advice on wording while the writer may be in danger
    return min(
        findings,
        key=lambda f: (-f.severity, f.family == "missing-section", f.span.start, f.rule),
    )


def rule_summary(finding: Finding, result: LintResult | None) -> str:
    """A short name for what a finding is about, for the 'fix first' line."""
    about = result.rules.get(finding.rule) if result is not None else None
    if about is not None and about.summary and about.summary != finding.message:
        return one_line(about.summary).rstrip(".")
    first = one_line(finding.message).split(". ")[0].split("; ")[0]
    return first.rstrip(".")


def family_counts(findings: list[Finding], families: Iterable[Family] = ()) -> dict[str, int]:
    counts = Counter(f.family for f in findings)
    names = [f.name for f in families]
    extra = sorted(set(counts) - set(names))
    return {fam: counts[fam] for fam in (*names, *extra)}


# -- section checklist -----------------------------------------------------------


@dataclass(frozen=True)
class SectionItem:
    name: str
    found: bool
    hint: str | None = None  # what to add, for a missing section
    example: str | None = None


def checklist(result: LintResult) -> list[SectionItem]:
    """The profile's sections in order; a missing one carries the hint and example of its
    missing-section finding (none when that rule is not selected or was ignored)."""
    by_section = {f.rule.split("/", 1)[1]: f for f in result.findings if f.family == "missing-section"}
    items: list[SectionItem] = []
    for name, found in result.sections.items():
        finding = None if found else by_section.get(name)
        if finding is None:
            items.append(SectionItem(name, found))
        else:
            items.append(SectionItem(name, False, one_line(finding.message), finding.suggestion))
    return items


# -- tone arc ----------------------------------------------------------------------


@dataclass(frozen=True)
class ArcPoint:
    index: int  # sentence number, 0-based
    value: float  # VADER compound, -1..1
    span: Span
    line: int
    opening: bool
    closing: bool

    @property
    def mood(self) -> str:
        """positive, neutral, low (slightly negative) or negative."""
        if self.value >= POSITIVE:
            return "positive"
        if self.value <= NEGATIVE:
            return "negative"
        if self.value <= NEUTRAL_BAND:
            return "low"
        return "neutral"


@dataclass(frozen=True)
class Arc:
    points: list[ArcPoint]
    lowest: ArcPoint | None  # the most negative sentence, if any is negative
    ending: str  # "warm", "neutral" or "low"
    overall: str  # "warm", "mostly neutral", "mixed" or "mostly negative"

    def describe(self, text: str, quote_width: int = 40) -> str:
        """The arc in one line of plain words."""
        if not self.points:
            return "No sentences to read."
        parts = [self.overall.capitalize()]
        if self.lowest is not None:
            quote = text[self.lowest.span.start : self.lowest.span.end]
            quote = printable(one_line(quote))  # a letter may hold escape sequences
            parts.append(f"lowest on line {self.lowest.line} ({clip(quote, quote_width)})")
        parts.append({"warm": "ends warm", "neutral": "ends neutral", "low": "ends low"}[self.ending])
        return "; ".join(parts) + "."


def clip(text: str, width: int) -> str:
    from letterlint.report.source import printable  # a quote never carries a bidi override

    text = printable(text)
    return f"“{text}”" if len(text) <= width else f"“{text[: max(1, width - 1)].rstrip()}…”"


def line_at(starts: list[int], offset: int) -> int:
    """1-based line of an offset, from line_starts()."""
    return bisect_right(starts, offset)


def tone_arc(result: LintResult) -> Arc:
    values = list(result.tone.arc)
    spans = list(result.sentence_spans)
    if len(spans) != len(values):  # a hand-made result: no places, only values
        spans = [Span(0, 0)] * len(values)
    greeting = result.sections.get("greeting", result.greeting)
    starts = line_starts(result.text)
    points: list[ArcPoint] = []
    for i, (value, span) in enumerate(zip(values, spans, strict=True)):
        closing = bool(span.end) and span.start >= result.closing_start
        line = line_at(starts, span.start)
        points.append(ArcPoint(i, value, span, line, opening=(i == 0 and greeting), closing=closing))
    body = [p for p in points if not p.opening and not p.closing] or points
    negatives = [p for p in points if p.value <= NEGATIVE]
    lowest = min(negatives, key=lambda p: (p.value, p.index)) if negatives else None
    closing = [p for p in points if p.closing and abs(p.value) > 0] or [p for p in points if p.closing]
    end_value = sum(p.value for p in closing) / len(closing) if closing else (values[-1] if values else 0.0)
    if closing and closing[-1].value <= NEUTRAL_BAND:
        end_value = min(end_value, closing[-1].value)  # a low last line is what the reader keeps
    ending = "warm" if end_value >= POSITIVE else "low" if end_value <= NEUTRAL_BAND else "neutral"
    return Arc(points, lowest, ending, _overall(body))


def _overall(points: list[ArcPoint]) -> str:
    if not points:
        return "mostly neutral"
    n = len(points)
    negative = sum(p.value <= NEGATIVE for p in points) / n
    neutral = sum(NEUTRAL_BAND < p.value < POSITIVE for p in points) / n
    mean = sum(p.value for p in points) / n
    if negative >= 0.4:
        return "mostly negative"
    if neutral > 0.5:
        return "mostly neutral"
    if mean >= 0.2 and negative < 0.2:
        return "warm"
    return "mixed"


def bucket(points: list[ArcPoint], slots: int) -> list[list[ArcPoint]]:
    """Split the arc into at most `slots` runs of neighbouring sentences (long letters)."""
    if slots <= 0:
        return []
    if len(points) <= slots:
        return [[p] for p in points]
    size = -(-len(points) // slots)
    return [points[i : i + size] for i in range(0, len(points), size)]


def representative(run: list[ArcPoint]) -> float:
    """The strongest feeling in a run of sentences, so a dip is not averaged away."""
    return max((p.value for p in run), key=abs)
