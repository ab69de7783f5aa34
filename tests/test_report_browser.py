"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Checks, in the rendered page, that every finding is highlighted at its exact span (offsets
counted in code points, as letterlint counts them), that the note shows on hover, that no
script runs and nothing is fetched, and takes a full-page screenshot.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from letterlint import lint_text
from letterlint.report import ReportOptions
from letterlint.report.html import render
from tests.chromium import CHROMIUM, FLAGS, playwright_or_skip
from tests.conftest import EXAMPLES

sync_api = playwright_or_skip()


EVIL = (
    "Dear Sam,\r\n\r\n<script>window.pwned = 1</script> I can't live without you!!! "
    "Bring 🌹 and 🎂 — I'm begging you, please please.\r\n\r\nI'll wait forever.\r\n\r\nLove,\r\nJo"
)

# For each expected finding [number, start, end]: where its marks are, in code points.
CHECK_SPANS = """
(expected) => {
  const box = document.getElementById('letter-1-text');
  const cp = (s) => Array.from(s).length;
  const before = (node) => {
    const range = document.createRange();
    range.setStart(box, 0);
    range.setEndBefore(node);
    return cp(range.toString());
  };
  const problems = [];
  for (const [k, start, end] of expected) {
    const marks = Array.from(box.querySelectorAll('mark'))
      .filter((m) => (m.dataset.f || '').split(' ').includes(String(k)));
    if (!marks.length) { problems.push(`${k}: no mark`); continue; }
    let at = start;
    for (const m of marks) {
      const offset = before(m);
      if (offset !== at) problems.push(`${k}: mark at ${offset}, expected ${at}`);
      at = offset + cp(m.textContent);
      const style = getComputedStyle(m);
      const painted = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.borderBottomStyle !== 'none';
      const rects = Array.from(m.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (!painted) problems.push(`${k}: mark not painted`);
      if (!rects.length) problems.push(`${k}: mark has no visible box`);
    }
    if (at !== end) problems.push(`${k}: marks end at ${at}, expected ${end}`);
  }
  return {problems, text: box.textContent};
}
"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def open_report(browser, result, tmp_path: Path, width: int = 1280):
    """Open the report from disk, as a person would; return the page and every URL it asked for."""
    page_file = tmp_path / "report.html"
    page_file.write_text(render([result], ReportOptions()), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    return page, requests


def letters() -> list[tuple[str, str]]:
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    return [*out, ("evil", EVIL)]


@pytest.mark.parametrize(("name", "text"), letters(), ids=[n for n, _ in letters()])
def test_every_finding_is_highlighted_at_its_span(browser, tmp_path: Path, name: str, text: str) -> None:
    result = lint_text(text, path=f"{name}.txt")
    page, requests = open_report(browser, result, tmp_path)
    expected = [[k, f.span.start, f.span.end] for k, f in enumerate(result.findings, 1)]
    checked = page.evaluate(CHECK_SPANS, expected)
    assert checked["problems"] == []
    assert checked["text"] == text  # the whole letter is there, unchanged, CR LF included
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert requests == [(tmp_path / "report.html").as_uri()], "the page must load nothing else"
    page.close()


def test_hover_shows_the_note_and_screenshot(browser, tmp_path: Path) -> None:
    text = (EXAMPLES / "desperate.txt").read_text(encoding="utf-8")
    result = lint_text(text, path="examples/desperate.txt")
    page, _ = open_report(browser, result, tmp_path)
    k = next(i for i, f in enumerate(result.findings, 1) if f.rule == "desperation/cant-live-without")
    mark = page.locator(f"#letter-1-m{k}")
    hidden = page.evaluate("(m) => getComputedStyle(m, '::before').display", mark.element_handle())
    mark.hover()
    tip = page.evaluate(
        "(m) => [getComputedStyle(m, '::before').display, getComputedStyle(m, '::before').content]",
        mark.element_handle(),
    )
    assert hidden == "none" and tip[0] == "block"
    assert "This erases you" in tip[1]  # "I can't live without you"
    # the checklist, the tone arc and the score are on the page, drawn
    assert page.locator(".checklist li.missing").count() == 4
    assert page.locator(".arc svg rect.bar").count() == len(result.tone.arc)
    assert page.locator(".ring .score").text_content() == str(result.score)
    shot = tmp_path / "html-report.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1280 and height > 1500
    page.close()


def test_narrow_screen_stacks_the_columns(browser, tmp_path: Path) -> None:
    text = (EXAMPLES / "desperate.txt").read_text(encoding="utf-8")
    page, _ = open_report(browser, lint_text(text, path="d.txt"), tmp_path, width=420)
    letter = page.locator(".paper").bounding_box()
    side = page.locator(".side").bounding_box()
    assert letter and side and side["y"] >= letter["y"] + letter["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 420
    page.close()
