"""Limits on user patterns, checked before they are compiled.

The `regex` module expands counted repetition when it compiles: `x{100000000}` or
`(?:x{1000}){1000}` take gigabytes and minutes before a single letter is read. A rule
needs nothing of the kind, so a user pattern may be at most MAX_LENGTH characters, each
`{m,n}` at most MAX_COUNT, and counts nested inside each other may multiply to at most
MAX_COUNT. Compiling then also runs under a time and memory budget (see compile_budget).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator

MAX_LENGTH = 5000
MAX_COUNT = 1000
COMPILE_SECONDS = 5.0
COMPILE_MEMORY = 1024 * 1024 * 1024  # bytes more than the process already has

_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")


class PatternLimitError(ValueError):
    """A pattern beyond the limits; the message says which limit and why."""


def check(pattern: str) -> None:
    """Raise PatternLimitError for a pattern that would be too costly to compile."""
    if len(pattern) > MAX_LENGTH:
        raise PatternLimitError(f"pattern is {len(pattern):,} characters long (at most {MAX_LENGTH:,})")
    if _nested_product(pattern) > MAX_COUNT:
        raise PatternLimitError(
            f"pattern {pattern[:60]!r} repeats too much: "
            f"counts such as {{n}} may multiply to at most {MAX_COUNT}"
        )


def _nested_product(pattern: str) -> int:
    """The largest product of counted repetitions nested in each other (1 for none)."""
    stack: list[int] = [1]  # per open group: the largest value of an atom inside it
    last = 1  # value of the atom just read (a group's inner value, or 1)
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            last, i = 1, i + 2
            continue
        if ch == "[":  # a character class is one atom; skip to its end
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            last, i = 1, j + 1
            continue
        if ch == "(":
            stack.append(1)
            last, i = 1, i + 1
            continue
        if ch == ")":
            inner = stack.pop() if len(stack) > 1 else 1
            last, i = inner, i + 1
            stack[-1] = max(stack[-1], last)
            continue
        if ch == "{":
            m = _COUNT.match(pattern, i)
            if m and (m.group(1) or m.group(2)):
                count = max(int(m.group(1) or 0), int(m.group(2) or 0))
                if count > MAX_COUNT:
                    return count
                last *= count
                stack[-1] = max(stack[-1], last)
                i = m.end()
                continue
        last, i = 1, i + 1
        stack[-1] = max(stack[-1], last)
    return max(stack)


class CompileTimeout(RuntimeError):
    pass


@contextlib.contextmanager
def compile_budget() -> Iterator[None]:
    """A time limit (SIGALRM) and an address-space limit around a compile, where the
    process can afford them: the main thread of a process with no other threads (a limit
    on the whole process must not hit another thread's work). Elsewhere, the count and
    length limits above are the guard."""
    if threading.current_thread() is not threading.main_thread() or threading.active_count() > 1:
        yield
        return
    try:
        import resource
        import signal
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CompileTimeout(f"compiling took longer than {COMPILE_SECONDS:.0f} s")

    old_limit = resource.getrlimit(resource.RLIMIT_AS)
    capped = False
    if old_limit[0] == resource.RLIM_INFINITY:
        with contextlib.suppress(OSError, ValueError):
            with open("/proc/self/statm") as fh:
                used = int(fh.read().split()[0]) * resource.getpagesize()
            resource.setrlimit(resource.RLIMIT_AS, (used + COMPILE_MEMORY, old_limit[1]))
            capped = True
    old_handler = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, COMPILE_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if capped:
            resource.setrlimit(resource.RLIMIT_AS, old_limit)
