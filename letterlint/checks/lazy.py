"""A built-in rule's regex, compiled when it is first used and only as far as the letter needs.

A built-in rule's patterns form one alternation. Compiling all of them is most of a cold run,
yet most alternatives cannot match a given letter: each carries the strings one of which it
cannot match without (letterlint.required), and the first letters a process lints compile only
the alternatives whose strings occur in them. Those alternatives, in their order and with the
same boundaries, find exactly what the whole alternation finds, since the others cannot match
anywhere in that text. After a few partial compiles, or many texts (a folder, a batch, a
server, the sentences of a long letter), the whole alternation is compiled once and used from
then on.

A cached rule set (letterlint.rulecache) stores the sources only, so loading it compiles
nothing. The class answers the calls the checks make of an `re.Pattern`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from letterlint.patterns import with_boundaries
from letterlint.required import Requirement, may_match, required_literals, words_view

# After this many partial compiles, or this many texts asked about, the whole alternation is
# compiled and used from then on: a folder, a batch, a long letter's many sentences.
_SUBSETS_BEFORE_WHOLE = 3
_TEXTS_BEFORE_WHOLE = 64
_NEVER = re.compile(r"(?!)")
_BODY = "\x00"  # where a template takes the alternation
_WORD_START = r"(?<![\w'’])"
RULE_TEMPLATE = with_boundaries(_BODY)


class LazyPattern:
    """`parts`: the alternatives, in order; `template`: the source around their alternation
    (None: the alternation alone)."""

    __slots__ = (
        "_compiled",
        "_needs",
        "_partial_compiles",
        "_texts",
        "flags",
        "parts",
        "pattern",
        "template",
    )

    def __init__(
        self,
        parts: tuple[str, ...],
        flags: int,
        template: str | None,
        needs: tuple[Requirement, ...] | None = None,
        compiled: re.Pattern[str] | None = None,
    ) -> None:
        self.parts = parts
        self.flags = flags
        self.template = template
        self._needs = needs
        self.pattern = _source(parts, template)
        self._compiled = compiled
        self._partial_compiles = 0
        self._texts = 0

    @classmethod
    def build(cls, parts: tuple[str, ...], flags: int, bounded: bool) -> LazyPattern:
        """A rule's patterns, compiled once here so that a broken one fails at load with its
        rule's name."""
        template = RULE_TEMPLATE if bounded else None
        built = cls(parts, flags, template, compiled=re.compile(_source(parts, template), flags))
        _ = built.needs  # read now, so that a cached rule set carries them
        return built

    @property
    def needs(self) -> tuple[Requirement, ...]:
        """What each alternative requires (letterlint.required), read on first use."""
        if self._needs is None:
            word_start = self.template is not None and self.template.startswith(_WORD_START)
            self._needs = tuple(required_literals(part, word_start) for part in self.parts)
        return self._needs

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def for_text(self, text: str) -> re.Pattern[str]:
        """A pattern that finds in `text` what the whole alternation finds."""
        if self._compiled is not None:
            return self._compiled
        self._texts += 1
        if self._texts > _TEXTS_BEFORE_WHOLE or self._partial_compiles >= _SUBSETS_BEFORE_WHOLE:
            return self.compiled()
        view = _view(text)
        wanted = tuple(
            part for part, need in zip(self.parts, self.needs, strict=True) if may_match(need, view)
        )
        if len(wanted) == len(self.parts):
            return self.compiled()
        if not wanted:
            return _NEVER
        self._partial_compiles += 1
        return re.compile(_source(wanted, self.template), self.flags)

    def finditer(self, text: str, *where: int) -> Iterator[re.Match[str]]:
        return self.for_text(text).finditer(text, *where)

    def search(self, text: str, *where: int) -> re.Match[str] | None:
        return self.for_text(text).search(text, *where)

    def match(self, text: str, *where: int) -> re.Match[str] | None:
        return self.for_text(text).match(text, *where)

    def __getstate__(self) -> tuple[object, ...]:
        return (self.parts, self.flags, self.template, self.needs)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        parts, flags, template, needs = state
        self.__init__(parts, flags, template, needs)  # type: ignore[misc, arg-type]


def _source(parts: tuple[str, ...], template: str | None) -> str:
    # One boundary pair around the alternation: the look-behind is tried once per position.
    body = "|".join(parts)
    return template.replace(_BODY, body) if template is not None else body


@lru_cache(maxsize=8)  # every rule asks about the same letter; emptied after each lint
def _view(text: str) -> str:
    return words_view(text)


def forget_texts() -> None:
    _view.cache_clear()
