"""Swing weighting, guided: which swing from worst to best matters most (100 points), then the others
relative to it; the weights follow and are stored as a set with the answers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ... import commands
from ...explain.sets import swing_text
from ...i18n import language, tr
from ...i18n.numbers import format_number, format_percent
from ..widgets.numbers import NumberBox


class SwingDialog(QDialog):
    """One row per switched-on criterion: its swing in words, 'matters most', and its points (0–100)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("swing_dialog")
        self.document = document
        project = document.project
        lang = language()
        self.setWindowTitle(tr("Swing weighting"))
        intro = QLabel(tr("Imagine an option that is at the worst reference level on every criterion. Which single"
                          " improvement, from worst to best, matters most to you? Mark it: it gets 100 points. Then"
                          " give every other improvement points relative to it: 50 means half as important."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, text in enumerate((tr("Criterion"), tr("Swing"), "", tr("Points"), tr("Weight"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        self.top = QButtonGroup(self)
        self.points: dict[str, NumberBox] = {}
        self.typed: dict[str, float] = {}  # each row's own points, as the user left them (the top row shows 100)
        self.shares: dict[str, QLabel] = {}
        self.radios: dict[str, QRadioButton] = {}
        self.names: dict[str, str] = {}
        self.moved: list[str] = []  # what the last move of the mark did, in words
        self._last_top: str | None = None
        for row, criterion in enumerate(project.enabled_criteria(), start=1):
            self.names[criterion.id] = criterion.name.get(lang)
            name = QLabel(criterion.name.get(lang))
            name.setTextFormat(name.textFormat().PlainText)
            swing = QLabel(swing_text(project, criterion.id, lang))
            swing.setTextFormat(swing.textFormat().PlainText)
            radio = QRadioButton(tr("Matters most"))
            radio.setObjectName(f"top_{criterion.id}")
            radio.setAccessibleName(tr("{criterion} matters most", criterion=criterion.name.get(lang)))
            self.top.addButton(radio)
            spin = NumberBox(integer=True)
            spin.setObjectName(f"points_{criterion.id}")
            spin.setRange(0, 100)
            spin.setValue(50)
            spin.setAccessibleName(tr("Points for {criterion}", criterion=criterion.name.get(lang)))
            self.typed[criterion.id] = 50.0
            spin.valueChanged.connect(lambda value, c=criterion.id: self._typed(c, value))
            radio.toggled.connect(lambda on, c=criterion.id: self._top_moved(c, on))
            share = QLabel()
            self.points[criterion.id], self.shares[criterion.id], self.radios[criterion.id] = spin, share, radio
            for column, widget in enumerate((name, swing, radio, spin, share)):
                grid.addWidget(widget, row, column)
        grid.setRowStretch(grid.rowCount(), 1)  # the rows stay together at the top, however tall the dialog
        rows = QWidget()
        rows.setLayout(grid)
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Swing questions"))
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        self.name = QLineEdit(tr("Swing weighting"))
        self.name.setObjectName("swing_set_name")
        name_label = QLabel(tr("&Name of the set:"))
        name_label.setBuddy(self.name)
        self.note = QLineEdit()
        self.note.setObjectName("swing_set_note")
        note_label = QLabel(tr("&Who answered:"))
        note_label.setBuddy(self.note)
        self.status = QLabel()
        self.status.setObjectName("swing_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save as weight set"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        for widget in (name_label, self.name, note_label, self.note, self.status, self.buttons):
            layout.addWidget(widget)
        self.resize(820, 520)
        self._update()
        # first the question which swing matters most (arrow keys and Space), then every row's points top to bottom
        chain = [*self.radios.values(), *self.points.values(), self.name, self.note]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        if self.radios:
            next(iter(self.radios.values())).setFocus()

    def top_id(self) -> str | None:
        return next((c for c, radio in self.radios.items() if radio.isChecked()), None)

    def answers(self) -> dict[str, float]:
        return {c: float(spin.value()) for c, spin in self.points.items()}

    def _typed(self, criterion_id: str, value: float) -> None:
        """Points the user gave a row: kept as that row's own, whatever happens to the top mark later."""
        if criterion_id != self.top_id():
            self.typed[criterion_id] = float(value)
        self._update()

    def _top_moved(self, criterion_id: str, on: bool) -> None:
        """The mark moved: the row that gets it shows 100, the row that loses it its own points again; no other
        row changes, and the dialog says what happened."""
        spin = self.points[criterion_id]
        spin.blockSignals(True)
        spin.setValue(100 if on else self.typed[criterion_id])
        spin.blockSignals(False)
        self._update()

    def _update(self, *_args) -> None:
        top = self.top_id()
        if top is not None and top != self._last_top:  # the mark moved: say what that did
            self.moved = [tr("{criterion} matters most: 100 points.", criterion=self.names[top])]
            if self._last_top is not None:
                self.moved.append(tr("{criterion} has its {points} points again.", criterion=self.names[
                    self._last_top], points=format_number(self.typed[self._last_top], 0)))
            self._last_top = top
        for criterion_id, spin in self.points.items():
            spin.setEnabled(top is not None and criterion_id != top)
        points = self.answers()
        total = sum(points.values())
        lang = language()
        for criterion_id, label in self.shares.items():
            label.setText(format_percent(points[criterion_id] / total, 1, lang) if top and total else "—")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(top is not None and total > 0)
        self.status.setText(tr("First mark the swing that matters most.") if top is None else " ".join(self.moved))

    def _save(self) -> None:
        top = self.top_id()
        if top is None:
            return
        for spin in self.points.values():  # points typed but not yet entered count, as shown
            if spin.isEnabled() and not spin.check_before_commit():
                return
            spin.interpretText()
        if self.document.try_edit(lambda: commands.from_swings(
                self.document.project, self.name.text(), top, self.answers(), self.note.text()), at=self.status):
            self.accept()
