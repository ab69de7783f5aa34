"""`letterlint lsp`: a language server over stdio (pygls), calling the engine in-process.

What the editor gets:
- diagnostics on open, on change (at once after a pause in typing; a burst of changes is
  debounced) and on save of text and Markdown drafts,
  with the rule id as code, source `letterlint`, and (where the client supports it) a
  `codeDescription.href` to a Markdown explanation of the rule written on demand under
  the letterlint cache folder (`$LETTERLINT_CACHE_DIR/explain/`, else
  `~/.cache/letterlint/explain/`): a `file://` link that works offline and also covers
  rules from the user's own rule folders;
- quick fixes: the rule's suggested wording for the sentence (where the suggestion is a
  wording, not advice), a single mark for stacked `!!!`, ordinary case for shouting;
  "ignore this occurrence" and "disable this rule for this file", both written to
  `.letterlint-ignore.toml` (the letter itself is never edited by a command);
- hover on a flagged span: why the rule exists and what to write instead.

Positions are converted from code points to the negotiated encoding (UTF-16 unless the
client offers another), line breaks being `\\n`, `\\r\\n` and `\\r` as the protocol says.
Documents are synced in full: a letter is small, and full sync avoids any drift
between the server's copy and the editor's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import sys
import time
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from letterlint import __version__, drafts
from letterlint.config import ConfigError
from letterlint.engine import Engine, Selection, prepare_for_many_lints
from letterlint.explain import explanation_markdown, hover_text
from letterlint.model import Finding, Severity, Span
from letterlint.reader import MAX_BYTES
from letterlint.rulepack import Rule, RuleError
from letterlint.settings import Overrides, SettingsError, resolve_settings
from letterlint.usage import ArgParser, UsageError

log = logging.getLogger("letterlint.lsp")

SOURCE = "letterlint"
CMD_IGNORE = "letterlint.ignoreOccurrence"
CMD_DISABLE = "letterlint.disableRule"
DEFAULT_DEBOUNCE_MS = 150
DEFAULT_MAX_CHARS = 200_000  # about 35,000 words; a letter is a few hundred
MAX_DEBOUNCE_MS = 5_000  # a larger setting would silently stop re-linting
MAX_MESSAGE_BYTES = 64 * 1024 * 1024  # one JSON-RPC message; a bigger one is read and dropped
_HEADER_LINE_BYTES = 64 * 1024
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_STACKED = re.compile(r"[!?.]*[!?][!?.]+|[!?.]+[!?]")


# -- settings -------------------------------------------------------------------------


@dataclass
class EditorSettings:
    """From initializationOptions and workspace/didChangeConfiguration; they win over the config file."""

    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    max_chars: int = DEFAULT_MAX_CHARS

    def update(self, data: Any) -> None:
        if not isinstance(data, dict):
            return
        if isinstance(data.get("letterlint"), dict):  # {"letterlint": {...}}, as most clients nest it
            data = data["letterlint"]
        if "profile" in data:
            self.profile = data["profile"] if isinstance(data["profile"], str) and data["profile"] else None
        for key in ("select", "ignore"):
            if key in data:
                setattr(self, key, _names(data[key]))
        for key in ("debounce_ms", "debounceMs"):  # snake_case or the camelCase of editor settings
            if _count(data.get(key), minimum=0):
                self.debounce_ms = min(data[key], MAX_DEBOUNCE_MS)
        for key in ("max_chars", "maxChars"):
            if _count(data.get(key), minimum=1):
                self.max_chars = min(data[key], MAX_BYTES)


def _count(value: Any, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


# -- positions --------------------------------------------------------------------------


class LineIndex:
    """Code-point offsets <-> LSP positions in the negotiated encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.encoding = encoding

    def _units(self, chunk: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chunk.encode("utf-8"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chunk)
        return len(chunk.encode("utf-16-le")) // 2

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, span: Span) -> types.Range:
        return types.Range(start=self.position(span.start), end=self.position(span.end))

    def offset(self, pos: types.Position) -> int:
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return start + i
            units += self._units(ch)
        return start + len(line)


# -- the server ---------------------------------------------------------------------------


@dataclass
class DocState:
    uri: str
    version: int | None
    draft: drafts.Draft
    index: LineIndex
    findings: list[Finding] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if re.match(r"^/[A-Za-z]:", path):  # file:///C:/... on Windows
        path = path[1:]
    return Path(path)


class LetterServer:
    def __init__(self) -> None:
        self.ls = LanguageServer(
            "letterlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=_Protocol,
        )
        # Linting runs here, off the event loop, one letter at a time: a long letter never
        # holds up hover or typing in another. A newer edit makes an older run stale.
        self.linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="letterlint-lint")
        self.runs: dict[str, int] = {}  # uri -> number of its latest lint request
        self.pending: dict[str, tuple[str, asyncio.Future[Any]]] = {}  # uri -> (text, run)
        self.settings = EditorSettings()
        self.docs: dict[str, DocState] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.last_change: dict[str, float] = {}  # monotonic time of each document's latest change
        self.root: Path | None = None
        self.explain_dir: Path | None = None
        self.written: dict[str, tuple[Rule, str | None]] = {}
        self._shown_errors: set[str] = set()
        self._register()

    # -- wiring --

    def _register(self) -> None:
        ls = self.ls

        @ls.feature(types.INITIALIZE)
        def initialize(params: types.InitializeParams) -> None:
            self.settings.update(params.initialization_options)
            root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
            self.root = uri_to_path(root) if root else None

        @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
        def did_open(params: types.DidOpenTextDocumentParams) -> None:
            doc = params.text_document
            self.lint_now(doc.uri, doc.version, doc.language_id)

        @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        def did_change(params: types.DidChangeTextDocumentParams) -> None:
            self.schedule(params.text_document.uri, params.text_document.version)

        @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
        def did_save(params: types.DidSaveTextDocumentParams) -> None:
            state = self.docs.get(params.text_document.uri)
            if self._open_document(params.text_document.uri) is not None:  # never read from disk
                self.lint_now(params.text_document.uri, state.version if state else None)

        @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def did_close(params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            self._cancel(uri)
            self._drop_run(uri)
            self.docs.pop(uri, None)
            self.last_change.pop(uri, None)
            self.publish(uri, None, [])

        @ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
        def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
            self.settings.update(params.settings)
            self.relint_all()

        @ls.feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
        )
        async def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
            await self._settled(params.text_document.uri)
            return self.code_actions(params)

        @ls.feature(types.TEXT_DOCUMENT_HOVER)
        async def hover(params: types.HoverParams) -> types.Hover | None:
            await self._settled(params.text_document.uri)
            return self.hover(params)

        @ls.command(CMD_IGNORE)
        def ignore_occurrence(*args: Any) -> None:
            self.run_ignore(list(args), occurrence=True)

        @ls.command(CMD_DISABLE)
        def disable_rule(*args: Any) -> None:
            self.run_ignore(list(args), occurrence=False)

    # -- linting --

    @property
    def encoding(self) -> str:
        try:
            return str(self.ls.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        except RuntimeError:
            return types.PositionEncodingKind.Utf16

    def schedule(self, uri: str, version: int | None) -> None:
        """An isolated change (none in the last debounce window) is linted at once; a change
        in a burst of typing waits until the burst pauses for the debounce window."""
        now = time.monotonic()
        window = self.settings.debounce_ms / 1000
        previous = self.last_change.get(uri)
        self.last_change[uri] = now
        if uri not in self.timers and (previous is None or now - previous >= window):
            self.lint_now(uri, version)
            return
        self._cancel(uri)
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(window, self.lint_now, uri, version)

    def _cancel(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def relint_all(self) -> None:
        for uri, state in list(self.docs.items()):
            self.lint_now(uri, state.version)

    def _open_document(self, uri: str) -> Any:
        """The editor's copy of an open document, or None: a document that is not open is
        never read from disk (it could be a named pipe, /dev/zero or gone)."""
        try:
            documents = self.ls.workspace.text_documents
        except RuntimeError:  # not initialised
            return None
        return documents.get(uri) or documents.get(unquote(uri))

    def _drop_run(self, uri: str) -> None:
        self.runs[uri] = self.runs.get(uri, 0) + 1  # a run in progress is now stale
        pending = self.pending.pop(uri, None)
        if pending is not None:
            pending[1].cancel()  # not started yet: never starts

    def lint_now(
        self, uri: str, version: int | None, language_id: str | None = None
    ) -> asyncio.Future[Any] | None:
        """Start linting the open document in the lint thread; diagnostics are published
        when it is done, unless the document changed or closed in the meantime."""
        self._cancel(uri)
        document = self._open_document(uri)
        if document is None:
            return None
        text = document.source
        version = document.version if document.version is not None else version
        path = uri_to_path(uri)
        name = str(path) if path else uri
        kind = drafts.kind_for(name, language_id or document.language_id)
        if kind == drafts.DOCX:
            kind = drafts.TEXT  # a .docx is never open as text in an editor; treat what we got as text
        self._drop_run(uri)
        run = self.runs[uri]
        if len(text) > self.settings.max_chars:
            state = DocState(
                uri, version, drafts.Draft(name, text, drafts.TEXT, path), LineIndex(text, self.encoding)
            )
            state.diagnostics = [self._size_notice(len(text))]
            self.docs[uri] = state
            self.publish(uri, version, state.diagnostics)
            return None
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.linter, self._lint, uri, version, text, name, path, kind)
        self.pending[uri] = (text, future)
        future.add_done_callback(lambda done: self._linted(uri, run, done))
        return future

    def _lint(
        self, uri: str, version: int | None, text: str, name: str, path: Path | None, kind: str
    ) -> tuple[DocState, str | None]:
        """In the lint thread: the document's new state, and an error to show (or None)."""
        state = DocState(
            uri, version, drafts.Draft(name, text, drafts.TEXT, path), LineIndex(text, self.encoding)
        )
        try:
            state.draft = drafts.from_text(text, name, path, kind)
            engine, profile, selection = self.context(path, name)
            linted = drafts.lint(engine, state.draft, profile=profile, selection=selection)
        except (ConfigError, RuleError, SettingsError) as exc:
            state.diagnostics = [self._problem(str(exc), "config")]
            return state, f"letterlint: {exc}"
        except Exception as exc:  # never take the editor's server down over one letter
            log.exception("lint failed")
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            state.diagnostics = [self._problem(f"letterlint internal error: {reason}", "internal")]
            return state, None
        # Crisis findings first (their note leads); findings and fingerprints stay paired.
        found = linted.result.findings
        order = sorted(range(len(found)), key=lambda i: not found[i].crisis)
        state.findings = [found[i] for i in order]
        state.fingerprints = [linted.fingerprints[i] for i in order]
        state.sentences = linted.result.sentence_spans
        state.diagnostics = [
            self.diagnostic(f, engine.ruleset.rules.get(f.rule), state)
            for f in state.findings
            if not f.letter_level
        ]
        whole = [f for f in state.findings if f.letter_level]
        if whole:  # missing parts: one diagnostic on the first line, not one per part
            state.diagnostics.insert(0, self._letter_level(whole))
        return state, None

    def _linted(self, uri: str, run: int, done: asyncio.Future[Any]) -> None:
        """Back on the event loop: publish, unless this run was overtaken or cancelled."""
        if self.pending.get(uri, (None, None))[1] is done:
            del self.pending[uri]
        if done.cancelled() or self.runs.get(uri) != run or self._open_document(uri) is None:
            return
        if done.exception() is not None:  # pragma: no cover - _lint catches everything
            log.error("lint failed: %s", done.exception())
            return
        state, problem = done.result()
        self.docs[uri] = state
        if problem:
            self._show_once(problem)
        self.publish(uri, state.version, state.diagnostics)

    async def _settled(self, uri: str) -> None:
        """Wait until the state of an open document matches its text (a hover right after
        typing); a document that is not open is left alone."""
        document = self._open_document(uri)
        if document is None:
            return
        state = self.docs.get(uri)
        if state is not None and state.draft.text == document.source:
            return
        pending = self.pending.get(uri)
        future = pending[1] if pending and pending[0] == document.source else self.lint_now(uri, None)
        if future is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(future)

    def context(self, path: Path | None, name: str) -> tuple[Engine, str, Selection]:
        """The settings every front end uses (letterlint.settings); editor settings win."""
        overrides = Overrides(
            profile=self.settings.profile,
            select=self.settings.select,
            ignore=self.settings.ignore,
            origin="setting",
        )
        settings = resolve_settings(path, overrides, cwd=self.root)
        return settings.engine, settings.profile, settings.selection

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def _show_once(self, message: str) -> None:
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self.ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )

    def _problem(self, message: str, code: str) -> types.Diagnostic:
        return types.Diagnostic(
            range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
            ),
            message=message,
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
            code=code,
        )

    def _letter_level(self, findings: list[Finding]) -> types.Diagnostic:
        names = ", ".join(f.rule.split("/", 1)[-1] for f in findings)
        lines = [f"This letter is missing: {names}."]
        lines += [f"- {f.message}" + (f" e.g. {f.suggestion}" if f.suggestion else "") for f in findings]
        diag = self._problem("\n".join(lines), findings[0].rule)
        diag.severity = _SEVERITY[max(f.severity for f in findings)]
        diag.data = {"rules": [f.rule for f in findings]}  # every letter-level finding it stands for
        return diag

    def _size_notice(self, size: int) -> types.Diagnostic:
        message = (
            f"Not checked as you type: {size:,} characters is more than the limit of "
            f"{self.settings.max_chars:,} (setting max_chars). Run `letterlint` on the saved file instead."
        )
        notice = self._problem(message, "size-limit")
        notice.severity = types.DiagnosticSeverity.Information
        return notice

    # -- diagnostics --

    def diagnostic(self, f: Finding, rule: Rule | None, state: DocState) -> types.Diagnostic:
        message = f.message
        if f.crisis and f.note:  # the writer may be in danger: the support note comes first
            message = f"{f.note}\n{message}"
        elif f.note:
            message = f"{message}\n{f.note}"
        diag = types.Diagnostic(
            range=state.index.range(f.span),
            message=message,
            severity=_SEVERITY[f.severity],
            code=f.rule,
            source=SOURCE,
        )
        if rule is not None and self._supports("text_document.publish_diagnostics.code_description_support"):
            href = self.explanation_uri(rule)
            if href:
                diag.code_description = types.CodeDescription(href=href)
        return diag

    def _supports(self, dotted: str) -> bool:
        node: Any = self.ls.client_capabilities
        for part in dotted.split("."):
            node = getattr(node, part, None)
            if node is None:
                return False
        return bool(node)

    def explanation_uri(self, rule: Rule) -> str | None:
        """A file:// link to the rule's explanation, written when the rule is first seen."""
        cached = self.written.get(rule.id)
        if cached is not None and cached[0] is rule:
            return cached[1]
        from letterlint.cachedir import cache_dir

        page = explanation_markdown(rule)
        target = cache_dir() / "explain" / rule.family / f"{rule.name}.md"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.is_file() or target.read_text(encoding="utf-8") != page:
                target.write_text(page, encoding="utf-8")
            uri: str | None = target.resolve().as_uri()
        except OSError:  # a read-only cache: no link, the hover still explains
            uri = None
        self.written[rule.id] = (rule, uri)
        return uri

    # -- requests --

    def _state(self, uri: str) -> DocState | None:
        """The linted state of an open document (see _settled); None when it is not open."""
        if self._open_document(uri) is None:
            return None
        return self.docs.get(uri)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        state = self._state(uri)
        if state is None:
            return []
        lo, hi = state.index.offset(params.range.start), state.index.offset(params.range.end)
        only = params.context.only
        if only and not any(str(k).startswith(types.CodeActionKind.QuickFix) for k in only):
            return []
        engine_rules = self._rules_for(state)
        actions: list[types.CodeAction] = []
        disabled_offered: set[str] = set()
        for f, fingerprint_, diag in zip(state.findings, state.fingerprints, state.diagnostics, strict=False):
            if not (f.span.start <= hi and lo <= f.span.end):
                continue
            rule = engine_rules.get(f.rule)
            for title, span, new_text in quick_fixes(f, rule, state.draft.text, state.sentences):
                edit = types.TextEdit(range=state.index.range(span), new_text=new_text)
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=types.WorkspaceEdit(changes={uri: [edit]}),
                        is_preferred=True,
                    )
                )
            if state.draft.path is None:
                continue  # an unsaved buffer has no place for an ignore list
            # A finding about the whole letter has no passage: only "disable for this file" fits.
            if rule is None or not rule.letter_level:
                actions.append(
                    _command_action(
                        f"Ignore this occurrence of {f.rule} (kept in .letterlint-ignore.toml)",
                        diag,
                        types.Command(
                            title="Ignore this occurrence",
                            command=CMD_IGNORE,
                            arguments=[uri, f.rule, fingerprint_, f.excerpt[:80]],
                        ),
                    )
                )
            if f.rule not in disabled_offered:
                disabled_offered.add(f.rule)
                actions.append(
                    _command_action(
                        f"Disable {f.rule} for this file",
                        diag,
                        types.Command(
                            title="Disable this rule for this file",
                            command=CMD_DISABLE,
                            arguments=[uri, f.rule],
                        ),
                    )
                )
        return actions

    def _rules_for(self, state: DocState) -> dict[str, Rule]:
        try:
            engine, _, _ = self.context(state.draft.path, state.draft.name)
        except (ConfigError, RuleError, SettingsError):
            return {}
        return engine.ruleset.rules

    def run_ignore(self, args: list[Any], occurrence: bool) -> None:
        from letterlint import ignores

        needed = 3 if occurrence else 2
        if len(args) < needed or not all(isinstance(a, str) for a in args[:needed]):
            raise ValueError(f"expected {needed} string arguments, got {args!r}")
        uri, rule = args[0], args[1]
        path = uri_to_path(uri)
        if path is None:
            raise ValueError("only a saved file can have an ignore list")
        excerpt = args[3] if occurrence and len(args) > 3 and isinstance(args[3], str) else ""
        try:
            target = ignores.add(path, rule, args[2] if occurrence else None, excerpt)
        except ConfigError as exc:
            self._show_once(f"letterlint: {exc}")
            return
        self.ls.window_log_message(
            types.LogMessageParams(
                type=types.MessageType.Info, message=f"letterlint: {rule} recorded in {target}"
            )
        )
        self.relint_all()

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        state = self._state(params.text_document.uri)
        if state is None:
            return None
        offset = state.index.offset(params.position)
        rules = self._rules_for(state)
        hits = [
            f
            for f in state.findings
            if f.span.start <= offset < f.span.end or (f.span.start == f.span.end == offset)
        ]
        if not hits:
            return None
        markdown = self._supports_markdown_hover()
        parts = []
        for f in hits:
            rule = rules.get(f.rule)
            href = self.explanation_uri(rule) if rule else None
            parts.append(hover_text(f, rule, href, markdown))
        first = min(hits, key=lambda f: f.span.start)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
                value="\n\n---\n\n".join(parts) if markdown else "\n\n".join(parts),
            ),
            range=state.index.range(first.span),
        )

    def _supports_markdown_hover(self) -> bool:
        caps = self.ls.client_capabilities
        formats = getattr(
            getattr(getattr(caps, "text_document", None), "hover", None), "content_format", None
        )
        return not formats or types.MarkupKind.Markdown in formats


# -- fixes and explanations ---------------------------------------------------------------


def quick_fixes(
    f: Finding, rule: Rule | None, text: str, sentences: list[Span]
) -> list[tuple[str, Span, str]]:
    """(title, span to replace, new text) for one finding, as the rule's `fix` says:
    `replace-span` calms the flagged words themselves (one mark for stacked `!!!`, ordinary
    case for shouting, else the suggestion), `replace-sentence` puts the suggested wording
    in place of the sentence, `none` offers no edit."""
    fix = rule.fix if rule is not None else "none"
    flagged = text[f.span.start : f.span.end]
    if fix == "replace-span" and flagged:
        if _STACKED.fullmatch(flagged):
            mark = "?" if "?" in flagged else "."
            return [(f"Replace '{flagged}' with '{mark}'", f.span, mark)]
        letters = [c for c in flagged if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            calm = _ordinary_case(flagged)
            return [("Write it in ordinary case", f.span, calm)] if calm != flagged else []
        if f.suggestion:
            return [(f"Replace with “{_short(f.suggestion)}”", f.span, f.suggestion)]
        return []
    if fix == "replace-sentence" and f.suggestion:
        sentence = next((s for s in sentences if s.start <= f.span.start < max(s.end, s.start + 1)), None)
        return [(f"Rewrite the sentence: “{_short(f.suggestion)}”", sentence or f.span, f.suggestion)]
    return []


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def _ordinary_case(text: str) -> str:
    lowered = text.lower()
    lowered = re.sub(r"\bi\b", "I", lowered)  # "i'm" -> "I'm"
    for i, ch in enumerate(lowered):
        if ch.isalpha():
            return lowered[:i] + ch.upper() + lowered[i + 1 :]
    return lowered


# -- entry point ---------------------------------------------------------------------------


def build_parser() -> ArgParser:
    parser = ArgParser(prog="letterlint lsp", description="Language server for letter drafts, over stdio.")
    parser.add_argument(
        "--stdio", action="store_true", help="accepted for clients that pass it (stdio is the default)"
    )
    parser.add_argument("--log-file", type=Path, help="write the server's log here")
    return parser


def main(argv: list[str]) -> int:
    """`letterlint lsp [--log-file FILE]`: serve on stdin/stdout until the client says exit."""
    args = build_parser().parse_args(argv)
    if args.log_file:
        try:
            logging.basicConfig(filename=args.log_file, level=logging.INFO)
        except OSError as exc:
            raise UsageError(f"{args.log_file}: cannot write log: {exc.strerror or exc}") from None
    prepare_for_many_lints()  # the first letter's lint builds the indexes (a second or two)
    server = LetterServer()
    try:
        server.ls.start_io(_CappedStdin(sys.stdin.buffer), sys.stdout.buffer)
    finally:
        server.linter.shutdown(wait=False, cancel_futures=True)
    # The protocol: exit after shutdown is a clean stop (0); exit without it, or the
    # client going away, is an error (1).
    return 0 if server.ls.protocol._shutdown else 1


class _Protocol(LanguageServerProtocol):
    """pygls' protocol, answering requests that come after `shutdown` as the
    specification asks (InvalidRequest) instead of leaving the client waiting."""

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        if self._shutdown and method not in (None, types.EXIT) and msg_id is not None:
            error = JsonRpcInvalidRequest("the server is shutting down; no more requests")
            self._send_response(msg_id, error=error.to_response_error())
            return
        super().handle_message(message)


class _CappedStdin:
    """Standard input for the server with a size limit on every message: a header line is
    read at most 64 KB at a time, and a body over MAX_MESSAGE_BYTES is read in chunks and
    dropped (the server answers nothing to it and goes on) instead of being held in memory."""

    _DROPPED = b'{"jsonrpc": "2.0", "method": "$/letterlint/messageTooLarge"}'

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline(_HEADER_LINE_BYTES)

    def read(self, size: int) -> bytes:
        if size <= MAX_MESSAGE_BYTES:
            return self.stream.read(size)
        log.error("dropped a message of %d bytes (limit %d)", size, MAX_MESSAGE_BYTES)
        left = size
        while left > 0:
            chunk = self.stream.read(min(left, 1024 * 1024))
            if not chunk:
                return b""  # the client went away
            left -= len(chunk)
        return self._DROPPED


def _command_action(title: str, diag: types.Diagnostic, command: types.Command) -> types.CodeAction:
    """A quick fix that runs one of the server's commands (ignore / disable) for a diagnostic."""
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag], command=command
    )
