"""Rule and profile authoring mistakes are errors at file:line, not silent."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import one_line_error

PROFILE = """[profile]
name = "note"
sections = ["greeting", "sign-off"]

[thresholds]
max_words = 300
{extra}
"""
RULE = """[[rule]]
id = "clarity/too-many-names"
kind = "metric"
metric = "count"
patterns = ["Sam"]
threshold = "name_repeats"
message = "The name comes up a lot."
suggestion = "Use their name once or twice."
rationale = "Repeating a name sounds insistent."
{extra}
"""


def _pack(tmp_path: Path, profile_extra: str = "", rule: str | None = None) -> Path:
    folder = tmp_path / "mine"
    (folder / "profiles").mkdir(parents=True)
    (folder / "profiles" / "note.toml").write_text(PROFILE.format(extra=profile_extra), encoding="utf-8")
    if rule is not None:
        (folder / "names.toml").write_text(rule, encoding="utf-8")
    (tmp_path / ".letterlint.toml").write_text('rules = ["mine"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dear Sam,\n\nI hope you are well.\n\nBest,\nJo\n", encoding="utf-8")
    return folder


def test_unknown_threshold_is_an_error_at_its_line(tmp_path: Path, run_cli) -> None:
    folder = _pack(tmp_path, "max_word = 20")
    message = one_line_error(run_cli("a.txt", cwd=tmp_path))
    assert f"{folder / 'profiles' / 'note.toml'}:7: profile note: unknown threshold 'max_word'" in message


def test_rule_naming_a_missing_threshold_is_an_error(tmp_path: Path, run_cli) -> None:
    folder = _pack(tmp_path, rule=RULE.format(extra=""))
    message = one_line_error(run_cli("a.txt", cwd=tmp_path))
    assert (
        f"{folder / 'names.toml'}:6: rule clarity/too-many-names: threshold 'name_repeats' is not set"
        in message
    )


def test_hint_is_rejected(tmp_path: Path, run_cli) -> None:
    folder = _pack(
        tmp_path,
        rule=RULE.format(extra='hint = "unused"').replace('threshold = "name_repeats"', "threshold = 3"),
    )
    message = one_line_error(run_cli("a.txt", cwd=tmp_path))
    assert f"{folder / 'names.toml'}:" in message and "unknown key(s) hint" in message
