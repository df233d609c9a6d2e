"""Horizontal bars in colour plus hatch, the base of both result charts."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPen

from . import style


class HatchedBars:
    """A series of horizontal bars: one filled item and one hatch overlay, updated in place."""

    def __init__(self, plot: pg.PlotItem, index: int):
        self.index = index
        self.fill = pg.BarGraphItem(x0=[], y=[], height=0.5, width=[], brush=style.colour(index),
                                    pen=pg.mkPen(style.FOREGROUND, width=0.8))
        self.hatch = pg.BarGraphItem(x0=[], y=[], height=0.5, width=[], brush=style.hatch_brush(index),
                                     pen=QPen(pg.mkColor(0, 0, 0, 0)))
        plot.addItem(self.fill)
        plot.addItem(self.hatch)

    def set_bars(self, x0, y, width, height: float) -> None:
        x0, y, width = np.asarray(x0, float), np.asarray(y, float), np.asarray(width, float)
        self.fill.setOpts(x0=x0, y=y, width=width, height=height)
        self.hatch.setOpts(x0=x0, y=y, width=width, height=height)

    def remove(self, plot: pg.PlotItem) -> None:
        plot.removeItem(self.fill)
        plot.removeItem(self.hatch)
