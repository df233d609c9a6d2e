"""What the analysis tabs share: redrawn shortly after the last edit, and only while they are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...explain.tables import Table
from ..binding import Binder
from ..document import Document
from ..widgets.plain import tip

DEBOUNCE_MS = 120
CHART_MIN_HEIGHT = 280  # px: axis titles whole, a legend and a plot you can read


class AnalysisTab(QWidget):
    """Subclasses implement `redraw()` from the document's project and evaluation.

    The content sits in a scroll area: on a 1366 × 768 laptop the charts keep a readable height and
    every sentence and table below them stays reachable.
    """

    follows_weights = True  # False: nothing the tab shows depends on the weights (a weight edit leaves it alone)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.binder = Binder(document, self, self._redraw, DEBOUNCE_MS, weights=self.weights_changed,
                             follows_weights=self.follows_weights)
        self.body = QWidget()
        self.body.setObjectName("analysis_body")
        scroll = QScrollArea()
        self.scroller = scroll
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @property
    def stale(self) -> bool:
        return self.binder.stale

    def refresh(self) -> None:
        """Redraw now (tests and the window's chart export call this)."""
        self.binder.refresh()

    def name_parts(self, scroll: str, **tables: str) -> None:
        """Names for a screen reader, in the language shown: the scroll area and each table by attribute."""
        self.scroller.setAccessibleName(scroll)
        for attribute, name in tables.items():
            getattr(self, attribute).setAccessibleName(name)

    def _redraw(self) -> None:
        if self.document.evaluation is None:
            self.show_problem(self.document.error.render() if self.document.error else "")
            return
        self.redraw()

    def redraw(self) -> None:
        raise NotImplementedError

    def weights_changed(self) -> None:
        """Only weights changed: by default the whole tab is redrawn (shortly after the last change)."""
        self.binder.stale = True
        if self.binder.timer is not None:
            self.binder.timer.start()

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


def fill_table(widget: QTableWidget, table: Table, share_width: bool = False) -> None:
    """Show a table built by explain.tables: figures right-aligned, strong rows bold, as tall as its rows.

    `share_width`: every column shares the widget's width (long headers end in '…', whole in their tooltip,
    cells wrap), so a wide table never scrolls sideways on a laptop screen."""
    widget.clear()
    widget.setColumnCount(len(table.headers))
    widget.setRowCount(len(table.rows))
    widget.setHorizontalHeaderLabels(list(table.headers))
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(tip(text) if len(text) > 40 else "")  # whole, where a narrow column cuts it
            if c in table.right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r in table.strong:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    if share_width:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, title in enumerate(table.headers):
            heading = widget.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(tip(title))
        widget.setWordWrap(True)
        widget.resizeRowsToContents()
    else:
        widget.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    rows = sum(widget.rowHeight(r) for r in range(widget.rowCount()))
    widget.setFixedHeight(rows + widget.horizontalHeader().height() + 2 * widget.frameWidth() + 2)  # no inner scroll


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab moves on; the arrows move through the cells
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table
