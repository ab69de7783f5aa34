"""Document shortcuts that keep large letters linear must answer exactly as the plain code did."""

from __future__ import annotations

import re
import sys

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


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40), st.data())
def test_word_before_matches_the_regex_it_replaces(pieces: list[str], data: st.DataObject) -> None:
    chunk = " ".join(pieces)
    end = data.draw(st.integers(0, len(chunk)))
    expected = re.search(r"([\w.]+)$", chunk[:end])
    assert document._word_before(chunk, end) == (expected.group(1) if expected else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40), st.data())
def test_matching_the_rest_in_place_equals_matching_a_copy(pieces: list[str], data: st.DataObject) -> None:
    chunk = "".join(pieces)
    starts = [i for i in range(1, len(chunk) + 1) if chunk[i - 1].isspace()]
    if not starts:
        return
    rest = data.draw(st.sampled_from(starts))
    for pattern in (document._VALEDICTION, document._DASH_NAME):
        expected = pattern.match(chunk[rest:]) is not None
        assert document._matches_rest(pattern, chunk, rest) == expected


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


def test_word_characters_are_isalnum_or_underscore_for_every_code_point() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    by_regex = [m.start() for m in re.finditer(r"[\w.]", every)]
    by_str = [i for i, c in enumerate(every) if c.isalnum() or c in "_."]
    assert by_regex == by_str
