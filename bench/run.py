"""letterlint benchmark: the budgets of DESIGN.md, measured on this machine, beside proselint.

    python bench/run.py                      # everything (about 3-6 minutes)
    python bench/run.py --only warm,cold     # some sections
    python bench/run.py --quick              # fewer repetitions, for a smoke test
    python bench/run.py --output bench/latest.md

Run it with the interpreter of the project's venv. proselint is installed into the bench's
own venv (bench/.venv) on first use; it is never a project dependency. The machine is
shared and noisy, so every number is a median, and every comparison is measured
alternately in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LETTER = BENCH / "data" / "letter500.txt"
BENCH_VENV = BENCH / ".venv"
SECTIONS = ("warm", "cold", "batch", "scale")

sys.path.insert(0, str(BENCH))
from textgen import LetterGenerator  # noqa: E402

# -- helpers -------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def mb(kilobytes: float) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds
    rss: int  # peak resident set, KB


GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> Sample:
    """One whole process, output discarded. Peak memory comes from GNU time: the child's own
    ru_maxrss would include the benchmark's pages copied at fork."""
    with tempfile.NamedTemporaryFile("r") as usage:
        full = [GNU_TIME, "-o", usage.name, "-f", "%U %S %M", *cmd] if GNU_TIME else cmd
        start = time.perf_counter()
        proc = subprocess.run(
            full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tempfile.gettempdir()
        )
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr[-500:]!r}")
        if not GNU_TIME:
            return Sample(wall, float("nan"), 0)
        user, system, rss = usage.read().strip().splitlines()[-1].split()
        return Sample(wall, float(user) + float(system), int(rss))


def letterlint_cmd() -> list[str]:
    script = Path(sys.executable).parent / "letterlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "letterlint"]


def has_jobs_option() -> bool:
    out = subprocess.run([*letterlint_cmd(), "--help"], capture_output=True, text=True).stdout
    return "--jobs" in out


def proselint_cmd() -> list[str]:
    """proselint from the bench's own venv, created on first use."""
    exe = BENCH_VENV / "bin" / "proselint"
    if not exe.exists():
        print("setting up bench/.venv with proselint ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run(
            [str(BENCH_VENV / "bin" / "pip"), "install", "-q", "proselint"],
            check=True,
            stderr=subprocess.DEVNULL,
        )
    return [str(exe), "check"]


def proselint_version() -> str:
    out = subprocess.run(
        [
            str(BENCH_VENV / "bin" / "python"),
            "-c",
            "import importlib.metadata as m; print(m.version('proselint'))",
        ],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or "?"


def machine() -> str:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, letterlint {version('letterlint')}, "
        f"PyStemmer {version('pystemmer')}, proselint {proselint_version()}, "
        f"load average at start {os.getloadavg()[0]:.2f}"
    )


def prepare_bytecode() -> None:
    """An installed wheel has .pyc files; an editable checkout under PYTHONDONTWRITEBYTECODE has
    none, which would add compile time to every cold run. compileall writes them explicitly."""
    import letterlint

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(letterlint.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


# -- warm, in-process ------------------------------------------------------------


def clear_caches() -> None:
    """Forget everything a previous lint of the same text left behind: the per-sentence VADER
    scores and crisis-scorer features (and, for releases that used it, textstat's lru caches,
    keyed by text). Lexicons and compiled rules stay."""
    from letterlint import nlp

    nlp.sentiment().clear_cache()
    from letterlint.checks import crisis

    clear_crisis = getattr(crisis, "clear_memo", None)  # releases before the crisis scorer lack it
    if clear_crisis is not None:
        clear_crisis()
    clear = getattr(nlp, "clear_caches", None)
    if clear is not None:
        clear()
        return
    for obj in gc.get_objects():  # before nlp.clear_caches existed
        if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__.startswith("textstat"):
            obj.cache_clear()


def time_runs(fn: Callable[[], object], runs: int, before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def stage_split(engine: object, text: str, runs: int) -> list[tuple[str, float]]:
    """Median CPU time of each stage of one lint, with caches cleared before each run."""
    from letterlint import engine as engine_mod
    from letterlint.checks import sections
    from letterlint.checks.base import Context
    from letterlint.checks.registry import kinds
    from letterlint.document import Document
    from letterlint.report import ReportOptions, renderer

    stages: dict[str, list[float]] = {}

    def timed(name: str, fn: Callable[[], object]) -> object:
        start = time.thread_time()
        result = fn()
        stages.setdefault(name, []).append(time.thread_time() - start)
        return result

    def document() -> Document:
        doc = Document(text)
        for prop in ("paragraphs", "sentences", "greeting", "sign_off", "body_sentences", "closing_region"):
            getattr(doc, prop)
        _ = doc.quoted
        return doc

    profile = engine.profile("reconcile")  # type: ignore[attr-defined]
    rules = list(engine.ruleset.rules.values())  # type: ignore[attr-defined]
    result = engine.lint(text)  # type: ignore[attr-defined]
    for _ in range(runs):
        clear_caches()
        doc = timed("document: paragraphs, sentences, regions, quotes", document)
        ctx = Context(doc, profile, engine.ruleset)  # type: ignore[attr-defined]
        timed("sentiment: VADER per sentence", lambda ctx=ctx: ctx.compounds)
        timed("readability: Flesch-Kincaid grade", lambda ctx=ctx: ctx.reading_grade)
        timed("tokens: words, stems, where patterns may start", lambda ctx=ctx: ctx._index)
        present = timed("section presence (shared by checks)", lambda ctx=ctx: sections.presence(ctx))
        for kind in kinds():
            chosen = [r for r in rules if r.kind == kind]
            timed(
                f"check kind: {kind} ({len(chosen)} rules)",
                lambda chosen=chosen, ctx=ctx, present=present: [
                    list(engine_mod._run(r, ctx, present))  # type: ignore[arg-type]
                    for r in chosen
                ],
            )
        timed("report: json", lambda: renderer("json")([result], ReportOptions(terminal=False)))
        timed("report: plain text", lambda: renderer("rich")([result], ReportOptions(terminal=False)))
        timed(
            "report: rich (terminal)",
            lambda: renderer("rich")([result], ReportOptions(terminal=True, color=True, width=100)),
        )
    return [(name, median(values)) for name, values in stages.items()]


def _warm_with_indexes(text: str, runs: int) -> list[str]:
    """The same lint as the language server and the local page run it: with the first-word
    indexes they build at start (letterlint.engine.prepare_for_many_lints)."""
    from letterlint.engine import Engine, prepare_for_many_lints

    engine = Engine.load()
    prepare_for_many_lints(engine)
    engine.lint(text)
    walls, cpus = [], []
    for _ in range(runs):
        clear_caches()
        wall, cpu = time.perf_counter(), time.thread_time()
        engine.lint(text)
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    name = f"lint with the first-word indexes, as the language server runs it (caches cleared; {runs} runs)"
    return [name, ms(median(walls)), ms(median(cpus)), "≤ 5 ms"]


def bench_warm(runs: int) -> str:
    from letterlint.engine import Engine

    text = LETTER.read_text(encoding="utf-8")
    engine = Engine.load()
    result = engine.lint(text)
    samples: dict[str, list[float]] = {"cold wall": [], "cold cpu": [], "warm wall": [], "warm cpu": []}
    for _ in range(runs):  # paired, so both see the same load on a shared machine
        clear_caches()
        for label in ("cold", "warm"):  # the second run finds the caches the first one filled
            wall, cpu = time.perf_counter(), time.thread_time()
            engine.lint(text)
            samples[f"{label} cpu"].append(time.thread_time() - cpu)
            samples[f"{label} wall"].append(time.perf_counter() - wall)
    med = {key: median(values) for key, values in samples.items()}
    rows = [
        [
            f"lint, caches cleared before each run (the honest number; {runs} runs)",
            ms(med["cold wall"]),
            ms(med["cold cpu"]),
            "≤ 5 ms",
        ],
        [
            f"lint again, sentence caches warm (LSP re-lint; {runs} runs)",
            ms(med["warm wall"]),
            ms(med["warm cpu"]),
            "",
        ],
    ]
    split = stage_split(engine, text, max(20, runs // 4))
    rows += [[f"&nbsp;&nbsp;{name}", "", ms(value), ""] for name, value in split]
    rows.append(_warm_with_indexes(text, runs))
    words = len(text.split())
    head = (
        f"### Warm lint, in process ({LETTER.name}: {words} words, "
        f"{result.stats.sentences} sentences, {len(result.findings)} findings)\n\n"
        "Engine loaded and used once before timing. 'Caches cleared' empties the per-sentence VADER "
        "cache before each run; 'caches warm' lints the same text again "
        "right after. CPU is this thread's CPU time, which a busy shared machine disturbs less than "
        "wall time. Stages (indented) are timed one after another with caches cleared; their sum "
        "is close to, not exactly, the whole lint. Report rows are not part of the lint.\n\n"
    )
    return head + table(["measure", "wall", "CPU", "budget"], rows)


# -- cold, whole process ---------------------------------------------------------


def bench_cold(runs: int) -> str:
    py = sys.executable
    ll = letterlint_cmd()
    pl = proselint_cmd()
    letter = str(LETTER)
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    rich_env = dict(env, FORCE_COLOR="1", COLUMNS="100")
    plain = f"letterlint {LETTER.name} (piped: plain report)"
    prose = f"proselint check {LETTER.name}"
    commands: list[tuple[str, list[str], dict[str, str]]] = [
        ("python -c pass", [py, "-c", "pass"], env),
        ('python -c "import rich"', [py, "-c", "import rich"], env),
        (plain, [*ll, letter], env),
        (f"letterlint --format json {LETTER.name}", [*ll, "--format", "json", letter], env),
        (f"letterlint {LETTER.name} (terminal: rich report)", [*ll, letter], rich_env),
        (prose, [*pl, letter], env),
    ]
    for _, cmd, e in commands:  # prime the OS page cache and letterlint's user cache
        run_timed(cmd, e)
    samples: dict[str, list[Sample]] = {name: [] for name, _, _ in commands}
    for _ in range(runs):
        for name, cmd, e in commands:
            samples[name].append(run_timed(cmd, e))
    first: list[Sample] = []
    for _ in range(3):  # a first run ever: empty letterlint cache folder
        with tempfile.TemporaryDirectory() as cache:
            first.append(run_timed([*ll, letter], dict(env, LETTERLINT_CACHE_DIR=cache)))
    samples["letterlint, first run ever (empty cache folder; 3 runs)"] = first
    rows = [
        [
            name,
            secs(median([x.wall for x in got])),
            secs(median([x.cpu for x in got])),
            mb(max(x.rss for x in got)),
        ]
        for name, got in samples.items()
    ]
    wall = {name: median([x.wall for x in got]) for name, got in samples.items()}
    cpu = {name: median([x.cpu for x in got]) for name, got in samples.items()}
    rows.append(
        [
            "ratio letterlint / proselint (plain report)",
            f"{wall[plain] / wall[prose]:.2f}x",
            f"{cpu[plain] / cpu[prose]:.2f}x",
            "",
        ]
    )
    head = (
        f"### Cold start, whole process (median of {runs} alternating runs)\n\n"
        "Budget: letterlint ≤ 0.35 s wall; peak memory ≤ 150 MB. CPU is user + system time, "
        "which a busy shared machine disturbs less than wall time.\n\n"
    )
    return head + table(["command", "wall", "CPU", "peak RSS"], rows)


# -- batch: many letters in one call ---------------------------------------------


def write_letters(folder: Path, count: int) -> int:
    gen = LetterGenerator(seed=1000)
    words = 0
    for i in range(count):
        text = gen.letter()
        words += len(text.split())
        (folder / f"letter{i:04d}.txt").write_text(text, encoding="utf-8")
    return words


def bench_batch(count: int, rounds: int) -> str:
    ll = letterlint_cmd()
    pl = proselint_cmd()
    jobs = has_jobs_option()
    prose = "proselint check DIR"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        folder.mkdir()
        words = write_letters(folder, count)
        commands: list[tuple[str, list[str]]] = []
        if jobs:
            commands.append(("letterlint --jobs 1 DIR", [*ll, "--jobs", "1", str(folder)]))
        commands.append((f"letterlint DIR (default --jobs: {os.cpu_count()} cores)", [*ll, str(folder)]))
        commands.append((prose, [*pl, str(folder)]))
        samples: dict[str, list[Sample]] = {name: [] for name, _ in commands}
        for _ in range(rounds):
            for name, cmd in commands:
                samples[name].append(run_timed(cmd))
    wall = {name: median([x.wall for x in got]) for name, got in samples.items()}
    rows = []
    for name, got in samples.items():
        ratio = "" if name == prose else f"{wall[name] / wall[prose]:.2f}x"
        cpu = median([x.cpu for x in got])
        rows.append(
            [
                name,
                secs(wall[name]),
                f"{count / wall[name]:.0f}",
                ratio,
                secs(cpu),
                mb(max(x.rss for x in got)),
            ]
        )
    if not jobs:
        rows.insert(0, ["letterlint --jobs 1 DIR", "(no --jobs option)", "", "", "", ""])
    head = (
        f"### {count} letters in one call (median of {rounds} alternating rounds; "
        f"{words / count:.0f} words per letter on average, generated by bench/textgen.py)\n\n"
        "Budget: faster than proselint on the same files in the same run, aiming at ≤ 2 s. "
        "CPU and peak RSS cover the parent process and its workers (GNU time).\n\n"
    )
    return head + table(["command", "wall", "letters/s", "vs proselint", "CPU", "peak RSS"], rows)


# -- scaling ---------------------------------------------------------------------

SIZES = ((10_000, "10 KB"), (100_000, "100 KB"), (1_000_000, "1 MB"), (5_000_000, "5 MB"))


def bench_scale(quick: bool) -> str:
    ll = letterlint_cmd()
    gen = LetterGenerator(seed=5)
    pool = gen.text_of_size(SIZES[-1][0])
    rows = []
    previous: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size, label in SIZES:
            path = Path(tmp) / f"text{size}.txt"
            path.write_text(pool[:size], encoding="utf-8")
            reps = 1 if size >= 1_000_000 or quick else 3
            runs = [run_timed([*ll, "--format", "json", str(path)]) for _ in range(reps)]
            wall = median([r.wall for r in runs])
            lint = median([_inprocess_lint_time(path) for _ in range(reps)])
            ratio = f"{lint / previous:.1f}x" if previous else ""
            rows.append([label, secs(wall), secs(lint), ratio, mb(max(r.rss for r in runs))])
            previous = lint
    head = (
        "### Scaling (one file; generated letters back to back)\n\n"
        "`wall` is the whole `letterlint --format json FILE` process; `lint` is engine.lint alone "
        "in a fresh process (caches empty). Linear growth is about 10x per 10x (5x for 1 → 5 MB). "
        "Budget: 1 MB ≤ 5 s; peak ≤ 150 MB.\n\n"
    )
    return head + table(["size", "wall", "lint", "lint growth", "peak RSS"], rows)


_LINT_ONE = """
import sys, time
from letterlint.engine import Engine
engine = Engine.load()
engine.lint("Dear Sam,\\nI miss you. Love, Jo")
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
engine.lint(text)
print(time.perf_counter() - start)
"""


def _inprocess_lint_time(path: Path) -> float:
    out = subprocess.run(  # from a neutral folder: `python -c` imports from the current one
        [sys.executable, "-c", _LINT_ONE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return float(out.stdout.strip())


# -- main ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke test)")
    parser.add_argument("--letters", type=int, default=1000, help="letters in the batch test (default 1000)")
    parser.add_argument("--output", type=Path, help="also write the markdown report here")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(SECTIONS)
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    prepare_bytecode()
    proselint_cmd()
    parts = [f"## letterlint benchmark, {time.strftime('%Y-%m-%d %H:%M')}\n\nMachine: {machine()}\n"]
    if "warm" in chosen:
        parts.append(bench_warm(20 if args.quick else 200))
        print(parts[-1] + "\n", flush=True)
    if "cold" in chosen:
        parts.append(bench_cold(3 if args.quick else 10))
        print(parts[-1] + "\n", flush=True)
    if "batch" in chosen:
        parts.append(bench_batch(args.letters, 1 if args.quick else 3))
        print(parts[-1] + "\n", flush=True)
    if "scale" in chosen:
        parts.append(bench_scale(args.quick))
        print(parts[-1] + "\n", flush=True)
    if args.output:
        args.output.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
