"""The tree is the architecture: each layer imports only itself and the layers below it, nothing imports
the faces (cli, web), there is no import circle, and only the web layer touches Streamlit."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "dashboard"
BELOW: dict[str, set[str]] = {
    "text": set(),
    "catalog": {"text"},
    "validation": {"text", "catalog"},
    "curation": {"text", "catalog", "validation"},
    "cli": {"text", "catalog", "validation", "curation"},
    "present": {"text", "catalog", "validation"},
    "web": {"text", "catalog", "validation", "curation", "present"},
}
FACES = {"app": {"web"}, "__main__": {"cli"}}
UI_LIBRARIES = {"streamlit"}
HEAVY = {"streamlit", "plotly", "pandas", "numpy"}


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(ROOT).with_suffix("").parts): p for p in PACKAGE.rglob("*.py")}


def imports(path: Path) -> set[str]:
    """Absolute names this file imports (its top-level and function-level imports alike)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = modules()
GRAPH = {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_layer_and_those_below(module: str) -> None:
    layer = layer_of(module)
    allowed = BELOW.get(layer, FACES.get(layer, set())) | {layer}
    upward = sorted(m for m in GRAPH[module] if layer_of(m) not in allowed)
    assert upward == [], f"{module} ({layer}) imports {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_web_layer_imports_streamlit(module: str) -> None:
    used = {name.split(".")[0] for name in imports(MODULES[module])}
    if layer_of(module) in ("web", "app"):
        return
    assert not used & UI_LIBRARIES, f"{module} imports {used & UI_LIBRARIES}"
    if layer_of(module) != "present":  # the pure core and the CLI load no pandas, plotly or numpy either
        assert not used & HEAVY, f"{module} imports {used & HEAVY}"


def test_there_is_no_import_circle() -> None:
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                circle = path[path.index(target) :] + [target]
                pytest.fail("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])


def test_the_readme_layout_names_every_layer_and_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(BELOW), "a new layer needs its place in BELOW and in the README"
    listed = set(re.findall(r"^  (\w+)/ ", layout, re.M))
    assert listed == folders, f"README layout lists {sorted(listed)}, the tree has {sorted(folders)}"
    words = set(re.findall(r"\w+", layout))
    for path in PACKAGE.rglob("*.py"):
        if path.stem != "__init__" and path.parent.name not in ("pages",):
            assert path.stem in words, f"README layout does not name {path}"
