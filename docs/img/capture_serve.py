"""Remake the README's pictures of `letterlint serve`: the page at 1280 and 400 px wide.

    python docs/img/capture_serve.py

Starts the real `letterlint serve --no-browser`, types examples/desperate.txt into the page
in headless Chromium (Debian package `chromium`, through Playwright, fully offline), opens
the note on the begging sentence, and writes docs/img/serve-1280.png (the whole page) and
serve-400.png (the first screen of a phone).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.chromium import CHROMIUM, FLAGS  # noqa: E402 - after the path is set

LETTER = ROOT / "examples" / "desperate.txt"


def main() -> None:
    from playwright.sync_api import sync_playwright

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    server = subprocess.Popen(
        [sys.executable, "-m", "letterlint", "serve", "--no-browser"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        found = re.match(r"letterlint: serving on (\S+)", server.stdout.readline())
        assert found, "letterlint serve did not print its address"
        text = LETTER.read_text(encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for width in (1280, 400):
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme="light")
                page.goto(found.group(1))
                page.wait_for_selector("body[data-ready]")
                page.fill("#letter", text)
                page.wait_for_selector('#backdrop mark[data-rule="desperation/begging"]')
                page.wait_for_timeout(300)
                page.click('#findings button[data-rule="desperation/begging"] >> nth=0')
                page.evaluate("window.scrollTo(0, 0)")
                out = ROOT / "docs" / "img" / f"serve-{width}.png"
                page.screenshot(path=str(out), full_page=width > 400)  # a phone: the first screen
                print(f"wrote {out.relative_to(ROOT)}")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
