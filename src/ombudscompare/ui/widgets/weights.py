"""Weights: a switch, a slider and a number per criterion, shares summing to 100 %, and presets."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ... import commands
from ...core.scoring import rounded_percentages
from ...core.whatif import Preset
from ...i18n import language, tr
from ...i18n.numbers import format_percent
from ..document import Change, Document
from .numbers import NumberBox
from .plain import tip

SLIDER_STEPS = 1000  # 0.1 percentage point
PRESET_TEXTS = {Preset.EQUAL: "E&qual", Preset.COST_LED: "C&ost-led", Preset.QUALITY_LED: "Qualit&y-led"}


SLIDER_LEAST_CHARACTERS = 16  # a slider keeps at least this many average characters' width to be dragged
NAME_LEAST_CHARACTERS = 6  # and a name at least this many, shortened with "…"


class _NameBox(QCheckBox):
    """A criterion's switch with its name, shortened with "…" when the panel is narrow (the presentation's W panel
    beside a slide) so that the slider keeps room to be dragged; the whole name is its accessible name and tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._name = ""
        self._shown = ""  # the name as it fits, "…" at its end when shortened

    def set_name(self, name: str) -> None:
        if name != self._name:
            self._name = name
            self.setAccessibleName(name)
            self.updateGeometry()
        self._shorten()

    def name(self) -> str:
        return self._name

    def _overhead(self) -> int:
        """The box's width besides its text: the indicator, the spacing and the style's margins."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self._shown)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._overhead() + self.fontMetrics().horizontalAdvance(self._name) + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        least = self.fontMetrics().averageCharWidth() * NAME_LEAST_CHARACTERS
        return QSize(self._overhead() + min(least, self.fontMetrics().horizontalAdvance(self._name)),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._shorten()

    def _shorten(self) -> None:
        room = max(0, self.width() - self._overhead())
        shown = self.fontMetrics().elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        if shown != self._name and not shown.endswith("…"):
            shown = "…"
        if shown != self._shown:
            self._shown = shown
            self.setText(shown.replace("&", "&&"))  # a name's '&' is not a mnemonic


class _WeightSlider(QSlider):
    """A slider that keeps room to be dragged in the type it is shown in (the W panel's type is larger)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.fontMetrics().averageCharWidth() * SLIDER_LEAST_CHARACTERS), hint.height())


class _Row:
    def __init__(self, panel: WeightsPanel, criterion_id: str):
        self.criterion_id = criterion_id
        self.check = _NameBox()
        self.check.setProperty("no_mnemonic", "its text is the criterion's name")
        self.slider = _WeightSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setPageStep(50)
        self.slider.setSingleStep(10)
        self.number = NumberBox()
        self.number.setRange(0, 100)
        self.number.setDecimals(1)
        self.number.setSuffix(" %")
        self.number.setLocale(QLocale())
        for kind, widget in (("check", self.check), ("slider", self.slider), ("number", self.number)):
            widget.setObjectName(f"weight_{kind}_{criterion_id}")
        self.check.toggled.connect(lambda on: panel.switch(criterion_id, on))
        self.slider.valueChanged.connect(lambda v: panel.set_share(criterion_id, v * 100.0 / SLIDER_STEPS,
                                                                   self.slider.isSliderDown()))
        self.slider.sliderReleased.connect(panel.end_drag)
        self.number.valueChanged.connect(lambda v: panel.set_share(criterion_id, v, False))

    def widgets(self):
        return (self.check, self.slider, self.number)


class WeightsPanel(QWidget):
    """Every change is one undoable step; a slider drag merges into one."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows: list[_Row] = []
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.total = QLabel()
        self.total.setObjectName("weights_total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)
        self.preset_label = QLabel()
        layout.addWidget(self.preset_label)  # on a line of its own: the buttons keep their words in a narrow panel
        presets = QHBoxLayout()
        self.preset_buttons = {}
        for preset in Preset:
            button = QPushButton()
            button.setObjectName(f"preset_{preset.value}")
            button.clicked.connect(lambda _c=False, p=preset: self.apply_preset(p))
            presets.addWidget(button)
            self.preset_buttons[preset] = button
        presets.addStretch(1)
        layout.addLayout(presets)
        layout.addStretch(1)
        document.changed.connect(self._document_changed)
        self.rebuild()
        self.retranslate()

    def retranslate(self) -> None:
        self.preset_label.setText(tr("Presets:"))
        for preset, button in self.preset_buttons.items():
            button.setText(tr(PRESET_TEXTS[preset]))
        for row in self.rows:
            row.number.setLocale(QLocale())
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        if change & Change.STRUCTURE:
            self.rebuild()
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True  # hidden (the presentation's panel before W): refreshed when shown

    def showEvent(self, event) -> None:
        if getattr(self, "_stale", False):
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def rebuild(self) -> None:
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        for index, criterion in enumerate(self.document.project.criteria):
            row = _Row(self, criterion.id)
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, index, column)
            self.rows.append(row)
        chain = [w for row in self.rows for w in row.widgets()] + list(self.preset_buttons.values())
        for first, second in zip(chain, chain[1:]):  # Tab follows the rows top to bottom, then the presets
            QWidget.setTabOrder(first, second)
        self.refresh()

    def refresh(self) -> None:
        project = self.document.project
        evaluation = self.document.evaluation
        shares = evaluation.shares if evaluation else {}
        shown = rounded_percentages(shares, 1)
        lang = language()
        for row in self.rows:
            try:
                criterion = project.criterion(row.criterion_id)
            except KeyError:
                continue
            percent = shares.get(criterion.id, 0.0) * 100.0
            for widget in row.widgets():
                widget.blockSignals(True)
            name, description = criterion.name.get(lang), criterion.description.get(lang)
            row.check.set_name(name)
            row.check.setChecked(criterion.enabled)
            row.check.setToolTip(tip(f"{name}\n{description}" if description else name))
            if not row.slider.isSliderDown():
                row.slider.setValue(round(percent * SLIDER_STEPS / 100.0))
            row.number.setValue(shown.get(criterion.id, 0.0))
            row.number.setSpecialValueText(tr("off") if not criterion.enabled else "")
            row.slider.setEnabled(criterion.enabled)
            row.number.setEnabled(criterion.enabled)
            row.slider.setAccessibleName(tr("Weight of {criterion}", criterion=criterion.name.get(lang)))
            row.number.setAccessibleName(row.slider.accessibleName())
            # a screen reader reads a slider's own scale (0–1000); this says what it comes to
            said = (format_percent(shown[criterion.id] / 100.0, 1, lang) if criterion.id in shown
                    else tr("off"))
            row.slider.setAccessibleDescription(said)
            row.slider.setToolTip(tip(said))
            for widget in row.widgets():
                widget.blockSignals(False)
        total = sum(shown.values())
        self.total.setText(tr("Total: {percent}", percent=format_percent(total / 100.0, 1, lang)) if shown
                           else tr("No criterion is switched on."))

    def set_share(self, criterion_id: str, percent: float, dragging: bool) -> None:
        """One undoable step; the ticks of one slider drag merge into a single flat step."""
        row = next((r for r in self.rows if r.criterion_id == criterion_id), None)
        at = (row.slider if dragging else row.number) if row is not None else None
        if not self.document.try_edit(lambda: commands.set_weight(self.document.project, criterion_id, percent),
                                      merge=dragging, at=at):
            self.refresh()  # the field and slider show the weight the project still has; the window says why

    def end_drag(self) -> None:
        self.document.end_merge()
        self.refresh()

    def switch(self, criterion_id: str, on: bool) -> None:
        row = next((r for r in self.rows if r.criterion_id == criterion_id), None)
        if not self.document.try_edit(lambda: commands.switch_criterion(self.document.project, criterion_id, on),
                                      at=row.check if row is not None else None):
            self.refresh()

    def apply_preset(self, preset: Preset) -> None:
        self.document.try_edit(lambda: commands.apply_preset(self.document.project, preset),
                               at=self.preset_buttons[preset])
