"""Reading letters: files, folders and stdin, read-only, with clear errors for bad input."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LETTER_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx")
MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
)


class InputError(ValueError):
    """Input that cannot be linted; the message is one line for stderr."""


@dataclass(frozen=True)
class Letter:
    path: str  # as the user named it; "-" for stdin
    text: str


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: a BOM wins, then --encoding, then UTF-8; binary is refused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {codec} after its byte-order mark ({exc.reason})"
                ) from None
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid {encoding} at byte {exc.start}") from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a text letter")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a text letter")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 at byte {exc.start}; pass --encoding (e.g. --encoding cp1252)"
        ) from None


def read_file(path: Path, encoding: str | None = None) -> str:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size // (1024 * 1024)} MB is too large for a letter (limit 20 MB)")
        with open(path, "rb") as fh:  # read-only: letterlint never writes to a letter
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode(data, name, encoding)


def read_stdin(encoding: str | None = None) -> str:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("-: standard input is closed")
    try:
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
    except (OSError, ValueError) as exc:
        raise InputError(f"-: cannot read standard input: {exc}") from None
    return decode(data, "<stdin>", encoding)


def expand_paths(paths: list[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(display name, path, skip reason). Folders recurse into letters only, sorted."""
    for raw in paths:
        if raw == "-":
            yield raw, None, None
            continue
        path = Path(raw)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if child.suffix.lower() in LETTER_SUFFIXES:
                        try:
                            st = child.stat()
                        except OSError as exc:
                            yield str(child), child, f"cannot read: {exc.strerror}"
                            continue
                        key = (st.st_dev, st.st_ino)
                        if key in seen:
                            continue
                        seen.add(key)
                        yield str(child), child, None
        else:
            yield raw, path, None
