"""The selected option's description, its name in a sentence and the source of its tariff (each edit undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from ... import commands
from ...i18n import language, tr
from ..document import Change, Document
from .fields import BoundLine, BoundText, SourceForm


class OptionDetailPanel(QGroupBox):
    """Below the tariffs: what the memo says about the option whose column is selected, and where its tariff
    comes from."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("option_detail")
        self.document = document
        self.option_id: str | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.description = BoundText("option_description", lambda text: self._set_text("description", text), 3)
        self.in_sentence = BoundLine("option_in_sentence", lambda text: self._set_text("in_sentence", text))
        self.form = QFormLayout(self)
        self.form.addRow(self.hint)
        self.description_label, self.in_sentence_label = QLabel(), QLabel()
        self.description_label.setBuddy(self.description)
        self.in_sentence_label.setBuddy(self.in_sentence)
        self.form.addRow(self.description_label, self.description)
        self.form.addRow(self.in_sentence_label, self.in_sentence)
        self.source = SourceForm(self.form, "tariff_source", self._set_source)
        document.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.description_label.setText(tr("Description"))
        self.in_sentence_label.setText(tr("In a sentence"))
        self.in_sentence.setPlaceholderText(tr("e.g. “the National Ombudsman”: how sentences name it"))
        self.source.retranslate()
        self.refresh()

    def show_option(self, option_id: str | None) -> None:
        if option_id != self.option_id:
            self.description.commit()
            self.in_sentence.commit()
            self.source.commit_all()
            self.option_id = option_id
            self.refresh()

    def refresh(self, change: object = None) -> None:
        if isinstance(change, Change) and change & Change.WEIGHTS_ONLY:
            return  # nothing here follows the weights
        project = self.document.project
        lang = language()
        option = next((o for o in project.options if o.id == self.option_id), None)
        if option is None:
            self.option_id = None
            self.setTitle(tr("Option"))
            self.hint.setText(tr("Select an option's column to describe it and give the source of its tariff."))
        else:
            self.setTitle(option.name.get(lang))
            self.hint.setText("")
        self.hint.setVisible(option is None)
        self.description.show_text(option.description.texts.get(lang, "") if option else "")
        self.in_sentence.show_text(option.in_sentence.texts.get(lang, "") if option else "")
        for widget in (self.description, self.in_sentence):
            widget.setEnabled(option is not None)
        self.source.show_source(option.tariff.source if option else None, option is not None)
        for label in self.source.labels.values():
            label.setEnabled(option is not None)

    def _set_text(self, field: str, text: str) -> bool:
        if self.option_id is None:
            return True
        option_id, lang = self.option_id, language()
        at = self.description if field == "description" else self.in_sentence
        return self.document.try_edit(lambda: commands.set_option_text(self.document.project, option_id, field, lang,
                                                                       text), at=at)

    def _set_source(self, field: str, text: str) -> bool:
        if self.option_id is None:
            return True
        owner = ("tariff", self.option_id)
        return self.document.try_edit(lambda: commands.set_source(self.document.project, owner, field, text),
                                      at=self.source.fields[field])
