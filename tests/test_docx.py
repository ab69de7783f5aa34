"""Word drafts: read with python-docx, findings located by paragraph and character."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from letterlint import default_engine, drafts
from letterlint.docx import OffsetMap

PARAGRAPHS = [
    "Dear Zoë,",
    "",
    "Café days 🌞 were good. I’m begging you, I can’t live without you!!!",
    "Since spring I’ve been seeing a counsellor. I’m sorry I shut you out.",
    "I hope to hear from you whenever you’re ready.",
    "Love,",
    "Jo",
]


def make_docx(path: Path, paragraphs: list[str] = PARAGRAPHS) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_findings_by_paragraph_and_character(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "zoe.docx")
    draft = drafts.read(path, str(path))
    result = drafts.lint(default_engine(), draft, profile="reconcile").result
    where = {
        f.rule: (f.start.line, f.start.column, f.end.line, f.end.column, f.excerpt) for f in result.findings
    }
    para = PARAGRAPHS[2]
    begin = para.index("I’m begging") + 1
    assert where["desperation/begging"] == (3, begin, 3, begin + len("I’m begging you"), "I’m begging you")
    begin = para.index("!!!") + 1
    assert where["desperation/panic-punctuation"] == (3, begin, 3, begin + 3, "!!!")
    # The Word structure is kept: greeting, paragraphs and sign-off are recognised.
    assert result.sections["greeting"] and result.sections["sign-off"]
    # The shown text has one line per Word paragraph, so reports quote the right paragraph.
    assert result.text.split("\n")[2] == para
    span = next(f.span for f in result.findings if f.rule == "desperation/begging")
    assert result.text[span.start : span.end] == "I’m begging you"


def test_cli_reads_docx_and_folders(run_cli, tmp_path: Path) -> None:
    make_docx(tmp_path / "zoe.docx")
    proc = run_cli("--format", "json", ".", cwd=tmp_path)
    (report,) = json.loads(proc.stdout)["files"]
    assert report["path"].endswith("zoe.docx")
    begging = next(f for f in report["findings"] if f["rule"] == "desperation/begging")
    assert (begging["line"], begging["column"]) == (3, PARAGRAPHS[2].index("I’m begging") + 1)
    assert proc.returncode == 1


def test_manual_line_break_inside_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dear Sam,")
    p = document.add_paragraph("We had good years.")
    p.add_run().add_break()
    p.add_run("I’m begging you to call.")
    path = tmp_path / "br.docx"
    document.save(str(path))
    result = drafts.lint(default_engine(), drafts.read(path, str(path)), profile="general").result
    (begging,) = [f for f in result.findings if f.rule == "desperation/begging"]
    assert (begging.start.line, begging.start.column) == (2, len("We had good years.\n") + 1)
    assert result.text.split("\n")[1] == "We had good years. I’m begging you to call."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dear Sam, this is plain text", "not a Word document"),
        (b"PK\x03\x04 broken zip", "not a Word document"),
    ],
)
def test_bad_docx_is_one_line_exit_2(run_cli, tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "bad.docx").write_bytes(content)
    proc = run_cli("bad.docx", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_zip_that_is_not_word(run_cli, tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "notword.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    proc = run_cli("notword.docx", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Word document" in err and "Traceback" not in err


def test_offset_map_clamps_separators() -> None:
    offsets = OffsetMap([3, 0, 2])  # "abc", "", "de" -> linted "abc\n\n\n\nde"
    assert offsets.locate(0) == (0, 0)
    assert offsets.locate(4) == (0, 3)  # inside the separator: end of the paragraph
    assert offsets.locate(5) == (1, 0)
    assert offsets.locate(7) == (2, 0)
    assert offsets.shown(8) == len("abc\n\n") + 1
