"""How the browser test and docs/img/capture.py start Debian's Chromium: offline, headless.

Without the background-networking flags Chromium tries to reach Google's hosts at start-up,
which this machine's closed network refuses.
"""

from __future__ import annotations

import shutil

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
