"""Offline proof: the whole CLI on every example with sockets failing and an empty HOME and
NLTK_DATA, watched by audit hooks; and no code path that could call nltk.download."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from letterlint import nlp
from tests.audit import audited_env, run_audited
from tests.conftest import EXAMPLES, ROOT

LETTERS = sorted(EXAMPLES.glob("*.txt"))
CACHE_FILE = Path(".cache") / "letterlint" / f"{nlp._CACHE_VERSION}.tsv"


def _files_under(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("letter", LETTERS, ids=[p.name for p in LETTERS])
def test_example_offline(letter: Path, tmp_path: Path) -> None:
    env = audited_env(tmp_path)
    home = Path(env["HOME"])
    before = {p: p.stat().st_mtime_ns for p in EXAMPLES.iterdir()}
    for args in (["--format", "json"], ["--format", "gcc"], []):
        run = run_audited(env, *args, str(letter), cwd=tmp_path)
        assert run.code in (0, 1), run.stderr
        assert run.stderr == ""
        assert run.of("net") == []
        # The only write: the syllable table of the public CMU dictionary, in the user cache.
        for path in map(Path, run.writes()):
            assert path == home / ".cache" or path.is_relative_to(home / ".cache" / "letterlint"), path
    # The syllable table, and letterlint's own caches of compiled rules and hyphenation patterns.
    written = _files_under(home)
    assert CACHE_FILE in written and all(p.parts[:2] == (".cache", "letterlint") for p in written), written
    assert _files_under(Path(env["NLTK_DATA"])) == []
    assert {p: p.stat().st_mtime_ns for p in EXAMPLES.iterdir()} == before


def test_all_examples_and_subcommands_offline(tmp_path: Path) -> None:
    env = audited_env(tmp_path)
    first = run_audited(env, "--format", "json", *map(str, LETTERS), cwd=tmp_path)
    assert first.code == 1 and first.stderr == ""
    assert first.of("net") == []
    assert first.writes(), "the first run builds the syllable cache"
    for args in (
        ["--format", "json", *map(str, LETTERS)],  # cache warm: nothing is written at all
        ["-"],
        ["rules"],
        ["explain", "desperation/begging"],
    ):
        run = run_audited(env, *args, cwd=tmp_path, stdin=LETTERS[0].read_bytes())
        assert run.code in (0, 1), run.stderr
        assert run.of("net") == []
        assert run.writes() == [], (args, run.events)


def test_audit_hook_sees_a_network_attempt(tmp_path: Path) -> None:
    """The watcher works: a deliberate connection attempt is refused and logged."""
    env = audited_env(tmp_path)
    log = tmp_path / "audit.log"
    code = (
        "import socket\n"
        "try:\n    socket.socket().connect(('192.0.2.1', 80))\n"
        "except OSError as e:\n    print(e)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "LETTERLINT_AUDIT_LOG": str(log)},
        capture_output=True,
        timeout=60,
    )
    assert "network access attempted" in proc.stdout.decode()
    assert "net\tsocket.__new__" in log.read_text()


# -- no nltk.download anywhere ---------------------------------------------------------------

_NETWORK_MODULES = {"socket", "urllib.request", "http.client", "requests", "ftplib", "smtplib", "httpx"}


def test_source_never_downloads_or_opens_the_network() -> None:
    """No call named `download`, and no import of a network module, in the package."""
    files = sorted((ROOT / "letterlint").rglob("*.py"))
    assert len(files) > 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                assert "download" not in name.lower(), f"{path}:{node.lineno} calls {name}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name not in _NETWORK_MODULES, f"{path}:{node.lineno} imports {alias.name}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module not in _NETWORK_MODULES, f"{path}:{node.lineno} imports {node.module}"


FORBID_DOWNLOADS = """
import json, sys
import nltk, nltk.downloader

def forbidden(*args, **kwargs):
    raise SystemExit("nltk.download was called")

nltk.download = nltk.downloader.download = nltk.downloader.Downloader.download = forbidden

from letterlint.engine import Engine

engine = Engine.load()
grades = []
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for profile in sorted(engine.ruleset.profiles):
        grades.append(engine.lint(text, profile=profile).stats.reading_grade)
print(json.dumps({"errors": engine.internal_errors, "grades": grades}))
"""


def test_full_lint_with_nltk_download_forbidden(tmp_path: Path) -> None:
    """A cold process (no cache, nothing memoised) with every NLTK download path raising:
    every example under every profile, and no rule fails."""
    env = audited_env(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-c", FORBID_DOWNLOADS, *map(str, LETTERS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    assert max(report["grades"]) > 0, "textstat ran: reading grades were computed offline"
    assert (Path(env["HOME"]) / CACHE_FILE).is_file()
