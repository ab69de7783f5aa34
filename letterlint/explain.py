"""`letterlint rules` and `letterlint explain RULE`: every rule documented, ruff-style."""

from __future__ import annotations

import textwrap

from letterlint.rulepack import Rule, RuleSet


def rules_table(ruleset: RuleSet) -> str:
    rows = sorted(ruleset.rules.values(), key=lambda r: r.id)
    width = max(len(r.id) for r in rows)
    out = [f"{'RULE':<{width}}  {'SEVERITY':<8}  {'KIND':<9}  SUMMARY"]
    for rule in rows:
        out.append(f"{rule.id:<{width}}  {rule.severity.label:<8}  {rule.kind:<9}  {rule.one_line}")
    profiles = ", ".join(
        f"{p.name} ({', '.join(p.sections)})" for p in sorted(ruleset.profiles.values(), key=lambda p: p.name)
    )
    out.append("")
    out.append(f"{len(rows)} rules. Profiles: {profiles}")
    return "\n".join(out) + "\n"


def find_rule(ruleset: RuleSet, name: str) -> Rule | None:
    if name in ruleset.rules:
        return ruleset.rules[name]
    matches = [r for r in ruleset.rules.values() if r.name == name]
    return matches[0] if len(matches) == 1 else None


def _wrap(text: str, indent: str = "  ") -> str:
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(
        textwrap.fill(p, 88, initial_indent=indent, subsequent_indent=indent) for p in paragraphs
    )


def explain(rule: Rule) -> str:
    out = [f"{rule.id}  ({rule.severity.label}, {rule.kind} check)", ""]
    out += ["What it flags", _wrap(rule.one_line), ""]
    out += ["Why", _wrap(rule.rationale or rule.message), ""]
    if rule.kind == "section":
        out += ["When it is missing, the report says", _wrap(rule.message), ""]
    else:
        out += ["Message", _wrap(rule.message), ""]
    if rule.fires:
        out.append("Flagged, for example")
        out += [f"  ✗ “{ex}”" for ex in rule.fires[:3]]
        out.append("")
    if rule.allows:
        out.append("Not flagged (near misses)")
        out += [f"  ✓ “{ex}”" for ex in rule.allows[:3]]
        out.append("")
    better = rule.example if rule.kind == "section" else rule.suggestion
    if better:
        out += ["Better wording", _wrap(better), ""]
    if rule.note:
        out += ["Note", _wrap(rule.note), ""]
    out.append(f"Defined in {rule.source}")
    return "\n".join(out) + "\n"
