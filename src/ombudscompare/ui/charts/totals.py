"""Totals as horizontal bars stacked by each criterion's contribution, the total written at the end."""

from __future__ import annotations

import numpy as np

from ...i18n import language, tr
from ...i18n.numbers import format_number
from .base import BarChart

BAR_THICKNESS = 0.5


class TotalsChart(BarChart):
    """Best option on top; one colour-and-hatch per criterion."""

    object_name = "totals_chart"

    def draw(self) -> None:
        project = self.document.project
        evaluation = self.document.evaluation
        lang = language()
        ranking = evaluation.ranking()
        criteria = [c for c in project.criteria if c.enabled]
        n = len(ranking)
        y = np.arange(n - 1, -1, -1, dtype=float)
        contributions = np.array([[r.cell(c.id).contribution for c in criteria] for r in ranking]).reshape(n, len(criteria))
        starts = np.cumsum(contributions, axis=1) - contributions
        m = len(criteria)
        self.bars.set_bars(starts.ravel(), np.repeat(y, m), contributions.ravel(), BAR_THICKNESS,
                           np.tile(np.arange(m), n))
        self.set_legend([c.name.get(lang) for c in criteria])
        self.ensure_texts(n)
        totals = [r.total for r in ranking]
        for text, total, row in zip(self.texts, totals, y):
            label = format_number(total, 1, lang)
            if text.shown != label:
                text.setText(label)
                text.shown = label
            text.setPos(total + 1.0, row)
        names = [project.option(r.option_id).name.get(lang) for r in ranking]
        self.set_names([(row + BAR_THICKNESS / 2 + 0.02, name) for row, name in zip(y.tolist(), names)])
        self.set_ranges((0.0, 112.0), (-0.4, n - 0.2))
        self.set_axis_label(tr("Total score (0–100), built up per criterion"))
        self.set_title(tr("Ranking"))
        self.data = {
            "options": [r.option_id for r in ranking],
            "criteria": [c.id for c in criteria],
            "contributions": contributions,
            "totals": totals,
            "labels": [t.toPlainText() for t in self.texts],
        }
