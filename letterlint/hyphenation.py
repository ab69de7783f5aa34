"""Pyphen for textstat, loaded only when needed and from a compact cache.

textstat counts the syllables of a word missing from the CMU dictionary with pyphen, and
asks for a Pyphen object on every call whether or not a word is missing. Building one
parses a 14,000-pattern hyphenation file: some 70 ms, a fifth of a cold start. Here the
object is created on the first missing word only, and its parsed patterns are kept in the
user cache folder (keyed by pyphen's version and the file's size and time), so later
processes load them with marshal instead of parsing. Any surprise falls back to pyphen's
own loading.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

_FORMAT = "hyphenation-v2"
_PROBES = ("counselling", "hyphenation", "ive", "youre", "akabusi", "tromsø", "perambulations", "a")


class _Patterns(dict[str, Any]):
    """HyphDict.patterns whose values ("start digits") are parsed on first use: building
    14,000 tuples at start-up costs more than the few words that ever need them."""

    def get(self, key: str, default: Any = None) -> Any:
        value = dict.get(self, key)
        if value is None:
            return default
        if isinstance(value, str):
            start, digits = value.split(" ")
            value = (int(start), tuple(int(d) for d in digits))
            self[key] = value
        return value


class LazyPyphen:
    """Stands in for textstat's Pyphen(lang=...): created on the first positions() call."""

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._real: Any = None

    def positions(self, word: str) -> Any:
        if self._real is None:
            self._real = load_pyphen(self._lang)
        return self._real.positions(word)


def load_pyphen(lang: str) -> Any:
    import pyphen

    try:
        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        if path not in pyphen.hdcache:
            cached = _from_cache(pyphen, path)
            if cached is not None:
                pyphen.hdcache[path] = cached
    except Exception:  # pyphen changed shape: let it load the ordinary way
        pass
    return pyphen.Pyphen(lang=lang)


def _cache_file(pyphen: Any, path: Path) -> Path:
    from letterlint.cachedir import cache_dir

    stat = os.stat(path)
    return (
        cache_dir()
        / f"{_FORMAT}-{pyphen.__version__}-{Path(path).stem}-{stat.st_size}-{stat.st_mtime_ns}.bin"
    )


def _from_cache(pyphen: Any, path: Path) -> Any:
    """A HyphDict rebuilt from the cache, or parsed and then cached; None if not possible."""
    target = _cache_file(pyphen, path)
    try:
        keys, values, maxlen = marshal.loads(target.read_bytes())
        return _rebuilt(pyphen, keys, values, maxlen)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    real = pyphen.HyphDict(path)
    try:
        keys = "\n".join(real.patterns)
        values = "\n".join(f"{start} {''.join(map(str, digits))}" for start, digits in real.patterns.values())
        rebuilt = _rebuilt(pyphen, keys, values, real.maxlen)
        if [rebuilt.positions(w) for w in _PROBES] != [real.positions(w) for w in _PROBES]:
            return real  # pyphen's internals differ from what _rebuilt assumes: no cache
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((keys, values, real.maxlen)))
        os.replace(tmp, target)
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return real


def _rebuilt(pyphen: Any, keys: str, values: str, maxlen: int) -> Any:
    hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph.patterns = _Patterns(zip(keys.split("\n"), values.split("\n"), strict=True))
    hyph.maxlen = maxlen
    hyph.cache = {}
    return hyph
