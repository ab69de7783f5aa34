"""No `{placeholder}` from a rule's message template ever reaches the writer, in any format,
whatever is selected (a section hint with its rule switched off once printed `{name}`)."""

from __future__ import annotations

import re

import pytest

from letterlint import default_engine
from letterlint.report import FORMATS, ReportOptions, renderer
from tests.conftest import EXAMPLES

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SELECTIONS = [(), ("weak-closing",), ("missing-section",), ("desperation", "clarity")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("select", SELECTIONS, ids=lambda s: ",".join(s) or "all")
def test_no_placeholder_in_any_format(fmt: str, select: tuple[str, ...]) -> None:
    from letterlint.engine import Selection

    engine = default_engine()
    for profile in sorted(engine.ruleset.profiles):
        items = [
            engine.lint(
                path.read_text(encoding="utf-8"), profile=profile, path=path.name, selection=Selection(select)
            )
            for path in sorted(EXAMPLES.glob("*.txt"))
        ]
        for options in (ReportOptions(terminal=False), ReportOptions(color=False), ReportOptions(quiet=True)):
            report = renderer(fmt)(items, options)
            assert not PLACEHOLDER.search(report), (fmt, profile, PLACEHOLDER.findall(report)[:3])


def test_the_scan_would_see_one() -> None:
    assert PLACEHOLDER.search("missing hopeful-close: close with {name}")
