"""Weight sensitivity: totals as one weight runs 0→100 %, its flips, and every criterion's safe interval."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from ...explain import charts
from ...explain.kinds import ChartRequest, empty
from ...explain.sentences import interval_sentence
from ...explain.tables import intervals_table
from ...i18n import language, tr
from ..charts.lines import LineChart
from .base import CHART_MIN_HEIGHT, AnalysisTab, fill_table, read_only_table, sentence_label


class WeightsTab(AnalysisTab):
    """Pick a criterion; the chart shows every option's total against that criterion's weight."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("weights_tab")
        self.criterion = QComboBox()
        self.criterion.setObjectName("sensitivity_criterion")
        self.criterion.activated.connect(lambda _i: self.refresh())
        self.criterion_label = QLabel()
        self.criterion_label.setBuddy(self.criterion)
        self.chart = LineChart("sensitivity_chart")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.telling = sentence_label()
        self.telling.setObjectName("most_telling")
        self.table = read_only_table("intervals_table")
        row = QHBoxLayout()
        row.addWidget(self.criterion_label)
        row.addWidget(self.criterion, 1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.telling)
        layout.addWidget(self.table)

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self.criterion_label.setText(tr("Wei&ght of:"))
        self.name_parts(tr("Weight sensitivity"), table=tr("Where first place changes"))
        evaluation = self.document.evaluation
        if evaluation is None:
            return
        result = self.document.analyses.sensitivity()
        wanted = self.criterion.currentData()
        self.criterion.clear()
        for criterion_id in result.lines:
            self.criterion.addItem(project.criterion(criterion_id).name.get(lang), criterion_id)
        data = charts.sensitivity(project, evaluation, lang, wanted, result)
        self.chart.show_data(data)
        if not result.lines:
            self.telling.setText(data.message)
            self.table.setRowCount(0)
            return
        self.criterion.setCurrentIndex(self.criterion.findData(data.facts["criterion"]))
        telling = result.most_telling()
        self.telling.setText(interval_sentence(project, telling, lang) if telling else
                             tr("No weight of a single criterion changes first place."))
        fill_table(self.table, intervals_table(project, result, lang))

    def shown_charts(self) -> list[ChartRequest]:
        return [ChartRequest("sensitivity", criterion=self.criterion.currentData())]

    def show_problem(self, text: str) -> None:
        self.telling.setText(text)
        self.chart.show_data(charts.lines(empty("sensitivity", text, language())))
        self.table.setRowCount(0)
