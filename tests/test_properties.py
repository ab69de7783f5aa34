"""Property-based tests: whatever the text, linting never raises and every finding points
at the exact characters it quotes. Example counts are kept small enough for CI."""

from __future__ import annotations

import codecs
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from letterlint import default_engine, lint_text
from letterlint.model import LintResult
from letterlint.reader import InputError, decode
from letterlint.report import FORMATS, ReportOptions, renderer
from letterlint.report.source import printable

PROFILES = ("reconcile", "apology", "general")

# Any Unicode except lone surrogates (a decoded file can never contain those).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)


def _phrases() -> list[str]:
    """Text that makes rules fire: every rule's own examples plus letter furniture."""
    found: list[str] = []
    for rule in default_engine().ruleset.rules.values():
        found.extend(rule.fires)
        found.extend(rule.allows)
    found += ["Dear Sam,", "Hi Alex", "Love,", "Jo", "Yours always,", "P.S.", "- M", "x"]
    return sorted(set(found))


_SEPARATORS = [" ", "  ", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\t", ". ", "! ", "? ", "… ", ", ",
               '"', "“", "”", "'", "’", "(", ")", "-", " — ", "\u200f", "\u202e", "\u0301", "😀",
               "\ufeff", "\u00a0", "\u2028", "\x0c", "e.g. ", "Mr. "]  # fmt: skip
_WORDS = st.one_of(
    st.sampled_from(_phrases()),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8),
    st.sampled_from(["I", "you", "never", "always", "sorry", "please", "if", "not", "said", "SORRY"]),
)
LETTERISH = st.lists(st.tuples(_WORDS, st.sampled_from(_SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)

# CI runs a few hundred examples in all; LETTERLINT_FUZZ_EXAMPLES=5000 for a long local hunt.
EXAMPLES = int(os.environ.get("LETTERLINT_FUZZ_EXAMPLES", "80"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _line_starts(text: str) -> list[int]:
    """Line starts computed the slow, obvious way: after \\r\\n, \\r or \\n."""
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 2
            starts.append(i)
            continue
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


def _expected_position(starts: list[int], offset: int) -> tuple[int, int]:
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


def _check(text: str, result: LintResult) -> None:
    internal = [f for f in result.findings if f.message.startswith("internal error")]
    assert not internal, internal[0].message
    starts = _line_starts(text)
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.excerpt == text[f.span.start : f.span.end]
        assert (f.start.line, f.start.column) == _expected_position(starts, f.span.start)
        assert (f.end.line, f.end.column) == _expected_position(starts, f.span.end)
    assert len(result.tone.arc) == result.stats.sentences
    assert 0 <= result.score <= 100


def _lint_all_ways(text: str, profile: str) -> None:
    result = lint_text(text, profile=profile)
    _check(text, result)
    again = lint_text(text, profile=profile)
    assert again.to_json() == result.to_json(), "linting the same text twice must give the same report"
    data = json.loads(renderer("json")([result], ReportOptions(color=False, terminal=False)))
    assert [f["excerpt"] for f in data["files"][0]["findings"]] == [f.excerpt for f in result.findings]
    gcc = renderer("gcc")([result], ReportOptions(color=False, terminal=False))
    assert all(f"{f.start.line}:{f.start.column}: " in gcc for f in result.findings)
    for fmt in FORMATS:  # every renderer copes with every text
        for color in (False, True):
            assert isinstance(
                renderer(fmt)([result], ReportOptions(color=color, width=80, terminal=color)), str
            )


@SETTINGS
@given(text=ANY_TEXT, profile=st.sampled_from(PROFILES))
def test_any_unicode_text(text: str, profile: str) -> None:
    _lint_all_ways(text, profile)


@SETTINGS
@given(text=LETTERISH, profile=st.sampled_from(PROFILES))
def test_letter_like_text(text: str, profile: str) -> None:
    _lint_all_ways(text, profile)


def _where(result: LintResult) -> list[tuple[str, int, int, int, int]]:
    return [(f.rule, f.start.line, f.start.column, f.end.line, f.end.column) for f in result.findings]


@SETTINGS
@given(text=LETTERISH, profile=st.sampled_from(PROFILES), newline=st.sampled_from(["\r\n", "\r"]))
def test_line_endings_do_not_change_findings(text: str, profile: str, newline: str) -> None:
    """A letter saved on Windows (CRLF) or old Mac (CR) gets the same findings at the same
    lines and columns. This found two bugs: one CRLF read as a blank line (every line its own
    paragraph), and quotations running across a lone CR."""
    unix = text.replace("\r\n", "\n").replace("\r", "\n")
    other = unix.replace("\n", newline)
    assert _where(lint_text(other, profile=profile)) == _where(lint_text(unix, profile=profile))


@SETTINGS
@given(text=LETTERISH)
def test_plain_report_quotes_the_flagged_line(text: str) -> None:
    """The plain report quotes the finding's own line (str.splitlines() would also split at
    form feeds and U+2028 and quote the wrong line)."""
    result = lint_text(text)
    out = renderer("rich")([result], ReportOptions(color=False, width=400, terminal=False)).split("\n")
    lines = [*_line_starts(text), len(text) + 1]
    for f in result.findings:
        header = f"<text>:{f.start.line}:{f.start.column}: "
        index = next(i for i, row in enumerate(out) if row.startswith(header) and f"[{f.rule}]" in row)
        number, bar, shown = out[index + 1].partition(" | ")
        if not bar or not number.strip().isdigit():
            continue  # this finding is shown without a source line
        source = text[lines[f.start.line - 1] : lines[f.start.line]].rstrip("\r\n")
        assert int(number) == f.start.line
        if cell_len(source) <= 300:  # longer lines are cut to the report width
            assert shown == printable(source)


@SETTINGS
@given(data=st.binary(max_size=2000), encoding=st.sampled_from([None, "utf-8", "cp1252", "utf-16"]))
def test_any_bytes_decode_or_fail_cleanly(data: bytes, encoding: str | None) -> None:
    """Whatever the bytes: text without terminal control characters, or an InputError."""
    try:
        text = decode(data, "x.txt", encoding)
    except InputError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
        return
    assert text.strip()
    assert not any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" for c in text)
    assert not any(0x7F <= ord(c) <= 0x9F for c in text)


_PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300)
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}  # fmt: skip


@SETTINGS
@given(text=_PRINTABLE.filter(str.strip), codec=st.sampled_from(sorted(_BOMS)), bom=st.booleans())
def test_encoded_text_reads_back_exactly(text: str, codec: str, bom: bool) -> None:
    """Every character survives: with a byte-order mark any Unicode encoding reads back
    unchanged, and UTF-8 does without one."""
    if not bom and (codec != "utf-8" or text.startswith("\ufeff")):
        return  # without a mark only UTF-8 is assumed, and a leading U+FEFF *is* its mark
    data = (_BOMS[codec] if bom else b"") + text.encode(codec)
    assert decode(data, "x.txt") == text
