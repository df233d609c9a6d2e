"""The Word appendix: the document model of explain.appendix with its charts drawn by the window's own chart
widgets, as opaque PNGs sharp in print, written by formats.word."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QBuffer, QIODevice, QSize
from PySide6.QtGui import QImage

from ...core.analyses import Analyses
from ...core.model import Project
from ...explain.appendix import Appendix, build_appendix
from ...formats.word import CHART_WIDTH_MM, write_docx
from .charts import chart_widget, render_image

CHART_SIZE = QSize(1600, 900)  # 254 pixels to the inch at 160 mm wide
CHART_ZOOM = 1.6  # type as large on paper as in the PDF report
INCH_MM = 25.4


def chart_png(image: QImage, printed_mm: float = CHART_WIDTH_MM) -> bytes:
    """The image without an alpha channel (nothing transparent), with its resolution at the printed width."""
    opaque = image.convertToFormat(QImage.Format.Format_RGB32)
    per_metre = round(opaque.width() / (printed_mm / 1000.0))
    opaque.setDotsPerMeterX(per_metre)
    opaque.setDotsPerMeterY(per_metre)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    opaque.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes
    return bytes(buffer.data().data())


def chart_images(appendix: Appendix, analyses: Analyses) -> dict[int, bytes]:
    """Each chart of the appendix drawn as the window draws it."""
    images = {}
    for index, block in enumerate(appendix.charts()):
        widget = chart_widget(block.request, analyses.project, appendix.lang, zoom=CHART_ZOOM, analyses=analyses)
        images[index] = chart_png(render_image(widget, CHART_SIZE))
        widget.deleteLater()
    return images


def write_word(project: Project, path: str | os.PathLike[str], lang: str, template: str | None = None,
               now: datetime | None = None, analyses: Analyses | None = None) -> None:
    """Write the appendix as .docx atomically, on `template` (a .docx or .dotx) when given (FileError on a
    template that cannot be used or a file that cannot be written; ModelError when the project cannot be
    scored)."""
    analyses = analyses or Analyses(project)
    appendix = build_appendix(analyses, lang, now)
    write_docx(appendix, path, chart_images(appendix, analyses), template)
