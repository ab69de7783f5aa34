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
    ],
)
def test_d_is_had_before_a_participle_and_would_elsewhere(text: str, expected: tuple[str, ...]) -> None:
    assert tokenize(text).norms == expected
