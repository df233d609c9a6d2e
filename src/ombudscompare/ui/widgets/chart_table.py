"""View → Chart as table: what the shown charts show, each in a sentence and as a table (for screen readers and
memos). The window follows the project: after an edit it shows the new figures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...explain.charts import ChartData, figures
from ...i18n import tr
from ..analysis.base import fill_table, read_only_table
from ..binding import Binder


class ChartTableDialog(QDialog):
    """Per chart its title, its description and its figures; closes with Esc. `make` gives the charts' data as the
    project is now; the dialog asks again after every change."""

    def __init__(self, document, make: Callable[[], list[ChartData]], parent=None):
        super().__init__(parent)
        self.setObjectName("chart_table")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._make = make
        self.titles: list[QLabel] = []
        self.descriptions: list[QLabel] = []
        self.tables: list[QTableWidget] = []
        self.body = QWidget()
        self.sections = QVBoxLayout(self.body)
        self.sections.addStretch(1)  # the sections stay together at the top
        scroll = QScrollArea()
        scroll.setObjectName("chart_tables")
        scroll.setAccessibleName(tr("The charts' figures"))
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        self.scroller = scroll
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.binder = Binder(document, self, self.refresh_figures)
        self.refresh_figures()
        self._fit_size()

    def _fit_size(self) -> None:
        """Wide enough for every column of the widest table (up to 90 % of the screen): no figure cut off."""
        widest = max((sum(t.columnWidth(c) for c in range(t.columnCount())) + 2 * t.frameWidth()
                      for t in self.tables), default=600)
        tall = sum(t.height() for t in self.tables) + sum(lbl.sizeHint().height() for lbl in self.descriptions)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = widest + 80
        height = tall + 140
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.85))
        self.resize(max(560, width), max(320, height))

    def _section(self, index: int) -> None:
        while len(self.tables) <= index:
            title, description = QLabel(), QLabel()
            for label in (title, description):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            table = read_only_table("chart_figures")
            for widget in (title, description, table):
                self.sections.insertWidget(self.sections.count() - 1, widget)
            self.titles.append(title)
            self.descriptions.append(description)
            self.tables.append(table)

    def refresh_figures(self) -> None:
        """The figures of the charts as the project is now."""
        charts = self._make()
        for index, data in enumerate(charts):
            self._section(index)
            self.titles[index].setText(data.title)
            self.titles[index].setVisible(len(charts) > 1)
            self.descriptions[index].setText(data.description or data.message)
            table = self.tables[index]
            table.setAccessibleName(data.title)
            shown = figures(data)
            if shown is not None:
                fill_table(table, shown)
                # names whole (a stretched first column was squeezed to 'Nationale …' when the figures' columns took
                # the room); the last column takes what is left, and a table wider than the screen scrolls instead
                header = table.horizontalHeader()
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
                header.setStretchLastSection(True)
            else:
                table.setRowCount(0)
            table.setVisible(shown is not None)
        self.setWindowTitle(tr("{chart} as a table", chart=" · ".join(d.title for d in charts)))

    @property
    def table(self) -> QTableWidget:
        """The first chart's table."""
        return self.tables[0]

    @property
    def description(self) -> QLabel:
        return self.descriptions[0]
