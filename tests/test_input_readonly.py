"""The letter is opened read-only and never written: after every command its bytes and
modification time are the same, its folder holds nothing new, and the audit hooks saw no
write to it. `--output` may never name the letter (directly, by symlink or by hard link)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from letterlint.report import FORMATS
from tests.audit import Audited, audited_env, run_audited

LETTER = "Dear Sam,\nI can't live without you. Please, please come back.\n\nLove,\nJo\n"


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def setup(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    env = audited_env(tmp_path / "run")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    letter = drafts / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    os.utime(letter, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # a fixed, old mtime
    (drafts / "twin.txt").symlink_to("letter.txt")
    os.link(letter, drafts / "hardlink.txt")
    (drafts / ".letterlint.toml").write_text('profile = "reconcile"\n')
    out = tmp_path / "out"
    out.mkdir()
    return env, drafts, out


def _assert_untouched(run: Audited, drafts: Path, before: dict[str, tuple[bytes, int]]) -> None:
    assert "Traceback" not in run.stderr
    assert _state(drafts) == before
    for path in run.writes():
        assert not Path(path).is_relative_to(drafts), f"wrote {path}"


def test_every_command_leaves_the_letter_untouched(setup: tuple[dict[str, str], Path, Path]) -> None:
    env, drafts, out = setup
    before = _state(drafts)
    commands: list[list[str]] = [
        ["letter.txt"],
        ["--profile", "apology", "--summary", "letter.txt"],
        ["--quiet", "--select", "desperation", "--fail-on", "never", "letter.txt"],
        ["--encoding", "utf-8", "letter.txt"],
        ["--config", ".letterlint.toml", "."],
        ["rules"],
        ["explain", "desperation/begging"],
    ]
    commands += [["--format", fmt, "letter.txt"] for fmt in FORMATS]
    commands += [["--format", fmt, "--output", str(out / f"report.{fmt}"), "letter.txt"] for fmt in FORMATS]
    for args in commands:
        run = run_audited(env, *args, cwd=drafts)
        assert run.code in (0, 1), (args, run.stderr)
        _assert_untouched(run, drafts, before)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"report.{fmt}" for fmt in FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "target", ["letter.txt", "twin.txt", "hardlink.txt", "./drafts/../drafts/letter.txt"]
)
def test_output_refuses_to_overwrite_the_letter(
    setup: tuple[dict[str, str], Path, Path], fmt: str, target: str
) -> None:
    env, drafts, _ = setup
    before = _state(drafts)
    target = target.replace("./drafts/..", str(drafts.parent / "drafts" / ".."))
    run = run_audited(env, "--format", fmt, "--output", target, "letter.txt", cwd=drafts)
    assert run.code == 2
    assert run.stderr.strip().splitlines() == [
        f"letterlint: error: {target}: refusing to overwrite the letter being linted"
    ]
    _assert_untouched(run, drafts, before)


def test_output_refuses_a_letter_found_in_a_folder(setup: tuple[dict[str, str], Path, Path]) -> None:
    env, drafts, _ = setup
    before = _state(drafts)
    run = run_audited(env, "--format", "json", "--output", "drafts/letter.txt", "drafts", cwd=drafts.parent)
    assert run.code == 2
    assert "refusing to overwrite the letter being linted" in run.stderr
    _assert_untouched(run, drafts, before)


def test_output_refuses_a_file_that_could_not_be_read(setup: tuple[dict[str, str], Path, Path]) -> None:
    """A binary file named by mistake is refused as input; -o must not then replace it."""
    env, drafts, _ = setup
    (drafts / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    before = _state(drafts)
    run = run_audited(env, "--format", "json", "-o", "scan.pdf", "scan.pdf", cwd=drafts)
    assert run.code == 2
    assert "refusing to overwrite" in run.stderr
    _assert_untouched(run, drafts, before)
