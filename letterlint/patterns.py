"""The small pattern language of rule packs: regular expressions plus macros.

Macros spare rule authors from spelling every contraction and apostrophe:
`{cant}` matches "can't", "can’t", "cant", "cannot" and "can not"; `{adv}` allows up
to three softeners in between ("I honestly, truly can't"); a literal space matches
any run of whitespace, so a phrase still matches across a line break.
"""

from __future__ import annotations

import re

from letterlint.crisis_words import CRISIS_WORDS

_ADVERBS = (
    "really|honestly|truly|just|literally|simply|seriously|actually|basically|still|even|ever|"
    "genuinely|absolutely|totally|completely|so|very|definitely|physically|kind\\s+of|sort\\s+of|"
    "probably|think|swear|feel\\s+like|know|mean|already|now|anymore|always|practically|"
    "utterly|fucking|freaking|damn|certainly|surely|only"
)

MACROS: dict[str, str] = {
    "adv": rf"(?:(?:{_ADVERBS})[\s,]+){{0,3}}",
    "cant": r"(?:can['’]?t|cannot|can\s+not)",
    "dont": r"(?:don['’]?t|do\s+not)",
    "wont": r"(?:won['’]?t|will\s+not)",
    "im": r"(?:i['’]?m|i\s+am)",
    "ill": r"(?:i['’]?ll|i\s+will|i\s+shall|i\s*w(?:ill|ould)\s+gladly)",
    "ive": r"(?:i['’]?ve|i\s+have)",
    "id": r"(?:i['’]?d|i\s+would)",
    "youre": r"(?:you['’]?re|you\s+are|your|ur|u\s+r)",
    "youve": r"(?:you['’]?ve|you\s+have)",
    "youd": r"(?:you['’]?d|you\s+would|you\s+had)",
    "its": r"(?:it['’]?s|it\s+is|it\s+was)",
    "thats": r"(?:that['’]?s|that\s+is|that\s+was)",
    "you": r"(?:you|u)",
    "your": r"(?:your|ur|you['’]?re)",
    "me": r"(?:me|myself)",
    "number": r"(?:\d+|a\s+(?:dozen|hundred|million)|dozens\s+of|hundreds\s+of|(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred)(?:[\s-]\w+)?)",
}

MACROS.update(CRISIS_WORDS)  # word classes of the crisis rules, kept in their own module

_MACRO = re.compile(r"\{([a-z]+)\}")


class PatternError(ValueError):
    """A pattern that does not compile or names an unknown macro."""


def expand(source: str) -> str:
    """Expand macros, make apostrophes match both forms and spaces match any whitespace."""
    for name in _MACRO.findall(source):
        if name not in MACROS:
            raise PatternError(f"unknown macro {{{name}}} in pattern {source!r}")
    out = _rewrite_outside_classes(source.strip())
    return _MACRO.sub(lambda m: MACROS[m.group(1)], out)


def _rewrite_outside_classes(source: str) -> str:
    """' -> either apostrophe, ' ' -> whitespace run, and ^ and $ at any line break (not only
    LF), except inside [...] and escapes."""
    out: list[str] = []
    in_class = escaped = False
    i = 0
    while i < len(source):
        ch = source[i]
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == "'":
            out.append("['’]")
        elif ch == "$":  # a line ends at LF, CRLF or a lone CR alike (letters saved anywhere)
            out.append(r"(?=\r?\n|\r|\Z)")
        elif ch == "^":
            out.append(r"(?:^|(?<=\r))")
        elif ch == " ":
            while i + 1 < len(source) and source[i + 1] == " ":
                i += 1
            out.append("\\s+")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def with_boundaries(pattern: str) -> str:
    return rf"(?<![\w'’])(?:{pattern})(?![\w])"
