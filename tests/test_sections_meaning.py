"""Sections are recognised by what a sentence does, not by cue words: plain, varied wordings
count; a bargain, a taking-back or a cue word alone does not."""

from __future__ import annotations

import pytest

from letterlint import lint_text


def present(text: str, profile: str = "reconcile") -> dict[str, bool]:
    return lint_text(text, profile=profile).sections


def letter(body: str) -> str:
    return f"Dear Robin,\n\n{body}\n\nLove,\nKit"


@pytest.mark.parametrize(
    "body",
    [
        # giving the reader room, as a promise
        "I won't phone you again or wait by the allotment gate.",
        # time kept for the reader
        "From the spring on, Wednesday evenings are yours, whatever the depot says.",
        # a help kept up whatever the reader decides
        "I'm going to carry on with the group on Mondays, whether or not you write back.",
        # saying it early
        "When I feel overwhelmed I will tell you that same evening, not weeks later.",
        # a plain act in place of the old way out, even as a list item
        "What changes: ask you about it instead of sulking in the garage.",
    ],
)
def test_commitment_in_plain_words(body: str) -> None:
    assert present(letter(body))["commitment"]


@pytest.mark.parametrize(
    "body",
    [
        # a bargain: the loose promises sit beside "anything you want"
        "I'll sell the motorbike and I'll quit the pub quiz. I'll do anything you want.",
        # growth, not a promise: learning to speak up
        "The counsellor has me learning to say when I'm low instead of vanishing.",
    ],
)
def test_commitment_not_credited(body: str) -> None:
    assert not present(letter(body))["commitment"]


def test_a_taken_back_apology_does_not_own_it() -> None:
    text = letter(
        "I'm sorry I shouted at your brother at the christening.\n\n"
        "But let's be honest, he'd been goading me since the church."
    )
    assert not present(text, "apology")["accountability"]
    # in a letter hoping to win the reader back, owning a part still stands beside a complaint
    assert present(text, "reconcile")["accountability"]


def test_an_apology_that_stands_owns_it() -> None:
    text = letter("I'm sorry I shouted at your brother at the christening. He didn't deserve it.")
    assert present(text, "apology")["accountability"]


@pytest.mark.parametrize(
    "ending",
    [
        "Your loving\nMaud",
        "Your ever-faithful\nAmbrose",
        "Your own Wilf",
        "Your Hattie, forever",
        "Besos, always yours\nLuz",
        "night x",
        "Hugs to the dog, speak soon\nPip",
        "from rory",
        "k",
    ],
)
def test_sign_off_in_its_many_forms(ending: str) -> None:
    text = f"Dear Robin,\n\nI think about the allotment a lot and I hope the beans came up\n{ending}"
    assert present(text)["sign-off"]


@pytest.mark.parametrize("greeting", ["Ines, my love,", "Callum, dearest,", "Rosa, my darling,"])
def test_greeting_with_an_endearment(greeting: str) -> None:
    text = f"{greeting}\n\nThe quince tree by the wall is heavy with fruit this year.\n\nLove,\nKit"
    assert present(text, "general")["greeting"]
