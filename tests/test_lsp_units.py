"""Pieces of the language server that need no subprocess: positions, quick fixes, settings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from letterlint import default_engine, drafts
from letterlint.lsp import EditorSettings, LineIndex, quick_fixes


@given(st.text(alphabet=st.sampled_from(list("ab é😊\n\r\u2028\x0c")), max_size=60), st.data())
def test_offsets_round_trip_in_every_encoding(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    # A position inside a CRLF pair does not exist in LSP; move it to the line's end.
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        offset -= 1
    for encoding in ("utf-16", "utf-8", "utf-32"):
        index = LineIndex(text, encoding)
        pos = index.position(offset)
        assert index.offset(pos) == offset, (encoding, pos)


def test_utf16_counts_astral_characters_twice() -> None:
    text = "😊é\r\nx😊y"
    index = LineIndex(text)
    assert index.position(2) == types.Position(line=0, character=3)
    assert index.position(len(text)) == types.Position(line=1, character=4)
    # Only \n, \r\n and \r break lines; U+2028 does not.
    assert LineIndex("a\u2028b").position(2) == types.Position(line=0, character=2)
    assert LineIndex("a\u2028b", "utf-8").position(2) == types.Position(line=0, character=4)


def test_quick_fixes_only_where_a_wording_exists() -> None:
    text = "Dear Sam,\n\nI'M BEGGING YOU TO CALL ME TONIGHT. We were happy!!! I'm begging you.\n\nLove,\nJo\n"
    draft = drafts.from_text(text, "a.txt")
    engine = default_engine()
    result = drafts.lint(engine, draft, profile="reconcile").result
    fixes = {
        f.rule: quick_fixes(f, engine.ruleset.rules[f.rule], text, result.sentence_spans)
        for f in result.findings
    }
    (shout,) = fixes["desperation/shouting"]
    assert shout[2] == "I'm begging you to call me tonight."
    (panic,) = fixes["desperation/panic-punctuation"]
    assert panic[2] == "."
    rules = engine.ruleset.rules
    (rewrite,) = fixes["desperation/begging"]  # fix = "replace-sentence": the whole sentence
    assert text[rewrite[1].start : rewrite[1].end] == "I'm begging you."
    assert rewrite[2] == rules["desperation/begging"].suggestion
    assert rules["clarity/text-speak"].fix == rules["desperation/self-harm"].fix == "none"
    assert all(not fixes[r] for r in fixes if r.startswith("missing-section/"))


def test_settings_accept_nested_and_camel_case() -> None:
    s = EditorSettings()
    s.update({"letterlint": {"profile": "apology", "select": "desperation, clarity", "debounceMs": 0}})
    assert (s.profile, s.select, s.debounce_ms) == ("apology", ("desperation", "clarity"), 0)
    s.update({"maxChars": True, "max_chars": -3, "profile": ""})
    assert s.max_chars == 200_000 and s.profile is None
    s.update(None)
    assert s.select == ("desperation", "clarity")
