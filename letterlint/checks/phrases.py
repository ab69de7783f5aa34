"""Check kind `phrase`: patterns in the writer's own voice, optionally in one region."""

from __future__ import annotations

from collections.abc import Iterator

from letterlint.checks.base import Context, accepted_matches
from letterlint.model import Finding
from letterlint.rulepack import Rule


def run(rule: Rule, ctx: Context) -> Iterator[Finding]:
    seen_sentences: set[int] = set()
    count = 0
    for span in accepted_matches(ctx, rule):
        sentence = ctx.doc.sentence_at(span.start)
        key = sentence.index if sentence else -span.start
        if key in seen_sentences:
            continue  # one finding per sentence and rule is enough to point at it
        seen_sentences.add(key)
        yield ctx.finding(rule, span)
        count += 1
        if count >= rule.max_per_letter:
            return
