"""Batch linting from Python: letters and folders in, one result (or error) per letter out.

    from letterlint.batch import lint_paths
    for item in lint_paths(["drafts/"]):
        print(item.path, getattr(item, "score", item))

Each letter gets the settings the command line would give it (its own folder's config,
`per_file_ignores`, then the overrides), and many letters are linted in worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from letterlint.model import Item
from letterlint.reader import expand_paths
from letterlint.runner import Job, default_jobs, lint_jobs
from letterlint.settings import Overrides, resolve_settings


def lint_paths(
    paths: Iterable[str | Path], overrides: Overrides | None = None, jobs: int | None = None
) -> list[Item]:
    """Lint files and folders (folders: their letters, recursively), in order."""
    overrides = overrides or Overrides()
    planned: list[Job] = []
    for name, path, error in expand_paths([str(p) for p in paths if str(p) != "-"]):
        if error or path is None:
            planned.append(Job(name, path, error=error or "no file"))
            continue
        settings = resolve_settings(path, overrides)
        planned.append(
            Job(
                name,
                path,
                settings.selection,
                profile=settings.profile,
                encoding=settings.encoding,
                rule_dirs=tuple(settings.config.rule_dirs),
            )
        )
    return lint_jobs(planned, jobs or default_jobs(), overrides.debug)
