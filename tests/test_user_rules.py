"""User rule packs: every mistake is one clear line naming the file and the line, exit 2;
a pattern that backtracks catastrophically is stopped, reported, and the run finishes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import decoded, one_line_error

LETTER = "Dear Sam,\nI can't live without you. It's been 43 days.\n\nLove,\nJo\n"

GOOD = """\
[[rule]]
id = "desperation/counting-days"
severity = "warning"
message = "Counting the days tells the reader you are waiting on them."
patterns = ["it(?:'s| has) been {number} days"]
"""


def _rule(**fields: str) -> str:
    """A [[rule]] table: the good rule with some lines replaced (value None drops one)."""
    lines = {
        "id": '"desperation/counting-days"',
        "severity": '"warning"',
        "message": '"Counting the days."',
        "patterns": '["it(?:\'s| has) been {number} days"]',
    }
    lines.update(fields)
    return "[[rule]]\n" + "".join(f"{k} = {v}\n" for k, v in lines.items() if v != "None")


def _lint(run_cli, folder: Path, pack: str, name: str = "mine.toml", *args: str):  # type: ignore[no-untyped-def]
    (folder / "rules").mkdir(exist_ok=True)
    (folder / "rules" / name).write_text(pack, encoding="utf-8")
    (folder / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (folder / "letter.txt").write_text(LETTER)
    return run_cli("--format", "json", *args, "letter.txt", cwd=folder)


# (pack text, expected line, expected words in the message)
BAD_PACKS = {
    "malformed TOML": ("[[rule]]\nid = 'desperation/x'\nmessage = \"unclosed\n", 3, "invalid TOML"),
    "unknown key": (_rule(colour='"red"'), 6, "unknown key(s) colour"),
    "wrong type": (_rule(severity="3"), 3, "'severity' must be a string"),
    "wrong list type": (_rule(patterns="[1, 2]"), 5, "'patterns' must be a string or a list of strings"),
    "bad number": (_rule(max_per_letter='"five"'), 6, "'max_per_letter' must be a whole number"),
    "unknown severity": (_rule(severity='"fatal"'), 3, "unknown severity 'fatal'"),
    "unknown family": (_rule(id='"romance/x"'), 2, "unknown family 'romance'"),
    "family and id disagree": (_rule(family='"clarity"'), 2, "id must start with its family"),
    "unknown check kind": (_rule(kind='"vibes"'), 6, "unknown check kind 'vibes'"),
    "unknown metric": (_rule(kind='"metric"', metric='"syllables"'), 7, "unknown metric 'syllables'"),
    "unknown detect": (_rule(kind='"closing"', detect='"sad"', patterns="None"), 6, "unknown detect 'sad'"),
    "pattern does not compile": (_rule(patterns='["(unclosed"]'), 5, "pattern '(unclosed' does not compile"),
    "unknown macro": (_rule(patterns='["{nope} days"]'), 5, "unknown macro {nope}"),
    "unless does not compile": (_rule(unless='["[z-a]"]'), 6, "pattern '[z-a]' does not compile"),
    "no id": (_rule(id="None"), 1, "every rule needs an id"),
    "unless_paragraph without looser cues": (
        '[[rule]]\nid = "missing-section/promise"\nkind = "section"\nseverity = "info"\n'
        'message = "No promise."\nmatch = ["I will"]\nunless_paragraph = ["anything you want"]\n',
        7,
        "'unless_paragraph' voids only",
    ),
    "bad id name": (_rule(id='"desperation/Counting Days"'), 2, "lowercase letters, digits and hyphens"),
    "no message": (_rule(message="None"), 1, "needs a message"),
    "not a table": ("rule = [1, 2]\n", 1, "[[rule]] tables"),
    "unknown top-level key": (GOOD + "\n[rulez]\n", 7, "unknown top-level key(s) rulez"),
    "duplicate id in one pack": (GOOD + "\n" + GOOD, 8, "duplicate rule id desperation/counting-days"),
    "duplicate of a built-in id": (GOOD.replace("counting-days", "begging"), 2,
                                   "duplicate rule id desperation/begging (also in"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_PACKS, ids=list(BAD_PACKS))
def test_bad_pack_is_one_line_with_file_and_line(run_cli, tmp_path: Path, case: str) -> None:
    pack, line, words = BAD_PACKS[case]
    message = one_line_error(_lint(run_cli, tmp_path, pack))
    assert message.startswith(f"{tmp_path / 'rules' / 'mine.toml'}:{line}"), message
    assert words in message


def test_pack_that_is_not_utf8(run_cli, tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "latin.toml").write_bytes(GOOD.replace("Counting", "Compt\xe9").encode("latin-1"))
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("letter.txt", cwd=tmp_path))
    assert "latin.toml: not valid UTF-8" in message


def test_profile_with_unknown_section(run_cli, tmp_path: Path) -> None:
    (tmp_path / "rules" / "profiles").mkdir(parents=True)
    (tmp_path / "rules" / "profiles" / "mine.toml").write_text(
        '[profile]\nname = "mine"\ndescription = "x"\nsections = ["greeting", "flowers"]\n'
    )
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("--profile", "mine", "letter.txt", cwd=tmp_path))
    assert message.startswith(f"{tmp_path / 'rules' / 'profiles' / 'mine.toml'}:4: ")
    assert "unknown section 'flowers'" in message


def test_profile_with_bad_threshold(run_cli, tmp_path: Path) -> None:
    (tmp_path / "rules" / "profiles").mkdir(parents=True)
    (tmp_path / "rules" / "profiles" / "mine.toml").write_text(
        '[profile]\nname = "mine"\nsections = []\n\n[thresholds]\nmax_words = 300\nlong_sentence = "long"\n'
    )
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    message = one_line_error(run_cli("--profile", "mine", "letter.txt", cwd=tmp_path))
    assert message.startswith(f"{tmp_path / 'rules' / 'profiles' / 'mine.toml'}:7: ")


def test_good_pack_fires_at_the_right_place(run_cli, tmp_path: Path) -> None:
    proc = _lint(run_cli, tmp_path, GOOD)
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    (finding,) = [
        f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "desperation/counting-days"
    ]
    assert (finding["line"], finding["column"], finding["excerpt"]) == (2, 27, "It's been 43 days")


def test_a_hyphenated_pattern_word_matches_the_hyphenated_word(run_cli, tmp_path: Path) -> None:
    """The letter's words split at a hyphen, and so do a pattern's: "it-is" is two words."""
    pack = _rule(patterns="None", match='["=it-is been"]')
    proc = _lint(run_cli, tmp_path, pack)
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    found = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "desperation/counting-days"]
    assert [f["excerpt"] for f in found] == ["It's been"]


CATASTROPHIC = """\
[[rule]]
id = "clarity/many-as"
severity = "info"
message = "Too many a's."
patterns = ["{pattern}"]
boundaries = false
"""


@pytest.mark.parametrize("pattern", ["(a|a)+$", "(a+)+$"])
def test_backtracking_pattern_cannot_hang_the_run(run_cli, tmp_path: Path, pattern: str) -> None:
    """`(a|a)+$` is exponential on "aaaa…!" even in the `regex` module: the time limit stops
    it and names the rule. `(a+)+$`, the textbook case, `regex` itself handles quickly."""
    (tmp_path / "second.txt").write_text(LETTER)
    pack = CATASTROPHIC.replace("{pattern}", pattern)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.toml").write_text(pack)
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "letter.txt").write_text(LETTER.replace("43 days.", "a" * 40 + "!"))
    proc = run_cli("--format", "json", "letter.txt", "second.txt", cwd=tmp_path)
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    first, second = json.loads(out)["files"]
    assert "desperation/cant-live-without" in {f["rule"] for f in first["findings"]}
    assert "desperation/cant-live-without" in {f["rule"] for f in second["findings"]}
    mine = [f for f in first["findings"] if f["rule"] == "clarity/many-as"]
    if pattern == "(a|a)+$":
        assert len(mine) == 1 and "took longer than" in mine[0]["message"]
        assert "letterlint: letter.txt: internal error in rule clarity/many-as: pattern of rule" in err
    else:
        assert mine == [] and err == ""


DEFER_CIRCLE = """\
[[rule]]
id = "weak-closing/counting-close"
kind = "closing"
detect = "phrases"
message = "The letter ends by counting days."
match = ["been # days"]
defer = ["weak-closing/waiting-close"]

[[rule]]
id = "weak-closing/waiting-close"
kind = "closing"
detect = "phrases"
message = "The letter ends waiting."
match = ["been # days"]
defer = ["weak-closing/counting-close"]
"""


def test_closing_rules_that_defer_to_each_other_still_finish(run_cli, tmp_path: Path) -> None:
    """A circle of `defer` cannot recurse for ever: a rule asked for while it runs has no
    findings yet, so one of the two names the sentence and the other leaves it."""
    proc = _lint(run_cli, tmp_path, DEFER_CIRCLE)
    out, err = decoded(proc)
    assert proc.returncode == 1, err
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert rules.count("weak-closing/counting-close") + rules.count("weak-closing/waiting-close") == 1
    assert "internal error" not in err


def test_a_rule_asked_for_while_it_runs_has_no_findings_yet() -> None:
    """The guard under `defer`: the second, re-entrant ask is answered at once, not re-run."""
    from letterlint import default_engine
    from letterlint.checks.base import Context
    from letterlint.document import Document

    engine = default_engine()
    rule = engine.ruleset.rules["weak-closing/fizzle"]
    runs: list[int] = []

    def runner(asked: object) -> list:  # type: ignore[type-arg]
        runs.append(1)
        return ["inner sees", *ctx.run_rule(rule)]  # type: ignore[list-item]

    ctx = Context(Document("Dear Sam,\n\nAnyway, whatever.\n"), engine.profile("reconcile"), engine.ruleset)
    ctx.runner = runner  # type: ignore[assignment]
    assert ctx.run_rule(rule) == ["inner sees"] and len(runs) == 1


def test_a_rule_that_fails_while_another_reads_it_fails_again_for_the_engine() -> None:
    """`findings_of` swallows the error for its reader; the engine must still see it."""
    from letterlint import default_engine
    from letterlint.checks.base import Context
    from letterlint.document import Document

    engine = default_engine()
    rule = engine.ruleset.rules["weak-closing/fizzle"]

    def runner(asked: object) -> list:  # type: ignore[type-arg]
        raise RuntimeError("broken rule")

    ctx = Context(Document("Dear Sam,\n\nAnyway, whatever.\n"), engine.profile("reconcile"), engine.ruleset)
    ctx.runner = runner  # type: ignore[assignment]
    assert ctx.findings_of(rule) == []
    with pytest.raises(RuntimeError):
        ctx.run_rule(rule)
