"""The ranking and, for one option, how its total comes about."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from ...i18n import language, tr
from ...i18n.numbers import format_money, format_number, format_percent
from ...presentation import how_computed, raw_text, value_function_text
from .base import ID_ROLE, DocumentTableModel, Index

RANK, OPTION, TOTAL, ANNUAL = range(4)
RANKING_TEXTS = {RANK: "Rank", OPTION: "Option", TOTAL: "Score", ANNUAL: "Annual cost"}
CRITERION, RAW, VALUE, WEIGHT, CONTRIBUTION = range(5)
EXPLANATION_TEXTS = {
    CRITERION: "Criterion",
    RAW: "Raw value",
    VALUE: "0–100",
    WEIGHT: "Weight",
    CONTRIBUTION: "Contribution",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RankingModel(DocumentTableModel):
    """Options best first, with totals and costs; empty while the project cannot be scored."""

    def _ranking(self):
        evaluation = self.document.evaluation
        return evaluation.ranking() if evaluation else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ranking())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(RANKING_TEXTS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(RANKING_TEXTS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        ranking = self._ranking()
        if not index.isValid() or index.row() >= len(ranking):
            return None
        result = ranking[index.row()]
        lang = language()
        column = index.column()
        if role == ID_ROLE:
            return result.option_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != OPTION:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and result.rank == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == RANK:
            return f"{result.rank}=" if result.tied else str(result.rank)
        if column == OPTION:
            return self.project.option(result.option_id).name.get(lang)
        if column == TOTAL:
            return format_number(result.total, 1, lang)
        return format_money(result.annual_cost, lang)


class ExplanationModel(DocumentTableModel):
    """Per criterion: raw value, its 0–100 value, the weight and the contribution, then the total."""

    def __init__(self, document, parent=None):
        self.option_id: str | None = None
        super().__init__(document, parent)

    def show_option(self, option_id: str | None) -> None:
        if option_id == self.option_id:
            self.refresh()
            return
        self.beginResetModel()
        self.option_id = option_id
        self.endResetModel()
        self._shape = (self.rowCount(), self.columnCount())

    def _result(self):
        evaluation = self.document.evaluation
        if evaluation is None or self.option_id is None:
            return None
        try:
            return evaluation.result(self.option_id)
        except KeyError:
            return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        result = self._result()
        return 0 if parent.isValid() or result is None else len(result.cells) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(EXPLANATION_TEXTS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(EXPLANATION_TEXTS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        result = self._result()
        if result is None or not index.isValid():
            return None
        lang = language()
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (CRITERION, RAW):
            return _RIGHT
        if index.row() == len(result.cells):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DisplayRole:
                return {CRITERION: tr("Total"), CONTRIBUTION: format_number(result.total, 2, lang)}.get(column, "")
            return None
        cell = result.cells[index.row()]
        criterion = self.project.criterion(cell.criterion_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            how = how_computed(self.project, self.project.option(result.option_id), criterion, lang)
            lines = [how] if how else []
            lines.append(tr("Value function: {rule}", rule=value_function_text(criterion, lang)))
            lines.append(tr("Contribution = value × weight = {value} × {weight}",
                            value=format_number(cell.value, 1, lang), weight=format_percent(cell.share, 1, lang)))
            return "\n".join(lines)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == CRITERION:
            return criterion.name.get(lang)
        if column == RAW:
            return raw_text(self.project, cell.criterion_id, cell.raw, lang)
        if column == VALUE:
            return format_number(cell.value, 1, lang)
        if column == WEIGHT:
            return format_percent(cell.share, 1, lang)
        return format_number(cell.contribution, 2, lang)
