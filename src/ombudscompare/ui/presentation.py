"""Council committee mode: full screen, one chart at a time in large type, stepped with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ..i18n import tr
from .charts import style
from .document import Document
from .export.charts import KINDS, chart_widget
from .widgets.weights import WeightsPanel

PRESENTATION_ZOOM = 2.0  # 12 pt chart labels become 24 pt: ≥ 24 px on a 1080p projector
SLIDES = ("ranking", "profile", "costs-population", "sensitivity", "robustness")
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


class PresentationWindow(QWidget):
    """Charts only, one per screen; W shows a compact weight panel; Esc returns to the editing window."""

    closed = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.document = document
        self.setStyleSheet("QWidget#presentation { background: white; }")
        self.title = QLabel()
        self.title.setObjectName("slide_title")
        self.title.setFont(style.font(style.TITLE_POINT_SIZE, bold=True, zoom=PRESENTATION_ZOOM))
        self.counter = QLabel()
        self.counter.setFont(style.font(style.LABEL_POINT_SIZE, zoom=PRESENTATION_ZOOM))
        self.stack = QStackedWidget()
        self.slides = []
        for kind in SLIDES:
            widget = chart_widget(kind, document, zoom=PRESENTATION_ZOOM)
            self.stack.addWidget(widget)
            self.slides.append((kind, widget))
        with style.zoomed(1.6):
            self.weights = WeightsPanel(document)
        self.weights_frame = QFrame()
        self.weights_frame.setObjectName("presentation_weights")
        self.weights_frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(self.weights_frame)
        frame_layout.addWidget(self.weights)
        self.weights_frame.hide()
        font = self.weights_frame.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.weights_frame.setFont(font)  # propagates to every row of the panel
        self.weights_frame.setMaximumWidth(900)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counter)
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addWidget(self.weights_frame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.hint = QLabel()
        self.hint.setFont(style.font(style.SMALL_POINT_SIZE, zoom=PRESENTATION_ZOOM))
        layout.addWidget(self.hint)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._refresh_current)
        document.evaluated.connect(self.timer.start)
        self.show_slide(0)

    def show_slide(self, index: int) -> None:
        index = max(0, min(len(self.slides) - 1, index))
        self.stack.setCurrentIndex(index)
        kind, _widget = self.slides[index]
        self.title.setText(tr(KINDS[kind]))
        self.counter.setText(f"{index + 1} / {len(self.slides)}")
        self.hint.setText(tr("→ next · ← previous · W weights · Esc back to editing"))
        self._refresh_current()

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def _refresh_current(self) -> None:
        _kind, widget = self.slides[self.index]
        owner = getattr(widget, "_owner", None)
        if owner is not None:
            owner.refresh()
        elif hasattr(widget, "redraw"):
            widget.redraw()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in NEXT_KEYS:
            self.show_slide(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.show_slide(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        elif key == Qt.Key.Key_W:
            self.weights_frame.setVisible(not self.weights_frame.isVisible())
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.document.evaluated.disconnect(self.timer.start)
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)
