"""Open whatever the user points at: a project file, or a workbook this program exported."""

from __future__ import annotations

import os

from ..core.model import Project
from .errors import Problem
from .project_file import load_project


def is_workbook(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith((".xlsx", ".xlsm"))


def load_any(path: str | os.PathLike[str], dropped: list[Problem] | None = None,
             typed: list[Problem] | None = None) -> Project:
    """A project from a .json project file or an exported .xlsx workbook; FileError otherwise. A project file's
    fields of a newer version that no file could hold again are left out and listed in `dropped`; a workbook's
    cells that it computes but that now hold a typed figure are not read and are listed in `typed`."""
    if is_workbook(path):
        from .workbook import load_workbook_project

        return load_workbook_project(path, typed)
    return load_project(path, dropped)
