"""`--format rich`: the report a nervous writer reads, and its plain-text twin for pipes."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict

from letterlint.model import FAMILIES, Finding, LintResult, Severity
from letterlint.report import FileError, Item, ReportOptions

# The line breaks Document counts (str.splitlines also splits at \f, \u2028... and drifts).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
FAMILY_TITLE = {
    "desperation": "Sounds desperate",
    "negative-tone": "Negative tone",
    "weak-closing": "Weak closing",
    "missing-section": "Missing parts",
    "clarity": "Clarity",
}


def verdict(result: LintResult) -> str:
    """One line in plain words, from the worst finding and the score."""
    worst = result.worst
    if worst is None:
        return "Ready to send: warm, clear and complete."
    if any(f.rule == "desperation/self-harm" for f in result.findings):
        return "Please don't send this yet, and please look after yourself first."
    if worst is Severity.ERROR:
        return "Not ready yet: some lines would hurt this letter."
    if result.score >= 80:
        return "Nearly there: a few touches would make it stronger."
    return "Worth another draft: the heart is here, the tone needs work."


def band(score: int) -> str:
    return "green" if score >= 80 else "yellow" if score >= 55 else "red"


def ordered_families(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Families sorted most severe first, then in the order of DOMAIN.md."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.family].append(f)
    rank = {fam: i for i, fam in enumerate(FAMILIES)}
    return sorted(
        groups.items(),
        key=lambda kv: (-max(f.severity for f in kv[1]), rank.get(kv[0], 99)),
    )


def source_window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end) to fit `width` cells; returns text and caret span."""
    from rich.cells import cell_len, get_character_cell_size

    line = line.replace("\t", " ")
    end = max(end, start + 1)
    if cell_len(line) <= width:
        return line, cell_len(line[:start]), max(1, cell_len(line[start:end]))
    left = max(0, start - max(8, (width - (end - start)) // 3))
    text = line[left:]
    prefix = "…" if left else ""
    # Keep what fits, but never cut the flagged span; one pass (trimming a char at a time
    # and re-measuring was quadratic: minutes for a 50,000-character line).
    room, used, fit = width - cell_len(prefix), 0, 0
    for ch in text:
        used += get_character_cell_size(ch)
        if used > room:
            break
        fit += 1
    text = text[: max(fit, end - left)]
    suffix = "…" if left + len(text) < len(line) else ""
    if suffix and cell_len(prefix + text + suffix) > width:
        text = text[:-1]
    shown = prefix + text + suffix
    caret_start = cell_len(prefix + line[left:start])
    caret_len = max(1, min(cell_len(line[start:end]), cell_len(shown) - caret_start))
    return shown, caret_start, caret_len


def summary_counts(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True)]
    return ", ".join(parts) if parts else "no findings"


def fix_first(result: LintResult) -> str | None:
    if not result.findings:
        return None
    first = max(result.findings, key=lambda f: (f.severity, -f.span.start))
    return f"{first.rule} at line {first.start.line}"


# -- plain text -------------------------------------------------------------


def _plain(items: list[Item], options: ReportOptions) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, FileError):
            out.append(f"{item.path}: error: {item.error}")
            continue
        out.append(f"{item.path}: score {item.score}/100, profile {item.profile}: {verdict(item)}")
        if options.summary_only:
            continue
        sections = "  ".join(f"{'✓' if ok else '✗'} {name}" for name, ok in item.sections.items())
        out.append(f"{item.path}: sections: {sections}")
        lines = _LINE_BREAK.split(item.text)
        for f in item.findings:
            if options.quiet and f.severity < Severity.WARNING:
                continue
            message = " ".join(f.message.split())
            out.append(
                f"{item.path}:{f.start.line}:{f.start.column}: {f.severity.label}: {message} [{f.rule}]"
            )
            if f.excerpt and f.start.line <= len(lines):
                end_col = f.end.column if f.end.line == f.start.line else len(lines[f.start.line - 1]) + 1
                text, caret, length = source_window(
                    lines[f.start.line - 1], f.start.column - 1, end_col - 1, (options.width or 100) - 8
                )
                out.append(f"    | {text}")
                out.append(f"    | {' ' * caret}{'^' * length}")
            if f.suggestion:
                out.append(f"    = try: {' '.join(f.suggestion.split())}")
            if f.note:
                out.append(f"    = note: {f.note}")
        out.append(f"{item.path}: {summary_counts(item.findings)}")
    return "\n".join(out) + "\n"


# -- rich ------------------------------------------------------------------


def _rich(items: list[Item], options: ReportOptions) -> str:
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width or 100,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
    )
    for item in items:
        if isinstance(item, FileError):
            console.print(Text.assemble(("error ", "bold red"), (f"{item.path}: {item.error}", "")))
            continue
        color = band(item.score)
        header = Table.grid(padding=(0, 2))
        header.add_column(justify="left")
        header.add_column(justify="right")
        header.add_row(
            Text.assemble((item.path, "bold"), ("  ·  profile ", "dim"), (item.profile, "")),
            Text.assemble((f"{item.score}", f"bold {color}"), ("/100", "dim")),
        )
        header.add_row(Text(verdict(item), style=color), Text(""))
        console.print(Panel(header, border_style=color, padding=(0, 1)))
        if options.summary_only:
            continue

        checklist = Text()
        for name, ok in item.sections.items():
            checklist.append("✓ " if ok else "✗ ", style="green" if ok else "red")
            checklist.append(name + "   ", style="" if ok else "bold")
        console.print(Text("Sections", style="bold"), checklist)

        lines = _LINE_BREAK.split(item.text)
        for family, findings in ordered_families(item.findings):
            shown = [f for f in findings if not (options.quiet and f.severity < Severity.WARNING)]
            if not shown:
                continue
            console.print()
            console.rule(
                Text(f"{FAMILY_TITLE.get(family, family)} ({len(shown)})", style="bold"), align="left"
            )
            for f in shown:
                style = SEVERITY_STYLE[f.severity]
                head = Text.assemble(
                    (f"{f.severity.label}", style),
                    (f"[{f.rule}]", "dim"),
                    (f" line {f.start.line}:{f.start.column}", "dim"),
                )
                parts: list[Text] = [head, Text("  " + " ".join(f.message.split()))]
                if f.excerpt and f.start.line <= len(lines):
                    gutter = f"{f.start.line:>4} │ "
                    end_col = f.end.column if f.end.line == f.start.line else len(lines[f.start.line - 1]) + 1
                    text, caret, length = source_window(
                        lines[f.start.line - 1],
                        f.start.column - 1,
                        end_col - 1,
                        console.width - len(gutter) - 1,
                    )
                    src = Text(gutter, style="dim")
                    src.append(text)
                    src.stylize(f"underline {style}", len(gutter) + caret, len(gutter) + caret + length)
                    parts.append(src)
                    parts.append(
                        Text(" " * (len(gutter) - 2) + "│ " + " " * caret + "^" * length, style=style)
                    )
                if f.suggestion:
                    parts.append(
                        Text.assemble(("  try: ", "green"), (" ".join(f.suggestion.split()), "italic"))
                    )
                if f.note:
                    parts.append(Text.assemble(("  note: ", "bold magenta"), (f.note, "")))
                console.print(Group(*parts))
        console.print()
        tail = Text.assemble(("Summary: ", "bold"), (summary_counts(item.findings), ""))
        first = fix_first(item)
        if first:
            tail.append(f". Fix first: {first}.", style="")
        console.print(tail)
    return buffer.getvalue()


def render(items: list[Item], options: ReportOptions) -> str:
    return _rich(items, options) if options.terminal else _plain(items, options)
