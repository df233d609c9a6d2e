"""Robustness: how often each option ranks first, second, … when the weights are uncertain."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QRadioButton, QVBoxLayout

from ...analysis_text import robustness_sentence
from ...core.robustness import rank_frequencies
from ...i18n import language, tr
from ...i18n.numbers import format_percent
from ..charts.base import BarChart
from .base import AnalysisTab, sentence_label

SAMPLES = 10_000
SEED = 2018


class RankChart(BarChart):
    """Per option a bar of 100 %, split into the shares of rank 1, 2, …; each rank its colour and hatch."""

    draw_at_start = False  # drawn by RobustnessTab with the frequencies

    def draw(self) -> None:
        pass

    def show_frequencies(self, names: list[str], shares: np.ndarray, lang: str) -> None:
        n = len(names)
        y = np.arange(n - 1, -1, -1, dtype=float)
        widths = shares * 100.0
        starts = np.cumsum(widths, axis=1) - widths
        self.bars.set_bars(starts.ravel(), np.repeat(y, n), widths.ravel(), 0.5, np.tile(np.arange(n), n))
        self.set_names([(row + 0.27, name) for row, name in zip(y.tolist(), names)])
        self.set_legend([tr("rank {rank}", rank=k + 1) for k in range(n)])
        self.ensure_texts(n)
        for text, row, first in zip(self.texts, y, shares[:, 0]):
            label = format_percent(float(first), 1, lang)
            text.setText(label)
            text.setPos(101.0, row)
        self.set_ranges((0.0, 118.0), (-0.4, n - 0.2))
        self.set_axis_label(tr("Share of the weightings (%)"))
        self.set_title(tr("How often each option ranks first, second, …"))


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
            widget.toggled.connect(lambda on: on and self.refresh())
        self.spread.valueChanged.connect(lambda _v: self.near.isChecked() and self.refresh())
        self.chart = RankChart(document)
        self.chart.document.evaluated.disconnect(self.chart.redraw)
        self.sentence = sentence_label()
        self.sentence.setObjectName("robustness_sentence")
        row = QHBoxLayout()
        row.addWidget(self.uniform)
        row.addWidget(self.near)
        row.addWidget(self.spread)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.sentence)
        self.frequencies = None

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self.uniform.setText(tr("&All weightings equally likely"))
        self.near.setText(tr("Within ± percentage &points of the present weights:"))
        spread = self.spread.value() if self.near.isChecked() else None
        self.frequencies = rank_frequencies(self.document.evaluation, SAMPLES, SEED, spread)
        names = [project.option(o).name.get(lang) for o in self.frequencies.option_ids]
        self.chart.show_frequencies(names, self.frequencies.shares, lang)
        self.sentence.setText(robustness_sentence(project, self.frequencies, lang))

    def show_problem(self, text: str) -> None:
        self.sentence.setText(text)
        self.chart.show_message(text)
