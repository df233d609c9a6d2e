"""Robustness: how often each option ranks first, second, … when the weights are uncertain."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QRadioButton, QVBoxLayout

from ...core.robustness import rank_frequencies
from ...explain import charts
from ...explain.sentences import robustness_sentence
from ...i18n import language, tr
from ..charts.base import BarChart
from .base import CHART_MIN_HEIGHT, AnalysisTab, sentence_label


class RobustnessTab(AnalysisTab):
    """Uniform over all weightings, or within ± a number of percentage points of the present ones."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("robustness_tab")
        self.uniform = QRadioButton()
        self.uniform.setObjectName("uniform_weights")
        self.near = QRadioButton()
        self.near.setObjectName("near_weights")
        self.uniform.setChecked(True)
        self.spread = QDoubleSpinBox()
        self.spread.setObjectName("spread")
        self.spread.setRange(1, 50)
        self.spread.setDecimals(0)
        self.spread.setValue(10)
        self.spread.setSuffix(" pp")
        for widget in (self.uniform, self.near):
            widget.toggled.connect(self._choice_changed)
        self.spread.valueChanged.connect(lambda _v: self._choice_changed(self.near.isChecked()))
        self.chart = BarChart("robustness_chart")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.sentence = sentence_label()
        self.sentence.setObjectName("robustness_sentence")
        row = QHBoxLayout()
        row.addWidget(self.uniform)
        row.addWidget(self.near)
        row.addWidget(self.spread)
        row.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.sentence)
        self.frequencies = None

    def _choice_changed(self, on: bool) -> None:
        if on:
            self.refresh()

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self.uniform.setText(tr("All weightings equally &likely"))
        self.name_parts(tr("Robustness"), spread=tr("Spread in percentage points"))
        self.near.setText(tr("Within ± percenta&ge points of the present weights:"))
        spread = self.spread.value() if self.near.isChecked() else None
        evaluation = self.document.evaluation
        if evaluation is None:
            return
        self.frequencies = rank_frequencies(evaluation, charts.SAMPLES, charts.SEED, spread)
        self.chart.show_data(charts.robustness(project, lang, self.frequencies))
        self.sentence.setText(robustness_sentence(project, self.frequencies, lang))

    def show_problem(self, text: str) -> None:
        self.sentence.setText(text)
        self.chart.show_data(charts.bars(charts.empty("robustness", text, language())))
