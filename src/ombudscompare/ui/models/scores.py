"""The options × criteria table: scale scores by label, numbers as typed, computed values read-only."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from ... import commands
from ...core.model import SCALE_MAX, SCALE_MIN, Criterion, Option, Score
from ...core.scoring import beyond_levels, raw_value
from ...explain.values import beyond_text, how_computed, raw_text
from ...i18n import language, tr
from ..widgets.plain import tip
from .base import EDITOR_ROLE, ID_ROLE, ChoiceEditor, DocumentTableModel, Index, NumberEditor


def beyond_icon() -> QIcon:
    """The mark of a value past its reference levels: the style's warning sign (a shape, not a colour)."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


OFF_COLOUR = QColor("#6b6b6b")  # 5.3:1 on white: readable, and still visibly "off"
COMPUTED_BACKGROUND = QColor("#f0f0f0")
UNJUDGED_COLOUR = QColor("#9c3d00")  # dark orange, 6.3:1 on white


class ScoresModel(DocumentTableModel):
    weighted = False
    """Rows are criteria (switched-off ones greyed), columns options — as in the memo's table."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.project.criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.project.options)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lang = language()
        if orientation == Qt.Orientation.Vertical:
            if section >= len(self.project.criteria):
                return None
            criterion = self.project.criteria[section]
            if role == Qt.ItemDataRole.DisplayRole:
                name = criterion.name.get(lang)
                return name if criterion.enabled else tr("{name} (off)", name=name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(criterion.description.get(lang)) or None
            if role == Qt.ItemDataRole.ForegroundRole and not criterion.enabled:
                return QBrush(OFF_COLOUR)
        elif section < len(self.project.options):
            option = self.project.options[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return option.name.get(lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(option.description.get(lang) or option.name.get(lang))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        criterion = self.project.criteria[index.row()]
        return base if criterion.kind.computed else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        option = self.project.options[index.column()]
        criterion = self.project.criteria[index.row()]
        lang = language()
        if role == ID_ROLE:
            return (option.id, criterion.id)
        if criterion.kind.computed:
            return self._computed(option, criterion, role, lang)
        score = self.project.score(option.id, criterion.id)
        if role == EDITOR_ROLE:
            if criterion.kind.scale:
                return ChoiceEditor(tuple(criterion.scale_label(s, lang) for s in range(SCALE_MIN, SCALE_MAX + 1)),
                                    SCALE_MIN)
            return NumberEditor(-1e9, 1e9, 2, f" {criterion.unit}" if criterion.unit else "")
        if score is None:
            return self._unjudged(option, criterion, role, lang)
        if role == Qt.ItemDataRole.DisplayRole:
            return raw_text(self.project, criterion.id, score.value, lang)
        if role == Qt.ItemDataRole.DecorationRole and beyond_levels(criterion, score.value):
            return beyond_icon()
        if role == Qt.ItemDataRole.EditRole:
            return int(score.value) if criterion.kind.scale else float(score.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            beyond = beyond_text(criterion, score.value, lang)
            return (f"<p>{html.escape(beyond)}</p>" if beyond else "") + _score_tooltip(score)
        if role == Qt.ItemDataRole.ForegroundRole and not criterion.enabled:
            return QBrush(OFF_COLOUR)
        if role == Qt.ItemDataRole.FontRole and not score.justification.strip():
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _unjudged(self, option: Option, criterion: Criterion, role: int, lang: str) -> Any:
        """A score nobody has given yet: nothing is guessed, and the option is not ranked until it is given."""
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("— not yet judged")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if not criterion.enabled:
                return tip(tr("Not yet judged. The criterion is switched off, so this does not count."))
            return tip(tr("Not yet judged: choose a score. Until then {option} is not ranked.",
                          option=option.name.get(lang)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OFF_COLOUR if not criterion.enabled else UNJUDGED_COLOUR)
        return None

    def _computed(self, option: Option, criterion: Criterion, role: int, lang: str) -> Any:
        raw = raw_value(self.project, option, criterion)
        if role == Qt.ItemDataRole.DisplayRole:
            return raw_text(self.project, criterion.id, raw, lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            beyond = beyond_text(criterion, raw, lang)
            how = tr("Computed from the tariff: {how}", how=how_computed(self.project, option, criterion, lang))
            return tip(f"{beyond}\n\n{how}" if beyond else how)
        if role == Qt.ItemDataRole.DecorationRole and beyond_levels(criterion, raw):
            return beyond_icon()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(COMPUTED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and not criterion.enabled:
            return QBrush(OFF_COLOUR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        option = self.project.options[index.column()]
        criterion = self.project.criteria[index.row()]
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        return self.try_edit(lambda: commands.set_score(self.project, option.id, criterion.id, number))


def _score_tooltip(score: Score) -> str:
    parts = []
    if score.justification.strip():
        parts.append(html.escape(score.justification))
    else:
        parts.append(f"<i>{html.escape(tr('No justification yet.'))}</i>")
    source = score.source
    if source.quote:
        parts.append(f"“{html.escape(source.quote)}”")
    cited = ", ".join(p for p in (source.title, source.date, source.location) if p)
    if cited:
        parts.append(html.escape(tr("Source: {title}", title=cited)))
    return "<p style='max-width: 40em'>" + "<br><br>".join(parts) + "</p>"
