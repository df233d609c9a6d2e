"""Adding and removing options and criteria from the window, each one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from .. import commands
from ..core.model import CriterionKind
from .tabs import EditTab

NEW_KIND_NAMES = {
    CriterionKind.SCALE: "Scale 1–5 (a quality)",
    CriterionKind.NUMBER: "Number you enter",
    CriterionKind.COST_PER_INHABITANT: "Cost per inhabitant (from the tariffs)",
    CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT: "Surcharge per extra complaint (from the tariffs)",
    CriterionKind.ANNUAL_COST: "Annual cost (from the tariffs)",
}



class StructureEditor:
    """Knows which option or criterion is selected and puts new ones where the user will edit them."""

    def __init__(self, window):
        self.window = window

    def add_option(self) -> None:
        project = self.window.document.project
        self.window.document.run(commands.add_option(project))
        self.window.show_edit_tab(EditTab.COSTS)
        self.window.tariff_view.setCurrentIndex(self.window.tariff_model.index(0, len(project.options) - 1))
        self.window.tariff_view.setFocus()

    def remove_option(self) -> None:
        project = self.window.document.project
        view = self.window.tariff_view if self.window.edit_tab() is not EditTab.SCORES else self.window.scores_view
        column = view.currentIndex().column() if view.currentIndex().isValid() else len(project.options) - 1
        option = project.options[column]
        self.window.document.attempt(lambda: commands.remove_option(project, option.id))

    def add_criterion(self, kind: CriterionKind = CriterionKind.SCALE) -> None:
        project = self.window.document.project
        self.window.document.run(commands.add_criterion(project, kind))
        self.window.show_edit_tab(EditTab.CRITERIA)
        self.window.criteria_view.setCurrentIndex(self.window.criteria_model.index(len(project.criteria) - 1, 0))
        self.window.criteria_view.setFocus()

    def remove_criterion(self) -> None:
        project = self.window.document.project
        row = self._selected_row(self.window.criteria_view)
        criterion = project.criteria[row if row is not None else len(project.criteria) - 1]
        self.window.document.attempt(lambda: commands.remove_criterion(project, criterion.id))

    @staticmethod
    def _selected_row(view: QTableView) -> int | None:
        index = view.currentIndex()
        return index.row() if index.isValid() else None
