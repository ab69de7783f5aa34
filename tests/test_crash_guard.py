"""A bug in one rule costs that rule, not the letter: it becomes an internal-error finding
(rule id and a one-line reason) and every other rule still runs; --debug shows the traceback.
A bug outside any rule costs that file, not the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from letterlint import cli
from tests.conftest import ROOT

LETTER = "Dear Sam,\nI can't live without you. Please, please come back.\n\nLove,\nJo\n"
BROKEN = "desperation/begging"

# Injected into the real CLI process: the phrase check crashes for one rule only.
INJECT = """
import dataclasses
import os
from letterlint.checks import phrases

_target = os.environ["LETTERLINT_TEST_CRASH_RULE"]
_real = phrases.KIND.run


def run(rule, ctx, present):
    if rule.id == _target:
        raise RuntimeError("injected failure\\nwith a second line")
    return _real(rule, ctx, present)


phrases.KIND = dataclasses.replace(phrases.KIND, run=run)  # before the registry reads it
"""


def _run_broken(tmp_path: Path, offline_env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        (Path(offline_env["PYTHONPATH"].split(":")[0]) / "sitecustomize.py").read_text() + INJECT
    )
    (tmp_path / "letter.txt").write_text(LETTER)
    env = {**offline_env, "PYTHONPATH": f"{site}:{ROOT}", "LETTERLINT_TEST_CRASH_RULE": BROKEN}
    return subprocess.run(
        [sys.executable, "-m", "letterlint", *args, "letter.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def test_a_crashing_rule_is_reported_and_the_others_run(tmp_path: Path, offline_env: dict[str, str]) -> None:
    proc = _run_broken(tmp_path, offline_env, "--format", "json")
    assert proc.returncode == 1  # the other error-level rule still fired
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    broken = [f for f in findings if f["rule"] == BROKEN]
    assert [f["message"] for f in broken] == [
        f"internal error in rule {BROKEN}, skipped: RuntimeError: injected failure"
    ]
    assert "desperation/cant-live-without" in {f["rule"] for f in findings}
    assert any(f["family"] == "missing-section" for f in findings)
    assert proc.stderr.splitlines() == [
        f"letterlint: letter.txt: internal error in rule {BROKEN}: RuntimeError: injected failure"
        " (run with --debug for details)"
    ]
    assert "Traceback" not in proc.stderr


def test_debug_shows_the_traceback(tmp_path: Path, offline_env: dict[str, str]) -> None:
    proc = _run_broken(tmp_path, offline_env, "--format", "json", "--debug")
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert 'raise RuntimeError("injected failure' in proc.stderr
    assert f"internal error in rule {BROKEN}" in proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"]


def test_a_crash_outside_the_rules_loses_one_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sentiment model failing for one letter: that letter gets a one-line error, the
    next letter is still linted, exit 2."""
    from letterlint import nlp

    real = nlp.sentiment()

    class Flaky:
        def compound(self, sentence: str) -> float:
            if "poison" in sentence:
                raise ValueError("model failure")
            return real.compound(sentence)

    monkeypatch.setattr(nlp, "sentiment", lambda: Flaky())
    (tmp_path / "a.txt").write_text("Dear Sam,\nThis poison sentence breaks the model.\n\nLove,\nJo\n")
    (tmp_path / "b.txt").write_text(LETTER)
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--format", "json", "a.txt", "b.txt"])
    out, err = capsys.readouterr()
    assert code == 2
    a, b = json.loads(out)["files"]
    assert a["error"].startswith("internal error: ")
    assert "desperation/cant-live-without" in {f["rule"] for f in b["findings"]}
    assert "Traceback" not in err
    assert any(line.startswith("letterlint: a.txt: internal error: ") for line in err.splitlines())


def test_unexpected_exception_in_main_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(args: object) -> int:
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "lint_command", explode)
    assert cli.main(["x.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "letterlint: internal error: KeyError: 'surprise' (run with --debug for details)\n"
    assert cli.main(["--debug", "x.txt"]) == 2
    assert "Traceback" in capsys.readouterr().err
