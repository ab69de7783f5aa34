"""The local page's lint round trip for a 500-word letter (budget: <= 30 ms server-side).

Starts the real `letterlint serve --no-browser` in a subprocess and sends it, over one
keep-alive loopback connection, what the page sends after each pause in typing: the whole
letter with one sentence changed, as `POST /api/lint` with the token. For each request it
records the server's own time (its `Server-Timing` header: from the request's headers to
the JSON report ready to send: the guards, JSON decoding, the lint, JSON encoding; also the
lint alone and the handler thread's CPU time, which a busy machine does not inflate much)
and the whole round trip as the page's client sees it. Warm-up requests are not counted.

    python bench/serve_roundtrip.py [--runs 200] [--words 500]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from lsp_latency import ADJECTIVES, letter_of  # noqa: E402 - after the path is set

FIRST_LINE = re.compile(r"letterlint: serving on http://127\.0\.0\.1:(\d+)/\?token=(\S+)")


def edited(text: str, n: int) -> str:
    """The letter with one sentence of its second paragraph changed (as typing would)."""
    head, second, rest = text.split("\n\n", 2)
    adjective = ADJECTIVES[n % len(ADJECTIVES)]
    return "\n\n".join([head, f"It was a {adjective} week, number {n}. " + second, rest])


def engine_alone(text: str, runs: int) -> list[float]:
    """The same edits linted in this process, without HTTP: what the server adds is the difference."""
    from letterlint import default_engine

    engine = default_engine()
    took: list[float] = []
    for n in range(runs + 10):
        started = time.perf_counter()
        engine.lint(edited(text, n))
        if n >= 10:
            took.append((time.perf_counter() - started) * 1000)
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()
    text = letter_of(args.words)
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterlint", "serve", "--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        found = FIRST_LINE.match(proc.stdout.readline())
        assert found, "letterlint serve did not print its address"
        port, token = int(found.group(1)), found.group(2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"X-Letterlint-Token": token, "Content-Type": "application/json"}
        server_ms: list[float] = []
        lint_ms: list[float] = []
        cpu_ms: list[float] = []
        round_ms: list[float] = []
        for n in range(args.runs + 10):
            body = json.dumps({"text": edited(text, n), "profile": "reconcile"}).encode()
            started = time.perf_counter()
            conn.request("POST", "/api/lint", body, headers)
            response = conn.getresponse()
            report = json.loads(response.read())
            took = (time.perf_counter() - started) * 1000
            assert response.status == 200 and len(report["files"]) == 1
            if n >= 10:  # warm-up
                round_ms.append(took)
                timing = dict(
                    part.strip().split(";dur=") for part in response.getheader("Server-Timing").split(",")
                )
                server_ms.append(float(timing["app"]))
                lint_ms.append(float(timing["lint"]))
                cpu_ms.append(float(timing["cpu"]))
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)

    def line(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        return (
            f"{name:<28} median {statistics.median(values):6.2f} ms   p95 {p95:6.2f} ms   "
            f"max {max(values):6.2f} ms"
        )

    engine_ms = engine_alone(text, args.runs)
    print(f"{args.runs} lints of a {args.words}-word letter, one sentence changed each time")
    print(line("server side (Server-Timing)", server_ms))
    print(line("  of which the lint", lint_ms))
    print(line("  its CPU time (one thread)", cpu_ms))
    print(line("round trip (loopback HTTP)", round_ms))
    print(line("engine alone, in-process", engine_ms))
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    budget = statistics.median(server_ms) <= 30
    print(f"budget <= 30 ms server-side (wall clock, median): {'met' if budget else 'MISSED'}")
    if not budget and statistics.median(cpu_ms) <= 30 and os.getloadavg()[0] > (os.cpu_count() or 1):
        print("  the server's own work fits the budget; the machine was busier than its cores")
    return 0 if budget else 1


if __name__ == "__main__":
    sys.exit(main())
