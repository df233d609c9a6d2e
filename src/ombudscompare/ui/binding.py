"""Views fed from the document: redrawn when visible and out of date; hidden views do no work."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from .document import Change, Document


class Binder(QObject):
    """Keeps one view up to date with the document.

    A change marks the view stale; a visible view is redrawn at once (or `delay_ms` after the last
    of a burst of changes), a hidden one when it is next shown. Tabs and slides that nobody looks at
    therefore cost nothing while a slider is dragged.
    """

    def __init__(self, document: Document, view: QWidget, refresh: Callable[[], None], delay_ms: int = 0,
                 weights: Callable[[], None] | None = None, follows_weights: bool = True):
        """`weights`: a lighter redraw for an edit of weights only; `follows_weights` False: such an edit changes
        nothing the view shows, so it does nothing."""
        super().__init__(view)
        self.view = view
        self._refresh = refresh
        self._weights = weights
        self.follows_weights = follows_weights
        self.stale = True
        self.timer: QTimer | None = None
        if delay_ms:
            self.timer = QTimer(self)
            self.timer.setSingleShot(True)
            self.timer.setInterval(delay_ms)
            self.timer.timeout.connect(self.refresh)
        document.changed.connect(self.invalidate)
        view.installEventFilter(self)

    def invalidate(self, change: object = None) -> None:
        """The data changed (or the language): redraw now if shown, else when next shown."""
        if isinstance(change, Change) and change & Change.WEIGHTS_ONLY and not self.stale:
            if not self.follows_weights:
                return
            if self._weights is not None:
                if self.view.isVisible():
                    self._weights()
                else:
                    self.stale = True
                return
        self.stale = True
        if self.view.isVisible():
            if self.timer is not None:
                self.timer.start()
            else:
                self.refresh()

    def refresh(self) -> None:
        """Redraw now (exports and tests call this directly)."""
        if self.timer is not None:
            self.timer.stop()
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "view", None) and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False


class FocusFilter(QObject):
    """Installs an event filter on whichever widget inside `root` has the keyboard focus, and only there.

    Keys go to the focused widget first, so this sees them all, without a filter on the whole
    application that every event (paints, timers, mouse moves) would have to pass through.
    """

    def __init__(self, root: QWidget, handler: QObject):
        super().__init__(root)
        self.root = root
        self.handler = handler
        self.current: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._moved)
            self._moved(None, app.focusWidget())

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.current is not None and shiboken6.isValid(self.current):
            self.current.removeEventFilter(self.handler)
        self.current = None
        if new is not None and shiboken6.isValid(self.root) and (new is self.root or self.root.isAncestorOf(new)):
            new.installEventFilter(self.handler)
            self.current = new
