"""Adversarial letter shapes: the inputs that used to make a linear scan quadratic.

Each shape builds text of about `size` characters. bench/adversarial.py times them, the input
matrix runs one of each through the real CLI, and tests/test_adversarial.py checks that
every scan stays linear on them. Ordinary prose is the yardstick.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import LetterGenerator

OPENING = "Dear Sam,\n\nI miss the walks we used to take. "
CLOSING = "\n\nI hope to hear from you.\n\nLove,\nJo\n"


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters between an ordinary opening and close."""
    room = max(0, size - len(OPENING) - len(CLOSING))
    return OPENING + (unit * (room // len(unit) + 1))[:room] + CLOSING


def prose(size: int) -> str:
    return LetterGenerator(seed=11).text_of_size(size)


def whitespace_run(size: int) -> str:
    """One long run of spaces, then of tabs, then of no-break spaces; no line break in it."""
    third = max(1, (size - len(OPENING) - len(CLOSING)) // 3)
    return OPENING + " " * third + "\t" * third + "\u00a0" * third + CLOSING


def comma_run(size: int) -> str:
    """One paragraph of comma-joined clauses that never ends a sentence: every clause
    holds a phrase that a rule looks at twice (negation, quotation, condition)."""
    return _fill("you never listen, please come back, I can't live without you, if I beg, ", size)


def repeated_phrase(size: int) -> str:
    """The same short word over and over: one sentence, thousands of matches."""
    return _fill("please ", size)


def bracket_run(size: int) -> str:
    """Opening brackets that never close (link and image syntax in Markdown)."""
    return _fill("[[[[[[[[(((((((((![", size)


def deep_quotes(size: int) -> str:
    """Quote markers nested without end: Markdown block quotes and quotation marks."""
    return _fill("> > > > she said “he told me ‘you said \"I wrote 'I beg ", size)


def long_line(size: int) -> str:
    """Ordinary sentences on a single line: no line break at all."""
    return " ".join(prose(size).split())


def bargain_paragraph(size: int) -> str:
    """One paragraph of promises that ends every third sentence in an unlimited bargain: each
    promise is a section cue the bargain voids, so a per-cue rescan of the paragraph would be
    quadratic."""
    return _fill("I'll sell the bike. I'll quit the pub quiz. I'll do anything you want. ", size)


def unfinished_last_line(size: int) -> str:
    """A last line with no end mark and a long run of spaces inside it, above a sign-off: the
    closing check reads how such a line ends."""
    room = max(1, size - len(OPENING) - 40)
    return OPENING + "\n\nI miss you" + " " * room + "so much and\n\nLove,\nJo\n"


def heading_spaces(size: int) -> str:
    """A Markdown heading, then one long run of spaces, then a stray `#`."""
    head = "# Dear Sam"
    tail = "#x\n\nI miss you.\n\nLove,\nJo\n"
    return head + " " * max(0, size - len(head) - len(tail)) + tail


SHAPES: dict[str, Callable[[int], str]] = {
    "ordinary prose": prose,
    "whitespace run": whitespace_run,
    "comma run": comma_run,
    "repeated phrase": repeated_phrase,
    "bracket run": bracket_run,
    "deep quotes": deep_quotes,
    "long single line": long_line,
    "markdown heading + spaces": heading_spaces,
    "bargain paragraph": bargain_paragraph,
    "unfinished last line + spaces": unfinished_last_line,
}
