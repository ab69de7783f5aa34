"""Negative tone by kind: plain-word contempt, sarcasm, threats and blame are found, and the
hard negatives beside them (remorse, the writer's own words, thanks, practical dates) are not."""

from __future__ import annotations

import pytest

from letterlint import lint_text


def _kinds(sentence: str) -> set[str]:
    letter = f"Dear Robin,\n\n{sentence}\n\nBest,\nSam\n"
    result = lint_text(letter, select=("negative-tone",))
    return {f.rule.split("/", 1)[1] for f in result.findings}


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # hyphenated insult words are two tokens, so the word classes spell them as two words
        ("Honestly you can be so self-obsessed and two-faced about money.", "contempt"),
        ("You were always cold-hearted with the neighbours.", "contempt"),
        ("Read your text about the move. Very grown-up.", "sarcasm"),
        ("Funny how you only ring now that you need a bed for the weekend.", "sarcasm"),
        ("I've still got the recordings.", "threat"),
        ("You did this, not me.", "blame"),
        ("When was the last time you even asked about my mum?", "reproach"),
        ("Forty years on the buses and nothing to show for it.", "gloom"),
    ],
)
def test_plain_words_are_found(sentence: str, rule: str) -> None:
    assert rule in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was two-faced with you about the money, and I'm ashamed of it.",
        "It was so kind of you to water the tomatoes while I was away.",
        "I used to call it your 'little project' and that was mean of me.",
        "I still have the photos from the canal trip, and they make me smile.",
        "I need to know by Thursday, so that I can book the minibus for everyone.",
        "I finally went to the doctor, like you always told me to.",
        "Congrats on the new flat, it looks lovely.",
        "I wouldn't blame you if you never answered this.",
    ],
)
def test_hard_negatives_stay_quiet(sentence: str) -> None:
    assert not _kinds(sentence), sentence
