"""Configuration: `.letterlint.toml` or `[tool.letterlint]` in pyproject.toml, searched upward."""

from __future__ import annotations

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

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Rules switched off for one file by `per_file_ignores` glob patterns."""
        from fnmatch import fnmatch

        hits: list[str] = []
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(Path(path).name, pattern):
                hits.extend(rules)
        return tuple(hits)


def _line(raw: str, key: str) -> int:
    index = raw.find(key)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


def _string_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def parse(data: dict[str, Any], raw: str, path: Path) -> Config:
    unknown = set(data) - _KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(
            f"{path}:{_line(raw, key)}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})"
        )
    config = Config(source=path)
    for key in ("profile", "fail_on", "encoding"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"{path}:{_line(raw, key)}: '{key}' must be a string")
    config.profile = data.get("profile")
    config.encoding = data.get("encoding")
    if "fail_on" in data:
        value = data["fail_on"]
        if value != "never":
            try:
                Severity.parse(value)
            except ValueError:
                raise ConfigError(
                    f"{path}:{_line(raw, 'fail_on')}: fail_on must be error, warning, info or never"
                ) from None
        config.fail_on = value
    where = f"{path}:{_line(raw, 'select')}"
    config.select = _string_list(data.get("select", []), where, "select")
    config.ignore = _string_list(data.get("ignore", []), f"{path}:{_line(raw, 'ignore')}", "ignore")
    folders = _string_list(data.get("rules", []), f"{path}:{_line(raw, 'rules')}", "rules")
    config.rule_dirs = [(path.parent / f).resolve() for f in folders]
    per_file = data.get("per_file_ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}:{_line(raw, 'per_file_ignores')}: per_file_ignores must be a table")
    config.per_file_ignores = {
        str(k): _string_list(v, f"{path}:{_line(raw, str(k))}", str(k)) for k, v in per_file.items()
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
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("letterlint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.letterlint] must be a table")
    return parse(data, raw, path)


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
