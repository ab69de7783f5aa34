"""`--format sarif`: SARIF 2.1.0, for code-scanning dashboards and editors that collect diagnostics.

Columns are code points, as in the JSON report, and the run says so (`columnKind`), so a
consumer that counts UTF-16 units converts them itself. A suggested wording is advice, not an
exact replacement, so it travels in the message and in `properties`, not as a SARIF `fix`.
"""

from __future__ import annotations

import json
from typing import Any

from letterlint import __version__
from letterlint.model import FileError, Finding, Item, LintResult, Severity
from letterlint.report import view as v
from letterlint.report.options import ReportOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"  # an identifier only; never fetched
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    """A relative URI reference for a path as given on the command line."""
    from urllib.parse import quote

    if path == "-":
        return "stdin"
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _rule_entry(rule_id: str, finding: Finding, result: LintResult) -> dict[str, Any]:
    about = result.rules.get(rule_id)
    entry: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id.split("/", 1)[-1],
        "shortDescription": {"text": v.one_line(v.rule_summary(finding, result))},
        "defaultConfiguration": {"level": LEVEL[about.severity if about else finding.severity]},
        "properties": {"family": finding.family},
    }
    if about is not None:
        entry["fullDescription"] = {"text": v.one_line(about.rationale or finding.message)}
        entry["help"] = {
            "text": f"Run `letterlint explain {rule_id}` for why this matters and how to fix it."
        }
    return entry


def _result(item: LintResult, f: Finding, rule_index: int) -> dict[str, Any]:
    message = v.one_line(f.message)
    if f.crisis and f.note:  # the support note first
        message = f"{v.one_line(f.note)} {message}"
    if f.suggestion:
        message += f" Try: {v.one_line(f.suggestion)}"
    region: dict[str, Any] = {
        "startLine": f.start.line,
        "startColumn": f.start.column,
        "endLine": f.end.line,
        "endColumn": f.end.column,
        "charOffset": f.span.start,
        "charLength": f.span.end - f.span.start,
    }
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(item.path)}, "region": region}}],
        "properties": {"family": f.family, "severity": f.severity.label},
    }
    if f.suggestion:
        result["properties"]["suggestion"] = f.suggestion
    if f.note:
        result["properties"]["note"] = f.note
    if f.crisis:
        result["properties"]["crisis"] = True
    return result


def as_data(items: list[Item], options: ReportOptions) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, FileError):
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{item.path}: {item.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(item.path)}}}],
                }
            )
            continue
        support = item.support()
        properties: dict[str, Any] = {"support": support} if support else {}
        properties.update(profile=item.profile, score=item.score, sections=dict(item.sections))
        artifacts.append({"location": {"uri": uri(item.path)}, "properties": properties})
        for f in v.crisis_first(item.findings):
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_rule_entry(f.rule, f, item))
            results.append(_result(item, f, index[f.rule]))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "letterlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/letterlint/",
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(items: list[Item], options: ReportOptions) -> str:
    return json.dumps(as_data(items, options), indent=2, ensure_ascii=False) + "\n"
