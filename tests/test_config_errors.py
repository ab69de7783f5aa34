"""Config mistakes (.letterlint.toml or [tool.letterlint]): one clear line naming the file
and the line, exit 2, before any letter is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import decoded, one_line_error

LETTER = "Dear Sam,\nI can't live without you.\n\nLove,\nJo\n"


# (config text, expected line, expected words)
BAD_CONFIGS = {
    "malformed TOML": ('profile = "reconcile"\nselect = ["a",\nfail_on = "x"\n', 3, "invalid TOML"),
    "unknown key": ('profile = "reconcile"\n# colour = \ncolour = "red"\n', 3, "unknown key 'colour'"),
    "wrong type": ('select = ["desperation"]\nprofile = 3\n', 2, "'profile' must be a string"),
    "wrong list type": ('ignore = [1]\n', 1, "'ignore' must be a string or a list of strings"),
    "bad fail_on": ('\nfail_on = "sometimes"\n', 2, "fail_on must be error, warning, info or never"),
    "unknown encoding": ('encoding = "klingon"\n', 1, "unknown encoding 'klingon'"),
    "missing rules folder": ('\n\nrules = ["nowhere"]\n', 3, "rule folder 'nowhere' not found"),
    "per_file_ignores not a table": ('per_file_ignores = "x"\n', 1, "per_file_ignores must be a table"),
    "unknown profile": ('\nprofile = "valentine"\n', 2, "unknown profile 'valentine'"),
    "unknown rule in select": ('select = ["desperaton"]\n', 1, "unknown rule or family 'desperaton'"),
    "unknown rule in ignore": ('\nignore = ["clarity/nope"]\n', 2, "unknown rule or family 'clarity/nope'"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_CONFIGS, ids=list(BAD_CONFIGS))
def test_bad_config_is_one_line_with_file_and_line(run_cli, tmp_path: Path, case: str) -> None:
    text, line, words = BAD_CONFIGS[case]
    (tmp_path / ".letterlint.toml").write_text(text)
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("letter.txt", cwd=tmp_path))
    assert message.startswith(f"{tmp_path / '.letterlint.toml'}:{line}"), message
    assert words in message


def test_pyproject_lines_count_from_the_right_table(run_cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nprofile = "not ours"\n\n[tool.letterlint]\nprofile = 7\n'
    )
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("letter.txt", cwd=tmp_path))
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:6: 'profile' must be a string")


def test_tool_letterlint_not_a_table(run_cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\nletterlint = "on"\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("--config", "pyproject.toml", "letter.txt", cwd=tmp_path))
    assert message == "pyproject.toml:2: [tool.letterlint] must be a table"


def test_explicit_config_missing(run_cli, tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text(LETTER)
    assert (
        one_line_error(run_cli("--config", "nope.toml", "letter.txt", cwd=tmp_path))
        == "nope.toml: config file not found"
    )


def test_config_not_utf8(run_cli, tmp_path: Path) -> None:
    (tmp_path / ".letterlint.toml").write_bytes(b'profile = "r\xe9concile"\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    assert "cannot read config" in one_line_error(run_cli("letter.txt", cwd=tmp_path))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--select", "desperaton"], "--select: unknown rule or family 'desperaton'"),
        (["--ignore", "clarity/nope"], "--ignore: unknown rule or family 'clarity/nope'"),
        (["--encoding", "base64"], "'base64' is not a text encoding"),
        (["--profile", "valentine"], "unknown profile 'valentine'"),
        (["--fail-on", "sometimes"], "argument --fail-on: invalid choice"),
        (["--format", "pdf"], "argument --format: invalid choice"),
        ([], "no letter given"),
    ],
)
def test_bad_arguments_are_one_line(run_cli, tmp_path: Path, args: list[str], words: str) -> None:
    (tmp_path / "letter.txt").write_text(LETTER)
    paths = ["letter.txt"] if args else []
    assert words in one_line_error(run_cli(*args, *paths, cwd=tmp_path))


def test_good_config_still_applies(run_cli, tmp_path: Path) -> None:
    """A positive control: the same keys, valid, are honoured."""
    (tmp_path / ".letterlint.toml").write_text(
        'profile = "general"\nselect = ["desperation"]\nfail_on = "never"\nencoding = "utf-8"\n'
    )
    (tmp_path / "letter.txt").write_text(LETTER)
    proc = run_cli("--format", "gcc", "letter.txt", cwd=tmp_path)
    out, err = decoded(proc)
    assert proc.returncode == 0 and err == ""
    assert out.strip().splitlines() == [
        line for line in out.strip().splitlines() if line.endswith("[desperation/cant-live-without]")
    ]
    assert out.strip()
