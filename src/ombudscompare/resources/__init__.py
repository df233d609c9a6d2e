"""Data files shipped with the package, read the same way from a checkout, an editable install or a wheel."""

from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str:
    """The UTF-8 text of resource `name` (a path relative to this package, with '/')."""
    node = resources.files(__name__)
    for part in name.split("/"):
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")
