"""Remake the README's report pictures and the text captures of the terminal report.

    python docs/img/capture.py

Writes docs/report-80.txt and docs/report-120.txt (the terminal report of
examples/desperate.txt, as `letterlint` prints it on an 80- and a 120-column terminal
without colour), docs/img/terminal-report.png (the same report in colour, 100 columns)
and docs/img/html-report.png (the HTML report of the same letter). The pictures are taken
by headless Chromium (Debian package `chromium`) through Playwright, fully offline.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.chromium import CHROMIUM, FLAGS  # noqa: E402 - after the path is set

LETTER = "examples/desperate.txt"


def text_capture(columns: int) -> str:
    """The real command, as on a terminal of that width with NO_COLOR set."""
    env = dict(os.environ, FORCE_COLOR="1", NO_COLOR="1", COLUMNS=str(columns))
    proc = subprocess.run(
        [sys.executable, "-m", "letterlint", LETTER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def terminal_svg(columns: int) -> str:
    from letterlint import default_engine
    from letterlint.report import ReportOptions
    from letterlint.report.terminal import make_console, print_report

    engine = default_engine()
    result = engine.lint((ROOT / LETTER).read_text(encoding="utf-8"), path=LETTER)
    options = ReportOptions(color=True, width=columns, terminal=True, ruleset=engine.ruleset)
    console = make_console(io.StringIO(), options, record=True)
    print_report(console, [result], options)
    svg = console.export_svg(title=f"letterlint {LETTER}")
    return re.sub(r",?\s*url\([^)]*\)\s*format\([^)]*\)", "", svg)  # no web fonts: local ones only


def main() -> None:
    from playwright.sync_api import sync_playwright

    from letterlint import default_engine
    from letterlint.report import ReportOptions
    from letterlint.report.html import render

    for columns in (80, 120):
        (ROOT / f"docs/report-{columns}.txt").write_text(text_capture(columns), encoding="utf-8")

    engine = default_engine()
    result = engine.lint((ROOT / LETTER).read_text(encoding="utf-8"), path=LETTER)
    page_html = render([result], ReportOptions(ruleset=engine.ruleset))
    out = ROOT / "docs" / "img"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1240, "height": 900}, device_scale_factor=1)
        page.route("**/*", lambda route: route.abort())  # nothing may be fetched
        page.set_content(page_html)
        page.locator("#letter-1-m3").hover()  # show one note, as a reader would see it
        page.screenshot(path=str(out / "html-report.png"), full_page=True)

        page.set_content(
            "<html><body style='margin:0;background:#fff'>" + terminal_svg(100) + "</body></html>"
        )
        svg = page.locator("svg").first
        svg.screenshot(path=str(out / "terminal-report.png"))
        browser.close()
    print(
        "wrote docs/report-80.txt docs/report-120.txt docs/img/html-report.png docs/img/terminal-report.png"
    )


if __name__ == "__main__":
    main()
