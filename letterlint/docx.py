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

from letterlint.reader import MAX_BYTES, InputError, read_bytes

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


# A Word letter is a few small XML parts; these limits leave room for a long one with
# pictures, and refuse a zip bomb before anything is inflated.
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 160 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for parts over 1 MB
_RATIO_FROM = 1024 * 1024


def check_package(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a package whose parts would inflate too far (checked from the zip directory;
    zipfile never inflates a part past its declared size, and a lie fails the CRC check)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{name}: {len(members)} parts is too many for a Word letter")
    total = 0
    for member in members:
        size = member.file_size
        if size > MAX_MEMBER_BYTES:
            raise InputError(f"{name}: a part of {size // (1024 * 1024)} MB is too large for a Word letter")
        if size > _RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1):
            raise InputError(f"{name}: a part inflates {size // max(member.compress_size, 1)}x: a zip bomb?")
        total += size
        if total > MAX_TOTAL_BYTES:
            raise InputError(f"{name}: more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB unpacked, too large")


def read(path: Path) -> WordText:
    """The paragraphs of a Word draft, read with the same guards as any letter."""
    return from_bytes(read_bytes(path, MAX_BYTES), str(path))


def from_bytes(data: bytes, name: str) -> WordText:
    """A Word document in memory (read from disk, or the local page's file picker): never
    written anywhere, and its zip directory checked before anything is inflated."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data) // (1024 * 1024)} MB is too large for a letter (limit 20 MB)")
    source = io.BytesIO(data)
    try:
        with zipfile.ZipFile(source) as archive:
            check_package(archive, name)
    except InputError:
        raise
    except zipfile.BadZipFile:
        raise InputError(f"{name}: not a Word document (.docx is a zip package)") from None
    except (ValueError, OSError) as exc:
        raise InputError(f"{name}: cannot read this Word document ({exc})") from None
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
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
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
