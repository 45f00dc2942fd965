"""The shape of the code base (issue 9): the floors import downwards only
(`parsers` -> `normalize` -> `ingest`), and no module imports itself back
through others. Imports are read with `ast`, so lazy imports inside functions
count too: a cycle that only bites at run time is still a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ("parsers", "normalize", "ingest")  # lowest first


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for floor in FLOORS for p in sorted((ROOT / floor).rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports (absolute or relative, at any depth)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import mod` imports the module; `from mod import name`, the module
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `from x import name` names a module or a symbol
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def test_no_import_goes_up_a_floor():
    upward = []
    for name, targets in graph().items():
        mine = FLOORS.index(name.split(".")[0])
        upward += [(name, t) for t in targets if FLOORS.index(t.split(".")[0]) > mine]
    assert not upward, upward


def test_no_import_cycles():
    # Every edge counts, a package's __init__ re-exporting its submodules too: a
    # submodule that imports its own package back is a cycle Python trips over.
    g = graph()
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for target in sorted(g.get(node, ())):
            if state.get(target) == "open":
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = "done"

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_the_walker_sees_relative_lazy_and_upward_imports():
    # guards the test itself against reading nothing
    g = graph()
    assert "normalize.structure.tables" in g["normalize.structure.flow"]  # from .tables import
    assert "normalize.timelines.step" in g["normalize.pipeline"]  # from .timelines import step
    assert "parsers.model" in g["normalize.pipeline"]
    assert any(t.startswith("parsers") for t in g["ingest.batch"])


def test_no_module_is_over_400_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long
