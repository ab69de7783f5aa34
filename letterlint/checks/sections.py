"""Check kind `section`: which parts of the profile's letter shape are present."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from letterlint.checks.base import Context, accepted_matches
from letterlint.checks.kind import MATCHER_KEYS, CheckKind, Matchers, Reader
from letterlint.matcher import Pattern, PatternIndex
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule

DETECTORS = ("greeting", "sign-off")
# This many `weak` cues (anywhere, even in one sentence) make a section nothing stronger found.
WEAK_CUES = 2


@dataclass(frozen=True, slots=True)
class SectionRule:
    section: str
    detect: str | None  # a part the document's structure finds, instead of patterns
    example: str | None  # an example of the part, with {name} and {me} filled in
    matchers: Matchers | None  # every cue, `weak` included (the tone floors read them too)
    strong: Matchers | None = None  # without the `weak` cues; None when the rule has none
    # `unless_paragraph`: token patterns that void the looser cues (`patterns`, `weak`) of their
    # paragraph: "I'll quit the band. I'll move. I'll do anything you want." is a bargain, not a
    # commitment. A `match` pattern describes a sentence that does the job and still counts.
    void: tuple[Pattern, ...] = ()
    void_index: PatternIndex | None = None
    # `taken_back`: token patterns that take the section back ("But let's be honest, you
    # started it"): every cue in their paragraph, or in the paragraph just before, is void.
    back: tuple[Pattern, ...] = ()
    back_index: PatternIndex | None = None
    # `taken_back_in`: the profiles where a taking-back voids the section (default: all). In an
    # apology the owning is the point; in a longer letter it can stand beside a complaint.
    back_in: tuple[str, ...] = ()


def parse(reader: Reader) -> SectionRule:
    reader.expect(reader.family == "missing-section", "section rules belong to missing-section")
    detect = reader.choice("detect", DETECTORS, None)
    strong = reader.matchers(required=detect is None)
    matchers = _with_weak(reader, strong)
    name = reader.string("section") or reader.name
    void = reader.token_patterns("unless_paragraph")
    reader.expect(
        not void or (matchers is not None and matchers.regex is not None),
        "'unless_paragraph' voids only `patterns` and `weak` cues: the rule has none",
        "unless_paragraph",
    )
    back = reader.token_patterns("taken_back")
    reader.expect(not back or matchers is not None, "'taken_back' needs cues", "taken_back")
    back_in = reader.strings("taken_back_in")
    reader.expect(not back_in or bool(back), "'taken_back_in' needs 'taken_back'", "taken_back_in")
    return SectionRule(
        name,
        detect,
        reader.string("example"),
        matchers,
        strong if matchers is not strong else None,
        void,
        PatternIndex.build(void) if void else None,
        back,
        PatternIndex.build(back) if back else None,
        back_in,
    )


def _with_weak(reader: Reader, strong: Matchers | None) -> Matchers | None:
    """All cues: `patterns` and `weak` ("I'm sorry", "I've changed") in one regex."""
    weak = reader.strings("weak")
    if not weak:
        return strong
    reader.expect(strong is not None, "'weak' needs 'match' or 'patterns'", "weak")
    assert strong is not None
    cues = (*reader.strings("patterns"), *weak)
    regex = reader.regex(cues, "weak", True, False)
    return replace(strong, regex=regex, alternatives=cues if reader.builtin else ())


def locate(rule: Rule, ctx: Context) -> Span | None:
    """Where the section is found, or None when the letter lacks it."""
    doc = ctx.doc
    if rule.spec.detect == "greeting":
        return doc.greeting.span if doc.greeting else None
    if rule.spec.detect == "sign-off":
        return doc.sign_off
    if rule.spec.matchers is None:
        return None
    matchers = rule.spec.strong or rule.spec.matchers
    voided, taken = _blocked_paragraphs(ctx, rule.spec)
    if matchers.match and matchers.regex is not None:
        # Token patterns describe a sentence that does the section's job; the evidence shown
        # is a token match wherever the letter has one.
        found = next(_cues(ctx, _with(rule, replace(matchers, regex=None)), voided, taken), None)
        if found is not None:
            return found
    found = next(_cues(ctx, _with(rule, matchers), voided, taken), None)
    if found is None and rule.spec.strong is not None:
        return _weak_evidence(rule, ctx, voided, taken)  # nothing strong: every hit left is weak
    return found


def _blocked_paragraphs(ctx: Context, spec: SectionRule) -> tuple[set[int], set[int]]:
    """The paragraphs whose looser cues `unless_paragraph` voids, and those whose cues a
    taking-back voids (its own paragraph and the one before), found once per letter and rule:
    asking again per cue would cost cues x paragraph."""
    voided = (
        _paragraphs_saying(ctx, spec.void, spec.void_index, ctx.doc.in_writer_voice) if spec.void else set()
    )
    taken: set[int] = set()
    if spec.back and (not spec.back_in or ctx.profile.name in spec.back_in):
        # a taking-back is often itself a conditional ("if you hadn't started it"): only
        # quoting someone else's words makes it not the writer's
        said = _paragraphs_saying(ctx, spec.back, spec.back_index, _unquoted(ctx))
        taken = said | {p - 1 for p in said}
    return voided, taken


def _cues(ctx: Context, rule: Rule, voided: set[int], taken: set[int]) -> Iterator[Span]:
    """The rule's accepted cues outside the blocked paragraphs; `unless_paragraph` voids only
    the looser regex cues, so a rule reading token patterns alone keeps them."""
    matchers = rule.spec.matchers
    blocked = taken | voided if matchers is not None and matchers.regex is not None else taken
    for span in accepted_matches(ctx, rule):
        sentence = ctx.doc.sentence_at(span.start)
        if sentence is None or sentence.paragraph not in blocked:
            yield span


def _unquoted(ctx: Context) -> Callable[[Span], bool]:
    return lambda span: not ctx.doc.is_quoted(span)


def _paragraphs_saying(
    ctx: Context,
    patterns: tuple[Pattern, ...],
    index: PatternIndex | None,
    says: Callable[[Span], bool],
) -> set[int]:
    """The paragraphs where the writer `says` one of `patterns`."""
    doc = ctx.doc
    out: set[int] = set()
    for hit in ctx.token_matches(patterns, 0, None, index):
        sentence = doc.sentence_at(hit.start)
        if sentence is not None and says(hit):
            out.add(sentence.paragraph)
    return out


def _with(rule: Rule, matchers: Matchers) -> Rule:
    """The rule reading other cues (same id, so its `unless` memos still apply)."""
    return replace(rule, spec=replace(rule.spec, matchers=matchers))


def _weak_evidence(rule: Rule, ctx: Context, voided: set[int], taken: set[int]) -> Span | None:
    """Weak cues count only when they recur: one "I've changed" is a claim, not a section."""
    first: Span | None = None
    starts: set[int] = set()
    for span in _cues(ctx, rule, voided, taken):
        starts.add(span.start)
        first = first or span
        if len(starts) >= WEAK_CUES:
            return first
    return None


def presence(ctx: Context) -> dict[str, bool]:
    result: dict[str, bool] = {}
    for section in ctx.profile.sections:
        rule = ctx.ruleset.section_rule(section)
        assert rule is not None  # checked when the profile was loaded
        result[section] = locate(rule, ctx) is not None
    return result


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    """A missing section is about the whole letter: a letter-level finding at line 1."""
    section = rule.spec.section
    if section in present and not present[section]:
        finding = ctx.finding(rule, Span(0, 0))
        suggestion = personalise(rule.example or rule.suggestion, ctx)
        yield replace(finding, suggestion=suggestion, letter_level=True)


def personalise(example: str | None, ctx: Context) -> str | None:
    """Fill {name} (the reader, from the greeting) and {me} (the writer, from the sign-off)."""
    if example is None:
        return None
    doc = ctx.doc
    return example.replace("{name}", doc.recipient_name or "[their name]").replace(
        "{me}", doc.writer_name or "[your name]"
    )


KIND = CheckKind(
    name="section",
    keys=MATCHER_KEYS
    | {"section", "detect", "example", "weak", "unless_paragraph", "taken_back", "taken_back_in"},
    parse=parse,
    run=run,
    summary="a part of the letter's shape; `detect` (greeting, sign-off) or patterns as cues",
    letter_level=lambda spec: True,
)
