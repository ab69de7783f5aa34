"""Where the built-in rule packs and lexicons live."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """Built-in packs: inside the wheel as letterlint/_rules, else the checkout's rules/."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def real(path: Path) -> Path:
    """The path with links resolved; a link loop (RuntimeError before Python 3.13, OSError
    after) falls back to the absolute path so that opening the letter reports the loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
