"""The open project as the window sees it: the model, its file, its undo stack and its evaluation."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.edits import Edit
from ..core.model import Project
from ..core.scoring import Evaluation, ModelError, evaluate
from ..i18n import Message

MERGE_ID = 0x0C0


class EditCommand(QUndoCommand):
    """One user action on the undo stack; consecutive drags of one control merge into one step."""

    def __init__(self, document: Document, edit: Edit, text: str, merge_key: object = None):
        super().__init__(text)
        self.document = document
        self.edit = edit
        self.merge_key = merge_key

    def redo(self) -> None:
        self.edit.apply(self.document.project)
        self.document.after_edit(self.edit.structural)

    def undo(self) -> None:
        self.edit.revert(self.document.project)
        self.document.after_edit(self.edit.structural)

    def id(self) -> int:  # noqa: A003 - Qt override
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        if not self.document.merging:
            return False
        from ..core.edits import Compound

        self.edit = Compound([self.edit, other.edit])
        first_text = self.text().split(" → ")[0]
        last_text = other.text().split(" → ")[-1]
        self.setText(f"{first_text} → {last_text}")
        return True


class Document(QObject):
    """Holds the project; every change goes through `apply` so it can be undone."""

    changed = Signal()
    structure_changed = Signal()
    evaluated = Signal()
    file_changed = Signal()

    def __init__(self, project: Project, path: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.evaluation: Evaluation | None = None
        self.error: Message | None = None
        self.merging = False
        self._evaluate()

    def _clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def apply(self, edit: Edit, text: str, merge_key: object = None) -> None:
        """Apply an edit as an undoable step (`merge_key` merges it with the previous one while dragging)."""
        self.undo_stack.push(EditCommand(self, edit, text, merge_key))

    def after_edit(self, structural: bool) -> None:
        self._evaluate()
        if structural:
            self.structure_changed.emit()
        self.changed.emit()
        self.evaluated.emit()

    def replace(self, project: Project, path: str | None, modified: bool = False) -> None:
        """Show another project (New, Open, restore); the undo history starts afresh."""
        self.project = project
        self.path = path
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self._evaluate()
        self.structure_changed.emit()
        self.changed.emit()
        self.evaluated.emit()
        self.file_changed.emit()

    def mark_saved(self, path: str) -> None:
        self.path = path
        self.undo_stack.setClean()
        self.file_changed.emit()

    def _evaluate(self) -> None:
        try:
            self.evaluation = evaluate(self.project)
            self.error = None
        except ModelError as exc:
            self.evaluation = None
            self.error = exc.message
