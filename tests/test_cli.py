"""The CLI contract of DESIGN.md, through the real command in a subprocess (network blocked)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT, decoded

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text())


def _json(proc) -> dict:
    out, _err = decoded(proc)
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    return data


def test_desperate_letter_fails_with_errors(run_cli) -> None:
    proc = run_cli("examples/desperate.txt")
    out, err = decoded(proc)
    assert proc.returncode == 1
    assert "desperation/cant-live-without" in out
    assert "examples/desperate.txt:" in out  # plain, greppable text when not a terminal
    assert err == ""


def test_strong_letter_passes_with_no_errors(run_cli) -> None:
    proc = run_cli("--format", "json", "examples/strong.txt")
    data = _json(proc)
    assert proc.returncode == 0
    (report,) = data["files"]
    assert report["path"] == "examples/strong.txt"
    assert all(f["severity"] != "error" for f in report["findings"])
    assert all(report["sections"].values())
    assert report["score"] >= 90


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_json_report_matches_schema(run_cli, example: str) -> None:
    data = _json(run_cli("--format", "json", "--fail-on", "never", f"examples/{example}"))
    report = data["files"][0]
    assert len(report["tone"]["arc"]) == report["stats"]["sentences"]
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    lines = text.splitlines()
    for f in report["findings"]:
        if f["line"] == f["end_line"] and f["excerpt"]:
            assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["excerpt"]


def test_folder_recurses_into_letters_only(run_cli, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Dear Sam,\nI miss you.\n\nLove,\nJo\n")
    (tmp_path / "sub" / "b.md").write_text("Hi Alex,\n\nThanks for dinner!\n\nBest,\nKim\n")
    (tmp_path / "notes.csv").write_text("a,b\n")
    data = _json(run_cli("--format", "json", "--fail-on", "never", str(tmp_path)))
    paths = sorted(Path(f["path"]).name for f in data["files"])
    assert paths == ["a.txt", "b.md"]


def test_stdin(run_cli) -> None:
    proc = run_cli("--format", "json", "-", input="Dear Sam,\nI can't live without you.\n\nLove,\nJo\n")
    data = _json(proc)
    assert proc.returncode == 1
    assert data["files"][0]["path"] == "-"
    assert any(f["rule"] == "desperation/cant-live-without" for f in data["files"][0]["findings"])


def test_gcc_format(run_cli) -> None:
    out, _ = decoded(run_cli("--format", "gcc", "examples/desperate.txt"))
    first = out.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path == "examples/desperate.txt" and int(line) >= 1 and int(col) >= 1
    assert rest.strip().split(":")[0] in {"error", "warning", "info"}
    assert first.endswith("]")


def test_fail_on_levels(run_cli) -> None:
    assert run_cli("--fail-on", "never", "examples/desperate.txt").returncode == 0
    assert run_cli("--fail-on", "warning", "examples/missing-sections.txt").returncode == 1
    assert run_cli("--fail-on", "error", "examples/missing-sections.txt").returncode == 0


def test_select_and_ignore(run_cli) -> None:
    data = _json(run_cli("--format", "json", "--select", "desperation", "examples/desperate.txt"))
    assert {f["family"] for f in data["files"][0]["findings"]} == {"desperation"}
    data = _json(
        run_cli("--format", "json", "--ignore", "desperation,missing-section", "examples/desperate.txt")
    )
    families = {f["family"] for f in data["files"][0]["findings"]}
    assert "desperation" not in families and "missing-section" not in families


def test_profile_option(run_cli) -> None:
    data = _json(run_cli("--format", "json", "--profile", "apology", "examples/apology.txt"))
    assert data["files"][0]["profile"] == "apology"
    assert set(data["files"][0]["sections"]) == {
        "acknowledgement",
        "accountability",
        "impact",
        "repair",
        "sign-off",
    }


def test_config_discovery_upward(run_cli, tmp_path: Path) -> None:
    (tmp_path / ".letterlint.toml").write_text('profile = "general"\nignore = ["clarity"]\n')
    nested = tmp_path / "drafts" / "june"
    nested.mkdir(parents=True)
    (nested / "note.txt").write_text("Hi Kim,\nThanks for the lovely dinner lol.\n\nBest,\nJo\n")
    data = _json(run_cli("--format", "json", "note.txt", cwd=nested))
    report = data["files"][0]
    assert report["profile"] == "general"
    assert not [f for f in report["findings"] if f["family"] == "clarity"]


def test_pyproject_tool_section(run_cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.letterlint]\nprofile = "apology"\n')
    (tmp_path / "x.txt").write_text("Hi Pat,\nI'm sorry I missed dinner.\n\nJo\n")
    data = _json(run_cli("--format", "json", "--fail-on", "never", "x.txt", cwd=tmp_path))
    assert data["files"][0]["profile"] == "apology"


def test_no_color_and_version(run_cli) -> None:
    out, _ = decoded(run_cli("--version"))
    assert out.startswith("letterlint ")
    proc = run_cli("--no-color", "examples/strong.txt")
    assert "\x1b[" not in decoded(proc)[0]


def test_rules_and_explain(run_cli) -> None:
    out, _ = decoded(run_cli("rules"))
    assert "desperation/begging" in out and "missing-section/growth" in out
    proc = run_cli("explain", "desperation/cant-live-without")
    out, _ = decoded(proc)
    assert proc.returncode == 0
    for heading in ("What it flags", "Why", "Flagged, for example", "Better wording"):
        assert heading in out


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--profile", "nope", "examples/strong.txt"], "unknown profile"),
        (["--format", "xml", "examples/strong.txt"], "invalid choice"),
        (["explain", "no/such-rule"], "unknown rule"),
        ([], "no letter given"),
        (["does-not-exist.txt"], "no such file"),
        (["--config", "missing.toml", "examples/strong.txt"], "config file not found"),
    ],
)
def test_usage_errors_are_one_line_exit_2(run_cli, args: list[str], needle: str) -> None:
    proc = run_cli(*args)
    _out, err = decoded(proc)
    assert proc.returncode == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_config_names_file_and_line(run_cli, tmp_path: Path) -> None:
    (tmp_path / ".letterlint.toml").write_text('profile = "general"\ncolour = "red"\n')
    (tmp_path / "x.txt").write_text("Hi,\nThanks.\n")
    proc = run_cli("x.txt", cwd=tmp_path)
    _, err = decoded(proc)
    assert proc.returncode == 2
    assert ".letterlint.toml:2: unknown key 'colour'" in err
