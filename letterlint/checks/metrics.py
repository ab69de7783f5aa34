"""Check kind `metric`: countable properties of the text against a threshold."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from letterlint.checks.base import Context, accepted_matches
from letterlint.checks.kind import MATCHER_KEYS, CheckKind, Matchers, Reader
from letterlint.document import WORD
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule


@dataclass(frozen=True, slots=True)
class MetricRule:
    metric: str
    threshold: str | float | None  # a number, or the name of a profile threshold
    min_count: int
    max_per_letter: int
    matchers: Matchers | None  # what `count` counts


_DEFAULTS = {
    "max_words": 600.0,
    "long_sentence": 40.0,
    "paragraph_words": 180.0,
    "reading_grade": 12.0,
}


def threshold(rule: Rule, ctx: Context, default_key: str) -> float:
    """A number in the rule, or the name of a profile threshold."""
    value = rule.spec.threshold if rule.spec.threshold is not None else default_key
    if isinstance(value, str):
        return ctx.profile.threshold(value, _DEFAULTS.get(value, 0.0))
    return float(value)


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _letter_words(rule: Rule, ctx: Context) -> Iterator[Finding]:
    limit = threshold(rule, ctx, "max_words")
    total = 0
    for sentence in ctx.doc.sentences:
        total += ctx.sentence_words[sentence.index]
        if total > limit:
            full = ctx.doc.word_count
            message = f"{rule.message} ({full} words; aim for under {int(limit)})"
            yield ctx.finding(rule, sentence.span, message)
            return


def _sentence_words(rule: Rule, ctx: Context) -> Iterator[Finding]:
    limit = threshold(rule, ctx, "long_sentence")
    count = 0
    for sentence in ctx.doc.sentences:
        n = ctx.sentence_words[sentence.index]
        if n > limit:
            yield ctx.finding(rule, sentence.span, f"{rule.message} ({n} words)")
            count += 1
            if count >= rule.spec.max_per_letter:
                return


def _paragraph_words(rule: Rule, ctx: Context) -> Iterator[Finding]:
    limit = threshold(rule, ctx, "paragraph_words")
    doc = ctx.doc
    for para in doc.paragraphs:
        n = _words(doc.text[para.start : para.end])
        if n > limit:
            first_line = doc.line_span(doc.position(para.start).line)
            span = Span(para.start, max(para.start, min(first_line.end, para.end)))
            yield ctx.finding(rule, span, f"{rule.message} ({n} words in one paragraph)")


def _reading_grade(rule: Rule, ctx: Context) -> Iterator[Finding]:
    body = ctx.doc.body_sentences
    if sum(ctx.sentence_words[s.index] for s in body) < 40:
        return  # too short for a grade to mean anything
    grade = ctx.reading_grade
    limit = threshold(rule, ctx, "reading_grade")
    if grade > limit:
        longest = max(body, key=lambda s: ctx.sentence_words[s.index])
        yield ctx.finding(rule, longest.span, f"{rule.message} (grade {grade:.1f})")


def _count(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Fires at the occurrence that makes the count reach `min_count`."""
    needed = int(threshold(rule, ctx, "")) if rule.spec.threshold is not None else rule.spec.min_count
    for n, span in enumerate(accepted_matches(ctx, rule), start=1):
        if n == needed:
            yield ctx.finding(rule, span, f"{rule.message} ({n} times or more)")
            return


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _shouting(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Whole sentences in capitals; short acronyms (NYC, BBQ) do not count."""
    count = 0
    doc = ctx.doc
    for sentence in doc.body_sentences:
        if sentence.index == 0 and len(doc.sentences) > 1 and doc.greeting is None:
            continue  # a heading such as "TO JOSEPHINE, AT GENOA."
        words = _CAPS_WORD.findall(sentence.text)
        upper = [w for w in words if w.isupper()]
        letters = sum(len(w) for w in upper)
        if len(words) >= 3 and len(upper) >= 0.8 * len(words) and letters >= 10:
            yield ctx.finding(rule, sentence.span)
            count += 1
            if count >= rule.spec.max_per_letter:
                return


METRICS: dict[str, Callable[[Rule, Context], Iterator[Finding]]] = {
    "letter-words": _letter_words,
    "sentence-words": _sentence_words,
    "paragraph-words": _paragraph_words,
    "reading-grade": _reading_grade,
    "count": _count,
    "shouting": _shouting,
}


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    yield from METRICS[rule.spec.metric](rule, ctx)


def parse(reader: Reader) -> MetricRule:
    metric = reader.choice("metric", tuple(METRICS), None)
    reader.expect(metric is not None, "a metric rule needs 'metric'", "kind")
    assert metric is not None
    value = reader.data.get("threshold")
    reader.expect(
        value is None
        or isinstance(value, str)
        or (isinstance(value, (int, float)) and not isinstance(value, bool)),
        "'threshold' must be a number or a profile threshold name",
        "threshold",
    )
    matchers = reader.matchers(required=metric == "count")
    return MetricRule(
        metric, value, reader.count("min_count", 1), reader.count("max_per_letter", 5), matchers
    )


# Metrics about the whole letter: a passage-based fingerprint would move with every edit.
_LETTER_METRICS = frozenset({"letter-words", "reading-grade", "count"})

KIND = CheckKind(
    name="metric",
    keys=MATCHER_KEYS | {"metric", "threshold", "min_count", "max_per_letter"},
    parse=parse,
    run=run,
    summary="a countable property against a threshold: " + ", ".join(METRICS),
    letter_level=lambda spec: spec.metric in _LETTER_METRICS,
)
