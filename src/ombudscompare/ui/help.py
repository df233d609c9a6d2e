"""The help window (F1): what the numbers mean and how to work with the tool."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..i18n import tr

HELP_TEXTS = (
    "OmbudsCompare puts the options for your municipality's external complaint body side by side, on cost and on"
    " qualities, with weights you choose.",
    "Costs come from each option's tariff: fixed amount + amount per inhabitant × inhabitants + amount per"
    " complaint × complaints + surcharge × complaints above those included. Change the number of inhabitants or"
    " complaints and every cost follows.",
    "Every criterion becomes a value from 0 to 100. Numbers are placed linearly between a best level (100) and a"
    " worst level (0); a score on the 1–5 scale counts (score − 1) ÷ 4 × 100. The total is the sum of value ×"
    " weight over the criteria that are switched on.",
    "Set a weight with its slider or number; the other criteria keep their proportions and the shares always add"
    " up to 100 %. The presets make all weights equal, or let cost or quality lead.",
    "Select an option in the ranking to see how its total comes about. Select a score to read or edit its"
    " justification and source; hover over a cell to see them.",
    "Every change can be undone (Ctrl+Z) and redone (Ctrl+Y). Unsaved work is kept in a recovery file and offered"
    " back after a crash.",
)


class HelpDialog(QDialog):
    """A plain, translated explanation; no browser or network needed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(tr("OmbudsCompare help"))
        browser = QTextBrowser()
        browser.setHtml("".join(f"<p>{html.escape(tr(text))}</p>" for text in HELP_TEXTS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(640, 460)
