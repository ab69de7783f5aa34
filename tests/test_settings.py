"""One settings resolver: the CLI and the language server give the same findings for the
same file, whatever the current folder and however the path is spelled."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from letterlint.settings import Overrides, SettingsError, resolve_settings
from tests.conftest import decoded
from tests.test_lsp_protocol import LspClient

BEGGING = (
    "Dear Sam,\n\nI'm begging you, please come back to me. I can't live without you.\n"
    "I was wrong and I'm sorry for how I shut you out.\n\nLove,\nJo\n"
)
CONFIG = """profile = "apology"
ignore = ["clarity"]
[per_file_ignores]
"drafts/old-*.txt" = ["desperation"]
"""


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    (folder / "drafts").mkdir(parents=True)
    (folder / ".letterlint.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "drafts" / "old-1.txt").write_text(BEGGING, encoding="utf-8")
    (folder / "to-sam.txt").write_text(BEGGING, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    return folder


Key = tuple[str, int, int, int, int]


def cli_findings(run_cli, cwd: Path, names: list[str]) -> list[tuple[str, list[Key]]]:
    proc = run_cli("--format", "json", "--fail-on", "never", *names, cwd=cwd)
    out, err = decoded(proc)
    assert proc.returncode == 0, err
    files = json.loads(out)["files"]
    return [
        (
            f["profile"],
            sorted(
                (x["rule"], x["line"], x["column"], x["end_line"], x["end_column"]) for x in f["findings"]
            ),
        )
        for f in files
    ]


def lsp_findings(cwd: Path, env: dict[str, str], letter: Path) -> list[Key]:
    client = LspClient(cwd, env)
    try:
        client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        client.notify("initialized", {})
        uri = letter.as_uri()
        text = letter.read_text(encoding="utf-8")
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )
        diagnostics = client.diagnostics(uri, 1)
    finally:
        client.close()
    # ASCII letters: UTF-16 units are code points; LSP is 0-based, the CLI 1-based.
    # A letter's missing parts arrive as one diagnostic on the first line; it names each rule.
    return sorted(
        (
            code,
            d["range"]["start"]["line"] + 1,
            d["range"]["start"]["character"] + 1,
            d["range"]["end"]["line"] + 1,
            d["range"]["end"]["character"] + 1,
        )
        for d in diagnostics
        for code in ((d.get("data") or {}).get("rules") or [d["code"]])
    )


def test_cli_and_lsp_agree_from_every_folder(letters: Path, run_cli, offline_env: dict[str, str]) -> None:
    old, sam = letters / "drafts" / "old-1.txt", letters / "to-sam.txt"
    root = letters.parent
    spellings = {
        root / "elsewhere": [str(old), os.path.relpath(sam, root / "elsewhere")],
        root: ["./letters/drafts/old-1.txt", "letters/to-sam.txt"],
        letters: ["./drafts/old-1.txt", str(sam)],
        letters / "drafts": ["old-1.txt", "../to-sam.txt"],
        Path("/"): [str(old), str(sam)],
    }
    seen = {str(cwd): cli_findings(run_cli, cwd, names) for cwd, names in spellings.items()}
    first = next(iter(seen.values()))
    assert all(found == first for found in seen.values()), seen
    (old_profile, old_found), (sam_profile, sam_found) = first
    assert old_profile == sam_profile == "apology"  # the letters' config, found from their folder
    assert not any(rule.startswith(("desperation/", "clarity/")) for rule, *_ in old_found)
    assert any(rule == "desperation/begging" for rule, *_ in sam_found)  # per_file_ignores: not this one
    assert not any(rule.startswith("clarity/") for rule, *_ in sam_found)

    for cwd in (root / "elsewhere", letters / "drafts"):
        assert lsp_findings(cwd, offline_env, old) == old_found
        assert lsp_findings(cwd, offline_env, sam) == sam_found


def test_resolver_matches_per_file_ignores_relative_to_the_config(letters: Path, tmp_path: Path) -> None:
    old = letters / "drafts" / "old-1.txt"
    for cwd, spelled in (
        (tmp_path, old),
        (letters, Path("drafts/old-1.txt")),
        (letters / "drafts", Path("old-1.txt")),
    ):
        settings = resolve_settings(spelled, cwd=cwd)
        assert settings.relative_name == "drafts/old-1.txt"
        assert settings.config.source is not None and settings.config.source.parent == letters
        assert "desperation" in settings.selection.ignore and settings.profile == "apology"
    plain = resolve_settings(tmp_path / "elsewhere" / "x.txt", cwd=letters)
    assert plain.config.source is None and plain.profile == "reconcile"


def test_overrides_win_and_are_checked(letters: Path) -> None:
    sam = letters / "to-sam.txt"
    settings = resolve_settings(sam, Overrides(profile="general", select=("desperation",), fail_on="warning"))
    assert (settings.profile, settings.selection.select, settings.fail_on) == (
        "general",
        ("desperation",),
        "warning",
    )
    with pytest.raises(SettingsError, match="--select: unknown rule or family 'desparation'"):
        resolve_settings(sam, Overrides(select=("desparation",)))
    with pytest.raises(SettingsError, match="setting 'profile'"):
        resolve_settings(sam, Overrides(profile="nope", origin="setting"))
