"""The check-kind registry: every module of letterlint.checks that defines `KIND`.

Adding a check kind is adding one module here with a `KIND = CheckKind(...)`: its keys,
its typed rule record and its runner. Nothing else names the kinds.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from letterlint.checks.kind import CheckKind


@cache
def kinds() -> dict[str, CheckKind]:
    import letterlint.checks as package

    found: dict[str, CheckKind] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name in ("base", "kind", "registry"):
            continue
        module = importlib.import_module(f"letterlint.checks.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, CheckKind):
            found[kind.name] = kind
    return found
