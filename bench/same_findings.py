"""Performance work must not change what letterlint reports: compare the output with a git ref.

    python bench/same_findings.py              # against the merge-base of HEAD and main
    python bench/same_findings.py --ref cd3b0f8

The ref's `letterlint/` and `rules/` are exported to a temporary folder and run with the same
interpreter. Inputs: examples/*.txt, tests/corpus/letters/*.txt and 300 generated letters, under
every built-in profile. The working tree runs twice (empty cache folder, then the cache it
built) and, when it has --jobs, with --jobs 1 and --jobs 2. The exit code, the JSON report and
the lines on stderr (sorted: with --jobs they may come in another order) must be equal.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from textgen import LetterGenerator  # noqa: E402

PROFILES = ("reconcile", "apology", "general")
LINT = [sys.executable, "-m", "letterlint", "--format", "json", "--fail-on", "never"]


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def export(ref: str, target: Path) -> None:
    data = subprocess.run(
        ["git", "archive", ref, "letterlint", "rules"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(target, filter="data")


def inputs(tmp: Path) -> list[str]:
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    files += sorted(str(p) for p in (ROOT / "tests" / "corpus" / "letters").glob("*.txt"))
    gen_dir = tmp / "generated"
    gen_dir.mkdir()
    gen = LetterGenerator(seed=99)
    for i in range(300):
        path = gen_dir / f"g{i:03d}.txt"
        path.write_text(gen.letter(), encoding="utf-8")
        files.append(str(path))
    edge = {
        "empty.txt": "",
        "crlf.txt": "Dear Sam,\r\n\r\nI can't live without you. Please come back.\r\n\r\nLove,\r\nJo\r\n",
        "one_line.txt": "i miss u so much pls answer me!!!",
        "no_breaks.txt": " ".join(LetterGenerator(seed=3).paragraph(40) for _ in range(5)),
        "short_lines.txt": "\n".join(LetterGenerator(seed=4).sentence()[:40] for _ in range(400)),
        "quotes.txt": 'Dear Kit,\n\nYou said "I never want to see you again" and she told me you\'d say '
        "'you always blame me'. I won't beg. If I begged, it wouldn't be fair.\n\nLove,\nAl\n",
        "unicode.txt": "Dear İlkay,\n\nI ſtill miſs you. K\u212aEEP calm. I’m ſorry.\n\nLove,\nJo\n",
    }
    for name, text in edge.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    return files


def run(pythonpath: str, cache: Path, profile: str, files: list[str], extra: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=pythonpath, LETTERLINT_CACHE_DIR=str(cache), NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    out = subprocess.run(
        [*LINT, "--profile", profile, *extra, *files],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    if out.returncode not in (0, 2) or not out.stdout.strip():  # 2: some file could not be read
        raise SystemExit(f"letterlint failed ({pythonpath}, {extra}): {out.stderr.strip()[-800:]}")
    # stderr lines sorted: with --jobs, messages about single files may come in another order
    errors = sorted(out.stderr.splitlines())
    return {"exit": out.returncode, "report": json.loads(out.stdout), "stderr": errors}


def first_difference(a: object, b: object, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        assert isinstance(b, dict)
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}.{key}: only in one report"
            found = first_difference(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        assert isinstance(b, list)
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} != {b!r}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ref", help="git ref to compare with (default: merge-base of HEAD and main)")
    args = parser.parse_args()
    ref = args.ref or git("merge-base", "HEAD", "main")
    help_text = subprocess.run(
        [sys.executable, "-m", "letterlint", "--help"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    ).stdout
    variants: list[tuple[str, list[str], bool]] = [("empty cache", [], True), ("warm cache", [], False)]
    if "--jobs" in help_text:
        variants += [("--jobs 1", ["--jobs", "1"], False), ("--jobs 2", ["--jobs", "2"], False)]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        baseline = tmp / "baseline"
        export(ref, baseline)
        files = inputs(tmp)
        for profile in PROFILES:
            expected = run(str(baseline), tmp / "cache-baseline", profile, files, [])
            cache = tmp / f"cache-{profile}"
            for label, extra, fresh in variants:
                if fresh:
                    assert not cache.exists()
                got = run(str(ROOT), cache, profile, files, extra)
                diff = first_difference(expected, got)
                status = "same" if diff is None else f"DIFFERENT at {diff}"
                print(f"{profile:9} {label:12} {len(files)} files: {status}")
                failures += diff is not None
    print(f"compared with {ref[:12]}: {'all reports identical' if not failures else f'{failures} differ'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
