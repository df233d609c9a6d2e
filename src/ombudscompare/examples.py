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


def blank_project(lang: str = "nl") -> Project:
    """A fresh start: two options to fill in and the five criteria of the design card at 20 % each.

    No scores: the options are ranked once someone has judged them on every quality.
    """
    from .core.model import Criterion, CriterionKind, Direction, LocalText, Municipality, Option

    def text(nl: str, en: str) -> LocalText:
        return LocalText({"nl": nl, "en": en})

    project = Project(municipality=Municipality("Gemeente" if lang == "nl" else "Municipality", 50_000, 50,
                                                          2026))
    project.options = [
        Option("option1", text("Mogelijkheid A", "Option A")),
        Option("option2", text("Mogelijkheid B", "Option B")),
    ]
    project.criteria = [
        Criterion("cost_per_inhabitant", text("Kosten per inwoner", "Cost per inhabitant"),
                  CriterionKind.COST_PER_INHABITANT, Direction.LOWER, 0.0, 0.5, 20),
        Criterion("surcharge_per_extra_complaint", text("Naheffing per extra klacht", "Surcharge per extra complaint"),
                  CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT, Direction.LOWER, 0.0, 1000.0, 20),
        Criterion("independence", text("Onafhankelijkheid", "Independence"), CriterionKind.SCALE, weight=20),
        Criterion("local_involvement", text("Lokale betrokkenheid", "Local involvement"), CriterionKind.SCALE,
                  weight=20),
        Criterion("learning_capacity", text("Lerend vermogen", "Learning capacity"), CriterionKind.SCALE, weight=20),
    ]
    return project
