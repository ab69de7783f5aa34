"""`letterlint check-rules [PACK...]`: run each rule's own examples, a user's packs included.

Every `fires` example must be flagged by its rule, and every `allows` example must not be
(for a section rule, an `allows` example is a text in which the section is found). Each
failure is reported at the example's file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from letterlint.engine import Engine, Selection
from letterlint.rulepack import Rule, RuleError, rules_dir
from letterlint.settings import Overrides, engine_for, resolve_settings

DEFAULT_PROFILE = "reconcile"


@dataclass(frozen=True)
class Failure:
    where: str  # file:line of the example
    rule: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.problem}"


def check_packs(packs: list[Path], config: Path | None = None) -> tuple[str, list[Failure]]:
    """(report text, failures) for the packs (folders or .toml files); none: every rule in force."""
    if packs:
        folders: list[Path] = []
        files: set[Path] = set()
        for pack in packs:
            if pack.is_dir():
                folders.append(pack.resolve())
            elif pack.is_file() and pack.suffix == ".toml":
                folders.append(pack.resolve().parent)
                files.add(pack.resolve())
            else:
                raise RuleError(f"{pack}: not a rule folder or a .toml rule pack")
        user = [f for f in dict.fromkeys(folders) if f != rules_dir().resolve()]
        engine = engine_for(user)
        wanted = set(folders)

        def chosen(rule: Rule) -> bool:
            source = Path(rule.source).resolve()
            return source in files or (source.parent in wanted and not files & _siblings(source))

        rules = [r for r in engine.ruleset.rules.values() if chosen(r)]
    else:
        engine = resolve_settings(None, Overrides(config=config)).engine
        rules = list(engine.ruleset.rules.values())
    failures: list[Failure] = []
    examples = 0
    for rule in sorted(rules, key=lambda r: r.id):
        examples += len(rule.fires) + len(rule.allows)
        failures.extend(check_rule(engine, rule))
    lines = [str(f) for f in failures]
    where = ", ".join(str(p) for p in packs) if packs else "the rules in force"
    verdict = f"{len(failures)} failed" if failures else "all passed"
    lines.append(f"letterlint: checked {len(rules)} rules, {examples} examples in {where}: {verdict}")
    return "\n".join(lines) + "\n", failures


def _siblings(source: Path) -> set[Path]:
    return set(source.parent.glob("*.toml"))


def check_rule(engine: Engine, rule: Rule) -> list[Failure]:
    profile = profile_for(engine, rule)
    failures: list[Failure] = []
    for example in rule.fires:
        if not _fired(engine, rule, example, profile):
            failures.append(Failure(_where(rule, example), rule.id, f"should flag “{example}” (fires)"))
    for example in rule.allows:
        if rule.kind == "section":
            result = engine.lint(example, profile=profile, selection=Selection((rule.id,)))
            if not result.sections.get(rule.spec.section, False):
                problem = f"should find the {rule.spec.section} section in “{example}” (allows)"
                failures.append(Failure(_where(rule, example), rule.id, problem))
        elif _fired(engine, rule, example, profile):
            failures.append(Failure(_where(rule, example), rule.id, f"should not flag “{example}” (allows)"))
    return failures


def profile_for(engine: Engine, rule: Rule) -> str:
    """The profile to run an example under: the default, unless a section rule needs one
    that expects its section."""
    profiles = engine.ruleset.profiles
    if rule.kind != "section" or rule.spec.section in profiles.get(DEFAULT_PROFILE, _NO_PROFILE).sections:
        return DEFAULT_PROFILE if DEFAULT_PROFILE in profiles else min(profiles)
    for name, profile in sorted(profiles.items()):
        if rule.spec.section in profile.sections:
            return name
    return DEFAULT_PROFILE


class _NoProfile:
    sections: tuple[str, ...] = ()


_NO_PROFILE = _NoProfile()


def _fired(engine: Engine, rule: Rule, text: str, profile: str) -> bool:
    result = engine.lint(text, profile=profile, selection=Selection((rule.id,)))
    return any(f.rule == rule.id for f in result.findings)


def _where(rule: Rule, example: str) -> str:
    """file:line of an example in its pack (the rule's own file)."""
    try:
        raw = Path(rule.source).read_text(encoding="utf-8")
    except OSError:
        return rule.source
    index = raw.find(example)
    if index < 0:
        index = raw.find(example[:40])
    return f"{rule.source}:{raw.count(chr(10), 0, index) + 1 if index >= 0 else 1}"
