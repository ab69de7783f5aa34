"""Renderers: one function per output format. They render `LintResult`s (and the errors of
files that could not be read) and nothing else: no rule packs, no re-reading of the letter."""

from __future__ import annotations

from letterlint.model import FileError, Item
from letterlint.report.options import Renderer, ReportOptions


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

__all__ = ["FORMATS", "FileError", "Item", "Renderer", "ReportOptions", "renderer"]
