"""Rule packs and profiles: TOML data, validated once and compiled once."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from letterlint.kinds import LABEL_KINDS
from letterlint.model import FAMILIES, Severity
from letterlint.patterncache import Compiled, PatternCache
from letterlint.patterns import PatternError, expand, with_boundaries
from letterlint.prefilter import Prefixes, StartIndex, Starts

CHECK_KINDS = ("phrase", "section", "sentiment", "closing", "metric")
SCOPES = ("writer", "asserted", "any")  # asserted: conditionals still count
REGIONS = ("any", "opening", "body", "closing", "ending")  # ending: the last four body sentences

_RULE_KEYS = {
    "id", "family", "severity", "kind", "patterns", "unless", "scope", "region", "message",
    "suggestion", "rationale", "fires", "allows", "boundaries", "case_sensitive", "section",
    "detect", "hint", "example", "metric", "threshold", "min_count", "note", "summary",
    "max_per_letter", "weight", "label_kind", "crisis",
}  # fmt: skip
_PROFILE_KEYS = {"profile", "thresholds", "weights"}


class RuleError(ValueError):
    """A rule pack or profile that cannot be used; the message names file and line."""


def rules_dir() -> Path:
    """Built-in packs: inside the wheel as letterlint/_rules, else the checkout's rules/."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@dataclass(slots=True)
class Rule:
    id: str
    family: str
    severity: Severity
    kind: str
    message: str
    source: str  # file it came from
    patterns: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    scope: str = "writer"
    region: str = "any"
    suggestion: str | None = None
    rationale: str = ""
    summary: str = ""
    fires: tuple[str, ...] = ()
    allows: tuple[str, ...] = ()
    boundaries: bool = True
    case_sensitive: bool = False
    section: str | None = None
    detect: str | None = None
    hint: str | None = None
    example: str | None = None
    metric: str | None = None
    threshold: str | float | None = None
    min_count: int = 1
    note: str | None = None
    max_per_letter: int = 5
    weight: float | None = None
    label_kind: str | None = None  # the corpus kind it finds (letterlint.kinds)
    crisis: bool = False  # a writer who may be in danger: reports lead with the support note
    parts: tuple[Compiled, ...] = field(default=(), repr=False)  # crisis rules: one per pattern
    builtin: bool = True
    compiled: re.Pattern[str] | None = field(default=None, repr=False)
    compiled_unless: re.Pattern[str] | None = field(default=None, repr=False)
    # What letterlint.prefilter knows of every match (None: nothing useful).
    triggers: Prefixes = field(default=None, repr=False)
    unless_triggers: Prefixes = field(default=None, repr=False)
    starts: Starts | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def one_line(self) -> str:
        return self.summary or self.message


@dataclass(slots=True)
class Profile:
    name: str
    description: str
    sections: tuple[str, ...]
    thresholds: dict[str, float]
    source: str

    def threshold(self, key: str, default: float) -> float:
        return float(self.thresholds.get(key, default))


@dataclass(slots=True)
class RuleSet:
    rules: dict[str, Rule]
    profiles: dict[str, Profile]
    start_index: StartIndex | None = None  # where built-in rules may start; see prefilter

    @property
    def weights(self) -> dict[str, float]:
        """Score weights set by rules themselves (`weight = ...`), by rule id."""
        return {r.id: float(r.weight) for r in self.rules.values() if r.weight is not None}

    def section_rule(self, section: str) -> Rule | None:
        return self.rules.get(f"missing-section/{section}")


def _line_of(raw: str, needle: str) -> int:
    index = raw.find(needle)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


_RULE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]", re.MULTILINE)
DETECTORS = {"section": ("greeting", "sign-off"), "closing": ("negative-ending", "no-closing")}
METRICS = ("letter-words", "sentence-words", "paragraph-words", "reading-grade", "count", "shouting")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a rule sits in its file; lines are worked out only when there is an error."""

    path: Path
    raw: str
    start: int = 0
    end: int = -1

    def __call__(self, key: str | None = None) -> str:
        index = self.start
        if key is not None:
            name = re.escape(key)  # `key = ...`, or a `[key]` / `[[key]]` table header
            pattern = re.compile(
                rf"^[ \t]*(?:(?:{name}|\"{name}\")[ \t]*=|\[\[?[ \t]*{name}[ \t]*\])", re.MULTILINE
            )
            end = self.end if self.end >= 0 else len(self.raw)
            found = pattern.search(self.raw, self.start, end)
            index = found.start() if found else self.start
        return f"{self.path}:{self.raw.count(chr(10), 0, index) + 1}"


def _blocks(raw: str, path: Path, count: int) -> list[_Where]:
    """One location per [[rule]] table, in file order (tomllib keeps that order)."""
    starts = [m.start() for m in _RULE_HEADER.finditer(raw)]
    if len(starts) != count:  # rules written inline: fall back to the whole file
        return [_Where(path, raw) for _ in range(count)]
    ends = [*starts[1:], len(raw)]
    return [_Where(path, raw, a, b) for a, b in zip(starts, ends, strict=True)]


def _compile(
    patterns: tuple[str, ...],
    rule: Rule,
    where: _Where,
    key: str,
    boundaries: bool,
    cache: PatternCache | None = None,
) -> Compiled:
    def source() -> str:
        parts = "|".join(f"(?:{expand(p)})" for p in patterns)
        # One boundary pair around the alternation, not one per pattern: the same matches
        # (the assertions do not depend on the alternative), but the engine tests the
        # look-behind once per position instead of once per pattern, about 3x faster.
        return with_boundaries(parts) if boundaries else parts

    try:
        flags = re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)  # ^ and $ per line
        if rule.builtin and cache is not None:  # keyed by the rule's own text: no expanding on a hit
            cache_key = f"rule:{int(flags)}:{int(boundaries)}:" + "\x1f".join(patterns)
            return cache.compile_keyed(cache_key, source, flags)
        if rule.builtin:
            return Compiled(re.compile(source(), flags), None, None)
        import regex  # user patterns run under a time limit; see checks.base.finditer

        return Compiled(regex.compile(source(), flags | regex.V0), None, None)
    except Exception as exc:  # re.error, PatternError, regex.error (not a subclass of re.error)
        raise RuleError(f"{where(key)}: rule {rule.id}: {_culprit(patterns, exc)}") from None


def _culprit(patterns: tuple[str, ...], exc: Exception) -> str:
    """Which of the rule's patterns is broken, without positions in the expanded source."""
    if isinstance(exc, PatternError):
        return str(exc)
    for pattern in patterns:
        try:
            re.compile(expand(pattern))
        except (re.error, PatternError) as own:
            reason = getattr(own, "msg", str(own))
            return f"pattern {pattern!r} does not compile: {reason}"
    return f"pattern does not compile: {str(exc).split(' at position')[0]}"


def _expect(cond: bool, where: _Where | str, message: str, key: str | None = None) -> None:
    if not cond:
        raise RuleError(f"{where(key) if isinstance(where, _Where) else where}: {message}")


def _strings(value: Any, where: _Where, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    _expect(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        where,
        f"'{key}' must be a string or a list of strings",
        key,
    )
    return tuple(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parse_rule(
    data: dict[str, Any], where: _Where, builtin: bool, cache: PatternCache | None = None
) -> Rule:
    path = where.path
    rid = data.get("id")
    _expect(isinstance(rid, str) and "/" in rid, where, "every rule needs an id 'family/name'", "id")
    assert isinstance(rid, str)
    _expect(
        _NAME.fullmatch(rid.split("/", 1)[1]) is not None,
        where,
        f"rule {rid}: the name after '/' must be lowercase letters, digits and hyphens",
        "id",
    )
    unknown = sorted(set(data) - _RULE_KEYS)
    _expect(
        not unknown,
        where,
        f"rule {rid}: unknown key(s) {', '.join(unknown)}",
        unknown[0] if unknown else None,
    )
    family = data.get("family", rid.split("/", 1)[0])
    _expect(
        family in FAMILIES,
        where,
        f"rule {rid}: unknown family {family!r} ({', '.join(FAMILIES)})",
        "family" if "family" in data else "id",
    )
    _expect(rid.split("/", 1)[0] == family, where, f"rule {rid}: id must start with its family", "id")
    kind = data.get("kind", "phrase")
    _expect(
        kind in CHECK_KINDS,
        where,
        f"rule {rid}: unknown check kind {kind!r} ({', '.join(CHECK_KINDS)})",
        "kind",
    )
    for key in ("message", "rationale", "suggestion", "summary", "hint", "example", "note", "section",
                "detect", "metric", "scope", "region", "severity", "label_kind"):  # fmt: skip
        _expect(
            key not in data or isinstance(data[key], str), where, f"rule {rid}: '{key}' must be a string", key
        )
    _expect(isinstance(data.get("message"), str), where, f"rule {rid}: needs a message")
    for key in ("boundaries", "case_sensitive", "crisis"):
        _expect(
            key not in data or isinstance(data[key], bool),
            where,
            f"rule {rid}: '{key}' must be true or false",
            key,
        )
    for key in ("min_count", "max_per_letter"):
        _expect(
            key not in data or (type(data[key]) is int and data[key] >= 1),
            where,
            f"rule {rid}: '{key}' must be a whole number of at least 1",
            key,
        )
    _expect(
        "threshold" not in data or isinstance(data["threshold"], str) or _is_number(data["threshold"]),
        where,
        f"rule {rid}: 'threshold' must be a number or a profile threshold name",
        "threshold",
    )
    _expect(
        "weight" not in data or _is_number(data["weight"]),
        where,
        f"rule {rid}: 'weight' must be a number",
        "weight",
    )
    kinds = LABEL_KINDS.get(family, ())
    _expect(
        "label_kind" not in data or data["label_kind"] in kinds,
        where,
        f"rule {rid}: label_kind must be one of {', '.join(kinds) or '(none for this family)'}",
        "label_kind",
    )
    try:
        severity = Severity.parse(data.get("severity", "warning"))
    except ValueError as exc:
        raise RuleError(f"{where('severity')}: rule {rid}: {exc}") from None
    scope = data.get("scope", "writer")
    _expect(scope in SCOPES, where, f"rule {rid}: scope must be one of {', '.join(SCOPES)}", "scope")
    region = data.get("region", "any")
    _expect(region in REGIONS, where, f"rule {rid}: region must be one of {', '.join(REGIONS)}", "region")
    rule = Rule(
        id=rid,
        family=family,
        severity=severity,
        kind=kind,
        message=data["message"],
        source=str(path),
        patterns=_strings(data.get("patterns", []), where, "patterns"),
        unless=_strings(data.get("unless", []), where, "unless"),
        scope=scope,
        region=region,
        suggestion=data.get("suggestion"),
        rationale=data.get("rationale", ""),
        summary=data.get("summary", ""),
        fires=_strings(data.get("fires", []), where, "fires"),
        allows=_strings(data.get("allows", []), where, "allows"),
        boundaries=data.get("boundaries", True),
        case_sensitive=data.get("case_sensitive", False),
        section=data.get("section"),
        detect=data.get("detect"),
        hint=data.get("hint"),
        example=data.get("example"),
        metric=data.get("metric"),
        threshold=data.get("threshold"),
        min_count=data.get("min_count", 1),
        note=data.get("note"),
        max_per_letter=data.get("max_per_letter", 5),
        weight=data.get("weight"),
        label_kind=data.get("label_kind"),
        crisis=data.get("crisis", False),
        builtin=builtin,
    )
    if kind == "phrase":
        _expect(bool(rule.patterns), where, f"rule {rid}: a phrase rule needs patterns", "kind")
    if rule.crisis:
        _expect(
            kind == "phrase" and bool(rule.note),
            where,
            f"rule {rid}: a crisis rule is a phrase rule with a 'note' (the support it offers)",
            "crisis",
        )
    if kind == "section":
        _expect(family == "missing-section", where, f"rule {rid}: section rules belong to missing-section")
        rule.section = rule.section or rule.name
        _expect(
            bool(rule.patterns) or rule.detect is not None, where, f"rule {rid}: needs patterns or detect"
        )
    if rule.detect is not None:
        allowed = DETECTORS.get(kind, ())
        _expect(
            rule.detect in allowed,
            where,
            f"rule {rid}: unknown detect {rule.detect!r} for a {kind} rule"
            + (f" ({', '.join(allowed)})" if allowed else " (only section and closing rules use detect)"),
            "detect",
        )
    if kind == "closing":
        _expect(rule.detect is not None, where, f"rule {rid}: a closing rule needs 'detect'", "kind")
    if kind == "metric":
        _expect(rule.metric is not None, where, f"rule {rid}: a metric rule needs 'metric'", "kind")
        _expect(
            rule.metric in METRICS,
            where,
            f"rule {rid}: unknown metric {rule.metric!r} ({', '.join(METRICS)})",
            "metric",
        )
        if rule.metric == "count":
            _expect(bool(rule.patterns), where, f"rule {rid}: a count metric needs patterns", "metric")
    if rule.crisis:  # many broad patterns: each is tried alone, at its own starts (checks.crisis)
        rule.parts = tuple(
            _compile((p,), rule, where, "patterns", rule.boundaries, cache) for p in rule.patterns
        )
    elif rule.patterns:
        compiled = _compile(rule.patterns, rule, where, "patterns", rule.boundaries, cache)
        rule.compiled, rule.triggers, rule.starts = compiled
    if rule.unless:
        compiled = _compile(rule.unless, rule, where, "unless", True, cache)
        rule.compiled_unless, rule.unless_triggers, _ = compiled
    return rule


def _parse_profile(data: dict[str, Any], raw: str, path: Path) -> Profile:
    where = _Where(path, raw)
    unknown = sorted(set(data) - _PROFILE_KEYS)
    _expect(
        not unknown, where, f"unknown key(s) {', '.join(unknown)} in profile", unknown[0] if unknown else None
    )
    meta = data.get("profile")
    _expect(isinstance(meta, dict), where, "a profile file needs a [profile] table")
    assert isinstance(meta, dict)
    unknown = sorted(set(meta) - {"name", "description", "sections"})
    _expect(
        not unknown,
        where,
        f"unknown key(s) {', '.join(unknown)} in [profile] (name, description, sections)",
        unknown[0] if unknown else None,
    )
    name = meta.get("name")
    _expect(isinstance(name, str) and bool(name), where, "[profile] needs a name", "name")
    _expect(
        isinstance(meta.get("description", ""), str), where, "'description' must be a string", "description"
    )
    sections = meta.get("sections", [])
    _expect(
        isinstance(sections, list) and all(isinstance(s, str) for s in sections),
        where,
        "'sections' must be a list of section names",
        "sections",
    )
    thresholds = data.get("thresholds", {})
    _expect(isinstance(thresholds, dict), where, "[thresholds] must be a table", "thresholds")
    for key, value in thresholds.items():
        _expect(_is_number(value), where, f"threshold '{key}' must be a number", key)
    return Profile(str(name), str(meta.get("description", "")), tuple(sections), dict(thresholds), str(path))


def _read_toml(path: Path, cache: PatternCache | None = None) -> tuple[dict[str, Any], str]:
    from letterlint.config import toml_error

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not valid UTF-8 at byte {exc.start}; rule packs are UTF-8 text") from None
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    try:
        if cache is not None:  # the built-in packs: parsed once per installation
            key = "toml:" + hashlib.sha1(raw.encode()).hexdigest()
            return cache.memo(key, lambda: tomllib.loads(raw)), raw
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(toml_error(path, exc)) from None


def load_rules(extra_dirs: list[Path] | None = None) -> RuleSet:
    """Load built-in packs, then user folders; a user rule may not reuse a built-in id."""
    rules: dict[str, Rule] = {}
    profiles: dict[str, Profile] = {}
    folders = [(rules_dir(), True)] + [(Path(d), False) for d in (extra_dirs or [])]
    cache = PatternCache.for_builtins()
    for folder, builtin in folders:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule folder not found")
        for path in sorted(folder.glob("*.toml")):
            data, raw = _read_toml(path, cache if builtin else None)
            if "profile" in data:
                profile = _parse_profile(data, raw, path)
                profiles[profile.name] = profile
                continue
            unknown = sorted(set(data) - {"rule", "pack"})
            if unknown:
                line = _Where(path, raw)(unknown[0])
                raise RuleError(
                    f"{line}: unknown top-level key(s) {', '.join(unknown)} (use [[rule]] tables)"
                )
            entries = data.get("rule", [])
            _expect(
                isinstance(entries, list) and all(isinstance(e, dict) for e in entries),
                _Where(path, raw),
                "rules are written as [[rule]] tables",
                "rule",
            )
            for entry, where in zip(entries, _blocks(raw, path, len(entries)), strict=True):
                rule = _parse_rule(entry, where, builtin, cache if builtin else None)
                if rule.id in rules:
                    other = rules[rule.id].source
                    raise RuleError(f"{where('id')}: duplicate rule id {rule.id} (also in {other})")
                rules[rule.id] = rule
        for path in sorted((folder / "profiles").glob("*.toml")):
            data, raw = _read_toml(path, cache if builtin else None)
            profile = _parse_profile(data, raw, path)
            profiles[profile.name] = profile
    starts = {r.id: r.starts for r in rules.values() if r.starts}
    starts.update(
        {f"{r.id}#{i}": c.starts for r in rules.values() for i, c in enumerate(r.parts) if c.starts}
    )
    index = StartIndex.build(starts, cache)
    cache.save()
    for profile in profiles.values():
        for section in profile.sections:
            if f"missing-section/{section}" not in rules:
                source = Path(profile.source)
                where = _Where(source, source.read_text(encoding="utf-8"))("sections")
                known = sorted(r.name for r in rules.values() if r.kind == "section")
                raise RuleError(
                    f"{where}: profile {profile.name}: unknown section {section!r} ({', '.join(known)})"
                )
    return RuleSet(rules, profiles, index)
