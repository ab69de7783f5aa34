"""Check kind `phrase`: token patterns (or regex) in the writer's own voice, one finding a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from letterlint.checks.base import Context, accepted_matches
from letterlint.checks.kind import MATCHER_KEYS, CheckKind, Matchers, Reader
from letterlint.model import Finding
from letterlint.rulepack import Rule


@dataclass(frozen=True, slots=True)
class PhraseRule:
    matchers: Matchers
    max_per_letter: int = 5


def parse(reader: Reader) -> PhraseRule:
    matchers = reader.matchers(required=True)
    assert matchers is not None
    return PhraseRule(matchers, reader.count("max_per_letter", 5))


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    if rule.crisis:  # a writer who may be in danger: recall first, in every scope
        from letterlint.checks import crisis

        yield from crisis.run(rule, ctx)
        return
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
        if count >= rule.spec.max_per_letter:
            return


KIND = CheckKind(
    name="phrase",
    keys=MATCHER_KEYS | {"max_per_letter"},
    parse=parse,
    run=run,
    summary="words in the writer's own voice: `match` (token patterns) or `patterns` (regex)",
)
