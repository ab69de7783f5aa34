"""The closing check judges the end of a letter by kinds of expression: a letter that
breaks off on a word that always announces more, and a run-on last sentence whose closing
is only its tail."""

from __future__ import annotations

import pytest

from tests.conftest import family_rules


def closing_rules(text: str, profile: str = "reconcile") -> set[str]:
    return family_rules(text, "weak-closing", profile)


@pytest.mark.parametrize(
    "ending",
    [
        "if the ferry is late again I'll be",
        "I rang the garage and they said we could at least",
        "I packed the blue jacket for the trip in case",
        "the card on the fridge still says",
        "I told the twins you'd probably",
    ],
)
def test_a_letter_that_breaks_off_on_a_word_that_announces_more(ending: str) -> None:
    text = f"Dear Rob,\n\nThe hedges are trimmed and the shed is painted.\n\n{ending}\n"
    assert "weak-closing/no-closing" in closing_rules(text)


@pytest.mark.parametrize(
    "ending",
    ["Take care of yourself, like mum always says", "See you at Christmas, probably", "We tried, at least"],
)
def test_above_a_sign_off_such_words_may_end_a_whole_thought(ending: str) -> None:
    text = f"Dear Rob,\n\nThe hedges are trimmed and the shed is painted.\n\n{ending}\n\nLove,\nJo\n"
    assert "weak-closing/no-closing" not in closing_rules(text)


@pytest.mark.parametrize(
    "ending",
    [
        "I'll keep the spare key for you, just in case",
        "the shed is painted and the hedges are trimmed at least.",
        "I hope the ferry is on time and the sea is calm x",
    ],
)
def test_a_finished_last_line_is_not_cut_off(ending: str) -> None:
    text = f"Dear Rob,\n\nThe hedges are trimmed and the shed is painted.\n\n{ending}\n"
    assert "weak-closing/no-closing" not in closing_rules(text)


def test_a_run_on_last_sentence_is_judged_by_its_tail() -> None:
    early = (
        "I have been thinking about the allotment and the summer we had there, "
        "and honestly you were a selfish coward about the money, "
    )
    middle = (
        "but that was a long time ago and I have had a lot of time to think about it since, "
        "about the beans and the shed and the evenings we spent on the bench by the water butt, "
        "and about the neighbours who brought us plums every August without fail, "
    )
    warm = (
        "and I would love to meet for a coffee at the garden centre some Saturday, "
        "whenever suits you, and hear how the new flat is coming along and what you are growing."
    )
    text = f"Dear Rob,\n\n{early}{middle}{warm}\n\nAll the best,\nSam\n"
    assert "weak-closing/negative-ending" not in closing_rules(text)
    short = f"Dear Rob,\n\n{early}and that is all I have to say.\n\nSam\n"
    assert "weak-closing/negative-ending" in closing_rules(short)


def test_a_paragraph_that_breaks_off_before_a_trailing_line_stops_mid_thought() -> None:
    text = (
        "Dear Rob,\n\nThe hedges are trimmed.\n\n"
        "I keep remembering the pier at dusk and you lending me your scarf and\n\nwell\n"
    )
    assert "weak-closing/no-closing" in closing_rules(text)
    chat = "hey rob\nthe hedges are trimmed and\nwell\n"
    assert "weak-closing/no-closing" not in closing_rules(chat)


def test_whole_words_that_end_on_to_are_not_cut_off() -> None:
    text = "Dear Rob,\n\nI know you might not answer this and you would be right not to\n"
    assert "weak-closing/no-closing" not in closing_rules(text)


def test_a_sign_off_the_parser_did_not_know_is_not_the_closing() -> None:
    # "Abraços, always yours" / "Marta": the closing is the line above them
    text = (
        "Dear Tom,\n\nThe lemon tree is flowering again.\n\n"
        "Ring me back tonight. I only want to know you are safe.\n\n"
        "Abraços, always yours\nMarta\n"
    )
    assert "weak-closing/pressure-ending" in closing_rules(text)
