"""The layout holds: imports only run down the pipeline (extract < warehouse < baocao) and never in a circle.

Each module's project imports are read with `ast` (lazy imports inside functions included), so a shortcut
taken inside a function body is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extract", "warehouse", "baocao")

# Rank of each room: a module may import its own rank or lower ranks, never a higher one.
LAYERS = [
    ("extract.model", 0),
    ("extract.settings", 0),
    ("extract.catalog", 0),
    ("extract.pattern_cache", 0),
    ("extract.language", 1),
    ("extract.readers", 2),
    ("extract.figures.measures", 3),
    ("extract.figures", 3),
    ("extract.tasks", 3),
    ("extract.metadata", 3),
    ("extract.pipeline", 4),
    ("extract", 4),  # the package itself (its __init__)
    ("warehouse.load", 5),
    ("warehouse.task_keys", 5),
    ("warehouse.findings", 5),
    ("warehouse.families", 5),
    ("warehouse.remove", 5),
    ("warehouse.suppressions", 5),
    ("warehouse", 6),  # batch runner and everything that reads the warehouse
    ("baocao", 7),
]
# Rooms that read the warehouse take nothing from the figure stage (they read what it stored).
FORBIDDEN = {
    "warehouse.diff": ("extract.figures",),
    "warehouse.report": ("extract.figures",),
    "warehouse.export": ("extract.figures",),
    "warehouse.api": ("extract.figures",),
}


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _modules(root: Path) -> dict[str, Path]:
    return {_module_name(p, root): p for pkg in PACKAGES for p in (root / pkg).rglob("*.py")}


def project_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `path` imports; `from pkg import sub` names the submodule when it is one."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.split(".")[0] not in PACKAGES:
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in modules else node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; the layout uses absolute imports")
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] in PACKAGES}
    return out


def rank(module: str) -> int:
    best = None
    for prefix, r in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, r)
    if best is None:
        raise AssertionError(f"{module} is in no layer of tests/test_layout.py: place it")
    return best[1]


def layout_problems(root: Path) -> list[str]:
    modules = _modules(root)
    graph = {m: project_imports(p, modules) for m, p in modules.items()}
    problems = []
    for mod, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if rank(dep) > rank(mod):
                problems.append(f"upward import: {mod} (layer {rank(mod)}) imports {dep} (layer {rank(dep)})")
            for banned in FORBIDDEN.get(mod, ()):
                if dep == banned or dep.startswith(banned + "."):
                    problems.append(f"forbidden import: {mod} reads the warehouse and imports {dep}")
    # circles: depth-first search over module edges (a package's __init__ is a module of its own)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if d not in graph:
                continue
            if state.get(d) == 1:
                problems.append("circle: " + " -> ".join(stack[stack.index(d) :] + [d]))
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    return problems


def test_imports_run_down_the_pipeline_without_circles():
    assert layout_problems(ROOT) == []


def test_every_module_has_a_layer():
    for module in _modules(ROOT):
        rank(module)  # raises for a module outside every room


def _copy_tree(tmp_path: Path) -> Path:
    for pkg in PACKAGES:
        for p in (ROOT / pkg).rglob("*.py"):
            dst = tmp_path / p.relative_to(ROOT)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "module, line, expected",
    [
        ("extract/readers/docx_reader.py", "from extract.figures import extract_figures", "upward import"),
        ("extract/pipeline.py", "from warehouse.load import connect", "upward import"),
        ("warehouse/report.py", "from extract.figures.rules import rules", "forbidden import"),
        ("extract/language/numbers.py", "from extract.language.headings import heading_level", "circle"),
    ],
)
def test_the_check_fails_on_an_upward_import_or_a_circle(tmp_path, module, line, expected):
    root = _copy_tree(tmp_path)
    path = root / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    if expected == "circle":
        # make the reverse edge too, so the two language modules import each other
        other = root / "extract/language/headings.py"
        other.write_text(other.read_text(encoding="utf-8") + "\nfrom extract.language.numbers import find_numbers\n")
    problems = layout_problems(root)
    assert any(p.startswith(expected) for p in problems), problems
