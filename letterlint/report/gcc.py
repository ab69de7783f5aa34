"""`--format gcc`: path:line:col: severity: message [rule], as Vim and Emacs parse it.

A crisis finding (the writer may be in danger) comes first, its support note leading its message.
"""

from __future__ import annotations

from letterlint.model import FileError, Item
from letterlint.report.options import ReportOptions


def render(items: list[Item], options: ReportOptions) -> str:
    lines: list[str] = []
    for item in items:
        if isinstance(item, FileError):
            lines.append(f"{item.path}:1:1: error: {item.error} [input]")
            continue
        crisis = [f for f in item.findings if f.crisis]
        for f in crisis + [f for f in item.findings if not f.crisis]:  # crisis findings lead
            message = " ".join(f.message.split())
            if f.crisis and f.note:  # the support note comes first, on the same line
                message = " ".join(f.note.split()) + " " + message
            lines.append(
                f"{item.path}:{f.start.line}:{f.start.column}: {f.severity.label}: {message} [{f.rule}]"
            )
    return "\n".join(lines) + ("\n" if lines else "")
