"""The package's layers, as docs/architecture.md describes them, checked from the import statements.

Each module may import from its own layer and the layers below it, never
from a layer above; no two modules import each other, directly or round a
circle; no source file grows past 400 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lintnews"

# Lowest first. A module's layer is its first folder (or its own name) under lintnews/.
LAYERS = {
    "version": 0, "errors": 0, "findings": 0,
    "read": 1,
    "rules": 2,
    "run": 3,
    "report": 4,
    "api": 5,
    "__init__": 6, "cli": 6, "__main__": 7,
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The lintnews modules that ``name`` imports (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [f"{target}.{alias.name}" for alias in node.names] + [target]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        for candidate in candidates:
            if candidate in MODULES:
                found.add(candidate)
                break
    found.discard(name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    parts = name.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_has_a_layer():
    assert all(_layer(name) is not None for name in MODULES)


def test_no_import_runs_up_a_layer():
    upward = [f"{a} -> {b}" for a, targets in GRAPH.items() for b in targets
              if b != "lintnews" and _layer(b) > _layer(a)]
    upward += [f"{a} -> lintnews" for a, targets in GRAPH.items() if "lintnews" in targets and _layer(a) < 6]
    assert upward == []


def test_no_import_circle():
    circles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name, path):
        state[name] = 1
        for nxt in sorted(GRAPH[name]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_no_source_file_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES.values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_checker_sees_imports():
    # The checks above mean something only if imports are found and resolved.
    assert "lintnews.rules.base" in GRAPH["lintnews.rules.kinds.existence"]
    assert "lintnews.read.document" in GRAPH["lintnews.rules.base"]
    assert "lintnews.run.selection" in GRAPH["lintnews.run.session"]


def test_each_kind_is_found_under_its_own_name():
    from lintnews.rules.registry import registry

    kinds = registry()
    assert len(kinds) >= 15
    for name, cls in kinds.items():
        assert cls.__module__ == "lintnews.rules.kinds." + name.replace("-", "_")
        assert cls.__name__ == "".join(word.capitalize() for word in name.split("-"))
        assert cls.summary and all(opt.help for opt in cls.OPTIONS.values()), f"{name}: a key without help"
