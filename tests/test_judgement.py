"""Judgement scopes: negation, quotation/reported speech and hypotheticals do not fire
rules meant for the writer's own voice; the same words asserted plainly do."""

from __future__ import annotations

import pytest

from letterlint import lint_text


def rules(text: str, profile: str = "reconcile") -> set[str]:
    return {f.rule for f in lint_text(text, profile=profile).findings}


@pytest.mark.parametrize(
    "asserted, not_asserted, rule",
    [
        # negation
        ("I'm begging you.", "I'm not going to beg you.", "desperation/begging"),
        (
            "I can't live without you.",
            "I won't say I can't live without you.",
            "desperation/cant-live-without",
        ),
        ("It's your fault.", "It's not your fault.", "negative-tone/blame"),
        ("I'll wait forever.", "I don't say I'll wait forever.", "desperation/pining"),
        # quotation and reported speech
        ("You never listen.", "You told me 'you never listen', and you were right.", "negative-tone/blame"),
        ("You always run away.", "My sister said you always run away.", "negative-tone/blame"),
        (
            "I'll wait forever.",
            "You once wrote \u201cI'll wait forever\u201d on a ticket.",
            "desperation/pining",
        ),
        # hypotheticals
        (
            "I'll do anything.",
            "If I said I'd do anything, it wouldn't be honest.",
            "desperation/unlimited-promise",
        ),
        (
            "I'll change everything.",
            "I could promise I'll change everything, but I won't.",
            "desperation/unlimited-promise",
        ),
    ],
)
def test_scope(asserted: str, not_asserted: str, rule: str) -> None:
    assert rule in rules(asserted)
    assert rule not in rules(not_asserted)


def test_conditional_threat_still_counts() -> None:
    """'If you leave, I'll hurt myself' is the threat itself, not a hypothetical."""
    result = lint_text("If you don't come back, I'll hurt myself.")
    (finding,) = [f for f in result.findings if f.rule == "desperation/self-harm"]
    assert finding.severity.label == "error"
    assert finding.note and "crisis line" in finding.note


def test_healthy_affection_is_not_desperation() -> None:
    text = (
        "Dear Sam,\n\nI love the way you laugh, and you mean a lot to me. "
        "You always made me feel at home.\n\nLove,\nJo"
    )
    found = rules(text)
    assert not {r for r in found if r.startswith(("desperation/", "negative-tone/"))}


def test_sadness_told_constructively_is_not_negative_tone() -> None:
    text = (
        "Dear Sam,\n\nLosing my dad this year was hard. It taught me what matters. "
        "I've been spending time with my family and I'm doing better. "
        "I'm grateful for what we had and hopeful about what comes next.\n\nLove,\nJo"
    )
    assert not {r for r in rules(text) if r.startswith(("negative-tone/", "weak-closing/"))}


@pytest.mark.parametrize(
    "text",
    [
        "I honestly can't live without you.",
        "I really, truly cannot live without you.",
        "i cant live without u",
        "I can’t live without you.",
    ],
)
def test_paraphrases_inflections_and_apostrophes(text: str) -> None:
    assert "desperation/cant-live-without" in rules(text)


@pytest.mark.parametrize(
    "text", ["I begged you to stay.", "I've been begging you for weeks.", "I pleaded with you."]
)
def test_inflections_of_begging(text: str) -> None:
    assert "desperation/begging" in rules(text)


def test_subtle_neediness() -> None:
    assert "desperation/compulsive-contact" in rules("I check my phone every five minutes hoping it's you.")


def test_excuse_patterns_in_apology() -> None:
    text = "Hi Pat,\n\nI'm sorry if you felt hurt by the photos I posted.\n\nJen"
    result = lint_text(text, profile="apology")
    assert "negative-tone/non-apology" in {f.rule for f in result.findings}
    assert result.sections["accountability"] is False


def test_a_remark_about_a_rival_needs_a_new_partner_in_the_letter() -> None:
    """`when_letter`: 'does he even know...' is a jab only once the letter says they have
    someone new; the same words about a brother stay quiet."""
    jab = "Does he even know you hate coriander? I doubt he has asked."
    with_partner = f"Dear Jo,\n\nI heard you're seeing someone now. {jab}\n\nTake care,\nSam\n"
    about_brother = f"Dear Jo,\n\nMy brother came round on Sunday. {jab}\n\nTake care,\nSam\n"
    assert "negative-tone/rival" in rules(with_partner)
    assert "negative-tone/rival" not in rules(about_brother)


def test_threats_to_expose_are_found_in_many_forms() -> None:
    for line in (
        "I'd hate for your manager to hear about the money.",
        "One call to your mother, that's all it would take.",
        "I retain copies of the messages from that spring.",
    ):
        assert "negative-tone/threat" in rules(f"Dear Al,\n\n{line}\n\nRegards,\nB\n"), line
    assert "negative-tone/threat" not in rules(
        "Dear Al,\n\nI'd love to hear how the new job is going.\n\nBest,\nB\n"
    )
