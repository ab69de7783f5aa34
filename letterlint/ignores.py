"""Findings the writer chose to keep, stored beside the config and never in the letter.

A letter that gets sent must not carry lint comments, so an occurrence is ignored from
`.letterlint-ignore.toml`, found upward from the letter's folder:

    [[ignore]]                      # one passage: its words and their neighbours
    file = "to-sam.txt"             # relative to this file's folder
    rule = "desperation/begging"
    fingerprint = "9c0e4b1d7a23"
    excerpt = "I'm begging"         # for people; not used for matching

    [[disable]]                     # a rule off for one whole letter
    file = "to-sam.txt"
    rule = "clarity/too-long"

The fingerprint hashes the flagged words and up to three words either side, so it
survives edits elsewhere in the letter and lapses when the passage itself changes.
Findings about the letter as a whole (a missing section, the overall tone, its
length) have no passage: their fingerprint hashes the rule alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from letterlint.config import ConfigError, discover, loads_toml, read_toml_text, safe_folders, trusted_file
from letterlint.document import WORD
from letterlint.model import Span
from letterlint.paths import real

IGNORE_NAME = ".letterlint-ignore.toml"
NEIGHBOURS = 3
_HEADER = (
    "# letterlint: findings you chose to keep in these letters.\n"
    "# Written by `letterlint ignore` and the editor's quick fix; safe to edit by hand.\n"
    "# [[ignore]] keeps one passage (matched by its words and their neighbours);\n"
    "# [[disable]] turns a rule off for a whole letter.\n"
)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def fingerprint(text: str, span: Span, *, whole_letter: bool = False) -> str:
    """12 hex digits from the flagged words and their neighbours (or nothing, for the letter)."""
    if whole_letter:
        key = "<letter>"
    else:
        before = [_norm(w) for w in WORD.findall(text, max(0, span.start - 200), span.start)]
        after = [_norm(w) for w in WORD.findall(text, span.end, span.end + 200)]
        flagged = " ".join(_norm(text[span.start : span.end]).split())
        key = "\x1f".join([" ".join(before[-NEIGHBOURS:]), flagged, " ".join(after[:NEIGHBOURS])])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Entry:
    file: str
    rule: str
    fingerprint: str | None = None  # None: the rule is off for the whole file

    def covers(self, relpath: str) -> bool:
        return self.file == relpath or fnmatch(relpath, self.file)


@dataclass
class IgnoreList:
    path: Path | None = None
    entries: list[Entry] = field(default_factory=list)

    def for_file(self, letter: Path | None) -> FileIgnores:
        """The entries that apply to one letter."""
        if self.path is None or letter is None:
            return FileIgnores()
        rel = relative_name(self.path, letter)
        if rel is None:
            return FileIgnores()
        mine = [e for e in self.entries if e.covers(rel)]
        return FileIgnores(
            disabled=frozenset(e.rule for e in mine if e.fingerprint is None),
            occurrences=frozenset((e.rule, e.fingerprint) for e in mine if e.fingerprint is not None),
        )


@dataclass(frozen=True)
class FileIgnores:
    disabled: frozenset[str] = frozenset()
    occurrences: frozenset[tuple[str, str]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.disabled or self.occurrences)

    def drops(self, rule: str, family: str, print_: str) -> bool:
        if rule in self.disabled or family in self.disabled:
            return True
        return (rule, print_) in self.occurrences


def relative_name(ignore_file: Path, letter: Path) -> str | None:
    try:
        rel = real(letter).relative_to(ignore_file.parent.resolve())  # where it is found, even if a link
    except ValueError:
        return None
    return rel.as_posix()


def find(letter: Path) -> Path | None:
    """The nearest ignore file upward from the letter's folder."""
    for folder in safe_folders(real(letter).parent):  # see config.safe_folders
        path = folder / IGNORE_NAME
        if trusted_file(path):
            return path
    return None


def home_for(letter: Path) -> Path:
    """Where a new ignore file goes: beside the nearest config, else beside the letter."""
    existing = find(letter)
    if existing is not None:
        return existing
    here = real(letter).parent
    config = discover(here)
    folder = config.parent if config is not None else here
    return folder / IGNORE_NAME


def _line(raw: str, needle: str) -> int:
    index = raw.find(needle)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


def parse(raw: str, path: Path) -> IgnoreList:
    data = loads_toml(raw, path, ConfigError)
    unknown = set(data) - {"ignore", "disable"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"{path}:{_line(raw, key)}: unknown key '{key}' (use [[ignore]] or [[disable]])")
    entries: list[Entry] = []
    for table in ("ignore", "disable"):
        items = data.get(table, [])
        if not isinstance(items, list):
            raise ConfigError(f"{path}:{_line(raw, table)}: write entries as [[{table}]] tables")
        for item in items:
            entries.append(_entry(item, table, raw, path))
    return IgnoreList(path, entries)


def _entry(item: Any, table: str, raw: str, path: Path) -> Entry:
    if not isinstance(item, dict):
        raise ConfigError(f"{path}:{_line(raw, table)}: each [[{table}]] entry must be a table")
    needed = ("file", "rule", "fingerprint") if table == "ignore" else ("file", "rule")
    for key in needed:
        if not isinstance(item.get(key), str) or not item[key]:
            # The line is looked up only for a message: finding it for every entry of a
            # long list made reading the list quadratic.
            anchor = item.get("fingerprint") or item.get("rule") or table
            where = f"{path}:{_line(raw, str(anchor))}"
            raise ConfigError(f"{where}: each [[{table}]] entry needs '{key}' (a string)")
    return Entry(item["file"], item["rule"], item["fingerprint"] if table == "ignore" else None)


_CACHE: dict[Path, tuple[int, IgnoreList]] = {}


def load(path: Path) -> IgnoreList:
    """Parse once per change of the file (the language server re-reads it on every lint)."""
    try:
        stamp = path.stat().st_mtime_ns
        cached = _CACHE.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ignore list: {exc.strerror or exc}") from None
    raw = read_toml_text(path, "an ignore list", ConfigError)
    result = parse(raw, path)
    _CACHE[path] = (stamp, result)
    return result


def for_letter(letter: Path | None) -> FileIgnores:
    if letter is None:
        return FileIgnores()
    path = find(letter)
    return load(path).for_file(letter) if path else FileIgnores()


def _toml_str(value: str) -> str:
    # A JSON string with non-ASCII kept is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def add(letter: Path, rule: str, fingerprint: str | None = None, excerpt: str = "") -> Path:
    """Append one entry (an occurrence, or a file-wide disable when no fingerprint) and return the file.

    Read, change and write happen under an exclusive lock on the folder, so parallel runs
    (two editors, a script) each keep their entry; the new text replaces the old atomically,
    through a symbolic link to its target, with the old file's permissions."""
    target = home_for(letter)
    rel = relative_name(target, letter)
    if rel is None:  # pragma: no cover - home_for always picks a parent folder
        raise ConfigError(f"{letter}: not below {target.parent}")
    real = target.resolve() if target.is_symlink() else target
    with _locked(real.parent, target):
        exists = real.is_file()
        old = read_toml_text(real, "an ignore list", ConfigError) if exists else _HEADER
        current = parse(old, target).entries if exists else []
        wanted = Entry(rel, rule, fingerprint)
        if wanted in current:
            return target
        lines = ["", "[[ignore]]" if fingerprint else "[[disable]]", f"file = {_toml_str(rel)}"]
        lines.append(f"rule = {_toml_str(rule)}")
        if fingerprint:
            lines.append(f"fingerprint = {_toml_str(fingerprint)}")
            short = " ".join(excerpt.split())
            if short:
                lines.append(f"excerpt = {_toml_str(short[:80])}")
        new = old.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
        parse(new, target)  # never write a file we could not read back
        _write_atomic(real, new, target)
    return target


@contextlib.contextmanager
def _locked(folder: Path, target: Path) -> Iterator[None]:
    """An advisory lock on the folder (flock on its descriptor; no lock file left behind)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ConfigError(f"{target}: cannot lock ignore list: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_atomic(real: Path, text: str, shown: Path) -> None:
    """Write beside the real file and rename over it, keeping its mode (a new file gets
    the usual mode for the user's umask)."""
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot write ignore list: {exc.strerror or exc}") from None
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".letterlint-ignore.", dir=real.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, real)
        tmp = None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot write ignore list: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
