"""Token patterns: constructions over word stems and word classes, instead of regex.

A pattern is a sequence of items over the tokens of one sentence (see letterlint.tokens):

    beg            any word with the stem of "beg": beg, begs, begged, begging
    =sorry         exactly this word, not its stem's other forms
    <plead>        any entry of the word class `plead` (a lexicon entry may be a phrase)
    beg|plead      one of these words (outside parentheses)
    #              any number written in figures
    (give up|quit) one of these sequences (inside parentheses "|" separates sequences)
    item?          the item may be missing
    ...  ...6      a gap of up to 4 (or 6) tokens, never across ; : ( ) or a dash
    @I  @you       zero-width: the subject of this clause is the writer (I, we, or none
                   said, as in "Begging you...") / the reader (you)
    @none          zero-width: no subject is said (an imperative: "Give me one more chance")
    \\?  \\!  ,       the punctuation itself

Between any two items the writer may add fillers (the `filler` class: "really", "just",
"honestly", ...) and commas, up to three, so "I (honestly, truly) beg you" needs one
pattern. Words are read as the tokenizer reads the letter, so "can't" in a pattern is
"can not" and matches "cant", "cannot" and "can not".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from letterlint.stems import stem_of
from letterlint.tokens import CLAUSE_BREAKS, read_word

MAX_FILLERS = 3
DEFAULT_GAP = 4

_ITEMS = (
    r"\s*(?:(?P<gap>\.\.\.(?P<n>\d+)?)|(?P<role>@[A-Za-z]+)|<(?P<cls>[a-z0-9][a-z0-9-]*)>"
    r"{words}|(?P<exact>=[^\W\d_][\w'’-]*)|(?P<word>[\w'’#]+(?:-[\w'’]+)*)|\\(?P<mark>[?!.])"
    r"|(?P<sym>[()|?,]))"
)
# Outside parentheses "beg|plead" is one item, one of the words; inside, "|" separates the
# group's sequences: "(give up|walk away)".
_PIECE = re.compile(_ITEMS.format(words=r"|(?P<words>=?[\w'’#-]+(?:\|=?[\w'’#-]+)+)"))
_PIECE_IN_GROUP = re.compile(_ITEMS.format(words=""))
ROLES = ("@I", "@you", "@none")


class PatternError(ValueError):
    """A token pattern that cannot be read; the message says where and why."""


# -- compiled items ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One token: its stem is one of `stems`, or its written form one of `norms`."""

    stems: frozenset[str]
    norms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Alt:
    options: tuple[tuple[Item, ...], ...]


@dataclass(frozen=True, slots=True)
class Opt:
    inner: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    most: int


@dataclass(frozen=True, slots=True)
class Role:
    who: str  # "writer" | "reader"


Item = Word | Alt | Opt | Gap | Role


Keys = tuple[frozenset[str], frozenset[str]]  # stems, written forms


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    items: tuple[Item, ...]
    first_stems: frozenset[str]
    first_norms: frozenset[str]
    # For each item every match goes through, the stems and written forms one of which it
    # must contain (as one set): a sentence lacking any of them is not tried at all.
    needs: tuple[frozenset[str], ...] = ()
    first: frozenset[str] = frozenset()  # first_stems | first_norms


# Words in nearly every letter: a need made of them says little about where a pattern can be.
_COMMON = frozenset(
    [
        "i",
        "you",
        "me",
        "my",
        "your",
        "we",
        "us",
        "our",
        "it",
        "the",
        "a",
        "an",
        "to",
        "and",
        "of",
        "in",
        "on",
        "for",
        "at",
        "with",
        "be",
        "is",
        "are",
        "was",
        "were",
        "not",
        "do",
        "have",
        "will",
        "would",
        "can",
        "so",
        "that",
        "this",
        "just",
        "but",
        "if",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "what",
        "all",
    ]
)


def _commonness(need: frozenset[str]) -> tuple[int, int]:
    return (len(need & _COMMON), len(need))


@dataclass(frozen=True, slots=True)
class PatternIndex:
    """A rule's patterns by the words of their most selective need: a letter that has none
    of a pattern's words for that need cannot match it, so it is not even looked at."""

    keys: frozenset[str]
    by_key: dict[str, tuple[int, ...]]
    always: tuple[int, ...]  # patterns without a need (every item optional): always tried

    @classmethod
    def build(cls, patterns: tuple[Pattern, ...]) -> PatternIndex:
        by_key: dict[str, set[int]] = {}
        always = []
        for n, pattern in enumerate(patterns):
            if not pattern.needs:
                always.append(n)
                continue
            for key in min(pattern.needs, key=_commonness):
                by_key.setdefault(key, set()).add(n)
        return cls(frozenset(by_key), {k: tuple(v) for k, v in by_key.items()}, tuple(always))

    def candidates(self, present: frozenset[str]) -> list[int]:
        """Indices of the patterns a letter with these words and stems may match, in order."""
        found = set(self.always)
        for key in self.keys & present:
            found.update(self.by_key[key])
        return sorted(found)


# -- the view of a letter the matcher works on ----------------------------------------------


@dataclass(slots=True)
class Grammar:
    """Closed word classes the matcher and the scopes rely on (from the lexicon)."""

    fillers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    subjects_writer: frozenset[str] = frozenset({"i", "we"})
    subjects_reader: frozenset[str] = frozenset({"you"})


@dataclass(slots=True)
class View:
    """A letter's tokens with their stems, as the matcher reads them. `lo[i]`/`hi[i]` bound
    the sentence of token i: no match runs past its sentence."""

    norms: tuple[str, ...]
    stems: list[str]
    grammar: Grammar
    lo: list[int]
    hi: list[int]
    skippable: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        fillers = self.grammar.fillers
        self.skippable = [n in fillers or n == "," for n in self.norms]


def match_at(pattern: Pattern, view: View, i: int) -> int | None:
    """End (exclusive) of the first match of `pattern` starting at token i, or None."""
    return next(_seq(pattern.items, 0, i, view, view.hi[i]), None)


def _seq(items: tuple[Item, ...], k: int, i: int, view: View, hi: int) -> Iterator[int]:
    """Ends of the matches of items[k:] from token i. Before every item but the first (and
    a zero-width @I/@you) the writer may add up to MAX_FILLERS fillers and commas."""
    stems, norms, skip = view.stems, view.norms, view.skippable
    while k < len(items):
        item = items[k]
        if type(item) is Word:  # the common case, without a generator per word
            ends = []
            p = i
            while True:
                if p < hi and (stems[p] in item.stems or norms[p] in item.norms):
                    ends.append(p + 1)
                if k == 0 or p >= hi or p - i >= MAX_FILLERS or not skip[p]:
                    break
                p += 1
            if len(ends) != 1:
                for end in ends:  # none, or a filler that is also the word wanted
                    yield from _seq(items, k + 1, end, view, hi)
                return
            i = ends[0]
            k += 1
            continue
        starts = [i]
        if k > 0 and type(item) is not Role:
            p = i
            while p < hi and p - i < MAX_FILLERS and skip[p]:
                p += 1
                starts.append(p)
        for start in starts:
            for j in _item(item, start, view, hi):
                yield from _seq(items, k + 1, j, view, hi)
        return
    yield i


def _item(item: Item, i: int, view: View, hi: int) -> Iterator[int]:
    if isinstance(item, Word):
        if i < hi and (view.stems[i] in item.stems or view.norms[i] in item.norms):
            yield i + 1
    elif isinstance(item, Alt):
        stem, norm = (view.stems[i], view.norms[i]) if i < hi else ("", "")
        for option in item.options:
            head = option[0]
            if type(head) is Word and not (stem in head.stems or norm in head.norms):
                continue  # most options fail on their first word: no generator for them
            yield from _seq(option, 0, i, view, hi)
    elif isinstance(item, Opt):
        yield from _seq(item.inner, 0, i, view, hi)
        yield i
    elif isinstance(item, Gap):
        yield i
        n = i
        while n < hi and n - i < item.most and view.norms[n] not in CLAUSE_BREAKS:
            n += 1
            yield n
    elif isinstance(item, Role):
        who, at = subject_at(view, i)
        if who == item.who or (item.who == "none" and who == "writer" and at == i):
            yield i


def subject_of(view: View, i: int) -> str:
    """Who does what token i says: "writer" (I, we, or no subject: "Begging you..."),
    "reader" (you) or "other" (he, my friend...), from the words before it in its clause."""
    return subject_at(view, i)[0]


def subject_at(view: View, i: int) -> tuple[str, int]:
    """subject_of, and where the subject is said (i itself when it is not said)."""
    g = view.grammar
    n = i - 1
    while n >= view.lo[min(i, len(view.lo) - 1)]:
        word = view.norms[n]
        if word in g.subjects_writer:
            return "writer", n
        if word in g.subjects_reader:
            return "reader", n
        if word in CLAUSE_BREAKS or word in (",", "and", "but", "so", "because", "then", "please"):
            return "writer", i
        if word in g.auxiliaries or word in g.fillers or word in _PASS_SUBJECT:
            n -= 1
            continue
        return "other", i
    return "writer", i


# Words between a subject and its verb that do not change who acts: "I want to beg you".
_PASS_SUBJECT = frozenset(
    ["not", "never", "to", "want", "wanted", "need", "needed", "try", "tried", "trying", "stop",
     "stopped", "quit", "start", "started", "wish", "mean", "meant", "gotta", "got"]
)  # fmt: skip


# -- compiling ------------------------------------------------------------------------------


class Lexicon:
    """Word classes by name; each entry is itself a token pattern (usually one word)."""

    def __init__(self, entries: dict[str, tuple[str, ...]], where: dict[str, str] | None = None) -> None:
        self.entries = entries
        self.where = where or {}
        self._compiled: dict[str, Alt] = {}
        self._busy: set[str] = set()

    def words(self, name: str) -> frozenset[str]:
        """Every single word of a class, as written (for closed classes such as fillers)."""
        out: set[str] = set()
        for entry in self.entries.get(name, ()):
            if " " not in entry.strip():
                out.update(read_word(entry.strip()))
        return frozenset(out)

    def resolve(self, name: str) -> Alt:
        found = self._compiled.get(name)
        if found is not None:
            return found
        if name not in self.entries:
            raise PatternError(f"unknown word class <{name}>")
        if name in self._busy:
            raise PatternError(f"word class <{name}> refers to itself")
        self._busy.add(name)
        try:
            single_stems: set[str] = set()
            single_norms: set[str] = set()
            options: list[tuple[Item, ...]] = []
            for entry in self.entries[name]:
                try:
                    items = _parse(entry, self)
                except PatternError as exc:
                    at = self.where.get(name, "")
                    raise PatternError(f"{at}word class <{name}>, entry {entry!r}: {exc}") from None
                if len(items) == 1 and isinstance(items[0], Word):
                    single_stems |= items[0].stems
                    single_norms |= items[0].norms
                else:
                    options.append(items)
            if single_stems or single_norms:
                options.insert(0, (Word(frozenset(single_stems), frozenset(single_norms)),))
            alt = Alt(tuple(options))
        finally:
            self._busy.discard(name)
        self._compiled[name] = alt
        return alt


def compile_pattern(source: str, lexicon: Lexicon) -> Pattern:
    items = _parse(source, lexicon)
    if not items or all(isinstance(x, (Role, Gap, Opt)) for x in items):
        raise PatternError("a pattern needs at least one word it always matches")
    if isinstance(items[0], Gap) or isinstance(items[-1], Gap):
        raise PatternError("a pattern may not start or end with a gap")
    stems, norms = _first(items, 0)
    needs = []
    for k, item in enumerate(items):
        if isinstance(item, Word) or (isinstance(item, Alt) and _always_consumes((item,))):
            s, n = _first(items, k)
            needs.append(frozenset(s | n))
    needs.sort(key=len)  # the most selective first
    first = frozenset(stems | norms)
    return Pattern(source, items, frozenset(stems), frozenset(norms), tuple(dict.fromkeys(needs)), first)


def _first(items: tuple[Item, ...], k: int) -> tuple[set[str], set[str]]:
    """Stems and written forms one of which the first token of any match has."""
    stems: set[str] = set()
    norms: set[str] = set()
    while k < len(items):
        item = items[k]
        if isinstance(item, Word):
            return stems | item.stems, norms | item.norms
        if isinstance(item, Alt):
            for option in item.options:
                s, n = _first(option, 0)
                stems |= s
                norms |= n
            if all(_always_consumes(o) for o in item.options):
                return stems, norms
        elif isinstance(item, Opt):
            s, n = _first(item.inner, 0)
            stems |= s
            norms |= n
        k += 1
    return stems, norms


def _always_consumes(items: tuple[Item, ...]) -> bool:
    for item in items:
        if isinstance(item, Word):
            return True
        if isinstance(item, Alt) and all(_always_consumes(o) for o in item.options):
            return True
    return False


def _parse(source: str, lexicon: Lexicon) -> tuple[Item, ...]:
    pieces = _lex(source)
    items, pos = _parse_alts(pieces, 0, lexicon)
    if pos != len(pieces):
        raise PatternError(f"unexpected {pieces[pos][1]!r}")
    if isinstance(items, Alt) and len(items.options) == 1:
        return items.options[0]
    if isinstance(items, Alt):
        return (items,)
    return items


def _lex(source: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    depth = 0
    source = source.strip()
    while pos < len(source):
        m = (_PIECE_IN_GROUP if depth else _PIECE).match(source, pos)
        if m is None or m.end() == pos:
            raise PatternError(f"cannot read {source[pos : pos + 12]!r}")
        kind = m.lastgroup if m.lastgroup != "n" else "gap"
        if m.group("gap"):
            kind = "gap"
        text = m.group(kind or "")
        out.append((kind or "", text))
        if kind == "sym":
            depth += {"(": 1, ")": -1}.get(text, 0)
        pos = m.end()
        while pos < len(source) and source[pos].isspace():
            pos += 1
    return out


def _parse_alts(pieces: list[tuple[str, str]], pos: int, lexicon: Lexicon) -> tuple[Alt, int]:
    options: list[tuple[Item, ...]] = []
    while True:
        seq, pos = _parse_seq(pieces, pos, lexicon)
        if not seq:
            raise PatternError("an empty alternative")
        options.append(seq)
        if pos < len(pieces) and pieces[pos] == ("sym", "|"):
            pos += 1
            continue
        return Alt(tuple(options)), pos


def _parse_seq(pieces: list[tuple[str, str]], pos: int, lexicon: Lexicon) -> tuple[tuple[Item, ...], int]:
    items: list[Item] = []
    while pos < len(pieces):
        kind, text = pieces[pos]
        if kind == "sym" and text in ")|":
            break
        if kind == "sym" and text == "?":
            if not items or isinstance(items[-1], (Role, Gap)):
                raise PatternError("'?' must follow a word, a class or a group")
            last = items.pop()
            items.append(
                Opt(last.options[0] if isinstance(last, Alt) and len(last.options) == 1 else (last,))
            )
            pos += 1
            continue
        if kind == "sym" and text == "(":
            group, pos = _parse_alts(pieces, pos + 1, lexicon)
            if pos >= len(pieces) or pieces[pos] != ("sym", ")"):
                raise PatternError("a '(' without its ')'")
            items.append(group)
            pos += 1
            continue
        pos += 1
        if kind == "sym" and text == ",":
            items.append(Word(frozenset(), frozenset({","})))
        elif kind == "mark":
            items.append(Word(frozenset(), frozenset({text if text != "." else "."})))
        elif kind == "gap":
            digits = text[3:]
            items.append(Gap(int(digits) if digits else DEFAULT_GAP))
        elif kind == "role":
            if text not in ROLES:
                raise PatternError(f"unknown role {text} ({', '.join(ROLES)})")
            items.append(Role({"@I": "writer", "@you": "reader", "@none": "none"}[text]))
        elif kind == "cls":
            items.append(lexicon.resolve(text))
        elif kind == "words":
            items.append(Alt(tuple(_word_items(w) for w in text.split("|"))))
        elif kind in ("exact", "word"):
            items.extend(_word_items(text))
        else:
            raise PatternError(f"unexpected {text!r}")
    return tuple(items), pos


@lru_cache(maxsize=8192)
def _word_items(text: str) -> tuple[Item, ...]:
    """One written word as items: "beg" by stem, "=sorry" as written; "can't" is two words,
    and so is "two-faced", since the letter's tokens split at a hyphen too."""
    exact = text.startswith("=")
    words = [w for part in text.lstrip("=").split("-") if part for w in read_word(part)]
    if not words:  # a lone dash, as written
        words = [text.lstrip("=")]
    if exact:
        return tuple(Word(frozenset(), frozenset({w})) for w in words)
    return tuple(Word(frozenset({stem_of(w)}), frozenset({w})) for w in words)


def stems_of(items: tuple[Item, ...]) -> set[str]:
    """Every stem any item asks for, however deep in groups and classes."""
    out: set[str] = set()
    for item in items:
        if isinstance(item, Word):
            out |= item.stems
        elif isinstance(item, Alt):
            for option in item.options:
                out |= stems_of(option)
        elif isinstance(item, Opt):
            out |= stems_of(item.inner)
    return out
