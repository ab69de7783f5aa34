"""`--format json`: the contract of DESIGN.md, one object for the whole run."""

from __future__ import annotations

import json
from typing import Any

from letterlint import __version__
from letterlint.model import FileError, Item
from letterlint.report.options import ReportOptions


def as_data(items: list[Item]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, FileError):
            files.append({"path": item.path, "error": item.error, "findings": []})
        else:
            files.append(item.to_json())
    return {"letterlint": __version__, "files": files}


def render(items: list[Item], options: ReportOptions) -> str:
    return json.dumps(as_data(items), indent=2, ensure_ascii=False) + "\n"
