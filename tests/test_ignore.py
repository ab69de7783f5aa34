"""The ignore list: `letterlint ignore`, fingerprints that survive edits elsewhere, CLI honouring it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letterlint import ignores
from letterlint.model import Span

LETTER = (
    "Dear Sam,\n\n"
    "I still laugh about the night we got lost looking for that pizza place. "
    "I'm begging you to read this to the end.\n\n"
    "Since spring I've been seeing a counsellor. I'm sorry I shut you out; that was my part. "
    "I'm begging you, please give us one more try.\n\n"
    "I hope to hear from you whenever you're ready.\n\n"
    "Love,\nJo\n"
)


def findings(run_cli, folder: Path, *names: str) -> list[dict]:
    proc = run_cli("--format", "json", "--fail-on", "never", *names, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return [f for file in json.loads(proc.stdout)["files"] for f in file["findings"]]


def begging_lines(run_cli, folder: Path, name: str = "sam.txt") -> list[int]:
    return [f["line"] for f in findings(run_cli, folder, name) if f["rule"] == "desperation/begging"]


def test_fingerprint_survives_edits_elsewhere_and_lapses_when_the_passage_changes() -> None:
    text = "We were happy. I'm begging you to call me soon. The garden is lovely."
    start = text.index("I'm begging")
    span = Span(start, start + len("I'm begging"))
    print_ = ignores.fingerprint(text, span)
    edited = "Hello there, friend. " + text.replace("The garden is lovely.", "The roses are out.")
    moved = Span(span.start + 21, span.end + 21)
    assert ignores.fingerprint(edited, moved) == print_
    curly = text.replace("I'm", "I’M")
    assert ignores.fingerprint(curly, span) == print_  # apostrophe style and case do not matter
    changed = text.replace("to call me", "to phone me")
    assert ignores.fingerprint(changed, span) != print_
    assert ignores.fingerprint(text, span, whole_letter=True) == ignores.fingerprint(
        changed, Span(0, 3), whole_letter=True
    )


def test_cli_ignore_one_occurrence(run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "sam.txt"
    letter.write_text(LETTER, encoding="utf-8")
    before = letter.read_bytes()
    assert begging_lines(run_cli, tmp_path) == [3, 5]

    col = LETTER.split("\n")[4].index("I'm begging") + 1
    proc = run_cli("ignore", f"sam.txt:5:{col + 4}", "desperation/begging", cwd=tmp_path)  # inside the span
    assert proc.returncode == 0, proc.stderr
    assert f"ignoring desperation/begging at sam.txt:5:{col} " in proc.stdout.decode()
    assert begging_lines(run_cli, tmp_path) == [3]
    assert letter.read_bytes() == before  # the letter is never written

    # An edit elsewhere (a new paragraph above) keeps the occurrence ignored.
    letter.write_text(
        LETTER.replace("Dear Sam,\n\n", "Dear Sam,\n\nIt's been a while.\n\n"), encoding="utf-8"
    )
    assert begging_lines(run_cli, tmp_path) == [5]
    # Punctuation is not part of the fingerprint; the words and their neighbours are.
    letter.write_text(LETTER.replace("please give us", "please, give us"), encoding="utf-8")
    assert begging_lines(run_cli, tmp_path) == [3]
    letter.write_text(LETTER.replace("please give us", "please let us"), encoding="utf-8")
    assert begging_lines(run_cli, tmp_path) == [3, 5]


def test_cli_ignore_by_line_short_name_and_score(run_cli, tmp_path: Path) -> None:
    (tmp_path / "sam.txt").write_text(LETTER, encoding="utf-8")
    proc = run_cli("--format", "json", "--fail-on", "never", "sam.txt", cwd=tmp_path)
    score = json.loads(proc.stdout)["files"][0]["score"]
    assert run_cli("ignore", "sam.txt:3", "begging", cwd=tmp_path).returncode == 0
    assert run_cli("ignore", "sam.txt:5", "begging", cwd=tmp_path).returncode == 0
    proc = run_cli("--format", "json", "--fail-on", "never", "sam.txt", cwd=tmp_path)
    report = json.loads(proc.stdout)["files"][0]
    assert all(f["rule"] != "desperation/begging" for f in report["findings"])
    assert report["score"] > score  # ignored findings no longer cost points


def test_cli_disable_rule_or_family_for_one_file(run_cli, tmp_path: Path) -> None:
    (tmp_path / "sam.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "other.txt").write_text(LETTER, encoding="utf-8")
    proc = run_cli("ignore", "sam.txt", "desperation", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    listing = (tmp_path / ".letterlint-ignore.toml").read_text(encoding="utf-8")
    assert '[[disable]]\nfile = "sam.txt"\nrule = "desperation"' in listing
    assert begging_lines(run_cli, tmp_path) == []
    assert begging_lines(run_cli, tmp_path, "other.txt") == [3, 5]  # other letters are untouched


def test_ignore_file_lives_beside_the_config(run_cli, tmp_path: Path) -> None:
    (tmp_path / ".letterlint.toml").write_text('profile = "reconcile"\n', encoding="utf-8")
    drafts_dir = tmp_path / "drafts" / "june"
    drafts_dir.mkdir(parents=True)
    (drafts_dir / "sam.txt").write_text(LETTER, encoding="utf-8")
    proc = run_cli("ignore", "drafts/june/sam.txt:3", "desperation/begging", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    listing = tmp_path / ".letterlint-ignore.toml"
    assert 'file = "drafts/june/sam.txt"' in listing.read_text(encoding="utf-8")
    assert not (drafts_dir / ".letterlint-ignore.toml").exists()
    # Linting from inside the folder finds the same list upward.
    assert begging_lines(run_cli, drafts_dir) == [5]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("sam.txt:1:1", "desperation/begging"), "no desperation/begging finding at sam.txt:1:1"),
        (("sam.txt:3:1", "desperation/nope"), "unknown rule 'desperation/nope'"),
        (("missing.txt:3", "desperation/begging"), "missing.txt: no such file"),
        (("sam.txt:3",), "required"),
    ],
)
def test_cli_ignore_errors_are_one_line(run_cli, tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    (tmp_path / "sam.txt").write_text(LETTER, encoding="utf-8")
    proc = run_cli("ignore", *args, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / ".letterlint-ignore.toml").exists()


def test_a_broken_ignore_list_is_a_config_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "sam.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / ".letterlint-ignore.toml").write_text(
        '[[ignore]]\nfile = "sam.txt"\nrule = "desperation/begging"\n', encoding="utf-8"
    )
    proc = run_cli("sam.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert ".letterlint-ignore.toml:3: each [[ignore]] entry needs 'fingerprint'" in err
    assert err.count("\n") == 1


def test_add_is_idempotent_and_keeps_hand_written_comments(tmp_path: Path) -> None:
    letter = tmp_path / "sam.txt"
    letter.write_text(LETTER, encoding="utf-8")
    listing = tmp_path / ignores.IGNORE_NAME
    listing.write_text("# kept by hand: the begging line is a joke between us\n", encoding="utf-8")
    ignores.add(letter, "desperation/begging", "0123456789ab", 'I\'m "begging"')
    ignores.add(letter, "desperation/begging", "0123456789ab", 'I\'m "begging"')
    text = listing.read_text(encoding="utf-8")
    assert text.startswith("# kept by hand")
    assert text.count("[[ignore]]") == 1
    (entry,) = ignores.load(listing).entries
    assert entry == ignores.Entry("sam.txt", "desperation/begging", "0123456789ab")
    assert 'excerpt = "I\'m \\"begging\\""' in text
