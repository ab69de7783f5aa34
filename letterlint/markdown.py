"""Markdown drafts: keep the prose, blank out everything else, keep every offset.

`prose(text)` returns a string of the same length in which front matter, code, link
targets, images, HTML tags and comments and Markdown markup are replaced by spaces
(line breaks stay). The engine lints that string unchanged, so every finding's offset,
line and column are already those of the original file.

Inline control lives in HTML comments, which a rendered letter never shows:
`<!-- letterlint-disable RULE_OR_FAMILY ... -->` up to `<!-- letterlint-enable ... -->`
(or the end of the file); without a rule name they switch every rule off and on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from letterlint.model import Span

ALL = "*"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\r\n]*)")
_FENCE_CLOSE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(?P<mark>---|\+\+\+)[ \t]*\r?\n")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CONTROL = re.compile(r"<!--\s*letterlint-(?P<verb>disable|enable)\b(?P<rules>[^>]*?)\s*-->", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\r\n]+\]:[ \t]*\S.*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_RULE_LINE = re.compile(r"^ {0,3}(?:=+|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-{2,})$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t]|$)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]\r\n]*\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])")
_LINK = re.compile(r"\[(?=[^\]\r\n]+\](?:\(|\[))|\](?:\([^)\r\n]*\)|\[[^\]\r\n]*\])")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+\.\S+")
_EMPHASIS = re.compile(
    r"(?<![\w*_~\\])(?:[*_]{1,3}|~~)(?=[^\s*_~])|(?<=[^\s*_~\\])(?:[*_]{1,3}|~~)(?![\w*_~])"
)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|\\$")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


@dataclass
class Controls:
    """Regions where rules are switched off by inline comments, keyed by rule, family or ALL."""

    regions: dict[str, list[Span]] = field(default_factory=dict)

    def silences(self, rule: str, family: str, offset: int) -> bool:
        for key in (rule, family, ALL):
            for span in self.regions.get(key, ()):
                if span.start <= offset < span.end:
                    return True
        return False

    def __bool__(self) -> bool:
        return bool(self.regions)


@dataclass
class Prose:
    text: str  # same length as the source; non-prose characters are spaces
    controls: Controls
    headings: frozenset[int] = frozenset()  # 0-based lines that are headings (# or underlined)


def prose(source: str) -> Prose:
    keep = bytearray(b"\x01") * len(source)

    def blank(start: int, end: int) -> None:
        keep[start:end] = b"\x00" * (end - start)

    body_start = _front_matter(source, blank)
    code_lines = _code_blocks(source, body_start, blank)
    comments: list[re.Match[str]] = []
    for m in _COMMENT.finditer(source, body_start):
        if keep[m.start()]:
            comments.append(m)
            blank(m.start(), m.end())
    for m in _TAG.finditer(source, body_start):
        if all(keep[m.start() : m.end()]):
            blank(m.start(), m.end())
    headings: set[int] = set()
    number = len(_LINE_BREAK.findall(source, 0, body_start))
    previous_text = ""
    for line in _lines(source, body_start):
        if line.start() not in code_lines:
            text = line.group().strip()
            if _blank_line_markup(source, line, keep, blank):
                headings.add(number)
            elif _SETEXT_UNDERLINE.match(text) and previous_text and number > 0:
                headings.add(number - 1)  # "A letter to Sam" above "===" is a heading
            previous_text = text
        number += 1
    out = "".join(ch if keep[i] or ch in "\r\n" else " " for i, ch in enumerate(source))
    return Prose(out, _controls(comments, len(source)), frozenset(headings))


def _lines(source: str, start: int) -> list[re.Match[str]]:
    return [m for m in _LINE.finditer(source, start) if m.end() > m.start()]


def _front_matter(source: str, blank) -> int:  # type: ignore[no-untyped-def]
    """YAML (---) or TOML (+++) front matter at the very top: not part of the letter."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return 0
    closers = ("---", "...") if m["mark"] == "---" else ("+++",)
    for line in _lines(source, m.end()):
        if line.group().strip() in closers:
            blank(0, line.end())
            return line.end()
    return 0  # an unclosed block is a thematic break, not front matter


def _code_blocks(source: str, start: int, blank) -> set[int]:  # type: ignore[no-untyped-def]
    """Fenced and indented code blocks; returns the start offsets of their lines."""
    code: set[int] = set()
    fence: str | None = None
    prev_blank = True
    in_indented = False
    list_context = False
    for line in _lines(source, start):
        text = line.group().rstrip("\r\n")
        if fence is not None:
            code.add(line.start())
            blank(line.start(), line.end())
            close = _FENCE_CLOSE.match(text)
            if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence):
                fence = None
            continue
        opened = _FENCE_OPEN.match(text)
        if opened and not (opened["fence"][0] == "`" and "`" in opened["info"]):
            fence = opened["fence"]
            code.add(line.start())
            blank(line.start(), line.end())
            prev_blank, in_indented = False, False
            continue
        is_blank = not text.strip()
        if not is_blank and _INDENTED.match(text) and (in_indented or prev_blank) and not list_context:
            in_indented = True
            code.add(line.start())
            blank(line.start(), line.end())
        elif not is_blank:
            in_indented = False
            if not _INDENTED.match(text):
                list_context = bool(_LIST.match(text))
        prev_blank = is_blank
    return code


def _blank_line_markup(source: str, line: re.Match[str], keep: bytearray, blank) -> bool:  # type: ignore[no-untyped-def]
    """Blank the line's markup; True when the line is an ATX heading."""
    start = line.start()
    text = line.group().rstrip("\r\n")
    end = start + len(text)
    if _REF_DEF.match(text) or _RULE_LINE.match(text):
        blank(start, end)
        return False
    pos = 0
    quote = _QUOTE.match(text)
    if quote:
        blank(start, start + quote.end())
        pos = quote.end()
    heading = _HEADING.match(text, pos)
    if heading:
        blank(start + heading.start(), start + heading.end())
        close = _HEADING_CLOSE.search(text)
        if close:
            blank(start + close.start(), end)
    else:
        bullet = _LIST.match(text, pos)
        if bullet:
            blank(start + bullet.start(), start + bullet.end())
    # Code spans first; later patterns skip what a code span already took.
    for pattern in (_CODE_SPAN, _IMAGE, _AUTOLINK, _LINK, _URL, _ESCAPE, _ENTITY, _EMPHASIS):
        for m in pattern.finditer(text, pos):
            a, b = start + m.start(), start + m.end()
            if keep[a]:
                blank(a, b)
    return heading is not None


def _controls(comments: list[re.Match[str]], length: int) -> Controls:
    controls = Controls()
    open_at: dict[str, int] = {}
    for comment in comments:
        m = _CONTROL.fullmatch(comment.group())
        if not m:
            continue
        names = [n for n in re.split(r"[\s,]+", m["rules"].strip()) if n] or [ALL]
        disable = m["verb"].lower() == "disable"
        if not disable and names == [ALL]:
            names = list(open_at)  # a bare enable switches everything back on
        for name in names:
            if disable:
                open_at.setdefault(name, comment.end())
            elif name in open_at:
                controls.regions.setdefault(name, []).append(Span(open_at.pop(name), comment.start()))
    for name, begin in open_at.items():
        controls.regions.setdefault(name, []).append(Span(begin, length))
    return controls
