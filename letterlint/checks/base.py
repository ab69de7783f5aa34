"""What every check kind gets: the document, the profile, the rules and lazy sentiment."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from letterlint.document import WORD, Document
from letterlint.model import Finding, Span
from letterlint.prefilter import may_match, normalize, scan
from letterlint.rulepack import Profile, Rule, RuleSet

USER_PATTERN_TIMEOUT = 0.5  # seconds a user pattern may spend on one letter


class RuleTimeout(RuntimeError):
    """A user pattern ran longer than USER_PATTERN_TIMEOUT (catastrophic backtracking)."""


@dataclass
class Context:
    doc: Document
    profile: Profile
    ruleset: RuleSet
    _sections: dict[str, Span | None] = field(default_factory=dict)

    @cached_property
    def normalized(self) -> str:
        """The text as rule triggers and start prefixes see it (see prefilter.normalize)."""
        return normalize(self.doc.text)

    @cached_property
    def start_positions(self) -> dict[str, list[int]] | None:
        """Rule id -> positions where a built-in rule may match; None: scan everything."""
        index = self.ruleset.start_index
        if index is None or len(self.normalized) != len(self.doc.text):
            return None
        return index.positions(self.normalized)

    def matches(self, rule: Rule) -> Iterator[re.Match[str]]:
        """finditer over the whole letter, trying only the positions where a match may begin."""
        assert rule.compiled is not None
        positions = self.start_positions
        if rule.starts is None or positions is None or not rule.starts.usable(self.normalized):
            return finditer(rule.compiled, self.doc.text, rule)
        return scan(rule.compiled, self.doc.text, positions.get(rule.id, []))

    @cached_property
    def sentence_words(self) -> list[int]:
        """Words per sentence, in order; several metrics need them."""
        return [len(WORD.findall(s.text)) for s in self.doc.sentences]

    @cached_property
    def compounds(self) -> list[float]:
        """VADER compound per sentence, in order (the tone arc)."""
        from letterlint.nlp import sentiment

        scorer = sentiment()
        return [scorer.compound(s.text) for s in self.doc.sentences]

    @cached_property
    def reading_grade(self) -> float:
        """textstat's Flesch-Kincaid grade of the body, once per lint (stats and clarity share it)."""
        doc = self.doc
        if doc.word_count < 10:
            return 0.0
        from letterlint.nlp import reading_grade

        return reading_grade(" ".join(s.text for s in doc.body_sentences or doc.sentences))

    @cached_property
    def body_compounds(self) -> list[float]:
        body = {s.index for s in self.doc.body_sentences}
        return [c for i, c in enumerate(self.compounds) if i in body] or list(self.compounds)

    def finding(self, rule: Rule, span: Span, message: str | None = None) -> Finding:
        excerpt = self.doc.text[span.start : span.end]
        return Finding(
            rule=rule.id,
            family=rule.family,
            severity=rule.severity,
            span=span,
            start=self.doc.position(span.start),
            end=self.doc.position(span.end),
            message=message or rule.message,
            excerpt=excerpt,
            suggestion=rule.suggestion,
            note=rule.note,
            crisis=rule.crisis,
        )


def finditer(pattern: re.Pattern[str], text: str, rule: Rule) -> Iterator[re.Match[str]]:
    """Matches of a rule's pattern; user patterns (the `regex` module) get a time limit."""
    if rule.builtin:
        yield from pattern.finditer(text)
        return
    try:
        yield from pattern.finditer(text, timeout=USER_PATTERN_TIMEOUT)  # type: ignore[call-arg]
    except TimeoutError:
        raise RuleTimeout(
            f"pattern of rule {rule.id} took longer than {USER_PATTERN_TIMEOUT}s (catastrophic backtracking?)"
        ) from None


def in_region(ctx: Context, rule: Rule, span: Span) -> bool:
    if rule.region == "any":
        return True
    if rule.region == "ending":
        ending, sign_off = ctx.doc.ending_start, ctx.doc.sign_off
        return (
            ending is not None and span.start >= ending and (sign_off is None or span.end <= sign_off.start)
        )
    return ctx.doc.region_of(span) == rule.region


def accepted_matches(ctx: Context, rule: Rule, text_span: Span | None = None) -> Iterator[Span]:
    """Spans where the rule's patterns match in the writer's own voice, outside `unless`."""
    assert rule.compiled is not None
    if not may_match(rule.triggers, ctx.normalized):
        return  # no string that every match contains occurs in the letter
    doc = ctx.doc
    lo = text_span.start if text_span else 0
    hi = text_span.end if text_span else len(doc.text)
    found = finditer(rule.compiled, doc.text[lo:hi], rule) if text_span else ctx.matches(rule)
    for m in found:
        span = Span(lo + m.start(), lo + m.end())
        if span.end == span.start or not in_region(ctx, rule, span):
            continue
        if rule.scope == "writer" and not doc.in_writer_voice(span):
            continue
        if rule.scope == "asserted" and (doc.is_quoted(span) or doc.is_negated(span)):
            continue
        if rule.compiled_unless is not None and _cancelled(ctx, rule, span):
            continue
        yield span


def _cancelled(ctx: Context, rule: Rule, span: Span) -> bool:
    """`unless` patterns cancel every match in the sentence where they occur (Vale's exceptions)."""
    assert rule.compiled_unless is not None
    if not may_match(rule.unless_triggers, ctx.normalized):
        return False
    sentence = ctx.doc.sentence_at(span.start)
    lo, hi = (sentence.span.start, sentence.span.end) if sentence else (span.start, span.end)
    return next(finditer(rule.compiled_unless, ctx.doc.text[lo:hi], rule), None) is not None
