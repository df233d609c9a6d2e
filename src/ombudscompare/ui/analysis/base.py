"""What the analysis tabs share: they redraw shortly after the last edit, and only when shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from ..document import Document

DEBOUNCE_MS = 120


class AnalysisTab(QWidget):
    """Subclasses implement `redraw()`; edits arrive through the document and are batched."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.stale = True
        document.evaluated.connect(self._changed)

    def _changed(self) -> None:
        self.stale = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw now (tests and exports call this directly)."""
        self.timer.stop()
        self.stale = False
        if self.document.evaluation is None:
            self.show_problem(self.document.error.render() if self.document.error else "")
            return
        self.redraw()

    def redraw(self) -> None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        """Subclasses show why there is nothing to analyse."""

    def retranslate(self) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()


def sentence_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    font = label.font()
    font.setPointSize(font.pointSize() + 1)
    label.setFont(font)
    return label


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]], right_from: int = 1) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= right_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table
