"""Command line: arguments, config, exit codes. No linting logic lives here."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from letterlint import __version__

if TYPE_CHECKING:
    from letterlint.config import Config
    from letterlint.engine import Engine, Selection
    from letterlint.report import Item

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain", "lsp", "ignore", "serve")


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
        "'letterlint ignore FILE[:LINE[:COL]] RULE', 'letterlint serve' (a private page in your browser).",
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


def _sub_serve(argv: list[str]) -> int:
    from letterlint.serve import main as serve_main

    return serve_main(argv)


def _sub_ignore(argv: list[str]) -> int:
    from letterlint.ignores import command

    return command(argv)


def lint_command(args: argparse.Namespace) -> int:
    from letterlint.batch import Job, Settings, default_jobs, lint_jobs
    from letterlint.config import ConfigError, resolve
    from letterlint.engine import Engine, Selection
    from letterlint.model import Severity
    from letterlint.reader import check_encoding, expand_paths
    from letterlint.report import FileError, ReportOptions, renderer

    if not args.paths:
        raise UsageError("no letter given: letterlint DRAFT.txt (or '-' for stdin)")
    config = resolve(args.config, Path.cwd())
    engine = Engine.load(config.rule_dirs, debug=args.debug)
    profile = args.profile or config.profile or "reconcile"
    _check_profile(engine, profile, config if not args.profile else None)
    encoding = args.encoding or config.encoding
    if args.encoding:
        check_encoding(args.encoding)  # once, before any file: a typo is a usage error
    select = _split(args.select) or config.select
    ignore = _split(args.ignore) + config.ignore
    _check_names(engine, "--select", _split(args.select))
    _check_names(engine, "--ignore", _split(args.ignore))
    if config.source is not None:
        _check_names(engine, config.where("select"), config.select, ConfigError)
        _check_names(engine, config.where("ignore"), config.ignore, ConfigError)

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    inputs: list[Path] = []
    not_letters: list[str] = []
    jobs: list[Job] = []
    for name, path, error in expand_paths(args.paths, skipped=not_letters):
        if path is not None:
            inputs.append(path)
        selection = Selection(select, ignore + config.ignores_for(name))
        jobs.append(Job(name, path, selection, error))
    settings = Settings(profile, encoding, tuple(config.rule_dirs), args.debug)
    # In input order; with more than a few letters, in worker processes (see batch.py).
    items: list[Item] = lint_jobs(engine, jobs, settings, args.jobs or default_jobs())

    if not args.quiet:
        for shown in not_letters[:10]:
            print(f"letterlint: skipped {shown}", file=sys.stderr)
        if len(not_letters) > 10:
            more = len(not_letters) - 10
            print(f"letterlint: skipped {more} more files that are not letters", file=sys.stderr)
    for item in items:
        if isinstance(item, FileError):
            print(f"letterlint: {item.path}: {item.error}", file=sys.stderr)

    terminal = (sys.stdout is not None and sys.stdout.isatty()) or bool(os.environ.get("FORCE_COLOR"))
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
        _write_output(args.output, report, inputs)
    else:
        _write_stdout(report)

    if any(isinstance(i, FileError) for i in items):
        return EXIT_ERROR
    fail_on = args.fail_on or config.fail_on or "error"
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    worst = [i.worst for i in items if not isinstance(i, FileError) and i.worst is not None]
    return EXIT_FINDINGS if any(w >= threshold for w in worst) else EXIT_OK


def _lint_one(
    engine: Engine,
    name: str,
    path: Path | None,
    encoding: str | None,
    profile: str,
    selection: Selection,
    debug: bool,
) -> Item:
    """One letter: read it and lint it. Any failure becomes that file's error, and the run
    goes on with the next file."""
    from letterlint import drafts
    from letterlint.reader import InputError, read_stdin
    from letterlint.report import FileError

    try:
        draft = (
            drafts.from_text(read_stdin(encoding), name)
            if path is None
            else drafts.read(path, name, encoding)
        )
    except InputError as exc:
        message = str(exc)
        for prefix in (f"{path if path is not None else '-'}: ", f"{name}: "):
            message = message.removeprefix(prefix)
        return FileError(name, message)
    before = len(engine.internal_errors)
    try:
        # Markdown prose, Word paragraphs, inline disables and .letterlint-ignore.toml: see drafts.py
        result = drafts.lint(engine, draft, profile=profile, selection=selection).result
    except Exception as exc:  # a bug outside any one rule: lose this file, not the run
        if debug:
            traceback.print_exc()
        return FileError(name, f"internal error: {_one_line(exc)} (run with --debug for details)")
    for problem in engine.internal_errors[before:]:
        hint = "" if debug else " (run with --debug for details)"
        print(f"letterlint: {name}: internal error in rule {problem}{hint}", file=sys.stderr)
    return result


def _one_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _check_profile(engine: Engine, name: str, config: Config | None) -> None:
    """An unknown profile named in a config file is reported at that file and line."""
    from letterlint.config import ConfigError
    from letterlint.rulepack import RuleError

    try:
        engine.profile(name)
    except RuleError as exc:
        if config is None or config.source is None:
            raise
        raise ConfigError(f"{config.where('profile')}: {exc}") from None


def _check_names(
    engine: Engine, where: str, names: tuple[str, ...], error: type[Exception] = UsageError
) -> None:
    """--select/--ignore with a typo would silently check nothing; say so instead."""
    known = set(engine.ruleset.rules) | {r.family for r in engine.ruleset.rules.values()}
    for name in names:
        if name not in known:
            raise error(f"{where}: unknown rule or family {name!r} ('letterlint rules' lists them)")


def _write_stdout(report: str) -> None:
    from letterlint.reader import InputError

    if sys.stdout is None:
        raise InputError("standard output is closed; use --output FILE")
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]  # e.g. an ASCII-only locale
    sys.stdout.write(report)
    sys.stdout.flush()


def _write_output(target: Path, report: str, inputs: list[Path]) -> None:
    """Refuse to overwrite a letter that was just read (or named): it may be the only copy."""
    from letterlint.reader import InputError

    for path in inputs:
        with contextlib.suppress(OSError):
            if target.exists() and target.samefile(path):
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
                "serve": _sub_serve,
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
    except OSError as exc:  # the disk, not a bug: say which file and why
        if debug:
            traceback.print_exc()
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"letterlint: error: {where}{exc.strerror or _one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if debug:
            traceback.print_exc()
        print(f"letterlint: internal error: {_one_line(exc)} (run with --debug for details)", file=sys.stderr)
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
