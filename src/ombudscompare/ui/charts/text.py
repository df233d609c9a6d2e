"""Chart labels that are cheap to change: pyqtgraph's TextItem drawn by a QGraphicsSimpleTextItem.

pyqtgraph's TextItem keeps its text in a QGraphicsTextItem, a whole rich-text document; setting a new total costs
about as much as drawing the bars it belongs to, and a 30 × 30 ranking sets thirty of them per weight change. The
labels of bars and points are one line of plain text, which a QGraphicsSimpleTextItem lays out for a fraction of
that. It is also plain text by construction: a name holding markup is shown as typed, never rendered.
"""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem

MARGIN = 4.0  # px around the text, as a QGraphicsTextItem's document has (labels keep their place and ground)


class _Line(QGraphicsSimpleTextItem):
    """The QGraphicsTextItem calls pyqtgraph's TextItem makes, answered by a simple text item with a margin."""

    def setPlainText(self, text: str) -> None:
        self.setText(text)

    def toPlainText(self) -> str:
        return self.text()

    def setDefaultTextColor(self, colour: QColor) -> None:
        self.setBrush(colour)
        self.setPen(pg.mkPen(None))

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(0, 0, 2 * MARGIN, 2 * MARGIN)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.translate(MARGIN, MARGIN)
        super().paint(painter, option, widget)


class Label(pg.TextItem):
    """A one-line plain-text label that keeps its size however the chart is scaled (see pg.TextItem)."""

    textItem: _Line  # noqa: N815 - pyqtgraph's name

    def __init__(self, text: str = "", color=None, anchor=(0, 0), fill=None):
        super().__init__("", color=color if color is not None else (0, 0, 0), anchor=anchor, fill=fill)
        shiboken6.delete(self.textItem)  # the rich-text item pg.TextItem made, taken from this item as it goes
        self.textItem = _Line(self)
        self.setColor(self.color)
        self.setText(text)

    def paint(self, painter: QPainter, *args) -> None:
        if self.textItem.toPlainText():  # a label with nothing to say draws no ground either
            super().paint(painter, *args)
