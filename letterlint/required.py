"""Strings a regex cannot match without: a cheap test of which patterns a letter can need.

A cold run compiles every built-in regex, and compiling is most of its time. Most of those
patterns cannot match a given letter at all: a pattern about "pills" needs the letters
"pill" somewhere in the text. `required_literals` reads a pattern's source and returns
strings one of which every match contains, so a run compiles only the alternatives whose
strings occur in the letter (checks.lazy.LazyPattern).

The analysis is conservative. It follows the structure of the pattern (groups, alternation,
quantifiers, classes, escapes, lookarounds) and takes a requirement only from literal
characters that every match consumes; whatever it does not understand gives no requirement,
and a pattern with no requirement is always compiled.

Strings are compared with `words_view(text)`: the text in lower case (with the characters
that Python's case-insensitive matching equates with an ASCII letter: İ, ı, ſ and the Kelvin
sign), every character that is neither a word character nor an apostrophe read as a space,
and a space in front. A pattern that begins where no word character precedes it (a built-in
pattern's boundary) may thus require " word": its first word, at the start of a word.
tests/test_required.py checks all of this against real matching.
"""

from __future__ import annotations

import re

# Sets of strings: every match contains a string of each set. () when nothing is known.
Requirement = tuple[frozenset[str], ...]

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, "İ": "i", "ı": "i", "ſ": "s", "K": "k"}
)
_NOT_WORD = re.compile(r"[^\w'’]")
# Words too common to tell letters apart: a requirement made of them is chosen last.
_COMMON_WORDS = """a about after again all also am an and any are as at back be because been but by can
    could did do does done dont even ever for from get go going got had has have he her him his
    how i if im in into is it its just know like make me more much my myself no not now of off
    on one only or our out over really said say see she so some still than that the their them
    then there they thing things think this time to too up us very want was way we well were
    what when where which who will with would you your yourself"""
_COMMON = frozenset(_COMMON_WORDS.split())
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")
_FLAGS = re.compile(r"\?([aiLmsux]*)(?:-([imsx]+))?([:)])")

# What an atom is, besides a plain literal character.
_CONSUMES, _ZERO_WIDTH = "consumes", "zero-width"


def words_view(text: str) -> str:
    """The text as required strings are looked for in it."""
    return " " + _NOT_WORD.sub(" ", text).translate(_FOLD)


class _Unsupported(Exception):
    pass


_analysed: dict[tuple[str, bool], Requirement] = {}  # kept between runs by letterlint.rulecache


def analysed() -> dict[tuple[str, bool], Requirement]:
    """Every analysis made in this process (to store with the rule set)."""
    return dict(_analysed)


def remember(analyses: dict[tuple[str, bool], Requirement]) -> None:
    """Analyses stored by an earlier run of the same code (letterlint.rulecache)."""
    _analysed.update(analyses)


def required_literals(source: str, word_start: bool = False) -> Requirement:
    """Sets of strings (lower case): every match of `source` contains, in `words_view` of the
    text, one string of each set. `word_start`: no word character or apostrophe precedes a
    match."""
    found = _analysed.get((source, word_start))
    if found is None:
        found = _analysed[(source, word_start)] = _analyse(source, word_start)
    return found


def _analyse(source: str, word_start: bool) -> Requirement:
    try:
        parser = _Parser(source)
        found = parser.alternation(word_start)
        if parser.at < len(source):
            return ()  # an unbalanced ")": not ours to judge
        return found
    except (_Unsupported, IndexError):
        return ()


def split_alternatives(source: str) -> tuple[str, ...]:
    """The top-level alternatives of a pattern, in order (the whole source if it has one)."""
    parts, start, depth, at = [], 0, 0, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 1
            if at < len(source) and source[at] == "^":
                at += 1
            if at < len(source) and source[at] == "]":
                at += 1
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
        at += 1
    parts.append(source[start:])
    return tuple(parts)


def may_match(requirement: Requirement, view: str) -> bool:
    """False when the text (as `words_view` gives it) lacks every string of some set."""
    return all(any(s in view for s in strings) for strings in requirement)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0
        # Whether what was just parsed leaves a space before what follows it.
        self.ends_with_space = False

    def alternation(self, at_start: bool) -> Requirement:
        branches = [self.sequence(at_start)]
        ends_with_space = self.ends_with_space
        while self.at < len(self.source) and self.source[self.at] == "|":
            self.at += 1
            branches.append(self.sequence(at_start))
            ends_with_space = ends_with_space and self.ends_with_space
        self.ends_with_space = ends_with_space
        if len(branches) == 1:
            return branches[0]
        if not all(branches):
            return ()  # a branch that requires nothing
        # One set for the alternation: the most selective set of each branch, together.
        return (_minimal(frozenset().union(*(max(b, key=_selectivity) for b in branches))),)

    def sequence(self, at_start: bool) -> Requirement:
        """The most selective requirement of the items every match goes through.

        `at_start`: the character before the sequence is a space in `words_view` (the start
        of a bounded pattern); so is the character after a literal space it consumes. A run of
        literals there may then require that space too (" die", not the "die" of "studied")."""
        choices: list[frozenset[str]] = []  # every one of them is required
        run: list[str] = []  # adjacent literal characters that occur exactly once
        run_after_space = False
        after_space = at_start

        def close_run() -> None:
            literal = ("".join(run)).lower()
            if literal.strip():
                spaced = run_after_space and not literal.startswith(" ")
                choices.append(frozenset({(" " if spaced else "") + literal}))
            run.clear()

        source = self.source
        while self.at < len(source) and source[self.at] not in "|)":
            self.ends_with_space = False
            literal, kind, requirement = self.atom(after_space)
            group_ends_with_space = self.ends_with_space
            low, high = self.quantifier()
            if kind == _ZERO_WIDTH:
                close_run()  # the characters around it need not be adjacent to the run's
                run_after_space = False
                continue
            once = low == high == 1
            if literal is not None and once:
                if not run:
                    run_after_space = after_space
                run.append(literal)
            else:
                close_run()
                run_after_space = False
                if literal is not None and literal != " " and low >= 1:
                    choices.append(frozenset({literal.lower()}))
                elif low >= 1:
                    choices.extend(requirement)
            if literal == " ":
                after_space = low >= 1 or after_space
            elif literal is not None:
                after_space = False
            else:  # a group ending with a space leaves one, whether it was taken or skipped
                after_space = group_ends_with_space and (low >= 1 or after_space)
        close_run()
        self.ends_with_space = after_space
        return tuple(dict.fromkeys(choices))

    def quantifier(self) -> tuple[int, int | None]:
        """The repetition after an atom: (least, most); (1, 1) when there is none."""
        source, at = self.source, self.at
        if at >= len(source):
            return 1, 1
        char = source[at]
        if char in "?*+":
            self.at += 1
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        elif char == "{" and (m := _QUANTIFIER.match(source, at)) and (m.group(1) or m.group(3)):
            self.at = m.end()
            low = int(m.group(1) or 0)
            high = int(m.group(3)) if m.group(3) else (None if m.group(2) else low)
        else:
            return 1, 1
        if self.at < len(source) and source[self.at] in "?+":  # lazy or possessive
            self.at += 1
        return low, high

    def atom(self, after_space: bool) -> tuple[str | None, str, Requirement]:
        """(a plain literal character or None, what kind of atom, what it requires)."""
        source = self.source
        char = source[self.at]
        if char == "(":
            return self.group(after_space)
        if char == "[":
            self.skip_class()
            return None, _CONSUMES, ()
        if char == "\\":
            nxt = source[self.at + 1]
            self.at += 2
            if nxt in "bBAZ":
                return None, _ZERO_WIDTH, ()
            if nxt in "xuUN0123456789":
                self.skip_code(nxt)
                return None, _CONSUMES, ()
            if nxt == "s":  # white space of any kind is a space in words_view
                return " ", _CONSUMES, ()
            if nxt.isalnum():  # \w \s \d and the like
                return None, _CONSUMES, ()
            return (nxt if nxt in _PLAIN else None), _CONSUMES, ()
        self.at += 1
        if char in "^$":
            return None, _ZERO_WIDTH, ()
        if char == ".":
            return None, _CONSUMES, ()
        return (char if char in _PLAIN else None), _CONSUMES, ()

    def group(self, after_space: bool) -> tuple[None, str, Requirement]:
        source = self.source
        self.at += 1  # "("
        kind = _CONSUMES
        if source[self.at] == "?":
            rest = source[self.at : self.at + 4]
            if rest.startswith("?:") or rest.startswith("?>"):
                self.at += 2
            elif rest.startswith("?P<"):
                self.at = source.index(">", self.at) + 1
            elif rest.startswith("?P="):
                self.at = source.index(")", self.at) + 1
                return None, _CONSUMES, ()  # a back-reference
            elif rest.startswith("?#"):
                self.at = source.index(")", self.at) + 1
                return None, _ZERO_WIDTH, ()
            elif rest.startswith("?=") or rest.startswith("?!"):
                self.at += 2
                kind = _ZERO_WIDTH
            elif rest.startswith("?<=") or rest.startswith("?<!"):
                self.at += 3
                kind = _ZERO_WIDTH
            else:
                m = _FLAGS.match(source, self.at)
                if m is None or "x" in m.group(1):
                    raise _Unsupported(source[self.at : self.at + 5])  # verbose mode, conditionals
                self.at = m.end()
                if m.group(3) == ")":
                    return None, _ZERO_WIDTH, ()  # flags for the whole pattern
        inner = self.alternation(after_space and kind == _CONSUMES)
        if source[self.at] != ")":
            raise _Unsupported("unclosed group")
        self.at += 1
        if kind == _ZERO_WIDTH:
            self.ends_with_space = False
            return None, kind, ()
        return None, kind, inner

    def skip_class(self) -> None:
        source = self.source
        self.at += 1
        if source[self.at] == "^":
            self.at += 1
        if source[self.at] == "]":
            self.at += 1
        while source[self.at] != "]":
            self.at += 2 if source[self.at] == "\\" else 1
        self.at += 1

    def skip_code(self, kind: str) -> None:
        """Past the rest of \\xhh, \\uhhhh, \\Uhhhhhhhh, \\N{name}, an octal or a back-reference."""
        source = self.source
        if kind == "N":
            self.at = source.index("}", self.at) + 1
            return
        width = {"x": 2, "u": 4, "U": 8}.get(kind)
        if width is not None:
            self.at += width
            return
        while self.at < len(source) and source[self.at].isdigit():
            self.at += 1


def _selectivity(literals: frozenset[str]) -> tuple[int, int, int]:
    """How rarely a letter contains one of these: by the weakest, the shortest, how many."""
    weakest = min(0 if s.strip() in _COMMON else len(s.strip()) for s in literals)
    return weakest, min(len(s) for s in literals), -len(literals)


def _minimal(literals: frozenset[str]) -> frozenset[str]:
    """Drop a string that contains another: finding the shorter one is needed anyway."""
    return frozenset(s for s in literals if not any(o != s and o in s for o in literals))
