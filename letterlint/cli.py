"""Command line: arguments, config, exit codes. No linting logic lives here."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import stat
import sys
import traceback
from pathlib import Path

from letterlint import __version__
from letterlint.usage import ArgParser, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain", "check-rules", "ignore", "help")
COLOR_CHOICES = ("auto", "always", "never")
# -o FILE picks the format from its extension; other extensions keep the chosen format.
FORMAT_BY_SUFFIX = {".json": "json", ".html": "html", ".htm": "html", ".sarif": "sarif"}


def _split(values: list[str] | None) -> tuple[str, ...]:
    """--select a,b --select c -> (a, b, c)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    from letterlint.report import FORMATS

    parser = ArgParser(
        prog="letterlint",
        description="Check the tone of a draft letter before you send it. Nothing leaves your machine.",
        epilog="Commands: 'letterlint rules', 'letterlint explain RULE', 'letterlint check-rules [PACK...]', "
        "'letterlint ignore FILE[:LINE[:COL]] RULE', 'letterlint lsp', 'letterlint serve' (a private page "
        "in your browser), 'letterlint help [COMMAND]'. "
        "Each takes --help.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="letters or folders ('-' reads stdin)")
    parser.add_argument("--profile", help="reconcile (default), apology, general, or one of yours")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="report format (default: rich, plain text when piped; with -o, from the file's extension)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    parser.add_argument("--select", action="append", metavar="RULE_OR_FAMILY", help="only these rules")
    parser.add_argument("--ignore", action="append", metavar="RULE_OR_FAMILY", help="skip these rules")
    _config_option(parser)
    parser.add_argument("--encoding", help="text encoding of the letters (default: UTF-8, BOM aware)")
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="name for the letter read from stdin: its report label, its format (.md is Markdown) "
        "and where its config is found",
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        help="write the report to this file (.json, .html, .sarif pick the format)",
    )
    parser.add_argument("--summary", action="store_true", help="only the score line for each letter")
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the report (default: auto; NO_COLOR is honoured)",
    )
    parser.add_argument("--no-color", action="store_true", help="same as --color never")
    parser.add_argument("--quiet", "-q", action="store_true", help="print the findings and nothing else")
    parser.add_argument(
        "--quiet-skips", action="store_true", help="no line about files in folders that are not letters"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="lint many letters in N processes (default: one per core)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="let --output replace a file that is not a letterlint report, and --jobs exceed the cores",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", "-V", action="version", version=f"letterlint {__version__}")
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="config file (default: nearest .letterlint.toml above the letter)"
    )


def _sub_parser(name: str, description: str) -> ArgParser:
    return ArgParser(prog=f"letterlint {name}", description=description)


def _rules_parser() -> ArgParser:
    parser = _sub_parser("rules", "List every rule: id, severity, kind and a one-line summary.")
    _config_option(parser)
    return parser


def _explain_parser() -> ArgParser:
    parser = _sub_parser("explain", "Why a rule exists, what it flags and how to fix it.")
    parser.add_argument("rule", metavar="RULE", help="a rule id (desperation/begging) or its name (begging)")
    _config_option(parser)
    return parser


def _check_rules_parser() -> ArgParser:
    parser = _sub_parser(
        "check-rules",
        "Run the 'fires' and 'allows' examples of rule packs: each 'fires' example must be flagged "
        "by its rule and each 'allows' example must not. Exit 1 if any fails.",
    )
    parser.add_argument(
        "packs",
        nargs="*",
        metavar="PACK",
        help="rule folders or .toml files (default: the built-in rules and the config's rule folders)",
    )
    _config_option(parser)
    return parser


def _ruleset_for(config: Path | None):
    from letterlint.settings import Overrides, resolve_settings

    return resolve_settings(None, Overrides(config=config)).engine.ruleset


def _sub_rules(argv: list[str]) -> int:
    from letterlint.explain import rules_table

    args = _rules_parser().parse_args(argv)
    sys.stdout.write(rules_table(_ruleset_for(args.config)))
    return EXIT_OK


def _sub_explain(argv: list[str]) -> int:
    from letterlint.explain import explain, find_rule

    args = _explain_parser().parse_args(argv)
    rule = find_rule(_ruleset_for(args.config), args.rule)
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r}; 'letterlint rules' lists them all")
    sys.stdout.write(explain(rule))
    return EXIT_OK


def _sub_check_rules(argv: list[str]) -> int:
    from letterlint.checkrules import check_packs

    args = _check_rules_parser().parse_args(argv)
    report, failures = check_packs([Path(p) for p in args.packs], args.config)
    sys.stdout.write(report)
    return EXIT_FINDINGS if failures else EXIT_OK


def _sub_ignore(argv: list[str]) -> int:
    from letterlint.ignore_command import command

    return command(argv)


def _sub_help(argv: list[str]) -> int:
    parsers = {
        "rules": _rules_parser,
        "explain": _explain_parser,
        "check-rules": _check_rules_parser,
    }
    if not argv:
        sys.stdout.write(build_parser().format_help())
        return EXIT_OK
    if len(argv) > 1:
        raise UsageError("usage: letterlint help [COMMAND]")
    if argv[0] == "ignore":
        from letterlint.ignore_command import build_parser as ignore_parser

        sys.stdout.write(ignore_parser().format_help())
        return EXIT_OK
    if argv[0] not in parsers:
        known = ", ".join([*parsers, "ignore", "lsp", "serve"])
        raise UsageError(f"no help for {argv[0]!r}: the commands are {known}")
    sys.stdout.write(parsers[argv[0]]().format_help())
    return EXIT_OK


def output_format(chosen: str | None, output: Path | None) -> str:
    """--format, else the -o file's extension, else rich; a contradiction is a usage error."""
    implied = None
    if output is not None:
        name = output.name.lower()
        implied = next((fmt for suffix, fmt in FORMAT_BY_SUFFIX.items() if name.endswith(suffix)), None)
        if name.endswith(".sarif.json"):
            implied = "sarif" if chosen in (None, "sarif") else "json"
    if chosen and implied and chosen != implied:
        raise UsageError(
            f"--output {output} looks like {implied} but --format {chosen} was given; "
            f"drop one or make them agree"
        )
    return chosen or implied or "rich"


def lint_command(args: argparse.Namespace) -> int:
    from letterlint.model import FileError, Item
    from letterlint.reader import expand_paths
    from letterlint.report import ReportOptions, renderer
    from letterlint.runner import Job, default_jobs, lint_jobs
    from letterlint.settings import Overrides, Settings, resolve_settings

    paths = list(args.paths)
    if not paths and args.stdin_filename:
        paths = ["-"]
    if not paths:
        raise UsageError("no letter given: letterlint DRAFT.txt (or '-' for stdin)")
    if args.stdin_filename and "-" not in paths:
        raise UsageError("--stdin-filename names the letter read from stdin; add '-' to the paths")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    fmt = output_format(args.format, args.output)
    overrides = Overrides(
        config=args.config,
        profile=args.profile,
        select=_split(args.select),
        ignore=_split(args.ignore),
        encoding=args.encoding,
        fail_on=args.fail_on,
        debug=args.debug,
    )

    inputs: list[Path] = []
    not_letters: list[str] = []
    jobs: list[Job] = []
    settings_of: list[Settings | None] = []
    for name, path, error in expand_paths(paths, skipped=not_letters):
        if error:
            jobs.append(Job(name, path, error=error))
            settings_of.append(None)
            continue
        if path is not None:
            inputs.append(path)
        stdin_name = args.stdin_filename if path is None else None
        settings = resolve_settings(path if path is not None else stdin_name, overrides)
        jobs.append(
            Job(
                stdin_name or name,
                path,
                settings.selection,
                profile=settings.profile,
                encoding=settings.encoding,
                rule_dirs=tuple(settings.config.rule_dirs),
            )
        )
        settings_of.append(settings)
    if not jobs:
        from letterlint.reader import InputError, display_name

        where = ", ".join(display_name(p) for p in args.paths)
        raise InputError(f"no letters found in {where} (letters are .txt, .md and .docx files)")
    _check_ignore_lists(inputs)
    cores = default_jobs()
    workers = args.jobs or cores
    if workers > cores and not args.force:
        workers = cores  # more processes than cores only cost memory (--force to insist)
    # In input order; with more than a few letters, in worker processes (see runner.py).
    items: list[Item] = lint_jobs(jobs, workers, args.debug)
    from letterlint.config import skipped_notices

    for note in skipped_notices():
        _say(f"letterlint: {note}")

    if not_letters and not (args.quiet or args.quiet_skips):
        kinds = sorted({shown.rsplit("(not a letter: ", 1)[-1].rstrip(")") for shown in not_letters})
        listed = ", ".join(kinds[:5]) + (", ..." if len(kinds) > 5 else "")
        verb = "is not a letter" if len(not_letters) == 1 else "are not letters"
        print(
            f"letterlint: skipped {_plural(len(not_letters), 'file')} that {verb} ({listed}); "
            "--quiet-skips hides this line",
            file=sys.stderr,
        )
    for item in items:
        if isinstance(item, FileError):
            _say(f"letterlint: {item.path}: {item.error}")
        else:
            hint = "" if args.debug else " (run with --debug for details)"
            for problem in item.internal_errors:
                _say(f"letterlint: {item.path}: internal error in rule {problem}{hint}")

    terminal = (sys.stdout is not None and sys.stdout.isatty()) or bool(os.environ.get("FORCE_COLOR"))
    color_choice = "never" if args.no_color else args.color
    if color_choice == "always":
        terminal = True
    color = color_choice == "always" or (
        color_choice == "auto" and terminal and not os.environ.get("NO_COLOR")
    )
    if args.output is not None:
        terminal = color = False  # a file gets the plain text
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    options = ReportOptions(
        color=color,
        width=width,
        quiet=args.quiet,
        summary_only=args.summary,
        terminal=terminal,
    )
    # Errors are said once, on stderr; the data formats keep them as part of the data.
    shown = [i for i in items if not isinstance(i, FileError)] if fmt == "rich" else items
    report = renderer(fmt)(shown, options) if shown or fmt != "rich" else ""
    if args.output:
        _write_output(args.output, report, inputs, stdin="-" in args.paths, force=args.force)
    else:
        _write_stdout(report)

    if any(isinstance(i, FileError) for i in items):
        return EXIT_ERROR
    for item, settings in zip(items, settings_of, strict=True):
        if settings is None or isinstance(item, FileError):
            continue
        threshold = settings.threshold
        if threshold is not None and item.worst is not None and item.worst >= threshold:
            return EXIT_FINDINGS
    return EXIT_OK


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _one_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _write_stdout(report: str) -> None:
    from letterlint.reader import InputError

    if sys.stdout is None:
        raise InputError("standard output is closed; use --output FILE")
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]  # e.g. an ASCII-only locale
    sys.stdout.write(report)
    sys.stdout.flush()


def _write_output(target: Path, report: str, inputs: list[Path], stdin: bool, force: bool) -> None:
    """Never over a letter just read (by device and inode, so links and other names of it
    count), standard input included; never over a file that is not an earlier report
    unless --force. The letter may be the only copy."""
    from letterlint.reader import InputError, display_name

    shown = display_name(str(target))
    letters: set[tuple[int, int]] = set()
    for path in inputs:
        with contextlib.suppress(OSError):
            info = os.stat(path)
            letters.add((info.st_dev, info.st_ino))
    if stdin:
        with contextlib.suppress(OSError, ValueError):
            info = os.fstat(0)
            letters.add((info.st_dev, info.st_ino))
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise InputError(f"{shown}: cannot write report: {exc.strerror or exc}") from None
    if existing is not None:
        if (existing.st_dev, existing.st_ino) in letters:
            raise InputError(f"{shown}: refusing to overwrite the letter being linted")
        if stat.S_ISREG(existing.st_mode) and existing.st_size and not force and not _is_report(target):
            raise InputError(
                f"{shown}: refusing to overwrite a file that is not a letterlint report (--force replaces it)"
            )
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            info = os.fstat(fd)
            if (info.st_dev, info.st_ino) in letters:  # swapped in since the check above
                raise InputError(f"{shown}: refusing to overwrite the letter being linted")
            if stat.S_ISREG(info.st_mode):
                os.ftruncate(fd, 0)
            else:
                os.set_blocking(fd, True)
            fh.write(report)
    except OSError as exc:
        raise InputError(f"{shown}: cannot write report: {exc.strerror or exc}") from None


_REPORT_STARTS = (
    re.compile(r'\{\s*"letterlint"\s*:'),  # --format json
    re.compile(r'\{\s*"\$schema"\s*:\s*"[^"]*sarif[^"]*"[\s\S]*"name"\s*:\s*"letterlint"'),  # sarif
    re.compile(r'<!doctype html>[\s\S]*<meta name="generator" content="letterlint', re.IGNORECASE),
    re.compile(r"[^\n]+: (?:summary: )?score \d{1,3}/100\b"),  # the plain report, --summary
    re.compile(r"[^\n]+:\d+:\d+: (?:error|warning|info): [^\n]* \[[\w./-]+\]\n"),  # --format gcc
)


def _is_report(path: Path) -> bool:
    """Whether a file starts like a report letterlint writes (read without blocking)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            head = os.read(fd, 8192).decode("utf-8", "replace")
        finally:
            os.close(fd)
    except OSError:
        return False
    return any(pattern.match(head) for pattern in _REPORT_STARTS)


def _say(message: str) -> None:
    """One line on stderr; control characters (from a file name, say) shown as escapes."""
    from letterlint.reader import visible

    print(visible(message), file=sys.stderr)


def _check_ignore_lists(letters: list[Path]) -> None:
    """A malformed .letterlint-ignore.toml is a config error, reported once for the run
    (not once per letter as an internal error)."""
    from letterlint import ignores

    seen: set[Path] = set()
    for letter in letters:
        found = ignores.find(letter)
        if found is not None and found not in seen:
            seen.add(found)
            ignores.load(found)  # raises ConfigError with file and line


def main(argv: list[str] | None = None) -> int:
    from letterlint.config import ConfigError
    from letterlint.reader import InputError
    from letterlint.rulepack import RuleError
    from letterlint.settings import SettingsError

    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        with contextlib.suppress(AttributeError, ValueError):  # e.g. PYTHONIOENCODING=ascii
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]
    try:
        if argv and argv[0] in SUBCOMMANDS:
            subcommands = {
                "rules": _sub_rules,
                "explain": _sub_explain,
                "check-rules": _sub_check_rules,
                "ignore": _sub_ignore,
                "help": _sub_help,
            }
            return subcommands[argv[0]](argv[1:])
        return lint_command(build_parser().parse_args(argv))
    except (UsageError, ConfigError, RuleError, InputError, SettingsError) as exc:
        _say(f"letterlint: error: {exc}")
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
        _say(f"letterlint: error: {where}{exc.strerror or _one_line(exc)}")
        return EXIT_ERROR
    except Exception as exc:
        if debug:
            traceback.print_exc()
        _say(f"letterlint: internal error: {_one_line(exc)} (run with --debug for details)")
        return EXIT_ERROR
