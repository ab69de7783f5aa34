"""Check kind `closing`: how the letter ends: tone of the last lines, or no ending at all."""

from __future__ import annotations

import re
from collections.abc import Iterator

from letterlint.checks import sections
from letterlint.checks.base import Context, accepted_matches
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule
from letterlint.structure import is_closing_line

_LOOKS_AHEAD = re.compile(
    r"\b(?:i['’]?ll|ill|i will|we['’]?ll|we will|let['’]?s|see you|soon|next (?:time|week|month)|tomorrow|"
    r"this (?:week|weekend)|won['’]?t happen again|can['’]?t wait)\b",
    re.IGNORECASE,
)


def _hopeful(ctx: Context, span: Span) -> bool:
    rule = ctx.ruleset.section_rule("hopeful-close")
    return rule is not None and next(accepted_matches(ctx, rule, span), None) is not None


def run(rule: Rule, ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    closing = doc.closing_sentences
    if not closing:
        return
    if rule.detect == "negative-ending":
        scores = [ctx.compounds[s.index] for s in closing]
        limit = ctx.profile.threshold("closing_compound", -0.3)
        last = scores[-1]
        if last <= limit or (sum(scores) / len(scores) <= limit and last < 0.2):
            worst = min(range(len(closing)), key=lambda i: scores[i])
            # VADER reads "No pressure at all." as negative; a hopeful cue is not a sad ending.
            if doc.in_writer_voice(closing[worst].span) and not _hopeful(ctx, closing[worst].span):
                yield ctx.finding(rule, closing[worst].span)
    elif rule.detect == "no-closing":
        # Only a letter that really stops: no sign-off and no closing line.
        if doc.sign_off is not None or is_closing_line(closing[-1].text):
            return
        hopeful = ctx.ruleset.section_rule("hopeful-close")
        if hopeful is not None and sections.locate(hopeful, ctx) is not None:
            return
        if _LOOKS_AHEAD.search(closing[-1].text):
            return  # "I'll buy you lunch this week" is an ending, if an informal one
        yield ctx.finding(rule, closing[-1].span)
