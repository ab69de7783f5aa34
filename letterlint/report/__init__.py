"""Renderers: one function per output format, all reading the same LintResults."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from letterlint.model import LintResult

if TYPE_CHECKING:
    from letterlint.rulepack import RuleSet


@dataclass(frozen=True)
class FileError:
    """A file that could not be linted (missing, binary, undecodable...)."""

    path: str
    error: str


Item = LintResult | FileError


@dataclass(frozen=True)
class ReportOptions:
    color: bool = True
    width: int | None = None
    quiet: bool = False
    summary_only: bool = False
    terminal: bool = True  # False: plain, greppable text
    ruleset: RuleSet | None = None  # the rules in force: hints for missing parts, rule summaries


Renderer = Callable[[list[Item], ReportOptions], str]


def renderer(name: str) -> Renderer:
    if name == "json":
        from letterlint.report.json_report import render
    elif name == "gcc":
        from letterlint.report.gcc import render
    elif name == "rich":
        from letterlint.report.terminal import render
    elif name == "html":
        from letterlint.report.html import render
    elif name == "sarif":
        from letterlint.report.sarif import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render


FORMATS = ("rich", "json", "gcc", "sarif", "html")
