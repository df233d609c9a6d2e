"""The municipality: name, population, expected complaints a year and reference year."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit

from ... import commands
from ...core import limits
from ...i18n import tr
from ..document import Change, Document
from .numbers import NumberBox


class MunicipalityPanel(QGroupBox):
    """Edits go to the document on Enter or leaving the field, each an undoable step."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.name = QLineEdit()
        self.name.setObjectName("municipality_name")
        self.population = NumberBox(integer=True)
        self.population.setObjectName("population")
        self.population.setRange(limits.POPULATION.minimum, limits.POPULATION.maximum)
        self.complaints = NumberBox(tidy=True)
        self.complaints.setObjectName("complaints")
        self.complaints.setDecimals(1)
        self.complaints.setRange(limits.COMPLAINTS.minimum, limits.COMPLAINTS.maximum)
        self.year = NumberBox(integer=True, grouped=False)
        self.year.setObjectName("reference_year")
        self.year.setRange(limits.REFERENCE_YEAR.minimum, limits.REFERENCE_YEAR.maximum)
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
        labels = (tr("&Name"), tr("&Inhabitants"), tr("C&omplaints a year"), tr("Reference &year"))
        for label, text in zip(self.labels, labels):
            label.setText(text)
        for box in (self.population, self.complaints, self.year):
            box.setLocale(QLocale())
        self.refresh()

    def refresh(self, change: object = None) -> None:
        if isinstance(change, Change) and change & Change.WEIGHTS_ONLY:
            return  # nothing here follows the weights
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
        if not self.document.try_edit(lambda: commands.rename_municipality(self.document.project, self.name.text()),
                                      at=self.name):
            self.name.setText(self.document.project.municipality.name)

    def _set(self, field: str, value) -> None:
        boxes = {"population": self.population, "complaints_per_year": self.complaints, "reference_year": self.year}
        if not self.document.try_edit(lambda: commands.set_municipality(self.document.project, field, value),
                                      at=boxes[field]):
            self.refresh()  # the field shows the number the project still has


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
