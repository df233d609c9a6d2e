"""Robustness: how often each option ranks first, second, … when the weights are uncertain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ...explain import charts
from ...explain.kinds import ChartRequest, build, empty
from ...explain.sentences import robustness_sentence
from ...explain.sets import ranges_table, uncertainty_sentences
from ...i18n import language, tr
from ..charts.base import BarChart
from ..widgets.numbers import NumberBox
from .base import CHART_MIN_HEIGHT, AnalysisTab, fill_table, read_only_table, sentence_label


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
        self.spread = NumberBox(integer=True)
        self.spread.setObjectName("spread")
        self.spread.setRange(1, 50)
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
        self.ranges_heading = QLabel()
        self.ranges_heading.setObjectName("ranges_heading")
        self.ranges = read_only_table("ranges_table")
        self.uncertain_button = QPushButton()
        self.uncertain_button.setObjectName("uncertain_inputs_button")
        self.uncertain_button.clicked.connect(self.uncertain_inputs)
        range_row = QHBoxLayout()
        range_row.addWidget(self.uncertain_button)
        range_row.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.sentence)
        layout.addWidget(self.ranges_heading)
        layout.addLayout(range_row)
        layout.addWidget(self.ranges)
        self.frequencies = None
        self.uncertainty = None

    def _choice_changed(self, on: bool) -> None:
        if on:
            self.refresh()

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self.uniform.setText(tr("All weightings equally &likely"))
        self.name_parts(tr("Robustness"), spread=tr("Spread in percentage points"), ranges=tr("Uncertain inputs"))
        self.near.setText(tr("Within ± percenta&ge points of the present weights:"))
        spread = self.spread_value()
        evaluation = self.document.evaluation
        if evaluation is None:
            return
        self.uncertainty = self.document.analyses.uncertainty(spread)
        self.frequencies = self.uncertainty.frequencies
        self.ranges_heading.setText(tr("Uncertain inputs: give a score, the complaints, the population or a tariff"
                                       " part a range, and the figures above draw them together with the weights."))
        self.ranges_heading.setWordWrap(True)
        self.uncertain_button.setText(tr("Ma&ke inputs uncertain…"))
        fill_table(self.ranges, ranges_table(project, lang))
        self.ranges.setVisible(bool(project.ranges))
        (request,) = self.shown_charts()
        self.chart.show_data(charts.bars(build(request, self.document.analyses, lang)))
        if self.uncertainty.ranges:
            self.sentence.setText("\n".join(uncertainty_sentences(project, self.uncertainty, lang)))
        else:
            self.sentence.setText(robustness_sentence(project, self.frequencies, lang))

    def uncertain_inputs(self) -> None:
        """The uncertain inputs: add, change and remove ranges."""
        from ..dialogs.uncertain import UncertainInputsDialog

        UncertainInputsDialog(self.document, self).exec()

    def spread_value(self) -> float | None:
        return self.spread.value() if self.near.isChecked() else None

    def shown_charts(self) -> list[ChartRequest]:
        """The 'How sure' chart when inputs are uncertain, else the robustness chart; with the spread shown."""
        kind = "certainty" if self.document.analyses.scored and self.document.analyses.uncertainty(
            self.spread_value()).ranges else "robustness"
        return [ChartRequest(kind, spread=self.spread_value())]

    def show_problem(self, text: str) -> None:
        self.sentence.setText(text)
        self.chart.show_data(charts.bars(empty("robustness", text, language())))
