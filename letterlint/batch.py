"""Many letters in one call: linted here, or by a pool of worker processes (`--jobs N`).

On Linux the workers are forked after the parent has loaded the rules and warmed the NLP
models, so each starts ready instead of paying the ~0.3 s start-up again; elsewhere they
are spawned and load the engine themselves. Each letter goes through the CLI's own
`_lint_one` (read, lint, turn failures into that file's error); standard input is read and
linted by the parent. Results come back in input order, so the report is the same whatever
N is (messages on stderr about single files may interleave differently).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from letterlint.engine import Engine, Selection
from letterlint.report import FileError, Item

LETTERS_PER_WORKER = 8  # below this, starting a worker costs more than it saves
_WARM_UP = "Dear Sam,\n\nI miss our walks and I’m counselling myself. We were good together.\n\nLove,\nJo\n"


@dataclass(frozen=True)
class Job:
    name: str  # as the user wrote it; "-" for stdin
    path: Path | None  # None: standard input
    selection: Selection
    error: str | None = None  # why it cannot be linted (from expand_paths)


@dataclass(frozen=True)
class Settings:
    profile: str
    encoding: str | None
    rule_dirs: tuple[Path, ...]
    debug: bool


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_jobs(engine: Engine, jobs: Sequence[Job], settings: Settings, workers: int) -> list[Item]:
    """Lint every job, in order, with up to `workers` processes."""
    results: list[Item | None] = [None] * len(jobs)
    pooled: list[int] = []
    for i, job in enumerate(jobs):
        if job.path is None or job.error:  # stdin and known errors: here, at once
            results[i] = lint_one(engine, job, settings)
        else:
            pooled.append(i)
    workers = min(workers, len(pooled) // LETTERS_PER_WORKER)
    if workers < 2:
        for i in pooled:
            results[i] = lint_one(engine, jobs[i], settings)
    else:
        done = _in_pool(engine, [jobs[i] for i in pooled], settings, workers)
        for i, item in zip(pooled, done, strict=True):
            results[i] = item
    return [item for item in results if item is not None]


def lint_one(engine: Engine, job: Job, settings: Settings) -> Item:
    from letterlint.cli import _lint_one

    if job.error:
        return FileError(job.name, job.error)
    return _lint_one(
        engine, job.name, job.path, settings.encoding, settings.profile, job.selection, settings.debug
    )


def _in_pool(engine: Engine, jobs: list[Job], settings: Settings, workers: int) -> list[Item]:
    from concurrent.futures import ProcessPoolExecutor  # not imported for a single letter

    global _ENGINE, _SETTINGS
    _ENGINE, _SETTINGS = engine, settings
    context = _context()
    if context.get_start_method() == "fork":
        engine.lint(_WARM_UP)  # load VADER, textstat and pyphen once, before forking
    chunk = max(1, len(jobs) // (workers * 8))
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings, os.getpid())
    )
    with pool:
        return list(pool.map(_work, jobs, chunksize=chunk))


# -- in the workers -----------------------------------------------------------------

_ENGINE: Engine | None = None  # inherited when forked, loaded by _start_worker when spawned
_SETTINGS: Settings | None = None


def _context() -> Any:
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to end this worker when the parent process ends (Linux), so that a
    killed `letterlint --jobs N` leaves no orphans behind."""
    import signal

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _start_worker(settings: Settings, parent: int) -> None:
    global _ENGINE, _SETTINGS
    _die_with_parent(parent)
    _SETTINGS = settings
    if _ENGINE is None:
        _ENGINE = Engine.load(list(settings.rule_dirs), debug=settings.debug)


def _work(job: Job) -> Item:
    assert _ENGINE is not None and _SETTINGS is not None
    return lint_one(_ENGINE, job, _SETTINGS)
