"""Give an input a range: low – high, optionally the most likely value (uniform without it, triangular with)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ... import commands
from ...core.model import InputRange, Project
from ...core.uncertainty import TARIFF_FIELDS, range_bounds, range_name
from ...i18n import language, tr
from ..widgets.numbers import NumberBox


def _named(project: Project, target: tuple[str, ...], lang: str) -> str:
    text = range_name(project, InputRange(target, 0, 0)).render(lang)
    return text[:1].upper() + text[1:]


def targets(project: Project) -> list[tuple[tuple[str, ...], str, float]]:
    """Every input that can be uncertain: (target, its name in words, its value now)."""
    lang = language()
    town = project.municipality
    found: list[tuple[tuple[str, ...], str, float]] = [
        (("population",), _named(project, ("population",), lang), town.population),
        (("complaints_per_year",), _named(project, ("complaints_per_year",), lang), town.complaints_per_year)]
    for option in project.options:
        for part in TARIFF_FIELDS:
            target = ("tariff", option.id, part)
            found.append((target, _named(project, target, lang),
                          getattr(option.tariff, part)))
    for criterion in project.criteria:
        if criterion.kind.computed:
            continue
        for option in project.options:
            score = project.score(option.id, criterion.id)
            if score is not None:
                target = ("score", option.id, criterion.id)
                found.append((target, _named(project, target, lang), score.value))
    return found


def _decimals(target: tuple[str, ...]) -> int:
    """How many decimals the fields show for this input (the limits come from core.uncertainty.range_bounds)."""
    if target[0] == "population":
        return 0
    if target[0] == "tariff":
        return 4 if target[2] == "per_inhabitant" else 2
    return 1 if target[0] == "complaints_per_year" else 2


class RangeDialog(QDialog):
    """Pick the input, type low, high and (if known) the most likely value; refused in words if impossible."""

    def __init__(self, document, parent=None, target: tuple[str, ...] | None = None):
        super().__init__(parent)
        self.setObjectName("range_dialog")
        self.document = document
        project = document.project
        self.setWindowTitle(tr("Range of an uncertain input"))
        self.what = QComboBox()
        self.what.setObjectName("range_target")
        self.choices = targets(project)
        for choice, name, _value in self.choices:
            self.what.addItem(name, choice)
        self.low, self.high, self.likely = NumberBox(tidy=True), NumberBox(tidy=True), NumberBox(tidy=True)
        for name, box, said in (("range_low", self.low, tr("Low")), ("range_high", self.high, tr("High")),
                                ("range_likely", self.likely, tr("Most likely value"))):
            box.setObjectName(name)
            box.setAccessibleName(said)
        self.has_likely = QCheckBox(tr("&Most likely value:"))
        self.has_likely.setObjectName("range_has_likely")
        self.has_likely.toggled.connect(self.likely.setEnabled)
        self.problem = QLabel()
        self.problem.setObjectName("range_problem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        what_label = QLabel(tr("&Input:"))
        what_label.setBuddy(self.what)
        low_label, high_label = QLabel(tr("&Low:")), QLabel(tr("&High:"))
        low_label.setBuddy(self.low)
        high_label.setBuddy(self.high)
        form.addRow(what_label, self.what)
        form.addRow(low_label, self.low)
        form.addRow(self.has_likely, self.likely)
        form.addRow(high_label, self.high)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.what.currentIndexChanged.connect(self._target_changed)
        if target is not None:
            self.what.setCurrentIndex(next((i for i, c in enumerate(self.choices) if c[0] == tuple(target)), 0))
        self._target_changed()

    def _target_changed(self, *_args) -> None:
        project = self.document.project
        target, _name, value = self.choices[self.what.currentIndex()]
        low, high = range_bounds(project, target) or (0.0, 0.0)
        for box in (self.low, self.high, self.likely):
            box.setDecimals(_decimals(target))
            box.setRange(low, high)
        existing = next((r for r in project.ranges if r.target == target), None)
        if existing is not None:
            self.low.setValue(existing.low)
            self.high.setValue(existing.high)
            self.has_likely.setChecked(existing.likely is not None)
            self.likely.setValue(existing.likely if existing.likely is not None else value)
        else:
            self.low.setValue(value)
            self.high.setValue(value)
            self.likely.setValue(value)
            self.has_likely.setChecked(False)
        self.likely.setEnabled(self.has_likely.isChecked())
        self.problem.setText("")

    def _save(self) -> None:
        for box in (self.low, self.high, self.likely):
            if box.isEnabled() and not box.check_before_commit():
                return
            box.interpretText()
        target = self.choices[self.what.currentIndex()][0]
        likely = self.likely.value() if self.has_likely.isChecked() else None
        if self.document.try_edit(lambda: commands.set_range(self.document.project, target, self.low.value(),
                                                                 self.high.value(), likely), at=self.problem):
            self.accept()
