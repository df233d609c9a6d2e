"""Finds every message id the Qt-free code hands to tr()/Message()/problem() (shared by tests and tools)."""

from __future__ import annotations

import ast
from pathlib import Path

import ombudscompare

PACKAGE = Path(ombudscompare.__file__).parent
_FIRST_ARG = {"tr", "Message", "translate", "N_"}
_SECOND_ARG = {"problem"}
_THIRD_ARG = {"single"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def message_ids(root: Path = PACKAGE) -> dict[str, str]:
    """msgid → 'file:line' of its first use, for every literal message id in the package."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            literal = None
            if isinstance(node, ast.Call):
                name = _name(node.func)
                index = 0 if name in _FIRST_ARG else 1 if name in _SECOND_ARG else 2 if name in _THIRD_ARG else None
                if index is not None and len(node.args) > index:
                    arg = node.args[index]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        literal = arg.value
            if literal is not None:
                found.setdefault(literal, f"{path.relative_to(root)}:{node.lineno}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_REASONS" for t in node.targets):
                for value in node.value.values:
                    found.setdefault(value.value, f"{path.relative_to(root)}:{value.lineno}")
            names = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
            if isinstance(node, ast.Assign) and any(n == "known" or n.endswith(("_NAMES", "_TEXTS")) for n in names):
                values = node.value.values if isinstance(node.value, ast.Dict) else getattr(node.value, "elts", [])
                if values:
                    for value in values:
                        if isinstance(value, ast.Constant):
                            found.setdefault(value.value, f"{path.relative_to(root)}:{value.lineno}")
    return found


if __name__ == "__main__":
    import json
    import sys

    from ombudscompare.i18n import catalogue

    have = catalogue("nl")
    missing = {k: v for k, v in message_ids().items() if k not in have}
    json.dump({k: "" for k in missing}, sys.stdout, ensure_ascii=False, indent=2)
