"""A user can add rules and profiles as data, found through the config file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import decoded

PACK = """
[[rule]]
id = "desperation/counting-days"
severity = "warning"
summary = "Counting the days since the breakup."
message = "Counting the days tells the reader you are waiting on them."
suggestion = "It's been a while, and I've used the time well."
rationale = "Counting days reads as waiting."
patterns = ["it(?:'s| has) been {number} days"]
unless = ["since I (?:quit|stopped)"]
fires = ["It's been 43 days since you left."]
allows = ["It's been 43 days since I quit smoking."]
"""

PROFILE = """
[profile]
name = "thank-you"
description = "A thank-you note."
sections = ["greeting", "feelings", "sign-off"]

[thresholds]
max_words = 300
"""


def test_user_rule_and_profile(run_cli, tmp_path: Path) -> None:
    (tmp_path / "my-rules" / "profiles").mkdir(parents=True)
    (tmp_path / "my-rules" / "extra.toml").write_text(PACK)
    (tmp_path / "my-rules" / "profiles" / "thank-you.toml").write_text(PROFILE)
    (tmp_path / ".letterlint.toml").write_text('rules = ["my-rules"]\nprofile = "thank-you"\n')
    (tmp_path / "a.txt").write_text("Dear Sam,\n\nIt’s been forty days since you left.\n\nLove,\nJo\n")
    (tmp_path / "b.txt").write_text("Dear Sam,\n\nIt's been 43 days since I quit smoking.\n\nLove,\nJo\n")
    proc = run_cli("--format", "json", "--fail-on", "never", "a.txt", "b.txt", cwd=tmp_path)
    out, err = decoded(proc)
    assert proc.returncode == 0, err
    a, b = json.loads(out)["files"]
    assert a["profile"] == "thank-you"
    assert set(a["sections"]) == {"greeting", "feelings", "sign-off"}
    assert [f["rule"] for f in a["findings"] if f["family"] == "desperation"] == ["desperation/counting-days"]
    assert not [f for f in b["findings"] if f["rule"] == "desperation/counting-days"]
    listing, _ = decoded(run_cli("rules", cwd=tmp_path))
    assert "desperation/counting-days" in listing
    explained, _ = decoded(run_cli("explain", "desperation/counting-days", cwd=tmp_path))
    assert "Counting days reads as waiting." in explained


def test_rule_weight_replaces_severity_weight(tmp_path: Path) -> None:
    from letterlint.engine import Engine, Selection

    text = "Dear Sam,\n\nIt's been 43 days since you left.\n\nLove,\nJo\n"
    scores = {}
    for weight in ("0", "30"):
        folder = tmp_path / f"w{weight}"
        folder.mkdir()
        (folder / "extra.toml").write_text(
            PACK.replace('severity = "warning"', f'severity = "warning"\nweight = {weight}')
        )
        engine = Engine.load([folder])
        result = engine.lint(text, selection=Selection(select=("desperation/counting-days",)))
        assert [f.rule for f in result.findings] == ["desperation/counting-days"]
        scores[weight] = result.score
    # The weight is the whole difference (the letter's tone counts the same in both).
    assert scores["0"] - scores["30"] == 30 and scores["0"] >= 90
