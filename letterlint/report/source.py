"""Source lines with underlined spans, cut to fit a width (shared by the terminal and plain text)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from letterlint.model import Finding

_NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (LF, CRLF and CR endings, as the Document counts them)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def _cell_len(text: str) -> int:
    from rich.cells import cell_len  # lazy: rich costs start-up time

    return cell_len(text)


def printable(text: str) -> str:
    """One visible character per code point: tabs become spaces, control characters a symbol.

    A letter could hold escape sequences; they must never reach the terminal.
    """
    if text.isprintable():  # no tab and nothing of Cc, Cf, Zl or Zp: the common case, in C
        return text
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append("\N{REPLACEMENT CHARACTER}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Excerpt:
    """One source line (or a window of it) and the cells to underline beneath it."""

    line: int
    text: str
    marks: list[tuple[int, int]]  # (first cell, cell count)

    def underline(self, char: str = "^") -> str:
        row = [" "] * (max((a + n for a, n in self.marks), default=0))
        for start, count in self.marks:
            for i in range(start, start + count):
                row[i] = char
        return "".join(row)


class Lines:
    """The letter's lines as the Document counts them (LF, CRLF and CR)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def excerpts(self, findings: list[Finding], width: int) -> list[Excerpt]:
        """Windows of source that show every finding's first line, merged where they fit.

        A finding that spans several lines is underlined to the end of its first line.
        """
        per_line: dict[int, list[tuple[int, int]]] = {}
        for f in findings:
            if f.start.line > len(self):
                continue
            raw = self.line(f.start.line)
            start = min(f.start.column - 1, len(raw))
            end = f.end.column - 1 if f.end.line == f.start.line else len(raw)
            per_line.setdefault(f.start.line, []).append((start, max(end, start + 1)))
        out: list[Excerpt] = []
        for number in sorted(per_line):
            out.extend(window(number, self.line(number), sorted(set(per_line[number])), width))
        return out


def window(number: int, raw: str, spans: list[tuple[int, int]], width: int) -> list[Excerpt]:
    """Cut one line around its spans so that it fits `width` cells.

    Spans close enough to share one window are shown together, as rustc does; the rest get
    windows of their own. Cut ends are marked with an ellipsis.
    """
    width = max(width, 12)
    line = printable(raw)
    if _cell_len(line) < width:
        marks = [(_cell_len(line[:s]), max(1, _cell_len(line[s:e]))) for s, e in spans]
        return [Excerpt(number, line, marks)]
    groups: list[list[tuple[int, int]]] = []
    for s, e in spans:
        if groups and max(e, groups[-1][-1][1]) - groups[-1][0][0] <= width - 12:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return [_cut(number, line, group, width) for group in groups]


def _cut(number: int, line: str, group: list[tuple[int, int]], width: int) -> Excerpt:
    lo, hi = group[0][0], max(e for _, e in group)
    room = width - 2  # two ellipses at most
    context = max(4, (room - _cell_len(line[lo:hi])) // 3)
    left = max(0, lo - context)
    if left <= 8 and _cell_len(line[:hi]) <= room:  # a few more characters show the line's start
        left = 0
    right = left
    while right < len(line) and _cell_len(line[left : right + 1]) <= room:
        right += 1
    if right == len(line):  # the end of the line fits: give the room back to the left side
        while left > 0 and _cell_len(line[left - 1 : right]) <= room:
            left -= 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    marks = []
    for s, e in group:
        s2, e2 = max(s, left), min(e, right)
        first = _cell_len(prefix + line[left:s2])
        marks.append((first, max(1, _cell_len(line[s2:e2]))))
    return Excerpt(number, shown, marks)
