"""Check kind `sentiment`: the letter's overall tone from VADER, against the profile."""

from __future__ import annotations

from collections.abc import Iterator

from letterlint.checks.base import Context
from letterlint.checks.kind import CheckKind, Reader
from letterlint.model import Finding
from letterlint.rulepack import Rule

NEGATIVE_SENTENCE = -0.25  # compound at or below this counts a sentence as negative
POSITIVE_SENTENCE = 0.15
GLOOM_SENTENCE = -0.15


def negative_share(ctx: Context) -> float:
    body = ctx.body_compounds
    cutoff = ctx.profile.threshold("negative_sentence", NEGATIVE_SENTENCE)
    return sum(1 for c in body if c <= cutoff) / len(body) if body else 0.0


def gloom_share(ctx: Context) -> float:
    """Share of body sentences at or below a softer cutoff than `negative_share` uses."""
    body = ctx.body_compounds
    cutoff = ctx.profile.threshold("gloom_sentence", GLOOM_SENTENCE)
    return sum(1 for c in body if c <= cutoff) / len(body) if body else 0.0


def positive_share(ctx: Context) -> float:
    body = ctx.body_compounds
    cutoff = ctx.profile.threshold("positive_sentence", POSITIVE_SENTENCE)
    return sum(1 for c in body if c >= cutoff) / len(body) if body else 0.0


def mean_compound(ctx: Context) -> float:
    body = ctx.body_compounds
    return sum(body) / len(body) if body else 0.0


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    body = [s for s in ctx.doc.body_sentences]
    min_sentences = int(ctx.profile.threshold("tone_min_sentences", 4))
    if len(body) < min_sentences:
        return
    share = negative_share(ctx)
    mean = mean_compound(ctx)
    share_limit = ctx.profile.threshold("negative_share", 0.4)
    mean_limit = ctx.profile.threshold("mean_compound", -0.1)
    # Gloom: a fair share of negative sentences and almost nothing warm to balance them.
    gloomy = gloom_share(ctx) >= ctx.profile.threshold("gloom_negative_share", 0.3) and positive_share(
        ctx
    ) <= ctx.profile.threshold("gloom_positive_share", 0.15)
    if share < share_limit and mean > mean_limit and not gloomy:
        return
    # Point at the most negative sentence of the body: the place to start softening.
    index = {s.index: s for s in body}
    worst = min(index, key=lambda i: ctx.compounds[i])
    message = (
        f"{rule.message} ({round(share * 100)}% of sentences read as negative; average tone {mean:+.2f})"
    )
    yield ctx.finding(rule, index[worst].span, message)


def parse(reader: Reader) -> None:
    return None  # the thresholds are the profile's


KIND = CheckKind(
    name="sentiment",
    keys=frozenset(),
    parse=parse,
    run=run,
    summary="the letter's overall tone, against the profile's thresholds",
    letter_level=lambda spec: True,
)
