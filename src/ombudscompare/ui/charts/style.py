"""The charts' look: white background, large type, Okabe–Ito colours and hatch patterns (never colour alone)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF

from ...explain import palette
from ..widgets.plain import markup

PALETTE = palette.PALETTE
BRUSHES = {
    "none": Qt.BrushStyle.NoBrush,
    "up": Qt.BrushStyle.BDiagPattern,
    "horizontal": Qt.BrushStyle.HorPattern,
    "down": Qt.BrushStyle.FDiagPattern,
    "grid": Qt.BrushStyle.CrossPattern,
    "vertical": Qt.BrushStyle.VerPattern,
    "cross": Qt.BrushStyle.DiagCrossPattern,
    "dots": Qt.BrushStyle.Dense6Pattern,
}
HATCH_COLOUR = QColor(255, 255, 255, 200)
HATCH_ON_LIGHT = QColor(0, 0, 0, 170)
FOREGROUND = QColor("#202020")
LABEL_POINT_SIZE = 12
SMALL_POINT_SIZE = 9
TITLE_POINT_SIZE = 16


def configure() -> None:
    """Global pyqtgraph options, set once before any chart is made."""
    pg.setConfigOptions(background="w", foreground=FOREGROUND, antialias=True)


def colour(index: int) -> QColor:
    return QColor(palette.colour(index))


def pattern(index: int) -> Qt.BrushStyle:
    """A different hatch for every colour cycle, so neighbours differ in colour and every 8th also in hatch."""
    return BRUSHES[palette.hatch(index)]


def hatch_brush(index: int) -> QBrush:
    base = colour(index)
    ink = HATCH_ON_LIGHT if base.lightnessF() > 0.6 else HATCH_COLOUR
    return QBrush(ink, pattern(index))


_ZOOM = [1.0]


class zoomed:  # noqa: N801 - used as a context manager: with zoomed(2): ...
    """Charts made inside `with zoomed(2.0):` use type twice as large (presentation, slide export)."""

    def __init__(self, factor: float):
        self.factor = factor

    def __enter__(self):
        self.previous = _ZOOM[0]
        _ZOOM[0] = self.factor

    def __exit__(self, *_exc):
        _ZOOM[0] = self.previous


def current_zoom() -> float:
    return _ZOOM[0]


def font(point_size: float = LABEL_POINT_SIZE, bold: bool = False, zoom: float | None = None) -> QFont:
    result = QFont()
    result.setPointSizeF(point_size * (_ZOOM[0] if zoom is None else zoom))
    result.setBold(bold)
    return result


def pt(point_size: float, zoom: float) -> str:
    """A size for pyqtgraph's HTML labels: '24pt'."""
    return f"{point_size * zoom:g}pt"


def fitted(text: str, size: float, smallest: float, bold: bool, zoom: float,
           room: float | None) -> tuple[str, float, int]:
    """Text for a chart's title or axis in `room` pixels: (markup, point size, lines). It steps down in size (not
    below `smallest`), then breaks over two lines between words, and only then ends in '…' — so a title or axis
    title is never cut off at an edge, whatever room the chart has (a laptop, a slide beside the weight panel)."""
    if room is None or room <= 0:
        return markup(text), size, 1

    def wide(part: str, at: float) -> float:
        return QFontMetricsF(font(at, bold, zoom)).horizontalAdvance(part)

    while size > smallest and wide(text, size) > room:
        size -= 0.5
    if wide(text, size) <= room:
        return markup(text), size, 1
    words = text.split(" ")
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    if splits:
        first, second = min(splits, key=lambda pair: max(wide(pair[0], size), wide(pair[1], size)))
        metrics = QFontMetricsF(font(size, bold, zoom))
        lines = [metrics.elidedText(part, Qt.TextElideMode.ElideRight, room) for part in (first, second)]
        return "<br>".join(markup(line) for line in lines), size, 2
    shown = QFontMetricsF(font(size, bold, zoom)).elidedText(text, Qt.TextElideMode.ElideRight, room)
    return markup(shown), size, 1


def set_title(plot: pg.PlotItem, text: str, zoom: float, width: float | None = None) -> None:
    """The chart's title: bold and larger than every label, with a row tall enough to keep it clear of the top
    edge (pyqtgraph fixes the title row at 30 pixels, which clips a slide-sized title). Given the chart's width,
    a long title steps down in size to fit (never below the labels' size), breaks over two lines, and is
    shortened with '…' only then."""
    room = None if width is None or width <= 0 else width - 24 * zoom
    shown, size, lines = fitted(text, float(TITLE_POINT_SIZE), float(LABEL_POINT_SIZE), True, zoom, room)
    plot.setTitle(shown, size=pt(size, zoom), color=FOREGROUND, bold=True)
    # pyqtgraph makes a label's text its minimum width, so a title fitted to a wide chart held the plot that wide
    # when the chart got narrower (the presentation's weight panel drew over the slide); it is fitted again to the
    # new width on every resize instead.
    plot.titleLabel.setMinimumWidth(0)
    height = int(TITLE_POINT_SIZE * zoom * 96 / 72 * (1.9 if lines == 1 else 3.1))
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def set_axis_title(plot: pg.PlotItem, side: str, text: str, zoom: float, room: float | None) -> None:
    """An axis title that fits the axis's length (see `fitted`); the bottom axis grows for a second line."""
    shown, size, lines = fitted(text, float(LABEL_POINT_SIZE), float(SMALL_POINT_SIZE) + 1, False, zoom, room)
    plot.setLabel(side, shown, **{"font-size": pt(size, zoom)})
    axis = plot.getAxis(side)
    if side == "bottom":
        line = size * zoom * 96 / 72 * 1.35
        axis.setHeight(int(48 * zoom + (lines - 1) * line))
    axis.resizeEvent()  # pyqtgraph centres the title only when the axis resizes: a new text is placed now too


def style_axes(plot: pg.PlotItem, zoom: float = 1.0) -> None:
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(font(zoom=zoom))
        axis.setTextPen(pg.mkPen(FOREGROUND))
        axis.setPen(pg.mkPen(FOREGROUND, width=zoom))
        axis.label.setFont(font(zoom=zoom))
    plot.getAxis("bottom").setHeight(int(48 * zoom))
    # the last tick label ('100') may reach a little past the axis end instead of being dropped
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=int(24 * zoom))
    plot.layout.setContentsMargins(2, 2, int(16 * zoom), 2)  # and room for it at the right
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)


class _WheelToPage(QObject):
    """Hands the wheel on to the page a chart is on: the chart neither zooms nor scrolls, and its view swallowed the
    wheel, so on a tab taller than the screen the page did not scroll while the mouse was over the chart."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            event.ignore()  # not taken: Qt offers it to the parents, up to the scroll area
            return True
        return False


def pass_wheel(view: pg.PlotWidget) -> None:
    view.viewport().installEventFilter(_WheelToPage(view))


def cache_static(plot: pg.PlotItem, on: bool = True) -> None:
    """Axes and title painted once into a pixmap and blitted after that, until they change: a weight edit
    redraws the bars and totals, not the ticks and their labels (which at a slide's size cost more than the bars).
    Off for pictures (PNG, SVG, PDF), which must be drawn as vectors at their own resolution."""
    from PySide6.QtWidgets import QGraphicsItem

    mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if on else QGraphicsItem.CacheMode.NoCache
    for item in (plot.getAxis("left"), plot.getAxis("bottom"), plot.titleLabel):
        item.setCacheMode(mode)


def adopt_menus(plot: pg.PlotItem, owner) -> None:
    """pyqtgraph makes its 'Plot Options' menu without a parent, so it outlives the chart (one set of
    menus per chart drawn, for the whole session); give it to the chart widget to go with it."""
    menu = getattr(plot, "ctrlMenu", None)
    if menu is not None:
        menu.setParent(owner, menu.windowFlags())


DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
          Qt.PenStyle.DashDotDotLine)
SYMBOLS = ("o", "s", "t", "d", "+", "x", "star", "h")


def line_pen(index: int, width: float = 3.0) -> QPen:
    """A series' line: its colour and, so colour is never alone, its own dash pattern."""
    pen = QPen(colour(index), width)
    pen.setStyle(DASHES[index % len(DASHES)])
    pen.setCosmetic(True)
    return pen


def symbol(index: int) -> str:
    return SYMBOLS[index % len(SYMBOLS)]


def line_swatch(index: int, size: QSize) -> QPixmap:
    """A legend swatch for a line series: the dashed line with its marker."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(line_pen(index, 2.5))
    middle = size.height() / 2
    painter.drawLine(2, int(middle), size.width() - 2, int(middle))
    painter.end()
    return pixmap


def symbol_swatch(symbol: str, size: QSize) -> QPixmap:
    """A legend entry for a chart's marker: a filled dot ('o'), an open square ('s') or a star ('star'), drawn as
    the value chart draws its points; '' for an entry in words only."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(FOREGROUND, 1.5))
    if not symbol:  # an entry in words only
        painter.end()
        return pixmap
    side = min(size.width(), size.height()) - 6.0
    box = QRectF((size.width() - side) / 2, (size.height() - side) / 2, side, side)
    if symbol == "o":
        painter.setBrush(QBrush(FOREGROUND))
        painter.drawEllipse(box)
    elif symbol == "s":
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        painter.drawRect(box.adjusted(1, 1, -1, -1))
    else:
        centre, outer, inner = box.center(), side / 2 + 1, side / 5
        points = [QPointF(centre.x() + (outer if k % 2 == 0 else inner) * math.sin(k * math.pi / 5),
                          centre.y() - (outer if k % 2 == 0 else inner) * math.cos(k * math.pi / 5))
                  for k in range(10)]
        painter.setBrush(QBrush(FOREGROUND))
        painter.drawPolygon(QPolygonF(points))
    painter.end()
    return pixmap


def swatch(index: int, size: QSize) -> QPixmap:
    """A legend swatch: the series' colour with its hatch, outlined."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    rect = QRectF(1, 1, size.width() - 2, size.height() - 2)
    painter.setPen(QPen(FOREGROUND, 1))
    painter.setBrush(QBrush(colour(index)))
    painter.drawRect(rect)
    painter.setBrush(hatch_brush(index))
    painter.drawRect(rect)
    painter.end()
    return pixmap
