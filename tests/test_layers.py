"""The stages import only earlier stages, and no module imports itself round a loop."""

from __future__ import annotations

from pathlib import Path

import grimp

from generator.model import KINDS

TOP_LEVEL_LIMIT = 8


def _cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = {stack.pop()}
            while module not in group:
                group.add(stack.pop())
            if len(group) > 1:
                found.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_between_modules() -> None:
    assert _cycles(grimp.build_graph("generator")) == []


def test_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y"):
        graph.add_module(name)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.x")
    assert _cycles(graph) == [{"a.x", "a.y"}]


def test_few_modules_at_the_top_of_the_package(repo: Path) -> None:
    top = [p.name for p in (repo / "generator").glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= TOP_LEVEL_LIMIT, sorted(top)


def test_the_registry_models_live_in_the_model_stage() -> None:
    assert all(kind.model.__module__.startswith("generator.model.") for kind in KINDS)
