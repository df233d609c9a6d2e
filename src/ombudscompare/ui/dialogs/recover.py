"""Unsaved work kept by sessions that ended unexpectedly, offered back in one list: restore one into this window,
save any as a project file, delete any, or keep the rest for the next start. Nothing is deleted unasked."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...i18n import language, tr
from ..recovery import Recovered, Recovery
from ..widgets.plain import tip


def _when(saved_at: str) -> str:
    try:
        return datetime.fromisoformat(saved_at).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return saved_at


class RecoveryDialog(QDialog):
    """One row per piece of kept work (newest first); the buttons act on the chosen row."""

    def __init__(self, window, kept: list[Recovered]):
        super().__init__(window)
        self.setObjectName("recovery_prompt")
        self.window_ = window
        self.kept = list(kept)
        self.restored = False
        self.setWindowTitle(tr("Restore unsaved work?"))
        intro = QLabel(tr("OmbudsCompare was closed unexpectedly. This unsaved work was kept. Restore one piece in"
                          " this window, save any as a project file, or keep them for the next start; nothing is"
                          " deleted unless you choose Delete."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget()
        self.table.setObjectName("recovered_work")
        self.table.setAccessibleName(tr("Unsaved work that was kept"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.buttons = {}
        row = QHBoxLayout()
        for name, text, slot in (("restore", tr("&Restore"), self.restore), ("save_as", tr("&Save as…"), self.save_as),
                                 ("delete", tr("&Delete"), self.delete), ("later", tr("&Later"), self.reject)):
            button = QPushButton(text)
            button.setObjectName(f"recovery_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._fill()
        self.resize(760, 320)

    def _fill(self) -> None:
        headers = (tr("Project"), tr("File"), tr("Kept at"), tr("Note"))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setRowCount(len(self.kept))
        for r, kept in enumerate(self.kept):
            note = (tr("Cannot be saved as it stands: {problem}", problem=kept.problem) if kept.problem
                    else kept.dropped)
            for c, text in enumerate((kept.project.title.get(language()) or tr("Untitled"),
                                      kept.original_path or tr("never saved"), _when(kept.saved_at), note)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip(text))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self.kept:
            self.table.selectRow(0)
        self._update_buttons()

    def chosen(self) -> Recovered | None:
        rows = self.table.selectionModel().selectedRows()
        return self.kept[rows[0].row()] if rows and rows[0].row() < len(self.kept) else None

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.buttons["restore"].setEnabled(chosen and not self.restored)
        self.buttons["save_as"].setEnabled(chosen)
        self.buttons["delete"].setEnabled(chosen)

    def _done_with(self, kept: Recovered) -> None:
        self.kept.remove(kept)
        self._fill()
        if not self.kept:
            self.accept()

    def restore(self) -> None:
        """Into this window, as unsaved work; a project that cannot be saved as it stands says what must change."""
        kept = self.chosen()
        if kept is None or self.restored:
            return
        window = self.window_
        window.document.replace(kept.project, kept.original_path, modified=True)
        window.keep_recovery()  # now in this session's own recovery file
        Recovery.discard(kept)
        self.restored = True
        if kept.problem:
            window.statusBar().showMessage(tr("Restored. Before it can be saved: {problem}", problem=kept.problem),
                                           60_000)
        self._done_with(kept)

    def save_as(self) -> None:
        kept = self.chosen()
        if kept is not None and self.window_.files.save_recovered(kept.project, kept.original_path):
            Recovery.discard(kept)
            self._done_with(kept)

    def delete(self) -> None:
        kept = self.chosen()
        if kept is not None:
            Recovery.discard(kept)
            self._done_with(kept)
