"""`letterlint serve [--port N] [--no-browser] [--profile P]`: start the page, stop on Ctrl-C."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from typing import NoReturn

from letterlint.serve.guard import new_token

EXIT_OK, EXIT_ERROR = 0, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise _UsageError(f"{message} (see letterlint serve --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="letterlint serve",
        description="A private page on this computer: write your letter and see, as you type, "
        "what would hurt it. Nothing leaves your machine. Ctrl-C stops it.",
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: any free port)")
    parser.add_argument("--no-browser", action="store_true", help="only print the address; open nothing")
    parser.add_argument("--profile", help="reconcile (default), apology, general, or one of yours")
    return parser


def main(argv: list[str]) -> int:
    from letterlint.config import ConfigError
    from letterlint.rulepack import RuleError
    from letterlint.serve.app import LetterServer
    from letterlint.serve.service import LintService
    from letterlint.settings import SettingsError

    try:
        args = build_parser().parse_args(argv)
        if not 0 <= args.port <= 65535:
            raise _UsageError(f"--port must be between 0 and 65535, got {args.port}")
        service = LintService.start(args.profile, Path.cwd())
        try:
            server = LetterServer(args.port, service, new_token())
        except OSError as exc:  # the port is taken, or not ours to use
            reason = exc.strerror or exc
            raise _UsageError(f"cannot listen on 127.0.0.1:{args.port}: {reason}") from None
    except (_UsageError, ConfigError, RuleError, SettingsError) as exc:
        print(f"letterlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_OK
    with server:
        try:  # Ctrl-C may come at any moment from here on, even before the first request
            _stop_on_sigterm()
            print(f"letterlint: serving on {server.url}", flush=True)
            print("letterlint: the page is private to this computer; press Ctrl-C to stop", file=sys.stderr)
            if not args.no_browser:
                _open_browser(server.url)
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
    print("letterlint: stopped", file=sys.stderr)
    return EXIT_OK


def _open_browser(url: str) -> None:
    """The writer's own browser, in the background. Without a desktop (no DISPLAY on Linux)
    Python would fall back to a text browser that takes over the terminal: print only."""
    desktop = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not desktop:
        print("letterlint: open the address above in your browser", file=sys.stderr)
        return
    import webbrowser

    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def _stop_on_sigterm() -> None:
    """`kill` stops it as cleanly as Ctrl-C does."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
