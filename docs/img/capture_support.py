"""Remake the captures of a report that leads with the support note (docs/self-harm-*).

    python docs/img/capture_support.py

The letter docs/self-harm-letter.txt says, indirectly, that its writer may be in danger
("everyone around me would manage better without me", giving things away). Writes
docs/self-harm-report.txt (the terminal report at 80 columns without colour, then the plain
text a pipe gets), docs/img/self-harm-terminal.png (the terminal report in colour) and
docs/img/self-harm-html.png (the HTML report), the pictures by offline headless Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture  # noqa: E402 - docs/img/capture.py, next to this file

LETTER = "docs/self-harm-letter.txt"


def run(*args: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "letterlint", *args, LETTER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def main() -> None:
    from playwright.sync_api import sync_playwright

    from letterlint import default_engine
    from letterlint.report import ReportOptions
    from letterlint.report.html import render

    terminal = run(env=dict(os.environ, FORCE_COLOR="1", NO_COLOR="1", COLUMNS="80"))
    plain = run()
    (ROOT / "docs" / "self-harm-report.txt").write_text(
        f"$ letterlint {LETTER}        # on an 80-column terminal\n{terminal}\n"
        f"$ letterlint {LETTER} | cat  # piped: plain text\n{plain}",
        encoding="utf-8",
    )
    capture.LETTER = LETTER
    engine = default_engine()
    result = engine.lint((ROOT / LETTER).read_text(encoding="utf-8"), path=LETTER)
    page_html = render([result], ReportOptions(ruleset=engine.ruleset))
    out = ROOT / "docs" / "img"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=capture.CHROMIUM, args=capture.FLAGS)
        page = browser.new_page(viewport={"width": 1240, "height": 900}, device_scale_factor=1)
        page.route("**/*", lambda route: route.abort())  # nothing may be fetched
        page.set_content(page_html)
        page.screenshot(path=str(out / "self-harm-html.png"), full_page=True)
        page.set_content(
            "<html><body style='margin:0;background:#fff'>" + capture.terminal_svg(100) + "</body></html>"
        )
        page.locator("svg").first.screenshot(path=str(out / "self-harm-terminal.png"))
        browser.close()
    print("wrote docs/self-harm-report.txt docs/img/self-harm-html.png docs/img/self-harm-terminal.png")


if __name__ == "__main__":
    main()
