"""What the window's parts share instead of reaching into the window: the document, the settings, the window that
dialogs belong to, and one way to tell the user something (and why an edit was refused)."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from ..i18n import Message, tr
from .document import Document
from .settings import Settings
from .widgets.numbers import HINT_MS, FieldHint

STATUS_MS = 10_000


class Context:
    """Handed to the file controller, the structure editor, the showing of charts and the action handlers."""

    def __init__(self, window: QMainWindow, document: Document, settings: Settings):
        self.window = window
        self.document = document
        self.settings = settings
        # the window's controllers, set as it makes them: the action handlers reach them here
        self.files: Any = None
        self.structure: Any = None
        self.showing: Any = None
        self.actions: Any = None
        document.refused.connect(self.refused)

    def tell(self, text: str, ms: int = STATUS_MS) -> None:
        """A confirmation or a note in the window's status bar, for a while."""
        if shiboken6.isValid(self.window):
            self.window.statusBar().showMessage(text, ms)

    def refused(self, message: Message, at: object = None) -> None:
        """Every refused edit is said in words: at the control it came from (a label shows the words itself; any
        other control gets a note under it) — the control with the focus when none was named — and in the status
        bar. Nothing snaps back without a word."""
        text = tr("Not taken: {reason}.", reason=message.render())
        if isinstance(at, QLabel) and shiboken6.isValid(at):
            at.setText(message.render())
        else:
            widget = at if isinstance(at, QWidget) and shiboken6.isValid(at) else QApplication.focusWidget()
            if isinstance(widget, QWidget) and widget.isVisible():
                FieldHint.show_for(widget, text)
        self.tell(text, HINT_MS)
