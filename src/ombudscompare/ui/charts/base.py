"""A chart widget: a plot above a legend, a title, and bar series kept in place between updates."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QFrame, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..document import Document
from . import style
from .bars import HatchedBars


class Legend(QListWidget):
    """Colour-and-hatch swatches with names, flowing over as many lines as the width needs."""

    def __init__(self, parent=None):
        super().__init__(parent)
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

    def set_entries(self, names: list[str], lines: bool | None = None) -> None:
        if lines is not None:
            self.lines = lines
        self.clear()
        metrics = QFontMetrics(self.font())
        room = max(120, self.viewport().width() - self.iconSize().width() - 24)
        for index, name in enumerate(names):
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter = style.line_swatch if getattr(self, "lines", False) else style.swatch
            item = QListWidgetItem(QIcon(painter(index, self.iconSize())), shown)
            item.setToolTip(name)
            self.addItem(item)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        names = [self.item(row).toolTip() for row in range(self.count())]
        if names and event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self, lambda: self.set_entries(names))
        else:
            self._fit()

    def _fit(self) -> None:
        self.doItemsLayout()
        bottom = 0
        for row in range(self.count()):
            bottom = max(bottom, self.visualItemRect(self.item(row)).bottom())
        self.setFixedHeight(bottom + 6 if self.count() else 0)


class BarChart(QWidget):
    """Subclasses fill `series` via `draw()`; everything redraws on every document change."""

    object_name = ""
    draw_at_start = True

    def __init__(self, document: Document, parent=None):
        self._legend_key: tuple = ()
        self._cache: dict = {}
        self.zoom = style.current_zoom()
        super().__init__(parent)
        self.document = document
        self.view = pg.PlotWidget(background="w")
        self.plot: pg.PlotItem = self.view.getPlotItem()
        style.style_axes(self.plot, self.zoom)
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
        self.texts: list[pg.TextItem] = []
        self.names: list[pg.TextItem] = []
        self.plot.getAxis("left").setStyle(showValues=False)
        self.plot.getAxis("left").setWidth(8)
        self.message = pg.TextItem("", color=style.FOREGROUND, anchor=(0.5, 0.5))
        self.message.setFont(style.font(style.TITLE_POINT_SIZE, zoom=self.zoom))
        self.plot.addItem(self.message)
        self.setMinimumHeight(220)
        self.setMinimumWidth(300)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        document.evaluated.connect(self.redraw)
        self.setObjectName(self.object_name)
        self.data: dict = {}
        if self.draw_at_start:
            self.redraw()

    def set_title(self, text: str) -> None:
        if self._cache.get("title") != text:
            self.plot.setTitle(text, size=style.pt(style.TITLE_POINT_SIZE, self.zoom), color=style.FOREGROUND)
            self._cache["title"] = text

    def set_axis_label(self, text: str) -> None:
        if self._cache.get("label") != text:
            self.plot.setLabel("bottom", text, **{"font-size": style.pt(style.LABEL_POINT_SIZE, self.zoom)})
            self._cache["label"] = text

    def set_ranges(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        """Change the view only when it differs: every range change re-lays the axes out."""
        if self._cache.get("ranges") != (x, y):
            self.plot.setXRange(*x, padding=0)
            self.plot.setYRange(*y, padding=0)
            self._cache["ranges"] = (x, y)

    def ensure_texts(self, count: int) -> None:
        while len(self.texts) < count:
            text = pg.TextItem("", color=style.FOREGROUND, anchor=(0, 0.5))
            text.shown = None
            text.setFont(style.font(style.LABEL_POINT_SIZE, bold=True, zoom=self.zoom))
            self.plot.addItem(text)
            self.texts.append(text)
        while len(self.texts) > count:
            self.plot.removeItem(self.texts.pop())

    def set_names(self, labels: list[tuple[float, str]]) -> None:
        """Category names written just above their bars, left-aligned — long names need no axis room."""
        while len(self.names) < len(labels):
            item = pg.TextItem("", color=style.FOREGROUND, anchor=(0, 1))
            self.plot.addItem(item)
            self.names.append(item)
        while len(self.names) > len(labels):
            self.plot.removeItem(self.names.pop())
        size = style.LABEL_POINT_SIZE if len(labels) <= 10 else style.SMALL_POINT_SIZE
        font = style.font(size, zoom=self.zoom)
        room = max(80, int(self.plot.vb.width()) - 8)
        metrics = QFontMetrics(font)
        for item, (y, text) in zip(self.names, labels):
            shown = (metrics.elidedText(text, Qt.TextElideMode.ElideRight, room), size)
            if getattr(item, "shown", None) != shown:
                item.setText(shown[0])
                item.setFont(font)
                item.shown = shown
            item.setPos(0, y)
        self._names = labels

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if getattr(self, "_names", None):
            QTimer.singleShot(0, self, lambda: self.set_names(self._names))

    def set_legend(self, names: list[str]) -> None:
        key = tuple(names)
        if key == self._legend_key:
            return
        self.legend.set_entries(names)
        self._legend_key = key

    def show_message(self, text: str) -> None:
        self.bars.set_bars([], [], [], [], [])
        self.ensure_texts(0)
        self.set_names([])
        self.set_legend([])
        self.message.setText(text)
        self.message.setPos(50, 0)
        self.set_ranges((0.0, 100.0), (-1.0, 1.0))

    def redraw(self) -> None:
        self.message.setText("")
        if self.document.evaluation is None:
            from ...i18n import tr

            self.show_message(tr("Nothing to show: {reason}", reason=self.document.error.render()
                                 if self.document.error else ""))
            return
        self.draw()

    def draw(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        self._legend_key = ()
        self.redraw()
