"""The ranking and, for one option, how its total comes about — Qt models over tables built in explain.tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.scoring import beyond_levels
from ...explain.tables import Table, explanation_table, ranking_table
from ...explain.values import beyond_text, how_computed, missing_text, shown_shares, value_function_text
from ...i18n import language, tr
from ...i18n.numbers import format_number, format_percent
from ..document import Document
from ..widgets.plain import tip
from .base import ID_ROLE, DocumentTableModel, Index

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_EMPTY = Table((), ())
MUTED = QColor("#595959")  # 7:1 on white


class TableModel(DocumentTableModel):
    """Shows a Table rebuilt on every change: rows keyed by id, figures right-aligned, strong rows bold."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        self.table = _EMPTY
        super().__init__(document, parent)
        self.table = self.build()
        self._shape = (self.rowCount(), self.columnCount())

    def build(self) -> Table:
        raise NotImplementedError

    def reset(self) -> None:
        self.beginResetModel()
        self.table = self.build()
        self.endResetModel()
        self._shape = (self.rowCount(), self.columnCount())

    def refresh(self) -> None:
        self.table = self.build()
        super().refresh()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section < len(self.table.headers)):
            return self.table.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.table.rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.rows[row][column]
        if role == ID_ROLE:
            return self.table.keys[row] if row < len(self.table.keys) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.table.right:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and (row in self.table.strong or row in self.table.muted):
            font = QFont()
            font.setBold(row in self.table.strong)
            font.setItalic(row in self.table.muted)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row in self.table.muted:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.tooltip(row) or "") or None
        return None

    def tooltip(self, row: int) -> str | None:
        return None


class RankingModel(TableModel):
    """Options best first, with totals and costs, then those not ranked yet; empty while nothing can be scored."""

    def build(self) -> Table:
        evaluation = self.document.evaluation
        return ranking_table(self.project, evaluation, language()) if evaluation else _EMPTY

    def tooltip(self, row: int) -> str | None:
        evaluation = self.document.evaluation
        if evaluation is None:
            return None
        if row in self.table.muted:
            return missing_text(self.project, evaluation, self.table.keys[row], language())
        return self.table.rows[row][1]  # the whole name, also where the table shows it shortened


class ExplanationModel(TableModel):
    """Per criterion: raw value, its 0–100 value, the weight and the contribution, then the total."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        self.option_id: str | None = None
        super().__init__(document, parent)

    def show_option(self, option_id: str | None) -> None:
        if option_id == self.option_id:
            return  # already shown, and refreshed by the document's change itself

        self.option_id = option_id
        self.reset()

    def build(self) -> Table:
        evaluation = self.document.evaluation
        if evaluation is None or self.option_id is None:
            return _EMPTY
        try:
            return explanation_table(self.project, evaluation, self.option_id, language())
        except KeyError:
            return _EMPTY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 1:
            cell = self._cell(index.row())
            if cell is not None and beyond_levels(self.project.criterion(cell.criterion_id), cell.raw):
                from .scores import beyond_icon

                return beyond_icon()
        return super().data(index, role)

    def _cell(self, row: int) -> Any:
        evaluation = self.document.evaluation
        if evaluation is None or self.option_id is None or row >= len(self.table.keys) - 1:
            return None
        try:
            return evaluation.result(self.option_id).cells[row]
        except (KeyError, IndexError):
            return None

    def tooltip(self, row: int) -> str | None:
        evaluation = self.document.evaluation
        if evaluation is None or self.option_id is None or row >= len(self.table.keys) - 1:
            return None
        result = evaluation.result(self.option_id)
        cell = result.cells[row]
        criterion = self.project.criterion(cell.criterion_id)
        lang = language()
        how = how_computed(self.project, self.project.option(result.option_id), criterion, lang)
        lines = [text for text in (beyond_text(criterion, cell.raw, lang), how) if text]
        lines.append(tr("Value function: {rule}", rule=value_function_text(criterion, lang)))
        lines.append(tr("Contribution = value × weight = {value} × {weight}",
                        value=format_number(cell.value, 1, lang),
                        weight=format_percent(shown_shares(evaluation)[cell.criterion_id] / 100.0, 1, lang)))
        return "\n".join(lines)
