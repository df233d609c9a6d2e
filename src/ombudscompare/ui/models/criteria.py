"""Criteria as a table: on/off, name, kind, direction, reference levels, weight and share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ... import commands
from ...core.kinds import RULES
from ...core.scoring import rounded_percentages
from ...explain.values import amount_text, direction_name, kind_name, value_function_text
from ...i18n import language, tr
from ...i18n.numbers import format_percent
from ..widgets.plain import tip
from .base import EDITOR_ROLE, ID_ROLE, DocumentTableModel, Index, NumberEditor

NAME, KIND, DIRECTION, BEST, WORST, SHARE = range(6)
HEADER_TEXTS = {
    NAME: "Criterion",
    KIND: "Kind",
    DIRECTION: "Direction",
    BEST: "Best level (100)",
    WORST: "Worst level (0)",
    SHARE: "Share",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CriteriaModel(DocumentTableModel):
    """Rows are criteria; the name column carries the on/off check box."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.project.criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADER_TEXTS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADER_TEXTS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        criterion = self.project.criteria[index.row()]
        if index.column() == NAME:
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (BEST, WORST) and criterion.best is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        criterion = self.project.criteria[index.row()]
        column = index.column()
        lang = language()
        if role == ID_ROLE:
            return criterion.id
        if column == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return criterion.name.get(lang)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if criterion.enabled else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(criterion.description.get(lang)) or None
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(tr("Value function: {rule}", rule=value_function_text(criterion, lang)))
        if column in (BEST, WORST):
            level = criterion.best if column == BEST else criterion.worst
            if role == EDITOR_ROLE:
                return NumberEditor(-1e9, 1e9, RULES[criterion.kind].money or 2)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            if level is None:
                best, worst = criterion.reference_levels()
                level = best if column == BEST else worst
                return str(int(level)) if role == Qt.ItemDataRole.DisplayRole else None
            if role == Qt.ItemDataRole.EditRole:
                return float(level)
            if role == Qt.ItemDataRole.DisplayRole:
                return amount_text(criterion, level, lang)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SHARE:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == KIND:
            return kind_name(criterion.kind, lang)
        if column == DIRECTION:
            return direction_name(criterion.direction, lang)
        evaluation = self.document.evaluation
        shares = rounded_percentages(evaluation.shares, 1) if evaluation else {}
        if criterion.id not in shares:
            return tr("off")
        return format_percent(shares[criterion.id] / 100.0, 1, lang)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        criterion = self.project.criteria[index.row()]
        column = index.column()
        if column == NAME and role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.try_edit(lambda: commands.switch_criterion(self.project, criterion.id, on))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == NAME:
            return self.try_edit(lambda: commands.rename_criterion(self.project, criterion.id, language(), str(value)))
        if column in (BEST, WORST):
            try:
                number = float(value)
            except (TypeError, ValueError):
                return False
            which = "best" if column == BEST else "worst"
            return self.try_edit(lambda: commands.set_level(self.project, criterion.id, which, number))
        return False
