"""The user cache folder, and cache files that cannot change a result.

A cache only saves time. Whatever is in the folder, letterlint must give the same findings
as with no cache at all, so:

- the folder is used only when it is the user's own and no one else may write to it (like
  git's safe.directory); a relative `XDG_CACHE_HOME` is ignored, as the XDG spec says;
- every entry is signed with HMAC-SHA256 under a per-user secret (`key`, mode 0600) kept
  in the folder; an entry whose signature does not match (damaged, foreign, edited,
  truncated) is ignored and built again, never trusted and never fatal;
- files are written to a private temporary file and renamed into place.

Callers still check the shape of what they read back: a signed entry written by an older
letterlint may hold something the current code does not expect.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
from pathlib import Path

_KEY_NAME = "key"
_KEY_BYTES = 32
_TAG_BYTES = hashlib.sha256().digest_size


def cache_dir() -> Path:
    """Where letterlint's caches go: $LETTERLINT_CACHE_DIR, else $XDG_CACHE_HOME/letterlint
    (only when absolute), else ~/.cache/letterlint. Not checked; see safe_cache_dir()."""
    explicit = os.environ.get("LETTERLINT_CACHE_DIR")
    if explicit and os.path.isabs(explicit):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the spec says ignore it
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letterlint"


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def safe_cache_dir(create: bool = True) -> Path | None:
    """The cache folder if it is safe to read and write, else None (work without a cache).

    Safe: a real folder (not a symbolic link), owned by this user, not group- or
    world-writable; a folder it creates is private (0700)."""
    folder = cache_dir()
    if not folder.is_absolute():
        return None
    if create and not os.path.lexists(folder):
        with contextlib.suppress(OSError):
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=0o700)
    return folder if _private_folder(folder) else None


def _secret(folder: Path) -> bytes | None:
    """The per-user signing key, created on first use with mode 0600."""
    path = folder / _KEY_NAME
    key = _read_private(path)
    if key is not None and len(key) == _KEY_BYTES:
        return key
    fresh = os.urandom(_KEY_BYTES)
    if _write_private(path, fresh):
        return fresh
    return None


def _read_private(path: Path, limit: int = 64 * 1024 * 1024) -> bytes | None:
    """A regular file of ours that only we can write, read without following a link."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _private(info) or info.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def _write_private(path: Path, data: bytes) -> bool:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False


def _tag(key: bytes, name: str, payload: bytes) -> bytes:
    # The name is signed too: an entry cannot be passed off as another.
    return hmac.new(key, name.encode("utf-8") + b"\x00" + payload, hashlib.sha256).digest()


def entry(name: str) -> Path | None:
    """Where the cache entry `name` lives, or None when there is no safe cache folder."""
    folder = safe_cache_dir(create=False) or safe_cache_dir()
    return folder / name if folder is not None else None


def read(path: Path) -> bytes | None:
    """The payload of a cache file, or None when it is missing, unsafe or not genuine."""
    folder = safe_cache_dir(create=False)
    if folder is None or not _private_folder(path.parent):
        return None
    key = _read_private(folder / _KEY_NAME)
    if key is None or len(key) != _KEY_BYTES:
        return None
    data = _read_private(path)
    if data is None or len(data) < _TAG_BYTES:
        return None
    tag, payload = data[:_TAG_BYTES], data[_TAG_BYTES:]
    if not hmac.compare_digest(tag, _tag(key, path.name, payload)):
        return None
    return payload


def write(path: Path, payload: bytes) -> None:
    """Store a cache file, signed; an unsafe or read-only folder is left alone."""
    folder = safe_cache_dir()
    if folder is None:
        return
    if not os.path.lexists(path.parent):
        with contextlib.suppress(OSError):
            path.parent.mkdir(mode=0o700, parents=True)
    if not _private_folder(path.parent):
        return
    key = _secret(folder)
    if key is not None:
        _write_private(path, _tag(key, path.name, payload) + payload)


def _private_folder(folder: Path) -> bool:
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _private(info)
