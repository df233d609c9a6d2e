"""Edit → Project details: the project's title, its notes for the memo, and the source of the municipality's figures.

A window beside the main one (not modal): every field is committed on leaving it as an undoable step,
and Ctrl+Z / Ctrl+Y work here as in the main window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

from ... import commands
from ...i18n import language, tr
from ..document import Document
from .fields import BoundLine, BoundText, SourceForm


class ProjectDetailsDialog(QDialog):
    """Title, notes and the source of the municipality's figures."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("project_details")
        self.document = document
        self.title_field = BoundLine("project_title", lambda text: self._set("title", text))
        self.notes = BoundText("project_notes", lambda text: self._set("notes", text), lines=8)
        project_box = QGroupBox()
        form = QFormLayout(project_box)
        self.title_label, self.notes_label = QLabel(), QLabel()
        self.title_label.setBuddy(self.title_field)
        self.notes_label.setBuddy(self.notes)
        form.addRow(self.title_label, self.title_field)
        form.addRow(self.notes_label, self.notes)
        self.source_box = QGroupBox()
        source_form = QFormLayout(self.source_box)
        self.source = SourceForm(source_form, "municipality_source", self._set_source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(project_box)
        layout.addWidget(self.source_box)
        layout.addWidget(buttons)
        self.project_box = project_box
        document.changed.connect(self.refresh)
        self.resize(620, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Project details"))
        self.project_box.setTitle(tr("Project"))
        self.title_label.setText(tr("&Title"))
        self.notes_label.setText(tr("&Notes"))
        self.notes.setPlaceholderText(tr("Anything the memo should say about this comparison: how it came about,"
                                         " what was left out, who was consulted."))
        self.source_box.setTitle(tr("Source of the municipality's figures"))
        self.source.retranslate()
        self.refresh()

    def refresh(self, _change: object = None) -> None:
        project = self.document.project
        self.title_field.show_text(project.title.get(language()))
        self.notes.show_text(project.notes)
        self.source.show_source(project.municipality.source, True)

    def closeEvent(self, event) -> None:
        self.title_field.commit()
        self.notes.commit()
        self.source.commit_all()
        super().closeEvent(event)

    def _set(self, field: str, text: str) -> bool:
        at = self.title_field if field == "title" else self.notes
        return self.document.try_edit(lambda: commands.set_project_text(self.document.project, field, text,
                                                                       language()), at=at)

    def _set_source(self, field: str, text: str) -> bool:
        return self.document.try_edit(lambda: commands.set_source(self.document.project, ("municipality",), field,
                                                                 text), at=self.source.fields[field])

