"""Regression tests for the attack findings of issue 14: one test per finding, named after it.

Each reproduces the attack (a hostile or unlucky input) through the real code path and checks
that letterlint now stays linear, guarded and loses nothing.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, decoded

# -- finding 1: quadratic time on small letters --------------------------------------------


def _load_shapes():
    spec = importlib.util.spec_from_file_location("shapes", ROOT / "bench" / "shapes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHAPES = _load_shapes().SHAPES


def _best_lint_seconds(engine, text: str, name: str, runs: int = 2) -> float:
    from letterlint import drafts
    from letterlint.ignores import FileIgnores

    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        drafts.lint(engine, drafts.from_text(text, name), profile="reconcile", ignores=FileIgnores())
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_finding_1_quadratic_time_on_small_letters(shape: str, suffix: str) -> None:
    """A complexity measure, not a speed limit: 8x the text may cost about 8x the time, never
    the ~64x of a quadratic scan. The bound (24x) is generous so that a busy machine cannot
    fail it; bench/adversarial.py measures the actual time per KB."""
    from letterlint.engine import Engine

    engine = Engine.load()
    make = SHAPES[shape]
    small, large = make(5_000), make(40_000)
    _best_lint_seconds(engine, small, "warm" + suffix, runs=1)
    ratio = _best_lint_seconds(engine, large, "letter" + suffix) / _best_lint_seconds(
        engine, small, "letter" + suffix
    )
    assert ratio < 24, f"{shape} ({suffix}): 8x the text took {ratio:.0f}x the time"


# -- finding 4: a tampered cache changes findings ------------------------------------------

_SELF_HARM_LETTER = (
    "Dear Sam,\n\nI think about the evenings we spent cooking together and laughing about nothing. "
    "Since you left I have been working long hours, and honestly I feel lost most days. "
    "If you do not answer this, I will hurt myself, and you will know why. "
    "Extraordinarily complicated considerations notwithstanding, I understand your perspective.\n\n"
    "Love,\nJo\n"
)


def _report(run_cli, letter: Path, cache: Path, **env: str):
    proc = run_cli("--format", "json", str(letter), env={"LETTERLINT_CACHE_DIR": str(cache), **env})
    out, err = decoded(proc)
    assert "Traceback" not in err, err
    return proc.returncode, json.loads(out)["files"][0]


def _tamper(folder: Path, how: str) -> int:
    """Damage every file in the cache folder one way; returns how many were touched."""
    touched = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if how == "flip":  # one changed byte in the middle
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1 :] if data else b"x"
        elif how == "truncate":
            data = data[: len(data) // 3]
        elif how == "forge":  # plausible content: a syllable table saying every word is long
            text = data.decode("utf-8", "replace")
            data = (text.replace("\t1\n", "\t9\n").replace("\t2\n", "\t9\n") + "\nbad line").encode()
        path.write_bytes(data)
        touched += 1
    return touched


@pytest.mark.parametrize("how", ["flip", "truncate", "forge"])
def test_finding_4_tampered_cache_cannot_change_findings(how: str, run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(_SELF_HARM_LETTER, encoding="utf-8")
    cache = tmp_path / "cache"
    code, first = _report(run_cli, letter, cache)  # builds the caches
    assert code == 1 and "desperation/self-harm" in {f["rule"] for f in first["findings"]}
    assert _tamper(cache, how) >= 1
    again_code, again = _report(run_cli, letter, cache)
    assert (again_code, again) == (code, first)
    # The damaged entries were rebuilt, not kept: a third run finds genuine entries again.
    assert _report(run_cli, letter, cache) == (code, first)


def test_finding_4_unsafe_cache_folder_is_not_used(run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(_SELF_HARM_LETTER, encoding="utf-8")
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)  # anyone may write here: never read from it, never write to it
    expected = _report(run_cli, letter, tmp_path / "own-cache")
    assert _report(run_cli, letter, shared) == expected
    assert list(shared.iterdir()) == []
    # A relative XDG_CACHE_HOME is ignored (the XDG spec): nothing lands in the current folder.
    work = tmp_path / "work"
    work.mkdir()
    proc = run_cli(
        str(letter), cwd=work, env={"XDG_CACHE_HOME": "relative-cache", "LETTERLINT_CACHE_DIR": ""}
    )
    assert proc.returncode == 1
    assert list(work.iterdir()) == []


def test_finding_4_corrupt_entry_is_rebuilt_not_fatal(tmp_path: Path, monkeypatch) -> None:
    from letterlint import nlp, usercache

    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(tmp_path / "cache"))
    nlp.syllable_table.cache_clear()
    try:
        genuine = nlp.syllable_table().get("remember")
        entry = tmp_path / "cache" / f"{nlp._CACHE_VERSION}.tsv"
        entry.write_bytes(entry.read_bytes() + b"\nzzzz\tnot-a-number")
        nlp.syllable_table.cache_clear()
        assert nlp.syllable_table().get("remember") == genuine
        assert usercache.read(entry) is not None  # rebuilt and signed again
    finally:
        nlp.syllable_table.cache_clear()


# -- finding 2: .docx skips every input guard ----------------------------------------------

_LETTER = "Dear Sam,\nI can't live without you.\n\nLove,\nJo\n"


def test_finding_2_docx_gets_every_input_guard(run_cli, tmp_path: Path) -> None:
    import zipfile

    os.mkfifo(tmp_path / "pipe.docx")  # a named pipe with no writer must not hang
    (tmp_path / "zero.docx").symlink_to("/dev/zero")  # an endless device must not fill memory
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))  # 50 MB, ~50 KB packed
    assert bomb.stat().st_size < 1024 * 1024
    for name, expected in (
        ("pipe.docx", "pipe.docx: "),
        ("zero.docx", "too large"),
        ("bomb.docx", "zip bomb"),
    ):
        proc = run_cli(name, cwd=tmp_path)
        _out, err = decoded(proc)
        assert proc.returncode == 2, (name, err)
        assert expected in err and "Traceback" not in err, (name, err)
        # The same guards for `letterlint ignore FILE:LINE RULE`.
        proc = run_cli("ignore", f"{name}:2", "desperation/cant-live-without", cwd=tmp_path)
        err = decoded(proc)[1]
        assert proc.returncode == 2 and "Traceback" not in err, (name, err)
        assert not (tmp_path / ".letterlint-ignore.toml").exists()


# -- finding 3: --output overwrites a letter read from stdin -------------------------------


def test_finding_3_output_never_replaces_a_letter_or_a_stranger(run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "draft.txt"
    letter.write_text(_LETTER, encoding="utf-8")
    proc = run_cli("-", "--output", "draft.txt", input=letter.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 2 and "refusing to overwrite" in decoded(proc)[1]
    # letterlint - --output X < draft.txt, X another name of draft.txt: by device and inode
    os.link(letter, tmp_path / "same-inode.txt")
    with letter.open("rb") as stdin:
        proc = subprocess.run(
            [sys.executable, "-m", "letterlint", "-", "--output", "same-inode.txt"],
            stdin=stdin, capture_output=True, cwd=tmp_path, env=_cli_env(), timeout=120,
        )  # fmt: skip
    assert proc.returncode == 2 and b"refusing to overwrite the letter" in proc.stderr
    assert letter.read_text(encoding="utf-8") == _LETTER
    # Not a report letterlint wrote: kept unless --force.
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping: milk, eggs\n", encoding="utf-8")
    proc = run_cli("draft.txt", "--output", "notes.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "not a letterlint report" in decoded(proc)[1]
    assert notes.read_text(encoding="utf-8") == "shopping: milk, eggs\n"
    for fmt in ("json", "sarif", "gcc", "html", "rich"):  # an earlier report may be replaced
        report = tmp_path / f"report.{fmt}"
        for _ in range(2):
            assert (
                run_cli("draft.txt", "--format", fmt, "--output", report.name, cwd=tmp_path).returncode == 1
            )
    assert run_cli("draft.txt", "--output", "notes.txt", "--force", cwd=tmp_path).returncode == 1
    assert "score" in notes.read_text(encoding="utf-8")


def _cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


# -- finding 5: concurrent `letterlint ignore` loses entries -------------------------------


def test_finding_5_concurrent_ignores_keep_every_entry(tmp_path: Path) -> None:
    from letterlint import ignores

    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "shared-ignore.toml"
    real.write_text(ignores._HEADER, encoding="utf-8")
    real.chmod(0o640)
    (tmp_path / ".letterlint-ignore.toml").symlink_to(real)
    letter = tmp_path / "letter.txt"
    letter.write_text(_LETTER, encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from letterlint import ignores; "
        "ignores.add(Path(sys.argv[1]), 'desperation/begging', sys.argv[2], 'x')"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(letter), f"{n:012x}"], env=_cli_env())
        for n in range(12)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * 12
    assert (tmp_path / ".letterlint-ignore.toml").is_symlink()  # written through, not replaced
    kept = ignores.parse(real.read_text(encoding="utf-8"), real).entries
    assert sorted(e.fingerprint or "" for e in kept) == [f"{n:012x}" for n in range(12)]
    assert real.stat().st_mode & 0o777 == 0o640


# -- finding 6: user rule packs can hang or exhaust memory ---------------------------------


def _pack(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\n', encoding="utf-8")
    (tmp_path / "letter.txt").write_text(_LETTER, encoding="utf-8")
    return tmp_path / "rules" / "a.toml"


@pytest.mark.parametrize("pattern", ["x{100000000}", "(?:ab{1000}){1000}", "a" * 6000])
def test_finding_6_rule_pack_patterns_are_bounded(pattern: str, run_cli, tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    pack.write_text(
        f'\n[[rule]]\nid = "desperation/mine"\nmessage = "m"\npatterns = ["{pattern}"]\n', encoding="utf-8"
    )
    proc = run_cli("letter.txt", cwd=tmp_path)
    err = decoded(proc)[1]
    assert proc.returncode == 2 and "Traceback" not in err
    assert f"{pack}:5: rule desperation/mine: pattern" in err, err


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_finding_6_rule_pack_files_get_reader_guards(kind: str, run_cli, tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    if kind == "fifo":
        os.mkfifo(pack)
    else:
        pack.symlink_to("/dev/zero")
    proc = run_cli("letter.txt", cwd=tmp_path)
    err = decoded(proc)[1]
    assert "Traceback" not in err and "internal error" not in err
    assert proc.returncode == (1 if kind == "fifo" else 2), err  # an empty pack; an endless one
    if kind == "zero":
        assert "too large for a rule pack" in err


# -- finding 8: file names forge report lines ----------------------------------------------


def test_finding_8_file_names_cannot_forge_report_lines(run_cli, tmp_path: Path) -> None:
    name = "a\nfake.txt:1:1: error: forged [x]\r\t\u202ez.txt"
    (tmp_path / name).write_text(_LETTER, encoding="utf-8")
    for fmt in ("gcc", "rich"):
        proc = run_cli(name, "--format", fmt, cwd=tmp_path)
        out, _ = decoded(proc)
        assert proc.returncode == 1
        assert not any(line.startswith("fake.txt") for line in out.splitlines()), out
        assert "\r" not in out and "\u202e" not in out
    missing = name.replace("z.txt", "gone.txt")
    proc = run_cli(missing, cwd=tmp_path)
    err = decoded(proc)[1]
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "\\x0a" in err, err


# -- finding 9: --jobs leaves orphans ------------------------------------------------------


def test_finding_9_workers_die_with_the_parent(tmp_path: Path) -> None:
    import signal

    from letterlint.batch import default_jobs

    for i in range(40):
        (tmp_path / f"l{i:02}.txt").write_text(_LETTER * 200, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterlint", "--jobs", "64", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_cli_env(),
    )  # fmt: skip
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(children) < 2 and proc.poll() is None:
        children = _children(proc.pid)
        time.sleep(0.05)
    assert len(children) <= default_jobs() + 1  # capped at the cores (+1: the pool's helper)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in children)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- finding 10: a user section rule that times out loses the whole letter -----------------


def test_finding_10_section_rule_runs_under_the_guard(run_cli, tmp_path: Path) -> None:
    (tmp_path / "rules" / "profiles").mkdir(parents=True)
    (tmp_path / ".letterlint.toml").write_text('rules = ["rules"]\nprofile = "slow"\n', encoding="utf-8")
    (tmp_path / "rules" / "slow.toml").write_text(
        '[[rule]]\nid = "missing-section/slow-part"\nkind = "section"\nmessage = "m"\n'
        'patterns = ["(?:a|a)+$"]\nboundaries = false\n',
        encoding="utf-8",
    )
    (tmp_path / "rules" / "profiles" / "slow.toml").write_text(
        '[profile]\nname = "slow"\nsections = ["greeting", "slow-part"]\n', encoding="utf-8"
    )
    (tmp_path / "letter.txt").write_text(
        "Dear Sam,\n\nI can't live without you. " + "a" * 40 + "!\n\nLove,\nJo\n", encoding="utf-8"
    )
    proc = run_cli("--format", "json", "letter.txt", cwd=tmp_path)
    out, err = decoded(proc)
    assert proc.returncode == 1, err  # the letter is still checked, not "could not be read"
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "desperation/cant-live-without" in rules and "missing-section/slow-part" in rules
    assert "internal error in rule missing-section/slow-part" in err


# -- finding 11: smaller ones --------------------------------------------------------------


def test_finding_11_smaller_ones(run_cli, tmp_path: Path) -> None:
    from letterlint import ignores

    letter = tmp_path / "letter.txt"
    letter.write_text(_LETTER + "I wrote this \u202eevil\u202c line, sadly.\n", encoding="utf-8")

    # Reading a long ignore list is linear: 20,000 entries, parsed in well under a second's
    # work per 1,000 (measured as a ratio against 2,000, not as a time).
    def entries(n: int) -> str:
        return "".join(f'[[disable]]\nfile = "f{i}.txt"\nrule = "clarity"\n' for i in range(n))

    def best(raw: str) -> float:
        times = []
        for _ in range(2):
            start = time.perf_counter()
            ignores.parse(raw, tmp_path / "x.toml")
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(entries(20_000)) / best(entries(2_000)) < 30
    # --encoding punycode: one line, exit 2.
    proc = run_cli("--encoding", "punycode", str(letter))
    err = decoded(proc)[1]
    assert proc.returncode == 2 and "punycode" in err and "internal error" not in err
    assert len(err.splitlines()) == 1
    # Deeply nested TOML: file and line.
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / ".letterlint.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    (tmp_path / "deep" / "l.txt").write_text(_LETTER)
    proc = run_cli("l.txt", cwd=tmp_path / "deep")
    assert proc.returncode == 2 and ".letterlint.toml:1: invalid TOML: nested too deeply" in decoded(proc)[1]
    # A malformed ignore list: one config error for the run, not an internal error per letter.
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ".letterlint-ignore.toml").write_text("[[ignore]]\nfile = 3\n")
    for i in range(3):
        (tmp_path / "bad" / f"l{i}.txt").write_text(_LETTER)
    proc = run_cli("bad", cwd=tmp_path)
    err = decoded(proc)[1]
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "internal error" not in err, err
    # U+202E never reaches the terminal in the tone line (nor anywhere in the report).
    out = decoded(run_cli(str(letter)))[0]
    assert "\u202e" not in out and "tone:" in out
    # An ASCII-only output encoding does not crash `explain`.
    proc = run_cli("explain", "desperation/begging", env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0 and b"desperation/begging" in proc.stdout
    # An empty folder is no input: said so, exit 2.
    (tmp_path / "empty").mkdir()
    proc = run_cli("empty", cwd=tmp_path)
    assert proc.returncode == 2 and "no letters found in empty" in decoded(proc)[1]


def test_finding_11_discovery_skips_folders_and_files_of_other_users(run_cli, tmp_path: Path) -> None:
    from letterlint.config import discover, skipped_notices

    if os.geteuid() != 0:
        pytest.skip("needs root to give a folder to another user")
    shared = tmp_path / "shared"
    mine = shared / "mine"
    mine.mkdir(parents=True)
    (shared / ".letterlint.toml").write_text('ignore = ["desperation"]\n')
    (shared / ".letterlint-ignore.toml").write_text(
        '[[disable]]\nfile = "mine/l.txt"\nrule = "desperation"\n'
    )
    os.chown(shared, 65534, 65534)  # nobody's folder, like a shared /tmp
    (mine / "l.txt").write_text(_LETTER)
    assert discover(mine) is None
    notes = skipped_notices()
    assert any(".letterlint.toml" in n and "another user" in n for n in notes), notes
    proc = run_cli("l.txt", cwd=mine)
    out, err = decoded(proc)
    assert proc.returncode == 1 and "desperation/cant-live-without" in out  # nothing was silenced
    assert "skipped" in err and "belongs to another user" in err
    # A file of another user in one's own folder is skipped too.
    os.chown(shared, 0, 0)
    os.chown(shared / ".letterlint.toml", 65534, 65534)
    os.chown(shared / ".letterlint-ignore.toml", 65534, 65534)
    proc = run_cli("l.txt", cwd=mine)
    out, err = decoded(proc)
    assert proc.returncode == 1 and "desperation/cant-live-without" in out
    assert "it belongs to another user" in err


# -- finding 7 (and the server half of finding 1): the language server ---------------------

from tests.test_lsp_protocol import LspClient, client, open_letter, workdir  # noqa: E402, F401


def test_finding_1_server_lints_off_its_event_loop(client, workdir: Path) -> None:  # noqa: F811
    """While a long run-on letter is being linted, hover in another letter is answered."""
    c = client()
    other = workdir / "other.txt"
    other.write_text(_LETTER, encoding="utf-8")
    diagnostics = open_letter(c, other, _LETTER)
    at = next(d for d in diagnostics if d["code"] == "desperation/cant-live-without")["range"]["start"]
    long_letter = SHAPES["comma run"](150_000)
    long_uri = (workdir / "long.txt").as_uri()
    c.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": long_uri, "languageId": "plaintext", "version": 1, "text": long_letter}},
    )
    hover = c.request("textDocument/hover", {"textDocument": {"uri": other.as_uri()}, "position": at})
    assert hover is not None and "cant-live-without" in hover["contents"]["value"]
    # The hover came back before the long letter's diagnostics: it did not wait for them.
    assert not any(m.get("params", {}).get("uri") == long_uri for m in c.pending)
    assert c.diagnostics(long_uri, 1) is not None


def test_finding_7_language_server_protocol_robustness(client, workdir: Path) -> None:  # noqa: F811
    c = client({"debounceMs": 10**12})  # clamped: changes are still linted
    uri = (workdir / "zoe.txt").as_uri()
    text = (workdir / "zoe.txt").read_text(encoding="utf-8")
    open_letter(c, workdir / "zoe.txt", text)
    c.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text + "\nPlease!!!\n"}]},
    )
    assert c.wait(lambda m: m.get("params", {}).get("version") == 2, timeout=60)
    # Documents that are not open are never read: a named pipe, /dev/zero, a missing file.
    os.mkfifo(workdir / "pipe.txt")
    (workdir / "zero.txt").symlink_to("/dev/zero")
    position = {"line": 0, "character": 0}
    for name in ("pipe.txt", "zero.txt", "missing.txt"):
        other = (workdir / name).as_uri()
        assert c.request("textDocument/hover", {"textDocument": {"uri": other}, "position": position}) is None
        actions = c.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": other},
                "range": {"start": position, "end": position},
                "context": {"diagnostics": []},
            },
        )
        assert actions in (None, [])
        c.notify("textDocument/didSave", {"textDocument": {"uri": other}})
    # After shutdown, requests get an error reply; exit then ends with 0.
    assert c.request("shutdown", None) is None
    c._id += 1
    c.send(
        {
            "id": c._id,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri}, "position": position},
        }
    )
    reply = c.wait(lambda m: m.get("id") == c._id)
    assert reply["error"]["code"] == -32600
    c.notify("exit", None)
    assert c.proc.wait(30) == 0
    # exit without shutdown: 1, as the specification says.
    rude = client()
    rude.notify("exit", None)
    assert rude.proc.wait(30) == 1
    # A message that declares 99,999,999,999 bytes is not held in memory.
    big = client()
    assert big.proc.stdin is not None
    big.proc.stdin.write(b"Content-Length: 99999999999\r\n\r\n" + b"x" * 1024)
    big.proc.stdin.close()
    assert big.proc.wait(60) == 1
    assert big.proc.stderr is not None
    err = big.proc.stderr.read().decode("utf-8", "replace")
    assert "MemoryError" not in err and "Traceback" not in err, err
