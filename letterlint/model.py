"""Typed values shared by the engine, the checks and every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that `max()` and comparisons give the most severe."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range of code-point offsets into the letter's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column; columns count code points, end column is exclusive."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    family: str
    severity: Severity
    span: Span
    start: Position
    end: Position
    message: str
    excerpt: str
    suggestion: str | None = None
    note: str | None = None  # extra text shown under the message (e.g. the crisis-line note)
    letter_level: bool = False  # about the whole letter (a missing part): line 1, no words to point at
    crisis: bool = False  # from a crisis rule: the writer may be in danger (see LintResult.support)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "severity": self.severity.label,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }
        if self.note:
            data["note"] = self.note
        if self.letter_level:
            data["scope"] = "letter"
        if self.crisis:
            data["crisis"] = True
        return data


@dataclass(frozen=True, slots=True)
class Tone:
    compound: float
    negative_share: float
    arc: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Stats:
    words: int
    sentences: int
    paragraphs: int
    reading_grade: float


@dataclass(frozen=True, slots=True)
class Family:
    """A family of rules, as its rule pack's `[family]` table declares it."""

    name: str
    title: str  # heading over its findings ("Sounds desperate")
    short: str  # column header in the many-letters table ("desperate")
    style: str = "white"  # terminal colour
    order: int = 100  # reports list families most severe first, then by this


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report may say about a rule that fired, beyond its findings."""

    summary: str  # one line: what the rule flags
    rationale: str  # why it matters
    severity: Severity


@dataclass(slots=True)
class LintResult:
    """Everything one lint run knows about one letter."""

    path: str
    profile: str
    text: str
    findings: list[Finding]
    sections: dict[str, bool]
    tone: Tone
    stats: Stats
    score: int
    closing_start: int = 0  # offset where the closing region begins (for the tone arc)
    sentence_spans: list[Span] = field(default_factory=list)
    greeting: bool = False  # the letter opens with a greeting (the tone arc's first point)
    internal_errors: tuple[str, ...] = ()  # rules that crashed on this letter: "rule: reason"
    families: tuple[Family, ...] = ()  # every family in force, in report order
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # the rules that fired, by id

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def crisis_findings(self) -> list[Finding]:
        """Findings of crisis rules: the writer may be in danger, and every report leads with them."""
        return [f for f in self.findings if f.crisis]

    def support(self) -> dict[str, Any] | None:
        """The support note and the lines that raised it, or None when no crisis rule fired."""
        crisis = self.crisis_findings
        if not crisis:
            return None
        message = next((f.note for f in crisis if f.note), None) or crisis[0].message
        return {"message": message, "lines": sorted({f.start.line for f in crisis})}

    def to_json(self) -> dict[str, Any]:
        support = self.support()  # the engine puts crisis findings first in self.findings
        return {
            "path": self.path,
            **({"support": support} if support else {}),
            "profile": self.profile,
            "score": self.score,
            "sections": dict(self.sections),
            "tone": {
                "compound": round(self.tone.compound, 4),
                "negative_share": round(self.tone.negative_share, 4),
                "arc": [round(v, 4) for v in self.tone.arc],
            },
            "stats": {
                "words": self.stats.words,
                "sentences": self.stats.sentences,
                "paragraphs": self.stats.paragraphs,
                "reading_grade": round(self.stats.reading_grade, 1),
            },
            "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be linted (missing, binary, undecodable...)."""

    path: str
    error: str


Item = LintResult | FileError
