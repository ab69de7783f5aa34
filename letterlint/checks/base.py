"""What every check kind gets: the document, the profile, the rules and lazy sentiment."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from letterlint.checks.kind import Matchers, index_of
from letterlint.document import WORD, Document
from letterlint.matcher import Pattern, PatternIndex, Role, View, match_at, subject_at
from letterlint.model import Finding, Span
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
    # Runs one rule over this document (set by the engine); findings_of keeps the results,
    # so a check that judges other rules' findings (the closing, the tone) reuses them.
    runner: Callable[[Rule], list[Finding]] | None = None
    _found: dict[str, list[Finding]] = field(default_factory=dict)
    _running: set[str] = field(default_factory=set)  # rules being run now (see run_rule)
    # (rule, sentence) -> whether the rule's `unless` cancels its matches there (see cancelled_in_sentence).
    unless_memo: dict[tuple[str, int, int], bool] = field(default_factory=dict)
    # rule -> whether the letter says what its `when_letter` asks for (see _letter_says).
    letter_says: dict[str, bool] = field(default_factory=dict)

    def run_rule(self, rule: Rule) -> list[Finding]:
        """The rule's findings on this letter, worked out once; its errors propagate."""
        if rule.id in self._running:
            # Nothing yet while it runs: a rule that reads another's findings (a closing rule's
            # `defer`) and is read by it in turn gets an empty answer, not endless recursion.
            return []
        if rule.id not in self._found:
            self._running.add(rule.id)
            try:
                self._found[rule.id] = self.runner(rule) if self.runner is not None else []
            finally:
                self._running.discard(rule.id)
        return self._found[rule.id]

    def findings_of(self, rule: Rule) -> list[Finding]:
        """Another rule's findings, for a check that judges them: a rule that fails gives
        none here (the engine reports the failure as that rule's own)."""
        try:
            return self.run_rule(rule)
        except Exception:
            return []

    @cached_property
    def view(self) -> View:
        """The letter's tokens with the stems the rules ask for (see letterlint.matcher)."""
        tokens = self.doc.tokens
        stem = self.ruleset.stem_filter
        lo, hi = self.doc.token_bounds
        return View(tokens.norms, [stem(n) for n in tokens.norms], self.ruleset.grammar, lo, hi)

    @cached_property
    def _index(self) -> tuple[dict[str, list[int]], dict[str, int]]:
        """Token positions by stem and by written form (one namespace: a key only narrows
        where the matcher looks), and the sentences holding each key, as a bit mask."""
        positions: dict[str, list[int]] = {}
        sentences: dict[str, int] = {}
        view = self.view
        for i, (norm, stem) in enumerate(zip(view.norms, view.stems, strict=True)):
            bit = 1 << self._sentence_no[i]
            positions.setdefault(norm, []).append(i)
            sentences[norm] = sentences.get(norm, 0) | bit
            if stem != norm:
                positions.setdefault(stem, []).append(i)
                sentences[stem] = sentences.get(stem, 0) | bit
        return positions, sentences

    def starts(self, pattern: Pattern) -> list[int]:
        """Token positions where `pattern` may match, in order: where its first word is, in
        sentences that hold a word for every item the pattern cannot skip."""
        positions, sentences = self._index
        keys = self._keys
        masks = self._masks
        viable = -1  # every sentence
        for need in pattern.needs:
            mask = masks.get(id(need))
            if mask is None:
                mask = 0
                for key in need & keys:  # two frozensets: C loops over the smaller one
                    mask |= sentences[key]
                masks[id(need)] = mask
            viable &= mask
            if not viable:
                return []
        found: set[int] = set()
        for key in pattern.first & keys:
            found.update(positions[key])
        if viable == -1:
            return sorted(found)
        # Bytes, not the int: shifting an int of one bit per sentence for every word would
        # make a long letter's cost grow with its square.
        bits = viable.to_bytes((viable.bit_length() + 7) // 8, "little")
        size = len(bits)
        sentence_no = self._sentence_no
        return sorted(i for i in found if (s := sentence_no[i]) >> 3 < size and bits[s >> 3] >> (s & 7) & 1)

    @cached_property
    def _masks(self) -> dict[int, int]:
        """Sentences holding each of the rules' needs (by the need's identity), once a lint:
        many patterns share a need such as the reader's pronouns."""
        return {}

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(self._index[0])

    @cached_property
    def _sentence_no(self) -> list[int]:
        """For each token, the number of its sentence among those with tokens."""
        firsts = self.doc.token_bounds[0]
        number = {lo: n for n, lo in enumerate(dict.fromkeys(firsts))}
        return [number[lo] for lo in firsts]

    def token_matches(
        self,
        patterns: tuple[Pattern, ...],
        lo: int = 0,
        hi: int | None = None,
        index: PatternIndex | None = None,
    ) -> list[Span]:
        """Spans where any of the patterns matches, between character offsets lo and hi."""
        return [span for span, _ in self.token_hits(patterns, lo, hi, index)]

    def token_hits(
        self,
        patterns: tuple[Pattern, ...],
        lo: int = 0,
        hi: int | None = None,
        index: PatternIndex | None = None,
    ) -> list[tuple[Span, int]]:
        """Matches as (span from the first matched word, where the excerpt starts): a pattern
        that opens with @I or @you shows its subject too ("I can't live without you"), while
        negation is judged at the verb ("I'm not going to beg")."""
        view = self.view
        tokens = self.doc.tokens
        hits: set[tuple[Span, int]] = set()
        if index is not None:  # only the patterns this letter's words allow
            patterns = tuple(patterns[n] for n in index.candidates(self._keys))
        for pattern in patterns:
            after = -1
            for i in self.starts(pattern):
                if i < after or tokens.starts[i] < lo or (hi is not None and tokens.ends[i] > hi):
                    continue
                end = match_at(pattern, view, i)
                if end is not None and end > i:
                    first = subject_at(view, i)[1] if isinstance(pattern.items[0], Role) else i
                    hits.add((Span(tokens.starts[i], tokens.ends[end - 1]), tokens.starts[first]))
                    after = end
        return sorted(hits, key=lambda h: (h[0].start, h[0].end))

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


def _timed_out(rule: Rule) -> RuleTimeout:
    return RuleTimeout(
        f"pattern of rule {rule.id} took longer than {USER_PATTERN_TIMEOUT}s (catastrophic backtracking?)"
    )


def finditer(pattern: re.Pattern[str], text: str, rule: Rule) -> Iterator[re.Match[str]]:
    """Matches of a rule's pattern; user patterns (the `regex` module) get a time limit."""
    if rule.builtin:
        yield from pattern.finditer(text)
        return
    try:
        yield from pattern.finditer(text, timeout=USER_PATTERN_TIMEOUT)  # type: ignore[call-arg]
    except TimeoutError:
        raise _timed_out(rule) from None


def every_start(pattern: re.Pattern[str], text: str, rule: Rule) -> Iterator[re.Match[str]]:
    """A match at every position where the pattern can start, overlapping or not: the spans a
    crisis rule needs, since a match hidden inside an earlier one may begin another sentence."""
    if not rule.builtin:  # the `regex` module finds overlapping matches itself, under a time limit
        try:
            yield from pattern.finditer(text, overlapped=True, timeout=USER_PATTERN_TIMEOUT)  # type: ignore[call-arg]
        except TimeoutError:
            raise _timed_out(rule) from None
        return
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        yield found
        pos = found.start() + 1


def in_region(ctx: Context, region: str, span: Span) -> bool:
    if region == "any":
        return True
    if region == "ending":
        ending, sign_off = ctx.doc.ending_start, ctx.doc.sign_off
        return (
            ending is not None and span.start >= ending and (sign_off is None or span.end <= sign_off.start)
        )
    return ctx.doc.region_of(span) == region


def accepted_matches(ctx: Context, rule: Rule, text_span: Span | None = None) -> Iterator[Span]:
    """Spans where the rule's patterns match in the writer's own voice, outside `unless`."""
    matchers: Matchers | None = getattr(rule.spec, "matchers", None)
    if matchers is None:
        return
    doc = ctx.doc
    if matchers.when_letter and not _letter_says(ctx, rule, matchers):
        return
    lo = text_span.start if text_span else 0
    hi = text_span.end if text_span else len(doc.text)
    hits: list[tuple[Span, int]] = []
    if matchers.regex is not None:
        index = index_of(matchers)
        text = doc.text[lo:hi]
        found = index.finditer(text) if index else finditer(matchers.regex, text, rule)
        hits.extend((Span(lo + m.start(), lo + m.end()), lo + m.start()) for m in found)
    if matchers.match:
        hits.extend(ctx.token_hits(matchers.match, lo, hi, matchers.match_index))
        hits.sort(key=lambda h: (h[0].start, h[0].end))
    for span, shown in hits:
        if span.end == span.start or not in_region(ctx, matchers.region, span):
            continue
        if matchers.scope == "writer" and not doc.in_writer_voice(span):
            continue
        if matchers.scope == "asserted" and (doc.is_quoted(span) or doc.is_negated(span)):
            continue
        if cancelled_in_sentence(ctx, rule, matchers, span):
            continue
        yield Span(shown, span.end)


def _letter_says(ctx: Context, rule: Rule, matchers: Matchers) -> bool:
    """Whether the letter, anywhere, says what the rule's `when_letter` asks for (once a rule)."""
    known = ctx.letter_says
    if rule.id not in known:
        known[rule.id] = bool(ctx.token_hits(matchers.when_letter, 0, None, matchers.when_index))
    return known[rule.id]


def cancelled_in_sentence(ctx: Context, rule: Rule, matchers: Matchers, span: Span) -> bool:
    """`unless` patterns cancel every match in the sentence where they occur (Vale's exceptions)."""
    if matchers.unless is None and not matchers.unless_match:
        return False
    sentence = ctx.doc.sentence_at(span.start)
    lo, hi = (sentence.span.start, sentence.span.end) if sentence else (span.start, span.end)
    # Once per rule and sentence: a long sentence full of matches must not be re-read per match.
    key = (rule.id, lo, hi)
    known = ctx.unless_memo
    if key not in known:
        hit = matchers.unless is not None and next(finditer(matchers.unless, ctx.doc.text[lo:hi], rule), None)
        known[key] = bool(hit) or (
            bool(matchers.unless_match)
            and bool(ctx.token_matches(matchers.unless_match, lo, hi, matchers.unless_index))
        )
    return known[key]
