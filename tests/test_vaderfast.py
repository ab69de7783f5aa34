"""The fast VADER path must give polarity_scores' compound, to the last digit."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentiText

from letterlint import nlp
from letterlint.document import Document
from letterlint.vaderfast import FastCompound, make_scorer

ROOT = Path(__file__).resolve().parent.parent
SCORER = nlp.sentiment()
ANALYZER = SCORER._analyzer
FAST = FastCompound(ANALYZER)


def _sentences() -> list[str]:
    files = sorted((ROOT / "tests" / "corpus" / "letters").glob("*.txt")) + sorted(
        (ROOT / "examples").glob("*.txt")
    )
    found: dict[str, None] = {}
    for path in files:
        for sentence in Document(path.read_text(encoding="utf-8")).sentences:
            found[sentence.text] = None
    return list(found)


def _slow(text: str) -> float:
    return float(ANALYZER.polarity_scores(text)["compound"])


def test_fast_scores_equal_polarity_scores_on_every_corpus_sentence() -> None:
    sentences = _sentences()
    assert len(sentences) > 1000
    for sentence in sentences:
        assert FAST(sentence) == _slow(sentence), sentence


def test_tokens_equal_sentitext_tokens() -> None:
    constants = ANALYZER.constants
    for sentence in _sentences()[:400]:
        expected = SentiText(sentence, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        assert FAST.tokens(sentence) == expected.words_and_emoticons, sentence


_VOCABULARY = (
    "I love hate good bad not never so this kind of sort but least at very NOT GOOD LOVE "
    "the shit bomb yeah right kiss of death hand to mouth :) :( :-) <3 </3 happy sad okay "
    "really extremely barely no isn't don't can't won’t 'good' \"bad\" (happy) great! "
    "awful!!! nice?? ok... - -- ! !! ? ?? ?!? . , ; : ' \" “love” wonderful, terrible; "
    "sorry fault mistake regret"
)
PIECES = st.sampled_from((*_VOCABULARY.split(" "),))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=25), st.sampled_from(["", "!", "!!", "?", "??", "...", "!?!"]))
def test_fast_scores_equal_polarity_scores_on_generated_sentences(words: list[str], end: str) -> None:
    sentence = " ".join(words) + end
    assert FAST(sentence) == _slow(sentence)


def test_make_scorer_falls_back_when_the_fast_path_disagrees() -> None:
    class Changed:
        """An analyzer whose scoring no longer matches the fast path's tokens."""

        lexicon = ANALYZER.lexicon
        constants = ANALYZER.constants

        def polarity_scores(self, text: str) -> dict[str, float]:
            return {"compound": 0.5}

    scorer = make_scorer(Changed())
    assert not isinstance(scorer, FastCompound)
    assert scorer("I love you") == 0.5
    assert isinstance(make_scorer(ANALYZER), FastCompound)
