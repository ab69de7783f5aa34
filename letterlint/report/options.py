"""How a report is drawn: shared by every renderer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from letterlint.model import Item


@dataclass(frozen=True)
class ReportOptions:
    color: bool = True
    width: int | None = None
    quiet: bool = False  # the findings and nothing else (the data formats ignore it)
    summary_only: bool = False
    terminal: bool = True  # False: plain, greppable text


Renderer = Callable[[list[Item], ReportOptions], str]
