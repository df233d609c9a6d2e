"""A point's marker that moves for the price of a position: one symbol drawn at its place, in pixels.

A pyqtgraph ScatterPlotItem per point rebuilt its spot table, bounds and symbol atlas whenever the point moved,
and a value chart of thirty options moves all thirty at every weight edit. A marker drawn by pyqtgraph's own
`drawSymbol` (the same shapes, pens and brushes) at an item that ignores the chart's scaling costs a `setPos`.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter


class Dot(pg.GraphicsObject):
    """One marker of `size` pixels at a point of the chart; the calls the line charts make of a ScatterPlotItem."""

    def __init__(self, symbol: str = "o", size: float = 14.0, pen: Any = None, brush: Any = None):
        super().__init__()
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.opts: dict[str, Any] = {"size": float(size)}
        self._symbol = symbol
        self._pen = pg.mkPen(pen)
        self._brush = pg.mkBrush(brush)

    def setData(self, x, y) -> None:
        """Move to the one point (x[0], y[0]), in the chart's units."""
        self.setPos(float(x[0]), float(y[0]))

    def setSymbol(self, symbol: str) -> None:
        self._symbol = symbol
        self.update()

    def setSize(self, size: float) -> None:
        self.prepareGeometryChange()
        self.opts["size"] = float(size)

    def setPen(self, *args, **kwargs) -> None:
        self.prepareGeometryChange()  # the bounds reach as far as the pen is wide
        self._pen = pg.mkPen(*args, **kwargs)

    def setBrush(self, *args, **kwargs) -> None:
        self._brush = pg.mkBrush(*args, **kwargs)
        self.update()

    def boundingRect(self) -> QRectF:
        reach = self.opts["size"] / 2 + self._pen.widthF() + 1
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None) -> list[float]:  # noqa: N803 - pyqtgraph's
        """What the point takes of the chart's range: only its place (its size is in pixels)."""
        at = self.pos().x() if axis == 0 else self.pos().y()
        return [at, at]

    def paint(self, painter: QPainter, *_args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drawSymbol(painter, self._symbol, self.opts["size"], self._pen, self._brush)
