"""Where letterlint keeps its own caches of public data (never anything from a letter).

The folder and its safety checks live in letterlint.usercache (a relative XDG_CACHE_HOME
is ignored; entries are signed)."""

from __future__ import annotations

from letterlint.usercache import cache_dir, safe_cache_dir

__all__ = ["cache_dir", "safe_cache_dir"]
