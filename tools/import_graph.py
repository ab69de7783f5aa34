"""The import graph of the letterlint package, from its source (nothing is imported).

    python tools/import_graph.py          # edges, front ends and cycles, as text
    python tools/import_graph.py --dot    # Graphviz dot

Every `import letterlint...` / `from letterlint... import` counts, at module level or
inside a function: a lazy import is still a dependency. Imports under `if TYPE_CHECKING:`
never run, so they are annotations, not dependencies, and do not count. tests/test_architecture.py uses
the same graph to fail on a cycle or on a front end importing another.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "letterlint"
# The faces of letterlint: each is one or more modules, and none may import another's.
FRONT_ENDS = {
    "cli": ("letterlint.cli", "letterlint.ignore_command"),
    "lsp": ("letterlint.lsp",),
    "batch": ("letterlint.batch",),
    "serve": ("letterlint.serve", "letterlint.server", "letterlint.web"),
}
# The `letterlint` command itself: it hands `letterlint lsp` to the server and the rest to the CLI.
LAUNCHERS = ("letterlint.main", "letterlint.__main__")


def module_name(path: Path) -> str:
    parts = ["letterlint", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, known: set[str]) -> str | None:
    """The known module an imported name belongs to (letterlint.report.view.x -> ...view)."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    edges: dict[str, set[str]] = {name: set() for name in found}
    for name, path in found.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        typing_only = {
            id(inner)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for stmt in block.body
            for inner in ast.walk(stmt)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from pkg import submodule` depends on the submodule; `from mod import name` on mod
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            for target in targets:
                if not target.startswith("letterlint"):
                    continue
                hit = _resolve(target, known)
                if hit and hit != name:
                    edges[name].add(hit)
    return edges


def front_end_of(module: str) -> str | None:
    for face, names in FRONT_ENDS.items():
        if any(module == n or module.startswith(n + ".") for n in names):
            return face
    return None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(1000, 10 * len(edges)))
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def crossings(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(importer, imported) pairs where a front end is imported by another front end or by
    the engine (anything but the launcher)."""
    bad = []
    for source, targets in sorted(edges.items()):
        if source in LAUNCHERS:
            continue
        face = front_end_of(source)
        for target in sorted(targets):
            other = front_end_of(target)
            if other is not None and other != face:
                bad.append((source, target))
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dot", action="store_true", help="Graphviz dot instead of text")
    args = parser.parse_args()
    edges = graph()
    short = {name: name.removeprefix("letterlint.") for name in edges}
    if args.dot:
        print("digraph letterlint {\n  rankdir=LR;")
        for source, targets in sorted(edges.items()):
            shape = " [shape=box, style=bold]" if front_end_of(source) else ""
            print(f'  "{short[source]}"{shape};')
            for target in sorted(targets):
                print(f'  "{short[source]}" -> "{short[target]}";')
        print("}")
        return 0
    for face, names in FRONT_ENDS.items():
        present = [n for n in names if n in edges]
        if present:
            deps = sorted({short[t] for n in present for t in edges[n]})
            print(f"front end {face} ({', '.join(short[n] for n in present)}) -> {', '.join(deps)}")
    print()
    for source, targets in sorted(edges.items()):
        if not front_end_of(source):
            print(f"{short[source]} -> {', '.join(sorted(short[t] for t in targets)) or '(nothing)'}")
    found = cycles(edges)
    print()
    print(f"cycles: {found or 'none'}")
    print(f"front end importing another: {crossings(edges) or 'none'}")
    return 1 if found or crossings(edges) else 0


if __name__ == "__main__":
    sys.exit(main())
