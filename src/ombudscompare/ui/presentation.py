"""Council committee mode: full screen, one chart at a time in large type, stepped with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ..explain.kinds import SLIDES, ChartRequest, build, kind_title
from ..i18n import language, tr
from .binding import Binder, FocusFilter
from .charts import new_chart, style
from .document import Document
from .widgets.weights import WeightsPanel

PRESENTATION_ZOOM = 2.0  # 12 pt chart labels become 24 pt: ≥ 24 px on a 1080p projector
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
SLIDE_KEYS = NEXT_KEYS | PREVIOUS_KEYS | {Qt.Key.Key_Home, Qt.Key.Key_End}
SLIDE_DELAY_MS = 100


class PresentationWindow(QWidget):
    """Charts only, one per screen; W shows a compact weight panel; Esc returns to the editing window.

    Each slide is bound to the document: only the slide on screen redraws after an edit.
    """

    closed = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAccessibleName(tr("Presentation"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document
        self.setStyleSheet("QWidget#presentation { background: white; }")
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a criterion's name in it is text, never markup
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
        self.weights_frame.setMaximumWidth(900)  # and at most 40 % of the screen (resizeEvent): the chart keeps room
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
        for widget in self.weights_frame.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # click or Tab, never the wheel
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._keys = _ClickerKeys(self)
        self._focus = FocusFilter(self, self._keys)
        for widget in self.weights_frame.findChildren(QWidget):
            widget.installEventFilter(self._keys)  # the wheel goes to the widget under the mouse
        self.show_slide(0)

    def _drawer(self, kind: str, widget):
        doc = self.document
        return lambda: widget.show_data(build(ChartRequest(kind), doc.analyses, language()))

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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.weights_frame.setMaximumWidth(min(900, int(self.width() * 0.4)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
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

    def in_panel(self, widget: QObject | None) -> bool:
        return isinstance(widget, QWidget) and self.weights_frame.isAncestorOf(widget)

    def leave_panel(self) -> None:
        """Back to the slides: the presenter's keys step through them again."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)


class _ClickerKeys(QObject):
    """A presenter clicker must never edit data: its keys change slides wherever the focus is.

    Page Up/Down, the arrows, Space, Home and End always go to the slides, also with the focus in the
    weight panel (where they would move a slider or a number). Only Backspace while a number is being
    typed in the panel edits that number. Enter or Esc in the panel hands the keys back to the slides.
    """

    def __init__(self, show: PresentationWindow):
        super().__init__(show)
        self.show = show

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(watched, QWidget) and self.show.in_panel(watched) \
                and not watched.hasFocus():
            return True  # scrolling past a slider must not move it
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or (watched is not self.show and not self.show.isAncestorOf(watched)):
            return False
        key = event.key()
        in_panel = self.show.in_panel(QApplication.focusWidget())
        if key == Qt.Key.Key_Backspace and in_panel and _typing(QApplication.focusWidget()):
            return False
        if key in SLIDE_KEYS and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                         Qt.KeyboardModifier.KeypadModifier):
            self.show.keyPressEvent(event)  # before a slider, spin box or check box can take the key
            return True
        if in_panel and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if key == Qt.Key.Key_Escape:
                self.show.leave_panel()
                return True
            field = QApplication.focusWidget()
            # after the field has taken its Enter — unless it asks first how text that could mean two numbers was
            # meant: then the keys stay with it for the second Enter
            QTimer.singleShot(0, self.show, lambda: None if _awaiting(field) else self.show.leave_panel())
        return False


def _awaiting(widget: QWidget | None) -> bool:
    """A number field showing how it read ambiguous text, waiting for a second Enter."""
    from .widgets.numbers import NumberBox

    return isinstance(widget, NumberBox) and widget.awaiting_confirmation()


def _typing(widget: QWidget | None) -> bool:
    """A number or text is being typed: Backspace corrects it."""
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

    return isinstance(widget, (QAbstractSpinBox, QLineEdit))
