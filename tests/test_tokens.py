"""Tokens: contractions read by what follows them."""

from __future__ import annotations

import pytest

from letterlint.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd been up all night", ("i", "had", "been", "up", "all", "night")),
        ("you'd promised", ("you", "had", "promised")),
        ("she'd gone", ("she", "had", "gone")),
        ("I'd love that", ("i", "would", "love", "that")),
        ("I'd need a week", ("i", "would", "need", "a", "week")),
        ("I'd rather not", ("i", "would", "rather", "not")),
        ("I would become kinder", ("i", "would", "become", "kinder")),
        ("I'd become anyone", ("i", "would", "become", "anyone")),
        ("I'd shred it", ("i", "would", "shred", "it")),
    ],
)
def test_d_is_had_before_a_participle_and_would_elsewhere(text: str, expected: tuple[str, ...]) -> None:
    assert tokenize(text).norms == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "even if u marry him ill be waiting",
            ("even", "if", "you", "marry", "him", "i", "will", "be", "waiting"),
        ),
        ("i was ill just before the wedding", ("i", "was", "ill", "just", "before", "the", "wedding")),
        ("ill never forget it", ("i", "will", "never", "forget", "it")),
        ("bring your id card", ("bring", "your", "id", "card")),
        ("she gets ill really often", ("she", "gets", "ill", "really", "often")),
        ("the ill still suffer", ("the", "ill", "still", "suffer")),
        ("my id never came back", ("my", "id", "never", "came", "back")),
    ],
)
def test_ill_is_i_will_before_a_verb_and_the_adjective_after_a_copula(
    text: str, expected: tuple[str, ...]
) -> None:
    assert tokenize(text).norms == expected


def test_stacked_marks_stay_stacked() -> None:
    assert tokenize("why?? fine!!! ok?").norms == ("why", "?", "?", "fine", "!", "!", "okay", "?")


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("ur making it so hard", "you are making it so hard"),
        ("ur not even sorry", "you are not even sorry"),
        ("ur the one who left", "you are the one who left"),
        ("ur mum rang me", "your mum rang me"),
        ("ur wedding photos", "your wedding photos"),
        ("i kept ur", "i kept your"),
    ],
)
def test_text_speak_ur_is_you_are_only_before_what_follows_a_verb(text: str, reading: str) -> None:
    assert " ".join(tokenize(text).norms) == reading
