"""Markdown drafts: only the prose is linted, and every position is the original file's."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from letterlint import default_engine, drafts
from letterlint.markdown import ALL, prose

DRAFT = """---
title: I'm begging you
tags: [letters]
---
# Dear **Zoë**,

I *can't live without you*, and I **still** laugh about the café.
See [my notes](https://example.com/im-begging-you "I'm begging you") and ![me](pic.png "lol u r").
Call <https://example.com/u-r> or `I'm begging you` any time.

```text
I'm begging you, please please
```

~~~
I can't live without you
~~~

    I'm begging you (indented code)

> I've been seeing a counsellor since spring.

- I'm sorry I shut you out.
- I'd like to try again, slowly.

<!-- I'm begging you -->
[ref]: https://example.com/im-begging-you

Love,
Jo
"""


def lint(text: str, name: str = "draft.md") -> list:
    draft = drafts.from_text(text, name)
    return drafts.lint(default_engine(), draft, profile="reconcile").result.findings


def test_prose_keeps_length_lines_and_offsets() -> None:
    out = prose(DRAFT).text
    assert len(out) == len(DRAFT)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(DRAFT) if c == "\n"]
    for i, (a, b) in enumerate(zip(out, DRAFT, strict=True)):
        assert a == b or a == " ", (i, a, b)


def test_non_prose_is_blanked_and_prose_kept() -> None:
    out = prose(DRAFT).text
    for gone in (
        "title:",
        "tags",
        "https://",
        "pic.png",
        "lol u r",
        "please please",
        "indented code",
        "[ref]",
    ):
        assert gone not in out, gone
    assert out.count("begging") == 0
    assert out.count("can't live without you") == 1  # the prose one; the ~~~ block is gone
    for kept in ("Dear", "Zoë", "still", "my notes", "counsellor", "I'm sorry I shut you out", "Love,", "Jo"):
        assert kept in out, kept
    assert "*" not in out and "#" not in out and ">" not in out and "`" not in out


def test_findings_point_into_the_original_file() -> None:
    findings = lint(DRAFT)
    rules = [f.rule for f in findings]
    assert "desperation/begging" not in rules  # only in front matter, code, links, comments
    (live,) = [f for f in findings if f.rule == "desperation/cant-live-without"]
    assert (live.start.line, live.start.column) == (7, 1)
    assert live.excerpt == "I *can't live without you"  # the writer's text, markup included
    assert DRAFT[live.span.start : live.span.end] == live.excerpt
    # The greeting behind '# ' and the sign-off are still found.
    assert "missing-section/greeting" not in rules
    assert "missing-section/sign-off" not in rules


def test_inline_disable_and_enable() -> None:
    text = (
        "Dear Sam,\n\n"
        "<!-- letterlint-disable desperation/begging -->\n"
        "I'm begging you to read this.\n"
        "<!-- letterlint-enable desperation/begging -->\n"
        "I'm begging you again.\n\n"
        "<!-- letterlint-disable desperation -->\n"
        "I can't live without you!!!\n"
        "<!-- letterlint-enable -->\n"
        "You're my whole world.\n\n"
        "Love,\nJo\n"
    )
    findings = lint(text)
    begging = [f.start.line for f in findings if f.rule == "desperation/begging"]
    assert begging == [6]
    desperation = {(f.rule, f.start.line) for f in findings if f.family == "desperation"}
    assert ("desperation/cant-live-without", 9) not in desperation
    assert ("desperation/panic-punctuation", 9) not in desperation
    assert ("desperation/cant-live-without", 11) in desperation  # re-enabled by the bare enable


def test_disable_without_rule_runs_to_the_end() -> None:
    controls = prose("a\n<!-- letterlint-disable -->\nI'm begging you\n").controls
    assert controls.silences("desperation/begging", "desperation", 40)
    assert list(controls.regions) == [ALL]
    text = "Dear Sam,\n\nI'm begging you.\n<!-- letterlint-disable -->\nI'm begging you.\n"
    assert [f.start.line for f in lint(text) if f.rule == "desperation/begging"] == [3]


def test_plain_text_is_not_treated_as_markdown() -> None:
    text = "Dear Sam,\n\n`I'm begging you` and **I can't live without you**\n\nLove,\nJo\n"
    rules = {f.rule for f in lint(text, "draft.txt")}
    assert {"desperation/begging", "desperation/cant-live-without"} <= rules


def test_cli_lints_markdown_prose(run_cli, tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    proc = run_cli("--format", "json", "draft.md", cwd=tmp_path)
    report = json.loads(proc.stdout)["files"][0]
    live = next(f for f in report["findings"] if f["rule"] == "desperation/cant-live-without")
    assert (live["line"], live["column"], live["end_line"], live["end_column"]) == (7, 1, 7, 26)
    assert all(f["rule"] != "desperation/begging" for f in report["findings"])


@given(st.text(alphabet=st.sampled_from(list("ab *_`#>-[]()!<>\n\r~\\:&;é😊")), max_size=200))
def test_prose_never_moves_a_character(text: str) -> None:
    out = prose(text).text
    assert len(out) == len(text)
    assert all(a == b or (a == " " and b not in "\r\n") for a, b in zip(out, text, strict=True))
