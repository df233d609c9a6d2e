"""Robustness: how often each option ranks first, second, … when the weights are uncertain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ... import set_commands
from ...core.uncertainty import analyse
from ...explain import charts
from ...explain.sentences import robustness_sentence
from ...explain.sets import ranges_table, uncertainty_sentences
from ...i18n import language, tr
from ..charts.base import BarChart
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
        self.ranges_heading = QLabel()
        self.ranges_heading.setObjectName("ranges_heading")
        self.ranges = read_only_table("ranges_table")
        self.ranges.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranges.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranges.doubleClicked.connect(lambda _index: self.edit_range())
        self.add_range, self.change_range, self.drop_range = QPushButton(), QPushButton(), QPushButton()
        range_row = QHBoxLayout()
        for name, button, slot in (("add_range", self.add_range, lambda: self.edit_range(new=True)),
                                   ("change_range", self.change_range, lambda: self.edit_range()),
                                   ("remove_range", self.drop_range, self.remove_range)):
            button.setObjectName(name)
            button.clicked.connect(slot)
            range_row.addWidget(button)
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
        self.name_parts(tr("Robustness"), spread=tr("Spread in percentage points"))
        self.near.setText(tr("Within ± percenta&ge points of the present weights:"))
        spread = self.spread.value() if self.near.isChecked() else None
        evaluation = self.document.evaluation
        if evaluation is None:
            return
        self.uncertainty = analyse(project, evaluation, charts.SAMPLES, charts.SEED, spread)
        self.frequencies = self.uncertainty.frequencies
        self.ranges_heading.setText(tr("Uncertain inputs: give a score, the complaints, the population or a tariff"
                                       " part a range, and the figures above draw them together with the weights."))
        self.ranges_heading.setWordWrap(True)
        self.add_range.setText(tr("Add a range…"))
        self.change_range.setText(tr("Change…"))
        self.drop_range.setText(tr("Remove"))
        fill_table(self.ranges, ranges_table(project, lang))
        self.ranges.setVisible(bool(project.ranges))
        self.change_range.setEnabled(bool(project.ranges))
        self.drop_range.setEnabled(bool(project.ranges))
        if self.uncertainty.ranges:
            self.chart.show_data(charts.certainty(project, evaluation, lang, spread, self.uncertainty))
            self.sentence.setText("\n".join(uncertainty_sentences(project, self.uncertainty, lang)))
        else:
            self.chart.show_data(charts.robustness(project, lang, self.frequencies))
            self.sentence.setText(robustness_sentence(project, self.frequencies, lang))

    def _chosen_range(self):
        rows = self.ranges.selectionModel().selectedRows() if self.ranges.selectionModel() else []
        row = rows[0].row() if rows else (0 if self.document.project.ranges else None)
        ranges = self.document.project.ranges
        return ranges[row].target if row is not None and row < len(ranges) else None

    def edit_range(self, new: bool = False) -> None:
        from ..dialogs.ranges import RangeDialog

        RangeDialog(self.document, self, None if new else self._chosen_range()).exec()

    def remove_range(self) -> None:
        target = self._chosen_range()
        if target is not None:
            self.document.attempt(lambda: set_commands.remove_range(self.document.project, target))

    def show_problem(self, text: str) -> None:
        self.sentence.setText(text)
        self.chart.show_data(charts.bars(charts.empty("robustness", text, language())))
