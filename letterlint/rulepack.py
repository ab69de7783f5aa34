"""Rule packs and profiles: TOML data, validated once and compiled once.

The keys every rule has are read here; the keys of its check kind are read by that kind
(letterlint.checks.registry) into the kind's own typed record, `Rule.spec`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from letterlint.checks.kind import Reader, RuleError
from letterlint.kinds import LABEL_KINDS
from letterlint.matcher import Grammar, Lexicon
from letterlint.model import Family, Severity
from letterlint.paths import rules_dir
from letterlint.stems import StemFilter

__all__ = ["Profile", "Rule", "RuleError", "RuleSet", "load_rules", "rules_dir"]

COMMON_KEYS = frozenset(
    {"id", "family", "severity", "kind", "message", "suggestion", "rationale", "summary", "fires",
     "allows", "note", "weight", "label_kind", "fix", "crisis"}
)  # fmt: skip
FIXES = ("replace-span", "replace-sentence", "none")  # the editor's quick fix; see lsp.quick_fixes
_PROFILE_KEYS = {"profile", "thresholds", "weights"}
# Thresholds the engine itself reads from a profile (a rule's `threshold = "name"` adds more).
ENGINE_THRESHOLDS = (
    "negative_sentence", "positive_sentence", "gloom_sentence", "tone_min_sentences",
    "negative_share", "mean_compound", "gloom_negative_share", "gloom_positive_share",
    "closing_compound", "max_words", "long_sentence", "paragraph_words", "reading_grade",
)  # fmt: skip
# What a profile that does not set them gets for the thresholds the built-in rules name.
DEFAULT_THRESHOLDS = {
    "max_words": 600.0, "long_sentence": 40.0, "paragraph_words": 180.0, "reading_grade": 12.0,
    "apology_repeats": 4.0,
}  # fmt: skip


@dataclass(slots=True)
class Rule:
    id: str
    family: str
    severity: Severity
    kind: str
    message: str
    source: str  # file it came from
    spec: Any = None  # the check kind's own typed record
    suggestion: str | None = None
    rationale: str = ""
    summary: str = ""
    fires: tuple[str, ...] = ()
    allows: tuple[str, ...] = ()
    note: str | None = None
    weight: float | None = None
    label_kind: str | None = None  # the corpus kind it finds (letterlint.kinds)
    builtin: bool = True
    fix: str = "none"  # what the editor's quick fix does with the suggestion
    crisis: bool = False  # a possible danger to the writer: support first, no verdict, no rewrite

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def one_line(self) -> str:
        return self.summary or self.message

    @property
    def example(self) -> str | None:
        """A section rule's example of the missing part (other kinds have none)."""
        return getattr(self.spec, "example", None)

    @property
    def letter_level(self) -> bool:
        """True when a finding is about the whole letter rather than a passage."""
        from letterlint.checks.registry import kinds

        return kinds()[self.kind].letter_level(self.spec)


@dataclass(slots=True)
class Profile:
    name: str
    description: str
    sections: tuple[str, ...]
    thresholds: dict[str, float]
    source: str
    # Rules this kind of letter does not run: pining in a thank-you note is affection.
    quiet: tuple[str, ...] = ()

    def threshold(self, key: str, default: float) -> float:
        return float(self.thresholds.get(key, default))


@dataclass(slots=True)
class RuleSet:
    rules: dict[str, Rule]
    profiles: dict[str, Profile]
    lexicon: Lexicon = field(default_factory=lambda: Lexicon({}))
    grammar: Grammar = field(default_factory=Grammar)
    # Stems only the letter's words that might be a stem some rule asks for.
    stem_filter: StemFilter = field(default_factory=lambda: StemFilter(set()))
    families: dict[str, Family] = field(default_factory=dict)  # from the packs' [family] tables

    @property
    def family_order(self) -> tuple[Family, ...]:
        return tuple(sorted(self.families.values(), key=lambda f: (f.order, f.name)))

    @property
    def weights(self) -> dict[str, float]:
        """Score weights set by rules themselves (`weight = ...`), by rule id."""
        return {r.id: float(r.weight) for r in self.rules.values() if r.weight is not None}

    def section_rule(self, section: str) -> Rule | None:
        return self.rules.get(f"missing-section/{section}")


_RULE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]", re.MULTILINE)
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
    if not count:
        return []
    if len(starts) != count:  # rules written inline: fall back to the whole file
        return [_Where(path, raw) for _ in range(count)]
    ends = [*starts[1:], len(raw)]
    return [_Where(path, raw, a, b) for a, b in zip(starts, ends, strict=True)]


def _expect(cond: bool, where: _Where | str, message: str, key: str | None = None) -> None:
    if not cond:
        raise RuleError(f"{where(key) if isinstance(where, _Where) else where}: {message}")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parse_rule(data: dict[str, Any], where: _Where, builtin: bool, lexicon: Lexicon) -> Rule:
    from letterlint.checks.registry import kinds

    rid = data.get("id")
    _expect(isinstance(rid, str) and "/" in rid, where, "every rule needs an id 'family/name'", "id")
    assert isinstance(rid, str)
    _expect(
        _NAME.fullmatch(rid.split("/", 1)[1]) is not None,
        where,
        f"rule {rid}: the name after '/' must be lowercase letters, digits and hyphens",
        "id",
    )
    family = data.get("family", rid.split("/", 1)[0])
    _expect(isinstance(family, str), where, f"rule {rid}: 'family' must be a string", "family")
    _expect(rid.split("/", 1)[0] == family, where, f"rule {rid}: id must start with its family", "id")
    registry = kinds()
    kind_name = data.get("kind", "phrase")
    _expect(
        kind_name in registry,
        where,
        f"rule {rid}: unknown check kind {kind_name!r} ({', '.join(registry)})",
        "kind",
    )
    kind = registry[kind_name]
    unknown = sorted(set(data) - COMMON_KEYS - kind.keys)
    _expect(
        not unknown,
        where,
        f"rule {rid}: unknown key(s) {', '.join(unknown)} for a {kind_name} rule",
        unknown[0] if unknown else None,
    )
    reader = Reader(data, where, rid, builtin, lexicon)
    message = reader.string("message")
    _expect(message is not None, where, f"rule {rid}: needs a message")
    _expect(
        "weight" not in data or _is_number(data["weight"]),
        where,
        f"rule {rid}: 'weight' must be a number",
        "weight",
    )
    labels = LABEL_KINDS.get(family, ())
    _expect(
        "label_kind" not in data or data["label_kind"] in labels,
        where,
        f"rule {rid}: label_kind must be one of {', '.join(labels) or '(none for this family)'}",
        "label_kind",
    )
    fix = data.get("fix", "none")
    _expect(fix in FIXES, where, f"rule {rid}: fix must be one of {', '.join(FIXES)}", "fix")
    _expect(
        fix != "replace-sentence" or isinstance(data.get("suggestion"), str),
        where,
        f'rule {rid}: fix = "replace-sentence" needs a suggestion to put in the sentence\'s place',
        "fix",
    )
    _expect(
        "crisis" not in data or isinstance(data["crisis"], bool),
        where,
        "'crisis' must be true or false",
        "crisis",
    )
    _expect(
        not data.get("crisis") or (kind_name == "phrase" and isinstance(data.get("note"), str)),
        where,
        f"rule {rid}: a crisis rule is a phrase rule with a 'note' (the support it offers)",
        "crisis",
    )
    try:
        severity = Severity.parse(reader.string("severity", "warning") or "warning")
    except ValueError as exc:
        raise RuleError(f"{where('severity')}: rule {rid}: {exc}") from None
    return Rule(
        id=rid,
        family=family,
        severity=severity,
        kind=kind_name,
        message=str(message),
        source=str(where.path),
        spec=kind.parse(reader),
        suggestion=reader.string("suggestion"),
        rationale=reader.string("rationale", "") or "",
        summary=reader.string("summary", "") or "",
        fires=reader.strings("fires"),
        allows=reader.strings("allows"),
        note=reader.string("note"),
        weight=data.get("weight"),
        label_kind=data.get("label_kind"),
        builtin=builtin,
        fix=fix,
        crisis=bool(data.get("crisis", False)),
    )


def _parse_profile(data: dict[str, Any], raw: str, path: Path) -> Profile:
    where = _Where(path, raw)
    unknown = sorted(set(data) - _PROFILE_KEYS)
    _expect(
        not unknown, where, f"unknown key(s) {', '.join(unknown)} in profile", unknown[0] if unknown else None
    )
    meta = data.get("profile")
    _expect(isinstance(meta, dict), where, "a profile file needs a [profile] table")
    assert isinstance(meta, dict)
    unknown = sorted(set(meta) - {"name", "description", "sections", "quiet"})
    _expect(
        not unknown,
        where,
        f"unknown key(s) {', '.join(unknown)} in [profile] (name, description, sections, quiet)",
        unknown[0] if unknown else None,
    )
    name = meta.get("name")
    _expect(isinstance(name, str) and bool(name), where, "[profile] needs a name", "name")
    _expect(
        isinstance(meta.get("description", ""), str), where, "'description' must be a string", "description"
    )
    sections = _strings(meta, "sections", "section names", where)
    quiet = _strings(meta, "quiet", "rule ids", where)
    thresholds = data.get("thresholds", {})
    _expect(isinstance(thresholds, dict), where, "[thresholds] must be a table", "thresholds")
    for key, value in thresholds.items():
        _expect(_is_number(value), where, f"threshold '{key}' must be a number", key)
    description = str(meta.get("description", ""))
    return Profile(str(name), description, sections, dict(thresholds), str(path), quiet)


def _strings(table: dict[str, Any], key: str, what: str, where: _Where) -> tuple[str, ...]:
    """A list of strings in a [profile] table (empty when absent); anything else fails at its line."""
    value = table.get(key, [])
    _expect(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        where,
        f"'{key}' must be a list of {what}",
        key,
    )
    return tuple(value)


def _profile_error(profile: Profile, key: str, message: str) -> RuleError:
    source = Path(profile.source)
    where = _Where(source, source.read_text(encoding="utf-8"))(key)
    return RuleError(f"{where}: profile {profile.name}: {message}")


FAMILY_KEYS = {"name", "title", "short", "style", "order", "description"}
STYLES = tuple(
    f"{bright}{colour}"
    for bright in ("", "bright_")
    for colour in ("red", "green", "yellow", "blue", "magenta", "cyan", "white")
)


def parse_family(data: Any, where: _Where) -> Family:
    """A pack's `[family]` table: the family's name and how reports show it."""
    _expect(isinstance(data, dict), where, "[family] must be a table", "family")
    unknown = sorted(set(data) - FAMILY_KEYS)
    _expect(
        not unknown,
        where,
        f"unknown key(s) {', '.join(unknown)} in [family] ({', '.join(sorted(FAMILY_KEYS))})",
        unknown[0] if unknown else None,
    )
    name = data.get("name")
    _expect(
        isinstance(name, str) and _NAME.fullmatch(name) is not None,
        where,
        "[family] needs a name of lowercase letters, digits and hyphens",
        "name",
    )
    for key in ("title", "short", "style", "description"):
        _expect(
            key not in data or isinstance(data[key], str), where, f"[family] '{key}' must be a string", key
        )
    _expect(isinstance(data.get("title"), str), where, f"[family] {name} needs a title", "name")
    style = data.get("style", "white")
    _expect(style in STYLES, where, f"[family] style must be one of {', '.join(STYLES)}", "style")
    order = data.get("order", 100)
    _expect(type(order) is int, where, "[family] 'order' must be a whole number", "order")
    return Family(str(name), data["title"], data.get("short", str(name)), style, order)


def _check_thresholds(rules: dict[str, Rule], profiles: dict[str, Profile]) -> None:
    """A threshold no rule or check reads is a typo; a rule naming a threshold that a profile
    lacks (and that has no default) would silently compare against nothing. Both are errors
    at their file and line."""
    named = {t: r for r in rules.values() if isinstance(t := getattr(r.spec, "threshold", None), str)}
    known = set(ENGINE_THRESHOLDS) | set(named)
    for profile in profiles.values():
        source = Path(profile.source)
        raw = source.read_text(encoding="utf-8")
        for key in profile.thresholds:
            if key not in known:
                raise RuleError(
                    f"{_Where(source, raw)(key)}: profile {profile.name}: unknown threshold {key!r} "
                    f"(known: {', '.join(sorted(known))})"
                )
        for name, rule in sorted(named.items()):
            if name not in profile.thresholds and name in DEFAULT_THRESHOLDS:
                profile.thresholds[name] = DEFAULT_THRESHOLDS[name]
            elif name not in profile.thresholds:
                rule_raw = Path(rule.source).read_text(encoding="utf-8")
                where = _Where(Path(rule.source), rule_raw, max(rule_raw.find(f'id = "{rule.id}"'), 0))
                raise RuleError(
                    f"{where('threshold')}: rule {rule.id}: threshold {name!r} is not set in profile "
                    f"{profile.name} ({source}); add it under [thresholds] or give the rule a number"
                )


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    from letterlint.config import loads_toml, read_toml_text

    raw = read_toml_text(path, "a rule pack", RuleError)  # guarded: no pipe hangs, no endless read
    return loads_toml(raw, path, RuleError), raw


def _lexicon(folders: list[tuple[Path, bool]]) -> Lexicon:
    """The built-in word classes, plus those of the user's folders (each name once)."""
    from letterlint.lexicon import builtin_lexicon, read_classes

    builtin = builtin_lexicon()
    if len(folders) == 1:
        return builtin
    entries = dict(builtin.entries)
    where = dict(builtin.where)
    for folder, _ in folders[1:]:
        if folder.is_dir():
            read_classes(folder, entries, where)
    return Lexicon(entries, where)


def load_rules(extra_dirs: list[Path] | None = None) -> RuleSet:
    """Load built-in packs, then user folders; a user rule may not reuse a built-in id."""
    from letterlint.lexicon import grammar_of

    rules: dict[str, Rule] = {}
    profiles: dict[str, Profile] = {}
    families: dict[str, Family] = {}
    family_source: dict[str, str] = {}
    folders = [(rules_dir(), True)] + [(Path(d), False) for d in (extra_dirs or [])]
    for folder, _ in folders:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule folder not found")
    lexicon = _lexicon(folders)
    for folder, builtin in folders:
        for path in sorted(folder.glob("*.toml")):
            data, raw = _read_toml(path)
            if "profile" in data:
                profile = _parse_profile(data, raw, path)
                profiles[profile.name] = profile
                continue
            unknown = sorted(set(data) - {"rule", "pack", "family"})
            if unknown:
                line = _Where(path, raw)(unknown[0])
                raise RuleError(
                    f"{line}: unknown top-level key(s) {', '.join(unknown)} (use [[rule]] tables)"
                )
            if "family" in data:
                family = parse_family(data["family"], _Where(path, raw))
                _expect(
                    family.name not in families,
                    _Where(path, raw),
                    f"family {family.name!r} is already declared (in {family_source.get(family.name)})",
                    "family",
                )
                families[family.name] = family
                family_source[family.name] = str(path)
            entries = data.get("rule", [])
            _expect(
                isinstance(entries, list) and all(isinstance(e, dict) for e in entries),
                _Where(path, raw),
                "rules are written as [[rule]] tables",
                "rule",
            )
            for entry, where in zip(entries, _blocks(raw, path, len(entries)), strict=True):
                rule = _parse_rule(entry, where, builtin, lexicon)
                _expect(
                    rule.family in families,
                    where,
                    f"rule {rule.id}: unknown family {rule.family!r} ({', '.join(families)}; "
                    "a pack declares a new one in a [family] table)",
                    "family" if "family" in entry else "id",
                )
                if rule.id in rules:
                    other = rules[rule.id].source
                    raise RuleError(f"{where('id')}: duplicate rule id {rule.id} (also in {other})")
                rules[rule.id] = rule
        for path in sorted((folder / "profiles").glob("*.toml")):
            data, raw = _read_toml(path)
            profile = _parse_profile(data, raw, path)
            profiles[profile.name] = profile
    for profile in profiles.values():
        for section in profile.sections:
            if f"missing-section/{section}" not in rules:
                known = sorted(r.name for r in rules.values() if r.kind == "section")
                raise _profile_error(profile, "sections", f"unknown section {section!r} ({', '.join(known)})")
        for rule_id in profile.quiet:
            rule = rules.get(rule_id)
            if rule is None or rule.crisis:
                why = "a crisis rule always runs" if rule is not None else "unknown rule"
                raise _profile_error(profile, "quiet", f"cannot quiet {rule_id!r} ({why})")
    _check_thresholds(rules, profiles)
    for rule in rules.values():
        section = getattr(rule.spec, "unless_section", None)
        if section is not None and f"missing-section/{section}" not in rules:
            raw = Path(rule.source).read_text(encoding="utf-8")
            where = _Where(Path(rule.source), raw, max(raw.find(f'id = "{rule.id}"'), 0))
            raise RuleError(f"{where('unless_section')}: rule {rule.id}: unknown section {section!r}")
    stems: set[str] = set()
    for rule in rules.values():
        matchers = getattr(rule.spec, "matchers", None)
        if matchers is not None:
            stems |= matchers.stems
    return RuleSet(rules, profiles, lexicon, grammar_of(lexicon), StemFilter(stems), families)
