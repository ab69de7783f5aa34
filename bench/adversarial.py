"""Time per KB on adversarial shapes (bench/shapes.py) beside ordinary prose.

    python bench/adversarial.py                  # 10 KB, 100 KB and 1 MB of every shape
    python bench/adversarial.py --sizes 10,100   # sizes in KB
    python bench/adversarial.py --output bench/adversarial.md
    python bench/adversarial.py --shapes "ordinary prose,deep quotes"

Each shape is linted as a plain-text letter (.txt) and as a Markdown draft (.md), through the
path the command line takes: read the file, build the draft, lint, render the plain and the
JSON reports. The engine is loaded once; each time is the best of three runs at every size,
each from empty sentence caches, so that a repeated size is not flattered by the run before.
Growth is linear when 1 MB costs at most 12x what 100 KB costs.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
from run import clear_caches  # noqa: E402
from shapes import SHAPES  # noqa: E402

GROWTH_LIMIT = 12.0


def lint_file(engine: object, path: Path) -> float:
    """CPU seconds of this thread for one letter from its file to both reports: the lint runs
    in this one thread, and CPU time is far less disturbed than wall time by the other work a
    shared machine does (wall times swung 8x to 13x between two identical rows)."""
    from letterlint.report import ReportOptions, renderer
    from letterlint.runner import Job, lint_one

    options = ReportOptions(color=False, width=100, quiet=False, summary_only=False, terminal=False)
    clear_caches()  # no run may reuse the sentence scores of the one before (they favour small sizes)
    gc.collect()
    start = time.thread_time()
    item = lint_one(Job(path.name, path))  # the command line's own path: read, draft, lint
    for fmt in ("rich", "json"):
        renderer(fmt)([item], options)
    return time.thread_time() - start


def measure(
    sizes_kb: list[int], formats: tuple[str, ...] = (".txt", ".md"), shapes: list[str] | None = None
) -> list[dict[str, object]]:
    from letterlint.engine import Engine

    engine = Engine.load()
    engine.lint("Dear Sam,\n\nI miss you.\n\nLove,\nJo\n")  # load VADER and the syllable table first
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            if shapes and name not in shapes:
                continue
            for suffix in formats:
                times: dict[int, float] = {}
                for kb in sizes_kb:
                    text = make(kb * 1000)
                    path = Path(tmp) / f"letter{suffix}"
                    path.write_text(text, encoding="utf-8")
                    # Best of three at every size: the least disturbed run of each, on a shared machine.
                    best = min(lint_file(engine, path) for _ in range(3))
                    times[kb] = best
                    print(f"{name} {suffix} {kb} KB: {best * 1000:.0f} ms CPU", file=sys.stderr, flush=True)
                rows.append({"shape": name, "format": suffix, "times": times})
    return rows


def report(rows: list[dict[str, object]], sizes_kb: list[int]) -> str:
    head = ["shape", "as"] + [f"{kb:,} KB (CPU ms/KB)" for kb in sizes_kb]
    if 100 in sizes_kb and 1000 in sizes_kb:
        head.append("1 MB / 100 KB")
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        times: dict[int, float] = row["times"]  # type: ignore[assignment]
        cells = [str(row["shape"]), str(row["format"])]
        cells += [f"{times[kb] * 1000 / kb:.2f}" for kb in sizes_kb]
        if 100 in times and 1000 in times:
            cells.append(f"{times[1000] / times[100]:.1f}x")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def worst_growth(rows: list[dict[str, object]]) -> float:
    ratios = [
        t[1000] / t[100]  # type: ignore[index]
        for t in (row["times"] for row in rows)
        if 100 in t and 1000 in t  # type: ignore[operator]
    ]
    return max(ratios, default=0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB (default 10,100,1000)")
    parser.add_argument("--output", type=Path, help="also write the table here")
    parser.add_argument("--shapes", help="only these shapes, comma-separated (default: all)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = measure(sizes, shapes=args.shapes.split(",") if args.shapes else None)
    text = report(rows, sizes)
    growth = worst_growth(rows)
    if growth:
        verdict = "linear" if growth <= GROWTH_LIMIT else "NOT linear"
        text += f"\nWorst growth from 100 KB to 1 MB: {growth:.1f}x ({verdict}; limit {GROWTH_LIMIT:.0f}x).\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0 if growth <= GROWTH_LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
