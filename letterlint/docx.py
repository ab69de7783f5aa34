"""Word drafts (.docx) through python-docx, read-only; findings located by paragraph and character.

Each Word paragraph becomes a paragraph of the linted text (paragraphs joined by a blank
line, so the letter's structure survives even when Word spaces paragraphs by style).
Findings are then moved to the *shown* text, where line N is the document's N-th
paragraph (empty ones included) and the column counts characters within it.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from letterlint.reader import MAX_BYTES, InputError

_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class WordText:
    paragraphs: list[str]  # Word paragraphs and table rows, in reading order
    heading_indexes: frozenset[int] = frozenset()  # paragraphs styled Title or Heading N

    @property
    def headings(self) -> frozenset[int]:
        """0-based lines of `lint_text` that are headings (a paragraph may hold line breaks)."""
        lines: set[int] = set()
        line = 0
        for i, text in enumerate(self.paragraphs):
            if i in self.heading_indexes:
                lines.add(line)
            line += text.count("\n") + 2
        return frozenset(lines)

    @property
    def lint_text(self) -> str:
        return _SEPARATOR.join(self.paragraphs)

    @property
    def shown_text(self) -> str:
        """One line per Word paragraph; a manual line break inside one shows as a space."""
        return "\n".join(p.replace("\r", " ").replace("\n", " ") for p in self.paragraphs)

    def mapper(self) -> OffsetMap:
        return OffsetMap([len(p) for p in self.paragraphs])


class OffsetMap:
    """Offsets in the linted text -> offsets in the shown text (and paragraph, character)."""

    def __init__(self, lengths: list[int]) -> None:
        self.lint_starts: list[int] = []
        self.shown_starts: list[int] = []
        self.lengths = lengths
        lint = shown = 0
        for n in lengths:
            self.lint_starts.append(lint)
            self.shown_starts.append(shown)
            lint += n + len(_SEPARATOR)
            shown += n + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """(0-based paragraph, character within it), clamped to the paragraph's end."""
        i = max(0, bisect_right(self.lint_starts, offset) - 1)
        if not self.lengths:
            return 0, 0
        return i, min(offset - self.lint_starts[i], self.lengths[i])

    def shown(self, offset: int) -> int:
        i, char = self.locate(offset)
        return self.shown_starts[i] + char if self.lengths else 0


def read(path: Path) -> WordText:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise InputError(f"{name}: {size // (1024 * 1024)} MB is too large for a letter (limit 20 MB)")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{name}: not a Word document (.docx is a zip package)")
    return _parse(str(path), name)


def from_bytes(data: bytes, name: str) -> WordText:
    """A Word document received in memory (the local page's file picker): never written to disk."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data) // (1024 * 1024)} MB is too large for a letter (limit 20 MB)")
    source = io.BytesIO(data)
    if not zipfile.is_zipfile(source):
        raise InputError(f"{name}: not a Word document (.docx is a zip package)")
    source.seek(0)
    return _parse(source, name)


def _parse(source: str | IO[bytes], name: str) -> WordText:
    try:
        import docx  # python-docx; imported only for Word drafts
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(source)
        paragraphs, headings = _reading_order(document)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except PackageNotFoundError:
        raise InputError(f"{name}: not a Word document") from None
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: cannot read this Word document ({reason})") from None
    except Exception as exc:  # lxml errors on a damaged document part
        raise InputError(f"{name}: cannot read this Word document ({type(exc).__name__})") from None
    return WordText(paragraphs, headings)


def _reading_order(document: object) -> tuple[list[str], frozenset[int]]:
    """Paragraphs and tables as the reader meets them. A table becomes one block with a line per
    row, its cells separated by tabs, so nothing in a table is skipped; Title and Heading styles
    are noted."""
    from docx.table import Table

    paragraphs: list[str] = []
    headings: set[int] = set()
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):  # one block, a line per row
            rows = [
                "\t".join(_unique([c.text.replace("\n", " ").strip() for c in row.cells]))
                for row in block.rows
            ]
            paragraphs.append("\n".join(rows))
            continue
        style = (block.style.name if block.style is not None else "") or ""
        if style == "Title" or style.startswith("Heading"):
            headings.add(len(paragraphs))
        paragraphs.append(block.text)
    return paragraphs, frozenset(headings)


def _unique(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in python-docx's row view; keep each once."""
    out: list[str] = []
    for cell in cells:
        if not out or cell != out[-1]:
            out.append(cell)
    return out
