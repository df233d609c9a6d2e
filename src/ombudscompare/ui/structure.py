"""Adding and removing options and criteria from the window, each one undoable step."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QTableView

from .. import commands
from ..commands.criteria import sets_emptied
from ..core.kinds import KIND_RULES
from ..core.model import CriterionKind
from ..i18n import N_, language, tr
from .context import Context
from .tabs import EditTab, TabBook
from .widgets.plain import plain_box

NEW_KIND_NAMES = {rule.kind: rule.menu for rule in KIND_RULES}  # Edit → Add criterion, in the table's order


@dataclass(frozen=True)
class EditViews:
    """The editing tabs and their tables: where a selection is read and a new row is shown."""

    tabs: TabBook
    tariffs: QTableView
    criteria: QTableView
    scores: QTableView

    def current(self) -> EditTab:
        return EditTab(self.tabs.current().value)


class StructureEditor:
    """Knows which option or criterion is selected and puts new ones where the user will edit them.

    Removing acts on the selected option or criterion only (nothing selected: the action is off), and
    asks first when that would also remove scores or justifications someone wrote, or leave a weight set
    weighing nothing.
    """

    def __init__(self, context: Context, views: EditViews):
        self.context = context
        self.views = views

    @property
    def document(self):
        return self.context.document

    def add_option(self) -> None:
        project = self.document.project
        if not self.document.try_edit(lambda: commands.add_option(project, language())):
            return  # at its limit: the window says so at the button and in the status bar
        self.views.tabs.show_tab(EditTab.COSTS)
        view = self.views.tariffs
        view.setCurrentIndex(view.model().index(0, len(project.options) - 1))
        view.setFocus()

    def selected_option(self) -> str | None:
        """The option whose column is selected in the tariffs or the scores table (whichever tab is shown)."""
        tab = self.views.current()
        if tab is EditTab.CRITERIA:
            return None
        column = _selected(self.views.scores if tab is EditTab.SCORES else self.views.tariffs, column=True)
        options = self.document.project.options
        return options[column].id if column is not None and column < len(options) else None

    def selected_criterion(self) -> str | None:
        """The criterion whose row is selected in the criteria or the scores table."""
        view = {EditTab.CRITERIA: self.views.criteria, EditTab.SCORES: self.views.scores}.get(self.views.current())
        row = _selected(view, column=False) if view is not None else None
        criteria = self.document.project.criteria
        return criteria[row].id if row is not None and row < len(criteria) else None

    def remove_option(self) -> None:
        project = self.document.project
        option_id = self.selected_option()
        if option_id is None:
            return
        scores = [s for key, s in project.scores.items() if key[0] == option_id]
        name = project.option(option_id).name.get(language())
        if self._confirm(tr("Remove option {name}?", name=name), scores) is not None:
            self.document.try_edit(lambda: commands.remove_option(project, option_id))

    def add_criterion(self, kind: CriterionKind = CriterionKind.SCALE) -> None:
        project = self.document.project
        if not self.document.try_edit(lambda: commands.add_criterion(project, kind, language())):
            return
        self.views.tabs.show_tab(EditTab.CRITERIA)
        view = self.views.criteria
        view.setCurrentIndex(view.model().index(len(project.criteria) - 1, 0))
        view.setFocus()

    def remove_criterion(self) -> None:
        project = self.document.project
        criterion_id = self.selected_criterion()
        if criterion_id is None:
            return
        scores = [s for key, s in project.scores.items() if key[1] == criterion_id]
        name = project.criterion(criterion_id).name.get(language())
        drop = self._confirm(tr("Remove criterion {name}?", name=name), scores, sets_emptied(project, criterion_id))
        if drop is not None:
            self.document.try_edit(lambda: commands.remove_criterion(project, criterion_id, drop_emptied_sets=drop))

    def _confirm(self, question: str, scores: list, emptied: list[str] | None = None) -> bool | None:
        """Ask before scores or justifications go too, or weight sets would weigh nothing; nothing written and no
        such set: no question. None: cancelled; else whether sets left weighing nothing go too."""
        justified = sum(1 for s in scores if s.justification.strip() or not s.source.is_empty())
        if not scores and not emptied:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove"), question, QMessageBox.StandardButton.NoButton,
                          self.context.window)
        box.setObjectName("remove_prompt")
        lines = []
        if scores:
            lines.append(tr("This also removes {scores} and {justifications}.", scores=count_text(len(scores), "score"),
                            justifications=count_text(justified, "justification")))
        if emptied:
            lines.append(tr("The weight sets {sets} weigh nothing else: remove them too, or keep them weighing nothing"
                            " (shown as such until you store weights in them)?", sets=", ".join(emptied)))
        lines.append(tr("You can undo it with Ctrl+Z."))
        box.setInformativeText(" ".join(lines))
        plain_box(box)  # the names come from the file
        if emptied:
            remove = box.addButton(tr("&Remove, with those sets"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(tr("Remove, &keep the sets"), QMessageBox.ButtonRole.AcceptRole)
        else:
            remove = box.addButton(tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
            keep = None
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is remove:
            return True
        if keep is not None and clicked is keep:
            return False
        return None


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
