"""Every chart kind as a stand-alone widget drawn from its data; as PNG (≥ 1920 px, white) or SVG, on disk or
the clipboard."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ...core.analyses import Analyses
from ...core.model import Project
from ...explain.kinds import KINDS, ChartRequest, build, kind_title
from ...formats.atomic import write_bytes_atomic
from ..charts import new_chart, style
from .svg_flat import flatten

__all__ = ["KINDS", "chart_widget", "copy_chart", "kind_title", "png_bytes", "render_image", "save_chart",
           "svg_bytes"]
SLIDE = QSize(1920, 1080)
SLIDE_ZOOM = 2.0  # 12 pt labels become 24 pt: readable from the back of a committee room


def slide_zoom(size: QSize) -> float:
    """Type that takes the same share of the picture at any size: twice the window's at 1920 × 1080, and in
    proportion below that (but never under 0.75, where labels stop being readable)."""
    return max(0.75, SLIDE_ZOOM * min(size.width() / SLIDE.width(), size.height() / SLIDE.height()))


def chart_widget(kind: str | ChartRequest, project: Project, lang: str, zoom: float | None = None,
                 criterion: str | None = None, spread: float | None = None, size: QSize = SLIDE,
                 analyses: Analyses | None = None) -> QWidget:
    """A fresh chart for the project (a kind, or a request with its settings as a tab shows it), drawn from its data,
    without a parent (no tabs are built); its type sized for a picture of `size` unless `zoom` is given. Pass the
    project's `analyses` to share what the window has already computed."""
    request = kind if isinstance(kind, ChartRequest) else ChartRequest(kind, criterion, spread)
    with style.zoomed(slide_zoom(size) if zoom is None else zoom):
        widget = new_chart(request.kind)
    style.cache_static(widget.plot, on=False)  # drawn as vectors, at the picture's resolution
    widget.show_data(build(request, analyses or Analyses(project), lang))
    widget.setStyleSheet("background: white;")
    return widget


def _lay_out(widget: QWidget, size: QSize) -> None:
    """Give the widget its size for real (shown, but never on a screen) so every child lays out."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    for chart in [widget, *widget.findChildren(QWidget)]:
        place = getattr(chart, "place_labels", None)
        if place is not None:
            place()  # now that the plot has its final size


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
    render_image(widget, size).save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes
    return bytes(buffer.data().data())


def svg_bytes(widget: QWidget, size: QSize = SLIDE, title: str = "") -> bytes:
    from PySide6.QtSvg import QSvgGenerator  # loaded only when an SVG is asked for

    _lay_out(widget, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setResolution(96)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("OmbudsCompare")
    painter = QPainter(generator)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), 0xFFFFFFFF)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return flatten(bytes(data.data()), size.width(), size.height())


def save_chart(widget: QWidget, path: str | os.PathLike[str], size: QSize = SLIDE, title: str = "") -> None:
    """PNG or SVG by the file's extension, written atomically (FileError on failure)."""
    if str(path).lower().endswith(".svg"):
        write_bytes_atomic(path, svg_bytes(widget, size, title))
    else:
        write_bytes_atomic(path, png_bytes(widget, size))


def copy_chart(widget: QWidget, size: QSize = SLIDE) -> None:
    QApplication.clipboard().setImage(render_image(widget, size))


