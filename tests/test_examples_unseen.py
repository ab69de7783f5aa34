"""No rule example (`fires` or `allows`) appears word for word in any corpus letter.

Rules must describe kinds of expression, not restate letters they were tuned on. The sealed
split is checked too, by containment only: nothing of a sealed letter is printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from letterlint import default_engine
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
_SPACE = re.compile(r"\s+")
_EDGE = " \t\n.,;:!?\"'“”‘’()-–—"


def _norm(text: str) -> str:
    """Lower case, one kind of apostrophe and quote, single spaces."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text)


def _letters(folder: Path) -> list[str]:
    return [_norm(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]


def _examples() -> list[tuple[str, str]]:
    out = []
    for rule in sorted(default_engine().ruleset.rules.values(), key=lambda r: r.id):
        for example in (*rule.fires, *rule.allows):
            words = _norm(example).strip(_EDGE)
            if len(words.split()) >= 3:  # two words ("Really?!") are a phrase, not a letter's line
                out.append((rule.id, words))
    return out


EXAMPLES = _examples()


def _copied(examples: list[tuple[str, str]], letters: list[str]) -> list[tuple[str, str]]:
    return [(rid, ex) for rid, ex in examples if any(ex in letter for letter in letters)]


@pytest.mark.parametrize("folder", ["letters", "v2/dev", "v2/opened"])
def test_no_rule_example_is_copied_from_a_corpus_letter(folder: str) -> None:
    letters = _letters(CORPUS / folder)
    assert letters, f"no letters in tests/corpus/{folder}"
    copied = [f"{rid}: {ex!r}" for rid, ex in _copied(EXAMPLES, letters)]
    assert not copied, "rule examples found word for word in the corpus:\n" + "\n".join(copied)


def test_no_rule_example_is_in_the_sealed_split() -> None:
    """Containment only: the message names rules, never a sealed letter or its words."""
    sealed = CORPUS / "v2" / "sealed"
    letters = _letters(sealed) if sealed.is_dir() else []
    copied = sorted({rid for rid, _ in _copied(EXAMPLES, letters)})
    assert not copied, f"an example of these rules occurs in a sealed letter: {', '.join(copied)}"


def test_the_check_finds_an_example_whatever_its_case_spacing_or_apostrophes() -> None:
    example = "I'm begging you to give this one more try"
    letter = _norm("Dear Sam,\n\nHONESTLY, I’M BEGGING YOU\nTO give this one more try. Jo")
    examples = [("desperation/begging", _norm(example)), ("desperation/pining", "a line not in it")]
    assert _copied(examples, [letter]) == [("desperation/begging", _norm(example))]
