"""`letterlint ignore FILE[:LINE[:COL]] RULE`: keep a finding without editing the letter
(the command-line side of `letterlint.ignores`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from letterlint import drafts
from letterlint.engine import Selection
from letterlint.explain import find_rule
from letterlint.ignores import FileIgnores, add
from letterlint.settings import Overrides, resolve_settings
from letterlint.usage import ArgParser, UsageError

# -- `letterlint ignore FILE[:LINE[:COL]] RULE` ------------------------------------------------

_LOCATION = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?$")

USAGE = "usage: letterlint ignore [--profile NAME] [--config FILE] FILE[:LINE[:COL]] RULE"


def parse_location(value: str) -> tuple[Path, int | None, int | None]:
    m = _LOCATION.match(value)
    if not m:  # pragma: no cover - the pattern matches any non-empty string
        raise ValueError(value)
    line = int(m["line"]) if m["line"] else None
    col = int(m["col"]) if m["col"] else None
    return Path(m["file"]), line, col


def build_parser() -> ArgParser:
    parser = ArgParser(
        prog="letterlint ignore",
        description="Keep a finding without editing the letter: FILE:LINE[:COL] RULE ignores one "
        "occurrence, FILE RULE_OR_FAMILY turns it off for the whole file. Kept in .letterlint-ignore.toml.",
    )
    parser.add_argument("location", metavar="FILE[:LINE[:COL]]")
    parser.add_argument("rule", metavar="RULE")
    parser.add_argument("--profile")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--encoding")
    return parser


def command(argv: list[str]) -> int:
    """`letterlint ignore FILE:LINE[:COL] RULE` keeps one finding; `FILE RULE` a rule for the file."""
    args = build_parser().parse_args(argv)
    path, line, col = parse_location(args.location)
    if not path.is_file():
        raise UsageError(f"{path}: no such file (see: {USAGE})")
    settings = resolve_settings(path, Overrides(config=args.config, profile=args.profile))
    engine = settings.engine
    rule = find_rule(engine.ruleset, args.rule)
    if line is None:  # the whole file
        family = args.rule if args.rule in {r.family for r in engine.ruleset.rules.values()} else None
        if rule is None and family is None:
            raise UsageError(f"unknown rule {args.rule!r}; 'letterlint rules' lists them all")
        target = add(path, rule.id if rule else str(family))
        print(f"letterlint: {rule.id if rule else family} is off for {path} (in {target})")
        return 0
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r}; 'letterlint rules' lists them all")
    draft = drafts.read(path, str(path), args.encoding or settings.encoding)
    linted = drafts.lint(
        engine, draft, profile=settings.profile, selection=Selection(), ignores=FileIgnores()
    )
    pairs = list(zip(linted.result.findings, linted.fingerprints, strict=True))
    on_line = [(f, p) for f, p in pairs if f.start.line <= line <= f.end.line]
    mine = [(f, p) for f, p in on_line if f.rule == rule.id]
    if col is not None:
        exact = [(f, p) for f, p in mine if (f.start.line, f.start.column) == (line, col)]
        inside = [
            (f, p)
            for f, p in mine
            if (f.start.line, f.start.column) <= (line, col) <= (f.end.line, f.end.column)
        ]
        mine = exact or inside
    if not mine:
        here = ", ".join(sorted({f"{f.rule} at {f.start.line}:{f.start.column}" for f, _ in on_line}))
        raise UsageError(
            f"no {rule.id} finding at {args.location}" + (f" (there: {here})" if here else " (nothing there)")
        )
    finding, print_ = mine[0]
    target = add(path, rule.id, print_, finding.excerpt)
    where = f"{path}:{finding.start.line}:{finding.start.column}"
    sys.stdout.write(f"letterlint: ignoring {rule.id} at {where} ({finding.excerpt[:40]!r}) in {target}\n")
    return 0
