"""Justification and source of the selected score, edited in place (each change undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from ... import commands
from ...explain.values import how_computed
from ...i18n import language, tr
from ..document import Change, Document
from .fields import BoundText, SourceForm


class ScoreDetailPanel(QGroupBox):
    """Shows one option × criterion; texts are committed when the field loses focus or Enter is pressed."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.key: tuple[str, str] | None = None
        self.computed = QLabel()
        self.computed.setWordWrap(True)
        self.computed.setTextFormat(Qt.TextFormat.PlainText)
        self.justification = BoundText("justification", self._set_justification, lines=4)
        self.form = QFormLayout(self)
        self.form.addRow(self.computed)
        self.justification_label = QLabel()
        self.justification_label.setBuddy(self.justification)
        self.form.addRow(self.justification_label, self.justification)
        self.source = SourceForm(self.form, "source", self._set_source)
        self.fields = self.source.fields
        document.changed.connect(self._document_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.justification_label.setText(tr("&Justification"))
        self.source.retranslate()
        self.refresh()

    def show_score(self, key: tuple[str, str] | None) -> None:
        self.justification.commit()
        self.source.commit_all()
        self.key = key
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        if change & Change.WEIGHTS_ONLY:
            return  # a score's words and source do not follow the weights
        if change & Change.STRUCTURE and self.key is not None:
            project = self.document.project
            if (self.key[0] not in {o.id for o in project.options}
                    or self.key[1] not in {c.id for c in project.criteria}):
                self.key = None
        self.refresh()

    def refresh(self, _change: object = None) -> None:
        project = self.document.project
        lang = language()
        score = None
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
                score = None
            elif score is None:
                self.computed.setText(tr("Not yet judged: choose a score in the table above; the justification"
                                         " and source can be entered once it has a score."))
            else:
                self.computed.setText(criterion.scale_label(int(score.value), lang)
                                      if criterion.kind.scale else "")
        self.computed.setVisible(bool(self.computed.text()))
        self.justification.show_text(score.justification if score else "")
        self.justification.setEnabled(score is not None)
        self.source.show_source(score.source if score else None, score is not None)

    def _set_justification(self, text: str) -> bool:
        if self.key is None:
            return True
        option, criterion = self.key
        return self.document.try_edit(lambda: commands.set_justification(self.document.project, option, criterion,
                                                                         text), at=self.justification)

    def _set_source(self, field: str, text: str) -> bool:
        if self.key is None:
            return True
        option, criterion = self.key
        return self.document.try_edit(lambda: commands.set_score_source(self.document.project, option, criterion,
                                                                        field, text), at=self.source.fields[field])
