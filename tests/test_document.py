"""The document model: exact positions, sentences, greeting, sign-off and closing."""

from __future__ import annotations

import pytest

from letterlint import lint_text
from letterlint.document import Document
from letterlint.model import Span


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_with_any_line_ending(newline: str) -> None:
    text = newline.join(["Dear Sam,", "", "\tI miss you — 🌊 — I can't live without you.", "", "Jo"])
    result = lint_text(text, select=("desperation/cant-live-without",))
    (finding,) = result.findings
    assert (finding.start.line, finding.end.line) == (3, 3)
    line = text.split(newline)[2]
    assert line[finding.start.column - 1 : finding.end.column - 1] == "I can't live without you"
    assert text[finding.span.start : finding.span.end] == finding.excerpt


def test_columns_count_code_points_not_bytes() -> None:
    text = "Chère Zoë 😊, je t’aime. I’m begging you."
    (finding,) = lint_text(text, select=("desperation/begging",)).findings
    assert finding.start.column == text.index("I’m") + 1
    assert finding.excerpt == "I’m begging you"


def test_sentences_and_paragraphs() -> None:
    doc = Document("Dear Sam,\n\nI met Dr. Lee at 9 a.m. today. It went well!\nWe talked.\n\nLove,\nJo\n")
    assert [s.text for s in doc.sentences] == [
        "Dear Sam,",
        "I met Dr. Lee at 9 a.m. today.",
        "It went well!",
        "We talked.",
        "Love,",
        "Jo",
    ]
    assert len(doc.paragraphs) == 3
    for s in doc.sentences:
        assert doc.text[s.span.start : s.span.end] == s.text


def test_hard_wrapped_prose_is_not_cut_at_line_breaks() -> None:
    doc = Document("I have been thinking about the lake and\nthe evening we swam there.\n")
    assert len(doc.sentences) == 1


def test_unpunctuated_messages_end_a_thought_at_each_line_break() -> None:
    doc = Document("hey\n\nsaw ur post from the lake\nnot gonna lie it stung\nanyway hope ur good\n")
    assert [s.text for s in doc.sentences][1:] == [
        "saw ur post from the lake",
        "not gonna lie it stung",
        "anyway hope ur good",
    ]


def test_a_line_that_runs_on_or_a_punctuated_paragraph_is_not_cut() -> None:
    runs_on = Document(
        "we could meet at that little cafe you always liked down by\n"
        "the old station on saturday if the kids are at your mums\n"
    )
    assert len(runs_on.sentences) == 1
    prose = Document(
        "I went back to the cafe on the corner last week. It was closed, so I stood\n"
        "outside for a while and the sign that used to hang there was gone\n"
    )
    assert len(prose.sentences) == 2


def test_what_the_writer_said_is_a_named_act_and_a_turn_ends_a_report() -> None:
    named = lint_text("Dear Al,\n\nSorry about what I said at dinner, but you kept winding me up.\n\nKim")
    assert "negative-tone/non-apology" in {f.rule for f in named.findings}
    turned = lint_text(
        "Dear Al,\n\nYou said you'd call every week but you never once asked how I was.\n\nKim"
    )
    assert "negative-tone/blame" in {f.rule for f in turned.findings}
    after_comma = lint_text("Dear Al,\n\nSince you told me, I cannot sleep.\n\nKim")
    assert "desperation/collapse" in {f.rule for f in after_comma.findings}
    reported = lint_text("Dear Al,\n\nMy sister said you always run away from a row.\n\nKim")
    assert "negative-tone/blame" not in {f.rule for f in reported.findings}


def test_a_named_speech_act_reports_nothing() -> None:
    """ "I said sorry" names an act: the words after it are the writer's own."""
    text = "I've said sorry twice now, which is more than you ever do. You never said goodbye to Mum."
    doc = Document(text)
    assert doc.quoted == []
    reported = Document("You said you would call and you never did.")
    assert [reported.text[q.start : q.end] for q in reported.quoted] == [" you would call and you never did."]


@pytest.mark.parametrize(
    "text, greeting",
    [
        ("Dear Sam,\nI miss you.", "Dear Sam,"),
        ("hey jo\n\ni miss u", "hey jo"),
        ("Happy birthday, Grandpa!\n\nEighty suits you.", "Happy birthday, Grandpa!"),
        ("25 College Street.\n\nMy dearest Girl,\n\nI write in haste.", "My dearest Girl,"),
        ("I have been thinking about us a great deal lately.", None),
        ("Bia!!!\n\nWhy you dont answer me", "Bia!!!"),
        ("marcus 💔\n\ni miss u", "marcus 💔"),
        ("Sorry!!!\n\nI was wrong about the car.", None),
    ],
)
def test_greeting(text: str, greeting: str | None) -> None:
    found = Document(text).greeting
    assert (found.text if found else None) == greeting


@pytest.mark.parametrize(
    "ending, sign_off",
    [
        ("Love,\nJo", "Love,\nJo"),
        ("Take care, Sam", "Take care, Sam"),
        ("— Jo", "— Jo"),
        (
            "Kind regards,\nDaniel Reyes\nOwner, Smoke & Sage",
            "Kind regards,\nDaniel Reyes\nOwner, Smoke & Sage",
        ),
        ("lots of love,\nellie xx", "lots of love,\nellie xx"),
        ("Anyway, whatever.", None),
        ("I hope you are well.", None),
        ("Your Kofi", "Your Kofi"),
        ("Your call.", None),
    ],
)
def test_sign_off(ending: str, sign_off: str | None) -> None:
    doc = Document(f"Dear Sam,\n\nI went to the lake today.\n\n{ending}\n")
    span = doc.sign_off
    assert (doc.text[span.start : span.end] if span else None) == sign_off


def test_closing_is_the_last_two_body_sentences() -> None:
    doc = Document("Dear Sam,\n\nOne. Two. Three. Four.\n\nLove,\nJo")
    assert [s.text for s in doc.closing_sentences] == ["Three.", "Four."]
    assert doc.region_of(Span(doc.text.index("Four"), doc.text.index("Four") + 4)) == "closing"
    assert doc.region_of(Span(doc.text.index("One"), doc.text.index("One") + 3)) == "body"


def test_postscript_is_not_the_closing() -> None:
    doc = Document("Dear Sam,\n\nI miss you. I hope you're well.\n\nLove,\nJo\n\nP.S. The cat says hi.")
    assert doc.sign_off is not None and doc.text[doc.sign_off.start : doc.sign_off.end] == "Love,\nJo"


def test_a_name_signed_with_kisses_under_the_last_line_is_a_sign_off() -> None:
    doc = Document(
        "hey\n\nsorry about friday night and the car, ill make it up to u this weekend lol\njas x\n"
    )
    assert doc.sign_off is not None and doc.text[doc.sign_off.start : doc.sign_off.end] == "jas x"


def test_words_reported_after_a_colon_stay_reported() -> None:
    result = lint_text("Dear Al,\n\nMy mum told me: you always ruin everything.\n\nKim")
    assert not [f for f in result.findings if f.family == "negative-tone"]


def test_one_long_sentence_wrapped_over_lines_is_one_sentence() -> None:
    doc = Document(
        "I have been thinking about everything that happened last summer at the lake\n"
        "house and how badly I treated you when you needed me most and I am truly\n"
        "sorry.\n"
    )
    assert len(doc.sentences) == 1
