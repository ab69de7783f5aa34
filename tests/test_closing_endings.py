"""Kinds of weak endings, judged by the last sentences' construction and word classes:
a letter that stops on a word that cannot end a sentence (even above a sign-off), and the
warm or finished endings that must stay quiet."""

from __future__ import annotations

import pytest

from tests.test_closing_kinds import closing_rules

BODY = "Dear Rob,\n\nThe hedges are trimmed and the shed is painted. The plums came early this year.\n\n"


@pytest.mark.parametrize(
    "ending",
    [
        "I keep turning over whether",  # a conjunction waiting for its clause
        "The thing I meant to write about was the",  # an article waiting for its noun
        "What I wanted to tell you is that",  # 'that' after a verb of saying
        "The real reason is",  # a copula after what announces the point
        "I was hoping to ask if",
        "Maybe next spring we",  # a subject waiting for its verb
        "When the boat is mended I think I'll",  # a contracted helper verb
        "I sat on the pier and wondered if your brother",  # a clause left without its verb
        "We sold the caravan in the end, and honestly",  # an adverb waiting for its verb
    ],
)
def test_above_a_sign_off_a_last_word_that_cannot_end_a_sentence_breaks_off(ending: str) -> None:
    assert "weak-closing/no-closing" in closing_rules(f"{BODY}{ending}\n\nLove,\nJo\n")


@pytest.mark.parametrize(
    "ending",
    [
        "Ring me whenever you want to",
        "I hope it helps",
        "You know where I am",
        "I love you and I always will",
        "I'll see you when the time comes",
        "Come over if you like",
        "With love and every good wish,",  # a valediction left in the body
        "I would sooner walk home than--",  # a dash above a sign-off breaks off on purpose
    ],
)
def test_above_a_sign_off_a_whole_last_line_without_a_full_stop_is_finished(ending: str) -> None:
    assert "weak-closing/no-closing" not in closing_rules(f"{BODY}{ending}\n\nLove,\nJo\n")


def test_a_trailing_line_after_a_paragraph_that_stops_on_an_adverb_breaks_off() -> None:
    text = f"{BODY}I only told you because you were the one person who ever\n\nnot sure what I mean by it\n"
    assert "weak-closing/no-closing" in closing_rules(text)


def ending_kinds(ending: str, profile: str = "reconcile") -> set[str]:
    return {r.split("/")[1] for r in closing_rules(f"{BODY}{ending}\n\nBest,\nJo\n", profile)}


@pytest.mark.parametrize(
    "ending",
    [
        "Truth be told, I no longer care either way.",  # no longer caring
        "You won't be getting another letter from me.",  # contact cut off for good
        "I shall not be troubling you any more.",
        "I'm through running after you.",  # refusing to run after the reader
        "Well, you will cope perfectly well without me.",  # a barb in the last clause
    ],
)
def test_a_last_line_that_withdraws_is_a_negative_ending(ending: str) -> None:
    assert "withdrawn-ending" in ending_kinds(ending)


@pytest.mark.parametrize(
    "ending",
    [
        "If you would rather I didn't, I won't write again, and I wish you every happiness.",
        "I won't write again until you tell me you'd like me to.",
        "I don't care how long it takes; I'll be glad whenever you're ready.",
        "Take care of yourself, and give my love to your sister.",
    ],
)
def test_a_respectful_goodbye_or_a_warm_ending_is_not_withdrawn(ending: str) -> None:
    assert not ending_kinds(ending)


@pytest.mark.parametrize(
    ("ending", "kind"),
    [
        ("Should I hear nothing, I'll take that as licence to tell your sister everything.", "threat-ending"),
        ("The truth has a habit of coming to light, as you know.", "threat-ending"),
        ("Gossip travels fast round here, sooner or later.", "threat-ending"),
        ("You have most likely deleted it unread.", "self-defeat"),
        ("It's wishful thinking, I know.", "self-defeat"),
        ("Well, anyhow, enough said.", "fizzle"),
        ("Please answer by return.", "pressure-ending"),
        ("I shall expect a reply from you by the weekend.", "pressure-ending"),
    ],
)
def test_kinds_of_weak_endings(ending: str, kind: str) -> None:
    assert kind in ending_kinds(ending)


@pytest.mark.parametrize(
    "ending",
    [
        "You were the best thing I ever dreamed of",
        "Call me whenever you want me to",
        "I will love you forever and ever",
        "Thinking of you always",
        "I hope so too, and so does she",
    ],
)
def test_a_preposition_or_adverb_that_ends_english_sentences_is_not_a_break(ending: str) -> None:
    assert "weak-closing/no-closing" not in closing_rules(f"{BODY}{ending}\n\nLove,\nJo\n")


def test_a_doubled_space_does_not_step_past_the_exceptions() -> None:
    assert "weak-closing/no-closing" not in closing_rules(f"{BODY}It is what I  want  to\n\nLove,\nJo\n")
