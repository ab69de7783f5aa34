"""`letterlint check-rules`: the examples of any pack, a user's included, with failures at file:line."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import decoded

PACK = """[[rule]]
id = "desperation/midnight-texts"
severity = "warning"
summary = "Texting late at night."
message = "Messages sent late at night read as restless."
suggestion = "I'll write when I've slept on it."
patterns = ["texting you at midnight"]
fires = ["I keep texting you at midnight.", "I keep messaging you at 3am."]
allows = ["I stopped texting you at midnight."]
"""


def test_a_failing_example_is_reported_at_its_line(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "late.toml").write_text(PACK, encoding="utf-8")
    proc = run_cli("check-rules", str(folder))
    out, err = decoded(proc)
    assert proc.returncode == 1, (out, err)
    lines = out.splitlines()
    where = f"{folder / 'late.toml'}:8"
    assert (
        lines[0] == f"{where}: desperation/midnight-texts: should flag “I keep messaging you at 3am.” (fires)"
    )
    assert "I stopped texting" not in out  # the allows example passes
    assert lines[-1].endswith("1 failed")


def test_a_passing_pack_and_the_built_ins_exit_0(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    folder.mkdir()
    (folder / "late.toml").write_text(PACK.replace(', "I keep messaging you at 3am."', ""), encoding="utf-8")
    proc = run_cli("check-rules", str(folder / "late.toml"))
    assert proc.returncode == 0, decoded(proc)
    assert decoded(proc)[0].strip().endswith("all passed")
    builtins = run_cli("check-rules")
    assert builtins.returncode == 0 and "all passed" in decoded(builtins)[0]


def test_a_user_pack_named_in_the_config_is_checked(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "late.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".letterlint.toml").write_text('rules = ["my-rules"]\n', encoding="utf-8")
    proc = run_cli("check-rules", cwd=tmp_path)
    assert proc.returncode == 1 and "midnight-texts" in decoded(proc)[0]
