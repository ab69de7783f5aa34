"""`--format rich`: the report a nervous writer reads, and its plain-text twin for pipes.

Layout, top to bottom: a header panel (file, profile, score, verdict), the profile's
checklist of parts, the tone arc, the findings grouped by family (source line, span
underlined, message, suggested wording), and a one-line summary. Many files end with
a compact table. rich is imported only here, and only when a report is drawn.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import TYPE_CHECKING, Any

from letterlint.model import FileError, Finding, Item, LintResult, Severity
from letterlint.report import view as v
from letterlint.report.options import ReportOptions
from letterlint.report.source import Lines, printable

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

MIN_WIDTH, MAX_WIDTH = 40, 200
BAND_STYLE = {"good": "green", "fair": "yellow", "poor": "red"}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MOOD_STYLE = {"positive": "green", "neutral": "dim", "low": "yellow", "negative": "red"}
UP_BLOCKS = "▁▂▃▄▅▆▇█"


def render(items: list[Item], options: ReportOptions) -> str:
    if not options.terminal:
        return render_plain(items, options)
    buffer = io.StringIO()
    print_report(make_console(buffer, options), items, options)
    return strip_trailing(buffer.getvalue())


_TRAILING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$", re.MULTILINE)
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def strip_trailing(text: str) -> str:
    """rich pads rows to the full width; the padding is noise in a capture or a diff."""
    return _TRAILING.sub(lambda m: "".join(_SGR.findall(m.group())), text)


def make_console(file: io.StringIO, options: ReportOptions, record: bool = False) -> Console:
    from rich.console import Console

    width = min(MAX_WIDTH, max(MIN_WIDTH, options.width or 100))
    return Console(
        file=file,
        width=width,
        force_terminal=options.color,
        color_system="auto" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        record=record,
        legacy_windows=False,
        soft_wrap=False,
    )


# -- the rich report -------------------------------------------------------------------


def print_report(console: Console, items: list[Item], options: ReportOptions) -> None:
    """Draw the whole report on `console` (a recording console in the snapshot tests)."""
    if not options.summary_only:
        for n, item in enumerate(items):
            if n:
                console.print()
            if isinstance(item, FileError):
                console.print(_file_error(item))
            else:
                _one_file(console, item, options)
    if options.summary_only or (len(items) > 1 and not options.quiet):
        if not options.summary_only:
            console.print()
        console.print(_summary_table(items, console.width))


def _file_error(item: FileError) -> RenderableType:
    from rich.text import Text

    return Text.assemble(
        ("✗ ", "bold red"), (printable(item.path), "bold"), ("  could not be read: ", ""), item.error
    )


def _one_file(console: Console, result: LintResult, options: ReportOptions) -> None:
    findings = result.findings
    support = v.support(result)
    if support is not None:
        console.print(_support_panel(support))
        console.print()
    if options.quiet:  # the findings and nothing else
        for n, (family, group) in enumerate(v.ordered_families(findings, result.families)):
            if n:
                console.print()
            _family(console, result, family, group, quiet=True)
        return
    console.print(_header(result, crisis=support is not None))
    console.print()
    console.print(_checklist(result, console.width))
    console.print()
    console.print(_arc(result, console.width))
    for family, group in v.ordered_families(findings, result.families):
        console.print()
        _family(console, result, family, group)
    console.print()
    console.print(_summary_line(findings, result))


def _support_panel(support: v.Support) -> RenderableType:
    """The support note, first and on its own: no score, no verdict, no advice on wording."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    body = Group(
        Text(v.SUPPORT_LEAD, style="bold"),
        Text(support.message),
        Text(f"{support.about} {v.SUPPORT_AFTER}", style="dim"),
    )
    return Panel(body, title=Text(v.SUPPORT_TITLE, style="bold"), title_align="left", border_style="magenta")


def _header(result: LintResult, crisis: bool = False) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    band = v.band(result.score)
    style = BAND_STYLE[band]
    top = Table.grid(expand=True)
    top.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    top.add_column(justify="right", no_wrap=True)
    stats = result.stats
    if crisis:  # no score and no verdict on a letter from someone who may be in danger
        top.add_row(Text(printable(result.path), style="bold"), Text(""))
        facts = Text(
            f"profile {result.profile} · {v.plural(stats.words, 'word')} · "
            f"{v.plural(stats.sentences, 'sentence')} · {v.plural(stats.paragraphs, 'paragraph')}",
            style="dim",
        )
        return Panel(Group(top, facts), border_style="magenta", padding=(0, 1))
    top.add_row(
        Text(printable(result.path), style="bold"),
        Text.assemble((str(result.score), f"bold {style}"), (" / 100", "dim")),
    )
    facts = Text(
        f"profile {result.profile} · {v.plural(stats.words, 'word')} · "
        f"{v.plural(stats.sentences, 'sentence')} · {v.plural(stats.paragraphs, 'paragraph')}",
        style="dim",
    )
    body = Group(top, _Meter(result.score, style), Text(v.verdict(result), style=f"bold {style}"), facts)
    return Panel(body, border_style=style, padding=(0, 1))


class _Meter:
    """The score as a bar across the panel: heavy for the points, dashed for the rest."""

    def __init__(self, score: int, style: str) -> None:
        self.score, self.style = score, style

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.text import Text

        width = options.max_width
        filled = round(width * self.score / 100)
        yield Text.assemble(("━" * filled, self.style), ("╌" * (width - filled), "dim"))


def _checklist(result: LintResult, width: int) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    items = v.checklist(result)
    found = sum(i.found for i in items)
    title = Text.assemble(("Parts of the letter", "bold"), (f"  {found} of {len(items)} found", "dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, width=1)
    name_width = max((len(i.name) for i in items), default=8)
    wide = width >= 60
    grid.add_column(no_wrap=wide, min_width=name_width + 1 if wide else None, ratio=None if wide else 1)
    if wide:
        grid.add_column(ratio=1)
    for item in items:
        mark = Text("✓", style="green") if item.found else Text("✗", style="bold red")
        name = Text(item.name, style="" if item.found else "bold")
        hint = _hint(item)
        if wide:
            grid.add_row(mark, name, hint)
        else:
            grid.add_row(mark, name)
            if item.hint:
                grid.add_row(Text(""), hint)
    return Group(title, grid)


def _hint(item: v.SectionItem) -> Text:
    from rich.text import Text

    text = Text()
    if item.found or not item.hint:
        return text
    text.append(item.hint)
    if item.example:
        text.append("\ne.g. ", style="dim")
        text.append(f"“{v.one_line(item.example)}”", style="italic green")
    return text


def _arc(result: LintResult, width: int) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    arc = v.tone_arc(result)
    title = Text.assemble(("Tone, sentence by sentence", "bold"))
    if not arc.points:
        return Group(title, Text("  No sentences to read.", style="dim"))
    gutter = 4
    runs = v.bucket(arc.points, width - gutter - 1)
    cell = max(1, min(3, (width - gutter - 1) // len(runs)))
    bar = cell - 1 if cell > 1 else 1
    if len(runs) < len(arc.points):
        title.append(f"  each mark is {len(arc.points[0 : len(runs[0])])} sentences", style="dim")
    else:
        title.append(f"  {v.plural(len(arc.points), 'sentence')}", style="dim")
    up, axis, down, labels = Text("  + "), Text("  0 ", style="dim"), Text("  − "), Text(" " * gutter)
    for run in runs:
        value = v.representative(run)
        mood = v.ArcPoint(0, value, run[0].span, 0, False, False).mood
        style = MOOD_STYLE[mood]
        pad = " " * (cell - bar)
        if value >= v.POSITIVE:
            up.append(UP_BLOCKS[min(7, max(0, round(value * 8) - 1))] * bar, style=style)
        else:
            up.append(" " * bar)
        if value <= v.NEUTRAL_BAND:
            glyph = "█" if value <= -0.6 else "▀" if value <= v.NEGATIVE else "▔"
            down.append(glyph * bar, style=style)
        else:
            down.append(" " * bar)
        edge = any(p.opening or p.closing for p in run)
        axis.append(("━" if edge else "─") * cell, style="bold blue" if edge else "dim")
        up.append(pad)
        down.append(pad)
    labels.append(_arc_labels(runs, cell, bar))
    words = Padding(Text(arc.describe(result.text, 48), style="italic"), (0, 0, 0, 2))
    return Group(title, up, axis, down, labels, words)


def _arc_labels(runs: list[list[v.ArcPoint]], cell: int, bar: int) -> Text:
    """'╰ opening' under the greeting and 'closing ╯' under the last sentences."""
    from rich.text import Text

    width = len(runs) * cell
    row = [" "] * width
    opening = [i for i, r in enumerate(runs) if any(p.opening for p in r)]
    closing = [i for i, r in enumerate(runs) if any(p.closing for p in r)]
    left_end = 0
    if opening:
        word = "╰ opening"
        at = opening[0] * cell
        if at + len(word) <= width:
            row[at : at + len(word)] = word
            left_end = at + len(word)
    if closing:
        word = "closing ╯"
        end = closing[-1] * cell + bar
        first = closing[0] * cell
        if end - first >= len(word) + 2:  # room for a bracket over the whole closing
            span = "╰" + "─" * (end - first - 2) + "╯"
            row[first:end] = span
            mid = first + (end - first - len("closing") - 2) // 2
            row[mid : mid + len(" closing ")] = " closing "
        elif end - len(word) > left_end:
            row[end - len(word) : end] = word
        elif end - 1 > left_end:
            row[end - 1] = "╯"
    return Text("".join(row).rstrip(), style="blue")


def _family(
    console: Console, result: LintResult, family: str, findings: list[Finding], quiet: bool = False
) -> None:
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    style = v.family(family, result.families).style
    console.print(
        Rule(
            Text.assemble(
                (v.family_title(family, result.families), f"bold {style}"), (f"  {len(findings)}", "dim")
            ),
            align="left",
            style=style,
        )
    )
    if family == "missing-section" and not quiet:  # the checklist above says what each needs
        order = list(result.sections)
        missing = sorted(
            {f.rule.split("/", 1)[1] for f in findings},
            key=lambda n: (n not in order, order.index(n) if n in order else 0, n),
        )
        names = ", ".join(missing)
        console.print(
            Padding(
                Text.assemble(
                    (f"{v.plural(len(findings), 'part')} to add: ", ""),
                    (names, "bold"),
                    (". What each needs is under “Parts of the letter” above.", "dim"),
                ),
                (0, 0, 0, 2),
            )
        )
        return
    lines = Lines(result.text)
    for n, group in enumerate(v.rule_groups(findings)):
        if n:
            console.print()
        console.print(_finding_group(group, lines, console.width))


def _finding_group(group: list[Finding], lines: Lines, width: int) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    first = group[0]
    sev = SEVERITY_STYLE[first.severity]
    head = Text.assemble((f"{first.severity.label:<9}", sev), (first.rule, "bold"))
    if len(group) > 1:
        head.append(f"  ×{len(group)}", style="dim")
    parts: list[RenderableType] = [head]
    parts.append(Padding(Text(v.one_line(first.message)), (0, 0, 0, 2)))
    excerpts = lines.excerpts([f for f in group if f.excerpt], width - 2)
    if excerpts:
        number_width = len(str(max(e.line for e in excerpts)))
        gutter = number_width + 5
        for ex in lines.excerpts([f for f in group if f.excerpt], width - gutter):
            src = Text.assemble((f"  {ex.line:>{number_width}} │ ", "dim"), ex.text)
            caret = Text.assemble((f"  {'':>{number_width}} │ ", "dim"), (ex.underline(), sev))
            for start, count in ex.marks:
                src.stylize(f"bold {sev}", gutter + start, gutter + start + count)
            parts.extend([src, caret])
    extras = Table.grid(padding=(0, 1))
    extras.add_column(no_wrap=True)
    extras.add_column(ratio=1)
    if first.suggestion:
        extras.add_row(Text("  try", style="bold green"), Text(v.one_line(first.suggestion), style="green"))
    if first.note:
        extras.add_row(Text("  note", style="bold magenta"), Text(v.one_line(first.note)))
    if extras.row_count:
        parts.append(extras)
    return Group(*parts)


def _summary_line(findings: list[Finding], result: LintResult) -> RenderableType:
    from rich.console import Group
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    rule = Rule(Text("Summary", style="bold"), align="left", style="dim")
    if not findings:
        return Group(
            rule, Text.assemble(("Nothing to fix. ", "bold green"), "Read it aloud once more, then send it.")
        )
    counts = Text()
    for n, (severity, count) in enumerate((s, c) for s, c in v.severity_counts(findings).items() if c):
        if n:
            counts.append(" · ", style="dim")
        label = severity.label if severity is Severity.INFO or count == 1 else severity.label + "s"
        counts.append(f"{count} {label}", style=SEVERITY_STYLE[severity])
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    grid.add_row("Found", counts)
    first = v.fix_first(findings)
    if first is not None:
        grid.add_row("Fix first", Text(_fix_first_words(first, result)))
    return Group(rule, grid)


def _fix_first_words(first: Finding, result: LintResult) -> str:
    about = v.rule_summary(first, result)
    if first.family == "missing-section":
        return f"{about} ({first.rule})."
    quote = v.clip(v.one_line(printable(first.excerpt)), 30)
    if not about.startswith(("I ", "I'", "I’")):
        about = about[:1].lower() + about[1:]
    return f"line {first.start.line}, {quote}: {about}."


def _summary_table(items: list[Item], width: int) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    families = v.families_of(items)
    full = width >= 72
    others = 10 + (sum(len(f.short) + 2 for f in families) if full else 18)
    room = max(12, width - others)
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
    longest = max((len(printable(i.path)) for i in items), default=6)
    # names are cut to fit (keeping their end); an error message may wrap
    table.add_column("letter", min_width=min(longest, room), max_width=room)
    table.add_column("score", justify="right", no_wrap=True)
    if full:
        for fam in families:
            table.add_column(fam.short, justify="right", no_wrap=True, style=fam.style)
    else:
        table.add_column("findings")
    for item in items:
        name = _tail(printable(item.path), room)
        if isinstance(item, FileError):
            # wrapped here: rich's own wrapping in a narrow table can crop a word
            error = "\n".join(textwrap.wrap(f"could not be read: {item.error}", max(room, 12)))
            table.add_row(
                Text.assemble(name, "\n", (error, "red")),
                Text("—", style="dim"),
                *[""] * (len(families) if full else 1),
            )
            continue
        score = Text(str(item.score), style=BAND_STYLE[v.band(item.score)])
        if v.support(item) is not None:
            score = Text("support", style="bold magenta")  # no score; the note leads its report
        counts = v.family_counts(item.findings, families)
        if full:
            cells = [
                Text(str(counts[f.name])) if counts[f.name] else Text("·", style="dim") for f in families
            ]
            table.add_row(name, score, *cells)
        else:
            desc = "\n".join(f"{n} {v.family(f, families).short}" for f, n in counts.items() if n) or "none"
            table.add_row(name, score, desc)
    return table


def _tail(path: str, room: int) -> str:
    """Keep the end of a long path: the file name matters more than the folders."""
    return path if len(path) <= room else "…" + path[-(room - 1) :]


# -- plain text: one fact per line, every line greppable ----------------------------------


def render_plain(items: list[Item], options: ReportOptions) -> str:
    out: list[str] = []
    width = options.width or 100
    for item in [] if options.summary_only else items:
        if isinstance(item, FileError):
            out.append(f"{printable(item.path)}: error: {item.error}")
            continue
        path = printable(item.path)
        support = v.support(item)
        if support is not None:  # the note first; no score band and no verdict
            out.append(f"{path}: support: {v.SUPPORT_LEAD} {support.message} (see {support.where})")
            out.append(f"{path}: {v.SUPPORT_AFTER}")
        if options.quiet:  # the findings and nothing else
            out.extend(_plain_findings(path, item, width))
            continue
        if support is not None:
            out.append(f"{path}: profile {item.profile}")
        else:
            out.append(
                f"{path}: score {item.score}/100 ({v.band(item.score)}), "
                f"profile {item.profile}: {v.verdict(item)}"
            )
        checklist = v.checklist(item)
        found = [i.name for i in checklist if i.found]
        missing = [i.name for i in checklist if not i.found]
        out.append(
            f"{path}: parts: {len(found)} of {len(checklist)} found"
            + (f": {', '.join(found)}" if found else "")
            + (f"; missing: {', '.join(missing)}" if missing else "")
        )
        for part in checklist:
            if not part.found and part.hint:
                example = f" e.g. “{v.one_line(part.example)}”" if part.example else ""
                out.append(f"{path}: missing {part.name}: {part.hint}{example}")
        arc = v.tone_arc(item)
        out.append(f"{path}: tone: {_plain_strip(arc)} {arc.describe(item.text, 60)}")
        findings = item.findings
        out.extend(_plain_findings(path, item, width))
        summary = f"{path}: {v.counts_text(findings)}"
        first = v.fix_first(findings)
        if first is not None:
            summary += f"; fix first: {_fix_first_words(first, item)}"
        out.append(summary)
    if options.summary_only or (len(items) > 1 and not options.quiet):
        for item in items:
            if isinstance(item, FileError):
                out.append(f"{printable(item.path)}: summary: could not be read: {item.error}")
                continue
            counts = ", ".join(
                f"{fam} {n}" for fam, n in v.family_counts(item.findings, item.families).items() if n
            )
            if v.support(item) is not None:
                out.append(f"{printable(item.path)}: summary: please read the support note; {counts}")
                continue
            out.append(f"{printable(item.path)}: summary: score {item.score}/100; {counts or 'no findings'}")
    return "\n".join(out) + "\n"


def _plain_findings(path: str, item: LintResult, width: int) -> list[str]:
    """One line per finding, then the flagged source line, the suggestion and any note."""
    out: list[str] = []
    lines = Lines(item.text)
    for f in item.findings:
        out.append(
            f"{path}:{f.start.line}:{f.start.column}: {f.severity.label}: {v.one_line(f.message)} [{f.rule}]"
        )
        if f.excerpt and f.family != "missing-section":
            for ex in lines.excerpts([f], width - 12):
                out.append(f"  {ex.line:>5} | {ex.text}")
                out.append(f"  {'':>5} | {ex.underline()}")
        if f.suggestion:
            out.append(f"        = try: {v.one_line(f.suggestion)}")
        if f.note:
            out.append(f"        = note: {v.one_line(f.note)}")
    return out


def _plain_strip(arc: v.Arc) -> str:
    """The arc as characters only: a height per sentence, '_' below zero."""
    chars = []
    for p in arc.points:
        if p.value >= v.POSITIVE:
            chars.append(UP_BLOCKS[min(7, max(0, round(p.value * 8) - 1))])
        elif p.value <= v.NEGATIVE:
            chars.append("▼")
        elif p.value <= v.NEUTRAL_BAND:
            chars.append("▿")
        else:
            chars.append("·")
    return "[" + "".join(chars) + "]"
