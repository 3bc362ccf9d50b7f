"""The source tree is the architecture: each layer imports only the layers beneath it.

Every ``import`` in the package is read with :mod:`ast`, those inside functions
too (commands import their modules lazily), and checked against the table below,
the same table that ``docs/arkkitehtuuri.md`` draws.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "tavoitteet"

# What each layer may import from the package; "" is the top level (cli.py, errors.py, launch.py …).
ALLOWED: dict[str, set[str]] = {
    "core": {"core", "words.i18n"},
    "words": {"core", "words"},
    "files": {"core", "words", "files"},
    "render": {"core", "words", "render"},
    "importing": {"core", "words", "files", "importing"},
    "commands": {"core", "words", "files", "render", "importing", "commands", "errors"},
    "": {"*"},
}
# Libraries that belong to the edges: the terminal, the command line, the YAML reader, processes.
EDGE_LIBRARIES: dict[str, set[str]] = {
    "core": {"rich", "typer", "click", "yaml", "subprocess", "shutil", "tempfile", "openpyxl", "docx"},
    "words": {"rich", "typer", "click", "yaml", "subprocess", "shutil", "tempfile"},
    "render": {"typer", "click", "yaml", "subprocess", "shutil", "tempfile"},
}


def layer_of(module: str) -> str:
    """``tavoitteet.core.model`` → ``core``; a top-level module → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """Every module ``source`` imports, with its line: absolute names, relative ones resolved."""
    found: list[tuple[int, str]] = []
    package = module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], base]).strip(".")
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            found.append((node.lineno, base))
    return found


def violations(source: str, module: str) -> list[str]:
    """The imports of ``module`` that its layer does not allow."""
    layer = layer_of(module)
    allowed = ALLOWED.get(layer, set())
    wrong = []
    for line, name in imported_modules(source, module):
        top = name.split(".")[0]
        if top in EDGE_LIBRARIES.get(layer, set()):
            wrong.append(f"{module}:{line} imports {name}")
        if top != "tavoitteet" or "*" in allowed or name == "tavoitteet":
            continue
        target = name.split(".")[1]
        sub = ".".join(name.split(".")[1:3])
        if not (target in allowed or sub in allowed):
            wrong.append(f"{module}:{line} imports {name}")
    return wrong


def _modules() -> list[tuple[str, Path]]:
    return [
        ("tavoitteet." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts), path)
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_every_module_imports_only_the_layers_beneath_it() -> None:
    wrong = [v for module, path in _modules() for v in violations(path.read_text(encoding="utf-8"), module)]
    assert wrong == []


def test_every_module_of_the_package_is_in_a_known_layer() -> None:
    unknown = {layer_of(module) for module, _ in _modules()} - set(ALLOWED)
    assert unknown == set()


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("tavoitteet.core.evaluation", "from tavoitteet.files.loader import load_file\n"),
        ("tavoitteet.core.model", "def f():\n    from tavoitteet.commands import status\n"),
        ("tavoitteet.core.values", "import rich.text\n"),
        ("tavoitteet.words.labels", "from tavoitteet.render.status import view\n"),
        ("tavoitteet.render.status", "from tavoitteet.files import discovery\n"),
        ("tavoitteet.render.status", "from ..files import discovery\n"),
        ("tavoitteet.core.checks", "from tavoitteet import cli\n"),
    ],
)
def test_a_wrong_import_is_found(module: str, source: str) -> None:
    assert violations(source, module)


def import_graph() -> dict[str, set[str]]:
    """Which modules of the package each module imports (at the top, inside functions or for typing)."""
    modules = {module.removesuffix(".__init__"): path for module, path in _modules()}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        # A package's own relative imports start from the package itself.
        relative_to = f"{module}.__init__" if path.name == "__init__.py" else module
        named = {name for _, name in imported_modules(path.read_text(encoding="utf-8"), relative_to)}
        graph[module] = {name for name in named if name in modules and name != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round about (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_modules_import_each_other() -> None:
    assert cycles(import_graph()) == []


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_architecture_document_names_every_layer_folder() -> None:
    text = (REPO_ROOT / "docs" / "arkkitehtuuri.md").read_text(encoding="utf-8")
    for layer in ALLOWED:
        if layer:
            assert f"{layer}/" in text, layer
