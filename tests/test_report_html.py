"""The HTML report without a browser: escaping, self-containment, highlights at their spans."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from letterlint import lint_text
from letterlint.model import LintResult, Span
from letterlint.report import FileError, ReportOptions
from letterlint.report.html import render
from tests.conftest import EXAMPLES, decoded

EVIL = (
    "Dear Sam,\r\n\r\n<script>alert('x')</script> I can't live without you!!! "
    'Meet me at "the <b>old</b> place" & bring 🌹 — I\'m begging you.\r\n\r\nLove,\r\nJo'
)


class LetterText(HTMLParser):
    """Collects the letter's text and, per finding number, the offsets its marks cover."""

    def __init__(self, container_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.container_id = container_id
        self.depth = 0  # >0 while inside the letter container
        self.text: list[str] = []
        self.marks: dict[int, list[tuple[int, int]]] = {}
        self.open: list[tuple[list[int], int]] = []
        self.tags: list[str] = []

    @property
    def at(self) -> int:
        return sum(len(t) for t in self.text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "mark":
                self.open.append(([int(k) for k in (a.get("data-f") or "").split()], self.at))
        elif a.get("id") == self.container_id:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        self.depth -= 1
        if tag == "mark" and self.open:
            ids, start = self.open.pop()
            for k in ids:
                self.marks.setdefault(k, []).append((start, self.at))

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def parse(page: str, n: int = 1) -> LetterText:
    parser = LetterText(f"letter-{n}-text")
    parser.feed(page)
    parser.close()
    return parser


def covered(ranges: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The single contiguous range covered by a finding's marks, or None if it has gaps."""
    ranges = sorted(ranges)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        if start != end:
            return None
    return (ranges[0][0], ranges[-1][1]) if ranges else None


def numbered(result: LintResult) -> dict[int, tuple[int, int]]:
    return {i: (f.span.start, f.span.end) for i, f in enumerate(result.findings, 1)}


def test_letter_text_is_escaped_and_survives_exactly() -> None:
    result = lint_text(EVIL, path='<img src=x onerror="alert(1)">.txt')
    page = render([result], ReportOptions())
    assert "<script" not in page.lower()
    assert "<b>old</b>" not in page and "&lt;b&gt;old&lt;/b&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.txt" in page
    parsed = parse(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags and "img" not in parsed.tags
    # CR LF kept as a character reference: the DOM holds the letter, code point for code point
    assert "".join(parsed.text) == EVIL


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.txt")))
def test_every_finding_is_highlighted_at_its_span(name: str) -> None:
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    result = lint_text(text, path=f"examples/{name}.txt")
    page = render([result], ReportOptions())
    parsed = parse(page)
    assert "".join(parsed.text) == text
    for k, (start, end) in numbered(result).items():
        assert covered(parsed.marks.get(k, [])) == (start, end), f"finding {k} of {name}"
        assert f'id="letter-1-f{k}"' in page, "each finding has a card in the list"


def test_overlapping_and_empty_spans() -> None:
    result = lint_text(EVIL, path="evil.txt")
    zero = replace(result.findings[0], span=Span(9, 9))  # e.g. an internal-error finding
    result.findings = sorted([*result.findings, zero], key=lambda f: (f.span.start, f.span.end))
    parsed = parse(render([result], ReportOptions()))
    starts = [s for s, _ in numbered(result).values()]
    assert len(starts) > len(set(starts)) or any(
        a[1] > b[0]
        for a, b in zip(numbered(result).values(), list(numbered(result).values())[1:], strict=False)
    ), "the letter should have overlapping findings"
    for k, (start, end) in numbered(result).items():
        if start == end:
            assert parsed.marks[k] == [(start, start)]
        else:
            assert covered(parsed.marks[k]) == (start, end)


def test_page_is_self_contained() -> None:
    results = [
        lint_text((EXAMPLES / n).read_text(encoding="utf-8"), path=n) for n in ("desperate.txt", "strong.txt")
    ]
    page = render([*results, FileError("gone.txt", "no such file")], ReportOptions())
    assert "src=" not in page
    links = re.findall(r'href="([^"]*)"', page)
    assert links and all(link.startswith("#") for link in links), "only in-page links"
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script" not in page.lower() and "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page  # the CSP forbids every load and every script
    assert page.count('<section class="report') == 3
    assert "could not be read: no such file" in page
    for fam in ("desperation", "missing-section"):
        assert f"fam-{fam}" in page
    assert page.count("<svg") >= 4  # two score rings, two tone arcs


def test_tone_arc_has_one_bar_per_sentence_and_marks_opening_and_closing() -> None:
    text = (EXAMPLES / "desperate.txt").read_text(encoding="utf-8")
    result = lint_text(text, path="d.txt")
    page = render([result], ReportOptions())
    bars = re.findall(r'<rect class="bar (\w+)" data-i="(\d+)"', page)
    assert [int(i) for _, i in bars] == list(range(len(result.tone.arc)))
    negative = [i for i, v in enumerate(result.tone.arc) if v <= -0.25]
    assert negative and all(bars[i][0] == "negative" for i in negative)
    assert '<rect class="opening"' in page and '<rect class="closing"' in page
    # The lowest point is the begging on line 3, not "I know I wasn't perfect and I'm
    # sorry" on line 7 (owning a mistake is not a low point); waiting forever ends it low.
    assert "lowest on line 3" in page and "ends low" in page


def test_cli_writes_html_to_a_file_and_refuses_the_letter(run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "draft.txt"
    letter.write_text(EVIL, encoding="utf-8")
    out = tmp_path / "report.html"
    proc = run_cli("--format", "html", "--output", str(out), str(letter))
    assert proc.returncode == 1, decoded(proc)
    assert proc.stdout == b""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "draft.txt" in page
    proc = run_cli("--format", "html", "--output", str(letter), str(letter))
    assert proc.returncode == 2 and "refusing to overwrite" in decoded(proc)[1]
    assert letter.read_bytes() == EVIL.encode("utf-8")
    stdout, _ = decoded(run_cli("--format", "html", "examples/strong.txt"))
    assert stdout.startswith("<!DOCTYPE html>") and "Ready to send" in stdout
