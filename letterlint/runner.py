"""Lint letters on disk (or standard input): one at a time, or many in worker processes.

Shared by every front end that lints files. Each letter carries its own settings (from
`letterlint.settings.resolve_settings`), so letters under different configs can be linted
in one call. On Linux the workers are forked after the parent has loaded the rules and
warmed the NLP models, so each starts ready instead of paying the ~0.3 s start-up again;
elsewhere they are spawned and load the engine themselves. Results come back in input
order, so the report is the same whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from letterlint.engine import Selection
from letterlint.model import FileError, Item

LETTERS_PER_WORKER = 8  # below this, starting a worker costs more than it saves
# From this much text on, building the first-word indexes (about a second, once) costs less
# than it saves: a 100 KB letter lints in 0.6 s with them and 1.5 s without.
INDEX_FROM_BYTES = 150_000
_WARM_UP = "Dear Sam,\n\nI miss our walks and I’m counselling myself. We were good together.\n\nLove,\nJo\n"


@dataclass(frozen=True)
class Job:
    name: str  # as the user wrote it; "-" for stdin
    path: Path | None  # None: standard input
    selection: Selection = field(default_factory=Selection)
    error: str | None = None  # why it cannot be linted (from expand_paths)
    profile: str = "reconcile"
    encoding: str | None = None
    rule_dirs: tuple[Path, ...] = ()
    kind_name: str | None = None  # decides text/Markdown when `name` cannot (stdin)
    stdin_text: str | None = None  # standard input, already read


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_jobs(jobs: Sequence[Job], workers: int = 1, debug: bool = False) -> list[Item]:
    """Lint every job, in order, with up to `workers` processes."""
    results: list[Item | None] = [None] * len(jobs)
    if _text_size(jobs) >= INDEX_FROM_BYTES:
        from letterlint.engine import prepare_for_many_lints

        prepare_for_many_lints()  # each engine builds its indexes on its first lint
    pooled: list[int] = []
    for i, job in enumerate(jobs):
        if job.path is None or job.error:  # stdin and known errors: here, at once
            results[i] = lint_one(job, debug)
        else:
            pooled.append(i)
    workers = min(workers, len(pooled) // LETTERS_PER_WORKER)
    if workers < 2:
        for i in pooled:
            results[i] = lint_one(jobs[i], debug)
    else:
        done = _in_pool([jobs[i] for i in pooled], workers, debug)
        for i, item in zip(pooled, done, strict=True):
            results[i] = item
    return [item for item in results if item is not None]


def _text_size(jobs: Sequence[Job]) -> int:
    """About how much text the jobs hold: file sizes on disk, standard input as read."""
    total = 0
    for job in jobs:
        if job.stdin_text is not None:
            total += len(job.stdin_text)
        elif job.path is not None and not job.error:
            with contextlib.suppress(OSError):  # reported when the file is read
                total += job.path.stat().st_size
    return total


def lint_one(job: Job, debug: bool = False) -> Item:
    """One letter: read it and lint it. Any failure becomes that file's error, so a run
    over many letters goes on with the next one."""
    from letterlint import drafts
    from letterlint.reader import InputError, read_stdin
    from letterlint.settings import engine_for

    if job.error:
        return FileError(job.name, job.error)
    try:
        if job.path is None:
            text = job.stdin_text if job.stdin_text is not None else read_stdin(job.encoding)
            draft = drafts.from_text(text, job.name, kind=drafts.kind_for(job.kind_name or job.name))
        else:
            draft = drafts.read(job.path, job.name, job.encoding)
    except InputError as exc:
        message = str(exc)
        for prefix in (f"{job.path if job.path is not None else '-'}: ", f"{job.name}: "):
            message = message.removeprefix(prefix)
        return FileError(job.name, message)
    try:
        engine = engine_for(job.rule_dirs, debug)
        # Markdown prose, Word paragraphs, inline disables and .letterlint-ignore.toml: see drafts.py
        return drafts.lint(engine, draft, profile=job.profile, selection=job.selection).result
    except Exception as exc:  # a bug outside any one rule: lose this file, not the run
        if debug:
            traceback.print_exc()
        return FileError(job.name, f"internal error: {one_line(exc)} (run with --debug for details)")


def one_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _in_pool(jobs: list[Job], workers: int, debug: bool) -> list[Item]:
    from concurrent.futures import ProcessPoolExecutor  # not imported for a single letter

    from letterlint.settings import engine_for

    context = _context()
    if context.get_start_method() == "fork":
        for rule_dirs in {job.rule_dirs for job in jobs}:  # load rules and models once, before forking
            engine_for(rule_dirs, debug).lint(_WARM_UP)  # (and the indexes, if asked for above)
    chunk = max(1, len(jobs) // (workers * 8))
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(debug, os.getpid())
    )
    with pool:
        return list(pool.map(_work, jobs, chunksize=chunk))


# -- in the workers -----------------------------------------------------------------

_DEBUG = False


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


def _start_worker(debug: bool, parent: int) -> None:
    global _DEBUG
    _die_with_parent(parent)
    _DEBUG = debug


def _work(job: Job) -> Item:
    return lint_one(job, _DEBUG)
