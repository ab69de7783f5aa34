"""`letterlint serve`: a private page on the writer's own computer.

The page (static/) is served by the standard library's HTTP server on 127.0.0.1 only; it
sends the letter to `POST /api/lint` on the same server, which answers with the
`--format json` report. Nothing is written to disk or logged. See docs/serve.md.
"""

from __future__ import annotations

from letterlint.serve.command import main

__all__ = ["main"]
