"""The bars item draws every bar where the data puts it, in its series' colour, whatever order the series come in
(each series is handed to Qt as rows of one array, read in place)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from ombudscompare.ui.charts import style
from ombudscompare.ui.charts.bars import HatchedBars


def test_every_bar_is_drawn_where_the_data_puts_it_in_its_series_colour(qapp):
    widget = pg.PlotWidget()
    widget.resize(800, 600)
    widget.setBackground("w")
    plot = widget.getPlotItem()
    bars = HatchedBars(plot)
    series = [3, 0, 2, 0, 3, 1, 2, 1]  # interleaved: each series' bars are not next to each other in the data
    x0 = [0.0] * 8
    y = [float(i) for i in range(8)]
    width = [10.0 + 10 * i for i in range(8)]
    bars.set_bars(x0, y, width, 0.6, series)
    plot.setXRange(0, 100, padding=0)
    plot.setYRange(-0.5, 7.5, padding=0)
    widget.show()
    qapp.processEvents()
    assert bars.bar_count() == 8
    drawn = sorted((rect.y() + rect.height() / 2, rect.width(), index) for index, rect in bars.bars())
    assert drawn == sorted(zip(y, width, series))
    image = widget.grab().toImage()
    for row in range(8):
        expected = style.colour(series[row])
        inside = widget.mapFromScene(plot.vb.mapViewToScene(QPointF(width[row] / 2, y[row])))
        outside = widget.mapFromScene(plot.vb.mapViewToScene(QPointF(width[row] + 5, y[row])))
        # the hatch draws lines over part of the fill: the series colour must be the commonest in a patch
        patch = [image.pixelColor(inside.x() + dx, inside.y() + dy).rgb() for dx in range(-4, 5) for dy in range(-3, 4)]
        assert max(set(patch), key=patch.count) == expected.rgb(), f"bar {row}"
        assert image.pixelColor(outside) == QColor("white"), f"past the end of bar {row}"
    widget.close()


def test_no_bars_draw_nothing(qapp):
    widget = pg.PlotWidget()
    bars = HatchedBars(widget.getPlotItem())
    bars.set_bars(np.zeros(0), np.zeros(0), np.zeros(0), 0.6, np.zeros(0, int))
    widget.show()
    qapp.processEvents()
    assert bars.bar_count() == 0 and bars.bars() == [] and bars.boundingRect().isNull()
    widget.close()


def test_a_painter_that_names_no_part_gets_every_bar(qapp):
    """Only the bars in the part being repainted are drawn; a caller that gives a default style option (an empty
    exposed part, as pyqtgraph's own exporters do) gets every bar, exactly as one that gives none."""
    from PySide6.QtGui import QImage, QPainter, QTransform
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    plot = pg.PlotItem()  # kept: the bars' parent
    bars = HatchedBars(plot)
    bars.set_bars([0.0, 10.0, 40.0], [5.0, 30.0, 80.0], [30.0, 50.0, 45.0], 8.0, [0, 1, 2])

    def drawn(option):
        image = QImage(400, 400, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setTransform(QTransform.fromScale(4, 4))
        bars.paint(painter, option)
        painter.end()
        return image

    everything = drawn(None)
    assert drawn(QStyleOptionGraphicsItem()) == everything
    assert everything.pixel(300, 320) != 0xFFFFFFFF  # the bar far from the origin is there
