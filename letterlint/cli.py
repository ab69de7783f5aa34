"""Command line: arguments, config, exit codes. No linting logic lives here."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import traceback
from pathlib import Path
from typing import NoReturn

from letterlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain", "lsp", "ignore")


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(f"{message} (see letterlint --help)")


def _split(values: list[str] | None) -> tuple[str, ...]:
    """--select a,b --select c -> (a, b, c)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    from letterlint.report import FORMATS

    parser = _Parser(
        prog="letterlint",
        description="Check the tone of a draft letter before you send it. Nothing leaves your machine.",
        epilog="Subcommands: 'letterlint rules', 'letterlint explain RULE', 'letterlint lsp', "
        "'letterlint ignore FILE[:LINE[:COL]] RULE'.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="letters or folders ('-' reads stdin)")
    parser.add_argument("--profile", help="reconcile (default), apology, general, or one of yours")
    parser.add_argument("--format", choices=FORMATS, default="rich", help="report format (default: rich)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    parser.add_argument("--select", action="append", metavar="RULE_OR_FAMILY", help="only these rules")
    parser.add_argument("--ignore", action="append", metavar="RULE_OR_FAMILY", help="skip these rules")
    parser.add_argument("--config", type=Path, help="config file (default: nearest .letterlint.toml)")
    parser.add_argument("--encoding", help="text encoding of the letters (default: UTF-8, BOM aware)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to this file")
    parser.add_argument("--summary", action="store_true", help="only the score line for each letter")
    parser.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="hide info findings")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="lint many letters in N processes (default: one per core)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", action="version", version=f"letterlint {__version__}")
    return parser


def _configured_ruleset():
    """Built-in rules plus the user's rule folders from the discovered config."""
    from letterlint.config import resolve
    from letterlint.engine import Engine

    return Engine.load(resolve(None, Path.cwd()).rule_dirs).ruleset


def _sub_rules(argv: list[str]) -> int:
    from letterlint.explain import rules_table

    if argv:
        raise UsageError(f"'letterlint rules' takes no arguments, got {argv[0]!r}")
    sys.stdout.write(rules_table(_configured_ruleset()))
    return EXIT_OK


def _sub_explain(argv: list[str]) -> int:
    from letterlint.explain import explain, find_rule

    if len(argv) != 1:
        raise UsageError("usage: letterlint explain RULE (e.g. desperation/begging)")
    rule = find_rule(_configured_ruleset(), argv[0])
    if rule is None:
        raise UsageError(f"unknown rule {argv[0]!r}; 'letterlint rules' lists them all")
    sys.stdout.write(explain(rule))
    return EXIT_OK


def _sub_lsp(argv: list[str]) -> int:
    from letterlint.lsp import serve

    serve(argv)
    return EXIT_OK


def _sub_ignore(argv: list[str]) -> int:
    from letterlint.ignores import command

    return command(argv)


def lint_command(args: argparse.Namespace) -> int:
    from letterlint.batch import Job, Settings, default_jobs, lint_jobs
    from letterlint.config import resolve
    from letterlint.engine import Engine, Selection
    from letterlint.model import Severity
    from letterlint.reader import InputError, expand_paths, read_stdin
    from letterlint.report import FileError, Item, ReportOptions, renderer

    if not args.paths:
        raise UsageError("no letter given: letterlint DRAFT.txt (or '-' for stdin)")
    config = resolve(args.config, Path.cwd())
    engine = Engine.load(config.rule_dirs, debug=args.debug)
    profile = args.profile or config.profile or "reconcile"
    engine.profile(profile)  # fail early, once, on an unknown profile
    encoding = args.encoding or config.encoding
    select = _split(args.select) or config.select
    ignore = _split(args.ignore) + config.ignore

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    jobs: list[Job] = []
    for name, path, skipped in expand_paths(args.paths):
        selection = Selection(select, ignore + config.ignores_for(name))
        if path is None and not skipped:  # stdin is read here, files by whoever lints them
            try:
                jobs.append(Job(name, None, selection, text=read_stdin(encoding)))
            except InputError as exc:
                message = str(exc)
                jobs.append(Job(name, None, selection, skipped=message.split(": ", 1)[-1]))
            continue
        jobs.append(Job(name, path, selection, skipped=skipped))
    settings = Settings(profile, encoding, tuple(config.rule_dirs), args.debug)
    items: list[Item] = lint_jobs(engine, jobs, settings, args.jobs or default_jobs())

    for item in items:
        if isinstance(item, FileError):
            print(f"letterlint: {item.path}: {item.error}", file=sys.stderr)

    terminal = sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
    color = terminal and not args.no_color and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    options = ReportOptions(
        color=color,
        width=width,
        quiet=args.quiet,
        summary_only=args.summary,
        terminal=terminal,
        ruleset=engine.ruleset,
    )
    report = renderer(args.format)(items, options)
    if args.output:
        _write_output(args.output, report, [i.path for i in items])
    else:
        sys.stdout.write(report)
        sys.stdout.flush()

    if any(isinstance(i, FileError) for i in items):
        return EXIT_ERROR
    fail_on = args.fail_on or config.fail_on or "error"
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    worst = [i.worst for i in items if not isinstance(i, FileError) and i.worst is not None]
    return EXIT_FINDINGS if any(w >= threshold for w in worst) else EXIT_OK


def _write_output(target: Path, report: str, inputs: list[str]) -> None:
    """Refuse to overwrite a letter that was just linted."""
    from letterlint.reader import InputError

    for name in inputs:
        if name != "-" and Path(name).exists() and target.exists() and target.samefile(name):
            raise InputError(f"{target}: refusing to overwrite the letter being linted")
    try:
        target.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{target}: cannot write report: {exc.strerror or exc}") from None


def main(argv: list[str] | None = None) -> int:
    from letterlint.config import ConfigError
    from letterlint.reader import InputError
    from letterlint.rulepack import RuleError

    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        if argv and argv[0] in SUBCOMMANDS:
            subcommands = {
                "rules": _sub_rules,
                "explain": _sub_explain,
                "lsp": _sub_lsp,
                "ignore": _sub_ignore,
            }
            return subcommands[argv[0]](argv[1:])
        return lint_command(build_parser().parse_args(argv))
    except (UsageError, ConfigError, RuleError, InputError) as exc:
        print(f"letterlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("letterlint: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        print(f"letterlint: internal error: {reason} (run with --debug for details)", file=sys.stderr)
        return EXIT_ERROR


def run() -> NoReturn:
    """The `letterlint` command: main(), then leave without tearing the interpreter down.
    Freeing NLTK's many objects one by one takes ~40 ms of a ~0.3 s run and serves no one:
    output is flushed and atexit handlers run first. With other threads still alive (the
    language server's), or under a profiler or tracer, it exits the ordinary way."""
    import atexit
    import threading

    code = main()
    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if threading.active_count() == 1 and run_exit_functions is not None and not watched:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            sys.exit(code)  # let Python report a failed flush as it always does
        run_exit_functions()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
