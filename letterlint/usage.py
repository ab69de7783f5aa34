"""Argument parsing shared by the commands: bad arguments are one line on stderr, exit 2."""

from __future__ import annotations

import argparse
from typing import NoReturn


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit 2."""


class ArgParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(f"{message} (see {self.prog} --help)")
