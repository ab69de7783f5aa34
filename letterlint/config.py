"""Configuration: `.letterlint.toml` or `[tool.letterlint]` in pyproject.toml, searched upward."""

from __future__ import annotations

import re
import tomllib
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
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(toml_error(path, exc)) from None
    start = 0
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("letterlint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:{_line(raw, 'letterlint')}: [tool.letterlint] must be a table")
        start = max(raw.find("[tool.letterlint]"), 0)
    return parse(data, raw, path, start)


def discover(start: Path) -> Path | None:
    """The nearest `.letterlint.toml`, or pyproject.toml with [tool.letterlint], upward."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.letterlint]" in text:
                return pyproject
    return None


def resolve(explicit: Path | None, start: Path) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load(explicit)
    found = discover(start)
    return load(found) if found else Config()
