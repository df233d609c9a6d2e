"""The value-for-money chart: a line chart whose points are the options, drawn by what they are — efficient options
as filled dots on the frontier, the others as open squares, the option first on the total now as a star."""

from __future__ import annotations

import pyqtgraph as pg

from ...explain.value_chart import EFFICIENT, ValueChartData
from . import style
from .lines import LineChart

SIZE = 14  # px at zoom 1: a point as large as the line chart's ringed points
STAR_SIZE = 24


class ValueChart(LineChart):
    """Quality against annual cost; its labels are placed like a line chart's, clear of the frontier and of each
    other. Shape, not colour, tells the points apart (and each label says it in words)."""

    def show_data(self, data) -> None:
        super().show_data(data)
        symbols = data.symbols if isinstance(data, ValueChartData) else ()
        if symbols != self.legend.symbols:  # the markers explained beside the frontier's line
            self.legend.set_entries(self.legend.names, symbols)

    def _set_points(self, points) -> None:
        super()._set_points(points)
        data = self.shown
        kinds = data.point_kinds if isinstance(data, ValueChartData) else ()
        leading = data.leading if isinstance(data, ValueChartData) else ()
        for index, (dot, _label) in enumerate(self.points):
            efficient = index < len(kinds) and kinds[index] == EFFICIENT
            first = index < len(leading) and leading[index]
            look = (("star" if first else "o") if efficient else ("star" if first else "s"), efficient, first)
            if getattr(dot, "look", None) == look:
                continue
            dot.setSymbol(look[0])
            dot.setSize((STAR_SIZE if first else SIZE) * self.zoom)
            dot.setBrush(pg.mkBrush(style.FOREGROUND) if efficient else pg.mkBrush(255, 255, 255, 240))
            dot.setPen(pg.mkPen(style.FOREGROUND, width=2))
            dot.look = look
