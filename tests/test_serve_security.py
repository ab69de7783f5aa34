"""`letterlint serve` as an attacker and as its owner would meet it: the real command in a
subprocess, spoken to over loopback. Token, Host (DNS rebinding), Origin, body size and bad
JSON are each refused with the contract's status; the server listens on 127.0.0.1 only,
answers with the same report as `--format json`, and writes and logs nothing of a letter."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from letterlint.serve import guard
from tests.audit import audited_env
from tests.conftest import EXAMPLES, one_line_error
from tests.local_page import _no_network, listening_addresses, server_env, server_fixture, start  # noqa: F401

LETTER = (EXAMPLES / "desperate.txt").read_text(encoding="utf-8")


def body(text: str = LETTER, **extra: object) -> bytes:
    return json.dumps({"text": text, "profile": "reconcile", **extra}).encode()


def error_of(raw: bytes) -> str:
    message = json.loads(raw)["error"]
    assert isinstance(message, str) and message and "\n" not in message
    return message


def test_first_line_and_a_new_long_token_each_start(server, tmp_path: Path) -> None:
    assert (
        server.first_line == f"letterlint: serving on http://127.0.0.1:{server.port}/?token={server.token}\n"
    )
    assert len(server.token) * 6 >= 128  # URL-safe base64: six bits a character
    second = start(server_env(_site(tmp_path)), tmp_path)
    try:
        assert second.token != server.token and second.port != server.port
    finally:
        assert second.stop()[0] == 0


def test_listens_on_loopback_only(server) -> None:
    assert listening_addresses(server.port) == ["127.0.0.1"]


def test_the_report_is_the_json_report_of_the_cli(server, run_cli) -> None:
    status, headers, raw = server.lint(body(name="-"))
    assert status == 200 and headers["content-type"].startswith("application/json")
    page = json.loads(raw)
    cli = json.loads(run_cli("--format", "json", "-", input=LETTER).stdout)
    assert len(page["files"]) == 1
    assert page == cli
    rules = {f["rule"] for f in page["files"][0]["findings"]}
    assert "desperation/begging" in rules


def test_profile_is_honoured(server) -> None:
    status, _, raw = server.lint(json.dumps({"text": LETTER, "profile": "apology"}).encode())
    assert status == 200
    file = json.loads(raw)["files"][0]
    assert file["profile"] == "apology" and "repair" in file["sections"]


@pytest.mark.parametrize("token", [None, "", "wrong", "x" * 32])
def test_without_the_right_token_403(server, token: str | None) -> None:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["X-Letterlint-Token"] = token or ""
    status, _, raw = server.call("POST", "/api/lint", body(), headers)
    assert status == 403
    assert "token" in error_of(raw)
    assert server.call("GET", "/api/setup", headers=headers)[0] == 403


def test_token_in_the_query_is_not_enough_for_the_api(server) -> None:
    status, _, _ = server.call("POST", f"/api/lint?token={server.token}", body(), {})
    assert status == 403


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1",
        "127.0.0.1:1",
        "localhost",
        "attacker.localhost:{port}",
        "[::1]:{port}",
        "0.0.0.0:{port}",
        "",
    ],
)
def test_a_foreign_host_is_refused(server, host: str) -> None:
    wrong = host.format(port=server.port)
    status, _, raw = server.call(
        "POST", "/api/lint", body(), {"X-Letterlint-Token": server.token}, host=wrong
    )
    assert status == 403, wrong
    assert "127.0.0.1" in error_of(raw)
    assert server.call("GET", f"/?token={server.token}", host=wrong)[0] == 403
    assert server.call("GET", "/static/app.js", host=wrong)[0] == 403


def test_localhost_and_the_loopback_address_are_both_ours(server) -> None:
    for host in (f"localhost:{server.port}", f"LOCALHOST:{server.port}", f"127.0.0.1:{server.port}"):
        status, _, _ = server.call(
            "POST", "/api/lint", body(), {"X-Letterlint-Token": server.token}, host=host
        )
        assert status == 200, host


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "null",
        "http://127.0.0.1:{other}",
        "https://127.0.0.1:{port}",
        "http://localhost.evil.example:{port}",
        "file://",
    ],
)
def test_a_foreign_origin_is_refused(server, origin: str) -> None:
    foreign = origin.format(port=server.port, other=server.port + 1)
    status, _, raw = server.lint(body(), Origin=foreign)
    assert status == 403, foreign
    assert "other sites" in error_of(raw)


def test_the_pages_own_origin_is_accepted(server) -> None:
    for origin in (server.origin, f"http://localhost:{server.port}"):
        assert server.lint(body(), Origin=origin)[0] == 200


def test_a_body_over_2_mb_is_refused_from_its_length_before_it_is_read(server) -> None:
    """Only the headers are sent: the answer must come without waiting for 3 MB that never arrive."""
    conn = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        conn.sendall(
            (
                f"POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                f"X-Letterlint-Token: {server.token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {3 * 1024 * 1024}\r\n\r\n"
            ).encode()
        )
        started = time.monotonic()
        answer = conn.recv(4096).decode("latin-1")
    finally:
        conn.close()
    assert answer.startswith("HTTP/1.1 413 "), answer
    assert time.monotonic() - started < 10
    # the limit is the contract's 2 MB, and a letter well under it is linted
    assert guard.MAX_BODY == 2 * 1024 * 1024
    assert server.lint(body("Dear Sam,\n\n" + "I miss you. " * 1000))[0] == 200


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b'{"text": "Dear Sam', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'["Dear Sam"]', "JSON object"),
        (b'{"letter": "Dear Sam"}', '"text"'),
        (b'{"text": 42}', '"text"'),
        (b'{"text": "Dear Sam", "profile": 7}', '"profile"'),
        (b'{"text": "Dear Sam", "profile": "breakup"}', "unknown profile 'breakup'"),
    ],
)
def test_bad_json_or_an_unknown_profile_400(server, payload: bytes, expected: str) -> None:
    status, _, raw = server.lint(payload)
    assert status == 400
    assert expected in error_of(raw)


def test_the_page_needs_the_token_and_is_locked_down(server) -> None:
    assert server.call("GET", "/")[0] == 403
    assert server.call("GET", "/?token=nope")[0] == 403
    status, headers, raw = server.call("GET", f"/?token={server.token}")
    assert status == 200 and headers["content-type"].startswith("text/html")
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "unsafe" not in csp and "http" not in csp and "*" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["referrer-policy"] == "no-referrer" and headers["x-content-type-options"] == "nosniff"
    page = raw.decode()
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("://", "")
    for asset in ("/static/app.js", "/static/style.css"):
        status, headers, raw = server.call("GET", asset)
        assert status == 200 and "content-security-policy" in headers
        code = raw.replace(b"http://www.w3.org/2000/svg", b"")  # SVG's namespace name, never fetched
        assert b"http://" not in code and b"https://" not in code  # nothing fetched from elsewhere
    assert server.call("GET", "/static/../service.py")[0] == 404
    assert server.call("DELETE", "/api/lint", headers={"X-Letterlint-Token": server.token})[0] == 405


def test_open_reads_a_word_file_in_memory(server, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in ("Dear Sam,", "", "Please, I'm begging you, come home.", "Love,", "Jo"):
        document.add_paragraph(paragraph)
    saved = tmp_path / "draft.docx"
    document.save(str(saved))
    headers = {"X-Letterlint-Token": server.token, "X-Letterlint-Filename": "my%20draft.docx"}
    status, _, raw = server.call("POST", "/api/open", saved.read_bytes(), headers)
    assert status == 200
    assert json.loads(raw) == {
        "name": "my draft.docx",
        "text": "Dear Sam,\n\nPlease, I'm begging you, come home.\n\nLove,\n\nJo",
    }
    headers["X-Letterlint-Filename"] = "notes.txt"
    status, _, raw = server.call("POST", "/api/open", "Dear Sam,\r\nhello\r\n".encode("utf-8-sig"), headers)
    assert status == 200 and json.loads(raw)["text"] == "Dear Sam,\nhello\n"
    headers["X-Letterlint-Filename"] = "photo.png"
    status, _, raw = server.call("POST", "/api/open", b"\x89PNG\r\n", headers)
    assert status == 400 and ".docx" in error_of(raw)
    headers["X-Letterlint-Filename"] = "broken.docx"
    status, _, raw = server.call("POST", "/api/open", b"PK\x03\x04 not really", headers)
    assert status == 400 and "Word" in error_of(raw)
    assert server.call("POST", "/api/open", b"x", {"X-Letterlint-Filename": "a.txt"})[0] == 403


def test_nothing_of_the_letter_is_written_or_logged_and_ctrl_c_exits_0(tmp_path: Path) -> None:
    """Under audit hooks: the only network event is listening on 127.0.0.1, the only files
    written are letterlint's caches of public data, and no word of the letter is printed."""
    env = server_env(tmp_path / "site")
    env.update(audited_env(tmp_path))
    log = tmp_path / "audit.log"
    env["LETTERLINT_AUDIT_LOG"] = str(log)
    secret = "Dear Sam,\n\nMarmalade-zebra is my secret word, and I'm begging you to come home.\n\nJo"
    running = start(env, tmp_path)
    stopped = False
    try:
        for _ in range(3):
            assert running.lint(body(secret))[0] == 200
        assert running.lint(b"{broken")[0] == 400
        code, stderr = running.stop()
        stopped = True
    finally:
        if not stopped:
            running.stop()
    assert code == 0
    assert "Traceback" not in stderr and "Marmalade" not in stderr
    events = [line.split("\t", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    net = [what for kind, what in events if kind == "net"]
    # Sockets made (the listening one and each accepted connection) and one bind, to loopback;
    # no connection out, no name look-up.
    assert [what for what in net if not what.startswith("socket.__new__")] == [
        what for what in net if what.startswith("socket.bind") and what.endswith("('127.0.0.1', 0))")
    ]
    assert sum(what.startswith("socket.bind") for what in net) == 1
    home = Path(env["HOME"])
    for kind, what in events:
        if kind in ("write", "change"):
            path = Path(what.split(" ", 1)[-1]) if kind == "change" else Path(what)
            assert path.is_relative_to(home / ".cache") or path.parent == Path("/tmp"), (kind, what)
    assert "Marmalade" not in log.read_text(encoding="utf-8")


def test_usage_errors_are_one_line(run_cli, server) -> None:
    assert "cannot listen" in one_line_error(run_cli("serve", "--port", str(server.port), "--no-browser"))
    assert "--port" in one_line_error(run_cli("serve", "--port", "abc"))
    assert "65535" in one_line_error(run_cli("serve", "--port", "70000"))
    assert "unknown profile" in one_line_error(run_cli("serve", "--profile", "breakup", "--no-browser"))
    assert "unrecognized" in one_line_error(run_cli("serve", "--bogus"))


def _site(folder: Path) -> Path:
    from tests.offline_site import REFUSE_SOCKETS

    site = folder / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(REFUSE_SOCKETS)
    return site
