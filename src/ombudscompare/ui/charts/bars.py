"""All bars of a chart in one item: colour fill plus hatch overlay, drawn series by series."""

from __future__ import annotations

from typing import cast

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPen

from . import style


class HatchedBars(pg.GraphicsObject):
    """Every bar of one chart; each bar's series index picks its colour and its hatch.

    One item drawing each series with a single `drawRects` call (fill, then hatch) keeps a 30 × 30
    redraw cheap; pyqtgraph's BarGraphItem paints bar by bar once brushes differ.
    """

    def __init__(self, plot: pg.PlotItem):
        super().__init__()
        self._rects = np.zeros((0, 4))  # x, y, width, height of every bar, series after series (QRectF's layout)
        self._series = np.zeros(0, int)  # each row's series index
        self._groups: list[tuple[int, int, int]] = []  # series index, first row, number of rows
        self._bounds = QRectF()
        self._outline = pg.mkPen(style.FOREGROUND, width=0.8 * style.current_zoom())
        self._outline.setCosmetic(True)
        # the part of the chart to draw comes with each paint: a tall chart in a scroll area draws what shows
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        plot.addItem(self)

    def set_bars(self, x0, y, width, height, series) -> None:
        """Bars from x0 to x0 + width, centred on y, `height` thick; `series` gives each bar's style index."""
        x0, y, width = np.asarray(x0, float), np.asarray(y, float), np.asarray(width, float)
        height = np.broadcast_to(np.asarray(height, float), x0.shape)
        series = np.asarray(series, int)
        order = np.argsort(series, kind="stable")  # each series' bars side by side, in the order given
        rects = np.ascontiguousarray(np.column_stack((x0, y - height / 2, width, height))[order], dtype=np.float64)
        self.prepareGeometryChange()
        self._rects = rects
        self._series = series[order]
        self._groups = _groups(self._series)
        if x0.size:
            left, right = float(min(x0.min(), (x0 + width).min())), float(max(x0.max(), (x0 + width).max()))
            bottom, top = float((y - height / 2).min()), float((y + height / 2).max())
            self._bounds = QRectF(left, bottom, right - left, top - bottom)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option=None, *_args) -> None:
        # Upright rectangles need no antialiasing, which would make each hatched fill cost several times more
        # (a 30 × 30 ranking has 900 bars); the outlines stay one crisp line. Each series is handed to Qt as
        # the rows of one array, read in place (QRectF is four doubles): no Python object per bar.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rects, groups = self._shown(painter, option)
        address, row = rects.ctypes.data, rects.strides[0]
        no_pen = QPen(pg.mkColor(0, 0, 0, 0))
        for index, first, count in groups:
            pointer = cast(QRectF, shiboken6.wrapInstance(address + first * row, QRectF))
            painter.setPen(self._outline)
            painter.setBrush(style.colour(index))
            painter.drawRects(pointer, count)
            painter.setPen(no_pen)
            painter.setBrush(style.hatch_brush(index))
            painter.drawRects(pointer, count)

    def _shown(self, painter: QPainter, option) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
        """The bars that reach into the part being drawn (with their outline's pixels around it), series by series.
        Everything when the whole item is drawn (an export) or no part is given."""
        exposed = getattr(option, "exposedRect", None)
        if exposed is None or exposed.isEmpty() or exposed.contains(self._bounds) or not len(self._rects):
            return self._rects, self._groups  # no part given (a default style option has an empty one): all
        scale = painter.deviceTransform()
        margin_x = 2.0 / max(abs(scale.m11()), 1e-12)  # two pixels, in the chart's units
        margin_y = 2.0 / max(abs(scale.m22()), 1e-12)
        x, y, width, height = self._rects.T
        left, right = np.minimum(x, x + width), np.maximum(x, x + width)
        bottom, top = np.minimum(y, y + height), np.maximum(y, y + height)
        keep = ((right >= exposed.left() - margin_x) & (left <= exposed.right() + margin_x)
                & (top >= exposed.top() - margin_y) & (bottom <= exposed.bottom() + margin_y))
        if keep.all():
            return self._rects, self._groups
        return np.ascontiguousarray(self._rects[keep]), _groups(self._series[keep])

    def bar_count(self) -> int:
        return len(self._rects)

    def bars(self) -> list[tuple[int, QRectF]]:
        """Every bar drawn, with its series index, series after series (what tests compare with the data)."""
        return [(index, QRectF(*self._rects[row])) for index, first, count in self._groups
                for row in range(first, first + count)]


def _groups(series: np.ndarray) -> list[tuple[int, int, int]]:
    """Each series index of rows sorted by series, with its first row and its number of rows."""
    indexes, firsts, counts = np.unique(series, return_index=True, return_counts=True)
    return [(int(i), int(f), int(c)) for i, f, c in zip(indexes, firsts, counts)]
