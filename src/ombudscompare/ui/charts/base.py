"""A bar chart widget: a plot above a legend, drawing whatever BarChartData it is given."""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QFrame, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...explain.charts import BarChartData
from ...i18n.numbers import format_number
from ..widgets.plain import tip
from . import style
from .bars import HatchedBars
from .text import Label


class Legend(QListWidget):
    """Colour-and-hatch swatches with names, flowing over as many lines as the width needs."""

    def __init__(self, lines: bool = False, parent=None):
        super().__init__(parent)
        self.lines = lines
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        zoom = style.current_zoom()
        self.setIconSize(QSize(int(30 * zoom), int(20 * zoom)))
        self.setSpacing(2)
        self.setFont(style.font(zoom=zoom))
        self.setStyleSheet("QListWidget { background: white; color: #202020; }")
        self.names: tuple[str, ...] = ()
        self.symbols: tuple[tuple[str, str], ...] = ()

    def set_entries(self, names: tuple[str, ...] | list[str], symbols: tuple[tuple[str, str], ...] = ()) -> None:
        """One entry per series (its swatch and name), then one per marker `symbols` names: (symbol, meaning)."""
        names = tuple(names)
        self.names, self.symbols = names, tuple(symbols)
        self.clear()
        metrics = QFontMetrics(self.font())
        room = max(120, self.viewport().width() - self.iconSize().width() - 24)
        painter = style.line_swatch if self.lines else style.swatch
        entries = [(painter(index, self.iconSize()), name) for index, name in enumerate(names)]
        entries += [(style.symbol_swatch(symbol, self.iconSize()), meaning) for symbol, meaning in self.symbols]
        for pixmap, name in entries:
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            item = QListWidgetItem(QIcon(pixmap), shown)
            item.setToolTip(tip(name))
            self.addItem(item)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if (self.names or self.symbols) and event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self, lambda: self.set_entries(self.names, self.symbols))
        else:
            self._fit()

    def _fit(self) -> None:
        self.doItemsLayout()
        bottom = 0
        for row in range(self.count()):
            bottom = max(bottom, self.visualItemRect(self.item(row)).bottom())
        self.setFixedHeight(bottom + 6 if self.count() else 0)


class BarChart(QWidget):
    """Horizontal bars with names above them and values at their ends; redrawn only where it changed."""

    def __init__(self, name: str = "", parent=None):
        self._cache: dict = {}
        self.zoom = style.current_zoom()
        super().__init__(parent)
        self.setObjectName(name)
        self.view = pg.PlotWidget(background="w")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a chart does nothing with the keyboard: no Tab stop
        self.view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot: pg.PlotItem = self.view.getPlotItem()
        style.adopt_menus(self.plot, self)
        style.style_axes(self.plot, self.zoom)
        style.cache_static(self.plot)
        style.pass_wheel(self.view)
        self.legend = Legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), Qt.GlobalColor.white)
        self.setPalette(palette)
        self.bars = HatchedBars(self.plot)
        self.texts: list[Label] = []
        self.names: list[Label] = []
        self._names: tuple[tuple[float, str], ...] = ()
        self.plot.getAxis("left").setStyle(showValues=False)
        self.plot.getAxis("left").setWidth(8)
        self.message = pg.TextItem("", color=style.FOREGROUND, anchor=(0.5, 0.5))
        self.message.setFont(style.font(style.TITLE_POINT_SIZE, zoom=self.zoom))
        self.plot.addItem(self.message)
        self.setMinimumHeight(220)
        self.setMinimumWidth(300)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.data: dict = {}
        self.shown: BarChartData | None = None
        self.plot.vb.sigResized.connect(self._plot_resized)

    def _fit_message(self) -> None:
        """A message instead of a chart wraps within the plot (one long line was cut at both ends)."""
        if self.message.toPlainText():
            self.message.setTextWidth(max(120.0, self.plot.vb.width() - 32 * self.zoom))

    def _plot_resized(self, *_args) -> None:
        """The plot area has its new size (pyqtgraph lays out lazily, after the widget's resize): fit the title
        to it and place the totals."""
        self._fit_message()
        if self._cache.get("title"):
            style.set_title(self.plot, self._cache["title"], self.zoom, self.plot.vb.width())
        if self._cache.get("label"):
            style.set_axis_title(self.plot, "bottom", self._cache["label"], self.zoom, self._bottom_room())
        if self.texts:
            QTimer.singleShot(0, self, self.place_labels)

    def show_data(self, data: BarChartData) -> None:
        """Draw the chart; texts and ranges that did not change are left alone (re-laying out costs time)."""
        self.shown = data
        self.data = data.facts
        self.setAccessibleName(data.title)
        self.setAccessibleDescription(data.description or data.message)
        self._set_title(data.title)
        self._set_axis_label(data.axis_label)
        self._set_ticks(data.x_ticks)
        self.message.setText(data.message)
        if data.message:
            self.message.setPos(sum(data.x_range) / 2, sum(data.y_range) / 2)
        self._fit_message()
        for side in ("left", "bottom"):  # a message instead of a chart: no figures along empty axes
            if self.plot.getAxis(side).style["showValues"] == bool(data.message):
                self.plot.getAxis(side).setStyle(showValues=not data.message)
        self.bars.set_bars(data.x0, data.y, data.width, data.thickness, data.series)
        self._set_legend(data.legend)
        self._set_values(data.values)
        if data.values:
            QTimer.singleShot(0, self, self.place_labels)
        self._name_room = data.name_room
        self._set_ranges(data.x_range, data.y_range, data.x_padding)
        self._set_names(data.names)

    def _set_title(self, text: str) -> None:
        if self._cache.get("title") != text:
            style.set_title(self.plot, text, self.zoom, self.plot.vb.width())
            self._cache["title"] = text

    def _set_axis_label(self, text: str) -> None:
        if self._cache.get("label") != text:
            style.set_axis_title(self.plot, "bottom", text, self.zoom, self._bottom_room())
            self._cache["label"] = text

    def _bottom_room(self) -> float:
        """The width an axis title below the plot may take: the chart's, less a margin (it is centred on the plot
        and may reach past it into the left axis)."""
        return self.view.width() - 16 * self.zoom

    def _set_ticks(self, ticks: tuple[float, ...] | None) -> None:
        if self._cache.get("ticks") != ticks:
            axis = self.plot.getAxis("bottom")
            axis.setTicks(None if ticks is None else [[(t, format_number(t, 0)) for t in ticks]])
            self._cache["ticks"] = ticks

    def _set_ranges(self, x: tuple[float, float], y: tuple[float, float], x_padding: float) -> None:
        if self._cache.get("ranges") != (x, y, x_padding):
            self.plot.setXRange(*x, padding=x_padding)  # a little room so the 0 and 100 labels show whole
            self.plot.setYRange(*y, padding=0)
            self._cache["ranges"] = (x, y, x_padding)

    def _set_values(self, values: tuple[tuple[float, float, str, bool], ...]) -> None:
        """Totals after their bars; on a white ground inside the bar when it nearly fills the axis."""
        while len(self.texts) < len(values):
            text = Label("", color=style.FOREGROUND, anchor=(0, 0.5), fill=(255, 255, 255, 225))
            text.shown = None
            text.setFont(style.font(getattr(self, "_value_size", style.LABEL_POINT_SIZE), bold=True, zoom=self.zoom))
            self.plot.addItem(text)
            self.texts.append(text)
        while len(self.texts) > len(values):
            self.plot.removeItem(self.texts.pop())
        for item, (x, y, label, inside) in zip(self.texts, values):
            if item.shown != label:
                item.setText(label)
                item.shown = label
            anchor = (1, 0.5) if inside and x > 50 else (0, 0.5)
            if getattr(item, "anchored", None) != anchor:
                item.setAnchor(anchor)
                item.anchored = anchor
            _ground(item, inside)
            item.setPos(x, y)
            item.placed = (x, y, inside)

    def place_labels(self) -> None:
        """A total written after its bar that would run past the end of the axis (known only in pixels, at the
        size drawn) goes just inside the bar's end instead."""
        if not shiboken6.isValid(self.plot):
            return
        self._fit_value_font()
        area = self.plot.vb.sceneBoundingRect()
        for item in self.texts:
            x, y, inside = getattr(item, "placed", (0.0, 0.0, True))
            if inside:
                continue
            outside = item.sceneBoundingRect().right() > area.right()
            anchor = (1, 0.5) if outside else (0, 0.5)
            _ground(item, outside)
            if item.anchored != anchor:
                item.setAnchor(anchor)
                item.anchored = anchor
                item.setPos(x - 2.0 if outside else x, y)


    def _fit_value_font(self) -> None:
        """Totals in the largest type (down to 8 pt) whose line fits between two bars' labels at the height drawn,
        so the totals of thin grouped bars (several sets × options on a slide) never overlap."""
        ys = sorted({round(getattr(item, "placed", (0.0, 0.0, True))[1], 9) for item in self.texts})
        gaps = [b - a for a, b in zip(ys, ys[1:]) if b - a > 1e-9]
        (y0, y1) = self._cache.get("ranges", ((0, 1), (0, 1), 0))[1]
        height = self.plot.vb.height()
        size = style.LABEL_POINT_SIZE
        if gaps and height > 0:
            room = min(gaps) * height / max(1e-9, y1 - y0)
            while size > 8 and QFontMetrics(style.font(size, bold=True, zoom=self.zoom)).height() > room * 0.9:
                size -= 1
        if getattr(self, "_value_size", None) != size:
            self._value_size = size
            font = style.font(size, bold=True, zoom=self.zoom)
            for item in self.texts:
                item.setFont(font)

    def _set_names(self, labels: tuple[tuple[float, str], ...]) -> None:
        """Category names written just above their bars, left-aligned — long names need no axis room."""
        while len(self.names) < len(labels):
            item = Label("", color=style.FOREGROUND, anchor=(0, 1))
            self.plot.addItem(item)
            self.names.append(item)
        while len(self.names) > len(labels):
            self.plot.removeItem(self.names.pop())
        font = self._name_font(len(labels))
        size = font.pointSizeF()
        room = max(80, int(self.plot.vb.width()) - 8)
        metrics = QFontMetrics(font)
        for item, (y, text) in zip(self.names, labels):
            shown = (metrics.elidedText(text, Qt.TextElideMode.ElideRight, room), size)
            if getattr(item, "shown", None) != shown:
                item.setText(shown[0])
                item.setFont(font)
                item.shown = shown
            if getattr(item, "at", None) != y:  # moving an item costs a round through pyqtgraph's itemChange
                item.setPos(0, y)
                item.at = y
        self._names = labels

    def _name_font(self, count: int):
        """The largest type (down to 8 pt) whose line fits in the room above a bar at the chart's height."""
        (y0, y1) = self._cache.get("ranges", ((0, 1), (0, 1), 0))[1]
        height = self.plot.vb.height()
        room_px = getattr(self, "_name_room", 0.45) * height / max(1e-9, y1 - y0) if height > 0 else 1e9
        largest = style.LABEL_POINT_SIZE if count <= 10 else style.SMALL_POINT_SIZE
        for size in range(largest, 7, -1):
            font = style.font(size, zoom=self.zoom)
            if QFontMetrics(font).height() + NAME_MARGIN <= room_px:
                return font
        return style.font(8, zoom=self.zoom)

    def _set_legend(self, names: tuple[str, ...]) -> None:
        if names != self.legend.names:
            self.legend.set_entries(names)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._names:
            QTimer.singleShot(0, self, lambda: self._set_names(self._names))


INSIDE_GROUND = pg.mkBrush(255, 255, 255, 225)
NAME_MARGIN = 4  # px: a text item's document margin below the line, which the room above a bar must also hold
NO_GROUND = pg.mkBrush(None)


def _ground(item, inside: bool) -> None:
    """A white ground behind a total written inside its bar (to read it on the colour); none after the bar, where
    the ground is white already and a box would cover the total of the bar just above a thin one."""
    brush = INSIDE_GROUND if inside else NO_GROUND
    if getattr(item, "ground", None) is not brush:
        item.fill = brush
        item.ground = brush
        item.update()

