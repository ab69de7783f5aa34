"""The `letterlint` command: sends `letterlint lsp` to the language server, `letterlint
serve` to the local page and everything else to the command line. No face imports another;
only this launcher knows them all."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

EXIT_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["lsp"] or argv[:2] == ["help", "lsp"]:
        from letterlint.lsp import main as lsp_main
        from letterlint.usage import UsageError

        try:
            return lsp_main(argv[1:] if argv[0] == "lsp" else ["--help"])
        except UsageError as exc:
            print(f"letterlint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if argv[:1] == ["serve"] or argv[:2] == ["help", "serve"]:
        from letterlint.serve import main as serve_main

        return serve_main(argv[1:] if argv[0] == "serve" else ["--help"])
    from letterlint.cli import main as cli_main

    return cli_main(argv)


def run() -> NoReturn:
    """main(), then leave without tearing the interpreter down.
    Freeing the rule set's many objects one by one takes 30 to 50 ms of a 0.3 s run and serves
    no one: output is flushed and atexit handlers run first (through atexit's own runner when
    this Python has it, else the ordinary exit). With other threads still alive (the
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
