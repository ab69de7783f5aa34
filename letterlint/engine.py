"""The engine: run every enabled rule over a document, sort the findings, score the letter."""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from letterlint.checks import crisis, lazy, sections, starts
from letterlint.checks.base import Context, RuleTimeout
from letterlint.checks.kind import index_of
from letterlint.checks.registry import kinds
from letterlint.document import Document
from letterlint.model import Finding, LintResult, RuleInfo, Severity, Span, Stats, Tone
from letterlint.rulepack import Profile, Rule, RuleError, RuleSet, load_rules
from letterlint.tone import letter_tone

# Score (docs/scoring.md): 100 minus a penalty per rule that fires, plus the letter's
# judged tone. A rule's first finding costs its weight; each repeat costs half again, up
# to twice the weight in all. Problems that hurt the reader (desperation, negative tone)
# cost more than a missing part, and missing parts together cost at most MISSING_CAP.
SEVERITY_WEIGHT = {Severity.ERROR: 15.0, Severity.WARNING: 7.0, Severity.INFO: 2.0}
FAMILY_WEIGHT = {
    ("desperation", Severity.ERROR): 20.0,
    ("desperation", Severity.WARNING): 10.0,
    ("negative-tone", Severity.ERROR): 20.0,
    ("negative-tone", Severity.WARNING): 10.0,
    ("weak-closing", Severity.WARNING): 10.0,
    ("missing-section", Severity.WARNING): 5.0,
}
MISSING_CAP = 20.0
TONE_WEIGHT = 10.0  # points per unit of the body's mean judged tone (-1 to 1)


@dataclass(frozen=True)
class Selection:
    """--select / --ignore: rule ids or whole families."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule) -> bool:
        def hit(names: Iterable[str]) -> bool:
            return any(n in (rule.id, rule.family) for n in names)

        return (not self.select or hit(self.select)) and not hit(self.ignore)


@dataclass
class Engine:
    ruleset: RuleSet
    debug: bool = False
    # The rules that crashed during the most recent lint (each result also carries its own):
    # cleared on every call, so a long-running language server does not accumulate them.
    internal_errors: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, rule_dirs: list[Path] | None = None, debug: bool = False) -> Engine:
        if not rule_dirs:  # built-in packs only: parsed once, then kept in the user cache
            from letterlint.rulecache import builtin_rules

            return cls(builtin_rules(), debug=debug)
        return cls(load_rules(rule_dirs), debug=debug)

    def score(self, findings: list[Finding], tone: float = 0.0) -> int:
        return score(findings, self.ruleset.weights, tone)

    def profile(self, name: str) -> Profile:
        try:
            return self.ruleset.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.ruleset.profiles))
            raise RuleError(f"unknown profile {name!r} (known: {known})") from None

    def lint(
        self,
        text: str,
        profile: str = "reconcile",
        path: str = "<text>",
        selection: Selection | None = None,
        headings: frozenset[int] = frozenset(),
    ) -> LintResult:
        """`headings`: 0-based lines that were headings in the source (Markdown, Word)."""
        prof = self.profile(profile)
        doc = Document(text, headings)
        ctx = Context(doc, prof, self.ruleset)
        selection = selection or Selection()
        errors: list[str] = []
        present, failed = self._presence(ctx)
        ctx.runner = lambda rule: list(_run(rule, ctx, present))
        findings: list[Finding] = []
        for rule in self.ruleset.rules.values():
            if not selection.enabled(rule) or rule.id in prof.quiet:
                continue
            if rule.id in failed:  # its section could not be looked for: say so, once
                errors.append(f"{rule.id}: {failed[rule.id]}")
                findings.append(_failure(rule, ctx, failed[rule.id]))
                continue
            findings.extend(self._guarded(rule, ctx, present, errors))
        # Crisis findings (the writer may be in danger) lead every report; the rest read in order.
        findings.sort(key=lambda f: (not f.crisis, f.span.start, -f.severity, f.rule))
        findings = crisis.quiet_rewrites(findings, doc)
        starts.forget_texts()
        lazy.forget_texts()
        self.internal_errors = errors
        tone = letter_tone(ctx, findings) if doc.sentences else Tone(0.0, 0.0, ())
        stats = Stats(
            words=doc.word_count,
            sentences=len(doc.sentences),
            paragraphs=len(doc.paragraphs),
            reading_grade=ctx.reading_grade,
        )
        return LintResult(
            path=path,
            profile=prof.name,
            text=text,
            findings=findings,
            sections=present,
            tone=tone,
            stats=stats,
            score=self.score(findings, tone.compound),
            closing_start=doc.closing_region.start if doc.closing_region else len(text),
            sentence_spans=[s.span for s in doc.sentences],
            greeting=doc.greeting is not None,
            internal_errors=tuple(errors),
            families=self.ruleset.family_order,
            rules=self._about(findings),
        )

    def _presence(self, ctx: Context) -> tuple[dict[str, bool], dict[str, str]]:
        """Which sections of the profile the letter has, each looked for under the same guard
        as any rule: a section rule that times out or crashes is reported as that rule's
        internal error (and counted as present, so no false 'missing' finding), and the
        rest of the letter is still checked."""
        present: dict[str, bool] = {}
        failed: dict[str, str] = {}
        for section in ctx.profile.sections:
            rule = ctx.ruleset.section_rule(section)
            assert rule is not None  # checked when the profile was loaded
            try:
                present[section] = sections.locate(rule, ctx) is not None
            except Exception as exc:
                failed[rule.id] = self._reason(exc)
                present[section] = True
        return present, failed

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, RuleTimeout):
            return str(exc)
        if self.debug:
            traceback.print_exc()
        return f"{type(exc).__name__}: {exc}".splitlines()[0]

    def _about(self, findings: list[Finding]) -> dict[str, RuleInfo]:
        about: dict[str, RuleInfo] = {}
        for f in findings:
            rule = self.ruleset.rules.get(f.rule)
            if rule is not None and f.rule not in about:
                about[f.rule] = RuleInfo(rule.one_line, rule.rationale, rule.severity)
        return about

    def _guarded(
        self, rule: Rule, ctx: Context, present: dict[str, bool], errors: list[str]
    ) -> list[Finding]:
        """A rule that crashes becomes one finding; the other rules still run."""
        try:
            return list(ctx.run_rule(rule))
        except Exception as exc:  # RuleTimeout too: _reason words each
            reason = self._reason(exc)
        errors.append(f"{rule.id}: {reason}")
        return [_failure(rule, ctx, reason)]


def _run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    yield from kinds()[rule.kind].run(rule, ctx, present)


def score(findings: list[Finding], weights: dict[str, float] | None = None, tone: float = 0.0) -> int:
    """100 minus penalties plus TONE_WEIGHT * tone (the body's mean judged tone), within
    0..100. A rule's weight is its own `weight` key, else its family's for its severity
    (FAMILY_WEIGHT), else its severity's (SEVERITY_WEIGHT). Documented in docs/scoring.md."""
    per_rule: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for f in findings:
        per_rule[f.rule] += 1
        own = weights.get(f.rule) if weights else None
        usual = FAMILY_WEIGHT.get((f.family, f.severity), SEVERITY_WEIGHT[f.severity])
        weight[f.rule] = own if own is not None else max(weight.get(f.rule, 0.0), usual)
    missing = sum(weight[r] * n for r, n in per_rule.items() if r.startswith("missing-section/"))
    penalty = min(missing, MISSING_CAP) + sum(
        min(weight[r] * (1 + 0.5 * (n - 1)), 2 * weight[r])
        for r, n in per_rule.items()
        if not r.startswith("missing-section/")
    )
    return max(0, min(100, round(100 - penalty + TONE_WEIGHT * tone)))


def _failure(rule: Rule, ctx: Context, reason: str) -> Finding:
    """The finding that stands for a rule that could not run."""
    return Finding(
        rule=rule.id,
        family=rule.family,
        severity=Severity.WARNING,
        span=Span(0, 0),
        start=ctx.doc.position(0),
        end=ctx.doc.position(0),
        message=f"internal error in rule {rule.id}, skipped: {reason}",
        excerpt="",
    )


def prepare_for_many_lints(engine: Engine | None = None) -> None:
    """For processes that lint on every pause (the language server, the local page): spend
    a second or two once, building the first-word indexes of `engine`'s patterns (or of
    any engine's, on its first lint), so that each later lint is faster (see
    letterlint.checks.starts). The command line, which lints once, does not call it."""
    starts.use_start_index()
    if engine is not None:
        for rule in engine.ruleset.rules.values():
            matchers = getattr(rule.spec, "matchers", None)
            if matchers is not None:
                index_of(matchers)
        crisis.build_indexes()
