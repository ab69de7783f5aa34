"""Check kind `section`: which parts of the profile's letter shape are present."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from letterlint.checks.base import Context, accepted_matches
from letterlint.checks.kind import MATCHER_KEYS, CheckKind, Matchers, Reader
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule

DETECTORS = ("greeting", "sign-off")


@dataclass(frozen=True, slots=True)
class SectionRule:
    section: str
    detect: str | None  # a part the document's structure finds, instead of patterns
    example: str | None  # an example of the part, with {name} and {me} filled in
    matchers: Matchers | None


def parse(reader: Reader) -> SectionRule:
    reader.expect(reader.family == "missing-section", "section rules belong to missing-section")
    detect = reader.choice("detect", DETECTORS, None)
    matchers = reader.matchers(required=detect is None)
    return SectionRule(reader.string("section") or reader.name, detect, reader.string("example"), matchers)


def locate(rule: Rule, ctx: Context) -> Span | None:
    """Where the section is found, or None when the letter lacks it."""
    doc = ctx.doc
    if rule.spec.detect == "greeting":
        return doc.greeting.span if doc.greeting else None
    if rule.spec.detect == "sign-off":
        return doc.sign_off
    if rule.spec.matchers is None:
        return None
    return next(accepted_matches(ctx, rule), None)


def presence(ctx: Context) -> dict[str, bool]:
    result: dict[str, bool] = {}
    for section in ctx.profile.sections:
        rule = ctx.ruleset.section_rule(section)
        assert rule is not None  # checked when the profile was loaded
        result[section] = locate(rule, ctx) is not None
    return result


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    """A missing section is about the whole letter: a letter-level finding at line 1."""
    section = rule.spec.section
    if section in present and not present[section]:
        finding = ctx.finding(rule, Span(0, 0))
        suggestion = personalise(rule.example or rule.suggestion, ctx)
        yield replace(finding, suggestion=suggestion, letter_level=True)


def personalise(example: str | None, ctx: Context) -> str | None:
    """Fill {name} (the reader, from the greeting) and {me} (the writer, from the sign-off)."""
    if example is None:
        return None
    doc = ctx.doc
    return example.replace("{name}", doc.recipient_name or "[their name]").replace(
        "{me}", doc.writer_name or "[your name]"
    )


KIND = CheckKind(
    name="section",
    keys=MATCHER_KEYS | {"section", "detect", "example"},
    parse=parse,
    run=run,
    summary="a part of the letter's shape; `detect` (greeting, sign-off) or patterns as cues",
    letter_level=lambda spec: True,
)
