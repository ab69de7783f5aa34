"""--jobs: many letters in worker processes give the very report one process gives."""

from __future__ import annotations

import json
from pathlib import Path

from letterlint.engine import Selection
from letterlint.report import FileError
from letterlint.runner import LETTERS_PER_WORKER, Job, default_jobs, lint_jobs
from tests.conftest import EXAMPLES, ROOT, decoded

CORPUS = ROOT / "tests" / "corpus" / "letters"


def test_jobs_give_the_same_json_in_the_same_order(run_cli) -> None:
    args = ("--format", "json", "--fail-on", "never", str(EXAMPLES), str(CORPUS))
    one = run_cli("--jobs", "1", *args)
    two = run_cli("--jobs", "2", *args)
    assert one.returncode == two.returncode == 0
    first, second = json.loads(decoded(one)[0]), json.loads(decoded(two)[0])
    paths = [f["path"] for f in first["files"]]
    assert len(paths) > 2 * LETTERS_PER_WORKER  # enough letters for a real pool
    assert paths == sorted(paths, key=lambda p: (not p.startswith(str(EXAMPLES)), p))
    assert first == second


def test_errors_and_stdin_keep_their_place_among_workers(run_cli, tmp_path: Path) -> None:
    letters = sorted(CORPUS.glob("*.txt"))[: 2 * LETTERS_PER_WORKER + 3]
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    args = [
        "--format",
        "json",
        "--fail-on",
        "never",
        str(letters[0]),
        "-",
        str(binary),
        *map(str, letters[1:]),
    ]
    stdin = "Dear Sam,\n\nI can't live without you.\n\nLove,\nJo\n"
    one = run_cli("--jobs", "1", *args, input=stdin)
    two = run_cli("--jobs", "2", *args, input=stdin)
    assert one.returncode == two.returncode == 2  # the unreadable file
    first, second = json.loads(decoded(one)[0]), json.loads(decoded(two)[0])
    assert first == second
    files = second["files"]
    assert [f["path"] for f in files[:3]] == [str(letters[0]), "-", str(binary)]
    assert "desperation/cant-live-without" in {f["rule"] for f in files[1]["findings"]}
    assert "PNG" in files[2]["error"]
    assert decoded(two)[1].count("photo.txt") == 1  # reported once, by the parent


def test_jobs_must_be_positive(run_cli) -> None:
    proc = run_cli("--jobs", "0", "examples/strong.txt")
    _out, err = decoded(proc)
    assert proc.returncode == 2
    assert err.startswith("letterlint: error: --jobs must be 1 or more") and "Traceback" not in err


def test_lint_jobs_in_process_and_in_a_pool_agree() -> None:
    letters = sorted(CORPUS.glob("*.txt"))[: 3 * LETTERS_PER_WORKER]
    jobs = [Job(str(p), p, Selection()) for p in letters] + [
        Job("missing.txt", ROOT / "nope.txt", Selection())
    ]
    alone = lint_jobs(jobs, 1)
    pooled = lint_jobs(jobs, 3)
    assert [i.to_json() if not isinstance(i, FileError) else i for i in alone] == [
        i.to_json() if not isinstance(i, FileError) else i for i in pooled
    ]
    assert isinstance(pooled[-1], FileError) and "no such file" in pooled[-1].error


def test_default_jobs_is_the_usable_cores() -> None:
    assert default_jobs() >= 1
