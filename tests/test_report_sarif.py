"""`--format sarif`: SARIF 2.1.0 that agrees with the JSON report."""

from __future__ import annotations

import json

import jsonschema

from tests.conftest import decoded

# The parts of the SARIF 2.1.0 schema (OASIS) that letterlint's output uses, written out here
# because the tests run offline: required members, enums and types.
_MESSAGE = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string", "minLength": 1}},
}
_REGION = {
    "type": "object",
    "required": ["startLine", "startColumn", "endLine", "endColumn"],
    "properties": {
        k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")
    }
    | {"charOffset": {"type": "integer", "minimum": 0}, "charLength": {"type": "integer", "minimum": 0}},
}
_LOCATION = {
    "type": "object",
    "required": ["physicalLocation"],
    "properties": {
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation"],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "required": ["uri"],
                    "properties": {"uri": {"type": "string"}},
                },
                "region": _REGION,
            },
        }
    },
}
SCHEMA = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "shortDescription": _MESSAGE,
                                                "fullDescription": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {
                                                        "level": {
                                                            "enum": ["none", "note", "warning", "error"]
                                                        }
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": -1},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": _MESSAGE,
                                "locations": {"type": "array", "items": _LOCATION},
                            },
                        },
                    },
                    "invocations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["executionSuccessful"],
                            "properties": {
                                "executionSuccessful": {"type": "boolean"},
                                "toolExecutionNotifications": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["message"],
                                        "properties": {"message": _MESSAGE},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_matches_the_json_report(run_cli) -> None:
    files = ("examples/desperate.txt", "examples/blaming.txt", "examples/strong.txt")
    sarif_proc = run_cli("--format", "sarif", *files)
    json_proc = run_cli("--format", "json", *files)
    assert sarif_proc.returncode == json_proc.returncode == 1
    sarif = json.loads(decoded(sarif_proc)[0])
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    expected = [
        (
            f["path"],
            x["rule"],
            x["severity"],
            x["line"],
            x["column"],
            x["end_line"],
            x["end_column"],
            x["excerpt"],
        )
        for f in json.loads(decoded(json_proc)[0])["files"]
        for x in f["findings"]
    ]
    level = {"error": "error", "warning": "warning", "info": "note"}
    got = []
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        reg = loc["region"]
        got.append(
            (
                loc["artifactLocation"]["uri"],
                r["ruleId"],
                next(k for k, v in level.items() if v == r["level"]),
                reg["startLine"],
                reg["startColumn"],
                reg["endLine"],
                reg["endColumn"],
                reg.get("snippet", {}).get("text", ""),
            )
        )
    assert got == expected
    begging = next(r for r in run["results"] if r["ruleId"] == "desperation/begging")
    assert "Try: " in begging["message"]["text"] and begging["properties"]["suggestion"]


def test_sarif_reports_unreadable_files_as_notifications(run_cli, tmp_path) -> None:
    odd = tmp_path / "my letter #1.txt"
    odd.write_text("Dear Sam,\nI can't live without you.\n\nLove,\nJo", encoding="utf-8")
    proc = run_cli("--format", "sarif", str(odd), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    run = json.loads(decoded(proc)[0])["runs"][0]
    jsonschema.validate({"version": "2.1.0", "runs": [run]}, SCHEMA)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "missing.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {str(odd).replace(" ", "%20").replace("#", "%23")}
