"""Uncertain inputs: every range the project holds, and the buttons to add, change and remove them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ... import commands
from ...explain.sets import ranges_table
from ...i18n import language, tr
from ..analysis.base import fill_table, read_only_table
from ..binding import Binder


class UncertainInputsDialog(QDialog):
    """The ranges in a table; Change and Remove act on the chosen range only (off while none is chosen)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("uncertain_inputs")
        self.document = document
        self.setWindowTitle(tr("Uncertain inputs"))
        intro = QLabel(tr("Give a score, the complaints, the population or a tariff part a range; the robustness"
                          " figures then draw them together with the weights."))
        intro.setWordWrap(True)
        self.ranges = read_only_table("uncertain_ranges")
        self.ranges.setAccessibleName(tr("Uncertain inputs"))
        self.ranges.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranges.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranges.itemSelectionChanged.connect(self._update_buttons)
        self.ranges.doubleClicked.connect(lambda _index: self.change())
        self.add_button = QPushButton(tr("&Add a range…"))
        self.change_button = QPushButton(tr("&Change…"))
        self.remove_button = QPushButton(tr("&Remove"))
        row = QHBoxLayout()
        for name, button, slot in (("add_range", self.add_button, self.add),
                                   ("change_range", self.change_button, self.change),
                                   ("remove_range", self.remove_button, self.remove)):
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.ranges, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.binder = Binder(document, self, self.refresh)
        self.refresh()
        self.resize(640, 360)

    def refresh(self) -> None:
        chosen = self.chosen()
        fill_table(self.ranges, ranges_table(self.document.project, language()))
        self.ranges.setMaximumHeight(16_777_215)
        targets = [r.target for r in self.document.project.ranges]
        if chosen in targets:
            self.ranges.selectRow(targets.index(chosen))
        self._update_buttons()

    def chosen(self) -> tuple[str, ...] | None:
        """The range chosen in the table, None when none is."""
        model = self.ranges.selectionModel()
        rows = [index.row() for index in model.selectedRows()] if model is not None else []
        ranges = self.document.project.ranges
        return ranges[rows[0]].target if rows and rows[0] < len(ranges) else None

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        from .ranges import RangeDialog

        RangeDialog(self.document, self).exec()

    def change(self) -> None:
        from .ranges import RangeDialog

        target = self.chosen()
        if target is not None:
            RangeDialog(self.document, self, target).exec()

    def remove(self) -> None:
        target = self.chosen()
        if target is not None:
            self.document.try_edit(lambda: commands.remove_range(self.document.project, target),
                                   at=self.remove_button)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ranges.hasFocus() and self.chosen():
            self.change()
            return
        if event.key() == Qt.Key.Key_Delete and self.ranges.hasFocus() and self.chosen():
            self.remove()
            return
        super().keyPressEvent(event)
