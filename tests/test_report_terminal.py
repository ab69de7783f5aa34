"""The terminal report: snapshots at fixed widths, layout at every width, colour and pipes."""

from __future__ import annotations

import difflib
import io
import itertools
import os
import re
from pathlib import Path

import pytest

from letterlint import lint_text
from letterlint.report import FileError, ReportOptions
from letterlint.report.terminal import make_console, print_report, render, strip_trailing
from tests.conftest import EXAMPLES, decoded
from tests.snapshots.frozen import FROZEN, SNAPSHOTS, frozen

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def recorded(items, width: int, summary_only: bool = False) -> str:
    """The report as rich's recording console saw it, without styles."""
    options = ReportOptions(color=False, width=width, terminal=True, summary_only=summary_only)
    console = make_console(io.StringIO(), options, record=True)
    print_report(console, items, options)
    return strip_trailing(console.export_text(styles=False))


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("LETTERLINT_UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True), f"{name} (snapshot)", f"{name} (now)"
            )
        )
        pytest.fail(f"the report's look changed; if on purpose, LETTERLINT_UPDATE_SNAPSHOTS=1\n{diff}")


@pytest.mark.parametrize("width", [40, 80, 120])
def test_desperate_letter_snapshot(width: int) -> None:
    result, _ = frozen("desperate")
    check_snapshot(f"desperate-{width}.txt", recorded([result], width))


@pytest.mark.parametrize(("name", "width"), [("blaming", 100), ("strong", 80), ("strong", 200)])
def test_other_letters_snapshot(name: str, width: int) -> None:
    result, _ = frozen(name)
    check_snapshot(f"{name}-{width}.txt", recorded([result], width))


@pytest.mark.parametrize("width", [50, 100])
def test_many_files_summary_snapshot(width: int) -> None:
    thawed = [frozen(n) for n in FROZEN]
    items = [r for r, _ in thawed] + [FileError("letters/missing.txt", "no such file")]
    check_snapshot(f"summary-{width}.txt", recorded(items, width, summary_only=True))


def test_plain_text_snapshot() -> None:
    result, _ = frozen("desperate")
    options = ReportOptions(color=False, width=100, terminal=False)
    check_snapshot("desperate-plain.txt", render([result], options))


def test_desperate_snapshot_shows_what_the_issue_asks_for() -> None:
    """Read the 80-column snapshot as a person would: each part is there."""
    text = (SNAPSHOTS / "desperate-80.txt").read_text(encoding="utf-8")
    assert text.startswith("╭") and "examples/desperate.txt" in text and "0 / 100" in text
    assert "Not ready yet" in text
    assert "✗ feelings" in text and "✓ greeting" in text and "e.g. “I still laugh" in text
    assert "Tone, sentence by sentence" in text and "╰ opening" in text and "closing" in text
    assert "lowest on line 7" in text
    assert "Sounds desperate  13" in text and "Missing parts  4" in text
    assert "   3 │ " in text or "  3 │ " in text
    assert "^^^^^^^^^^^^^^^^^^^^^^^^" in text  # "I can't live without you", 24 characters
    assert "try I'd realised" not in text and "try I've realised how much you mean to me" in text
    assert "5 errors · 12 warnings" in text and "Fix first line 3, “I'm begging”" in text
    # most severe family first, errors before warnings inside it
    assert text.index("Sounds desperate") < text.index("Missing parts")
    assert text.index("error    desperation/begging") < text.index("warning  desperation/shouting")


@pytest.mark.parametrize("width", [40, 80, 200])
def test_underline_sits_under_the_span(width: int) -> None:
    """Every finding's words appear with carets exactly beneath them, at any width."""
    result, _ = frozen("desperate")
    lines = recorded([result], width).splitlines()
    underlined: set[tuple[int, str]] = set()
    for src, carets in itertools.pairwise(lines):
        m = re.match(r"^ *(\d+) │ ", src)
        if not m or not re.match(r"^ *│ ", carets):
            continue
        for run in re.finditer(r"\^+", carets):
            underlined.add((int(m.group(1)), src[run.start() : run.end()]))
    for f in result.findings:
        if f.family == "missing-section":
            continue
        assert (f.start.line, f.excerpt) in underlined or (width < 80 and len(f.excerpt) > width - 20), (
            f"{f.rule}: {f.excerpt!r} is not underlined on line {f.start.line}"
        )


BOX_TOP, BOX_SIDE, BOX_BOTTOM = re.compile(r"^╭─*╮$"), re.compile(r"^│.*│$"), re.compile(r"^╰─*╯$")


@pytest.mark.parametrize("width", [40, 41, 57, 64, 80, 99, 120, 161, 200])
def test_every_width_fits_and_boxes_close(width: int) -> None:
    names = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    items = [lint_text((EXAMPLES / n).read_text(encoding="utf-8"), path=f"examples/{n}") for n in names]
    items.append(
        lint_text(
            "Dear Sam,\n\nwide: 日本語の手紙です。I can't live without you 😢!!!\n\nLove,\nJo", path="w.txt"
        )
    )
    from rich.cells import cell_len

    text = recorded(items, width)
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)
    tops = [i for i, line in enumerate(lines) if line.startswith("╭")]
    assert len(tops) == len(items)
    for top in tops:
        assert BOX_TOP.match(lines[top]) and len(lines[top]) == width
        i = top + 1
        while lines[i].startswith("│"):
            assert BOX_SIDE.match(lines[i]) and cell_len(lines[i]) == width, lines[i]
            i += 1
        assert BOX_BOTTOM.match(lines[i]) and len(lines[i]) == width
    assert text.count("Summary") == len(items)


def test_colour_changes_no_layout() -> None:
    result, _ = frozen("desperate")
    plain = render([result], ReportOptions(color=False, width=90, terminal=True))
    coloured = render([result], ReportOptions(color=True, width=90, terminal=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_control_characters_in_a_letter_never_reach_the_terminal() -> None:
    text = "Dear Sam,\n\nI can't live without you \x1b[2J\x1b]0;pwned\x07 at all.\n\nLove,\nJo"
    result = lint_text(text, path="evil\x1b[31m.txt")
    for options in (
        ReportOptions(color=False, width=80, terminal=True),
        ReportOptions(color=False, width=80, terminal=False),
    ):
        out = render([result], options)
        assert "\x1b" not in out and "\x07" not in out
        assert "evil�[31m.txt" in out


def test_quiet_prints_the_findings_and_nothing_else() -> None:
    result, _ = frozen("desperate")
    for terminal in (True, False):
        loud = render([result], ReportOptions(color=False, width=100, terminal=terminal))
        quiet = render([result], ReportOptions(color=False, width=100, terminal=terminal, quiet=True))
        for f in result.findings:
            assert f.rule in quiet
        for extra in ("score", "Score", "tone:", "Tone", "Fix first", "fix first", "missing feelings"):
            assert extra not in quiet
        assert ("Fix first" if terminal else "fix first") in loud


# -- through the real command line ------------------------------------------------------


def test_pipe_gets_plain_greppable_text(run_cli) -> None:
    result = lint_text(
        (EXAMPLES / "desperate.txt").read_text(encoding="utf-8"), path="examples/desperate.txt"
    )
    proc = run_cli("examples/desperate.txt")
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    assert "╭" not in out and "\x1b" not in out
    for f in result.findings:
        assert f"examples/desperate.txt:{f.start.line}:{f.start.column}: {f.severity.label}: " in out
    found = sum(result.sections.values())
    assert f"examples/desperate.txt: parts: {found} of {len(result.sections)} found" in out
    assert "examples/desperate.txt: tone: [" in out
    errors = sum(f.severity.label == "error" for f in result.findings)
    assert re.search(rf"^examples/desperate\.txt: {errors} errors, .*; fix first: line \d+", out, re.M)
    grep = [line for line in out.splitlines() if line.startswith("examples/desperate.txt:3:")]
    assert len(grep) == sum(f.start.line == 3 for f in result.findings)


def test_force_color_and_no_color(run_cli) -> None:
    coloured, _ = decoded(
        run_cli("examples/desperate.txt", env={"FORCE_COLOR": "1", "NO_COLOR": "", "COLUMNS": "90"})
    )
    assert "\x1b[" in coloured and "╭" in coloured
    for env, args in (({"NO_COLOR": "1"}, ()), ({"NO_COLOR": ""}, ("--no-color",))):
        out, _ = decoded(
            run_cli("examples/desperate.txt", *args, env={"FORCE_COLOR": "1", "COLUMNS": "90", **env})
        )
        assert "\x1b" not in out, (env, args)
        assert out.startswith("╭" + "─" * 88 + "╮")


def test_many_files_end_with_a_table_and_summary_is_the_table_alone(run_cli, tmp_path: Path) -> None:
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "100"}
    full, _ = decoded(run_cli("examples/desperate.txt", "examples/strong.txt", env=env))
    assert full.count("╭") == 2
    table = full[full.rindex("letter ") :]
    assert "score" in table and "desperate" in table and "examples/strong.txt" in table
    summary, _ = decoded(run_cli("--summary", "examples/desperate.txt", "examples/strong.txt", env=env))
    assert "╭" not in summary and "Parts of the letter" not in summary
    rows = [line.split() for line in summary.splitlines() if line.strip().startswith("examples/")]
    expected = []
    for name in ("desperate.txt", "strong.txt"):
        result = lint_text((EXAMPLES / name).read_text(encoding="utf-8"))
        counts = [sum(f.family == fam.name for f in result.findings) for fam in result.families]
        expected.append([f"examples/{name}", str(result.score), *(str(n) if n else "·" for n in counts)])
    assert rows == expected
