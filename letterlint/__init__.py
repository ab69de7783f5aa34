"""letterlint: a tone-checking linter for draft personal letters.

>>> from letterlint import lint_text
>>> result = lint_text("Dear Sam,\\nI can't live without you.\\n\\nLove,\\nJo")
>>> [f.rule for f in result.findings][:1]
['desperation/cant-live-without']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from letterlint.engine import Engine
    from letterlint.model import LintResult

_default_engine: Engine | None = None


def default_engine() -> Engine:
    """The built-in rules, loaded once per process."""
    global _default_engine
    if _default_engine is None:
        from letterlint.engine import Engine

        _default_engine = Engine.load()
    return _default_engine


def lint_text(
    text: str,
    profile: str = "reconcile",
    *,
    path: str = "<text>",
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> LintResult:
    """Lint one letter's text with the built-in rules."""
    from letterlint.engine import Selection

    return default_engine().lint(text, profile=profile, path=path, selection=Selection(select, ignore))


__all__ = ["__version__", "default_engine", "lint_text"]
