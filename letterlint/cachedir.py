"""Where letterlint keeps its own caches of public data (never anything from a letter)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """`$LETTERLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/letterlint`, else `~/.cache/letterlint`."""
    explicit = os.environ.get("LETTERLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letterlint"
