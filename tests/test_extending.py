"""Extending letterlint is a one-place change: a family is one `[family]` table in a pack, a
check kind is one module defining `KIND`. Nothing else in the code names either."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letterlint.checks import registry
from letterlint.engine import Engine
from tests.conftest import decoded

FAMILY_PACK = """\
[family]
name = "over-sharing"
title = "Too much, too soon"
short = "sharing"
style = "magenta"
order = 6

[[rule]]
id = "over-sharing/therapy-notes"
severity = "warning"
message = "What your counsellor said is yours; the reader may hear it as a case against them."
patterns = ["my (?:therapist|counsellor|counselor) (?:says|said|thinks)"]
fires = ["My counsellor says I was abandoned twice."]
allows = ["I have started seeing a counsellor."]
"""

LETTER = (
    "Dear Robin,\n\nMy therapist says I was never really listened to at home. "
    "I am sorry for the night of the party.\n\nTake care,\nAlex\n"
)


def test_a_new_family_is_one_table_in_a_pack(run_cli, tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "sharing.toml").write_text(FAMILY_PACK, encoding="utf-8")
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "letter.txt").write_text(LETTER)

    proc = run_cli("--format", "json", "letter.txt", cwd=tmp_path)
    out, err = decoded(proc)
    findings = json.loads(out)["files"][0]["findings"]
    ours = [f for f in findings if f["family"] == "over-sharing"]
    assert [f["rule"] for f in ours] == ["over-sharing/therapy-notes"], (out, err)
    assert ours[0]["excerpt"].startswith("My therapist says"), ours

    # The reports take the family's title from the table, with no code naming it.
    shown, _ = decoded(run_cli("--format", "html", "letter.txt", cwd=tmp_path))
    assert "Too much, too soon" in shown

    # The pack's own examples are run by check-rules (fires and allows).
    checked = run_cli("check-rules", "rules", cwd=tmp_path)
    assert checked.returncode == 0, decoded(checked)
    assert len(FAMILY_PACK.splitlines()) < 20  # the whole change: one short file


REPEAT_KIND = '''\
"""Check kind `repeat`: the same word written `times` times in a row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from letterlint.checks.kind import CheckKind
from letterlint.model import Span


@dataclass(frozen=True)
class RepeatRule:
    times: int


def parse(reader):
    return RepeatRule(reader.count("times", 3))


def run(rule, ctx, present):
    pattern = re.compile(r"\\b(\\w+)(?:[ ,]+\\1\\b){%d}" % (rule.spec.times - 1), re.IGNORECASE)
    for found in pattern.finditer(ctx.doc.text):
        yield ctx.finding(rule, Span(found.start(), found.end()))


KIND = CheckKind(name="repeat", keys=frozenset({"times"}), parse=parse, run=run)
'''

REPEAT_PACK = """\
[[rule]]
id = "desperation/echo"
kind = "repeat"
severity = "warning"
message = "Saying it three times does not make it land harder."
times = 3
"""


@pytest.fixture()
def extra_kind_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on letterlint.checks' search path, as if the module had been added there."""
    import letterlint.checks as package

    folder = tmp_path / "extra_checks"
    folder.mkdir()
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
    registry.kinds.cache_clear()
    yield folder
    registry.kinds.cache_clear()


def test_a_new_check_kind_is_one_module(extra_kind_folder: Path, tmp_path: Path) -> None:
    (extra_kind_folder / "repeat.py").write_text(REPEAT_KIND, encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "echo.toml").write_text(REPEAT_PACK, encoding="utf-8")

    assert "repeat" in registry.kinds()
    engine = Engine.load([rules])
    text = "Dear Sam,\n\nPlease, please, please call me tonight. I miss you.\n\nJo\n"
    found = [f for f in engine.lint(text).findings if f.rule == "desperation/echo"]
    assert [text[f.span.start : f.span.end] for f in found] == ["Please, please, please"]

    # Its own key is checked like every other kind's: a key it does not know is an error.
    (rules / "echo.toml").write_text(REPEAT_PACK + "colour = 'red'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        Engine.load([rules])


def test_without_the_module_the_kind_is_unknown(tmp_path: Path) -> None:
    registry.kinds.cache_clear()
    assert "repeat" not in registry.kinds()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "echo.toml").write_text(REPEAT_PACK, encoding="utf-8")
    with pytest.raises(ValueError, match="unknown check kind 'repeat'"):
        Engine.load([rules])
