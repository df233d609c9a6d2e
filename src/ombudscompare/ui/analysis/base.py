"""What the analysis tabs share: redrawn shortly after the last edit, and only while they are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from ...explain.tables import Table
from ..binding import Binder
from ..document import Document

DEBOUNCE_MS = 120


class AnalysisTab(QWidget):
    """Subclasses implement `redraw()` from the document's project and evaluation."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.binder = Binder(document, self, self._redraw, DEBOUNCE_MS)

    @property
    def stale(self) -> bool:
        return self.binder.stale

    def refresh(self) -> None:
        """Redraw now (tests and the window's chart export call this)."""
        self.binder.refresh()

    def _redraw(self) -> None:
        if self.document.evaluation is None:
            self.show_problem(self.document.error.render() if self.document.error else "")
            return
        self.redraw()

    def redraw(self) -> None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        """Subclasses show why there is nothing to analyse."""

    def retranslate(self) -> None:
        self.binder.invalidate()


def sentence_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSize(font.pointSize() + 1)
    label.setFont(font)
    return label


def fill_table(widget: QTableWidget, table: Table) -> None:
    """Show a table built by explain.tables: figures right-aligned, strong rows bold."""
    widget.clear()
    widget.setColumnCount(len(table.headers))
    widget.setRowCount(len(table.rows))
    widget.setHorizontalHeaderLabels(list(table.headers))
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in table.right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r in table.strong:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
    widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table
