"""Configuration: `.letterlint.toml` or `[tool.letterlint]` in pyproject.toml, searched upward."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from letterlint.model import Severity

CONFIG_NAME = ".letterlint.toml"
_KEYS = {"profile", "select", "ignore", "fail_on", "rules", "encoding", "per_file_ignores"}


class ConfigError(ValueError):
    """A config file that cannot be used; the message names file and line."""


@dataclass
class Config:
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    rule_dirs: list[Path] = field(default_factory=list)
    encoding: str | None = None
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in `source`

    def where(self, key: str) -> str:
        """`file:line` of a key, for messages about its value."""
        return f"{self.source}:{self.lines.get(key, 1)}"

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Rules switched off for one file by `per_file_ignores` glob patterns."""
        from fnmatch import fnmatch

        hits: list[str] = []
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(Path(path).name, pattern):
                hits.extend(rules)
        return tuple(hits)


def _line(raw: str, key: str, start: int = 0) -> int:
    """Line of `key = ...` at or after offset `start` (the [tool.letterlint] table)."""
    quoted = re.escape(key)
    assignment = re.compile(rf"^[ \t]*(?:{quoted}|\"{quoted}\"|'{quoted}')[ \t]*=", re.MULTILINE)
    found = assignment.search(raw, start)
    index = found.start() if found else raw.find(key, start)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


def toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """tomllib's message as `file:line:col: invalid TOML: reason`."""
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        reason = message[: found.start()].strip()
        return f"{path}:{found.group(1)}:{found.group(2)}: invalid TOML: {reason}"
    return f"{path}: invalid TOML: {message}"


MAX_TOML_BYTES = 4 * 1024 * 1024  # config, rule packs and ignore lists are small text files
_MAX_NESTING = 64


def read_toml_text(path: Path, what: str, error: type[ValueError] = ValueError) -> str:
    """A settings file's text, read with the letter guards (no hanging on a named pipe, no
    endless read of a device); `error` carries the one-line message."""
    from letterlint.reader import InputError, read_bytes

    try:
        data = read_bytes(path, MAX_TOML_BYTES, what)
    except InputError as exc:
        raise error(str(exc)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 at byte {exc.start}; {what} is UTF-8 text") from None


def loads_toml(raw: str, path: Path, error: type[ValueError] = ValueError) -> dict[str, Any]:
    """tomllib.loads with every failure as `file:line[:col]: ...` (a deeply nested value
    makes tomllib recurse until Python gives up)."""
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise error(toml_error(path, exc)) from None
    except RecursionError:
        raise error(f"{path}:{_deep_line(raw)}: invalid TOML: nested too deeply") from None


def _deep_line(raw: str) -> int:
    """The line where brackets first nest deeper than any settings file needs."""
    depth = 0
    for i, ch in enumerate(raw):
        depth += ch in "[{"
        depth -= ch in "]}"
        if depth > _MAX_NESTING:
            return raw.count("\n", 0, i) + 1
    return 1


def _string_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def parse(data: dict[str, Any], raw: str, path: Path, start: int = 0) -> Config:
    config = Config(source=path)
    config.lines = {key: _line(raw, key, start) for key in data}

    def where(key: str) -> str:
        return f"{path}:{config.lines.get(key, _line(raw, key, start))}"

    unknown = set(data) - _KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"{where(key)}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})")
    for key in ("profile", "fail_on", "encoding"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"{where(key)}: '{key}' must be a string")
    config.profile = data.get("profile")
    if "encoding" in data:
        from letterlint.reader import InputError, check_encoding

        try:
            check_encoding(data["encoding"])
        except InputError as exc:
            raise ConfigError(f"{where('encoding')}: {exc}") from None
        config.encoding = data["encoding"]
    if "fail_on" in data:
        value = data["fail_on"]
        if value != "never":
            try:
                Severity.parse(value)
            except ValueError:
                message = "fail_on must be error, warning, info or never"
                raise ConfigError(f"{where('fail_on')}: {message}") from None
        config.fail_on = value
    config.select = _string_list(data.get("select", []), where("select"), "select")
    config.ignore = _string_list(data.get("ignore", []), where("ignore"), "ignore")
    folders = _string_list(data.get("rules", []), where("rules"), "rules")
    config.rule_dirs = [(path.parent / f).resolve() for f in folders]
    for folder, dir_path in zip(folders, config.rule_dirs, strict=True):
        if not dir_path.is_dir():
            raise ConfigError(f"{where('rules')}: rule folder {folder!r} not found (looked in {dir_path})")
    per_file = data.get("per_file_ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{where('per_file_ignores')}: per_file_ignores must be a table")
    config.per_file_ignores = {
        str(k): _string_list(v, f"{path}:{_line(raw, str(k), start)}", str(k)) for k, v in per_file.items()
    }
    return config


def load(path: Path) -> Config:
    try:
        raw = read_toml_text(path, "a config file", ConfigError)
    except ConfigError as exc:
        raise ConfigError(str(exc).replace(f"{path}: ", f"{path}: cannot read config: ", 1)) from None
    data = loads_toml(raw, path, ConfigError)
    start = 0
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("letterlint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:{_line(raw, 'letterlint')}: [tool.letterlint] must be a table")
        start = max(raw.find("[tool.letterlint]"), 0)
    return parse(data, raw, path, start)


# -- safe discovery ------------------------------------------------------------------------
# Settings and ignore lists change what letterlint reports, so, as git does with
# safe.directory, they are only taken from folders and files the user owns: the search
# upward stops at the user's home, and at a folder owned by someone else (a shared /tmp,
# say). A file passed over is noted, so that front ends can say so.

_skipped: list[str] = []


def skipped_notices() -> list[str]:
    """Why settings files were passed over since the last call (each note once)."""
    notes = list(dict.fromkeys(_skipped))
    _skipped.clear()
    return notes


def _owned(info: os.stat_result) -> bool:
    return info.st_uid == os.geteuid()


def safe_folders(start: Path) -> Iterator[Path]:
    """`start` and its parents, up to and including the user's home; stops before a folder
    owned by another user (noting any settings file in it that is therefore ignored)."""
    home: Path | None
    try:
        home = Path.home().resolve()
    except (RuntimeError, OSError):
        home = None
    for folder in [start, *start.parents]:
        try:
            info = folder.stat()
        except OSError:
            return
        if not _owned(info):
            for name in (CONFIG_NAME, IGNORE_NAME):
                if (folder / name).exists():
                    _skipped.append(f"skipped {folder / name}: {folder} belongs to another user")
            return
        yield folder
        if home is not None and folder.resolve() == home:
            return


def trusted_file(path: Path) -> bool:
    """A regular file of this user's; another user's file is noted and not used."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if not _owned(info):
        _skipped.append(f"skipped {path}: it belongs to another user")
        return False
    return True


IGNORE_NAME = ".letterlint-ignore.toml"


def discover(start: Path) -> Path | None:
    """The nearest `.letterlint.toml`, or pyproject.toml with [tool.letterlint], upward
    through safe folders only (see safe_folders)."""
    for folder in safe_folders(start):
        candidate = folder / CONFIG_NAME
        if trusted_file(candidate):
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = read_toml_text(pyproject, "pyproject.toml")
            except ValueError:
                continue
            if "[tool.letterlint]" in text and trusted_file(pyproject):
                return pyproject
    return None


def resolve(explicit: Path | None, start: Path) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load(explicit)
    found = discover(start)
    return load(found) if found else Config()
