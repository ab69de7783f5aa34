"""Word classes, declared once in TOML (rules/lexicons/*.toml) and used by every pattern.

    [plead]
    about = "Verbs of pleading."
    words = ["beg", "plead", "beseech", "implore", "on my knees"]

Each entry is a token pattern, usually one word (matched by its stem), sometimes a phrase.
A rule folder of your own may add a `lexicons/` folder with new classes; a class name may
be declared only once. `spellings.toml` is the tokenizer's table, not a class file.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from letterlint.checks.kind import RuleError
from letterlint.matcher import Grammar, Lexicon
from letterlint.paths import rules_dir

_CLASS_KEYS = {"about", "words"}
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def _line(raw: str, name: str) -> int:
    found = re.search(rf"^[ \t]*\[[ \t]*\"?{re.escape(name)}\"?[ \t]*\]", raw, re.MULTILINE)
    return raw.count("\n", 0, found.start()) + 1 if found else 1


def read_classes(folder: Path, entries: dict[str, tuple[str, ...]], where: dict[str, str]) -> None:
    """Add the classes of folder/lexicons/*.toml to `entries`; errors name file:line."""
    from letterlint.config import toml_error

    for path in sorted((folder / "lexicons").glob("*.toml")):
        if path.name == "spellings.toml":
            continue
        try:
            raw = path.read_text(encoding="utf-8")
            data = tomllib.loads(raw)
        except UnicodeDecodeError as exc:
            raise RuleError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
        except OSError as exc:
            raise RuleError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise RuleError(toml_error(path, exc)) from None
        for name, table in data.items():
            at = f"{path}:{_line(raw, name)}"
            if not isinstance(table, dict):
                raise RuleError(f"{at}: {name!r}: a word class is a table with 'words'")
            if not _NAME.fullmatch(name):
                raise RuleError(f"{at}: word class {name!r}: use lowercase letters, digits and hyphens")
            unknown = sorted(set(table) - _CLASS_KEYS)
            if unknown:
                raise RuleError(
                    f"{at}: word class {name}: unknown key(s) {', '.join(unknown)} (about, words)"
                )
            words = table.get("words")
            if not (
                isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)
            ):
                raise RuleError(f"{at}: word class {name}: 'words' must be a non-empty list of strings")
            if name in entries:
                raise RuleError(
                    f"{at}: word class {name} is declared twice (also {where[name].rstrip(': ')})"
                )
            entries[name] = tuple(words)
            where[name] = f"{at}: "


@cache
def builtin_lexicon() -> Lexicon:
    entries: dict[str, tuple[str, ...]] = {}
    where: dict[str, str] = {}
    read_classes(rules_dir(), entries, where)
    return Lexicon(entries, where)


def grammar_of(lexicon: Lexicon) -> Grammar:
    return Grammar(fillers=lexicon.words("filler"), auxiliaries=lexicon.words("auxiliary"))


@cache
def builtin_grammar() -> Grammar:
    return grammar_of(builtin_lexicon())
