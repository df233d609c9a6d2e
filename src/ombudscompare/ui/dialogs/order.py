"""Weights by order only: put the criteria in order of importance; see how often each option ranks first
over every weighting that keeps that order, and the rank-order-centroid weights as a representative set."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ... import commands
from ...core.analyses import SAMPLES, SEED
from ...core.weightsets import order_frequencies
from ...explain.sets import order_sentence, roc_table
from ...explain.tables import frequencies_table
from ...i18n import language, tr
from ..analysis.base import fill_table, read_only_table, sentence_label


class OrderDialog(QDialog):
    """A list to order (drag, or Alt+Up / Alt+Down), the result beside it, and a button to keep it as a set."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("order_dialog")
        self.document = document
        lang = language()
        self.setWindowTitle(tr("Weights by order only"))
        intro = QLabel(tr("Put the criteria in order of importance, most important at the top. Over every weighting "
                          "that keeps this order (drawn evenly), the table shows how often each option ranks first, "
                          "second, …"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("order_list")
        self.list.setAccessibleName(tr("Criteria, most important first"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        current = sorted(document.project.enabled_criteria(), key=lambda c: -c.weight)
        for criterion in current:
            item = QListWidgetItem(criterion.name.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.model().rowsMoved.connect(lambda *_a: self._update())
        up, down = QPushButton(tr("Move &up")), QPushButton(tr("Move &down"))
        up.setObjectName("order_up")
        down.setObjectName("order_down")
        up.clicked.connect(lambda: self.move_item(-1))
        down.clicked.connect(lambda: self.move_item(1))
        moves = QVBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(moves)
        self.sentence = sentence_label()
        self.sentence.setObjectName("order_sentence")
        self.frequencies = read_only_table("order_frequencies")
        self.weights = read_only_table("order_weights")
        self.frequencies.setAccessibleName(tr("How often each option ranks first, second, …"))
        self.weights.setAccessibleName(tr("Weight (rank-order centroid)"))
        self.name = QLineEdit(tr("By order of importance"))
        self.name.setObjectName("order_set_name")
        name_label = QLabel(tr("&Name of the set:"))
        name_label.setBuddy(self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save the centroid weights as a set"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        for widget in (self.sentence, self.frequencies, self.weights, name_label, self.name, buttons):
            layout.addWidget(widget)
        self.resize(760, 640)
        self._update()
        self.list.installEventFilter(self)
        self.list.setFocus()  # arrows choose a criterion, Alt+arrows move it

    def order(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._update()

    def eventFilter(self, watched, event) -> bool:
        """Alt+Up / Alt+Down on the list move the chosen criterion (the list itself would only move the cursor)."""
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.move_item(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _update(self) -> None:
        evaluation = self.document.evaluation
        project = self.document.project
        lang = language()
        order = self.order()
        fill_table(self.weights, roc_table(project, order, lang))
        if evaluation is None:
            self.sentence.setText(self.document.error.render() if self.document.error else "")
            self.frequencies.setRowCount(0)
            return
        frequencies = order_frequencies(evaluation, order, SAMPLES, SEED)
        self.shown = frequencies
        self.sentence.setText(order_sentence(project, order, frequencies, lang))
        fill_table(self.frequencies, frequencies_table(project, frequencies, lang))

    def _save(self) -> None:
        if self.document.try_edit(lambda: commands.from_order(self.document.project, self.name.text(),
                                                                   self.order()), at=self.name):
            self.accept()
