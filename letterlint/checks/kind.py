"""What a check kind is: its own rule keys, read into its own typed record, and its runner.

Every module of letterlint.checks that defines `KIND = CheckKind(...)` is a check kind; the
registry (letterlint.checks.registry) finds them, so adding a kind is adding one module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from letterlint import patternlimits as limits
from letterlint.checks import starts
from letterlint.checks.lazy import LazyPattern
from letterlint.checks.starts import StartIndex
from letterlint.matcher import Lexicon, Pattern, PatternError, PatternIndex, compile_pattern
from letterlint.patterns import PatternError as RegexMacroError
from letterlint.patterns import expand, with_boundaries

if TYPE_CHECKING:
    from letterlint.checks.base import Context
    from letterlint.model import Finding
    from letterlint.rulepack import Rule

SCOPES = ("writer", "asserted", "any")  # asserted: conditionals still count
REGIONS = ("any", "opening", "body", "closing", "ending")  # ending: the last four body sentences


class RuleError(ValueError):
    """A rule pack or profile that cannot be used; the message names file and line."""


Runner = Callable[["Rule", "Context", dict[str, bool]], Iterator["Finding"]]


@dataclass(frozen=True)
class CheckKind:
    name: str
    keys: frozenset[str]  # the keys this kind adds to the common ones
    parse: Callable[[Reader], Any]  # the rule's own typed record
    run: Runner
    summary: str = ""
    # Whether a finding is about the whole letter (no passage to fingerprint or quote).
    letter_level: Callable[[Any], bool] = lambda spec: False


class Reader:
    """One rule table being read: typed getters that fail at the key's file:line."""

    def __init__(
        self, data: dict[str, Any], where: Callable[[str | None], str], rule_id: str, builtin: bool,
        lexicon: Lexicon,
    ) -> None:  # fmt: skip
        self.data = data
        self.where = where
        self.rule_id = rule_id
        self.builtin = builtin
        self.lexicon = lexicon
        self.family = rule_id.split("/", 1)[0]
        self.name = rule_id.split("/", 1)[1]

    def fail(self, message: str, key: str | None = None) -> RuleError:
        return RuleError(f"{self.where(key)}: rule {self.rule_id}: {message}")

    def expect(self, cond: bool, message: str, key: str | None = None) -> None:
        if not cond:
            raise self.fail(message, key)

    def string(self, key: str, default: str | None = None) -> str | None:
        value = self.data.get(key, default)
        self.expect(value is None or isinstance(value, str), f"'{key}' must be a string", key)
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            return (value,)
        self.expect(
            isinstance(value, list) and all(isinstance(v, str) for v in value),
            f"'{key}' must be a string or a list of strings",
            key,
        )
        return tuple(value)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        self.expect(isinstance(value, bool), f"'{key}' must be true or false", key)
        return bool(value)

    def count(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        self.expect(type(value) is int and value >= 1, f"'{key}' must be a whole number of at least 1", key)
        return int(value)

    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> str | None:
        value = self.string(key, default)
        self.expect(
            value is None or value in options,
            f"unknown {key} {value!r} ({', '.join(options)})",
            key,
        )
        return value

    def matchers(self, required: bool) -> Matchers | None:
        """The rule's `match` (token patterns) and `patterns` (regex), with scopes."""
        match = self.strings("match")
        patterns = self.strings("patterns")
        if not match and not patterns:
            self.expect(not required, "needs 'match' (token patterns) or 'patterns' (regex)", "kind")
            for key in (
                "unless",
                "unless_match",
                "when_letter",
                "scope",
                "region",
                "boundaries",
                "case_sensitive",
            ):
                self.expect(key not in self.data, f"'{key}' needs 'match' or 'patterns'", key)
            return None
        boundaries = self.boolean("boundaries", True)
        case_sensitive = self.boolean("case_sensitive", False)
        tokens = self._tokens(match, "match")
        unless_tokens = self._tokens(self.strings("unless_match"), "unless_match")
        when_tokens = self._tokens(self.strings("when_letter"), "when_letter")
        return Matchers(
            match=tokens,
            unless_match=unless_tokens,
            match_index=PatternIndex.build(tokens),
            unless_index=PatternIndex.build(unless_tokens),
            when_letter=when_tokens,
            when_index=PatternIndex.build(when_tokens),
            regex=self.regex(patterns, "patterns", boundaries, case_sensitive),
            unless=self.regex(self.strings("unless"), "unless", True, case_sensitive),
            scope=self.choice("scope", SCOPES, "writer") or "writer",
            region=self.choice("region", REGIONS, "any") or "any",
            builtin=self.builtin,
            # Built-in patterns may be scanned by their first words (checks.starts).
            alternatives=patterns if boundaries and self.builtin else (),
            flags=re.MULTILINE | (0 if case_sensitive else re.IGNORECASE),
        )

    def token_patterns(self, key: str) -> tuple[Pattern, ...]:
        """The token patterns under `key` (a string or a list of strings), compiled."""
        return self._tokens(self.strings(key), key)

    def _tokens(self, sources: tuple[str, ...], key: str) -> tuple[Pattern, ...]:
        out = []
        for source in sources:
            try:
                out.append(compile_pattern(source, self.lexicon))
            except PatternError as exc:
                raise self.fail(f"pattern {source!r}: {exc}", key) from None
        return tuple(out)

    def regex(self, patterns: tuple[str, ...], key: str, boundaries: bool, case_sensitive: bool) -> Any:
        if not patterns:
            return None
        try:
            parts = tuple(f"(?:{expand(p)})" for p in patterns)
            flags = re.MULTILINE | (0 if case_sensitive else re.IGNORECASE)
            if self.builtin:
                return LazyPattern.build(parts, flags, boundaries)
            # One boundary pair around the alternation: the look-behind is tried once per
            # position instead of once per pattern.
            source = with_boundaries("|".join(parts)) if boundaries else "|".join(parts)
            import regex  # user patterns run under a time limit; see checks.base.finditer

            for pattern in patterns:  # bounded counts and length: see letterlint.patternlimits
                limits.check(pattern)
            with limits.compile_budget():
                return regex.compile(source, flags | regex.V0)
        except Exception as exc:  # re.error, PatternError, regex.error (not a subclass of re.error)
            raise self.fail(_culprit(patterns, exc), key) from None


def _culprit(patterns: tuple[str, ...], exc: Exception) -> str:
    """Which of the rule's patterns is broken, without positions in the expanded source."""
    if isinstance(exc, (RegexMacroError, limits.PatternLimitError, limits.CompileTimeout)):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "pattern needs too much memory to compile (counted repetitions?)"
    for pattern in patterns:
        try:
            re.compile(expand(pattern))
        except (re.error, RegexMacroError) as own:
            reason = getattr(own, "msg", str(own))
            return f"pattern {pattern!r} does not compile: {reason}"
    return f"pattern does not compile: {str(exc).split(' at position')[0]}"


MATCHER_KEYS = frozenset(
    {
        "match",
        "unless_match",
        "when_letter",
        "patterns",
        "unless",
        "scope",
        "region",
        "boundaries",
        "case_sensitive",
    }
)


@dataclass(frozen=True, slots=True)
class Matchers:
    """Where a rule's words are: token patterns and/or regex, and what cancels them."""

    match: tuple[Pattern, ...]
    unless_match: tuple[Pattern, ...]
    match_index: PatternIndex
    unless_index: PatternIndex
    regex: Any  # LazyPattern (built-in rules) or regex.Pattern (user rules, time-limited), or None
    unless: Any
    scope: str
    region: str
    builtin: bool
    alternatives: tuple[str, ...] = ()  # the patterns as written, for index_of
    flags: int = 0
    # The letter must say this somewhere (a new partner named, say) before the rule reads a
    # sentence that only makes sense in that light ("he seems... tall").
    when_letter: tuple[Pattern, ...] = ()
    when_index: PatternIndex | None = None

    @property
    def stems(self) -> set[str]:
        """Every stem the token patterns ask for (the letter's words are stemmed only if
        they might be one of these)."""
        from letterlint.matcher import stems_of

        out: set[str] = set()
        for pattern in (*self.match, *self.unless_match, *self.when_letter):
            out |= stems_of(pattern.items)
        return out


def _bounded(pattern: str) -> str:
    return with_boundaries(expand(pattern))


def index_of(matchers: Matchers) -> StartIndex | None:
    """The first-word index of a built-in rule's patterns (checks.starts), expanded only when
    it is built; None when no long-running front end asked for one, or for other rules."""
    return starts.index_for(matchers.alternatives, matchers.flags, _bounded)
