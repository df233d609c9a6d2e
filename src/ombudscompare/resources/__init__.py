"""Data files shipped with the package, read the same way from a checkout, an editable install or a wheel."""

from __future__ import annotations

from importlib import resources
from typing import Any


def _node(name: str) -> Any:  # an importlib Traversable
    node = resources.files(__name__)
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def read_text(name: str) -> str:
    """The UTF-8 text of resource `name` (a path relative to this package, with '/')."""
    return str(_node(name).read_text(encoding="utf-8"))


def read_bytes(name: str) -> bytes:
    """The bytes of resource `name`, e.g. 'icons/ombudscompare-48.png'."""
    return bytes(_node(name).read_bytes())
