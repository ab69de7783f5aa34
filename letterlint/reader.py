"""Reading letters: files, folders and stdin, read-only, with clear errors for bad input.

Nothing here ever opens a letter for writing: files are opened with O_RDONLY only.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

LETTER_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx")
MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a zip archive (.zip, .docx, .odt...)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "a database"),
)
# Control characters that a letter never needs; shown as U+FFFD so that a report cannot
# drive the terminal (escape sequences), while every offset stays the same.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 8192


class InputError(ValueError):
    """Input that cannot be linted; the message is one line for stderr."""


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or InputError for an unknown or non-text codec."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1 or utf-16)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding (try utf-8, cp1252, latin-1 or utf-16)")
    return info.name


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of plain text is zero."""
    sample = data[:_SAMPLE]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {codec} after its byte-order mark ({exc.reason})"
                ) from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a plain-text letter")
    if data[4:8] == b"ftyp":
        raise InputError(f"{name}: this is a video or photo (MP4/MOV/HEIC), not a plain-text letter")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"{name}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not valid {encoding} at byte {exc.start} (line {_line_of(data, exc.start)})"
            ) from None
        except (UnicodeError, ValueError, TypeError) as exc:  # codecs such as punycode or idna
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"{name}: cannot decode as {encoding} ({reason})") from None
    if b"\x00" in data[:_SAMPLE]:
        codec = _sniff_utf16(data)
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
        raise InputError(f"{name}: looks like a binary file, not a plain-text letter")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 at byte {exc.start} (line {_line_of(data, exc.start)}); "
            "if it was saved as Windows or Latin-1 text, pass --encoding cp1252"
        ) from None


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: a BOM wins, then --encoding, then UTF-8; binary and empty are refused."""
    text = _decode(data, name, encoding)
    sample = text[:_SAMPLE]
    if len(_CONTROL.findall(sample)) > max(4, len(sample) // 20):
        raise InputError(f"{name}: looks like a binary file, not a plain-text letter")
    if not text.strip():
        raise InputError(f"{name}: the letter is empty, nothing to check")
    return _CONTROL.sub("\ufffd", text)


def _open_reason(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.lexists(path) else "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if exc.errno == errno.ENXIO:
        return "not a regular file"
    return f"cannot read: {exc.strerror or exc}"


def read_bytes(path: Path, limit: int = MAX_BYTES, what: str = "a letter") -> bytes:
    """The bytes of one file, with the guards every input gets: opened read-only and
    non-blocking (a named pipe with no writer cannot hang the run), folders refused, and
    at most `limit` bytes read (a device such as /dev/zero cannot fill the memory)."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{name}: {_open_reason(path, exc)}") from None
    too_large = f"{name}: more than {_size(limit)}, too large for {what}"
    try:
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise InputError(f"{name}: is a folder")
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise InputError(f"{name}: {_size(info.st_size)} is too large for {what}")
            if not stat.S_ISREG(info.st_mode):
                os.set_blocking(fd, True)  # a pipe with a writer: wait for all of it
            data = fh.read(limit + 1)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{name}: {_open_reason(path, exc)}") from None
    if len(data) > limit:
        raise InputError(too_large)
    return data


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def read_file(path: Path, encoding: str | None = None) -> str:
    """The decoded text of one letter. Opened read-only; never written."""
    return decode(read_bytes(path), str(path), encoding)


def read_stdin(encoding: str | None = None) -> str:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("-: standard input is closed")
    try:
        if stream.isatty():
            print("letterlint: reading the letter from the terminal; end it with Ctrl-D", file=sys.stderr)
        buffer = getattr(stream, "buffer", None)
        data = buffer.read(MAX_BYTES + 1) if buffer is not None else stream.read().encode()
    except (OSError, ValueError) as exc:
        raise InputError(f"-: cannot read standard input: {exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"-: more than {MAX_BYTES // (1024 * 1024)} MB, too large for a letter")
    if not data.strip():
        raise InputError("-: standard input is empty, nothing to check")
    return decode(data, "-", encoding)


def visible(text: str) -> str:
    """Text safe to print in a one-line message or a machine-readable report: control and
    format characters (line breaks, tabs, escapes, bidi overrides such as U+202E) are
    shown as escapes, so a file name cannot forge report lines or reorder what is shown."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def display_name(name: str) -> str:
    """A path safe to print: undecodable bytes and control characters made visible."""
    return visible(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def expand_paths(
    paths: list[str], skipped: list[str] | None = None
) -> Iterator[tuple[str, Path | None, str | None]]:
    """(display name, path, error). Folders recurse into letters only, sorted; files in a
    folder that are not letters go to `skipped` (hidden files are passed over silently)."""
    for raw in paths:
        if raw == "-":
            yield raw, None, None
        elif not raw:
            yield "''", None, "empty path"
        elif Path(raw).is_dir():
            yield from _walk(Path(raw), skipped)
        else:
            yield display_name(raw), Path(raw), None


def _walk(folder: Path, skipped: list[str] | None) -> Iterator[tuple[str, Path | None, str | None]]:
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=False):
        while errors:
            exc = errors.pop(0)
            where = display_name(str(exc.filename or root))
            yield where, None, f"cannot open folder: {_open_reason(Path(where), exc)}"
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            child = Path(root) / name
            shown = display_name(str(child))
            if child.suffix.lower() not in LETTER_SUFFIXES:
                if skipped is not None:
                    skipped.append(f"{shown} (not a letter: {child.suffix or 'no extension'})")
                continue
            try:
                info = child.stat()
            except OSError as exc:
                yield shown, child, _open_reason(child, exc)
                continue
            key = (info.st_dev, info.st_ino)
            if key in seen:
                continue
            seen.add(key)
            yield shown, child, None
    while errors:  # the top folder itself could not be listed
        exc = errors.pop(0)
        where = display_name(str(exc.filename or folder))
        yield where, None, f"cannot open folder: {_open_reason(Path(where), exc)}"
