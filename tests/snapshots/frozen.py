"""Frozen lint results for the report tests.

The snapshot tests check how a report *looks*. They render results frozen in
tests/snapshots/*.result.json, so that a change to a rule's wording or to the sentiment
model does not show up as a change of look. Refreeze with LETTERLINT_REFREEZE=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from letterlint.checks.sections import SectionRule
from letterlint.model import Family, Finding, LintResult, Position, RuleInfo, Severity, Span, Stats, Tone
from letterlint.rulepack import Rule, RuleSet

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent
FROZEN = ("desperate", "blaming", "strong")


def freeze(result: LintResult, ruleset: RuleSet) -> dict[str, Any]:
    used = {f.rule for f in result.findings} | {f"missing-section/{s}" for s in result.sections}
    return {
        "path": result.path,
        "profile": result.profile,
        "text": result.text,
        "score": result.score,
        "sections": result.sections,
        "tone": {
            "compound": result.tone.compound,
            "negative_share": result.tone.negative_share,
            "arc": list(result.tone.arc),
        },
        "stats": [
            result.stats.words,
            result.stats.sentences,
            result.stats.paragraphs,
            result.stats.reading_grade,
        ],
        "closing_start": result.closing_start,
        "greeting": result.greeting,
        "families": [[f.name, f.title, f.short, f.style, f.order] for f in result.families],
        "sentence_spans": [[s.start, s.end] for s in result.sentence_spans],
        "findings": [
            {
                "rule": f.rule,
                "family": f.family,
                "severity": f.severity.label,
                "span": [f.span.start, f.span.end],
                "start": [f.start.line, f.start.column],
                "end": [f.end.line, f.end.column],
                "message": f.message,
                "excerpt": f.excerpt,
                "suggestion": f.suggestion,
                "note": f.note,
            }
            for f in result.findings
        ],
        "rules": {
            rid: {
                "family": r.family,
                "severity": r.severity.label,
                "kind": r.kind,
                "message": r.message,
                "summary": r.summary,
                "example": r.example,
                "rationale": r.rationale,
            }
            for rid, r in sorted(ruleset.rules.items())
            if rid in used
        },
    }


def thaw(data: dict[str, Any]) -> tuple[LintResult, RuleSet]:
    findings = [
        Finding(
            rule=f["rule"],
            family=f["family"],
            severity=Severity.parse(f["severity"]),
            span=Span(*f["span"]),
            start=Position(*f["start"]),
            end=Position(*f["end"]),
            message=f["message"],
            excerpt=f["excerpt"],
            suggestion=f["suggestion"],
            note=f["note"],
        )
        for f in data["findings"]
    ]
    result = LintResult(
        path=data["path"],
        profile=data["profile"],
        text=data["text"],
        findings=findings,
        sections=dict(data["sections"]),
        tone=Tone(data["tone"]["compound"], data["tone"]["negative_share"], tuple(data["tone"]["arc"])),
        stats=Stats(*data["stats"]),
        score=data["score"],
        closing_start=data["closing_start"],
        sentence_spans=[Span(*s) for s in data["sentence_spans"]],
        greeting=data["greeting"],
        families=tuple(Family(*f) for f in data["families"]),
        rules={
            rid: RuleInfo(r["summary"] or r["message"], r.get("rationale", ""), Severity.parse(r["severity"]))
            for rid, r in data["rules"].items()
        },
    )
    rules = {
        rid: Rule(
            id=rid,
            family=r["family"],
            severity=Severity.parse(r["severity"]),
            kind=r["kind"],
            message=r["message"],
            source="frozen",
            summary=r["summary"],
            spec=_section_spec(rid, r) if r["kind"] == "section" else None,
        )
        for rid, r in data["rules"].items()
    }
    return result, RuleSet(rules=rules, profiles={})


def _section_spec(rid: str, r: dict) -> SectionRule:
    return SectionRule(section=rid.split("/", 1)[1], detect=None, example=r["example"], matchers=None)


def frozen(name: str) -> tuple[LintResult, RuleSet]:
    """The frozen result of examples/<name>.txt (made from the live engine if missing)."""
    path = SNAPSHOTS / f"{name}.result.json"
    if os.environ.get("LETTERLINT_REFREEZE") or not path.exists():
        from letterlint import default_engine

        engine = default_engine()
        text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
        live = engine.lint(text, path=f"examples/{name}.txt")
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(json.dumps(freeze(live, engine.ruleset), indent=1, ensure_ascii=False) + "\n")
    return thaw(json.loads(path.read_text(encoding="utf-8")))
