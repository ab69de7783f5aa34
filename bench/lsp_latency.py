"""Time from didChange to publishDiagnostics for a 500-word letter, over the real protocol.

Starts `python -m letterlint lsp` as a subprocess with default settings, speaks JSON-RPC
on its stdio, opens a 500-word letter built from examples/, and measures:

1. isolated edits: 20 edits (each changes one sentence), each after an idle pause longer
   than the debounce window; per edit, the wall time from writing the didChange
   notification to reading the publishDiagnostics for that version (the budget: a median
   of 50 ms or less). Two warm-up edits are not counted.
2. a burst of typing: 10 edits 30 ms apart; how many of them got their own diagnostics
   (only bursts are debounced, so few should) and the time from the last edit to its
   diagnostics (about the debounce window plus one lint).

    python bench/lsp_latency.py [--runs 20] [--pause-ms 400]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
ADJECTIVES = ["quiet", "bright", "warm", "long", "rainy", "late", "slow", "lucky", "cold", "lovely"]


def letter_of(words: int = 500) -> str:
    """A letter of exactly `words` words: greeting, body paragraphs from examples/, sign-off."""
    paragraphs: list[str] = []
    for name in ("strong.txt", "desperate.txt", "blaming.txt", "weak-closing.txt", "apology.txt"):
        text = (ROOT / "examples" / name).read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in text.split("\n\n")[1:-1] if len(WORD.findall(p)) > 8]
    head, tail = "Dear Sam,", "Love,\nJo"
    budget = words - len(WORD.findall(head)) - len(WORD.findall(tail))
    body: list[str] = []
    for para in paragraphs:
        n = len(WORD.findall(para))
        if n <= budget:
            body.append(para)
            budget -= n
        else:
            cut = list(WORD.finditer(para))[budget - 1].end() if budget else 0
            if cut:
                body.append(para[:cut] + ".")
            budget = 0
        if budget == 0:
            break
    text = "\n\n".join([head, *body, tail]) + "\n"
    assert len(WORD.findall(text)) == words, len(WORD.findall(text))
    return text


class Server:
    def __init__(self, options: dict[str, Any] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "letterlint", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        self.next_id = 0
        reply = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": None,
                "capabilities": {},
                "initializationOptions": options or {},
            },
        )
        assert "result" in reply, reply
        self.notify("initialized", {})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> dict[str, Any]:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == rid and "method" not in message:
                return message

    def read(self) -> dict[str, Any]:
        out = self.proc.stdout
        assert out is not None
        length = 0
        while True:
            line = out.readline()
            if not line:
                raise EOFError("server closed its output")
            if not line.strip():
                break
            key, value = line.decode("ascii").split(":", 1)
            if key.strip().lower() == "content-length":
                length = int(value)
        return json.loads(out.read(length))

    def diagnostics_for(self, uri: str, version: int) -> list[dict[str, Any]]:
        while True:
            message = self.read()
            params = message.get("params") or {}
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and params.get("version") == version
            ):
                return params["diagnostics"]

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(10)


def _open(server: Server, text: str) -> str:
    uri = (Path(tempfile.gettempdir()) / "letterlint-bench-500.txt").as_uri()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )
    server.diagnostics_for(uri, 1)
    return uri


def _change(server: Server, uri: str, version: int, text: str) -> None:
    server.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
    )


def _edited(text: str, i: int) -> str:
    """Typing a word into one sentence of the body."""
    return text.replace(" the ", f" the {ADJECTIVES[i % len(ADJECTIVES)]} ", 1)


def measure_isolated(runs: int, pause_ms: int, text: str) -> tuple[list[float], int]:
    server = Server()
    uri = _open(server, text)
    times: list[float] = []
    count = 0
    for i in range(runs + 2):
        time.sleep(pause_ms / 1000)  # the writer pauses: the next edit is an isolated one
        version = i + 2
        start = time.perf_counter()
        _change(server, uri, version, _edited(text, i))
        count = len(server.diagnostics_for(uri, version))
        elapsed = (time.perf_counter() - start) * 1000
        if i >= 2:
            times.append(elapsed)
    server.close()
    return times, count


def measure_burst(edits: int, gap_ms: int, text: str) -> tuple[int, float]:
    """(edits that got their own diagnostics, ms from the last edit to its diagnostics)."""
    server = Server()
    uri = _open(server, text)
    time.sleep(0.5)
    last = 0.0
    for i in range(edits):
        last = time.perf_counter()
        _change(server, uri, i + 2, _edited(text, i))
        time.sleep(gap_ms / 1000)
    versions: list[int] = []
    while True:
        message = server.read()
        params = message.get("params") or {}
        if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri:
            versions.append(params.get("version"))
            if params.get("version") == edits + 1:
                break
    elapsed = (time.perf_counter() - last) * 1000
    server.close()
    return len(versions), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--pause-ms", type=int, default=400, help="idle time before each isolated edit (default 400)"
    )
    args = parser.parse_args()
    text = letter_of(500)
    print(f"letter: {len(WORD.findall(text))} words, {len(text)} characters; default server settings")
    times, count = measure_isolated(args.runs, args.pause_ms, text)
    print(
        f"isolated edits ({args.runs}, {args.pause_ms} ms apart): didChange -> publishDiagnostics "
        f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}; "
        f"{count} diagnostics)"
    )
    published, elapsed = measure_burst(10, 30, text)
    print(
        f"burst of 10 edits 30 ms apart: {published} of 10 versions linted; "
        f"last edit -> its diagnostics {elapsed:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
