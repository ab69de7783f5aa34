"""Check kind `section`: which parts of the profile's letter shape are present."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from letterlint.checks.base import Context, accepted_matches
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule


def locate(rule: Rule, ctx: Context) -> Span | None:
    """Where the section is found, or None when the letter lacks it."""
    doc = ctx.doc
    if rule.detect == "greeting":
        return doc.greeting.span if doc.greeting else None
    if rule.detect == "sign-off":
        return doc.sign_off
    if rule.compiled is None:
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
    section = rule.section or rule.name
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
