"""The structure parser: each part of a letter's frame, on text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from letterlint import default_engine, drafts
from letterlint.document import Document
from letterlint.evaluate_structure import build_docx
from letterlint.structure import parse, stops_mid_thought


def part(text: str, name: str, headings: frozenset[int] = frozenset()) -> str | None:
    span = getattr(parse(text, headings), name)
    return text[span.start : span.end] if span else None


@pytest.mark.parametrize(
    "text, greeting",
    [
        ("Dear Priya,\n\nThe garden is full of tomatoes.", "Dear Priya,"),
        ("Dearest Tomas\n\nThe garden is full of tomatoes.", "Dearest Tomas"),
        ("To my Elena,\nThe garden is full of tomatoes.", "To my Elena,"),
        ("Hey you.\n\nThe garden is full of tomatoes.", "Hey you."),
        ("Marco,\n\nThe garden is full of tomatoes.", "Marco,"),
        ("Dear [Name],\n\nThe garden is full of tomatoes.", "Dear [Name],"),
        ("[Name],\n\nThe garden is full of tomatoes.", "[Name],"),
        ("Hi Noor, the garden is full of tomatoes this year.", "Hi Noor,"),
        ("To be honest, the garden is a mess this year.", None),
        ("Baby I'm sorry, the garden is a mess this year.", None),
        ("Anyway,\n\nThe garden is a mess this year.", None),
        ("The garden is full of tomatoes.\nDear me, what a year.", None),
    ],
)
def test_greeting(text: str, greeting: str | None) -> None:
    assert part(text, "greeting") == greeting


def test_title_and_address_block_above_the_greeting() -> None:
    text = "Letter to Dan\n\n4 Orchard Row\nLeeds\n12 March 2025\n\nDear Dan,\n\nThe kettle broke again."
    assert part(text, "title") == "Letter to Dan"
    assert part(text, "header") == "4 Orchard Row\nLeeds\n12 March 2025"
    assert part(text, "greeting") == "Dear Dan,"


def test_sender_name_above_the_address_is_not_a_title() -> None:
    text = "Ruth Okafor\n22 Mill Lane\n\nDear Dan,\n\nThe kettle broke again."
    assert part(text, "title") is None
    assert part(text, "header") == "Ruth Okafor\n22 Mill Lane"


def test_heading_lines_from_markdown_or_word_are_titles() -> None:
    text = "What I never said\n\nThe kettle broke again. I laughed."
    assert part(text, "title", frozenset({0})) == "What I never said"
    assert part(text, "title") is None  # no greeting below: an ordinary first line


def test_a_date_alone_at_the_top_without_a_greeting() -> None:
    text = "3 June 2024\n\nI found your old scarf in the car today."
    assert part(text, "header") == "3 June 2024"
    assert part("I called you 20 times.\nI know.", "header") is None


@pytest.mark.parametrize(
    "ending, sign_off, signature",
    [
        ("With love,\nYour Husband.", "With love,\nYour Husband.", "Your Husband."),
        ("Yours,\nyour ex-wife", "Yours,\nyour ex-wife", "your ex-wife"),
        (
            "Your ex girlfriend's best friend,\nShelby\nxoxo",
            "Your ex girlfriend's best friend,\nShelby\nxoxo",
            "Shelby\nxoxo",
        ),
        ("- An old friend", "- An old friend", None),
        ("Sincerely,\n[Your Name]", "Sincerely,\n[Your Name]", "[Your Name]"),
        ("Love always\nB.", "Love always\nB.", "B."),
        ("Forever yours", "Forever yours", None),
        ("Take care, Sam", "Take care, Sam", "Sam"),
        ("Cheers.\nMo\nx", "Cheers.\nMo\nx", "Mo\nx"),
        ("Your loving,\nMaud", "Your loving,\nMaud", "Maud"),
        ("Your Hattie, forever.", "Your Hattie, forever.", None),
        ("Goodnight!", "Goodnight!", None),
    ],
)
def test_sign_off(ending: str, sign_off: str, signature: str | None) -> None:
    text = f"Dear Ana,\n\nThe kettle broke again and I thought of you.\n\n{ending}\n"
    assert part(text, "sign_off") == sign_off
    assert part(text, "signature") == signature


@pytest.mark.parametrize(
    "ending",
    [
        "Drop me a line sometime.",
        "I will love you always.",
        "Anyway, whatever.",
        "and then the bus came and I",
        "So, see you later in court",
    ],
)
def test_closing_lines_are_not_sign_offs(ending: str) -> None:
    text = f"Dear Ana,\n\nThe kettle broke again and I thought of you.\n\n{ending}"
    assert part(text, "sign_off") is None


def test_inline_dash_signature() -> None:
    text = "Dear Ana,\n\nThe kettle broke again. See you at the market. — Jo"
    assert part(text, "sign_off") == "— Jo"
    doc = Document(text)
    assert doc.body_sentences[-1].text == "See you at the market."


def test_postscript_before_and_after_the_signature() -> None:
    after = "Dear Ana,\n\nThe kettle broke.\n\nLove,\nJo\n\nP.S. The cat misses you.\nP.P.S. So do I."
    assert part(after, "postscript") == "P.S. The cat misses you.\nP.P.S. So do I."
    assert part(after, "sign_off") == "Love,\nJo"
    before = "Dear Ana,\n\nThe kettle broke.\n\nPS: the cat misses you.\n\nLove,\nJo"
    assert part(before, "postscript") == "PS: the cat misses you."
    assert part(before, "sign_off") == "Love,\nJo"


@pytest.mark.parametrize("mark", ["¹", "*", "[1]"])
def test_footnote_after_the_name(mark: str) -> None:
    text = f"Dear Ana,\n\nWe met at the fair{mark}.\n\nWith love,\nYour husband.\n\n{mark} The one in Whitby."
    assert part(text, "footnotes") == f"{mark} The one in Whitby."
    assert part(text, "sign_off") == "With love,\nYour husband."


@pytest.mark.parametrize(
    "tail",
    [
        "Sent from my iPhone",
        "-- \nJo Bell\nProject manager",
        "On Tue, 3 May 2022 at 21:04, Ana Ruiz <ana@example.com> wrote:\n> You never listen.\n> Bye.",
    ],
)
def test_email_tails(tail: str) -> None:
    text = f"Hi Ana,\n\nThe kettle broke again.\n\nTake care,\nJo\n\n{tail}"
    assert part(text, "email_tail") == tail.replace("-- \n", "--\n").rstrip() or tail
    assert part(text, "sign_off") == "Take care,\nJo"
    doc = Document(text)
    assert all("You never listen" not in s.text for s in doc.body_sentences)


def test_quoted_reply_is_not_the_writers_voice() -> None:
    text = "Hi Ana,\n\nI hear you.\n\nJo\n\nOn Mon, Ana wrote:\n> you never listen to me"
    doc = Document(text)
    at = text.index("you never")
    assert not doc.in_writer_voice(type(doc.structure.email_tail)(at, at + 9))  # type: ignore[arg-type]


EMAIL = (
    "Hi Ana,\n"
    "I have been meaning to write for weeks, and every time I start I end up deleting it because it "
    "never sounds like me, so this time I am just going to say it plainly and send it.\n"
    "The flat is quiet. I repainted the hallway a colour you would hate, and I laughed about that "
    "for a whole evening, which tells you something about how the months have gone for me.\n"
    "I would like to have coffee some time, if you would too.\n"
    "Jo"
)
WRAPPED = (
    "Dear Ana,\n\n"
    "I have been meaning to write for weeks, and every time I start I end\n"
    "up deleting it because it never sounds like me, so this time I am just\n"
    "going to say it plainly. The flat is quiet. I repainted the hallway in\n"
    "a colour you would hate, and I laughed about that for a whole evening.\n\n"
    "Love,\nJo"
)


def test_single_newline_paragraphs_in_an_email() -> None:
    doc = Document(EMAIL)
    body = doc.structure.body
    assert body is not None
    inside = [p for p in doc.paragraphs if p.start >= body.start and p.end <= body.end]
    assert len(inside) == 3
    assert part(EMAIL, "sign_off") == "Jo"


@pytest.mark.parametrize(
    "last, stops",
    [("and then I", True), ("I just wish...", True), ("so yeah,", True), ("Drop me a line.", False)],
)
def test_stops_mid_thought(last: str, stops: bool) -> None:
    assert stops_mid_thought(last) is stops


def test_hard_wrapped_text_stays_one_paragraph() -> None:
    doc = Document(WRAPPED)
    body = doc.structure.body
    assert body is not None
    inside = [p for p in doc.paragraphs if p.start >= body.start and p.end <= body.end]
    assert len(inside) == 1


def test_parse_is_linear_in_lines() -> None:
    # Many short lines that each look like a signature or header: still one pass each.
    text = "Dear Ana,\n" + "Jo\n" * 50_000 + "Love,\nJo"
    st = parse(text)
    assert part(text, "greeting") == "Dear Ana,"
    assert st.sign_off is not None


# -- one letter in three formats: no structural false alarm ------------------------------

LETTER_LINES = [
    "A letter to Mira",
    "7 Quay Street",
    "Galway",
    "2 February 2025",
    "Dear Mira,",
    "I have thought a lot about the winter we had, and about the things I said on the pier¹. "
    "I was unkind and I am sorry for it. I have been seeing a counsellor since the autumn and I "
    "am learning to say what I feel before it turns sour.",
    "I miss our Sunday walks, and the way you name every dog we pass. I think we were good "
    "together because we made each other braver, and I would like to try again, slowly, with "
    "counselling together if you want it.",
    "Whatever you decide, I would be glad to hear from you when you are ready.",
    "With love,\nYour husband.",
    "¹ The one by the lifeboat station.",
]
STRUCTURAL = ("missing-section/greeting", "missing-section/sign-off", "weak-closing/no-closing")


def _structural_findings(draft: drafts.Draft) -> list[str]:
    result = drafts.lint(default_engine(), draft, profile="reconcile", ignores=None).result
    return [f.rule for f in result.findings if f.rule in STRUCTURAL]


def test_title_address_husband_and_footnote_in_plain_text() -> None:
    text = LETTER_LINES[0] + "\n\n" + "\n".join(LETTER_LINES[1:4]) + "\n\n" + "\n\n".join(LETTER_LINES[4:])
    draft = drafts.from_text(text, "mira.txt")
    assert _structural_findings(draft) == []
    st = Document(text).structure
    assert st.title and st.header and st.greeting and st.sign_off and st.footnotes


def test_title_address_husband_and_footnote_in_markdown() -> None:
    text = (
        "# "
        + LETTER_LINES[0]
        + "\n\n"
        + "  \n".join(LETTER_LINES[1:4])
        + "\n\n"
        + "\n\n".join(LETTER_LINES[4:])
    )
    draft = drafts.from_text(text, "mira.md")
    assert _structural_findings(draft) == []
    st = Document(draft.lint_text, draft.headings).structure
    assert st.title and st.header and st.greeting and st.sign_off and st.footnotes


def test_title_address_husband_and_footnote_in_word(tmp_path: Path) -> None:
    blocks = [{"style": "Title", "text": LETTER_LINES[0]}, {"text": "\n".join(LETTER_LINES[1:4])}]
    blocks += [{"text": t} for t in LETTER_LINES[4:]]
    path = build_docx({"blocks": blocks}, tmp_path / "mira.docx")
    draft = drafts.read(path, "mira.docx")
    assert _structural_findings(draft) == []
    st = Document(draft.lint_text, draft.headings).structure
    assert st.title and st.header and st.greeting and st.sign_off and st.footnotes


def test_word_tables_are_read_as_text(tmp_path: Path) -> None:
    blocks = [
        {"text": "Dear Mira,"},
        {"text": "Here is what I still have of yours:"},
        {"table": [["Thing", "When"], ["The green coat", "Saturday"]]},
        {"text": "Love,\nSean"},
    ]
    draft = drafts.read(build_docx({"blocks": blocks}, tmp_path / "t.docx"), "t.docx")
    assert "The green coat\tSaturday" in draft.text
    assert "The green coat" in draft.lint_text


@pytest.mark.parametrize(
    "text, stops",
    [
        ("Dear Sam,\n\nThe lake was cold. Drop me a line sometime.", False),
        ("Dear Sam,\n\nThe lake was cold. Hope the move goes well!", False),
        # A finished sentence is an ending, if a flat one: the labelled corpus marks no-closing
        # only where the letter breaks off mid-thought.
        ("Dear Sam,\n\nI went back to the lake. The water was cold.", False),
        ("Dear Sam,\n\nI went back to the lake and the water was", True),
        ("Dear Sam,\n\nThe lake was cold.\n\nWith love,\nYour husband.", False),
    ],
)
def test_no_closing_only_when_the_letter_really_stops(text: str, stops: bool) -> None:
    result = default_engine().lint(text, profile="general")
    assert ("weak-closing/no-closing" in [f.rule for f in result.findings]) is stops
