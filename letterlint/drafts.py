"""One draft, whatever its format: plain text, Markdown (prose only) or Word (.docx).

Shared by the CLI and the language server so that both see the same findings:
Markdown markup is blanked (offsets unchanged), inline disable comments and the
ignore list (`.letterlint-ignore.toml`) drop findings, and Word findings are moved
to paragraph/character positions. The engine itself is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from letterlint.markdown import Controls
from letterlint.model import Finding, LintResult, Position, Span

if TYPE_CHECKING:
    from letterlint.docx import OffsetMap
    from letterlint.engine import Engine, Selection
    from letterlint.ignores import FileIgnores

TEXT, MARKDOWN, DOCX = "text", "markdown", "docx"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def kind_for(name: str, language_id: str | None = None) -> str:
    if language_id and language_id.lower() in ("markdown", "md", "pandoc", "rmd", "quarto"):
        return MARKDOWN
    lowered = name.lower()
    if lowered.endswith(".docx"):
        return DOCX
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return MARKDOWN
    return TEXT


@dataclass
class Draft:
    name: str  # as the user named it (report path)
    text: str  # what the writer sees; findings point into it
    kind: str = TEXT
    path: Path | None = None  # on disk, for the ignore list
    lint_text: str = ""
    controls: Controls = field(default_factory=Controls)
    offsets: OffsetMap | None = None  # Word: linted text -> shown text
    headings: frozenset[int] = frozenset()  # 0-based lines of lint_text that were headings

    def __post_init__(self) -> None:
        if not self.lint_text:
            self.lint_text = self.text


def from_text(text: str, name: str, path: Path | None = None, kind: str | None = None) -> Draft:
    kind = kind or kind_for(name)
    if kind == MARKDOWN:
        from letterlint.markdown import prose

        md = prose(text)
        return Draft(name, text, MARKDOWN, path, md.text, md.controls, headings=md.headings)
    return Draft(name, text, TEXT, path)


def read(path: Path, name: str, encoding: str | None = None) -> Draft:
    """Read a draft from disk (read-only). Raises reader.InputError on bad input."""
    if kind_for(name) == DOCX:
        from letterlint import docx

        word = docx.read(path)
        return Draft(
            name, word.shown_text, DOCX, path, word.lint_text, offsets=word.mapper(), headings=word.headings
        )
    from letterlint.reader import read_file

    return from_text(read_file(path, encoding), name, path)


@dataclass
class Linted:
    result: LintResult
    fingerprints: list[str]  # one per finding in result.findings
    dropped: int = 0  # findings silenced by inline comments or the ignore list


def lint(
    engine: Engine,
    draft: Draft,
    *,
    profile: str,
    selection: Selection | None = None,
    ignores: FileIgnores | None = None,
) -> Linted:
    """Lint a draft; `ignores` defaults to the ignore list found beside the letter."""
    from letterlint import ignores as ignore_list

    if ignores is None:
        ignores = ignore_list.for_letter(draft.path)
    result = engine.lint(
        draft.lint_text, profile=profile, path=draft.name, selection=selection, headings=draft.headings
    )
    kept: list[Finding] = []
    prints: list[str] = []
    for f in result.findings:
        rule = engine.ruleset.rules.get(f.rule)
        whole = rule is not None and rule.letter_level
        print_ = ignore_list.fingerprint(draft.lint_text, f.span, whole_letter=whole)
        if draft.controls.silences(f.rule, f.family, f.span.start) or (
            ignores and ignores.drops(f.rule, f.family, print_)
        ):
            continue
        kept.append(f)
        prints.append(print_)
    dropped = len(result.findings) - len(kept)
    if draft.kind == MARKDOWN:  # show what the writer wrote, markup included
        kept = [replace(f, excerpt=draft.text[f.span.start : f.span.end]) for f in kept]
    if draft.offsets is not None:
        result = _to_shown(result, draft.offsets)
        kept = [_move(f, draft.offsets) for f in kept]
    result = replace(
        result,
        text=draft.text,
        findings=kept,
        score=engine.score(kept, result.tone.compound) if dropped else result.score,
    )
    return Linted(result, prints, dropped)


def _move(f: Finding, offsets: OffsetMap) -> Finding:
    (p1, c1), (p2, c2) = offsets.locate(f.span.start), offsets.locate(f.span.end)
    return replace(
        f,
        span=Span(offsets.shown(f.span.start), max(offsets.shown(f.span.start), offsets.shown(f.span.end))),
        start=Position(p1 + 1, c1 + 1),
        end=Position(p2 + 1, c2 + 1),
    )


def _to_shown(result: LintResult, offsets: OffsetMap) -> LintResult:
    spans = [
        Span(offsets.shown(s.start), max(offsets.shown(s.start), offsets.shown(s.end)))
        for s in result.sentence_spans
    ]
    return replace(result, sentence_spans=spans, closing_start=offsets.shown(result.closing_start))
