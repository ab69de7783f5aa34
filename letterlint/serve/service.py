"""The engine behind the page: loaded once, asked for the `--format json` report of a text.

One lock around linting: the engine's lazy caches are filled on first use and a person types
into one page, so serialising lints costs nothing and keeps them safe.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from letterlint import drafts
from letterlint.engine import Engine, Selection, prepare_for_many_lints
from letterlint.report import view
from letterlint.report.json_report import as_data
from letterlint.settings import Overrides, resolve_settings

_WARM_UP = "Dear Sam,\n\nI miss our walks, and I've been seeing a counsellor.\n\nLove,\nJo\n"
DEFAULT_NAME = "letter.txt"


class BadRequest(ValueError):
    """A request the page should never send: one line, answered with 400."""


@dataclass
class LintService:
    engine: Engine
    profile: str
    selection: Selection
    lock: threading.Lock

    @classmethod
    def start(cls, profile: str | None, cwd: Path) -> LintService:
        """The settings every face uses (letterlint.settings): the config found from `cwd`
        upward, `--profile` on top (an unknown one is an error before the server starts)."""
        settings = resolve_settings(None, Overrides(profile=profile), cwd=cwd)
        prepare_for_many_lints(settings.engine)
        service = cls(settings.engine, settings.profile, settings.selection, threading.Lock())
        service.lint(_WARM_UP)  # load VADER and friends now, not on the writer's first pause
        return service

    def lint(self, text: str, profile: str | None = None, name: str | None = None) -> dict[str, Any]:
        """The JSON report (one file) of a letter's text; Markdown when `name` ends in .md."""
        chosen = profile or self.profile
        if chosen not in self.engine.ruleset.profiles:
            known = ", ".join(sorted(self.engine.ruleset.profiles))
            raise BadRequest(f"unknown profile {chosen!r} (known: {known})")
        draft = drafts.from_text(text, name or DEFAULT_NAME)
        with self.lock:
            if draft.kind == drafts.TEXT:  # no markup to blank and no ignore file: the engine alone
                result = self.engine.lint(text, profile=chosen, path=draft.name, selection=self.selection)
            else:
                result = drafts.lint(self.engine, draft, profile=chosen, selection=self.selection).result
        return as_data([result])

    def setup(self) -> dict[str, Any]:
        """What the page needs once: profiles, and each rule in plain words."""
        ruleset = self.engine.ruleset
        rules = {
            rule.id: {
                "family": rule.family,
                "title": view.family_title(rule.family, ruleset.family_order),
                "summary": " ".join(rule.one_line.split()),
                "why": " ".join(rule.rationale.split()),
                "fix": fix_kind(rule),
                "example": rule.example,
            }
            for rule in ruleset.rules.values()
        }
        profiles = [
            {"name": p.name, "description": " ".join(p.description.split())}
            for p in sorted(ruleset.profiles.values(), key=lambda p: p.name)
        ]
        return {"profile": self.profile, "profiles": profiles, "rules": rules}


def fix_kind(rule: Any) -> str:
    """How "Use this wording" may edit the letter: the rule's declared `fix`
    (replace-span, replace-sentence or none)."""
    return str(rule.fix)
