"""A profile's `quiet` list: rules a kind of letter does not run, never the crisis rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from letterlint import default_engine
from letterlint.engine import Engine
from letterlint.rulepack import RuleError

PINING = "Dear Sam,\n\nI'll wait for you forever, however long it takes.\n\nLove,\nJo\n"


def test_general_letters_do_not_run_the_pining_rule() -> None:
    engine = default_engine()
    reconcile = {f.rule for f in engine.lint(PINING, profile="reconcile").findings}
    general = {f.rule for f in engine.lint(PINING, profile="general").findings}
    assert "desperation/pining" in reconcile
    assert "desperation/pining" not in general


def test_the_crisis_rule_still_runs_in_a_general_letter() -> None:
    text = "Dear Mum,\n\nI want to kill myself and I have the pills ready.\n\nLove,\nJo\n"
    found = {f.rule for f in default_engine().lint(text, profile="general").findings}
    assert "desperation/self-harm" in found


def _profile_folder(tmp_path: Path, quiet: str) -> Path:
    folder = tmp_path / "rules"
    (folder / "profiles").mkdir(parents=True)
    (folder / "profiles" / "note.toml").write_text(
        f'[profile]\nname = "note"\nsections = ["greeting"]\nquiet = [{quiet}]\n', encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("quiet", "why"),
    [('"desperation/self-harm"', "a crisis rule always runs"), ('"desperation/nope"', "unknown rule")],
)
def test_a_profile_cannot_quiet_the_crisis_rule_or_an_unknown_one(
    tmp_path: Path, quiet: str, why: str
) -> None:
    with pytest.raises(RuleError, match=why) as raised:
        Engine.load([_profile_folder(tmp_path, quiet)])
    assert "note.toml:4" in str(raised.value)


def test_a_user_profile_may_quiet_a_rule(tmp_path: Path) -> None:
    engine = Engine.load([_profile_folder(tmp_path, '"desperation/pining"')])
    assert "desperation/pining" not in {f.rule for f in engine.lint(PINING, profile="note").findings}
