"""Text fields bound to the document: shown from it, committed to it on leaving (or Enter), each an undoable step.

A refused text (a line break in a name, too long, a broken character) is not taken: the window says why
at the field and in its status bar (Document.try_edit), and the field shows the document's text again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ...core.model import Source
from ...i18n import tr
from .plain import tip

SOURCE_FIELDS = ("title", "date", "location", "quote", "url")
SOURCE_TEXTS = {"title": "Source", "date": "Date", "location": "Where in it", "quote": "Quote", "url": "Link"}

Commit = Callable[[str], bool]  # tries the edit for a text (Document.try_edit); False when it was refused


class BoundLine(QLineEdit):
    """One line of text: Enter or leaving the field commits it."""

    def __init__(self, name: str, commit: Commit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._commit = commit
        self._shown = ""
        self.editingFinished.connect(self.commit)

    def show_text(self, text: str) -> None:
        """The document's text, unless the user is typing in the field."""
        self._shown = text
        if not self.hasFocus():
            self.setText(text)
            self.setCursorPosition(0)
            self.setToolTip(tip(text))

    def commit(self) -> None:
        if self.text() == self._shown or not self.isEnabled():
            return
        if not self._commit(self.text()):
            self.setText(self._shown)


class BoundText(QPlainTextEdit):
    """Several lines of text (a justification, notes): leaving the field commits it; Tab moves on."""

    def __init__(self, name: str, commit: Commit, lines: int = 4, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._commit = commit
        self._shown = ""
        self.setTabChangesFocus(True)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.installEventFilter(self)

    def show_text(self, text: str) -> None:
        self._shown = text
        if not self.hasFocus():
            self.setPlainText(text)

    def commit(self) -> None:
        if self.toPlainText() == self._shown or not self.isEnabled():
            return
        if not self._commit(self.toPlainText()):
            self.setPlainText(self._shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False


def _field_commit(commit: Callable[[str, str], bool], field: str) -> Commit:
    return lambda text: commit(field, text)


class SourceForm:
    """Title, date, place in it, quote and link of a source, as rows of a form."""

    def __init__(self, form: QFormLayout, prefix: str, commit: Callable[[str, str], bool]):
        self.fields: dict[str, BoundLine] = {}
        self.labels: dict[str, QLabel] = {}
        for name in SOURCE_FIELDS:
            edit = BoundLine(f"{prefix}_{name}", _field_commit(commit, name))
            label = QLabel()
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields[name] = edit
            self.labels[name] = label

    def retranslate(self) -> None:
        for name, label in self.labels.items():
            label.setText(tr(SOURCE_TEXTS[name]))

    def show_source(self, source: Source | None, editable: bool) -> None:
        for name, edit in self.fields.items():
            edit.show_text(getattr(source, name) if source is not None else "")
            edit.setEnabled(editable)

    def commit_all(self) -> None:
        for edit in self.fields.values():
            edit.commit()
