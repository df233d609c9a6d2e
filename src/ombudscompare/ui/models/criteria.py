"""Criteria as a table: on/off, name, kind, direction, reference levels, weight and share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ...core.edits import SetField, set_enabled
from ...core.scoring import rounded_percentages
from ...i18n import language, tr
from ...i18n.numbers import format_percent
from ...presentation import amount_text, direction_name, kind_name, value_function_text
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.project.criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADER_TEXTS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADER_TEXTS[section])
        return None

    def flags(self, index: Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        criterion = self.project.criteria[index.row()]
        if index.column() == NAME:
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (BEST, WORST) and criterion.best is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
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
                return criterion.description.get(lang) or None
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Value function: {rule}", rule=value_function_text(criterion, lang))
        if column in (BEST, WORST):
            level = criterion.best if column == BEST else criterion.worst
            if role == EDITOR_ROLE:
                return NumberEditor(-1e9, 1e9, 4 if criterion.kind.value == "cost_per_inhabitant" else 2)
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

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        criterion = self.project.criteria[index.row()]
        lang = language()
        name = criterion.name.get(lang)
        column = index.column()
        if column == NAME and role == Qt.ItemDataRole.CheckStateRole:
            enabled = Qt.CheckState(value) == Qt.CheckState.Checked
            if enabled == criterion.enabled:
                return False
            text = tr("Switch on {criterion}", criterion=name) if enabled else tr("Switch off {criterion}",
                                                                                 criterion=name)
            self.document.apply(set_enabled(self.project, criterion.id, enabled), text)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == NAME:
            text = str(value).strip()
            if not text or "\n" in text or text == name:
                return False
            self.document.apply(SetField.of(self.project, ("criterion_name", criterion.id, lang), text),
                                tr("Rename criterion {old} → {new}", old=name, new=text))
            return True
        if column in (BEST, WORST) and criterion.best is not None:
            try:
                number = float(value)
            except (TypeError, ValueError):
                return False
            field = "best" if column == BEST else "worst"
            other = criterion.worst if field == "best" else criterion.best
            if number == other or number == getattr(criterion, field):
                return False
            best, worst = (number, other) if field == "best" else (other, number)
            lower = criterion.direction.value == "lower"
            if (lower and best > worst) or (not lower and best < worst):
                return False
            text = tr("{criterion}: {level} {old} → {new}", criterion=name,
                      level=tr("best level") if field == "best" else tr("worst level"),
                      old=amount_text(criterion, getattr(criterion, field), lang),
                      new=amount_text(criterion, number, lang))
            self.document.apply(SetField(("criterion", criterion.id, field), getattr(criterion, field), number), text)
            return True
        return False
