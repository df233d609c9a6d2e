"""Options and their tariffs as a table, with the resulting annual cost and cost per inhabitant."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ... import commands
from ...core.tariff import annual_cost
from ...explain.values import annual_cost_formula
from ...i18n import language, tr
from ...i18n.numbers import format_money, format_number, format_percent
from ..widgets.plain import tip
from .base import EDITOR_ROLE, ID_ROLE, DocumentTableModel, Index, NumberEditor

NAME, FIXED, PER_INHABITANT, PER_COMPLAINT, INCLUDED, SURCHARGE, INDEXATION, ANNUAL, PER_HEAD = range(9)
FIELDS = {
    FIXED: "fixed",
    PER_INHABITANT: "per_inhabitant",
    PER_COMPLAINT: "per_complaint",
    INCLUDED: "included_complaints",
    SURCHARGE: "surcharge",
    INDEXATION: "indexation_percent",
}
HEADER_TEXTS = {
    NAME: "Name",
    FIXED: "Fixed a year",
    PER_INHABITANT: "Per inhabitant",
    PER_COMPLAINT: "Per complaint",
    INCLUDED: "Complaints included",
    SURCHARGE: "Surcharge per extra complaint",
    INDEXATION: "Indexation a year",
    ANNUAL: "Annual cost",
    PER_HEAD: "Cost per inhabitant",
}
EDITORS = {
    FIXED: NumberEditor(0, 1e9, 2, " €"),
    PER_INHABITANT: NumberEditor(0, 1000, 6, " €"),
    PER_COMPLAINT: NumberEditor(0, 1e7, 2, " €"),
    INCLUDED: NumberEditor(0, 1e6, 0),
    SURCHARGE: NumberEditor(0, 1e7, 2, " €"),
    INDEXATION: NumberEditor(-50, 100, 1, " %"),
}


class TariffModel(DocumentTableModel):
    weighted = False
    """Columns are options, as in the memo's table; rows are the name, the tariff parts and the costs."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADER_TEXTS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.project.options)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return tr(HEADER_TEXTS[section])
        if section < len(self.project.options):
            return self.project.options[section].name.get(language())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() in FIELDS or index.row() == NAME:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        option = self.project.options[index.column()]
        part = index.row()
        lang = language()
        if role == ID_ROLE:
            return option.id
        if role == EDITOR_ROLE:
            return EDITORS.get(part)
        if part == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return option.name.get(lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(option.description.get(lang)) or None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        town = self.project.municipality
        cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
        if part in FIELDS:
            value = getattr(option.tariff, FIELDS[part])
            if role == Qt.ItemDataRole.EditRole:
                return float(value)
            if role == Qt.ItemDataRole.DisplayRole:
                return _shown(part, value, lang)
            if role == Qt.ItemDataRole.ToolTipRole and option.tariff.source.title:
                return tip(tr("Source: {title}", title=option.tariff.source.title))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(cost if part == ANNUAL else cost / town.population, lang, 2 if part == ANNUAL else 4)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(annual_cost_formula(self.project, option, lang))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        option = self.project.options[index.column()]
        part = index.row()
        if part == NAME:
            return self.try_edit(lambda: commands.rename_option(self.project, option.id, language(), str(value)))
        if part not in FIELDS:
            return False
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        return self.try_edit(lambda: commands.set_tariff(self.project, option.id, FIELDS[part], number))


def _shown(part: int, number: float, lang: str) -> str:
    if part == PER_INHABITANT:
        return format_money(number, lang, 4)
    if part == INCLUDED:
        return format_number(number, 0, lang)
    if part == INDEXATION:
        return format_percent(number / 100.0, 1, lang)
    return format_money(number, lang)
