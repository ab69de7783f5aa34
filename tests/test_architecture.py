"""The shape of the package: no import cycles, and the faces (cli, lsp, batch, serve) use the
engine and the settings resolver, never each other. The graph is read from the source by
tools/import_graph.py (lazy imports inside functions count too)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import ROOT


def _graph_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools" / "import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module
    spec.loader.exec_module(module)
    return module


TOOL = _graph_tool()


def test_no_import_cycles() -> None:
    assert TOOL.cycles(TOOL.graph()) == []


def test_front_ends_never_import_each_other() -> None:
    edges = TOOL.graph()
    assert TOOL.crossings(edges) == []
    for face in ("letterlint.cli", "letterlint.lsp", "letterlint.batch"):
        assert face in edges, f"{face} is missing from the graph"
    # Each face reaches the engine through the one resolver.
    for face in ("letterlint.cli", "letterlint.lsp", "letterlint.batch"):
        assert "letterlint.settings" in edges[face]
    assert "letterlint.settings" in edges["letterlint.ignore_command"]
    assert "letterlint.settings" in edges["letterlint.serve.service"]


def test_the_checks_catch_what_they_are_for() -> None:
    """The checks fail on a planted cycle and on a planted crossing."""
    planted = {
        "letterlint.nlp": {"letterlint.hyphenation"},
        "letterlint.hyphenation": {"letterlint.nlp"},
        "letterlint.batch": {"letterlint.cli"},
        "letterlint.cli": set(),
        "letterlint.engine": {"letterlint.lsp"},
        "letterlint.lsp": set(),
    }
    assert TOOL.cycles(planted) == [["letterlint.hyphenation", "letterlint.nlp"]]
    assert TOOL.crossings(planted) == [
        ("letterlint.batch", "letterlint.cli"),
        ("letterlint.engine", "letterlint.lsp"),
    ]


def test_lazy_imports_are_edges() -> None:
    edges = TOOL.graph()
    # letterlint.runner imports drafts inside a function: still an edge
    assert "letterlint.drafts" in edges["letterlint.runner"]


def test_reports_render_results_only() -> None:
    """report/ renders LintResults: it never re-reads the letter or the rule packs."""
    edges = TOOL.graph()
    for module, targets in edges.items():
        if module.startswith("letterlint.report"):
            assert not targets & {"letterlint.document", "letterlint.rulepack", "letterlint.engine"}, module
