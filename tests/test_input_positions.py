"""Positions stay exact whatever the encoding, line endings or characters: the JSON report
of every variant points at the same line and column, counted in code points."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.conftest import decoded

RULE = "desperation/cant-live-without"
PHRASE = "I can't live without you"
LETTER = f"Dear Sam,\nIt has been a while. {PHRASE}.\n\nLove,\nJo\n"
COLUMN = len("It has been a while. ") + 1


def _findings(run_cli, folder: Path, name: str, data: bytes, *args: str) -> list[dict]:
    (folder / name).write_bytes(data)
    proc = run_cli("--format", "json", *args, name, cwd=folder)
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    assert err == ""
    return [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == RULE]


ENCODED = {
    "utf-8": LETTER.encode("utf-8"),
    "utf-8 BOM": codecs.BOM_UTF8 + LETTER.encode("utf-8"),
    "utf-16-le BOM": codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le"),
    "utf-16-be BOM": codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be"),
    "utf-32 BOM": LETTER.encode("utf-32"),
    "CRLF": LETTER.replace("\n", "\r\n").encode(),
    "lone CR": LETTER.replace("\n", "\r").encode(),
    "CRLF + BOM": codecs.BOM_UTF8 + LETTER.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("variant", ENCODED)
def test_same_position_in_every_encoding_and_line_ending(run_cli, tmp_path: Path, variant: str) -> None:
    (finding,) = _findings(run_cli, tmp_path, "letter.txt", ENCODED[variant])
    assert (finding["line"], finding["column"]) == (2, COLUMN)
    assert (finding["end_line"], finding["end_column"]) == (2, COLUMN + len(PHRASE))
    assert finding["excerpt"] == PHRASE


def test_explicit_encodings(run_cli, tmp_path: Path) -> None:
    text = LETTER.replace("a while", "a while, café").replace("'", "\u2019")
    (finding,) = _findings(run_cli, tmp_path, "win.txt", text.encode("cp1252"), "--encoding", "cp1252")
    assert finding["column"] == COLUMN + len(", café")
    assert finding["excerpt"] == PHRASE.replace("'", "\u2019")
    latin = text.replace("\u2019", "'").encode("latin-1")
    (finding,) = _findings(run_cli, tmp_path, "latin.txt", latin, "--encoding", "latin-1")
    assert finding["excerpt"] == PHRASE


@pytest.mark.parametrize(
    "prefix",
    [
        "\t\t",  # a tab is one column
        "😀💔 ",  # astral characters: one column each (the LSP converts to UTF-16 itself)
        "Cafe\u0301 ",  # a combining accent is its own code point
        "\u200fשלום\u200f ",  # right-to-left text and marks
        "\u00a0\u2003",  # no-break and em spaces
        "\ufeff",  # a zero-width no-break space inside the text (not a BOM)
    ],
)
def test_columns_count_code_points(run_cli, tmp_path: Path, prefix: str) -> None:
    text = f"Dear Sam,\n{prefix}{PHRASE}.\n\nLove,\nJo\n"
    (finding,) = _findings(run_cli, tmp_path, "letter.txt", text.encode())
    assert (finding["line"], finding["column"]) == (2, len(prefix) + 1)
    assert finding["end_column"] == len(prefix) + len(PHRASE) + 1
    assert finding["excerpt"] == PHRASE


def test_control_characters_cannot_reach_the_terminal(run_cli, tmp_path: Path) -> None:
    """An escape sequence in a letter is shown as U+FFFD, one for one, so columns still hold."""
    text = f"Dear Sam,\n\x1b[2J\x1b]0;x\x07{PHRASE}.\n\nLove,\nJo\n"
    (tmp_path / "letter.txt").write_text(text)
    plain = run_cli("letter.txt", cwd=tmp_path)
    assert b"\x1b" not in plain.stdout and b"\x07" not in plain.stdout
    (finding,) = _findings(run_cli, tmp_path, "letter.txt", text.encode())
    assert finding["column"] == len("\x1b[2J\x1b]0;x\x07") + 1


def test_utf8_and_utf16_reports_are_identical(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(LETTER.encode())
    (tmp_path / "b.txt").write_bytes(LETTER.encode("utf-16"))
    out, _ = decoded(run_cli("--format", "json", "a.txt", "b.txt", cwd=tmp_path))
    a, b = json.loads(out)["files"]
    a.pop("path"), b.pop("path")
    assert a == b
