"""`--format gcc`: path:line:col: severity: message [rule], as Vim and Emacs parse it."""

from __future__ import annotations

from letterlint.model import FileError, Item
from letterlint.report.options import ReportOptions


def render(items: list[Item], options: ReportOptions) -> str:
    lines: list[str] = []
    for item in items:
        if isinstance(item, FileError):
            lines.append(f"{item.path}:1:1: error: {item.error} [input]")
            continue
        for f in item.findings:
            message = " ".join(f.message.split())
            lines.append(
                f"{item.path}:{f.start.line}:{f.start.column}: {f.severity.label}: {message} [{f.rule}]"
            )
    return "\n".join(lines) + ("\n" if lines else "")
