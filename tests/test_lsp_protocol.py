"""The language server over its real protocol: `letterlint lsp` as a subprocess, JSON-RPC on stdio."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.sample_letters import NON_ASCII_LETTER

LETTER = NON_ASCII_LETTER


class LspClient:
    """A minimal LSP client: Content-Length framing over the server's stdin/stdout."""

    def __init__(self, cwd: Path, env: dict[str, str], args: tuple[str, ...] = ()) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "letterlint", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.pending: list[dict[str, Any]] = []
        self._id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if not line.strip():
                    break
                key, value = line.decode("ascii").split(":", 1)
                headers[key.strip().lower()] = value.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"])).decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._id += 1
        rid = self._id
        self.send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        assert "error" not in reply, reply
        return reply.get("result")

    def wait(self, match: Callable[[dict[str, Any]], bool], timeout: float = 60) -> dict[str, Any]:
        """The first message, received or still to come, that matches; others stay queued."""
        for i, message in enumerate(self.pending):
            if match(message):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no matching message within {timeout}s") from None
            if message is None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise AssertionError(f"server closed its output: {err[-2000:]}")
            if match(message):
                return message
            self.pending.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        message = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            )
        )
        return message["params"]["diagnostics"]

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.kill()
        return self.proc.wait(10)


def utf16_slice(text: str, rng: dict[str, Any]) -> str:
    """The text a client underlines for an LSP range, counted in UTF-16 code units."""
    lines = text.split("\n")
    start, end = rng["start"], rng["end"]
    assert start["line"] == end["line"], "these findings sit on one line"
    units = lines[start["line"]].encode("utf-16-le")
    return units[2 * start["character"] : 2 * end["character"]].decode("utf-16-le")


def apply_edit(text: str, edit: dict[str, Any]) -> str:
    lines = text.split("\n")
    rng = edit["range"]
    line = lines[rng["start"]["line"]].encode("utf-16-le")
    a, b = 2 * rng["start"]["character"], 2 * rng["end"]["character"]
    lines[rng["start"]["line"]] = (line[:a] + edit["newText"].encode("utf-16-le") + line[b:]).decode(
        "utf-16-le"
    )
    return "\n".join(lines)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "zoe.txt").write_text(LETTER, encoding="utf-8")
    return folder


@pytest.fixture
def client(workdir: Path, offline_env: dict[str, str]):
    made: list[LspClient] = []

    def start(init_options: dict[str, Any] | None = None, capabilities: dict[str, Any] | None = None):
        c = LspClient(workdir, offline_env)
        made.append(c)
        caps = capabilities or {
            "textDocument": {
                "publishDiagnostics": {"codeDescriptionSupport": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
            }
        }
        result = c.request(
            "initialize",
            {
                "processId": None,
                "rootUri": workdir.as_uri(),
                "capabilities": caps,
                "initializationOptions": init_options or {},
            },
        )
        c.notify("initialized", {})
        c.capabilities = result["capabilities"]  # type: ignore[attr-defined]
        return c

    yield start
    for c in made:
        c.close()


def open_letter(c: LspClient, path: Path, text: str, language: str = "plaintext") -> list[dict[str, Any]]:
    uri = path.as_uri()
    c.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
    )
    return c.diagnostics(uri, 1)


def spans(text: str, diagnostics: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(d["code"], utf16_slice(text, d["range"])) for d in diagnostics}


def test_session_diagnostics_fixes_hover_and_exit(client, workdir: Path) -> None:
    c = client()
    assert c.capabilities["positionEncoding"] == "utf-16"
    assert c.capabilities["textDocumentSync"]["change"] == 1  # full sync
    letter = workdir / "zoe.txt"
    uri = letter.as_uri()
    diags = open_letter(c, letter, LETTER)

    # Every underline sits exactly on its words, counted in UTF-16 after accents and emoji.
    assert {
        ("desperation/begging", "I’m begging you"),
        ("desperation/cant-live-without", "I can’t live without you"),
        ("desperation/panic-punctuation", "!!!"),
    } <= spans(LETTER, diags)
    begging = next(d for d in diags if d["code"] == "desperation/begging")
    assert begging["range"] == {"start": {"line": 2, "character": 62}, "end": {"line": 2, "character": 77}}
    assert begging["source"] == "letterlint"
    assert begging["severity"] == 1
    href = begging["codeDescription"]["href"]
    assert href.startswith("file://") and href.endswith("/desperation/begging.md")
    page = Path(href[len("file://") :]).read_text(encoding="utf-8")
    assert page.startswith("# desperation/begging")

    # didChange: an emoji and a word added before the flagged words move every range by 3 units.
    changed = LETTER.replace("Café mornings", "🌹 Café mornings")
    c.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]},
    )
    moved = c.diagnostics(uri, 2)
    begging2 = next(d for d in moved if d["code"] == "desperation/begging")
    assert begging2["range"]["start"] == {"line": 2, "character": 65}
    assert ("desperation/begging", "I’m begging you") in spans(changed, moved)

    # Quick fixes on the panic punctuation: one mark instead of three, applied as the client would.
    panic = next(d for d in moved if d["code"] == "desperation/panic-punctuation")
    actions = c.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": panic["range"], "context": {"diagnostics": [panic]}},
    )
    titles = [a["title"] for a in actions]
    fix = next(a for a in actions if a["title"] == "Replace '!!!' with '.'")
    (edit,) = fix["edit"]["changes"][uri]
    assert apply_edit(changed, edit).count("without you.\n") == 1
    assert any(t.startswith("Ignore this occurrence of desperation/panic-punctuation") for t in titles)
    assert "Disable desperation/panic-punctuation for this file" in titles

    # The suggested wording replaces the whole begging sentence.
    actions = c.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": begging2["range"], "context": {"diagnostics": [begging2]}},
    )
    rewrite = next(a for a in actions if a["title"].startswith("Rewrite the sentence"))
    (edit,) = rewrite["edit"]["changes"][uri]
    rewritten = apply_edit(changed, edit)
    assert "begging" not in rewritten and "I can’t live without you" not in rewritten
    assert "I'd love the chance to talk, whenever and if ever you feel ready." in rewritten
    assert "Café mornings with you 🌞 were my favourite part of the week. I'd love" in rewritten

    # Hover on the flagged words explains the rule.
    hover = c.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 68}}
    )
    assert hover["contents"]["kind"] == "markdown"
    assert "**desperation/begging**" in hover["contents"]["value"]
    assert "*Why:*" in hover["contents"]["value"]
    assert hover["range"] == begging2["range"]
    nothing = c.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}
    )
    assert nothing is None

    assert c.request("shutdown", None) is None
    c.notify("exit", None)
    assert c.proc.wait(20) == 0


def test_ignore_quick_fix_writes_the_list_and_the_cli_honours_it(client, workdir: Path, run_cli) -> None:
    c = client()
    letter = workdir / "zoe.txt"
    uri = letter.as_uri()
    diags = open_letter(c, letter, LETTER)
    begging = next(d for d in diags if d["code"] == "desperation/begging")
    actions = c.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": begging["range"], "context": {"diagnostics": [begging]}},
    )
    ignore = next(
        a for a in actions if a["title"].startswith("Ignore this occurrence of desperation/begging")
    )
    c.request("workspace/executeCommand", ignore["command"])
    after = c.diagnostics(uri)
    assert "desperation/begging" not in {d["code"] for d in after}
    assert "desperation/cant-live-without" in {d["code"] for d in after}

    listing = (workdir / ".letterlint-ignore.toml").read_text(encoding="utf-8")
    assert 'file = "zoe.txt"' in listing and 'rule = "desperation/begging"' in listing
    assert letter.read_text(encoding="utf-8") == LETTER  # the letter itself is untouched

    # The CLI reads the same list; an edit elsewhere in the letter keeps the occurrence ignored.
    letter.write_text(LETTER.replace("Jo\n", "Jo\n\nP.S. The plant is thriving.\n"), encoding="utf-8")
    proc = run_cli("--format", "json", "zoe.txt", cwd=workdir)
    rules = [f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert "desperation/begging" not in rules and "desperation/cant-live-without" in rules

    # Disabling a rule for the file removes all its findings.
    panic = next(d for d in after if d["code"] == "desperation/panic-punctuation")
    actions = c.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": panic["range"], "context": {"diagnostics": [panic]}},
    )
    disable = next(a for a in actions if a["title"] == "Disable desperation/panic-punctuation for this file")
    c.request("workspace/executeCommand", disable["command"])
    assert "desperation/panic-punctuation" not in {d["code"] for d in c.diagnostics(uri)}


def test_config_file_settings_and_profile_switch(client, workdir: Path) -> None:
    (workdir / ".letterlint.toml").write_text(
        'ignore = ["desperation/panic-punctuation"]\n'
        '[per_file_ignores]\n"other.txt" = ["desperation/begging"]\n',
        encoding="utf-8",
    )
    c = client({"select": ["desperation", "missing-section"]})
    letter = workdir / "zoe.txt"
    uri = letter.as_uri()
    codes = {d["code"] for d in open_letter(c, letter, LETTER)}
    assert "desperation/begging" in codes
    assert "desperation/panic-punctuation" not in codes  # the config file's ignore
    assert not any(code.startswith("negative-tone") or code.startswith("clarity") for code in codes)

    other = workdir / "other.txt"
    other.write_text(LETTER, encoding="utf-8")
    other_codes = {d["code"] for d in open_letter(c, other, LETTER)}
    assert "desperation/begging" not in other_codes and "desperation/cant-live-without" in other_codes

    # workspace/didChangeConfiguration switches the profile: the apology sections are now expected.
    c.notify("workspace/didChangeConfiguration", {"settings": {"letterlint": {"profile": "apology"}}})
    codes = {d["code"] for d in c.diagnostics(uri)}
    assert "missing-section/impact" in codes or "missing-section/acknowledgement" in codes
    assert "missing-section/growth" not in codes

    c.notify("workspace/didChangeConfiguration", {"settings": {"letterlint": {"profile": "no-such-profile"}}})
    (problem,) = c.diagnostics(uri)
    assert problem["code"] == "config" and "no-such-profile" in problem["message"]


def test_markdown_prose_only_with_inline_disable(client, workdir: Path) -> None:
    text = (
        "---\ntitle: I'm begging you\n---\n"
        "# Dear **Zoë**,\n\n"
        "I *can’t live without you*. See [my notes](https://example.com/im-begging-you).\n\n"
        "```\nI'm begging you, please please\n```\n\n"
        "<!-- letterlint-disable desperation/panic-punctuation -->\n"
        "Call me!!!\n"
        "<!-- letterlint-enable -->\n\n"
        "Love,\nJo\n"
    )
    path = workdir / "zoe.md"
    path.write_text(text, encoding="utf-8")
    c = client()
    diags = open_letter(c, path, text, language="markdown")
    found = spans(text, diags)
    # The span is exact in the original file, markup inside it included.
    assert ("desperation/cant-live-without", "I *can’t live without you") in found
    assert "desperation/begging" not in {d["code"] for d in diags}  # front matter, code, link target
    assert "desperation/panic-punctuation" not in {d["code"] for d in diags}
    live = next(d for d in diags if d["code"] == "desperation/cant-live-without")
    assert live["range"] == {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 25}}


def test_size_cap_and_utf8_negotiation(client, workdir: Path) -> None:
    c = client({"maxChars": 100}, capabilities={"general": {"positionEncodings": ["utf-8"]}})
    assert c.capabilities["positionEncoding"] == "utf-8"
    letter = workdir / "zoe.txt"
    (notice,) = open_letter(c, letter, LETTER)
    assert notice["code"] == "size-limit" and notice["severity"] == 3

    short = "Zoë 😊, I’m begging you!!"
    diags = open_letter(c, workdir / "short.txt", short)
    begging = next(d for d in diags if d["code"] == "desperation/begging")
    start = begging["range"]["start"]["character"]
    end = begging["range"]["end"]["character"]
    assert short.encode("utf-8")[start:end].decode("utf-8") == "I’m begging you"


def test_server_rejects_unknown_arguments(run_cli) -> None:
    proc = run_cli("lsp", "--bogus")
    assert proc.returncode == 2
    assert proc.stderr.decode().count("\n") == 1 and "--bogus" in proc.stderr.decode()
