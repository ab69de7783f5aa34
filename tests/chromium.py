"""How the browser test and docs/img/capture.py start Debian's Chromium: offline, headless.

Without the background-networking flags Chromium tries to reach Google's hosts at start-up,
which this machine's closed network refuses.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def playwright_or_skip() -> ModuleType:
    """Playwright's sync API for a browser test module, or a skip that says what is missing."""
    import pytest

    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the 'playwright' Python package is not installed (pip install '.[test]')",
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Chromium is not installed (Debian package 'chromium'; .ci/run installs it when it runs as root)",
            allow_module_level=True,
        )
    return sync_api
