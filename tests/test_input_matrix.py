"""Every row of docs/input-matrix.md as a test through the real CLI (bench/input_matrix.py
builds the inputs): a correct report, or one line on stderr per bad input and exit 2."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _load_matrix():
    spec = importlib.util.spec_from_file_location("input_matrix", ROOT / "bench" / "input_matrix.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["input_matrix"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


matrix = _load_matrix()


@pytest.mark.parametrize("case", matrix.CASES, ids=[c.name for c in matrix.CASES])
def test_input_matrix(case, tmp_path: Path, offline_env: dict[str, str]) -> None:
    try:
        outcome = matrix.run_case(case, tmp_path, offline_env)
    except subprocess.SubprocessError as exc:  # only the permission case sets up the child
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE in this container: {exc}")
    assert matrix.problems(case, outcome) == [], outcome.stderr
    if outcome.code == 2:
        # One line per problem, each naming what went wrong; never a traceback.
        for line in outcome.stderr.splitlines():
            assert line.startswith("letterlint: "), line


def test_matrix_document_is_current() -> None:
    """docs/input-matrix.md lists every case (regenerate with bench/input_matrix.py --write)."""
    text = (ROOT / "docs" / "input-matrix.md").read_text(encoding="utf-8")
    for case in matrix.CASES:
        assert any(f"| {case.name} | {code} |" in text for code in matrix.expected_exits(case)), case.name
