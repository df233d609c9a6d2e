"""What the table models share: custom roles, editor hints and refresh on document changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...commands import Command
from ...core.model import Project
from ..document import Change, Document

EDITOR_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class NumberEditor:
    """Ask the delegate for a spin box with these limits."""

    minimum: float
    maximum: float
    decimals: int
    suffix: str = ""


@dataclass(frozen=True)
class ChoiceEditor:
    """Ask the delegate for a combo box of these labels; the value is the position + offset."""

    labels: tuple[str, ...]
    offset: int = 0


class DocumentTableModel(QAbstractTableModel):
    """A table over the document: resets on structural changes, repaints in place otherwise."""

    def __init__(self, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self._shape = (0, 0)
        document.changed.connect(self._document_changed)
        self._shape = (self.rowCount(), self.columnCount())

    weighted = True  # shows something the weights change (False: a weights-only change leaves it as it is)

    def _document_changed(self, change: Change) -> None:
        if change & Change.STRUCTURE:
            self.reset()
        elif self.weighted or not change & Change.WEIGHTS_ONLY:
            self.refresh()

    def try_edit(self, build: Callable[[], Command | None]) -> bool:
        """Document.try_edit for a value given to setData: True when taken; a refusal is said by the window at the
        control that has the focus (the cell's editor) and in the status bar."""
        return self.document.try_edit(build)

    @property
    def project(self) -> Project:
        return self.document.project

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()
        self._shape = (self.rowCount(), self.columnCount())

    def refresh(self) -> None:
        shape = (self.rowCount(), self.columnCount())
        if shape != self._shape:
            self.reset()
            return
        if shape[0] and shape[1]:
            self.dataChanged.emit(self.index(0, 0), self.index(shape[0] - 1, shape[1] - 1))

    def retranslate(self) -> None:
        """Headers and texts in the language now in force."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        self.refresh()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0
