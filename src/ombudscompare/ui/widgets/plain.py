"""Text from a file shown as text: Qt reads anything that looks like HTML as HTML in tooltips, message boxes
and pyqtgraph's labels, so a name such as <img src="/dev/zero"> could load a local file or hang the window.
Every such place goes through here."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def tip(text: str) -> str:
    """A tooltip that shows `text` literally (escaped inside rich text, so line breaks still break)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def markup(text: str) -> str:
    """Text for a place that always reads HTML (pyqtgraph's titles and axis labels)."""
    return html.escape(text, quote=False)


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose every label (text, informative and detailed text) shows its words literally."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box
