"""Every rule's own examples: `fires` must fire it, `allows` must not (Harper/proselint style)."""

from __future__ import annotations

import pytest

from letterlint import default_engine, lint_text
from letterlint.rulepack import Rule

RULES = sorted(default_engine().ruleset.rules.values(), key=lambda r: r.id)


def _profile_for(rule: Rule) -> str:
    if rule.kind == "section":
        for name, profile in sorted(default_engine().ruleset.profiles.items()):
            if rule.spec.section in profile.sections:
                return "reconcile" if name == "reconcile" or rule.spec.section in _reconcile() else name
    return "reconcile"


def _reconcile() -> tuple[str, ...]:
    return default_engine().ruleset.profiles["reconcile"].sections


def _fired(rule: Rule, text: str) -> list[str]:
    result = lint_text(text, profile=_profile_for(rule), select=(rule.id,))
    return [f.rule for f in result.findings if f.rule == rule.id]


def _generated_fires(rule: Rule) -> tuple[str, ...]:
    """Examples too long to write in TOML are built from the rule's own threshold."""
    metric = getattr(rule.spec, "metric", None)
    if metric == "letter-words":
        limit = default_engine().ruleset.profiles["reconcile"].threshold(str(rule.spec.threshold), 600)
        return ("I walked to the lake again today. " * int(limit // 7 + 10),)
    if metric == "paragraph-words":
        return ("We went to the market and bought bread and cheese. " * 25,)
    return ()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples_and_docs(rule: Rule) -> None:
    assert rule.fires or _generated_fires(rule), f"{rule.id} has no example that must fire"
    assert rule.allows, f"{rule.id} has no near miss that must not fire"
    assert rule.rationale.strip(), f"{rule.id} has no rationale for `letterlint explain`"
    assert rule.suggestion or rule.example or rule.crisis, f"{rule.id} suggests no better wording"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_fires_on_its_examples(rule: Rule) -> None:
    for example in rule.fires + _generated_fires(rule):
        assert _fired(rule, example), f"{rule.id} should fire on: {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_allows_its_near_misses(rule: Rule) -> None:
    for example in rule.allows:
        if rule.kind == "section":
            # A near miss for a section is a text that contains it.
            result = lint_text(example, profile=_profile_for(rule), select=(rule.id,))
            assert result.sections.get(rule.spec.section, False), (
                f"{rule.id}: section should be found in {example!r}"
            )
        else:
            assert not _fired(rule, example), f"{rule.id} should not fire on: {example!r}"
