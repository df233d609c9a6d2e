"""View → Chart as table: what a chart shows, in a sentence and as a table (for screen readers and memos)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ...explain.charts import ChartData
from ...i18n import tr
from ..analysis.base import fill_table, read_only_table


class ChartTableDialog(QDialog):
    """The chart's title, its description and its figures; closes with Esc."""

    def __init__(self, data: ChartData, parent=None):
        super().__init__(parent)
        self.setObjectName("chart_table")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("{chart} as a table", chart=data.title))
        self.description = QLabel(data.description or data.message)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.table = read_only_table("chart_figures")
        self.table.setAccessibleName(data.title)
        if data.table is not None:
            fill_table(self.table, data.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 360)
