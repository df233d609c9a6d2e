"""Justification and source of the selected score, edited in place (each change undoable)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit

from ... import commands
from ...explain.values import how_computed
from ...i18n import language, tr
from ..document import Change, Document

SOURCE_FIELDS = ("title", "date", "location", "quote")
FIELD_TEXTS = {
    "title": "Source",
    "date": "Date",
    "location": "Where in it",
    "quote": "Quote",
}


class ScoreDetailPanel(QGroupBox):
    """Shows one option × criterion; texts are committed when the field loses focus or Enter is pressed."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.key: tuple[str, str] | None = None
        self.computed = QLabel()
        self.computed.setWordWrap(True)
        self.justification = QPlainTextEdit()
        self.justification.setObjectName("justification")
        self.justification.setTabChangesFocus(True)
        self.justification.setMaximumHeight(90)
        self.fields = {name: QLineEdit() for name in SOURCE_FIELDS}
        for name, edit in self.fields.items():
            edit.setObjectName(f"source_{name}")
            edit.editingFinished.connect(lambda n=name: self._commit_source(n))
        self.justification.installEventFilter(self)
        self.form = QFormLayout(self)
        self.form.addRow(self.computed)
        self.justification_label = QLabel()
        self.justification_label.setBuddy(self.justification)
        self.form.addRow(self.justification_label, self.justification)
        self.labels = {}
        for name, edit in self.fields.items():
            label = QLabel()
            label.setBuddy(edit)
            self.labels[name] = label
            self.form.addRow(label, edit)
        document.changed.connect(self._document_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.justification_label.setText(tr("&Justification"))
        for name, label in self.labels.items():
            label.setText(tr(FIELD_TEXTS[name]))
        self.refresh()

    def show_score(self, key: tuple[str, str] | None) -> None:
        self._commit_all()
        self.key = key
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        if change & Change.STRUCTURE:
            self._check_key()
        else:
            self.refresh()

    def _check_key(self) -> None:
        if self.key is None:
            self.refresh()
            return
        project = self.document.project
        ids = ({o.id for o in project.options}, {c.id for c in project.criteria})
        if self.key[0] not in ids[0] or self.key[1] not in ids[1]:
            self.key = None
        self.refresh()

    def refresh(self) -> None:
        project = self.document.project
        lang = language()
        editable = False
        if self.key is None:
            self.setTitle(tr("Score"))
            self.computed.setText(tr("Select a cell in the table to see and edit its justification and source."))
        else:
            option, criterion = project.option(self.key[0]), project.criterion(self.key[1])
            self.setTitle(tr("{option} — {criterion}", option=option.name.get(lang),
                             criterion=criterion.name.get(lang)))
            score = project.score(*self.key)
            if criterion.kind.computed:
                self.computed.setText(tr("Computed from the tariff: {how}",
                                         how=how_computed(project, option, criterion, lang)))
            elif score is None:
                self.computed.setText(tr("Not yet judged: choose a score in the table above; the justification"
                                         " and source can be entered once it has a score."))
            else:
                self.computed.setText(criterion.scale_label(int(score.value), lang)
                                      if criterion.kind.value == "scale" else "")
                editable = True
        score = project.score(*self.key) if self.key and editable else None
        self.computed.setVisible(bool(self.computed.text()))
        if not self.justification.hasFocus():
            self.justification.setPlainText(score.justification if score else "")
        for name, edit in self.fields.items():
            if not edit.hasFocus():
                edit.setText(getattr(score.source, name) if score else "")
                edit.setCursorPosition(0)
                edit.setToolTip(edit.text())
            edit.setEnabled(editable)
        self.justification.setEnabled(editable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.justification and event.type() == QEvent.Type.FocusOut:
            self._commit_justification()
        return super().eventFilter(watched, event)

    def _commit_all(self) -> None:
        self._commit_justification()
        for name in SOURCE_FIELDS:
            self._commit_source(name)

    def _score(self):
        if self.key is None:
            return None
        return self.document.project.score(*self.key)

    def _commit_justification(self) -> None:
        if self.key is None or self._score() is None or not self.justification.isEnabled():
            return
        (option, criterion), text = self.key, self.justification.toPlainText()
        self.document.attempt(lambda: commands.set_justification(self.document.project, option, criterion, text))

    def _commit_source(self, name: str) -> None:
        if self.key is None or self._score() is None or not self.fields[name].isEnabled():
            return
        (option, criterion), text = self.key, self.fields[name].text()
        self.document.attempt(lambda: commands.set_score_source(self.document.project, option, criterion, name, text))
