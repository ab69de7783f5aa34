"""The HTTP side of `letterlint serve`: the standard library's threading server on 127.0.0.1.

Routes: `GET /?token=T` the page, `GET /static/...` its script and style, `GET /api/setup`
(profiles and rules in plain words), `POST /api/lint` (the `--format json` report of a text)
and `POST /api/open` (a .txt, .md or .docx file's text, read in memory). Every request must
name this server in `Host`; the API also wants the token and, from a browser, our Origin.
Nothing a writer types is logged, stored or written anywhere.
"""

from __future__ import annotations

import json
import socketserver
import sys
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from letterlint.serve import guard
from letterlint.serve.service import BadRequest, LintService

TOKEN_HEADER = "X-Letterlint-Token"
NAME_HEADER = "X-Letterlint-Filename"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
STATIC = {
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
}
_REFUSED_PAGE = (
    "<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>letterlint</title>"
    "<p>This page is private. Open the full address that <code>letterlint serve</code> printed "
    "(it ends in <code>?token=…</code>).</p></html>"
)


def static_file(name: str) -> bytes:
    return resources.files("letterlint.serve").joinpath("static", name).read_bytes()


class LetterServer(ThreadingHTTPServer):
    """Loopback only; one engine for every request."""

    daemon_threads = True
    allow_reuse_address = False  # a second server must not share a port with the first

    def __init__(self, port: int, service: LintService, token: str) -> None:
        self.service = service
        self.token = token
        super().__init__(("127.0.0.1", port), Handler)

    def server_bind(self) -> None:
        """As HTTPServer's, less its look-up of this host's name: no resolver is ever asked."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """socketserver would print a traceback, whose values may quote a letter: one line instead."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):  # a tab closed, a connection went idle
            return
        kind = type(error).__name__
        print(f"letterlint: a request failed ({kind})", file=sys.stderr)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


class Handler(BaseHTTPRequestHandler):
    server: LetterServer
    protocol_version = "HTTP/1.1"
    server_version = "letterlint"
    sys_version = ""
    timeout = 30  # a stalled connection gives its thread back
    disable_nagle_algorithm = True  # small answers go out at once, not after a delayed ACK
    _started: float | None = None
    _started_cpu: float = 0.0
    _linting_ms: float | None = None

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry the token, and nothing about a letter is ever logged."""

    # -- routing --------------------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path == "/":
            token = parse_qs(url.query).get("token", [None])[0]
            if not guard.token_ok(token, self.server.token):
                self._send(HTTPStatus.FORBIDDEN, _REFUSED_PAGE.encode(), "text/html; charset=utf-8")
                return
            self._send(HTTPStatus.OK, static_file("index.html"), "text/html; charset=utf-8")
        elif url.path in STATIC:
            name, kind = STATIC[url.path]
            self._send(HTTPStatus.OK, static_file(name), kind)
        elif url.path == "/api/setup":
            if self._api_ok():
                self._json(HTTPStatus.OK, self.server.service.setup())
        else:
            self._error(HTTPStatus.NOT_FOUND, "no such page")

    def do_POST(self) -> None:
        self._started, self._started_cpu = time.perf_counter(), time.thread_time()
        if not self._host_ok() or not self._api_ok():
            return
        path = urlsplit(self.path).path
        if path == "/api/lint":
            body = self._body(guard.MAX_BODY)
            if body is not None:
                self._lint(body)
        elif path == "/api/open":
            body = self._body(guard.MAX_UPLOAD)
            if body is not None:
                self._open(body)
        else:
            self.close_connection = True  # the body was not read
            self._error(HTTPStatus.NOT_FOUND, "no such page")

    def _refuse_method(self) -> None:
        self.close_connection = True
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "only GET and POST are used here")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method

    # -- the API ----------------------------------------------------------------------------

    def _lint(self, body: bytes) -> None:
        try:
            request = _json_object(body)
            text = request.get("text")
            profile = request.get("profile")
            name = request.get("name")
            if not isinstance(text, str):
                raise BadRequest('"text" must be a string: the letter')
            if profile is not None and not isinstance(profile, str):
                raise BadRequest('"profile" must be a string, e.g. "reconcile"')
            if name is not None and not isinstance(name, str):
                raise BadRequest('"name" must be a string, e.g. "letter.md"')
            began = time.perf_counter()
            report = self.server.service.lint(text, profile, name)
            self._linting_ms = (time.perf_counter() - began) * 1000
        except BadRequest as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except Exception as exc:  # a bug: one line that names it, and never the letter
            print(
                f"letterlint: internal error while checking a letter ({type(exc).__name__})", file=sys.stderr
            )
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error ({type(exc).__name__})")
            return
        self._json(HTTPStatus.OK, report)

    def _open(self, body: bytes) -> None:
        from letterlint.reader import InputError

        # The page sends the file's own name, percent-encoded (headers are ASCII); only its last part
        name = unquote(self.headers.get(NAME_HEADER) or "letter.txt").replace("\\", "/").rsplit("/", 1)[-1]
        try:
            text = _file_text(body, name)
        except InputError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        self._json(HTTPStatus.OK, {"name": name, "text": text})

    # -- checks -----------------------------------------------------------------------------

    def _host_ok(self) -> bool:
        if guard.host_ok(self.headers.get("Host"), self.server.port):
            return True
        self.close_connection = True
        self._error(HTTPStatus.FORBIDDEN, "this server answers only to 127.0.0.1 and localhost")
        return False

    def _api_ok(self) -> bool:
        if not guard.origin_ok(self.headers.get("Origin"), self.server.port):
            message = "requests from other sites are refused"
        elif not guard.token_ok(self.headers.get(TOKEN_HEADER), self.server.token):
            message = "missing or wrong token: open the address letterlint serve printed"
        else:
            return True
        self.close_connection = True
        self._error(HTTPStatus.FORBIDDEN, message)
        return False

    def _body(self, limit: int) -> bytes | None:
        """The request body, judged by Content-Length before a byte of it is read."""
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length is None:
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
            return None
        try:
            size = int(length)
            if size < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, "Content-Length is not a number")
            return None
        if size > limit:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {limit // (1024 * 1024)} MB")
            return None
        return self.rfile.read(size)

    # -- answers ----------------------------------------------------------------------------

    def _json(self, status: HTTPStatus, data: dict[str, Any]) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._json(status, {"error": message})

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        if self._started is not None:  # the server's share of a round trip, for bench/serve_roundtrip.py
            took = (time.perf_counter() - self._started) * 1000
            lint = f"lint;dur={self._linting_ms:.2f}, " if self._linting_ms is not None else ""
            cpu = (time.thread_time() - self._started_cpu) * 1000  # this thread's own work, whatever the load
            self.send_header("Server-Timing", f"{lint}app;dur={took:.2f}, cpu;dur={cpu:.2f}")
            self._started = self._linting_ms = None
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise BadRequest(f"the body is not valid JSON ({exc.msg} at {where})") from None
    if not isinstance(data, dict):
        raise BadRequest('the body must be a JSON object: {"text": "...", "profile": "reconcile"}')
    return data


def _file_text(data: bytes, name: str) -> str:
    """A letter file's text, as the page will edit it. Word paragraphs become paragraphs
    separated by a blank line (empty ones dropped), so the letter keeps its shape as text."""
    from letterlint.reader import InputError, decode

    lowered = name.lower()
    if lowered.endswith(".docx"):
        from letterlint import docx

        paragraphs = [p.strip() for p in docx.from_bytes(data, name).paragraphs]
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            raise InputError(f"{name}: the letter is empty, nothing to check")
        return text
    if not lowered.endswith((".txt", ".md", ".markdown", ".text")):
        raise InputError(f"{name}: open a .txt, .md or .docx letter")
    return decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
