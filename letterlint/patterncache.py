"""Built-in rule patterns, compiled once per installation instead of once per process.

Python's `re` compiles in pure Python: the built-in packs (about 50,000 characters once the
macros are expanded) take some 100 ms, a third of a cold start. What the compiler produces
(the `_sre` code list and the group tables) depends only on the pattern, its flags and the
interpreter, so it is kept in the user cache folder, keyed by all three, and later runs
rebuild each Pattern from it with `_sre.compile` in microseconds.

Safety: an entry is only written after the rebuilt Pattern compared equal (code, flags,
groups) to what `re.compile` made; the file is keyed by the exact interpreter build; any
unexpected shape, version or error falls back to `re.compile`. So a stale or foreign cache
can only cost time, never change a match.

The same pass records each pattern's *triggers*: literal strings of which every match must
contain at least one (lower-cased). A letter that contains none of them cannot match, so
the check skips the pattern without scanning (see checks.base.accepted_matches).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

try:  # CPython internals; elsewhere everything below degrades to plain re.compile
    import _sre
    from re import _compiler, _constants, _parser
except ImportError:  # pragma: no cover - other Python implementations
    _sre = None  # type: ignore[assignment]

_FORMAT = "patterns-v1"

Triggers = frozenset[str] | None
_Entry = tuple[tuple[Any, ...] | None, tuple[str, ...] | None]


def _interpreter_key() -> str:
    parts = (_FORMAT, sys.implementation.name, sys.version, sys.maxunicode)
    if _sre is not None:
        parts += (_sre.MAGIC, _sre.CODESIZE)
    return "|".join(str(p) for p in parts)


class PatternCache:
    """Compile with memory of earlier processes; call save() after the last compile()."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[str, _Entry] = {}
        self._used: dict[str, _Entry] = {}
        if path is not None and _sre is not None:
            self._stored = _read(path)

    @classmethod
    def for_builtins(cls) -> PatternCache:
        from letterlint.nlp import cache_dir

        digest = hashlib.sha1(_interpreter_key().encode()).hexdigest()[:16]
        return cls(cache_dir() / f"{_FORMAT}-{digest}.bin")

    def compile(self, source: str, flags: int) -> tuple[re.Pattern[str], Triggers]:
        key = f"{int(flags)}:{source}"
        entry = self._stored.get(key)
        if entry is not None and entry[0] is not None:
            try:
                pattern = _sre.compile(*entry[0])
            except Exception:  # foreign or damaged entry: build it again below
                pass
            else:
                self._used[key] = entry
                return pattern, _as_triggers(entry[1])
        pattern, entry = _build(source, int(flags))
        self._used[key] = entry
        return pattern, _as_triggers(entry[1])

    def save(self) -> None:
        """Write the entries this load used (dropping stale ones), if anything changed."""
        if self.path is None or _sre is None or self._used == self._stored:
            return
        try:
            data = marshal.dumps({"key": _interpreter_key(), "entries": self._used})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            pass  # a read-only cache folder only costs start-up time
        self._stored = dict(self._used)


def _read(path: Path) -> dict[str, _Entry]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != _interpreter_key():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _as_triggers(stored: tuple[str, ...] | None) -> Triggers:
    return frozenset(stored) if stored else None


def _build(source: str, flags: int) -> tuple[re.Pattern[str], _Entry]:
    """re.compile, plus (when the interpreter allows) the arguments that rebuild it."""
    pattern = re.compile(source, flags)
    if _sre is None:
        return pattern, (None, None)
    try:
        tree = _parser.parse(source, flags)
        state = tree.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        args = (  # plain ints: the compiler emits int subclasses, which marshal refuses
            source,
            int(flags | state.flags),
            [int(op) for op in _compiler._code(tree, flags)],
            int(state.groups - 1),
            {str(k): int(v) for k, v in state.groupdict.items()},
            tuple(indexgroup),
        )
        rebuilt = _sre.compile(*args)
        same = rebuilt == pattern and rebuilt.groups == pattern.groups
        same = same and rebuilt.groupindex == pattern.groupindex
        found = required_literals(tree)
        triggers = tuple(sorted(found)) if found else None
    except Exception:  # internals changed shape: no cache, no triggers, still correct
        return pattern, (None, None)
    return pattern, (args if same else None, triggers)


# -- triggers ------------------------------------------------------------------------

# Characters outside ASCII that `re.IGNORECASE` matches against an ASCII letter; folding
# them first keeps "every match contains the trigger" true of the folded text. The set is
# checked against every code point by tests/test_performance_paths.py.
_ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold(text: str) -> str:
    """The text as triggers are compared with it."""
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLDS).lower()


def may_match(triggers: Triggers, folded: str) -> bool:
    return triggers is None or any(t in folded for t in triggers)


def required_literals(tree: Any) -> frozenset[str] | None:
    """Lower-cased ASCII strings of which every match of the parsed pattern contains one,
    or None when no such set is evident. Each node kind is handled conservatively: anything
    not understood (classes, assertions, optional parts) contributes nothing."""
    c = _constants
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _selectivity(found) > _selectivity(best)):
            best = found

    for op, av in tree:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is c.SUBPATTERN:
            consider(required_literals(av[-1]))
        elif op is c.ATOMIC_GROUP:
            consider(required_literals(av))
        elif op is c.BRANCH:
            alternatives = [required_literals(alt) for alt in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(required_literals(av[2]))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _selectivity(found: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in found), -len(found)
