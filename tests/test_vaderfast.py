"""letterlint's own VADER compound score must equal NLTK's polarity_scores, to the last digit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

from letterlint import nlp, vader_constants
from letterlint.document import Document
from letterlint.vaderfast import CompoundScorer, load_lexicon, tokens

ROOT = Path(__file__).resolve().parent.parent
SCORER = nlp.sentiment()


def _nltk_analyzer() -> SentimentIntensityAnalyzer:
    import os

    import nltk.data
    import vaderSentiment

    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    analyzer = SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")
    for word in nlp.TONE_NEUTRAL_WORDS:
        analyzer.lexicon.pop(word, None)
    return analyzer


ANALYZER = _nltk_analyzer()
OURS = CompoundScorer(SCORER.lexicon)


def _sentences() -> list[str]:
    files = sorted((ROOT / "tests" / "corpus" / "letters").glob("*.txt")) + sorted(
        (ROOT / "examples").glob("*.txt")
    )
    files += sorted((ROOT / "tests" / "corpus" / "v2" / "dev").rglob("*.txt"))
    found: dict[str, None] = {}
    for path in files:
        for sentence in Document(path.read_text(encoding="utf-8")).sentences:
            found[sentence.text] = None
    return list(found)


def _nltk(text: str) -> float:
    return float(ANALYZER.polarity_scores(text)["compound"])


def test_scores_equal_nltk_on_every_corpus_sentence() -> None:
    sentences = _sentences()
    assert len(sentences) > 2000
    for sentence in sentences:
        assert OURS(sentence) == _nltk(sentence), sentence


def test_tokens_equal_sentitext_tokens() -> None:
    constants = ANALYZER.constants
    for sentence in _sentences()[:600]:
        expected = SentiText(sentence, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        assert tokens(sentence) == expected.words_and_emoticons, sentence


def test_word_lists_and_lexicon_equal_nltk() -> None:
    """letterlint.vader_constants is generated from NLTK (tools/vader_constants.py)."""
    c = VaderConstants
    assert frozenset(c.NEGATE) == vader_constants.NEGATE
    assert vader_constants.BOOSTER_DICT == c.BOOSTER_DICT
    assert vader_constants.SPECIAL_CASE_IDIOMS == c.SPECIAL_CASE_IDIOMS
    assert tuple(c.PUNC_LIST) == vader_constants.PUNC_LIST
    assert (vader_constants.B_INCR, vader_constants.C_INCR, vader_constants.N_SCALAR) == (
        c.B_INCR,
        c.C_INCR,
        c.N_SCALAR,
    )
    lexicon = load_lexicon()
    for word in nlp.TONE_NEUTRAL_WORDS:
        lexicon.pop(word, None)
    assert lexicon == ANALYZER.lexicon


_VOCABULARY = (
    "I love hate good bad not never so this kind of sort but least at very NOT GOOD LOVE "
    "the shit bomb yeah right kiss of death hand to mouth cut mustard bad ass :) :( :-) <3 </3 "
    "happy sad okay really extremely barely no isn't don't can't won’t 'good' \"bad\" (happy) "
    "great! awful!!! nice?? ok... - -- ! !! ? ?? ?!? . , ; : ' \" “love” wonderful, terrible; "
    "sorry fault mistake regret without nor sort-of kinda just enough HARDLY VERY"
)
PIECES = st.sampled_from((*_VOCABULARY.split(" "),))


@settings(max_examples=800, deadline=None)
@given(st.lists(PIECES, max_size=25), st.sampled_from(["", "!", "!!", "?", "??", "...", "!?!", "????"]))
def test_scores_equal_nltk_on_generated_sentences(words: list[str], end: str) -> None:
    sentence = " ".join(words) + end
    assert OURS(sentence) == _nltk(sentence)


def test_a_run_does_not_import_nltk() -> None:
    """The point of the module: a whole lint, with sentiment, stays clear of NLTK's import."""
    code = (
        "import sys; from letterlint.cli import main; "
        "code = main(['examples/desperate.txt', '--format', 'json']); "
        "print('nltk' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr
