"""Each sentence's tone toward the reader, as letterlint judges it (docs/scoring.md).

VADER reads words, not what a sentence does to the reader: "I know I wasn't perfect and
I'm sorry" comes out low, a begging line comes out neutral or warm, "I couldn't be
happier for you" comes out negative. The judged tone starts from VADER and then lets
letterlint's own judgement decide where it has one:

- a sentence with a desperation or negative-tone finding is at most PROBLEM_TONE of its
  family (a plea or a jab is a low point, whatever its words);
- a sentence that owns a mistake or names its cost to the reader (accountability,
  impact) is at least neutral, one that says what the writer misses or hopes for is at
  least mildly warm, unless it also carries a problem;
- a few idioms whose negation VADER misreads count as warm.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from letterlint.checks.base import Context, accepted_matches
from letterlint.model import Finding, Span, Tone

# The most a sentence with a finding of the family can score.
PROBLEM_TONE = {"negative-tone": -0.6, "desperation": -0.45, "weak-closing": -0.35}
SELF_HARM_TONE = -0.8
TYPOGRAPHY_TONE = -0.2  # stacked !!! or capitals: loud rather than hostile
# The least a sentence doing one of these jobs (and carrying no problem) scores.
SECTION_FLOOR = {
    "accountability": 0.0,
    "impact": 0.0,
    "acknowledgement": 0.0,
    "feelings": 0.15,
    "hopeful-close": 0.3,
}
IDIOM_TONE = 0.5

# "I couldn't be happier", "I can't thank you enough": a negated comparative that praises.
_WARM_IDIOMS = re.compile(
    r"\b(?:could(?:n['’]?t| not| never)|can(?:['’]?t|not)|would(?:n['’]?t| not))\s+(?:\w+\s+)?"
    r"(?:be|feel|have\s+been)\s+(?:any\s+)?(?:happier|prouder|gladder|more\s+(?:proud|grateful|thankful|"
    r"pleased|excited|happy|delighted|glad|thrilled))\b"
    r"|\b(?:could(?:n['’]?t| not)|can(?:['’]?t|not))\s+(?:ask|wish|hope)\s+for\s+"
    r"(?:a\s+|anything\s+)?(?:better|more)\b"
    r"|\bnothing\s+(?:would|could|will)\s+make\s+me\s+(?:happier|prouder|gladder)\b"
    r"|\b(?:can(?:['’]?t|not)|could(?:n['’]?t| not))\s+thank\s+(?:you|u)\s+enough\b",
    re.IGNORECASE,
)


def judge(ctx: Context, problems: bool = True) -> list[float]:
    """The judged tone of every sentence of the letter, in order (-1 to 1); without
    `problems`, from the words and the sections alone."""
    doc = ctx.doc
    tones = list(ctx.compounds)
    for sentence in doc.sentences:
        if _WARM_IDIOMS.search(sentence.text):
            tones[sentence.index] = max(tones[sentence.index], IDIOM_TONE)
    caps = problem_caps(ctx, _problem_findings(ctx)) if problems else {}
    for index, floor in tone_floors(ctx).items():
        if index not in caps:
            tones[index] = max(tones[index], floor)
    for index, cap in caps.items():
        tones[index] = min(tones[index], cap)
    return tones


def section_floors(ctx: Context) -> dict[int, float]:
    """Sentence index -> the least it scores for the section job it does (SECTION_FLOOR)."""
    floors: dict[int, float] = {}
    for section, floor in SECTION_FLOOR.items():
        rule = ctx.ruleset.section_rule(section)
        if rule is None or getattr(rule.spec, "matchers", None) is None:
            continue
        for span in accepted_matches(ctx, rule):
            for index in _sentences_of(ctx, span):
                floors[index] = max(floors.get(index, -1.0), floor)
    return floors


def with_findings(ctx: Context, findings: Iterable[Finding]) -> list[float]:
    """The judged tone with every finding of the lint applied (weak closings too): the arc."""
    tones = list(tones_of(ctx))
    for index, cap in problem_caps(ctx, findings).items():
        tones[index] = min(tones[index], cap)
    return tones


def problem_caps(ctx: Context, findings: Iterable[Finding]) -> dict[int, float]:
    """Sentence index -> the most that sentence may score, from the findings in it."""
    caps: dict[int, float] = {}
    for f in findings:
        cap = _cap(f)
        if cap is None:
            continue
        for index in _sentences_of(ctx, f.span):
            caps[index] = min(caps.get(index, 1.0), cap)
    return caps


def _cap(f: Finding) -> float | None:
    if f.family not in PROBLEM_TONE or f.span.end == f.span.start:
        return None
    if f.rule == "desperation/self-harm":
        return SELF_HARM_TONE
    if f.rule in ("desperation/panic-punctuation", "desperation/shouting"):
        return TYPOGRAPHY_TONE
    return PROBLEM_TONE[f.family]


def _problem_findings(ctx: Context) -> list[Finding]:
    """Findings of the desperation and negative-tone rules that point at a sentence (not
    the whole-letter tone rules, which point at the worst sentence by VADER)."""
    found: list[Finding] = []
    for rule in ctx.ruleset.rules.values():
        if rule.family in ("desperation", "negative-tone") and rule.kind not in ("sentiment", "metric"):
            found += ctx.findings_of(rule)
    return found


def _sentences_of(ctx: Context, span: Span) -> list[int]:
    first = ctx.doc.sentence_at(span.start)
    if first is None:
        return []
    out = [first.index]
    for sentence in ctx.doc.sentences[first.index + 1 :]:
        if sentence.span.start >= span.end:
            break
        out.append(sentence.index)
    return out


def letter_tone(ctx: Context, findings: Iterable[Finding]) -> Tone:
    """The tone summary of a lint: the judged arc, its mean over the body and the share of
    body sentences at or below the profile's `negative_sentence`."""
    arc = with_findings(ctx, findings)
    body_index = {s.index for s in ctx.doc.body_sentences}
    body = [v for i, v in enumerate(arc) if i in body_index] or arc
    cutoff = ctx.profile.threshold("negative_sentence", -0.25)
    return Tone(
        compound=sum(body) / len(body) if body else 0.0,
        negative_share=sum(1 for v in body if v <= cutoff) / len(body) if body else 0.0,
        arc=tuple(arc),
    )


def _memo(ctx: Context, key: str, make: Callable[[], Any]) -> Any:
    """Once per lint: kept on the context (which knows nothing of this module)."""
    memo = ctx.__dict__.setdefault("_tone_memo", {})
    if key not in memo:
        memo[key] = make()
    return memo[key]


def tones_of(ctx: Context) -> list[float]:
    """Each sentence's tone toward the reader as letterlint judges it."""
    return _memo(ctx, "tones", lambda: judge(ctx))


def tones_without_problems(ctx: Context) -> list[float]:
    """The judged tone from the words and the sections alone, before any finding."""
    return _memo(ctx, "plain", lambda: judge(ctx, problems=False))


def tone_floors(ctx: Context) -> dict[int, float]:
    """Sentence index -> the least its tone may be, for the section job it does."""
    return _memo(ctx, "floors", lambda: section_floors(ctx))
