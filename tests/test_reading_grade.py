"""letterlint's Flesch-Kincaid grade counts as textstat does, without importing it (or NLTK)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterlint import nlp
from letterlint.document import Document

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def textstat_grade():  # type: ignore[no-untyped-def]
    """textstat's own grade, with the same offline syllable counts handed to it."""
    import textstat
    from textstat.backend.counts import _count_syllables

    class Counts(dict[str, list[list[str]]]):
        def __missing__(self, word: str) -> list[list[str]]:
            count = nlp.syllable_table().get(word)
            if count is None:
                raise KeyError(word)
            return [["AH1"] * count]

    _count_syllables.get_cmudict = lambda lang: Counts()
    _count_syllables.get_pyphen = lambda lang: nlp._pyphen()
    return lambda text: float(textstat.flesch_kincaid_grade(text))


def _bodies() -> list[str]:
    files = sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))[:250]
    files += sorted((ROOT / "examples").glob("*.txt"))
    out = []
    for path in files:
        doc = Document(path.read_text(encoding="utf-8"))
        out.append(" ".join(s.text for s in doc.body_sentences or doc.sentences))
    return out


def test_grade_equals_textstat_on_corpus_letters(textstat_grade) -> None:  # type: ignore[no-untyped-def]
    bodies = _bodies()
    assert len(bodies) > 200
    for body in bodies:
        assert nlp.reading_grade(body) == pytest.approx(textstat_grade(body), abs=1e-9), body[:80]


_PIECES = """I you DON'T don't it's 'quoted' rock-and-roll e.g. Mr. Smith extraordinary
sesquipedalian xzqv ok!! why? no... — café naïve 12 3.5 a an the"""
WORDS = st.sampled_from(_PIECES.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from(["", ".", "!", "?!", "..."]))
def test_grade_equals_textstat_on_generated_text(textstat_grade, words: list[str], end: str) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words) + end
    assert nlp.reading_grade(text) == pytest.approx(textstat_grade(text), abs=1e-9)


def test_known_grade() -> None:
    """Two plain sentences: short words give a low grade, long ones a high grade."""
    easy = nlp.reading_grade("I am sorry. I was wrong and I know it.")
    hard = nlp.reading_grade(
        "Notwithstanding considerable organisational complications, communication deteriorated."
    )
    assert easy < 3 < 12 < hard
