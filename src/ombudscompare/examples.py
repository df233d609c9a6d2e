"""The built-in example projects, shipped as resources in the project-file format."""

from __future__ import annotations

from .core.model import Project
from .formats.project_file import parse_project
from .resources import read_text

HAARLEM_2018 = "haarlem-2018.json"


def haarlem_2018_text() -> str:
    """The Haarlem 2018 case exactly as shipped (a valid project file)."""
    return read_text(HAARLEM_2018)


def haarlem_2018() -> Project:
    """The Haarlem 2018 case from the memo's comparison table (seed 003)."""
    return parse_project(haarlem_2018_text(), HAARLEM_2018)
