"""The conventions a command-line user expects: help everywhere, -V, --color, --stdin-filename,
-o by extension, each error once on stderr, -q for findings only, one line for skipped files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letterlint import __version__
from tests.conftest import ROOT, decoded, one_line_error

DESPERATE = "examples/desperate.txt"


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("rules", "--help"),
        ("explain", "--help"),
        ("check-rules", "--help"),
        ("ignore", "--help"),
        ("lsp", "--help"),
        ("help",),
        ("help", "explain"),
        ("help", "lsp"),
        ("serve", "--help"),
        ("help", "serve"),
    ],
    ids=" ".join,
)
def test_help_everywhere(run_cli, args: tuple[str, ...]) -> None:
    proc = run_cli(*args)
    out, err = decoded(proc)
    assert proc.returncode == 0, err
    assert out.startswith("usage: letterlint") and err == ""
    named = [a for a in args if a not in ("--help", "help")]
    if named:
        assert out.startswith(f"usage: letterlint {named[0]}")


def test_help_for_an_unknown_command_is_a_usage_error(run_cli) -> None:
    assert "no help for 'frobnicate'" in one_line_error(run_cli("help", "frobnicate"))


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(run_cli, flag: str) -> None:
    proc = run_cli(flag)
    assert proc.returncode == 0 and decoded(proc)[0].strip() == f"letterlint {__version__}"


def test_color_always_and_never(run_cli) -> None:
    always, _ = decoded(run_cli("--color", "always", DESPERATE))
    never, _ = decoded(run_cli("--color", "never", DESPERATE, env={"FORCE_COLOR": "1"}))
    assert "\x1b[" in always
    assert "\x1b[" not in never


def test_stdin_filename_names_the_letter_and_finds_its_config(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / ".letterlint.toml").write_text('profile = "general"\n', encoding="utf-8")
    text = "Dear Sam,\n\n`I'm begging you` is code here. I'm begging you, call me.\n\nLove,\nJo\n"
    proc = run_cli("--format", "json", "--stdin-filename", str(folder / "draft.md"), input=text, cwd=tmp_path)
    out, err = decoded(proc)
    data = json.loads(out)["files"][0]
    assert data["path"] == str(folder / "draft.md") and data["profile"] == "general", err
    begging = [f for f in data["findings"] if f["rule"] == "desperation/begging"]
    assert [f["column"] for f in begging] == [33]  # Markdown: the code span is not prose


def test_output_format_from_the_extension(run_cli, tmp_path: Path) -> None:
    for name, starts in (
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", "{"),
        ("r.sarif", "{"),
        ("r.txt", "examples/"),
    ):
        target = tmp_path / name
        proc = run_cli("--fail-on", "never", "-o", str(target), DESPERATE)
        assert proc.returncode == 0, decoded(proc)
        assert target.read_text(encoding="utf-8").startswith(starts), name
    assert '"$schema"' in (tmp_path / "r.sarif").read_text(encoding="utf-8")
    message = one_line_error(run_cli("--format", "json", "-o", str(tmp_path / "x.html"), DESPERATE))
    assert "looks like html but --format json" in message
    assert not (tmp_path / "x.html").exists()


def test_a_missing_file_is_said_once_on_stderr(run_cli) -> None:
    proc = run_cli("nope.txt", "examples/strong.txt")
    out, err = decoded(proc)
    assert proc.returncode == 2
    assert err.count("nope.txt") == 1 and "nope.txt" not in out
    assert "examples/strong.txt" in out


def test_quiet_prints_findings_only(run_cli) -> None:
    out, err = decoded(run_cli("-q", DESPERATE))
    lines = [line for line in out.splitlines() if line.startswith(DESPERATE)]
    assert lines and all(line.split(":")[1].isdigit() for line in lines)  # path:line:col: ...
    assert "score" not in out and "tone:" not in out and err == ""


def test_skipped_files_are_one_count_line(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text(
        (ROOT / "examples" / "strong.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for name in ("notes.json", "photo.png", "scan.pdf", "todo"):
        (folder / name).write_bytes(b"x")
    _, err = decoded(run_cli(str(folder), cwd=tmp_path))
    assert err.splitlines() == [
        "letterlint: skipped 4 files that are not letters (.json, .pdf, .png, no extension); "
        "--quiet-skips hides this line"
    ]
    _, quiet = decoded(run_cli("--quiet-skips", str(folder), cwd=tmp_path))
    assert quiet == ""
