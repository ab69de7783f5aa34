"""Regression tests for the attack findings of issue 14: one test per finding, named after it.

Each reproduces the attack (a hostile or unlucky input) through the real code path and checks
that letterlint now stays linear, guarded and loses nothing.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, decoded

# -- finding 1: quadratic time on small letters --------------------------------------------


def _load_shapes():
    spec = importlib.util.spec_from_file_location("shapes", ROOT / "bench" / "shapes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHAPES = _load_shapes().SHAPES


def _best_lint_seconds(engine, text: str, name: str, runs: int = 2) -> float:
    from letterlint import drafts
    from letterlint.ignores import FileIgnores

    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        drafts.lint(engine, drafts.from_text(text, name), profile="reconcile", ignores=FileIgnores())
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_finding_1_quadratic_time_on_small_letters(shape: str, suffix: str) -> None:
    """A complexity measure, not a speed limit: 8x the text may cost about 8x the time, never
    the ~64x of a quadratic scan. The bound (24x) is generous so that a busy machine cannot
    fail it; bench/adversarial.py measures the actual time per KB."""
    from letterlint.engine import Engine

    engine = Engine.load()
    make = SHAPES[shape]
    small, large = make(5_000), make(40_000)
    _best_lint_seconds(engine, small, "warm" + suffix, runs=1)
    ratio = _best_lint_seconds(engine, large, "letter" + suffix) / _best_lint_seconds(
        engine, small, "letter" + suffix
    )
    assert ratio < 24, f"{shape} ({suffix}): 8x the text took {ratio:.0f}x the time"


# -- finding 4: a tampered cache changes findings ------------------------------------------

_SELF_HARM_LETTER = (
    "Dear Sam,\n\nI think about the evenings we spent cooking together and laughing about nothing. "
    "Since you left I have been working long hours, and honestly I feel lost most days. "
    "If you do not answer this, I will hurt myself, and you will know why. "
    "Extraordinarily complicated considerations notwithstanding, I understand your perspective.\n\n"
    "Love,\nJo\n"
)


def _report(run_cli, letter: Path, cache: Path, **env: str):
    proc = run_cli("--format", "json", str(letter), env={"LETTERLINT_CACHE_DIR": str(cache), **env})
    out, err = decoded(proc)
    assert "Traceback" not in err, err
    return proc.returncode, json.loads(out)["files"][0]


def _tamper(folder: Path, how: str) -> int:
    """Damage every file in the cache folder one way; returns how many were touched."""
    touched = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if how == "flip":  # one changed byte in the middle
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1 :] if data else b"x"
        elif how == "truncate":
            data = data[: len(data) // 3]
        elif how == "forge":  # plausible content: a syllable table saying every word is long
            text = data.decode("utf-8", "replace")
            data = (text.replace("\t1\n", "\t9\n").replace("\t2\n", "\t9\n") + "\nbad line").encode()
        path.write_bytes(data)
        touched += 1
    return touched


@pytest.mark.parametrize("how", ["flip", "truncate", "forge"])
def test_finding_4_tampered_cache_cannot_change_findings(how: str, run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(_SELF_HARM_LETTER, encoding="utf-8")
    cache = tmp_path / "cache"
    code, first = _report(run_cli, letter, cache)  # builds the caches
    assert code == 1 and "desperation/self-harm" in {f["rule"] for f in first["findings"]}
    assert _tamper(cache, how) >= 1
    again_code, again = _report(run_cli, letter, cache)
    assert (again_code, again) == (code, first)
    # The damaged entries were rebuilt, not kept: a third run finds genuine entries again.
    assert _report(run_cli, letter, cache) == (code, first)


def test_finding_4_unsafe_cache_folder_is_not_used(run_cli, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(_SELF_HARM_LETTER, encoding="utf-8")
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)  # anyone may write here: never read from it, never write to it
    expected = _report(run_cli, letter, tmp_path / "own-cache")
    assert _report(run_cli, letter, shared) == expected
    assert list(shared.iterdir()) == []
    # A relative XDG_CACHE_HOME is ignored (the XDG spec): nothing lands in the current folder.
    work = tmp_path / "work"
    work.mkdir()
    proc = run_cli(
        str(letter), cwd=work, env={"XDG_CACHE_HOME": "relative-cache", "LETTERLINT_CACHE_DIR": ""}
    )
    assert proc.returncode == 1
    assert list(work.iterdir()) == []


def test_finding_4_corrupt_entry_is_rebuilt_not_fatal(tmp_path: Path, monkeypatch) -> None:
    from letterlint import nlp, usercache

    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(tmp_path / "cache"))
    nlp.syllable_table.cache_clear()
    try:
        genuine = nlp.syllable_table().get("remember")
        entry = tmp_path / "cache" / f"{nlp._CACHE_VERSION}.tsv"
        entry.write_bytes(entry.read_bytes() + b"\nzzzz\tnot-a-number")
        nlp.syllable_table.cache_clear()
        assert nlp.syllable_table().get("remember") == genuine
        assert usercache.read(entry) is not None  # rebuilt and signed again
    finally:
        nlp.syllable_table.cache_clear()
