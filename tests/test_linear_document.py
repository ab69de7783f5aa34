"""Document shortcuts that keep large letters linear must answer exactly as the plain code did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from letterlint import document
from letterlint.document import Document
from letterlint.model import Span

PIECES = st.sampled_from(
    (
        "Dear Sam,",
        "Love,",
        "— Jo",
        "Jo",
        "Mr.",
        "Dr.",
        "e.g.",
        "i.e.",
        "A.",
        "x.",
        "No.",
        "3.5",
        "etc.",
        "She said",
        "he told me",
        "I said",
        "'you never listen'",
        '"come back"',
        "“fine”",
        "I miss you.",
        "Take care, Sam",
        "with love",
        "Yours",
        "ok",
        "\n",
        "\n",
        "\r\n",
        "\n\n",
        "  ",
        " ",
        "\t",
        "\u2028",
        "!",
        "?",
        ".",
        "…",
        "-",
        "•",
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40))))
def test_is_quoted_by_bisection_equals_the_linear_scan(
    pieces: list[str], spans: list[tuple[int, int]]
) -> None:
    doc = Document(" ".join(pieces))
    for start, length in spans:
        span = Span(start, start + length)
        expected = any(q.start <= span.start and span.end <= q.end + 1 for q in doc.quoted)
        assert doc.is_quoted(span) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_word_count_and_speech_verb_shortcut(pieces: list[str]) -> None:
    doc = Document(" ".join(pieces))
    assert doc.word_count == len(doc.words)
    expected = [s.index for s in doc.sentences if document._SPEECH_VERB.search(s.text) is not None]
    shortlisted = {s.index for s in doc._sentences_with_speech_verbs()}
    assert set(expected) <= shortlisted
