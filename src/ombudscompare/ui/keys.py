"""Keyboard rules that hold for every widget of the app, wherever and whenever it was made.

Tab, Shift+Tab, Ctrl+Tab and Ctrl+Shift+Tab always leave a table or list: its cells are reached with the
arrow keys, and a keyboard user is never caught cycling inside it. The rule is installed on whichever item view
receives the focus (the application's focusChanged signal, which fires only when the focus moves), so a table
added anywhere later keeps it without anyone remembering.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class TabLeavesViews(QObject):
    """The event filter on a focused item view: Tab keys move the focus on instead of through the cells."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in _TAB_KEYS:
            return False
        if not isinstance(watched, QAbstractItemView):
            return False
        backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and _tab_page_of(watched) is not None:
            return False  # Ctrl+Tab inside a tab page switches the page, as everywhere in Qt
        watched.focusNextPrevChild(not backwards)
        return True


def _tab_page_of(widget: QWidget) -> QTabWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():  # a dialog's parent is in another window
        if isinstance(parent, QTabWidget):
            return parent
        parent = parent.parentWidget()
    return None


_rule: TabLeavesViews | None = None


def install(app: QApplication) -> None:
    """Put the rule on every item view that gets the focus, from now on (once per application)."""
    global _rule
    if _rule is not None and shiboken6.isValid(_rule):
        return
    _rule = TabLeavesViews(app)
    rule = _rule

    def focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QAbstractItemView) and not new.property("tab_leaves"):
            new.setProperty("tab_leaves", True)
            new.installEventFilter(rule)

    app.focusChanged.connect(focus_moved)
