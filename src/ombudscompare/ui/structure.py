"""Adding and removing options and criteria from the window, each one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QTableView

from .. import commands
from ..core.kinds import KIND_RULES
from ..core.model import CriterionKind
from ..i18n import N_, language, tr
from .tabs import EditTab
from .widgets.plain import plain_box

NEW_KIND_NAMES = {rule.kind: rule.menu for rule in KIND_RULES}  # Edit → Add criterion, in the table's order



class StructureEditor:
    """Knows which option or criterion is selected and puts new ones where the user will edit them.

    Removing acts on the selected option or criterion only (nothing selected: the action is off), and
    asks first when that would also remove scores or justifications someone wrote.
    """

    def __init__(self, window):
        self.window = window

    def add_option(self) -> None:
        project = self.window.document.project
        if not self.window.document.try_edit(lambda: commands.add_option(project, language())):
            return  # at its limit: the window says so at the button and in the status bar
        self.window.show_edit_tab(EditTab.COSTS)
        self.window.tariff_view.setCurrentIndex(self.window.tariff_model.index(0, len(project.options) - 1))
        self.window.tariff_view.setFocus()

    def selected_option(self) -> str | None:
        """The option whose column is selected in the tariffs or the scores table (whichever tab is shown)."""
        view = self.window.scores_view if self.window.edit_tab() is EditTab.SCORES else self.window.tariff_view
        if self.window.edit_tab() is EditTab.CRITERIA:
            return None
        column = _selected(view, column=True)
        options = self.window.document.project.options
        return options[column].id if column is not None and column < len(options) else None

    def selected_criterion(self) -> str | None:
        """The criterion whose row is selected in the criteria or the scores table."""
        view = {EditTab.CRITERIA: self.window.criteria_view, EditTab.SCORES: self.window.scores_view}.get(
            self.window.edit_tab())
        row = _selected(view, column=False) if view is not None else None
        criteria = self.window.document.project.criteria
        return criteria[row].id if row is not None and row < len(criteria) else None

    def remove_option(self) -> None:
        project = self.window.document.project
        option_id = self.selected_option()
        if option_id is None:
            return
        scores = [s for key, s in project.scores.items() if key[0] == option_id]
        name = project.option(option_id).name.get(language())
        if self._confirm(tr("Remove option {name}?", name=name), scores):
            self.window.document.try_edit(lambda: commands.remove_option(project, option_id))

    def add_criterion(self, kind: CriterionKind = CriterionKind.SCALE) -> None:
        project = self.window.document.project
        if not self.window.document.try_edit(lambda: commands.add_criterion(project, kind, language())):
            return
        self.window.show_edit_tab(EditTab.CRITERIA)
        self.window.criteria_view.setCurrentIndex(self.window.criteria_model.index(len(project.criteria) - 1, 0))
        self.window.criteria_view.setFocus()

    def remove_criterion(self) -> None:
        project = self.window.document.project
        criterion_id = self.selected_criterion()
        if criterion_id is None:
            return
        scores = [s for key, s in project.scores.items() if key[1] == criterion_id]
        name = project.criterion(criterion_id).name.get(language())
        if self._confirm(tr("Remove criterion {name}?", name=name), scores):
            self.window.document.try_edit(lambda: commands.remove_criterion(project, criterion_id))

    def _confirm(self, question: str, scores: list) -> bool:
        """Ask before scores or justifications go too; nothing written yet: no question."""
        justified = sum(1 for s in scores if s.justification.strip() or not s.source.is_empty())
        if not scores:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove"), question, QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("remove_prompt")
        box.setInformativeText(tr("This also removes {scores} and {justifications}. You can undo it with Ctrl+Z.",
                                  scores=count_text(len(scores), "score"),
                                  justifications=count_text(justified, "justification")))
        plain_box(box)  # the names come from the file
        remove = box.addButton(tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is remove


def count_text(count: int, what: str) -> str:
    """'1 score', '7 scores', '1 onderbouwing', '7 onderbouwingen'."""
    one = {"score": N_("1 score"), "justification": N_("1 justification")}
    many = {"score": N_("{count} scores"), "justification": N_("{count} justifications")}
    return tr(one[what]) if count == 1 else tr(many[what], count=count)


def _selected(view: QTableView, column: bool) -> int | None:
    """The selected column (or row) of a table, None when nothing is selected."""
    selection = view.selectionModel()
    if selection is None or not selection.hasSelection():
        return None
    index = view.currentIndex()
    if not index.isValid():
        return None
    return index.column() if column else index.row()
