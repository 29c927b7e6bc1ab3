"""The packages form a line: no import cycle between them, and no stage imports the pipeline that runs it."""

from __future__ import annotations

import ast
from pathlib import Path

import pantau

ROOT = Path(pantau.__file__).parent
# Modules that drive the stages; nothing below them may import them.
DRIVERS = frozenset({"pantau.pipeline", "pantau.batch", "pantau.bench", "pantau.cli", "pantau.api", "pantau.web"})
STAGES = ("pantau.ingest", "pantau.text", "pantau.extract", "pantau.merge", "pantau.geo", "pantau.lang")


def _unit(module: str) -> str:
    """A module's package-level unit: pantau.merge.where -> pantau.merge; pantau.pipeline stays."""
    return ".".join(module.split(".")[:2])


def _graph() -> dict[str, set[str]]:
    """Edges between the package-level units of src/pantau, from every import statement (TYPE_CHECKING too)."""
    edges: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        src = _unit(".".join(parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                if name.startswith("pantau.") and _unit(name) != src:
                    edges.setdefault(src, set()).add(_unit(name))
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of units, or None."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(v: str) -> list[str] | None:
        state[v] = 1
        path.append(v)
        for w in sorted(edges.get(v, ())):
            if state.get(w) == 1:
                return [*path[path.index(w):], w]
            if w not in state and (found := visit(w)):
                return found
        path.pop()
        state[v] = 2
        return None

    for v in sorted(edges):
        if v not in state and (found := visit(v)):
            return found
    return None


def test_no_import_cycle_between_packages() -> None:
    assert _cycle(_graph()) is None, " -> ".join(_cycle(_graph()) or [])


def test_no_stage_imports_a_driver() -> None:
    edges = _graph()
    bad = {(s, d) for s in STAGES for d in edges.get(s, ()) if d in DRIVERS}
    assert not bad, bad


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
