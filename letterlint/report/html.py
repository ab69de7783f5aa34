"""`--format html`: one self-contained page per run, the letter annotated in place.

No scripts, fonts or images from anywhere: styles are inline, charts are inline SVG, and a
Content-Security-Policy forbids every load and every script, so the page opens offline and a
`<script>` in a letter can do nothing even in the unlikely case that escaping failed.

Each finding is highlighted at its span. Findings may overlap, so the letter is cut at every
span edge into segments; each segment is one <mark> that lists the findings covering it
(`data-f="3 4"`), takes the colour of the most important one, and shows their messages on
hover or focus. The finding's number sits after its last segment and links to its card.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict

from letterlint import __version__
from letterlint.model import Family, FileError, Finding, Item, LintResult, Severity, Stats
from letterlint.report import view as v
from letterlint.report.options import ReportOptions


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def render(items: list[Item], options: ReportOptions) -> str:
    results = [i for i in items if isinstance(i, LintResult)]
    title = "letterlint report"
    if len(items) == 1 and results:
        score = "support" if v.support(results[0]) else f"{results[0].score}/100"
        title = f"{results[0].path} · {score} · letterlint"
    body: list[str] = []
    if len(items) > 1 or options.summary_only:
        body.append(_summary_table(items))
    if not options.summary_only:
        for n, item in enumerate(items, 1):
            if isinstance(item, FileError):
                body.append(
                    f'<section class="report failed" id="letter-{n}"><h1>{esc(item.path)}</h1>'
                    f'<p class="verdict">This file could not be read: {esc(item.error)}</p></section>'
                )
            else:
                body.append(_report(item, n, options))
    return _PAGE.format(
        title=esc(title),
        version=esc(__version__),
        style=_STYLE + family_css(v.families_of(items)),
        body="\n".join(body),
    )


# -- one letter ------------------------------------------------------------------------


def _report(result: LintResult, n: int, options: ReportOptions) -> str:
    findings = result.findings
    numbered = {id(f): i for i, f in enumerate(findings, 1)}  # reading order: numbers rise down the letter
    support = v.support(result)
    if support is not None:
        return _crisis_report(result, n, options, findings, numbered, support)
    band = v.band(result.score)
    stats = result.stats
    counts = (
        "".join(
            f'<span class="chip sev-{s.label}">{esc(_count(c, s))}</span>'
            for s, c in v.severity_counts(findings).items()
            if c
        )
        or '<span class="chip ok">no findings</span>'
    )
    first = v.fix_first(findings)
    fix = ""
    if first is not None:
        about = v.rule_summary(first, result)
        where = "" if first.family == "missing-section" else f"line {first.start.line}, "
        fix = (
            f'<p class="fix-first"><strong>Fix first:</strong> <a href="#letter-{n}-f{numbered[id(first)]}">'
            f"{esc(where)}{esc(about)}</a></p>"
        )
    return f"""<section class="report" id="letter-{n}" data-path="{esc(result.path)}">
<header class="top band-{band}">
{_ring(result.score, band)}
<div class="headline">
<h1>{esc(result.path)}</h1>
<p class="verdict">{esc(v.verdict(result))}</p>
<p class="facts">profile {esc(result.profile)} · {_facts(stats)}</p>
<p class="counts">{counts}</p>
{fix}
</div>
</header>
{_letter_and_notes(result, n, options, findings, numbered)}
</section>"""


def _crisis_report(
    result: LintResult,
    n: int,
    options: ReportOptions,
    findings: list[Finding],
    numbered: dict[int, int],
    support: v.Support,
) -> str:
    """The report when the writer may be in danger: the support note first, no score ring,
    no verdict and no "fix first"; the letter and the notes on wording follow."""
    return f"""<section class="report crisis" id="letter-{n}" data-path="{esc(result.path)}">
<aside class="support" role="note" aria-label="support">
<h2>{esc(v.SUPPORT_TITLE)}</h2>
<p class="lead">{esc(v.SUPPORT_LEAD)}</p>
<p class="support-message">{esc(support.message)}</p>
<p class="support-where">{esc(support.about)} {esc(v.SUPPORT_AFTER)}</p>
</aside>
<header class="top calm">
<div class="headline">
<h1>{esc(result.path)}</h1>
<p class="facts">profile {esc(result.profile)} · {_facts(result.stats)}</p>
</div>
</header>
{_letter_and_notes(result, n, options, findings, numbered)}
</section>"""


def _letter_and_notes(
    result: LintResult, n: int, options: ReportOptions, findings: list[Finding], numbered: dict[int, int]
) -> str:
    """The annotated letter beside its checklist and tone arc, then the notes on each finding:
    the same in every report, with or without the support note."""
    annotated = _annotated(result.text, findings, numbered, n, result.families)
    return f"""<div class="layout">
<article class="paper">
<h2>The letter</h2>
{_legend(findings, result.families)}
<div class="letter" id="letter-{n}-text">{annotated}</div>
</article>
<aside class="side">
{_checklist(result, options)}
{_arc(result)}
</aside>
</div>
{_findings(result, findings, numbered, n)}"""


def _count(n: int, severity: Severity) -> str:
    return f"{n} info" if severity is Severity.INFO else v.plural(n, severity.label)


def _facts(stats: Stats) -> str:
    return " · ".join(
        (
            v.plural(stats.words, "word"),
            v.plural(stats.sentences, "sentence"),
            v.plural(stats.paragraphs, "paragraph"),
        )
    )


def _ring(score: int, band: str) -> str:
    r = 40
    circumference = 2 * math.pi * r
    filled = circumference * max(0, min(score, 100)) / 100
    value = (
        f'<circle cx="50" cy="50" r="{r}" class="value" stroke-dasharray="{filled:.1f} {circumference:.1f}" '
        f'transform="rotate(-90 50 50)"/>'
        if score > 0
        else ""  # a round line cap would draw a dot for nothing
    )
    return (
        f'<svg class="ring" viewBox="0 0 100 100" role="img" aria-label="score {score} out of 100">'
        f'<circle cx="50" cy="50" r="{r}" class="track"/>{value}'
        f'<text x="50" y="52" class="score">{score}</text><text x="50" y="70" class="of">of 100</text></svg>'
    )


def _legend(findings: list[Finding], families: tuple[Family, ...]) -> str:
    present = {f.family for f in findings}
    names = [f.name for f in families]
    chips = "".join(
        f'<span class="key fam-{esc(fam)}">{esc(v.family_title(fam, families))}</span>'
        for fam in (*names, *sorted(present - set(names)))
        if fam in present
    )
    if not chips:
        return '<p class="legend">Nothing is highlighted: no line needs changing.</p>'
    hint = '<span class="hint">hover or tab to a highlight for the note</span>'
    return f'<p class="legend">Highlighted: {chips} {hint}</p>'


def _clean(text: str, start: int = 0, end: int | None = None) -> str:
    """Escape letter text, one DOM character per code point, so offsets stay true in the page.

    CR LF would become LF in the parser: CR goes in as a character reference. A lone CR
    (old Mac files) becomes LF so it still breaks the line. Other control characters, which
    HTML does not allow, become U+FFFD.
    """
    out = []
    for i in range(start, len(text) if end is None else end):
        ch = text[i]
        if ch == "\r":
            out.append("&#13;" if text[i + 1 : i + 2] == "\n" else "\n")
        elif ch in "\n\t":
            out.append(ch)
        elif ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            out.append("\N{REPLACEMENT CHARACTER}")
        else:
            out.append(esc(ch))
    return "".join(out)


def _priority(f: Finding) -> tuple[int, int, int]:
    """Which finding colours a shared segment: real words before a missing part's anchor."""
    return (f.family != "missing-section", int(f.severity), -f.span.start)


def _annotated(
    text: str, findings: list[Finding], numbered: dict[int, int], n: int, families: tuple[Family, ...]
) -> str:
    edges = {0, len(text)}
    points: dict[int, list[Finding]] = defaultdict(list)  # empty spans: a marker at the offset
    for f in findings:
        start, end = min(f.span.start, len(text)), min(f.span.end, len(text))
        if end > start:
            edges.update((start, end))
        else:
            points[start].append(f)
            edges.add(start)
    cuts = sorted(edges)
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=False):
        for f in points.get(a, []):
            k = numbered[id(f)]
            out.append(
                f'<mark class="hl point fam-{esc(f.family)} sev-{f.severity.label}" tabindex="0" '
                f'data-f="{k}" data-n="{k}" data-tip="{esc(_tip([f], numbered, families))}" '
                f'id="letter-{n}-m{k}"></mark>'
            )
        if b is None:
            break
        covering = [
            f
            for f in findings
            if f.span.start <= a and min(f.span.end, len(text)) >= b and f.span.end > f.span.start
        ]
        piece = _clean(text, a, b)
        if not covering:
            out.append(piece)
            continue
        top = max(covering, key=_priority)
        ids = " ".join(str(numbered[id(f)]) for f in covering)
        ending = [numbered[id(f)] for f in covering if min(f.span.end, len(text)) == b]
        starting = [numbered[id(f)] for f in covering if f.span.start == a]
        classes = f"hl fam-{esc(top.family)} sev-{top.severity.label}"
        if len({f.family for f in covering}) > 1 or len(covering) > 1:
            classes += " multi"
        if all(f.family == "missing-section" for f in covering):
            classes += " anchor"
        tip = esc(_tip(covering, numbered, families))
        attrs = f'class="{classes}" tabindex="0" data-f="{ids}" data-tip="{tip}"'
        if ending:
            attrs += f' data-n="{" · ".join(map(str, ending))}"'
        if starting:
            attrs += f' id="letter-{n}-m{starting[0]}"'
        out.append(f"<mark {attrs}>{piece}</mark>")
    return "".join(out)


def _tip(covering: list[Finding], numbered: dict[int, int], families: tuple[Family, ...]) -> str:
    lines = []
    for f in sorted(covering, key=lambda f: numbered[id(f)]):
        lines.append(f"{numbered[id(f)]}. {v.family_title(f.family, families)}: {v.one_line(f.message)}")
    return "\n".join(lines)


def _checklist(result: LintResult, options: ReportOptions) -> str:
    items = v.checklist(result)
    found = sum(i.found for i in items)
    rows = []
    for item in items:
        if item.found:
            rows.append(
                f'<li class="found"><span class="tick" aria-label="found">✓</span> {esc(item.name)}</li>'
            )
            continue
        hint = f'<p class="hint">{esc(item.hint)}</p>' if item.hint else ""
        example = f'<p class="example">e.g. “{esc(v.one_line(item.example))}”</p>' if item.example else ""
        rows.append(
            '<li class="missing"><span class="tick" aria-label="missing">✗</span> '
            f"<strong>{esc(item.name)}</strong>{hint}{example}</li>"
        )
    return (
        '<section class="checklist"><h2>Parts of the letter '
        f"<small>{found} of {len(items)} found</small></h2><ul>{''.join(rows)}</ul></section>"
    )


def _arc(result: LintResult) -> str:
    arc = v.tone_arc(result)
    words = esc(arc.describe(result.text, 60))
    if not arc.points:
        return f'<section class="arc"><h2>Tone, sentence by sentence</h2><p>{words}</p></section>'
    runs = v.bucket(arc.points, 160)
    width, height, left, top, bottom = 560, 190, 58, 24, 26
    inner_w, mid = width - left - 8, top + (height - top - bottom) / 2
    half = (height - top - bottom) / 2
    step = inner_w / len(runs)
    bar = max(1.0, step * 0.7)
    shapes: list[str] = []

    def band(indexes: list[int], label: str, cls: str) -> None:
        if not indexes:
            return
        x0, x1 = left + indexes[0] * step, left + (indexes[-1] + 1) * step
        shapes.append(
            f'<rect class="{cls}" x="{x0:.1f}" y="{top - 16}" width="{x1 - x0:.1f}" '
            f'height="{height - top - bottom + 16}"/>'
        )
        anchor = "start" if cls == "opening" else "end"
        shapes.append(
            f'<text class="band-label" x="{x0 + 2 if anchor == "start" else x1 - 2:.1f}" y="{top - 5}" '
            f'text-anchor="{anchor}">{label}</text>'
        )

    band([i for i, r in enumerate(runs) if any(p.opening for p in r)], "opening", "opening")
    band([i for i, r in enumerate(runs) if any(p.closing for p in r)], "closing", "closing")
    shapes.append(f'<line class="zero" x1="{left}" y1="{mid}" x2="{width - 8}" y2="{mid}"/>')
    for label, y in (("warm", top + 10), ("neutral", mid + 4), ("hurt", height - bottom - 4)):
        shapes.append(f'<text class="axis" x="{left - 8}" y="{y:.1f}" text-anchor="end">{label}</text>')
    for i, run in enumerate(runs):
        value = v.representative(run)
        mood = v.ArcPoint(0, value, run[0].span, 0, False, False).mood
        h = max(2.0, abs(value) * half)
        x = left + i * step + (step - bar) / 2
        y = mid - h if value >= 0 else mid
        if mood == "neutral":
            h, y = 2.0, mid - 1
        first = run[0]
        quote = v.one_line(result.text[first.span.start : first.span.end])
        what = (
            f"Sentence {first.index + 1}, line {first.line}: {v.clip(quote, 80)}"
            if len(run) == 1
            else f"Sentences {first.index + 1}–{run[-1].index + 1}, from line {first.line}"
        )
        shapes.append(
            f'<rect class="bar {mood}" data-i="{first.index}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{bar:.1f}" height="{h:.1f}" rx="1.5">'
            f"<title>{esc(what)} · tone {value:+.2f}</title></rect>"
        )
    shapes.append(
        f'<text class="axis" x="{left}" y="{height - 6}">sentence 1</text>'
        f'<text class="axis" x="{width - 8}" y="{height - 6}" text-anchor="end">'
        f"sentence {len(arc.points)}</text>"
    )
    return (
        '<section class="arc"><h2>Tone, sentence by sentence</h2>'
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="tone of each sentence">'
        f"{''.join(shapes)}</svg>"
        f'<p class="arc-words">{words}</p></section>'
    )


def _findings(result: LintResult, findings: list[Finding], numbered: dict[int, int], n: int) -> str:
    if not findings:
        return (
            '<section class="findings"><h2>What to change</h2>'
            '<p class="calm">Nothing. Read it aloud once more, then send it.</p></section>'
        )
    blocks = []
    for family, group in v.ordered_families(findings, result.families):
        cards = []
        for same in v.rule_groups(group):
            f0 = same[0]
            places = []
            for f in same:
                k = numbered[id(f)]
                if f.letter_level:
                    places.append(
                        f'<li id="letter-{n}-f{k}"><a class="num" href="#letter-{n}-m{k}">{k}</a> '
                        "about the whole letter</li>"
                    )
                else:
                    quote = v.clip(v.one_line(f.excerpt), 90) if f.excerpt else ""
                    places.append(
                        f'<li id="letter-{n}-f{k}"><a class="num" href="#letter-{n}-m{k}">{k}</a> '
                        f"line {f.start.line}, column {f.start.column} <q>{esc(quote.strip('“”'))}</q></li>"
                    )
            extra = ""
            if f0.suggestion:
                extra += f'<p class="try"><span>Try</span> {esc(v.one_line(f0.suggestion))}</p>'
            if f0.note:
                extra += f'<p class="note"><span>Note</span> {esc(v.one_line(f0.note))}</p>'
            cards.append(
                f'<div class="card sev-{f0.severity.label} fam-{esc(family)}">'
                f'<p class="card-head"><span class="sev">{f0.severity.label}</span> '
                f"<code>{esc(f0.rule)}</code></p>"
                f'<p class="message">{esc(v.one_line(f0.message))}</p>'
                f'<ul class="places">{"".join(places)}</ul>{extra}</div>'
            )
        blocks.append(
            f'<section class="family fam-{esc(family)}">'
            f"<h3>{esc(v.family_title(family, result.families))} <small>{len(group)}</small></h3>"
            f"{''.join(cards)}</section>"
        )
    return f'<section class="findings"><h2>What to change</h2>{"".join(blocks)}</section>'


def _summary_table(items: list[Item]) -> str:
    families = v.families_of(items)
    head = "".join(f"<th>{esc(f.short)}</th>" for f in families)
    rows = []
    for n, item in enumerate(items, 1):
        if isinstance(item, FileError):
            rows.append(
                f'<tr><td><a href="#letter-{n}">{esc(item.path)}</a></td><td>—</td>'
                f'<td colspan="{len(families)}" class="error">could not be read: {esc(item.error)}</td></tr>'
            )
            continue
        counts = v.family_counts(item.findings, families)
        cells = "".join(f"<td>{counts[f.name] or '·'}</td>" for f in families)
        score = f'<td class="band-{v.band(item.score)}"><strong>{item.score}</strong></td>'
        if v.support(item) is not None:  # no score for a letter whose writer may be in danger
            score = '<td class="support-cell"><strong>support</strong></td>'
        rows.append(f'<tr><td><a href="#letter-{n}">{esc(item.path)}</a></td>{score}{cells}</tr>')
    return (
        '<section class="summary"><h2>Letters</h2><table><thead><tr><th>letter</th><th>score</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def family_css(families: tuple[Family, ...]) -> str:
    """Each family's colours, from the style its pack declares (bright_red is red here)."""
    rules = []
    for family in families:
        base = family.style.removeprefix("bright_")
        rules.append(f".fam-{family.name} {{ --fam: var(--{base}); --fam-bg: var(--{base}-bg); }}")
    return "\n".join(rules) + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="letterlint {version}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<main>
{body}
</main>
<footer class="page-foot">Made by letterlint {version}, on this computer.
Nothing in this page was sent anywhere.</footer>
</body>
</html>
"""

_STYLE = """
:root {
  --bg: #f6f4ef; --paper: #fffdf8; --ink: #22252a; --muted: #6b6f76; --line: #e4e0d6;
  --good: #2f855a; --fair: #b7791f; --poor: #c53030;
  --error: #c53030; --warning: #b7791f; --info: #2b6cb0;
  --magenta: #b83280; --magenta-bg: #fde8f3;
  --red: #c53030; --red-bg: #fde4e4;
  --blue: #2b6cb0; --blue-bg: #e3eefb;
  --cyan: #0e7490; --cyan-bg: #e0f5f9;
  --green: #2f855a; --green-bg: #e3f4ea;
  --yellow: #b7791f; --yellow-bg: #fbf0d9;
  --white: #6b6f76; --white-bg: #eceae4;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181b; --paper: #1f2125; --ink: #e8e6e1; --muted: #a0a4ab; --line: #33363c;
    --magenta-bg: #4a2038; --red-bg: #4a2323; --blue-bg: #1f3350;
    --cyan-bg: #163a42; --green-bg: #1d3a2a; --yellow-bg: #47391c; --white-bg: #2c2d31;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 20px 8px; }
h1 { font-size: 1.35rem; margin: 0 0 2px; word-break: break-all; }
h2 { font-size: 1.05rem; margin: 0 0 10px; letter-spacing: .01em; }
h2 small, h3 small { color: var(--muted); font-weight: normal; margin-left: 6px; }
h3 { font-size: 1rem; margin: 22px 0 8px; padding-bottom: 4px;
  border-bottom: 2px solid var(--fam, var(--line)); }
.report { margin-bottom: 48px; }
.top { display: flex; gap: 22px; align-items: center; background: var(--paper);
  border: 1px solid var(--line);
  border-left: 6px solid var(--band); border-radius: 12px; padding: 18px 22px; }
.band-good { --band: var(--good); } .band-fair { --band: var(--fair); } .band-poor { --band: var(--poor); }
.ring { width: 104px; height: 104px; flex: none; }
.ring circle { fill: none; stroke-width: 10; } .ring .track { stroke: var(--line); }
.ring .value { stroke: var(--band); stroke-linecap: round; }
.ring .score { font: 700 28px system-ui, sans-serif; fill: var(--ink); text-anchor: middle; }
.ring .of { font: 11px system-ui, sans-serif; fill: var(--muted); text-anchor: middle; }
.verdict { font-size: 1.12rem; margin: 2px 0; color: var(--band); font-weight: 600; }
.facts { color: var(--muted); margin: 0 0 6px; font-size: .92rem; }
.counts { margin: 0; }
.chip { display: inline-block; border-radius: 999px; padding: 1px 10px; margin-right: 6px;
  font-size: .85rem;
  border: 1px solid currentColor; }
.chip.sev-error { color: var(--error); } .chip.sev-warning { color: var(--warning); }
.chip.sev-info { color: var(--info); } .chip.ok { color: var(--good); }
.fix-first { margin: 8px 0 0; } .fix-first a { color: inherit; }
.layout { display: grid; align-items: start; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr);
  gap: 20px;
  margin-top: 20px; }
@media (max-width: 860px) { .layout { grid-template-columns: 1fr; } .top { flex-direction: column;
  align-items: flex-start; } }
.paper, .side > section, .findings, .summary { background: var(--paper); border: 1px solid var(--line);
  border-radius: 12px; padding: 18px 22px; }
.side > section + section { margin-top: 20px; }
.legend { color: var(--muted); font-size: .85rem; margin: -4px 0 14px; }
.legend .hint { display: block; margin-top: 4px; }
.key { display: inline-block; padding: 0 8px; border-radius: 4px; margin: 2px 4px 2px 0; color: var(--ink);
  background: var(--fam-bg); border-bottom: 2px solid var(--fam); }
.letter { white-space: pre-wrap; overflow-wrap: anywhere;
  font: 17px/1.75 Georgia, "Iowan Old Style", "Palatino Linotype", "DejaVu Serif", serif; }
[class*="fam-"] { --fam: var(--white); --fam-bg: var(--white-bg); }
mark.hl { position: relative; color: inherit; background: var(--fam-bg);
  border-bottom: 2px solid var(--fam);
  border-radius: 3px; padding: 1px 0; outline: none; cursor: help; }
mark.hl.sev-error { border-bottom-width: 3px; }
mark.hl.sev-info { border-bottom-style: dotted; }
mark.hl.multi { box-shadow: inset 0 -6px 0 -3px var(--fam); }
mark.hl.anchor { background: transparent; border-bottom: 2px dashed var(--fam); }
mark.hl.point { display: inline-block; width: 2px; height: 1.2em; vertical-align: text-bottom;
  background: var(--fam); }
mark.hl[data-n]::after { content: attr(data-n); font: 600 10px/1 system-ui, sans-serif; color: #fff;
  background: var(--fam); border-radius: 8px; padding: 2px 5px; margin-left: 2px; vertical-align: super; }
mark.hl::before { content: attr(data-tip); position: absolute; left: 0; bottom: calc(100% + 8px);
  z-index: 5;
  width: max-content; max-width: min(420px, 80vw); white-space: pre-line; padding: 8px 11px;
  border-radius: 8px;
  background: var(--ink); color: var(--paper); font: 13px/1.45 system-ui, sans-serif;
  box-shadow: 0 4px 14px rgba(0,0,0,.25);
  display: none; pointer-events: none; }
mark.hl:hover::before, mark.hl:focus::before { display: block; }
mark.hl:target, mark.hl:focus { box-shadow: 0 0 0 2px var(--fam); }
.checklist ul { list-style: none; padding: 0; margin: 0; }
.checklist li { padding: 6px 0; border-top: 1px solid var(--line); }
.checklist li:first-child { border-top: none; }
.checklist .tick { display: inline-block; width: 1.3em; font-weight: 700; }
.checklist .found .tick { color: var(--good); }
.checklist .missing .tick { color: var(--poor); }
.checklist .hint, .checklist .example { margin: 2px 0 0 1.3em; font-size: .9rem; }
.checklist .example, .try { color: var(--good); font-style: italic; }
.arc svg { width: 100%; height: auto; display: block; }
.arc .zero { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 3; }
.arc .axis, .arc .band-label { font: 11px system-ui, sans-serif; fill: var(--muted); }
.arc .opening, .arc .closing { fill: var(--blue-bg); opacity: .7; }
.arc .bar.positive { fill: var(--good); } .arc .bar.neutral { fill: var(--muted); opacity: .6; }
.arc .bar.low { fill: var(--fair); } .arc .bar.negative { fill: var(--poor); }
.arc-words { color: var(--muted); font-size: .92rem; margin: 8px 0 0; }
.findings { margin-top: 20px; }
.findings > h2 { margin-bottom: 0; }
.card { border-left: 4px solid var(--fam); padding: 4px 0 4px 14px; margin: 14px 0; }
.card-head { margin: 0; } .card-head code { font-size: .88rem; color: var(--muted); }
.sev { font-weight: 700; text-transform: uppercase; font-size: .75rem; letter-spacing: .06em; }
.sev-error .sev { color: var(--error); } .sev-warning .sev { color: var(--warning);
  } .sev-info .sev { color: var(--info); }
.message { margin: 2px 0 6px; }
.places { list-style: none; padding: 0; margin: 0 0 6px; font-size: .93rem; }
.places li { margin: 2px 0; }
.places q { font-family: Georgia, "DejaVu Serif", serif; background: var(--fam-bg); padding: 0 4px;
  border-radius: 3px; }
.places li:target { outline: 2px solid var(--fam); border-radius: 4px; }
.num { display: inline-block; min-width: 1.6em; text-align: center;
  font: 600 11px/1.6 system-ui, sans-serif; color: #fff;
  background: var(--fam); border-radius: 8px; text-decoration: none; margin-right: 4px; }
.support { background: var(--desperation-bg); border: 2px solid var(--desperation); border-radius: 12px;
  padding: 14px 18px; margin: 0 0 18px; }
.support h2 { margin: 0 0 6px; font-size: 1.15rem; }
.support .lead { font-weight: 700; margin: 0 0 6px; }
.support-message { font-size: 1.05rem; margin: 0 0 6px; }
.support-where { color: var(--muted); margin: 0; }
.support-cell { color: var(--desperation); }
.try, .note { margin: 4px 0 0; }
.try span, .note span { font-style: normal; font-weight: 700; margin-right: 6px; }
.note { color: var(--magenta); }
.calm { color: var(--good); }
.summary table { border-collapse: collapse; width: 100%; }
.summary th, .summary td { text-align: right; padding: 4px 10px; border-bottom: 1px solid var(--line); }
.summary th:first-child, .summary td:first-child { text-align: left; }
.summary td.band-good strong { color: var(--good); } .summary td.band-fair strong { color: var(--fair); }
.summary td.band-poor strong { color: var(--poor); } .summary td.error { color: var(--poor);
  text-align: left; }
.failed { background: var(--paper); border: 1px solid var(--line); border-radius: 12px;
  padding: 18px 22px; }
.failed .verdict { color: var(--poor); }
.page-foot { text-align: center; color: var(--muted); font-size: .8rem; padding: 0 0 28px; }
"""
