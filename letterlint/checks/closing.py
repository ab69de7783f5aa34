"""Check kind `closing`: how the letter ends: tone of the last lines, or no ending at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from letterlint.checks import sections
from letterlint.checks.base import Context, accepted_matches
from letterlint.checks.kind import CheckKind, Reader
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule
from letterlint.structure import is_closing_line

DETECTORS = ("negative-ending", "no-closing")


@dataclass(frozen=True, slots=True)
class ClosingRule:
    detect: str
    unless_section: str | None = None  # this section found in the ending cancels the finding


def parse(reader: Reader) -> ClosingRule:
    reader.expect("detect" in reader.data, "a closing rule needs 'detect'", "kind")
    return ClosingRule(reader.choice("detect", DETECTORS, None) or "", reader.string("unless_section"))


_LOOKS_AHEAD = re.compile(
    r"\b(?:i['’]?ll|ill|i will|we['’]?ll|we will|let['’]?s|see you|soon|next (?:time|week|month)|tomorrow|"
    r"this (?:week|weekend)|won['’]?t happen again|can['’]?t wait)\b",
    re.IGNORECASE,
)


def _redeemed(ctx: Context, rule: Rule, span: Span) -> bool:
    """The rule's `unless_section` (a hopeful close) is found in this span."""
    section = ctx.ruleset.section_rule(rule.spec.unless_section) if rule.spec.unless_section else None
    return section is not None and next(accepted_matches(ctx, section, span), None) is not None


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    doc = ctx.doc
    closing = doc.closing_sentences
    if not closing:
        return
    if rule.spec.detect == "negative-ending":
        scores = [ctx.compounds[s.index] for s in closing]
        limit = ctx.profile.threshold("closing_compound", -0.3)
        last = scores[-1]
        if last <= limit or (sum(scores) / len(scores) <= limit and last < 0.2):
            worst = min(range(len(closing)), key=lambda i: scores[i])
            # VADER reads "No pressure at all." as negative; a hopeful cue is not a sad ending.
            if doc.in_writer_voice(closing[worst].span) and not _redeemed(ctx, rule, closing[worst].span):
                yield ctx.finding(rule, closing[worst].span)
    elif rule.spec.detect == "no-closing":
        # Only a letter that really stops: no sign-off and no closing line.
        if doc.sign_off is not None or is_closing_line(closing[-1].text):
            return
        section = ctx.ruleset.section_rule(rule.spec.unless_section) if rule.spec.unless_section else None
        if section is not None and sections.locate(section, ctx) is not None:
            return
        if _LOOKS_AHEAD.search(closing[-1].text):
            return  # "I'll buy you lunch this week" is an ending, if an informal one
        yield ctx.finding(rule, closing[-1].span)


KIND = CheckKind(
    name="closing",
    keys=frozenset({"detect", "unless_section"}),
    parse=parse,
    run=run,
    summary="how the letter ends: `detect` = negative-ending or no-closing",
    letter_level=lambda spec: True,
)
