"""Weight sensitivity: totals as one weight runs 0→100 %, its flips, and every criterion's safe interval."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from ...analysis_text import interval_sentence
from ...core.sensitivity import weight_sensitivity
from ...i18n import language, tr
from ...i18n.numbers import format_number, format_percent
from .base import AnalysisTab, fill_table, read_only_table, sentence_label
from .linechart import LineChart

GRID = np.linspace(0.0, 1.0, 101)


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
        self.chart = LineChart()
        self.telling = sentence_label()
        self.telling.setObjectName("most_telling")
        self.table = read_only_table("intervals_table")
        self.table.setMaximumHeight(190)
        row = QHBoxLayout()
        row.addWidget(self.criterion_label)
        row.addWidget(self.criterion, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.telling)
        layout.addWidget(self.table)
        self.result = None
        self.preferred: str | None = None  # a criterion asked for from outside (chart export)

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self.criterion_label.setText(tr("&Weight of:"))
        result = weight_sensitivity(self.document.evaluation)
        self.result = result
        wanted = self.preferred or self.criterion.currentData()
        self.preferred = None
        self.criterion.clear()
        for criterion_id in result.lines:
            self.criterion.addItem(project.criterion(criterion_id).name.get(lang), criterion_id)
        if not result.lines:
            self.show_problem(tr("Switch on at least two criteria to see how the weights matter."))
            return
        telling = result.most_telling()
        if wanted not in result.lines:
            wanted = telling.criterion_id if telling else next(iter(result.lines))
        self.criterion.setCurrentIndex(self.criterion.findData(wanted))
        line = result.lines[wanted]
        names = [project.option(o).name.get(lang) for o in line.option_ids]
        totals = line.totals(GRID)
        chart = self.chart
        chart.set_series(GRID * 100.0, [totals[:, i] for i in range(len(names))], names)
        chart.clear_marks()
        chart.mark_x(line.current * 100.0, tr("now: {percent}", percent=format_percent(line.current, 1, lang)))
        for flip in result.flips[wanted]:
            chart.mark_point(flip.at * 100.0, flip.total, format_percent(flip.at, 1, lang), left=flip.at > 0.7)
        name = project.criterion(wanted).name.get(lang)
        chart.set_labels(tr("Totals as the weight of {criterion} changes", criterion=name),
                         tr("Weight of {criterion} (%)", criterion=name), tr("Total score"))
        chart.plot.setXRange(0, 100, padding=0.01)
        chart.data = {"criterion": wanted, "flips": [f.at for f in result.flips[wanted]], "current": line.current}
        self.telling.setText(interval_sentence(project, telling, lang) if telling else
                             tr("No weight of a single criterion changes first place."))
        rows = []
        for criterion_id, interval in result.intervals.items():
            rows.append([
                project.criterion(criterion_id).name.get(lang),
                format_percent(interval.current, 1, lang),
                f"{format_percent(interval.low, 1, lang)} – {format_percent(interval.high, 1, lang)}",
                ", ".join(format_percent(f.at, 1, lang) for f in result.flips[criterion_id]) or "—",
                format_number(interval.margin * 100.0, 1, lang) if interval.margin != float("inf") else "—",
            ])
        fill_table(self.table, [tr("Criterion"), tr("Weight"), tr("First place unchanged"), tr("Ranking changes at"),
                                tr("Margin (points)")], rows)

    def show_problem(self, text: str) -> None:
        self.telling.setText(text)
        self.chart.set_series([], [], [])
        self.chart.clear_marks()
        self.table.setRowCount(0)
