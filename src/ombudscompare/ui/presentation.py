"""Council committee mode: full screen, one chart at a time in large type, stepped with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ..explain.charts import chart_data, kind_title
from ..i18n import language, tr
from .binding import Binder
from .charts import new_chart, style
from .document import Document
from .widgets.weights import WeightsPanel

PRESENTATION_ZOOM = 2.0  # 12 pt chart labels become 24 pt: ≥ 24 px on a 1080p projector
SLIDES = ("ranking", "profile", "costs-population", "sensitivity", "robustness")
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
SLIDE_DELAY_MS = 100


class PresentationWindow(QWidget):
    """Charts only, one per screen; W shows a compact weight panel; Esc returns to the editing window.

    Each slide is bound to the document: only the slide on screen redraws after an edit.
    """

    closed = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document
        self.setStyleSheet("QWidget#presentation { background: white; }")
        self.title = QLabel()
        self.title.setObjectName("slide_title")
        self.title.setFont(style.font(style.TITLE_POINT_SIZE, bold=True, zoom=PRESENTATION_ZOOM))
        self.counter = QLabel()
        self.counter.setFont(style.font(style.LABEL_POINT_SIZE, zoom=PRESENTATION_ZOOM))
        self.stack = QStackedWidget()
        self.slides = []
        self.binders = []
        for kind in SLIDES:
            with style.zoomed(PRESENTATION_ZOOM):
                widget = new_chart(kind, f"slide_{kind}")
            self.stack.addWidget(widget)
            self.slides.append((kind, widget))
            self.binders.append(Binder(document, widget, self._drawer(kind, widget), SLIDE_DELAY_MS))
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
        self.show_slide(0)

    def _drawer(self, kind: str, widget):
        doc = self.document
        return lambda: widget.show_data(chart_data(kind, doc.project, language(), doc.evaluation))

    def show_slide(self, index: int) -> None:
        index = max(0, min(len(self.slides) - 1, index))
        self.stack.setCurrentIndex(index)
        kind, _widget = self.slides[index]
        self.title.setText(kind_title(kind))
        self.counter.setText(f"{index + 1} / {len(self.slides)}")
        self.hint.setText(tr("→ next · ← previous · W weights · Esc back to editing"))

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

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
        self.closed.emit()
        super().closeEvent(event)
