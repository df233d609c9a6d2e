"""The help window (F1): what the numbers mean and how to work with the tool, and every shortcut."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..i18n import N_, tr
from .actions import ACTIONS

HELP_SECTIONS = (
    (N_("What OmbudsCompare does"), (
        N_("OmbudsCompare puts the options for your municipality's external complaint body side by side, on cost"
           " and on qualities, with weights you choose."),
        N_("Every criterion becomes a value from 0 to 100. Numbers are placed linearly between a best level (100)"
           " and a worst level (0); a score on the 1–5 scale counts (score − 1) ÷ 4 × 100. The total is the sum of"
           " value × weight over the criteria that are switched on."),
    )),
    (N_("Entering tariffs"), (
        N_("On the Costs tab, give the number of inhabitants and the complaints you expect a year, then each"
           " option's tariff: fixed amount + amount per inhabitant × inhabitants + amount per complaint ×"
           " complaints + surcharge × complaints above those included. Every cost follows at once."),
        N_("Type amounts as you are used to: 500,50 and 500.50 both mean five hundred and a half. Text that could"
           " mean two numbers, such as 1.234, is shown as it is read and taken only when you press Enter again."
           " A number that cannot be taken is refused with the reason under the field."),
        N_("Select an option's column to give its description, how sentences name it and the source of its"
           " tariff. Edit → Project details holds the project's title, notes for the memo and the source of the"
           " municipality's figures."),
    )),
    (N_("Adding an option"), (
        N_("Add option puts a new column in the tariff table. It is not ranked until it has a score on every"
           " criterion that is switched on: nothing is guessed for it. Give its scores on the Scores tab."),
        N_("Remove option and Remove criterion act on what is selected, and ask first when scores or"
           " justifications would go too."),
    )),
    (N_("Weights and presets"), (
        N_("Set a weight with its slider or number; the other criteria keep their proportions and the shares"
           " always add up to 100 %. The presets make all weights equal, or let cost or quality lead. Switch a"
           " criterion off to leave it out."),
        N_("A value beyond a criterion's best or worst level counts 100 or 0 however far beyond it is; the"
           " scores table marks it with a warning sign. Widen the levels on the Criteria tab if the difference"
           " should count."),
    )),
    (N_("Scores and their grounds"), (
        N_("Choose a score from its label. Select a score to read or edit its justification and source; hover"
           " over a cell to see them."),
    )),
    (N_("The result and the analysis tabs"), (
        N_("Select an option in the ranking to see how its total comes about."),
        N_("Costs and break-even shows the annual cost against complaints and against inhabitants, with every"
           " point where two options cost the same, and the costs over the years ahead. Weight sensitivity"
           " shows every option's total as one weight runs from 0 to 100 % and how far each weight can move"
           " before first place changes. Robustness shows how often each option ranks first, second, … when"
           " the weights are uncertain."),
        N_("View → Chart as table shows the chart on the right as a sentence and a table."),
    )),
    (N_("Who chooses what: weight sets"), (
        N_("Parties, committee members or proposals often weigh the criteria differently. Save the weights shown"
           " as a named weight set (Who chooses what → Save current weights as set), one for each of them, and say"
           " who holds it. The tab puts every set side by side: each option's total and rank per set, the winner"
           " and how much one weight would have to move to change it, how alike the sets are, and a compromise"
           " (the mean of the sets' weights) with the option no set rates low. Apply this set makes a set's"
           " weights the window's; every change to sets can be undone."),
        N_("Swing weighting asks, for every criterion, how much the improvement from its worst to its best"
           " reference level matters: mark the swing that matters most (100 points) and give every other swing"
           " points relative to it; the weights follow from the points. Moving the mark changes only the row that"
           " gets it and the row that loses it. If a reference level changes later, the set is marked: its answers"
           " described another swing."),
        N_("Weights by order only needs nothing but an order of importance: put the criteria in order (drag, or"
           " Alt+↑ and Alt+↓) and see how often each option ranks first over every weighting that keeps that"
           " order. Save the rank-order-centroid weights (the centre of those weightings) as a set."),
    )),
    (N_("How sure: uncertain inputs"), (
        N_("Not every input is certain: the number of complaints, a tariff next year, a score the committee"
           " disagrees on. On the Robustness tab, Make inputs uncertain gives an input a range from low to high,"
           " and if you know it, the most likely value. The robustness figures then draw those inputs and the"
           " weights together: how often each option ranks first, and per pair how often one costs less."),
        N_("Removing an option or a criterion removes its ranges and its weights in the sets too (undo brings"
           " them back); a set that weighed nothing else is removed with it or kept weighing nothing, as you"
           " choose."),
    )),
    (N_("Presenting in a committee"), (
        N_("F5 shows one chart at a time in large type on the presentation screen (View → Presentation screen;"
           " by default another screen than the window's). → Page Down Space: next chart. ← Page Up Backspace:"
           " previous. Home and End: first and last. These keys always change charts, so a presenter's clicker"
           " never changes a number."),
        N_("W shows or hides a weight panel: click or Tab into it to change a weight (an ordinary step you can"
           " undo); Enter or Esc hands the keys back to the charts. Esc outside the panel returns to the"
           " window."),
    )),
    (N_("Exports"), (
        N_("File → Export to Excel writes a workbook in which costs, shares, totals and ranks are live formulas:"
           " change a yellow cell in Excel and everything follows. File → Open reads such a workbook back."
           " Export report writes a PDF for the memo; Export chart a slide-ready PNG or SVG; Copy chart puts it"
           " on the clipboard. The status bar says where each file went."),
    )),
    (N_("Undo and recovery"), (
        N_("Every change can be undone and redone, also from inside the field you just changed. Unsaved work is"
           " kept in a recovery file and offered back after a crash."),
    )),
)


def shortcuts_table() -> str:
    """Every action with a shortcut, from the action registry, as an HTML table."""
    rows = []
    for spec in ACTIONS:
        keys = [QKeySequence(k) if isinstance(k, str) else QKeySequence(k) for k in spec.shortcuts]
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty())
        if shown:
            rows.append(f"<tr><td>{html.escape(tr(spec.text).replace('&', ''))}</td>"
                        f"<td>{html.escape(shown)}</td></tr>")
    return "<table cellpadding='3'>" + "".join(rows) + "</table>"


def help_html() -> str:
    parts = []
    for title, paragraphs in HELP_SECTIONS:
        parts.append(f"<h3>{html.escape(tr(title))}</h3>")
        parts += [f"<p>{html.escape(tr(text))}</p>" for text in paragraphs]
    parts.append(f"<h3>{html.escape(tr('Keyboard shortcuts'))}</h3>")
    parts.append(shortcuts_table())
    return "".join(parts)


class HelpDialog(QDialog):
    """A plain, translated explanation; no browser or network needed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(tr("OmbudsCompare help"))
        self.browser = QTextBrowser()
        self.browser.setHtml(help_html())
        self.browser.setAccessibleName(tr("OmbudsCompare help"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 620)
