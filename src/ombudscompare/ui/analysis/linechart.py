"""A line chart with marked points and a legend, for costs and weight sensitivity."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...i18n import language
from ...i18n.numbers import format_number
from ..charts import style
from ..charts.base import Legend


class LocaleAxis(pg.AxisItem):
    """Tick labels in the language's number style: 40.000 in Dutch, 40,000 in English."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        decimals = 0 if spacing * scale >= 1 else 1
        return [format_number(v * scale, decimals, language()) for v in values]


class LineChart(QWidget):
    """Series as coloured, dashed lines; marks (vertical lines, labelled points) redrawn with the data."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.PlotWidget(background="w", axisItems={"left": LocaleAxis("left"),
                                                             "bottom": LocaleAxis("bottom")})
        self.plot: pg.PlotItem = self.view.getPlotItem()
        self.zoom = style.current_zoom()
        style.style_axes(self.plot, self.zoom)
        self.plot.getAxis("left").setWidth(int(78 * self.zoom))
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.legend = Legend()
        self.legend.lines = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.setMinimumHeight(200)
        self.legend.setFont(style.font(style.LABEL_POINT_SIZE - 1, zoom=self.zoom))
        self.curves: list[pg.PlotDataItem] = []
        self.marks: list = []
        self.data: dict = {}

    def set_series(self, x, ys: list, names: list[str]) -> None:
        while len(self.curves) < len(ys):
            index = len(self.curves)
            self.curves.append(self.plot.plot([], [], pen=style.line_pen(index, 3.0 * self.zoom)))
        while len(self.curves) > len(ys):
            self.plot.removeItem(self.curves.pop())
        for curve, y in zip(self.curves, ys):
            curve.setData(x, y)
        if names != [self.legend.item(i).toolTip() for i in range(self.legend.count())]:
            self.legend.set_entries(names, lines=True)

    def clear_marks(self) -> None:
        for item in self.marks:
            self.plot.removeItem(item)
        self.marks = []

    def mark_x(self, x: float, text: str) -> None:
        """A dashed vertical line with a label at the top, e.g. the expected number of complaints."""
        line = pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(style.FOREGROUND, width=1.5, style=Qt.PenStyle.DashLine),
                               label=text, labelOpts={"position": 0.95, "color": style.FOREGROUND,
                                                      "fill": (255, 255, 255, 220), "anchors": [(0, 0), (0, 0)]})
        line.label.setFont(style.font(style.SMALL_POINT_SIZE + 1, zoom=self.zoom))
        self.plot.addItem(line)
        self.marks.append(line)

    def mark_point(self, x: float, y: float, text: str, left: bool = False, below: bool = False) -> None:
        """A ringed point with its value written beside it (left of it near the right edge)."""
        dot = pg.ScatterPlotItem([x], [y], symbol="o", size=14 * self.zoom, pen=pg.mkPen(style.FOREGROUND, width=2),
                                 brush=pg.mkBrush(255, 255, 255, 230))
        label = pg.TextItem(text, color=style.FOREGROUND, anchor=(1.05 if left else -0.05, -0.1 if below else 1.1),
                            fill=(255, 255, 255, 210))
        label.setFont(style.font(style.SMALL_POINT_SIZE + 1, bold=True, zoom=self.zoom))
        label.setPos(x, y)
        self.plot.addItem(dot)
        self.plot.addItem(label)
        self.marks += [dot, label]

    def set_labels(self, title: str, bottom: str, left: str) -> None:
        size = style.pt(style.LABEL_POINT_SIZE, self.zoom)
        self.plot.setTitle(title, size=size, color=style.FOREGROUND)
        self.plot.setLabel("bottom", bottom, **{"font-size": size})
        self.plot.setLabel("left", left, **{"font-size": size})
