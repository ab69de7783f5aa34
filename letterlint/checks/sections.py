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


def anchor(ctx: Context, rule: Rule) -> Span:
    """Where a missing section belongs, as its rule's `anchor` says: the first sentence
    (`start`), the last one (`end`) or the last sentence of the body (`body-end`)."""
    doc = ctx.doc
    if not doc.sentences:
        return Span(0, 0)
    if rule.anchor == "start":
        return doc.sentences[0].span
    if rule.anchor == "end" or not doc.body_sentences:
        return doc.sentences[-1].span
    return doc.body_sentences[-1].span


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    section = rule.section or rule.name
    if section in present and not present[section]:
        finding = ctx.finding(rule, anchor(ctx, rule))
        yield replace(finding, suggestion=personalise(rule.example or rule.suggestion, ctx))


def personalise(example: str | None, ctx: Context) -> str | None:
    """Fill {name} (the reader, from the greeting) and {me} (the writer, from the sign-off)."""
    if example is None:
        return None
    doc = ctx.doc
    return example.replace("{name}", doc.recipient_name or "[their name]").replace(
        "{me}", doc.writer_name or "[your name]"
    )
