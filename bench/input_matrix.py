"""The input matrix: every awkward input a writer might hand letterlint, run through the real
CLI in a subprocess (offline: sockets fail, empty HOME and NLTK_DATA), with what it printed.

    python bench/input_matrix.py            # print the table
    python bench/input_matrix.py --write    # and write it to docs/input-matrix.md

tests/test_input_matrix.py runs the same cases and checks each expectation.
"""

from __future__ import annotations

import argparse
import codecs
import ctypes
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.offline_site import REFUSE_SOCKETS  # noqa: E402 - after the path is set

sys.path.insert(0, str(ROOT / "bench"))
from shapes import SHAPES  # noqa: E402

SHAPE_SIZE = 100_000

# A letter with one certain finding: desperation/cant-live-without at line 2, column 1.
LETTER = "Dear Sam,\nI can't live without you. Café, naïve, déjà vu.\n\nLove,\nJo\n"
RULE = "desperation/cant-live-without"


@dataclass
class Run:
    """How to invoke the CLI for one case."""

    args: list[str]
    stdin: bytes | None = b""
    close_stdin: bool = False
    drop_dac: bool = False  # run as root without CAP_DAC_OVERRIDE, so file permissions apply
    during: Callable[[subprocess.Popen[bytes], Path], None] | None = None
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Case:
    name: str  # what the input is, for the table
    build: Callable[[Path], Run]
    exit: int | tuple[int, ...]  # expected exit code (a tuple: any of these)
    stderr: str = ""  # expected in stderr; "" means stderr must be empty
    stdout: str = ""  # expected in stdout


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float = 0.0  # wall time of the whole run, interpreter start included


# -- builders: each gets an empty folder (the working directory of the run) -------------


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _file(name: str, data: bytes | str, *extra: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        _write(folder, name, data)
        return Run([*extra, name])

    return build


def _big_letter() -> str:
    paragraph = (
        "I have been thinking about the summer we spent by the lake, and how easy it felt to "
        "talk for hours. I miss that, and I miss you. I can't live without you.\n\n"
    )
    return "Dear Sam,\n\n" + paragraph * (5 * 1024 * 1024 // len(paragraph) + 1) + "Love,\nJo\n"


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _zip() -> bytes:
    path = Path(tempfile.mkdtemp()) / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("letter.txt", LETTER)
    return path.read_bytes()


def _mixed_folder(folder: Path) -> Run:
    drafts = folder / "drafts"
    (drafts / "old").mkdir(parents=True)
    _write(drafts, "a.txt", LETTER)
    _write(drafts, "b.md", "Hi Alex,\nI hope you are well. I'd love to hear from you.\n\nTake care,\nSam\n")
    _write(drafts / "old", "c.txt", LETTER)
    _write(drafts, "photo.png", _png())
    _write(drafts, "scan.pdf", b"%PDF-1.4\n")
    _write(drafts, "notes", "shopping: milk\n")
    _write(drafts, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    return Run(["drafts"])


def _no_permission(folder: Path) -> Run:
    path = _write(folder, "private.txt", LETTER)
    path.chmod(0)
    return Run(["private.txt"], drop_dac=True)


def _locked_folder(folder: Path) -> Run:
    drafts = folder / "drafts"
    (drafts / "locked").mkdir(parents=True)
    _write(drafts, "a.txt", LETTER)
    _write(drafts / "locked", "b.txt", LETTER)
    _write(drafts, "c.txt", LETTER).chmod(0)
    (drafts / "locked").chmod(0)
    return Run(["drafts"], drop_dac=True)


def _symlink_loop(folder: Path) -> Run:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return Run(["a.txt"])


def _wait_until_open(proc: subprocess.Popen[bytes], path: Path) -> None:
    """Until the CLI holds `path` open (read from /proc, so no sleep-and-hope)."""
    deadline = time.monotonic() + 60
    target = os.path.realpath(path)
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            names = os.listdir(f"/proc/{proc.pid}/fd")
        except OSError:
            names = []
        for fd in names:
            try:
                if os.readlink(f"/proc/{proc.pid}/fd/{fd}") == target:
                    return
            except OSError:
                continue
        time.sleep(0.01)
    raise RuntimeError(f"letterlint never opened {path}")


def _feed(path: Path, first: bytes, rest: bytes, before_rest: Callable[[], None]) -> Callable[..., None]:
    """Write a letter into a named pipe the CLI is reading, doing something halfway."""

    def during(proc: subprocess.Popen[bytes], folder: Path) -> None:
        fd = _pipe_fds.pop(path)
        try:
            _wait_until_open(proc, path)
            os.write(fd, first)
            before_rest()
            os.write(fd, rest)
        finally:
            os.close(fd)

    return during


_pipe_fds: dict[Path, int] = {}


def _pipe(path: Path) -> None:
    os.mkfifo(path)
    # Open both ends here, before the CLI starts, so it never sees a pipe without a writer.
    _pipe_fds[path] = os.open(path, os.O_RDWR)


def _deleted_while_read(folder: Path) -> Run:
    path = folder / "letter.txt"
    _pipe(path)
    half = len(LETTER) // 2
    data = LETTER.encode()
    return Run(["letter.txt"], during=_feed(path, data[:half], data[half:], path.unlink))


def _deleted_before_turn(folder: Path) -> Run:
    drafts = folder / "drafts"
    drafts.mkdir()
    first = drafts / "a.txt"
    _pipe(first)
    second = _write(drafts, "b.txt", LETTER)
    data = LETTER.encode()
    return Run(["drafts"], during=_feed(first, data, b"", second.unlink))


def _fifo_without_writer(folder: Path) -> Run:
    os.mkfifo(folder / "pipe.txt")
    return Run(["pipe.txt"])


def _undecodable_name(folder: Path) -> Run:
    drafts = folder / "drafts"
    drafts.mkdir()
    with open(os.path.join(os.fsencode(drafts), b"caf\xe9.txt"), "wb") as fh:  # not valid UTF-8
        fh.write(LETTER.encode())
    return Run(["drafts"])


def _output_over_letter(folder: Path) -> Run:
    _write(folder, "letter.txt", LETTER)
    return Run(["--format", "json", "--output", "letter.txt", "letter.txt"])


def _missing_and_good(folder: Path) -> Run:
    _write(folder, "letter.txt", LETTER)
    return Run(["gone.txt", "letter.txt"])


def _stdin(data: bytes, close: bool = False) -> Callable[[Path], Run]:
    return lambda folder: Run(["-"], stdin=None if close else data, close_stdin=close)


CRLF = LETTER.replace("\n", "\r\n")
CR = LETTER.replace("\n", "\r")
UNICODE = "Dear Sam 😀,\nI can\u2019t live without you 💔. Cafe\u0301 \u200fשלום\u200f.\n\nLove,\nJo\n"
NO_PUNCTUATION = LETTER.replace(".", "").replace(",", "")
ESCAPES = LETTER.replace("Café", "\x1b[2J\x1b]0;hi\x07")  # clear screen, set window title
TABS = "Dear Sam,\n\tI can't live without you.\tReally.\n\nLove,\n\tJo\n"

CASES: list[Case] = [
    Case("empty file", _file("empty.txt", b""), 2, "the letter is empty"),
    Case("whitespace only", _file("blank.txt", " \n\t\r\n  \n"), 2, "the letter is empty"),
    Case("a single word", _file("word.txt", "Hello"), 0, stdout="score"),
    Case("no sentence punctuation", _file("run-on.txt", NO_PUNCTUATION), 1, stdout=RULE),
    Case("one 50,000-character line", _file("line.txt", ("I miss you and think of you. " * 1800)[:50_000]), 0,
         stdout="score"),
    Case("5 MB letter", _file("big.txt", _big_letter()), 1, stdout=RULE),
    Case("UTF-8 without BOM", _file("utf8.txt", LETTER), 1, stdout=RULE),
    Case("UTF-8 with BOM", _file("bom.txt", codecs.BOM_UTF8 + LETTER.encode()), 1, stdout=RULE),
    Case("UTF-16 LE with BOM", _file("utf16le.txt", codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le")), 1,
         stdout=RULE),
    Case("UTF-16 BE with BOM", _file("utf16be.txt", codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be")), 1,
         stdout=RULE),
    Case("UTF-16 LE without BOM", _file("utf16.txt", LETTER.encode("utf-16-le")), 1, stdout=RULE),
    Case("Latin-1 text", _file("latin1.txt", LETTER.encode("latin-1")), 2, "--encoding"),
    Case("Latin-1 text, --encoding latin-1", _file("latin1.txt", LETTER.encode("latin-1"), "--encoding",
         "latin-1"), 1, stdout=RULE),
    Case("cp1252 text (curly quotes)", _file("win.txt", LETTER.replace("'", "\u2019").encode("cp1252")), 2,
         "--encoding cp1252"),
    Case("cp1252 text, --encoding cp1252", _file("win.txt", LETTER.replace("'", "\u2019").encode("cp1252"),
         "--encoding", "cp1252"), 1, stdout=RULE),
    Case("invalid UTF-8 bytes", _file("bad.txt", b"Dear Sam,\nI miss \xff\xfe you.\n"), 2, "not valid UTF-8"),
    Case("unknown --encoding", _file("utf8.txt", LETTER, "--encoding", "klingon"), 2, "unknown encoding"),
    Case("PDF", _file("letter.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), 2, "this is a PDF"),
    Case("PDF named .txt, --encoding latin-1", _file("letter.txt", b"%PDF-1.7\n1 0 obj\n", "--encoding",
         "latin-1"), 2, "this is a PDF"),
    Case("PNG image", _file("photo.png", _png()), 2, "PNG image"),
    Case("zip archive", _file("letters.zip", _zip()), 2, "zip archive"),
    Case("other binary (NUL bytes)", _file("data.bin", bytes(range(256)) * 8), 2, "binary file"),
    Case("CRLF line endings", _file("crlf.txt", CRLF), 1, stdout="crlf.txt:2:1: error"),
    Case("lone CR line endings", _file("cr.txt", CR), 1, stdout="cr.txt:2:1: error"),
    Case("tabs", _file("tabs.txt", TABS), 1, stdout="tabs.txt:2:2: error"),
    Case("emoji, combining accent, RTL marks", _file("unicode.txt", UNICODE), 1, stdout="unicode.txt:2:1: "),
    Case("terminal escape codes in the text", _file("esc.txt", ESCAPES), 1, stdout="\ufffd[2J"),
    Case("folder with letters and other files", _mixed_folder, 1, "skipped 3 files that are not letters",
         "drafts/old/c.txt"),
    Case("file name with invalid UTF-8 bytes", _undecodable_name, 1, stdout="drafts/caf\ufffd.txt"),
    Case("missing path", lambda folder: Run(["missing.txt"]), 2, "missing.txt: no such file or folder"),
    Case("missing path, then a good letter", _missing_and_good, 2, "gone.txt: no such file", RULE),
    Case("no read permission (root without CAP_DAC_OVERRIDE)", _no_permission, 2, "permission denied"),
    Case("folder with an unreadable letter and subfolder", _locked_folder, 2,
         "drafts/locked: cannot open folder: permission denied", "drafts/a.txt: score"),
    Case("symlink loop", _symlink_loop, 2, "symbolic link loop"),
    Case("named pipe with no writer", _fifo_without_writer, 2, "the letter is empty"),
    Case("/dev/zero (endless input)", lambda folder: Run(["/dev/zero"]), 2, "too large"),
    Case("stdin: a letter", _stdin(LETTER.encode()), 1, stdout=RULE),
    Case("stdin empty", _stdin(b""), 2, "standard input is empty"),
    Case("stdin closed", _stdin(b"", close=True), 2, "standard input is closed"),
    Case("file deleted while being read", _deleted_while_read, 1, stdout=RULE),
    Case("folder: next letter deleted before its turn", _deleted_before_turn, 2, "b.txt: no such file", RULE),
    Case("--output naming the letter itself", _output_over_letter, 2, "refusing to overwrite"),
    # The adversarial shapes of bench/shapes.py at 100 KB: each is an ordinary report (its
    # profile line; a generated sentence may raise the support note, which hides the score).
    *(Case(f"100 KB of {shape} ({suffix})", _file(f"shape{suffix}", make(SHAPE_SIZE)), (0, 1),
           stdout="profile")
      for shape, make in SHAPES.items() for suffix in (".txt", ".md")),
]  # fmt: skip


# -- running ----------------------------------------------------------------------------


def offline_env(scratch: Path) -> dict[str, str]:
    """Sockets fail (sitecustomize), HOME and NLTK_DATA are empty folders."""
    site = scratch / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(REFUSE_SOCKETS)
    for name in ("home", "nltk_data"):
        (scratch / name).mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "LETTERLINT_CACHE_DIR")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]),
        HOME=str(scratch / "home"),
        NLTK_DATA=str(scratch / "nltk_data"),
        NO_COLOR="1",
        LC_ALL="C.UTF-8",
    )
    env.pop("XDG_CACHE_HOME", None)
    return env


def _drop_dac() -> None:
    """In the child, before exec: root keeps its uid but loses the right to ignore file modes."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop CAP_DAC_OVERRIDE")


def execute(run: Run, cwd: Path, env: dict[str, str]) -> Outcome:
    def preexec() -> None:
        if run.close_stdin:
            os.close(0)
        if run.drop_dac:
            _drop_dac()

    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterlint", *run.args],
        stdin=None if run.close_stdin else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**env, **run.env},
        preexec_fn=preexec if (run.close_stdin or run.drop_dac) else None,
    )
    if run.during is not None:
        run.during(proc, cwd)
    out, err = proc.communicate(input=run.stdin if not run.close_stdin else None, timeout=300)
    seconds = time.perf_counter() - started
    return Outcome(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds)


def run_case(case: Case, scratch: Path, env: dict[str, str]) -> Outcome:
    folder = scratch / re.sub(r"\W+", "-", case.name).strip("-")
    folder.mkdir()
    return execute(case.build(folder), folder, env)


def expected_exits(case: Case) -> tuple[int, ...]:
    return case.exit if isinstance(case.exit, tuple) else (case.exit,)


def problems(case: Case, outcome: Outcome) -> list[str]:
    """What differs from the case's expectation (empty: as expected)."""
    found = []
    if outcome.code not in expected_exits(case):
        found.append(f"exit {outcome.code}, expected {case.exit}")
    if case.stderr and case.stderr not in outcome.stderr:
        found.append(f"stderr lacks {case.stderr!r}")
    if not case.stderr and outcome.stderr.strip():
        found.append(f"unexpected stderr {outcome.stderr.strip()!r}")
    if case.stdout and case.stdout not in outcome.stdout:
        found.append(f"stdout lacks {case.stdout!r}")
    if "Traceback" in outcome.stderr:
        found.append("a traceback")
    if outcome.code == 2 and any(len(line) > 300 for line in outcome.stderr.splitlines()):
        found.append("an error line longer than 300 characters")
    return found


# -- the table --------------------------------------------------------------------------


def _cell(text: str) -> str:
    text = text.replace("|", "\\|").replace("\n", " ⏎ ").strip()
    return f"`{text}`" if text else ""


def _stdout_summary(stdout: str) -> str:
    """Per file: its score and counts, or that the report lists its error; then the first
    error finding with its position."""
    files: dict[str, str] = {}
    first = ""
    for line in stdout.splitlines():
        if m := re.match(r"(\S+): score (\d+)/100", line):
            files[m.group(1)] = f"{m.group(1)}: score {m.group(2)}"
        elif (m := re.match(r"(.+?): (\d+ (?:error|warning|info)s?(?:, [^;]*)?)(?:;.*)?$", line)) and m.group(
            1
        ) in files:
            files[m.group(1)] += f" ({m.group(2)})"
        elif m := re.match(r"(.+?:\d+:\d+): (?:error|warning|info): .*\[(.+)\]$", line):
            if not first and ": error: " in line:
                first = f"first error {m.group(1)} [{m.group(2)}]"
        elif m := re.match(r"(.+?): error: (.*)$", line):
            files.setdefault(m.group(1), f"{m.group(1)}: error (as on stderr)")
    return " ⏎ ".join([*files.values(), first] if first else files.values())


def table(results: list[tuple[Case, Outcome]]) -> str:
    out = [
        "| Input | Exit | Time | stderr | stdout (report, abridged) |",
        "|---|---|---|---|---|",
    ]
    for case, outcome in results:
        stderr = " ⏎ ".join(outcome.stderr.strip().splitlines())
        out.append(
            f"| {case.name} | {outcome.code} | {outcome.seconds:.2f} s | {_cell(stderr)} "
            f"| {_cell(_stdout_summary(outcome.stdout))} |"
        )
    return "\n".join(out) + "\n"


HEADER = """# Input matrix

Generated by `python bench/input_matrix.py --write`; every row is also a test
(`tests/test_input_matrix.py`). Each input is built in an empty folder and handed to the real
CLI in a subprocess, offline (sockets fail, `HOME` and `NLTK_DATA` are empty folders), with the
default report format (plain text, as in a pipe). Exit codes: 0 nothing at or above `--fail-on`,
1 findings, 2 a usage or input error (one line on stderr per problem, no traceback). A file that
cannot be read does not stop the run: the other files are still linted and reported.

Time is the wall time of the whole run, Python's start-up and loading the rules included
(about a second on its own), measured on the machine that wrote this file. The last rows are
the adversarial shapes of `bench/shapes.py` at 100 KB, each linted as `.txt` and as `.md`;
`bench/adversarial.py` gives their time per KB at 10 KB, 100 KB and 1 MB.

The test letter is a short note with one certain finding (`desperation/cant-live-without`,
line 2, column 1), so a correct report can be recognised in every encoding and line ending.

How the harder rows are made:

- **No read permission**: the tests run as root, and root ignores `chmod 000`. The run drops
  `CAP_DAC_OVERRIDE` and `CAP_DAC_READ_SEARCH` from its capability bounding set before `exec`
  (`prctl(PR_CAPBSET_DROP)`), so the kernel applies the file's mode to root as to anyone else.
- **File deleted while being read**: the letter is a named pipe; the harness writes half of it,
  deletes the file's name, then writes the rest. As on any POSIX system, an open file outlives
  its name, so the whole letter is read and reported.
- **Next letter deleted before its turn**: a folder of two letters; the first is a named pipe,
  and while letterlint waits on it the harness deletes the second.
- **Named pipe with no writer** and **/dev/zero**: letters are opened non-blocking and read up
  to a 20 MB limit, so neither can hang the run.
- **Terminal escape codes**: control characters other than tab and line breaks are shown as
  U+FFFD, one character for one, so a letter cannot drive the terminal and columns still hold.
- **Empty letters** (empty, whitespace only, empty stdin) are an input error rather than a
  report of eight missing sections.

"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write docs/input-matrix.md")
    args = parser.parse_args()
    results: list[tuple[Case, Outcome]] = []
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        env = offline_env(scratch)
        for case in CASES:
            outcome = run_case(case, scratch, env)
            results.append((case, outcome))
            wrong = problems(case, outcome)
            failed += bool(wrong)
            print(f"{'FAIL' if wrong else 'ok  '} {case.name}: exit {outcome.code} {'; '.join(wrong)}",
                  file=sys.stderr)  # fmt: skip
    text = table(results)
    print(text)
    if args.write:
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "input-matrix.md").write_text(HEADER + text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
