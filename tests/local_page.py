"""Helpers for the tests of `letterlint serve`: start the real command in a subprocess (with
sockets that cannot connect anywhere), read its first line, and talk HTTP to it over loopback.

The test process itself may connect to 127.0.0.1 only: `_no_network` below replaces the
suite's blanket block with one that lets loopback through and refuses everything else.
"""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

FIRST_LINE = re.compile(r"letterlint: serving on http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)\n")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Overrides conftest's fixture of the same name: loopback only."""
    connect, connect_ex, create = socket.socket.connect, socket.socket.connect_ex, socket.create_connection

    def loopback(address: object) -> bool:
        return isinstance(address, tuple) and address[0] in ("127.0.0.1", "localhost")

    def guarded(original):
        def call(self, address, *args, **kwargs):
            if not loopback(address):
                raise OSError(f"network access attempted during a letterlint test: {address!r}")
            return original(self, address, *args, **kwargs)

        return call

    def create_guarded(address, *args, **kwargs):
        if not loopback(address):
            raise OSError(f"network access attempted during a letterlint test: {address!r}")
        return create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
    monkeypatch.setattr(socket, "create_connection", create_guarded)


@dataclass
class Running:
    proc: subprocess.Popen[bytes]
    first_line: str
    port: int
    token: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> tuple[int, str]:
        """Ctrl-C, as a person would press it; the exit code and what it said on stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        stderr = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
        return code, stderr

    def call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        host: str | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """One request; `host` replaces the Host header (the DNS-rebinding case)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host if host is not None else f"127.0.0.1:{self.port}")
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body is not None and "Content-Length" not in (headers or {}):
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders()
            if body:
                conn.send(body)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def lint(self, payload: bytes, **headers: str) -> tuple[int, dict[str, str], bytes]:
        sent = {"X-Letterlint-Token": self.token, "Content-Type": "application/json", **headers}
        return self.call("POST", "/api/lint", payload, sent)


def start(env: dict[str, str], cwd: Path, *args: str) -> Running:
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterlint", "serve", "--no-browser", *args],
        cwd=cwd,
        env=env,
        # A runner started in the background ignores SIGINT, and children inherit that;
        # Ctrl-C is what these tests send, so the server gets the default back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().decode("utf-8", "replace")
    found = FIRST_LINE.fullmatch(line)
    if found is None:
        proc.kill()
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise AssertionError(f"unexpected first line {line!r}; stderr: {err}")
    return Running(proc, line, int(found.group(1)), found.group(2))


@pytest.fixture(scope="module", name="server")
def server_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One server for a module's tests, started from an empty folder (no config found)."""
    from tests.offline_site import REFUSE_SOCKETS

    folder = tmp_path_factory.mktemp("serve")
    site = folder / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(REFUSE_SOCKETS)
    env = server_env(site)
    running = start(env, folder)
    yield running
    code, stderr = running.stop()
    assert code == 0 and "Traceback" not in stderr and "failed" not in stderr, stderr


def server_env(site: Path) -> dict[str, str]:
    import os

    from tests.conftest import ROOT

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def listening_addresses(port: int) -> list[str]:
    """Local addresses with a socket listening on `port`, from the kernel's own tables."""
    found: list[str] = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                if width == 8:
                    found.append(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
                else:
                    found.append(address)
    return found
