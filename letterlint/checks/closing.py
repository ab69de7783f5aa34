"""Check kind `closing`: how the letter ends: tone of the last lines, or no ending at all."""

from __future__ import annotations

from collections.abc import Iterator

from letterlint.checks import sections
from letterlint.checks.base import Context
from letterlint.model import Finding
from letterlint.rulepack import Rule


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
            if doc.in_writer_voice(closing[worst].span):
                yield ctx.finding(rule, closing[worst].span)
    elif rule.detect == "no-closing":
        if doc.sign_off is not None:
            return
        hopeful = ctx.ruleset.section_rule("hopeful-close")
        if hopeful is not None and sections.locate(hopeful, ctx) is not None:
            return
        yield ctx.finding(rule, closing[-1].span)
