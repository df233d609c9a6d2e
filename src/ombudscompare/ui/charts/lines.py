"""A line chart widget for costs and weight sensitivity, drawing whatever LineChartData it is given."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...explain.charts import LineChartData
from ...i18n import language
from ...i18n.numbers import format_number
from . import style
from .base import Legend
from .dots import Dot
from .text import Label


class LocaleAxis(pg.AxisItem):
    """Tick labels in the language's number style: 40.000 in Dutch, 40,000 in English."""

    def tickStrings(self, values, scale, spacing):
        decimals = 0 if spacing * scale >= 1 else 1
        return [format_number(v * scale, decimals, language()) for v in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N803 (pyqtgraph's names)
        """pyqtgraph's spacing, widened along a horizontal axis until its labels fit side by side: it always writes
        the major ticks, so a slide's large figures on a narrowed chart ran together ('10.00020.000')."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("bottom", "top") or not levels or size <= 0 or maxVal <= minVal:
            return levels
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        widest = max(metrics.horizontalAdvance(text) for text in
                     self.tickStrings([minVal, maxVal], 1.0, levels[0][0]))
        room = widest + 2.0 * metrics.averageCharWidth()
        major = wider = levels[0][0]
        while wider * size / (maxVal - minVal) < room and wider < 1e6 * major:
            wider = _next_round_step(wider)
        if wider == major:
            return levels
        return [(wider, 0), (wider / (4 if _mantissa(wider) == 2 else 5), 0)]


def _mantissa(step: float) -> int:
    """1, 2 or 5: the leading figure of a round step."""
    return round(step / 10 ** math.floor(math.log10(step)))


def _next_round_step(step: float) -> float:
    """The next of 1, 2, 5, 10, 20, 50, … after `step`."""
    return step * (2.5 if _mantissa(step) == 2 else 2.0)


class LineChart(QWidget):
    """Series as coloured, dashed lines; marks (vertical lines, labelled points) redrawn with the data."""

    def __init__(self, name: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.view = pg.PlotWidget(background="w", axisItems={"left": LocaleAxis("left"),
                                                             "bottom": LocaleAxis("bottom")})
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a chart does nothing with the keyboard: no Tab stop
        self.view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot: pg.PlotItem = self.view.getPlotItem()
        self.zoom = style.current_zoom()
        style.adopt_menus(self.plot, self)
        style.style_axes(self.plot, self.zoom)
        style.cache_static(self.plot)
        style.pass_wheel(self.view)
        self.plot.getAxis("left").setWidth(int(78 * self.zoom))
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.legend = Legend(lines=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.setMinimumHeight(200)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend.setFont(style.font(style.LABEL_POINT_SIZE - 1, zoom=self.zoom))
        self.message = pg.TextItem("", color=style.FOREGROUND, anchor=(0.5, 0.5))
        self.message.setFont(style.font(style.LABEL_POINT_SIZE, zoom=self.zoom))
        self.plot.addItem(self.message)
        self.curves: list[pg.PlotDataItem] = []
        self.vlines: list[pg.InfiniteLine] = []
        self.points: list[tuple[Dot, Label]] = []
        self._cache: dict = {}
        self.data: dict = {}
        self.shown: LineChartData | None = None
        self.plot.vb.sigResized.connect(self._plot_resized)

    def show_data(self, data: LineChartData) -> None:
        """Draw the chart; texts, ticks, ranges and marks that did not change are left alone."""
        self.shown = data
        self.data = data.facts
        self.setAccessibleName(data.title)
        self.setAccessibleDescription(data.description or data.message)
        self._set_series(data)
        self._set_marks(data.marks)
        self._set_points(data.points)
        self._once("labels", (data.title, data.x_label, data.y_label), self._set_labels)
        self._once("ticks", data.y_ticks, lambda ticks: self.plot.getAxis("left").setTicks(
            None if ticks is None else [[(t, format_number(t, 0)) for t in ticks]]))
        self._once("ranges", (data.x_range, data.x_padding, data.y_range), self._set_ranges)
        self.message.setText(data.message)
        if data.message:
            self.message.setPos(sum(data.x_range) / 2, sum(data.y_range) / 2)
        self._fit_message()
        for side in ("left", "bottom"):  # a message instead of a chart: no figures along empty axes
            if self.plot.getAxis(side).style["showValues"] == bool(data.message):
                self.plot.getAxis(side).setStyle(showValues=not data.message)

    def _once(self, key: str, value, apply) -> None:
        """Apply a setting only when it changed: every axis change re-lays the plot out."""
        if self._cache.get(key, object()) != value:
            apply(value)
            self._cache[key] = value

    def _set_ranges(self, ranges) -> None:
        x_range, padding, y_range = ranges
        self.plot.setXRange(*x_range, padding=padding)
        self.plot.setYRange(*y_range, padding=0)
        self._fit_left_axis(y_range)

    def _fit_left_axis(self, y_range: tuple[float, float]) -> None:
        """The left axis as wide as its widest tick label plus its title's line: '100.000' must not run into
        'Kosten per jaar (€)'."""
        axis = self.plot.getAxis("left")
        metrics = QFontMetricsF(style.font(zoom=self.zoom))
        widest = max(metrics.horizontalAdvance(format_number(value, 0, language())) for value in (*y_range, 0.0))
        title = metrics.height() * 1.3 if self._cache.get("labels", ("", "", ""))[2] else 0.0
        axis.setWidth(int(max(48 * self.zoom, widest + title + 14 * self.zoom)))

    def _set_series(self, data: LineChartData) -> None:
        while len(self.curves) < len(data.series):
            index = len(self.curves)
            self.curves.append(self.plot.plot([], [], pen=style.line_pen(index, 3.0 * self.zoom)))
        while len(self.curves) > len(data.series):
            self.plot.removeItem(self.curves.pop())
        for curve, (_name, y) in zip(self.curves, data.series):
            curve.setData(data.x, y)
        names = tuple(name for name, _y in data.series)
        if names != self.legend.names:
            self.legend.set_entries(names)

    def _set_marks(self, marks) -> None:
        """Dashed vertical lines with a label at the top, e.g. the expected number of complaints."""
        while len(self.vlines) < len(marks):
            line = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(style.FOREGROUND, width=1.5,
                                                                style=Qt.PenStyle.DashLine),
                                   label="", labelOpts={"position": 0.95, "color": style.FOREGROUND,
                                                        "fill": (255, 255, 255, 220), "anchors": [(0, 0), (0, 0)]})
            line.label.setFont(style.font(style.SMALL_POINT_SIZE + 1, zoom=self.zoom))
            self.plot.addItem(line)
            self.vlines.append(line)
        while len(self.vlines) > len(marks):
            self.plot.removeItem(self.vlines.pop())
        for line, (x, text) in zip(self.vlines, marks):
            line.setPos(x)
            if line.label.toPlainText() != text:
                line.label.setText(text)

    def _set_points(self, points) -> None:
        """Ringed points with their value written beside them (left of them near the right edge)."""
        while len(self.points) < len(points):
            dot = Dot("o", 14 * self.zoom, pen=pg.mkPen(style.FOREGROUND, width=2),
                      brush=pg.mkBrush(255, 255, 255, 230))
            label = Label("", color=style.FOREGROUND, fill=(255, 255, 255, 210))
            label.setFont(style.font(style.SMALL_POINT_SIZE + 1, bold=True, zoom=self.zoom))
            self.plot.addItem(dot)
            self.plot.addItem(label)
            self.points.append((dot, label))
        while len(self.points) > len(points):
            dot, label = self.points.pop()
            self.plot.removeItem(dot)
            self.plot.removeItem(label)
        for (dot, label), (x, y, text, left, below) in zip(self.points, points):
            dot.setData([x], [y])
            if label.toPlainText() != text:
                label.setText(text)
            label.preferred = (left, below)
            label.point = (x, y)
            label.setPos(x, y)
            self._anchor(label, left, below, self._reach(dot))
        QTimer.singleShot(0, self, self.place_labels)

    def _reach(self, dot: Dot) -> float:
        """How far from its point a label keeps: clear of the marker (a ring, or the larger star) by 3 px."""
        return float(dot.opts.get("size", 14.0 * self.zoom)) / 2 + 3 * self.zoom

    def _anchor(self, label: Label, left: bool | None, below: bool, reach: float) -> None:
        """Put the label's box beside its point, `reach` pixels clear of its marker, on the given side (see
        `_side_anchor`)."""
        box = label.boundingRect()
        label.setAnchor(_side_anchor(box.width(), box.height(), left, below, reach))
        label.side = (left, below)

    def place_labels(self) -> None:
        """Each point's label on the first side of its point (the preferred one first) where, measured in pixels
        as drawn, it stays inside the plot and covers no line, no marker and no other label."""
        if not shiboken6.isValid(self.plot) or not self.points or self.shown is None:
            return
        area = self.plot.vb.sceneBoundingRect()
        to_scene = self.plot.vb.childGroup.sceneTransform()
        x = np.asarray(self.shown.x, float)
        lines = []
        for _name, y in self.shown.series:
            sx = to_scene.m11() * x + to_scene.m21() * np.asarray(y, float) + to_scene.dx()
            sy = to_scene.m12() * x + to_scene.m22() * np.asarray(y, float) + to_scene.dy()
            t = np.linspace(0.0, 1.0, 12)[:, None]  # points along every segment, so a steep line is seen too
            lines.append((sx[:-1] + t * np.diff(sx), sy[:-1] + t * np.diff(sy)))
        marks = []  # the dashed 'now' lines (as thin strips: their own bounding box spans the whole view) and labels
        for line in self.vlines:
            at = to_scene.map(QPointF(line.value(), 0.0)).x()
            marks.append(QRectF(at - 3 * self.zoom, area.top(), 6 * self.zoom, area.height()))
            marks.append(line.label.sceneBoundingRect())
        taken: list[QRectF] = []
        dots = [self._dot_rect(dot, label, to_scene) for dot, label in self.points]  # no label covers a point
        for dot, label in self.points:
            preferred = getattr(label, "preferred", (False, False))
            corners = [preferred] + [(a, b) for a in (True, False) for b in (False, True) if (a, b) != preferred]
            sides = [(a, b, 1.0) for a, b in corners] + [(None, b, f) for f in (2.0, 4.0, 7.0) for b in (False, True)]
            box = label.boundingRect()
            at = to_scene.map(QPointF(*getattr(label, "point", (0.0, 0.0))))
            reach = self._reach(dot)
            best, best_cost = self._beside(at, box, sides[0], area, reach), float("inf")
            for side in sides:
                anchor, rect = placed = self._beside(at, box, side, area, reach)
                cost = 0.0
                if not area.contains(rect):
                    cost += 100.0
                cost += sum(10.0 for mark in marks if mark.intersects(rect))
                cost += sum(10.0 for other in taken if other.intersects(rect))
                cost += sum(10.0 for marker in dots if marker.intersects(rect))  # its own too, once slid inside
                for sx, sy in lines:
                    cost += float(np.count_nonzero((sx > rect.left()) & (sx < rect.right()) & (sy > rect.top())
                                                   & (sy < rect.bottom()))) / 12.0
                if cost < best_cost:
                    best, best_cost = placed, cost
                    label.side = side[:2]
                if cost == 0:
                    break
            anchor, rect = best
            if label.anchor.x() != anchor[0] or label.anchor.y() != anchor[1]:
                label.setAnchor(anchor)
            taken.append(rect)

    def _beside(self, at: QPointF, box: QRectF, side: tuple[bool | None, bool, float], area: QRectF,
                reach: float) -> tuple[tuple[float, float], QRectF]:
        """The anchor that puts a label of size `box` on `side` of its point drawn at `at` (`reach` pixels clear
        of it, `far` times that), slid inside the plot when it sticks out, and where the label then is, in scene
        pixels. Worked out rather than tried: moving a label to try each side re-laid it out up to ten times per
        point."""
        left, below, far = side
        width, height = box.width(), box.height()
        ax, ay = _side_anchor(width, height, left, below, reach * far)
        rect = QRectF(at.x() - ax * width, at.y() - ay * height, width, height)
        if not (area.contains(rect) or width > area.width() or height > area.height()):
            dx = max(0.0, rect.right() - area.right()) - max(0.0, area.left() - rect.left())
            dy = max(0.0, rect.bottom() - area.bottom()) - max(0.0, area.top() - rect.top())
            ax, ay = ax + dx / max(1.0, width), ay + dy / max(1.0, height)
            rect = QRectF(at.x() - ax * width, at.y() - ay * height, width, height)
        return (ax, ay), rect

    @staticmethod
    def _dot_rect(dot: Dot, label: Label, to_scene) -> QRectF:
        """Where a point's symbol is drawn, in scene pixels."""
        x, y = getattr(label, "point", (0.0, 0.0))
        centre = to_scene.map(QPointF(x, y))
        size = float(dot.opts.get("size", 0.0))
        return QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)

    def _fit_message(self) -> None:
        """A message instead of a chart wraps within the plot (one long line was cut at both ends)."""
        if self.message.toPlainText():
            self.message.setTextWidth(max(120.0, self.plot.vb.width() - 32 * self.zoom))

    def _plot_resized(self, *_args) -> None:
        """The plot area has its new size (pyqtgraph lays out lazily, after the widget's resize): fit the title
        to it and place the point labels."""
        self._fit_message()
        labels = self._cache.get("labels")
        if labels:
            style.set_title(self.plot, labels[0], self.zoom, self.plot.vb.width())
            style.set_axis_title(self.plot, "bottom", labels[1], self.zoom, self.view.width() - 16 * self.zoom)
            style.set_axis_title(self.plot, "left", labels[2], self.zoom, self.plot.vb.height())
        if self.points:
            QTimer.singleShot(0, self, self.place_labels)

    def _set_labels(self, labels: tuple[str, str, str]) -> None:
        title, bottom, left = labels
        style.set_title(self.plot, title, self.zoom, self.plot.vb.width())
        style.set_axis_title(self.plot, "bottom", bottom, self.zoom, self.view.width() - 16 * self.zoom)
        style.set_axis_title(self.plot, "left", left, self.zoom, self.plot.vb.height())


def _side_anchor(width: float, height: float, left: bool | None, below: bool, gap: float) -> tuple[float, float]:
    """The anchor of a label of this size that puts it `gap` pixels beside its point: left or right of it, above
    or below; left None centres it above or below (where two crossing lines leave a wedge free)."""
    if left is None:
        ax = 0.5
    else:
        ax = 1 + gap / max(1.0, width) if left else -gap / max(1.0, width)
    ay = -gap / max(1.0, height) if below else 1 + gap / max(1.0, height)
    return ax, ay
