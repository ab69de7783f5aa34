"""Shared fixtures. Every test runs with the network blocked and no NLTK data or home."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.offline_site import REFUSE_SOCKETS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


class NetworkBlocked(OSError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkBlocked("network access attempted during a letterlint test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="session", autouse=True)
def _empty_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No NLTK data anywhere, and a throwaway home: nothing may be downloaded or needed."""
    home = tmp_path_factory.mktemp("home")
    nltk_data = tmp_path_factory.mktemp("nltk_data")
    os.environ["HOME"] = str(home)
    os.environ["NLTK_DATA"] = str(nltk_data)
    os.environ["LETTERLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("XDG_CACHE_HOME", None)
    os.environ["NO_COLOR"] = "1"


@pytest.fixture(scope="session")
def offline_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for CLI subprocesses: sockets fail via sitecustomize, empty HOME/NLTK_DATA."""
    site = tmp_path_factory.mktemp("offline_site")
    (site / "sitecustomize.py").write_text(REFUSE_SOCKETS)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    env["HOME"] = str(tmp_path_factory.mktemp("cli_home"))
    env["NLTK_DATA"] = str(tmp_path_factory.mktemp("cli_nltk"))
    env.pop("FORCE_COLOR", None)
    return env


@pytest.fixture
def run_cli(offline_env: dict[str, str]):
    """Run the real CLI in a subprocess, offline; returns CompletedProcess with text."""

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None, env: dict | None = None):
        merged = dict(offline_env, **(env or {}))
        return subprocess.run(
            [sys.executable, "-m", "letterlint", *args],
            input=input.encode() if isinstance(input, str) else input,
            capture_output=True,
            cwd=cwd or ROOT,
            env=merged,
            timeout=120,
        )

    return run


def decoded(proc: subprocess.CompletedProcess) -> tuple[str, str]:
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    """Assert a usage/config/input error (exit 2, one line, no traceback); return its message."""
    out, err = decoded(proc)
    assert proc.returncode == 2, (out, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("letterlint: error: ")
    return lines[0].removeprefix("letterlint: error: ")


def family_rules(text: str, family: str, profile: str = "reconcile") -> set[str]:
    """The ids of the rules of `family` that fire on `text`."""
    from letterlint import lint_text

    return {f.rule for f in lint_text(text, profile=profile).findings if f.family == family}
