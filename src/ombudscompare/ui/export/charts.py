"""Every chart kind as a stand-alone widget, and as PNG (≥ 1920 px, white) or SVG on disk or the clipboard."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ...formats.atomic import write_bytes_atomic
from ...i18n import N_, tr
from ..analysis.costs import CostsTab
from ..analysis.robustness import RobustnessTab
from ..analysis.weights import WeightsTab
from ..charts import style
from ..charts.profile import ProfileChart
from ..charts.totals import TotalsChart
from ..document import Document

KINDS = {
    "ranking": N_("Ranking with contributions"),
    "profile": N_("Profile"),
    "costs-complaints": N_("Cost against complaints"),
    "costs-population": N_("Cost against inhabitants"),
    "sensitivity": N_("Weight sensitivity"),
    "robustness": N_("Robustness"),
}
SLIDE = QSize(1920, 1080)
SLIDE_ZOOM = 2.0  # 12 pt labels become 24 pt: readable from the back of a committee room


def chart_widget(kind: str, document: Document, zoom: float = SLIDE_ZOOM, criterion: str | None = None,
                 spread: float | None = None) -> QWidget:
    """A fresh chart of `kind` for the document, drawn, without a parent."""
    with style.zoomed(zoom):
        if kind == "ranking":
            widget = TotalsChart(document)
        elif kind == "profile":
            widget = ProfileChart(document)
        elif kind in ("costs-complaints", "costs-population"):
            tab = CostsTab(document)
            tab.refresh()
            widget = tab.by_complaints if kind == "costs-complaints" else tab.by_population
            widget.setParent(None)
            widget._owner = tab  # keep the tab (and its document connection) alive with the chart
        elif kind == "sensitivity":
            tab = WeightsTab(document)
            tab.preferred = criterion
            tab.refresh()
            widget = tab.chart
            widget.setParent(None)
            widget._owner = tab
        elif kind == "robustness":
            tab = RobustnessTab(document)
            if spread:
                tab.spread.setValue(spread)
                tab.near.setChecked(True)
            tab.refresh()
            widget = tab.chart
            widget.setParent(None)
            widget._owner = tab
        else:
            raise KeyError(kind)
    widget.setStyleSheet("background: white;")
    return widget


def _lay_out(widget: QWidget, size: QSize) -> None:
    """Give the widget its size for real (shown, but never on a screen) so every child lays out."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def render_image(widget: QWidget, size: QSize = SLIDE) -> QImage:
    """The widget laid out at `size` and painted on white."""
    _lay_out(widget, size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return image


def png_bytes(widget: QWidget, size: QSize = SLIDE) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render_image(widget, size).save(buffer, "PNG")
    return bytes(buffer.data())


def svg_bytes(widget: QWidget, size: QSize = SLIDE, title: str = "") -> bytes:
    from PySide6.QtSvg import QSvgGenerator  # loaded only when an SVG is asked for

    _lay_out(widget, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("OmbudsCompare")
    painter = QPainter(generator)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), 0xFFFFFFFF)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return bytes(data)


def save_chart(widget: QWidget, path: str | os.PathLike, size: QSize = SLIDE, title: str = "") -> None:
    """PNG or SVG by the file's extension, written atomically (FileError on failure)."""
    if str(path).lower().endswith(".svg"):
        write_bytes_atomic(path, svg_bytes(widget, size, title))
    else:
        write_bytes_atomic(path, png_bytes(widget, size))


def copy_chart(widget: QWidget, size: QSize = SLIDE) -> None:
    QApplication.clipboard().setImage(render_image(widget, size))


def kind_title(kind: str, lang: str | None = None) -> str:
    return tr(KINDS[kind], lang)
