"""Score-keeping, accusing questions and hedged apologies are read as constructions: each
case below is a fresh phrasing, and each hard negative is the same words used kindly."""

from __future__ import annotations

import pytest

from tests.conftest import family_rules


def _rules(text: str) -> set[str]:
    return family_rules(text, "negative-tone")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I babysat your sister's twins twice a week for three winters.", "guilt-trip"),
        ("For two years I funded your sister's rent so you could keep the boat.", "guilt-trip"),
        ("I sold my flute, I gave up the orchestra, I nursed your aunt through the summer.", "guilt-trip"),
        ("I was always the one who ferried your nephews to football.", "guilt-trip"),
        ("Did you honestly think a bunch of tulips would fix it?", "reproach"),
        ("Were you pretending the whole time we were in Oban?", "reproach"),
        ("I'm sorry you were embarrassed by my speech at the dinner.", "non-apology"),
        ("Anybody would have been snappy after a week like that.", "non-apology"),
        ("The way you spoke to my brother at the christening, I will never forgive.", "unforgiving"),
        ("If you don't move your things out by the end of May, I'm changing the locks.", "ultimatum"),
        ("It was big of you to give me a whole evening's warning.", "sarcasm"),
    ],
)
def test_construction_fires(text: str, rule: str) -> None:
    assert f"negative-tone/{rule}" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "We walked the dog on the cliffs every Sunday that year, and I loved it.",
        "I minded your goldfish all August while you were in Lisbon, and it was a pleasure.",
        "I was the one who left, and I'm sorry for the way I did it.",
        "Did you think the concert was as good as last year's?",
        "I'm sorry you were poorly all through March.",
        "Anybody would be proud of the garden you've made.",
        "I'll never forgive myself for missing your recital.",
        "If you can't take the cat by Friday, tell me and I'll sort something out.",
        "It was kind of you to come all the way to the hospital.",
        "I'm not asking for forgiveness, only for a coffee some time.",
    ],
)
def test_hard_negative_stays_quiet(text: str) -> None:
    mine = {"guilt-trip", "reproach", "non-apology", "unforgiving", "ultimatum", "sarcasm"}
    assert not {r for r in _rules(text) if r.split("/", 1)[1] in mine}
