"""The architecture holds: the core, the file formats and the command line never load Qt."""

import subprocess
import sys

PROBE = (
    "import sys\n"
    "import ombudscompare.core.scoring, ombudscompare.core.edits, ombudscompare.core.whatif\n"
    "import ombudscompare.formats.project_file, ombudscompare.cli.main, ombudscompare.explain.values\n"
    "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))))\n"
)


def test_qt_free_layers_load_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# What each part of the package may import (besides itself): the house shows its shape — a Qt-free core under
# explanations and file formats, commands over both, the window and the command line on top.
ALLOWED = {
    "resources": set(),
    "i18n": {"resources"},
    "core": {"i18n"},
    "explain": {"core", "i18n"},
    "formats": {"core", "explain", "i18n"},
    "commands": {"core", "explain", "i18n"},
    "examples": {"core", "formats", "resources"},
    "ui": {"commands", "core", "examples", "explain", "formats", "i18n", "resources", "package"},
    "cli": {"core", "examples", "explain", "formats", "i18n", "ui", "selftest", "package"},
    "selftest": {"core", "examples", "explain", "formats", "i18n", "ui"},
    "__main__": {"cli"},
    "package": set(),
}


def _imports():
    """module → the package's modules it imports at run time (imports under `if TYPE_CHECKING:` do not count)."""
    import ast
    from pathlib import Path

    import ombudscompare

    root = Path(ombudscompare.__file__).parent
    modules = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path

    def typing_only(tree):
        skip = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip |= {id(n) for child in node.body for n in ast.walk(child)}
        return skip

    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        skip = typing_only(tree)
        found = set()
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                targets = [f"{target}.{a.name}" if f"{target}.{a.name}" in modules else target for a in node.names]
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "package"


def test_no_import_cycles():
    graph = _imports()
    index, low, stack, on, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_no_part_imports_upwards():
    wrong = sorted(f"{module} imports {target}" for module, targets in _imports().items() for target in targets
                   if _part(target) != _part(module) and _part(target) not in ALLOWED[_part(module)])
    assert wrong == []
