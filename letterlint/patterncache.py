"""Built-in rule packs, parsed and compiled once per installation instead of once per process.

Python's `re` compiles in pure Python: the built-in packs (about 50,000 characters once the
macros are expanded) take some 100 ms, a third of a cold start, and parsing their TOML and
expanding their macros another 20 ms. What the compiler produces (the `_sre` code list and
the group tables) depends only on the pattern, its flags and the interpreter, so it is kept
in the user cache folder and later runs rebuild each Pattern with `_sre.compile` in
microseconds. The same file keeps the parsed TOML (keyed by the file's bytes) and what
letterlint.prefilter learns from each parse tree.

Safety: the file is keyed by the exact interpreter build and by the source of the modules
that turn rule text into patterns, so a changed macro or analysis rebuilds it; a compiled
entry is only written after the rebuilt Pattern compared equal (code, flags, groups) to
what `re.compile` made; any unexpected shape, version or error falls back to `re.compile`.
A stale or foreign cache can only cost time, never change a match.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

try:  # CPython internals; elsewhere everything below degrades to plain re.compile
    import _sre
    from re import _compiler
except ImportError:  # pragma: no cover - other Python implementations
    _sre = None  # type: ignore[assignment]

from letterlint.prefilter import Prefixes, Starts, analyse

_FORMAT = "rulecache-v1"
# what shapes an entry
_CODE = ("patterns.py", "crisis_words.py", "rulepack.py", "prefilter.py", "patterncache.py")
_STALE_DAYS = 30


class Compiled(NamedTuple):
    pattern: re.Pattern[str]
    triggers: Prefixes  # every match contains one of these (normalized), or None
    starts: Starts | None  # how every match begins, or None


# (_sre.compile arguments, sorted triggers, sorted start prefixes, starts at a word start,
# guards of the prefixes), Nones where unknown
_Entry = tuple[
    tuple[Any, ...] | None, tuple[str, ...] | None, tuple[str, ...] | None, bool, tuple[tuple[str, ...], ...]
]
_NOTHING: _Entry = (None, None, None, False, ())


def _cache_key() -> str:
    parts: list[object] = [_FORMAT, sys.implementation.name, sys.version, sys.maxunicode]
    if _sre is not None:
        parts += [_sre.MAGIC, _sre.CODESIZE]
    code = hashlib.sha1()
    here = Path(__file__).parent
    for name in _CODE:
        try:
            code.update((here / name).read_bytes())
        except OSError:
            code.update(os.urandom(8))  # unreadable source: never reuse a cache
    parts.append(code.hexdigest())
    return "|".join(str(p) for p in parts)


class PatternCache:
    """Compile with memory of earlier processes; call save() after the last compile()."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.key = _cache_key()
        self._stored: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        if path is not None and _sre is not None:
            self._stored = _read(path, self.key)

    @classmethod
    def for_builtins(cls) -> PatternCache:
        from letterlint.nlp import cache_dir

        cache = cls(None)
        digest = hashlib.sha1(cache.key.encode()).hexdigest()[:16]
        cache.path = cache_dir() / f"{_FORMAT}-{digest}.bin"
        if _sre is not None:
            cache._stored = _read(cache.path, cache.key)
        return cache

    def compile(self, source: str, flags: int) -> Compiled:
        return self.compile_keyed(f"{int(flags)}:{source}", lambda: source, flags)

    def compile_keyed(self, key: str, source: Callable[[], str], flags: int) -> Compiled:
        """Like compile(source(), flags), remembered under `key` so that a hit needs no source."""
        entry = self._stored.get(key)
        if entry is not None and entry[0] is not None:
            try:
                pattern = _sre.compile(*entry[0])
            except Exception:  # foreign or damaged entry: build it again below
                pass
            else:
                self._used[key] = entry
                return _compiled(pattern, entry)
        pattern, entry = _build(source(), int(flags))
        self._used[key] = entry
        return _compiled(pattern, entry)

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """make(), remembered under `key`; the value must be marshal-able plain data."""
        key = "data:" + key
        value = self._stored[key] if key in self._stored else make()
        self._used[key] = value
        return value

    def save(self) -> None:
        """Write the entries this load used (dropping stale ones), if anything changed."""
        if self.path is None or _sre is None or self._used == self._stored:
            return
        try:
            data = marshal.dumps({"key": self.key, "entries": self._used})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
            _remove_stale(self.path)
        except (OSError, ValueError):
            pass  # a read-only cache folder (or unmarshal-able data) only costs start-up time
        self._stored = dict(self._used)


def _read(path: Path, key: str) -> dict[str, Any]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _remove_stale(current: Path) -> None:
    """Caches of earlier letterlint or Python versions, untouched for a month."""
    limit = time.time() - _STALE_DAYS * 86400
    for other in current.parent.glob(f"{_FORMAT}-*.bin"):
        try:
            if other != current and other.stat().st_mtime < limit:
                other.unlink()
        except OSError:
            pass


def _compiled(pattern: re.Pattern[str], entry: _Entry) -> Compiled:
    _, triggers, prefixes, at_word, guards = entry
    starts = Starts(tuple(prefixes), at_word, tuple(guards)) if prefixes else None
    return Compiled(pattern, frozenset(triggers) if triggers else None, starts)


def _sorted(found: Iterable[str] | None) -> tuple[str, ...] | None:
    return tuple(sorted(found)) if found else None


def _build(source: str, flags: int) -> tuple[re.Pattern[str], _Entry]:
    """re.compile, plus (when the interpreter allows) the arguments that rebuild it and what
    the prefilter learns from the parse tree."""
    pattern = re.compile(source, flags)
    if _sre is None:
        return pattern, _NOTHING
    try:
        triggers, starts, tree = analyse(source, flags)
    except Exception:  # the parser changed shape: no shortcuts, still correct
        return pattern, _NOTHING
    try:
        state = tree.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        args: tuple[Any, ...] | None = (  # plain ints: marshal refuses the compiler's int subclasses
            source,
            int(flags | state.flags),
            [int(op) for op in _compiler._code(tree, flags)],
            int(state.groups - 1),
            {str(k): int(v) for k, v in state.groupdict.items()},
            tuple(indexgroup),
        )
        rebuilt = _sre.compile(*args)
        same = rebuilt == pattern and rebuilt.groups == pattern.groups
        if not (same and rebuilt.groupindex == pattern.groupindex):
            args = None
    except Exception:
        args = None
    if starts is None:
        return pattern, (args, _sorted(triggers), None, False, ())
    return pattern, (args, _sorted(triggers), starts.prefixes, starts.at_word, starts.guards)
