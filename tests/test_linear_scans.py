"""The linear scans answer exactly as the patterns they replaced (kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from letterlint import document, markdown
from letterlint.document import Document
from letterlint.model import Span

OLD_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
OLD_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
OLD_IMAGE = re.compile(r"!\[[^\]\r\n]*\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])")
OLD_LINK = re.compile(r"\[(?=[^\]\r\n]+\](?:\(|\[))|\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])")

MARKUP = st.text(alphabet="[]()!`# \tab", max_size=60)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_heading_close_is_found_where_the_old_pattern_found_it(line: str) -> None:
    old = OLD_HEADING_CLOSE.search(line)
    new = markdown._HEADING_CLOSE.search(line)
    assert (old and old.span()) == (new and new.span())


@settings(max_examples=600, deadline=None)
@given(MARKUP, st.integers(0, 3))
def test_inline_finders_match_the_old_patterns(line: str, pos: int) -> None:
    pos = min(pos, len(line))
    assert list(markdown._code_spans(line, pos)) == [m.span() for m in OLD_CODE_SPAN.finditer(line, pos)]
    assert list(markdown._images(line, pos)) == [m.span() for m in OLD_IMAGE.finditer(line, pos)]
    # Openers and closers come in two passes; together they are the old matches.
    assert sorted(markdown._links(line, pos)) == [m.span() for m in OLD_LINK.finditer(line, pos)]


def _old_clause_before(doc: Document, span: Span) -> str:
    sentence = doc.sentence_at(span.start)
    start = sentence.span.start if sentence else max(0, span.start - 120)
    before = doc.text[start : span.start]
    window = doc.text[start : min(span.end, span.start + 8)]
    breaks = [b for b in document._CLAUSE_BREAK.finditer(window) if b.end() <= len(before)]
    return before[breaks[-1].end() :] if breaks else before


PIECES = st.sampled_from(
    (
        "I", "you", "we", "they", "beg", "please", "come back", "never", "don't", "not", "if",
        "as if", "could say", "the old me would", "have", "said", "and", "and so", "but",
        "because", ",", ";", " - ", "(", ")", "—", "unless", "when", "I'd do anything", ".", "\n",
    )
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=50), st.data())
def test_clause_lookups_by_index_answer_as_the_rescans_did(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    doc = Document(text)
    words = [Span(m.start(), m.end()) for m in re.finditer(r"[\w']+(?: [\w']+)?", text)]
    for span in data.draw(st.lists(st.sampled_from(words), max_size=8)) if words else []:
        assert doc.clause_before(span) == _old_clause_before(doc, span)
        old_hypothetical = bool(document._HYPOTHETICAL.search(_old_clause_before(doc, span)))
        assert doc.is_hypothetical(span) == old_hypothetical
