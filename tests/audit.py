"""Watch a real CLI run from the inside: a sitecustomize that blocks sockets and records,
through Python's audit hooks (PEP 578), every network attempt, every file opened for writing
and every file-system change, to a log the test reads afterwards.

A blocked connection alone could be swallowed by a try/except somewhere; the log cannot.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.offline_site import REFUSE_SOCKETS

SITECUSTOMIZE = r"""
import os
import socket
import sys

_LOG = os.environ.get("LETTERLINT_AUDIT_LOG")
_FD = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600) if _LOG else None
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_NET = {
    "socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo",
    "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect", "webbrowser.open",
}
_CHANGE = {
    "os.remove", "os.rename", "os.rmdir", "os.chmod", "os.chown", "os.utime", "os.truncate",
    "os.link", "os.symlink", "os.mkdir", "shutil.rmtree", "shutil.move", "shutil.copyfile",
}


def _record(kind, what):
    if _FD is not None:  # os.write raises no audit event, so no recursion
        os.write(_FD, f"{kind}\t{what}\n".encode("utf-8", "backslashreplace"))


def _hook(event, args):
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE
        )
        if writing and not isinstance(path, int):
            _record("write", os.fsdecode(path))
    elif event == "socket.__new__" and len(args) > 1 and args[1] in (socket.AF_INET, socket.AF_INET6):
        _record("net", "socket.__new__ (internet socket)")
    elif event in _NET:
        _record("net", f"{event} {args!r}")
    elif event in _CHANGE:
        _record("change", f"{event} {os.fsdecode(args[0]) if isinstance(args[0], (str, bytes)) else args[0]}")


sys.addaudithook(_hook)

"""


@dataclass
class Audited:
    code: int
    stdout: str
    stderr: str
    events: list[tuple[str, str]]  # (kind, what): kind is net, write or change

    def of(self, kind: str) -> list[str]:
        return [what for k, what in self.events if k == kind]

    def writes(self) -> list[str]:
        """Paths written or changed, less Python's own temp-folder probe: the first call to
        tempfile.gettempdir() (NLTK's path check makes it) creates and at once deletes an
        empty, randomly named file to see that the folder is usable."""
        probes = {
            path
            for path in self.of("write")
            if Path(path).parent == Path(tempfile.gettempdir()) and f"os.remove {path}" in self.of("change")
        }
        changed = [c.split(" ", 1)[1] for c in self.of("change")]
        return [p for p in self.of("write") + changed if p not in probes]


def audited_env(folder: Path) -> dict[str, str]:
    """Empty HOME and NLTK_DATA, no cache override: the run uses the real default places."""
    site = folder / "site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE + REFUSE_SOCKETS)
    for name in ("home", "nltk_data"):
        (folder / name).mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("LETTERLINT_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]),
        HOME=str(folder / "home"),
        NLTK_DATA=str(folder / "nltk_data"),
        PYTHONDONTWRITEBYTECODE="1",  # Python's own .pyc files are not letterlint's writes
        NO_COLOR="1",
    )
    env.pop("FORCE_COLOR", None)
    return env


def run_audited(env: dict[str, str], *args: str, cwd: Path, stdin: bytes = b"") -> Audited:
    log = Path(env["HOME"]).parent / "audit.log"
    log.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "letterlint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**env, "LETTERLINT_AUDIT_LOG": str(log)},
        timeout=300,
    )
    raw = log.read_text(encoding="utf-8") if log.exists() else ""
    events = [tuple(line.split("\t", 1)) for line in raw.splitlines() if "\t" in line]
    return Audited(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        events,  # type: ignore[arg-type]
    )
