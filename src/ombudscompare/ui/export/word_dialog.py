"""File → Export to Word: what the appendix holds, and the municipality's house style (a Word document or template)
it is written on — chosen once, remembered, and checked when chosen."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...formats.errors import FileError
from ...i18n import tr

TEMPLATE_FILTER = "{word} (*.docx *.dotx);;{all} (*)"


class WordExportDialog(QDialog):
    """The template in force (or none), buttons to choose one or go without, and Export."""

    def __init__(self, template: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("word_export_dialog")
        self.setWindowTitle(tr("Export to Word"))
        self.template = template
        intro = QLabel(tr("An appendix for the memo: the comparison with the options as columns and the criteria as"
                          " rows, the conclusion, the costs with the tariff formulas, the charts and the sources."
                          " It is written on your municipality's Word template (its styles, page setup, headers and"
                          " footers), or as a plain A4 document."))
        intro.setWordWrap(True)
        self.shown = QLineEdit()
        self.shown.setObjectName("word_template")
        self.shown.setReadOnly(True)
        self.shown.setMinimumWidth(360)
        self.shown.setAccessibleName(tr("House style (Word template)"))
        label = QLabel(tr("House &style:"))
        label.setBuddy(self.shown)
        choose = QPushButton(tr("&Choose a template…"))
        choose.setObjectName("choose_word_template")
        choose.clicked.connect(self.choose)
        self.plain = QPushButton(tr("&No template"))
        self.plain.setObjectName("no_word_template")
        self.plain.clicked.connect(lambda: self.use(""))
        grid = QGridLayout()
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.shown, 0, 1, 1, 2)
        grid.addWidget(choose, 1, 1)
        grid.addWidget(self.plain, 1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.use(template)

    def use(self, template: str) -> None:
        self.template = template
        if not template:
            self.shown.setText(tr("none: a plain A4 document"))
        elif not os.path.exists(template):
            self.shown.setText(tr("{file} (not found: choose it again)", file=template))
        else:
            self.shown.setText(template)
        self.shown.setToolTip("")
        self.plain.setEnabled(bool(template))

    def choose(self) -> None:
        """Ask for a .docx or .dotx; one that is not a Word file is refused in words and the old choice stays."""
        from ...formats.word_template import open_template

        folder = os.path.dirname(self.template) if self.template else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Word template"), folder,
                                              TEMPLATE_FILTER.format(word=tr("Word documents and templates"),
                                                                     all=tr("All files")))
        if not path:
            return
        try:
            open_template(path)
        except FileError as error:
            from PySide6.QtWidgets import QMessageBox

            from ..widgets.plain import plain_box

            box = QMessageBox(QMessageBox.Icon.Warning, tr("Cannot use this template"), error.render(),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("template_error")
            plain_box(box).exec()
            return
        self.use(os.path.abspath(path))
