"""Score the structure parser against a labelled structure corpus.

    python -m letterlint.evaluate_structure tests/structure/dev [-v] [--json]

Each writer's folder holds letters (.txt, .md, or .docx.json: a Word document described as
JSON, built into a real .docx here) and a labels.toml giving, for each letter, the exact
line of each part it has (title, address, greeting, sign-off, signature, P.S., footnote,
e-mail tail), the last sentence of the body (`closing`) and the reader's paragraph count.
A part is found when the parser's part begins with the labelled line; see
tests/structure/LABELLING.md for the format.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from letterlint import drafts
from letterlint.document import Document
from letterlint.evaluate import Tally
from letterlint.model import Span
from letterlint.structure import stops_mid_thought

PARTS = ("title", "address", "greeting", "closing", "signoff", "signature", "ps", "footnote", "email_tail")


@dataclass
class Report:
    letters: int = 0
    parts: dict[str, Tally] = field(default_factory=lambda: {p: Tally() for p in PARTS})
    paragraphs_right: int = 0
    paragraphs_labelled: int = 0
    misses: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "letters": self.letters,
            "parts": {
                name: {
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "precision": round(t.precision, 3),
                    "recall": round(t.recall, 3),
                }
                for name, t in self.parts.items()
            },
            "paragraphs": {"right": self.paragraphs_right, "labelled": self.paragraphs_labelled},
        }


def normalize(text: str) -> str:
    """Whitespace collapsed and markup gone, so a Markdown line compares with its label."""
    text = re.sub(r"[*_`#>]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" (?=[,.!?;:])", "", text)


def build_docx(spec: dict[str, object], target: Path) -> Path:
    """A real Word document from the corpus's JSON description."""
    import docx

    document = docx.Document()
    blocks = spec.get("blocks", [])
    assert isinstance(blocks, list)
    for block in blocks:
        if "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        paragraph = document.add_paragraph(style=block.get("style", "Normal"))
        run = paragraph.add_run()
        for i, piece in enumerate(str(block.get("text", "")).split("\n")):
            if i:
                run.add_break()  # a manual line break inside the paragraph
            run.add_text(piece)
    document.save(str(target))
    return target


def load_draft(path: Path, scratch: Path) -> drafts.Draft:
    if path.name.endswith(".docx.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        built = build_docx(spec, scratch / path.name.removesuffix(".json"))
        return drafts.read(built, built.name)
    return drafts.from_text(path.read_text(encoding="utf-8"), path.name)


def found_parts(draft: drafts.Draft) -> tuple[dict[str, list[str]], int]:
    """Each part's candidate texts (its first line, and for a greeting its whole line), and the
    number of body paragraphs."""
    doc = Document(draft.lint_text, draft.headings)
    st = doc.structure
    # Markdown keeps every offset, so compare with what the writer wrote (an <address> too).
    text = draft.text if draft.kind == drafts.MARKDOWN else draft.lint_text

    def first_line(span: Span | None) -> list[str]:
        if span is None:
            return []
        line = doc.line_span(doc.position(span.start).line)
        whole = text[line.start : line.end]
        own = text[span.start : min(span.end, line.end)]
        return [normalize(own), normalize(whole)]

    last = doc.body_sentences[-1].text if doc.body_sentences else ""
    closing = [normalize(last)] if last and not stops_mid_thought(last) else []
    parts = {
        "title": first_line(st.title),
        "address": first_line(st.header),
        "greeting": first_line(st.greeting),
        "closing": closing,
        "signoff": first_line(st.sign_off),
        "signature": first_line(st.signature),
        "ps": first_line(st.postscript),
        "footnote": first_line(st.footnotes),
        "email_tail": first_line(st.email_tail),
    }
    body = st.body
    paragraphs = sum(1 for p in doc.paragraphs if body and p.start >= body.start and p.end <= body.end)
    return parts, paragraphs


def _matches(part: str, label: str, found: list[str]) -> bool:
    want = normalize(label)
    if part == "closing":  # sentence splits may differ at the edges: the label must be in it
        return any(want in f or (f and f in want) for f in found)
    return want in found


def letters(folder: Path) -> Iterator[tuple[Path, dict[str, object]]]:
    for labels in sorted(folder.rglob("labels.toml")):
        with labels.open("rb") as fh:
            data = tomllib.load(fh)
        for entry in data.get("letter", []):
            yield labels.parent / str(entry["file"]), entry


def evaluate(folder: Path) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        for path, entry in letters(folder):
            report.letters += 1
            parts, paragraphs = found_parts(load_draft(path, Path(tmp)))
            for part in PARTS:
                label = entry.get(part)
                tally = report.parts[part]
                found = parts[part]
                if label and found and _matches(part, str(label), found):
                    tally.tp += 1
                    continue
                if found:
                    tally.fp += 1
                if label:
                    tally.fn += 1
                if found or label:
                    got = found[0] if found else None
                    report.misses.append(f"{path.name}: {part}: labelled {label!r}, found {got!r}")
            if "paragraphs" in entry:
                report.paragraphs_labelled += 1
                report.paragraphs_right += int(entry["paragraphs"]) == paragraphs
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m letterlint.evaluate_structure")
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"letterlint: error: {args.folder}: no such folder", file=sys.stderr)
        return 2
    report = evaluate(args.folder)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
        return 0
    print(f"{report.letters} letters in {args.folder}")
    print(f"{'part':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}")
    for name, t in report.parts.items():
        print(f"{name:<12} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.precision:>10.2f} {t.recall:>7.2f}")
    if report.paragraphs_labelled:
        print(f"paragraph count right in {report.paragraphs_right} of {report.paragraphs_labelled} letters")
    if args.verbose:
        print("\n".join(report.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
