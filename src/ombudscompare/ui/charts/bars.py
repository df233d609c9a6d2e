"""All bars of a chart in one item: colour fill plus hatch overlay, drawn series by series."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
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
        self._groups: list[tuple[int, list[QRectF]]] = []
        self._bounds = QRectF()
        self._outline = pg.mkPen(style.FOREGROUND, width=0.8 * style.current_zoom())
        self._outline.setCosmetic(True)
        plot.addItem(self)

    def set_bars(self, x0, y, width, height, series) -> None:
        """Bars from x0 to x0 + width, centred on y, `height` thick; `series` gives each bar's style index."""
        x0, y, width = np.asarray(x0, float), np.asarray(y, float), np.asarray(width, float)
        height = np.broadcast_to(np.asarray(height, float), x0.shape)
        series = np.asarray(series, int)
        groups = []
        top = y - height / 2
        for index in np.unique(series):
            mask = series == index
            rects = [QRectF(a, b, w, h) for a, b, w, h in zip(x0[mask].tolist(), top[mask].tolist(),
                                                                width[mask].tolist(), height[mask].tolist())]
            groups.append((int(index), rects))
        self.prepareGeometryChange()
        self._groups = groups
        if x0.size:
            left, right = float(min(x0.min(), (x0 + width).min())), float(max(x0.max(), (x0 + width).max()))
            bottom, top = float((y - height / 2).min()), float((y + height / 2).max())
            self._bounds = QRectF(left, bottom, right - left, top - bottom)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_args) -> None:
        # Upright rectangles need no antialiasing, which would make each hatched fill cost several times more
        # (a 30 × 30 ranking has 900 bars); the outlines stay one crisp line.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for index, rects in self._groups:
            painter.setPen(self._outline)
            painter.setBrush(style.colour(index))
            painter.drawRects(rects)
            painter.setPen(QPen(pg.mkColor(0, 0, 0, 0)))
            painter.setBrush(style.hatch_brush(index))
            painter.drawRects(rects)

    def bar_count(self) -> int:
        return sum(len(rects) for _index, rects in self._groups)
