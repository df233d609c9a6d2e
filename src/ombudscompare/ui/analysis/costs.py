"""Costs: annual cost against complaints and against population with break-even points, and years ahead."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from ...analysis_text import complaints_sentence, population_sentence
from ...core.costs import Crossing, multi_year, pair_costs
from ...core.tariff import annual_cost
from ...i18n import language, tr
from ...i18n.numbers import format_money, format_number
from .base import AnalysisTab, fill_table, read_only_table, sentence_label
from .linechart import LineChart

POINTS = 240


def _grid(top: float, extra: list[float]) -> np.ndarray:
    points = set(np.linspace(0.0, top, POINTS).tolist())
    points.update(x for x in extra if 0 <= x <= top)
    return np.array(sorted(points))


class CostsTab(AnalysisTab):
    """Two cost charts side by side, the break-even sentences, and the multi-year table."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("costs_tab")
        self.by_complaints = LineChart()
        self.by_population = LineChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.by_complaints)
        charts.addWidget(self.by_population)
        self.sentences = sentence_label()
        self.sentences.setObjectName("cost_sentences")
        self.horizon = QSpinBox()
        self.horizon.setObjectName("horizon")
        self.horizon.setRange(1, 20)
        self.horizon.setValue(4)
        self.horizon.valueChanged.connect(lambda _v: self.refresh())
        self.horizon_label = QLabel()
        self.horizon_label.setBuddy(self.horizon)
        self.years = read_only_table("multi_year_table")
        self.years.setMaximumHeight(96)
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
        layout = QVBoxLayout(self)
        layout.addWidget(charts, 1)
        layout.addWidget(lower)

    def redraw(self) -> None:
        project = self.document.project
        town = project.municipality
        lang = language()
        pairs = pair_costs(project)
        names = [o.name.get(lang) for o in project.options]
        complaint_points = [c for p in pairs for c in p.complaint_crossings]
        kinks = [o.tariff.included_complaints for o in project.options]
        top = max(2.0 * town.complaints_per_year, 10.0, *(1.2 * c.at for c in complaint_points))
        x = _grid(top, kinks + [c.at for c in complaint_points])
        ys = [np.array([annual_cost(o.tariff, town.population, c) for c in x]) for o in project.options]
        _draw(self.by_complaints, x, ys, names, complaint_points, top,
              (town.complaints_per_year, tr("expected: {n}", n=format_number(town.complaints_per_year, 0, lang))),
              lambda c: tr("{n} complaints\n{cost}", n=format_number(c.at, 0 if float(c.at).is_integer() else 1,
                                                                      lang), cost=format_money(c.cost, lang)),
              (tr("Cost against complaints"), tr("Complaints a year"), tr("Annual cost (€)")))

        population_points = [p.population_crossing for p in pairs if isinstance(p.population_crossing, Crossing)]
        top = max(2.0 * town.population, *(1.2 * c.at for c in population_points if math.isfinite(c.at)))
        x = _grid(top, [c.at for c in population_points])
        ys = [np.array([annual_cost(o.tariff, p, town.complaints_per_year) for p in x]) for o in project.options]
        _draw(self.by_population, x, ys, names, population_points, top,
              (town.population, tr("now: {n}", n=format_number(town.population, 0, lang))),
              lambda c: tr("{n} inhabitants\n{cost}", n=format_number(math.ceil(c.at), 0, lang),
                           cost=format_money(c.cost, lang)),
              (tr("Cost against inhabitants"), tr("Inhabitants"), tr("Annual cost (€)")))

        lines = []
        for pair in pairs:
            lines += [complaints_sentence(project, pair, lang), population_sentence(project, pair, lang)]
        self.sentences.setText("\n".join(lines))
        self.horizon_label.setText(tr("&Years ahead (with each option's indexation):"))
        view = multi_year(project, self.horizon.value())
        rows = [[o.name.get(lang)] + [format_money(c, lang) for c in view.costs[o.id]]
                + [format_money(view.total(o.id), lang)] for o in project.options]
        fill_table(self.years, [tr("Option")] + [str(y) for y in view.years] + [tr("Total")], rows)


def _draw(chart: LineChart, x, ys, names, points, top: float, now: tuple[float, str], label, titles) -> None:
    """One cost chart: the lines, today's figure, every crossing labelled, the axes from zero."""
    chart.set_series(x, ys, names)
    chart.clear_marks()
    chart.mark_x(*now)
    for crossing in points:
        chart.mark_point(crossing.at, crossing.cost, label(crossing), left=crossing.at > 0.55 * top,
                         below=crossing.cost > 0.6 * _top(ys))
    chart.set_labels(*titles)
    chart.data = {"x": x, "ys": ys, "crossings": [(c.at, c.cost) for c in points]}
    _from_zero(chart, x, ys)


def _top(ys: list[np.ndarray]) -> float:
    return max((float(y.max()) for y in ys if y.size), default=1.0)


def _from_zero(chart: LineChart, x: np.ndarray, ys: list[np.ndarray]) -> None:
    """Costs are read against zero: a cut-off axis would exaggerate the differences."""
    top = _top(ys)
    chart.plot.setYRange(0, top * 1.1 or 1.0, padding=0)
    chart.plot.setXRange(0, float(x[-1]) if x.size else 1.0, padding=0.02)
