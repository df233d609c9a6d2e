"""The municipality: name, population, expected complaints a year and reference year."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox

from ... import commands
from ...i18n import tr
from ..document import Document


class MunicipalityPanel(QGroupBox):
    """Edits go to the document on Enter or leaving the field, each an undoable step."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.name = QLineEdit()
        self.name.setObjectName("municipality_name")
        self.population = QSpinBox()
        self.population.setObjectName("population")
        self.population.setRange(1, 100_000_000)
        self.complaints = _TidySpinBox()
        self.complaints.setObjectName("complaints")
        self.complaints.setRange(0, 10_000_000)
        self.complaints.setDecimals(1)
        self.year = QSpinBox()
        self.year.setObjectName("reference_year")
        self.year.setRange(1900, 2200)
        for box in (self.population, self.complaints, self.year):
            box.setKeyboardTracking(False)
            box.setGroupSeparatorShown(box is not self.year)
        self.form = QFormLayout(self)
        self.labels = []
        for field in (self.name, self.population, self.complaints, self.year):
            label = QLabel()
            label.setBuddy(field)
            self.labels.append(label)
            self.form.addRow(label, field)
        self.name.editingFinished.connect(self._name_edited)
        self.population.valueChanged.connect(lambda v: self._set("population", int(v)))
        self.complaints.valueChanged.connect(lambda v: self._set("complaints_per_year", _tidy(v)))
        self.year.valueChanged.connect(lambda v: self._set("reference_year", int(v)))
        document.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Municipality"))
        labels = (tr("&Name"), tr("&Inhabitants"), tr("&Complaints a year"), tr("Reference &year"))
        for label, text in zip(self.labels, labels):
            label.setText(text)
        for box in (self.population, self.complaints, self.year):
            box.setLocale(QLocale())
        self.refresh()

    def refresh(self, _change: object = None) -> None:
        town = self.document.project.municipality
        for widget in (self.population, self.complaints, self.year):
            widget.blockSignals(True)
        self.population.setValue(int(town.population))
        self.complaints.setValue(float(town.complaints_per_year))
        self.year.setValue(int(town.reference_year))
        for widget in (self.population, self.complaints, self.year):
            widget.blockSignals(False)
        if not self.name.hasFocus():
            self.name.setText(town.name)

    def _name_edited(self) -> None:
        if self.document.attempt(lambda: commands.rename_municipality(self.document.project, self.name.text())):
            self.name.setText(self.document.project.municipality.name)

    def _set(self, field: str, value) -> None:
        if self.document.attempt(lambda: commands.set_municipality(self.document.project, field, value)):
            self.refresh()


class _TidySpinBox(QDoubleSpinBox):
    """One decimal when there is one: '93', but '93,5'."""

    def textFromValue(self, value: float) -> str:  # noqa: N802
        text = self.locale().toString(float(value), "f", self.decimals())
        zero = self.locale().decimalPoint() + "0" * self.decimals()
        return text[: -len(zero)] if text.endswith(zero) else text


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
