"""`python -m letterlint.probes PATH.toml`: how reliably the crisis rules notice a writer in danger.

A probe file (see tests/probes/self_harm/README.md) holds short passages: `[[positive]]` ones,
each with the severity it should get ("error", or "info" for a clear denial or a past,
resolved statement), and `[[near_miss]]` ones, ordinary speech that must not fire. Printed:
recall on the positives, how often the severity agrees, and the false-alarm rate on the near
misses; `-v` lists every miss, disagreement and false alarm.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from letterlint.model import Finding


class ProbeError(ValueError):
    """A probe file that cannot be read."""


@dataclass(frozen=True)
class Probe:
    text: str
    voice: str
    expect: str | None  # "error" or "info" for positives; None for near misses


@dataclass
class ProbeScore:
    positives: int = 0
    caught: int = 0
    agreed: int = 0  # caught with the expected severity
    near_misses: int = 0
    false_alarms: int = 0
    misses: list[Probe] = field(default_factory=list)
    disagreements: list[tuple[Probe, str]] = field(default_factory=list)
    alarms: list[tuple[Probe, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0

    @property
    def agreement(self) -> float:
        return self.agreed / self.caught if self.caught else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.near_misses if self.near_misses else 0.0


def load(path: Path) -> tuple[list[Probe], list[Probe]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProbeError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProbeError(f"{path}: not a valid probe file: {exc}") from None

    def probes(key: str, positive: bool) -> list[Probe]:
        entries = data.get(key, [])
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("text"), str) for e in entries
        ):
            raise ProbeError(f"{path}: every [[{key}]] needs a text")
        out = []
        for e in entries:
            expect = str(e.get("expect", "error")) if positive else None
            if expect not in (None, "error", "info"):
                raise ProbeError(f"{path}: expect must be 'error' or 'info', not {expect!r}")
            out.append(Probe(e["text"], str(e.get("voice", "")), expect))
        return out

    return probes("positive", True), probes("near_miss", False)


def crisis_findings(text: str) -> list[Finding]:
    from letterlint import lint_text

    return [f for f in lint_text(text, profile="general").findings if f.crisis]


def score(positives: list[Probe], near_misses: list[Probe]) -> ProbeScore:
    result = ProbeScore(positives=len(positives), near_misses=len(near_misses))
    for probe in positives:
        found = crisis_findings(probe.text)
        if not found:
            result.misses.append(probe)
            continue
        result.caught += 1
        got = max(f.severity for f in found).label
        if got == probe.expect:
            result.agreed += 1
        else:
            result.disagreements.append((probe, got))
    for probe in near_misses:
        found = crisis_findings(probe.text)
        if found:
            result.false_alarms += 1
            result.alarms.append((probe, found[0].excerpt))
    return result


def report(path: Path, s: ProbeScore, verbose: bool) -> str:
    lines = [
        f"{path}",
        f"  recall         {s.caught}/{s.positives} = {s.recall:.3f}  (positives noticed)",
        f"  severity       {s.agreed}/{s.caught} = {s.agreement:.3f}  (caught as the expected error or info)",
        f"  false alarms   {s.false_alarms}/{s.near_misses} = {s.false_alarm_rate:.3f}  (near misses hit)",
    ]
    if verbose:
        lines += [f"  missed: [{p.voice}] {p.text}" for p in s.misses]
        lines += [f"  {got} not {p.expect}: [{p.voice}] {p.text}" for p, got in s.disagreements]
        lines += [f"  false alarm on “{hit}”: [{p.voice}] {p.text}" for p, hit in s.alarms]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m letterlint.probes", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH.toml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    for path in args.paths:
        try:
            positives, near_misses = load(path)
        except ProbeError as exc:
            print(f"letterlint.probes: {exc}", file=sys.stderr)
            return 2
        print(report(path, score(positives, near_misses), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
