"""Adding and removing options and criteria from the window, each one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from ..core import edits
from ..core.model import Criterion, CriterionKind, Direction, LocalText
from ..i18n import language, tr

NEW_KIND_NAMES = {
    CriterionKind.SCALE: "Scale 1–5 (a quality)",
    CriterionKind.NUMBER: "Number you enter",
    CriterionKind.COST_PER_INHABITANT: "Cost per inhabitant (from the tariffs)",
    CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT: "Surcharge per extra complaint (from the tariffs)",
    CriterionKind.ANNUAL_COST: "Annual cost (from the tariffs)",
}
_NEW_LEVELS = {
    CriterionKind.COST_PER_INHABITANT: (0.0, 0.5),
    CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT: (0.0, 1000.0),
    CriterionKind.ANNUAL_COST: (0.0, 100_000.0),
    CriterionKind.NUMBER: (100.0, 0.0),
}



class StructureEditor:
    """Knows which option or criterion is selected and puts new ones where the user will edit them."""

    def __init__(self, window):
        self.window = window

    def add_option(self) -> None:
        project = self.window.document.project
        number = len(project.options) + 1
        edit = edits.add_option(project, LocalText({"nl": f"Nieuwe mogelijkheid {number}",
                                                    "en": f"New option {number}"}))
        self.window.document.apply(edit, tr("Add option"))
        self.window.tabs.setCurrentIndex(0)
        self.window.tariff_view.setCurrentIndex(self.window.tariff_model.index(0, edit.index))
        self.window.tariff_view.setFocus()

    def remove_option(self) -> None:
        project = self.window.document.project
        if len(project.options) <= 1:
            return
        view = self.window.tariff_view if self.window.tabs.currentIndex() != 2 else self.window.scores_view
        column = view.currentIndex().column() if view.currentIndex().isValid() else len(project.options) - 1
        option = project.options[column]
        self.window.document.apply(edits.remove_option(project, option.id),
                            tr("Remove option {name}", name=option.name.get(language())))

    def add_criterion(self, kind: CriterionKind = CriterionKind.SCALE) -> None:
        project = self.window.document.project
        number = len(project.criteria) + 1
        best, worst = _NEW_LEVELS.get(kind, (None, None))
        direction = Direction.LOWER if kind.computed else Direction.HIGHER
        criterion = Criterion("new", LocalText({"nl": f"Nieuw criterium {number}", "en": f"New criterion {number}"}),
                              kind, direction, best, worst, weight=0.0)
        edit = edits.add_criterion(project, criterion)
        self.window.document.apply(edit, tr("Add criterion"))
        self.window.tabs.setCurrentIndex(1)
        self.window.criteria_view.setCurrentIndex(self.window.criteria_model.index(edit.index, 0))
        self.window.criteria_view.setFocus()

    def remove_criterion(self) -> None:
        project = self.window.document.project
        if len(project.criteria) <= 1:
            return
        row = self._selected_row(self.window.criteria_view)
        criterion = project.criteria[row if row is not None else len(project.criteria) - 1]
        self.window.document.apply(edits.remove_criterion(project, criterion.id),
                            tr("Remove criterion {name}", name=criterion.name.get(language())))

    @staticmethod
    def _selected_row(view: QTableView) -> int | None:
        index = view.currentIndex()
        return index.row() if index.isValid() else None
