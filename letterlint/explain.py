"""`letterlint rules` and the one explanation of a rule: `letterlint explain RULE`, the
editor's hover and the page its diagnostics link to all come from `_sections` here."""

from __future__ import annotations

import textwrap

from letterlint.model import Finding
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


def why(rule: Rule | None) -> str:
    """Why the rule exists, on one line."""
    return " ".join(((rule.rationale or rule.message) if rule else "").split())


def better(rule: Rule | None, finding: Finding | None = None) -> str | None:
    """A better wording: the finding's own suggestion, else the rule's example or suggestion."""
    if rule is not None and rule.kind == "section":
        return rule.example or (finding.suggestion if finding else rule.suggestion)
    if finding is not None:
        return finding.suggestion
    return rule.suggestion if rule else None


def _sections(rule: Rule) -> list[tuple[str, str | list[str]]]:
    """The one explanation of a rule, as (heading, text or examples); rendered as text by
    `letterlint explain` and as Markdown for the editor's link and hover."""
    out: list[tuple[str, str | list[str]]] = [("What it flags", rule.one_line), ("Why", why(rule))]
    if rule.kind == "section":
        out.append(("When it is missing, the report says", rule.message))
    else:
        out.append(("Message", rule.message))
    if rule.fires:
        out.append(("Flagged, for example", list(rule.fires[:3])))
    if rule.allows:
        out.append(("Not flagged (near misses)", list(rule.allows[:3])))
    wording = better(rule)
    if wording:
        out.append(("Better wording", wording))
    if rule.note:
        out.append(("Note", rule.note))
    return out


def explain(rule: Rule) -> str:
    """`letterlint explain RULE`."""
    out = [f"{rule.id}  ({rule.severity.label}, {rule.kind} check)", ""]
    for heading, body in _sections(rule):
        out.append(heading)
        if isinstance(body, list):
            mark = "✗" if heading.startswith("Flagged") else "✓"
            out += [f"  {mark} “{ex}”" for ex in body]
        else:
            out.append(_wrap(body))
        out.append("")
    out.append(f"Defined in {rule.source}")
    return "\n".join(out) + "\n"


def explanation_markdown(rule: Rule) -> str:
    """The same explanation as Markdown: the page behind an editor diagnostic's link."""
    out = [f"# {rule.id}", "", f"*{rule.severity.label}, {rule.kind} check*", ""]
    for heading, body in _sections(rule):
        out += [f"## {heading}", ""]
        if isinstance(body, list):
            mark = "✗" if heading.startswith("Flagged") else "✓"
            out += [f"- {mark} {ex}" for ex in body]
        else:
            out.append(" ".join(body.split()) if heading == "Why" else body)
        out.append("")
    out.append(
        f"Defined in `{rule.source}`. Turn it off for one letter with a quick fix or `letterlint ignore`."
    )
    return "\n".join(out) + "\n"


def hover_text(f: Finding, rule: Rule | None, href: str | None, markdown: bool) -> str:
    """What the editor shows over a flagged passage: the finding, then the rule's why and
    a better wording from the same explanation."""
    if f.crisis and f.note:  # the support note first, and no other wording for this sentence
        if not markdown:
            return "\n".join([f.note, f.message, f"More: letterlint explain {f.rule}"])
        return "\n".join([f"**{f.note}**", "", f.message, "", f"More: `letterlint explain {f.rule}`"])
    reason = why(rule) if rule else ""
    wording = better(rule, f)
    if not markdown:
        lines = [f"{f.rule} ({f.severity.label})", f.message]
        if f.note:
            lines.append(f.note)
        if reason:
            lines.append(f"Why: {reason}")
        if wording:
            lines.append(f"Instead: {wording}")
        lines.append(f"More: letterlint explain {f.rule}")
        return "\n".join(lines)
    lines = [f"**{f.rule}** · {f.severity.label}", "", f.message]
    if f.note:
        lines += ["", f"**{f.note}**"]
    if reason:
        lines += ["", f"*Why:* {reason}"]
    if wording:
        lines += ["", f"*Instead, for example:* {wording}"]
    lines += ["", f"[More about this rule]({href})" if href else f"More: `letterlint explain {f.rule}`"]
    return "\n".join(lines)
