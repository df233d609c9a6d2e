"""Costs: annual cost against complaints and against population with break-even points, and years ahead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...core.costs import multi_year
from ...core.tariff import annual_cost
from ...explain import charts
from ...explain.kinds import ChartRequest, build
from ...explain.sentences import complaints_sentence, population_sentence
from ...explain.tables import multi_year_table
from ...explain.values import ALL_POINTS_UP_TO, many_options
from ...i18n import language, tr
from ..charts.lines import LineChart
from ..widgets.numbers import NumberBox
from .base import CHART_MIN_HEIGHT, AnalysisTab, fill_table, read_only_table, sentence_label


class CostsTab(AnalysisTab):
    """Two cost charts side by side, the break-even sentences, and the multi-year table."""

    follows_weights = False  # costs come from the tariffs and the municipality, never from the weights

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("costs_tab")
        self.by_complaints = LineChart("costs_complaints_chart")
        self.by_population = LineChart("costs_population_chart")
        charts_row = QSplitter(Qt.Orientation.Horizontal)
        charts_row.addWidget(self.by_complaints)
        charts_row.addWidget(self.by_population)
        charts_row.setMinimumHeight(CHART_MIN_HEIGHT)
        self.sentences = sentence_label()
        self.sentences.setObjectName("cost_sentences")
        self.horizon = NumberBox(integer=True)
        self.horizon.setObjectName("horizon")
        self.horizon.setRange(1, 20)
        self.horizon.setValue(4)
        self.horizon.valueChanged.connect(lambda _v: self.refresh())
        self.horizon_label = QLabel()
        self.horizon_label.setBuddy(self.horizon)
        self.years = read_only_table("multi_year_table")
        row = QHBoxLayout()
        row.addWidget(self.horizon_label)
        row.addWidget(self.horizon)
        row.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.sentences)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.years)
        layout = QVBoxLayout(self.body)
        layout.addWidget(charts_row, 1)
        layout.addWidget(lower)

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        analyses = self.document.analyses
        self.by_complaints.show_data(charts.lines(build(ChartRequest("costs-complaints"), analyses, lang)))
        self.by_population.show_data(charts.lines(build(ChartRequest("costs-population"), analyses, lang)))
        lines = []
        pairs = analyses.pair_costs()
        if many_options(project):  # 50 options make 1,225 pairs: write out those with today's cheapest option
            town = project.municipality
            cheapest = min(project.options, key=lambda o: annual_cost(o.tariff, town.population,
                                                                       town.complaints_per_year)).id
            pairs = [p for p in pairs if cheapest in (p.first, p.second)]
            lines.append(tr("With more than {n} options only the comparisons with today's cheapest option, {name}, "
                            "are written out; the charts mark where the cheapest option changes.",
                            n=ALL_POINTS_UP_TO, name=project.option(cheapest).name.get(lang)))
        for pair in pairs:
            lines += [complaints_sentence(project, pair, lang), population_sentence(project, pair, lang)]
        self.sentences.setText("\n".join(lines))
        self.name_parts(tr("Costs and break-even"), years=tr("Costs over the years ahead"))
        self.horizon_label.setText(tr("Years ahea&d (with each option's indexation):"))
        fill_table(self.years, multi_year_table(project, multi_year(project, int(self.horizon.value())), lang))
