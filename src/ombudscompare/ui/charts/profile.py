"""The profile: each option's 0–100 value per criterion as grouped horizontal bars."""

from __future__ import annotations

import numpy as np

from ...i18n import language, tr
from .base import BarChart

GROUP_THICKNESS = 0.6


class ProfileChart(BarChart):
    """One group per enabled criterion (first on top), one colour-and-hatch per option."""

    object_name = "profile_chart"

    def draw(self) -> None:
        project = self.document.project
        evaluation = self.document.evaluation
        lang = language()
        criteria = [c for c in project.criteria if c.enabled]
        results = evaluation.results
        m, n = len(criteria), len(results)
        values = np.array([[r.cell(c.id).value for c in criteria] for r in results]).reshape(n, m)
        thickness = GROUP_THICKNESS / max(1, n)
        centres = np.arange(m - 1, -1, -1, dtype=float)
        offsets = (n - 1) / 2.0 * thickness - np.arange(n) * thickness
        y = (centres[None, :] + offsets[:, None]).ravel()
        self.bars.set_bars(np.zeros(n * m), y, values.ravel(), thickness * 0.9, np.repeat(np.arange(n), m))
        self.set_legend([project.option(r.option_id).name.get(lang) for r in results])
        self.ensure_texts(0)
        self.set_names([(centre + GROUP_THICKNESS / 2 + 0.02, c.name.get(lang)) for centre, c in zip(centres.tolist(), criteria)])
        self.set_ranges((0.0, 104.0), (-0.4, m - 0.15))
        self.set_axis_label(tr("Value (0–100) per criterion"))
        self.set_title(tr("Profile"))
        self.data = {"options": [r.option_id for r in results], "criteria": [c.id for c in criteria],
                     "values": values}
