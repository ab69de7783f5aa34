"""One settings resolver for every front end: the CLI, the language server, batch runs and
the local page all ask `resolve_settings` and so lint a given letter the same way.

For a letter at PATH:
1. the config is `--config FILE` if given, else the nearest `.letterlint.toml` (or
   pyproject.toml with `[tool.letterlint]`) found from the letter's own folder upward
   (the current folder for standard input without a name);
2. `per_file_ignores` patterns are matched against the letter's path relative to the
   folder of that config file, whatever the current folder or the spelling of the path;
3. the caller's overrides (command-line flags, editor settings) go on top.

Engines are cached per set of rule folders (and reloaded when a user's pack changes), so a
run over many letters, or a long editing session, loads the rules once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from letterlint.config import Config, ConfigError, discover, load
from letterlint.engine import Engine, Selection
from letterlint.model import Severity
from letterlint.paths import real
from letterlint.rulepack import RuleError

DEFAULT_PROFILE = "reconcile"
DEFAULT_FAIL_ON = "error"
FAIL_ON = ("error", "warning", "info", "never")
_MAX_ENGINES = 8


class SettingsError(ValueError):
    """An override (a flag or an editor setting) that cannot be used; one line."""


@dataclass(frozen=True)
class Overrides:
    """What the caller sets on top of the config file. Empty values mean "not set"."""

    config: Path | None = None  # use this file; no discovery
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    encoding: str | None = None
    fail_on: str | None = None
    debug: bool = False
    origin: str = "flag"  # how messages name an override: "flag" (--select) or "setting"

    def where(self, key: str) -> str:
        return f"--{key.replace('_', '-')}" if self.origin == "flag" else f"setting '{key}'"


@dataclass(frozen=True)
class Settings:
    """Everything needed to lint one letter, and to judge its findings."""

    config: Config
    engine: Engine
    profile: str
    selection: Selection
    encoding: str | None
    fail_on: str  # error | warning | info | never
    relative_name: str | None = None  # the letter's path from the config's folder

    @property
    def threshold(self) -> Severity | None:
        """Findings at or above this severity fail the run (None: never)."""
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)


@dataclass
class _Caches:
    configs: dict[Path, tuple[tuple[int, int], Config]] = field(default_factory=dict)
    engines: dict[tuple[object, ...], Engine] = field(default_factory=dict)
    checked: set[tuple[int, str, str]] = field(default_factory=set)


_CACHES = _Caches()


def resolve_settings(
    letter: Path | str | None,
    overrides: Overrides | None = None,
    *,
    cwd: Path | None = None,
) -> Settings:
    """Settings for the letter at `letter` (None: no file, e.g. unnamed standard input).

    Raises ConfigError (a config file's problem, with file:line), SettingsError (an
    override's problem) or RuleError (a rule pack's problem).
    """
    overrides = overrides or Overrides()
    cwd = cwd or Path.cwd()
    path = _absolute(Path(letter), cwd) if letter is not None else None
    config = config_for(path.parent if path is not None else cwd, overrides.config, cwd)
    engine = engine_for(config.rule_dirs, overrides.debug)
    _check(engine, config, overrides)

    profile = overrides.profile or config.profile or DEFAULT_PROFILE
    relative = _relative(path, config)
    per_file = config.ignores_for(relative) if relative is not None else ()
    selection = Selection(overrides.select or config.select, overrides.ignore + config.ignore + per_file)
    return Settings(
        config=config,
        engine=engine,
        profile=profile,
        selection=selection,
        encoding=overrides.encoding or config.encoding,
        fail_on=overrides.fail_on or config.fail_on or DEFAULT_FAIL_ON,
        relative_name=relative,
    )


def config_for(start: Path, explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The config in force for letters in `start` (or the explicit file)."""
    if explicit is not None:
        target = _absolute(explicit, cwd or Path.cwd())
        if not target.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return _load(target, shown=explicit)
    found = discover(start)
    return _load(found, shown=found) if found is not None else Config()


def engine_for(rule_dirs: Iterable[Path], debug: bool = False) -> Engine:
    """The engine for these rule folders; reloaded when one of their packs changes."""
    folders = tuple(rule_dirs)
    key = (debug, *map(str, folders), *_pack_stamps(folders))
    engine = _CACHES.engines.get(key)
    if engine is None:
        engine = Engine.load(list(folders), debug=debug)
        if len(_CACHES.engines) >= _MAX_ENGINES:
            _CACHES.engines.clear()
        _CACHES.engines[key] = engine
    return engine


def check_override_names(engine: Engine, overrides: Overrides) -> None:
    """--select / --ignore naming no rule would silently check nothing; say so instead."""
    known = _known_names(engine)
    for key, names in (("select", overrides.select), ("ignore", overrides.ignore)):
        for name in names:
            if name not in known:
                raise SettingsError(
                    f"{overrides.where(key)}: unknown rule or family {name!r} ('letterlint rules' lists them)"
                )


# -- internals --------------------------------------------------------------------------


def _absolute(path: Path, cwd: Path) -> Path:
    """An absolute path without resolving symlinks (the config is found where the user put
    the letter), `..` folded away."""
    return Path(os.path.normpath(path if path.is_absolute() else cwd / path))


def _relative(path: Path | None, config: Config) -> str | None:
    if path is None:
        return None
    if config.source is None:
        return path.name
    base = Path(
        os.path.normpath(
            config.source.parent if config.source.is_absolute() else Path.cwd() / config.source.parent
        )
    )
    for letter, folder in ((path, base), (real(path), real(base))):
        try:
            return letter.relative_to(folder).as_posix()
        except ValueError:
            continue
    return path.as_posix()  # outside the config's folder: only absolute or name patterns match


def _load(path: Path, shown: Path) -> Config:
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (0, 0)
    key = path if path.is_absolute() else Path.cwd() / path
    cached = _CACHES.configs.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    config = load(shown)
    _CACHES.configs[key] = (stamp, config)
    return config


def _pack_stamps(folders: tuple[Path, ...]) -> list[tuple[str, int]]:
    stamps: list[tuple[str, int]] = []
    for folder in folders:
        for pack in sorted([*folder.glob("*.toml"), *folder.glob("profiles/*.toml")]):
            try:
                stamps.append((str(pack), pack.stat().st_mtime_ns))
            except OSError:
                stamps.append((str(pack), 0))
    return stamps


def _known_names(engine: Engine) -> set[str]:
    rules = engine.ruleset.rules
    return set(rules) | {r.family for r in rules.values()}


def _check(engine: Engine, config: Config, overrides: Overrides) -> None:
    """Unknown profiles and rule names, in the config or the overrides, are errors."""
    key = (id(engine), repr(config.source), repr(overrides))
    if key in _CACHES.checked:
        return
    if overrides.fail_on is not None and overrides.fail_on not in FAIL_ON:
        raise SettingsError(f"{overrides.where('fail_on')}: must be one of {', '.join(FAIL_ON)}")
    if overrides.encoding:
        from letterlint.reader import InputError, check_encoding

        try:
            check_encoding(overrides.encoding)
        except InputError as exc:
            raise SettingsError(str(exc)) from None
    check_override_names(engine, overrides)
    if config.source is not None:
        known = _known_names(engine)
        for key_name in ("select", "ignore"):
            for name in getattr(config, key_name):
                if name not in known:
                    raise ConfigError(
                        f"{config.where(key_name)}: unknown rule or family {name!r} "
                        "('letterlint rules' lists them)"
                    )
    profile = overrides.profile or config.profile or DEFAULT_PROFILE
    try:
        engine.profile(profile)
    except RuleError as exc:
        if overrides.profile or config.source is None:
            raise SettingsError(
                f"{overrides.where('profile')}: {exc}" if overrides.profile else str(exc)
            ) from None
        raise ConfigError(f"{config.where('profile')}: {exc}") from None
    if len(_CACHES.checked) > 256:
        _CACHES.checked.clear()
    _CACHES.checked.add(key)
