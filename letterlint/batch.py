"""Many letters in one call: linted here, or by a pool of worker processes (`--jobs N`).

On Linux the workers are forked after the parent has loaded the rules and warmed the NLP
models, so each starts ready instead of paying the ~0.3 s start-up again; elsewhere they
are spawned and load the engine themselves. Workers read the files (stdin is read by the
parent), and results come back in input order, so the report is the same whatever N is.
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
    path: Path | None  # None: `text` was read from stdin by the parent
    selection: Selection
    text: str | None = None
    skipped: str | None = None  # why the letter is not linted (from expand_paths)


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
    workers = min(workers, len(jobs) // LETTERS_PER_WORKER)
    if workers < 2:
        return [lint_one(engine, job, settings) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor  # not imported for a single letter

    global _ENGINE, _SETTINGS
    _ENGINE, _SETTINGS = engine, settings
    context = _context()
    if context.get_start_method() == "fork":
        engine.lint(_WARM_UP)  # load VADER, textstat and pyphen once, before forking
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        return list(pool.map(_work, jobs, chunksize=chunk))


def lint_one(engine: Engine, job: Job, settings: Settings) -> Item:
    from letterlint import drafts
    from letterlint.reader import InputError

    if job.skipped:
        return FileError(job.name, job.skipped)
    try:
        if job.path is None:
            draft = drafts.from_text(job.text or "", job.name)
        else:
            draft = drafts.read(job.path, job.name, settings.encoding)
    except InputError as exc:
        message = str(exc)
        return FileError(job.name, message.split(": ", 1)[-1] if ": " in message else message)
    # Markdown prose, Word paragraphs, inline disables and .letterlint-ignore.toml: see drafts.py
    return drafts.lint(engine, draft, profile=settings.profile, selection=job.selection).result


# -- in the workers -----------------------------------------------------------------

_ENGINE: Engine | None = None  # inherited when forked, loaded by _start_worker when spawned
_SETTINGS: Settings | None = None


def _context() -> Any:
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start_worker(settings: Settings) -> None:
    global _ENGINE, _SETTINGS
    _SETTINGS = settings
    if _ENGINE is None:
        _ENGINE = Engine.load(list(settings.rule_dirs), debug=settings.debug)


def _work(job: Job) -> Item:
    assert _ENGINE is not None and _SETTINGS is not None
    return lint_one(_ENGINE, job, _SETTINGS)
