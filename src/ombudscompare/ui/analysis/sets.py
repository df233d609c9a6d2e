"""Who chooses what: the weight sets side by side, and the buttons that make, change and apply them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from ... import commands
from ...core.scoring import ModelError
from ...core.weightsets import matches_current, swing_outdated
from ...core.whatif import Preset
from ...explain import charts
from ...explain.kinds import ChartRequest, build, empty
from ...explain.sets import compromise_sentence, consensus_sentence, sets_table, shares_table
from ...i18n import N_, language, tr
from ..charts.base import BarChart
from ..widgets.plain import tip
from .base import CHART_MIN_HEIGHT, AnalysisTab, fill_table, read_only_table, sentence_label

PRESET_SET_NAMES = {Preset.EQUAL: N_("All criteria equal"), Preset.COST_LED: N_("Cost first"),
                    Preset.QUALITY_LED: N_("Quality first")}
MORE_TEXTS = {"preset_equal": N_("New set: &all criteria equal"), "preset_cost_led": N_("New set: &cost first"),
              "preset_quality_led": N_("New set: &quality first"), "swing_weighting": N_("&Swing weighting…"),
              "order_weighting": N_("Weights by &order only…")}


class SetsTab(AnalysisTab):
    """The sets × options matrix with every set's winner, consensus and compromise; make and apply sets."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("sets_tab")
        self.chart = BarChart("sets_chart")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.sentence = sentence_label()
        self.sentence.setObjectName("sets_sentence")
        self.table = read_only_table("sets_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.apply_selected())
        self.shares = read_only_table("sets_shares")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, slot in (("save_set", self.save_current), ("apply_set", self.apply_selected)):
            button = QPushButton()
            button.setObjectName(name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        # what acts on the chosen set, in one menu (a 1366-pixel screen has no room for a button each)
        self.set_menu_button = QToolButton()
        self.set_menu_button.setObjectName("set_menu")
        self.set_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.set_menu = QMenu(self.set_menu_button)
        self.set_menu_button.setMenu(self.set_menu)
        self.set_actions = {}
        for name, slot in (("store_set", self.store_current), ("rename_set", self.rename_selected),
                           ("note_set", self.note_selected), ("duplicate_set", self.duplicate_selected),
                           ("delete_set", self.delete_selected)):
            action = self.set_menu.addAction("")
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.set_actions[name] = action
        row.addWidget(self.set_menu_button)
        self.more = QToolButton()
        self.more.setObjectName("more_sets")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more)
        self.more.setMenu(self.more_menu)
        self.more_actions = {}
        for name, slot in ((f"preset_{p.value}", lambda _c=False, p=p: self.from_preset(p)) for p in PRESET_SET_NAMES):
            self.more_actions[name] = self.more_menu.addAction("")
            self.more_actions[name].triggered.connect(slot)
        self.more_menu.addSeparator()
        for name, slot in (("swing_weighting", self.swing_dialog), ("order_weighting", self.order_dialog)):
            self.more_actions[name] = self.more_menu.addAction("")
            self.more_actions[name].triggered.connect(slot)
        for name, action in self.more_actions.items():
            action.setObjectName(name)
        row.addWidget(self.more)
        row.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.sentence)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.shares)
        self.set_ids: list[str] = []

    # --- drawing ------------------------------------------------------------------------------------
    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        self._label_buttons()
        self.name_parts(tr("Who chooses what"), table=tr("Totals per weight set"), shares=tr("Weights of each set"))
        selected = self.selected()
        self.set_ids = [s.id for s in project.weight_sets]
        if not project.weight_sets:
            self.sentence.setText(tr("No weight sets yet. Save the current weights as a set (one per party or "
                                     "proposal), start from an example, or let a committee member answer the swing "
                                     "questions."))
            self.table.setRowCount(0)
            self.shares.setRowCount(0)
            self.chart.show_data(sets_chart_empty(lang))
            self._update_buttons()
            return
        try:
            comparison = self.document.analyses.sets()
        except ModelError as error:
            self.sentence.setText(error.message.render(lang))
            fill_table(self.table, _names_only(project))
            self.shares.setRowCount(0)
            self.chart.show_data(sets_chart_empty(lang, error.message.render(lang)))
            self._update_buttons()
            return
        table = sets_table(project, comparison, lang)
        self.set_ids = list(table.keys[:-1])  # the rows' sets (the last row is the compromise)
        fill_table(self.table, table, share_width=True)
        for row, set_id in enumerate(self.set_ids):
            weight_set = project.weight_set(set_id)
            item = self.table.item(row, 0)
            if item is not None and weight_set.swing is not None and swing_outdated(project, weight_set.swing):
                item.setText(item.text() + " ⚠")
        self.mark_in_force()
        compromise = self.table.item(len(self.set_ids), 0)
        if compromise is not None:
            compromise.setFlags(Qt.ItemFlag.ItemIsEnabled)
        lines = [consensus_sentence(project, comparison, lang), compromise_sentence(project, comparison, lang)]
        self.sentence.setText("\n".join(lines))
        self.chart.show_data(charts.bars(build(ChartRequest("sets"), self.document.analyses, lang)))
        fill_table(self.shares, shares_table(project, comparison, lang), share_width=True)
        if selected in self.set_ids:
            self.table.selectRow(self.set_ids.index(selected))
        self._update_buttons()

    def mark_in_force(self) -> None:
        """The set whose weights the window shows now in bold, with each set's note and warnings as its tooltip."""
        project = self.document.project
        for row, set_id in enumerate(self.set_ids):
            item = self.table.item(row, 0)
            if item is None:
                continue
            weight_set = project.weight_set(set_id)
            notes = [weight_set.note] if weight_set.note else []
            in_force = matches_current(project, weight_set)
            if in_force:
                notes.append(tr("These are the weights shown now."))
            if weight_set.swing is not None and swing_outdated(project, weight_set.swing):
                notes.append(tr("Set by swings; a reference level has changed since, so the answers described other"
                                " swings. Ask the swing questions again."))
            font = item.font()
            if font.bold() != in_force:
                font.setBold(in_force)
                item.setFont(font)
            item.setToolTip(tip("\n".join(notes)))

    def weights_changed(self) -> None:
        """An edit of weights only changes no set's figures: only which set is in force."""
        if self.set_ids and all(s in {w.id for w in self.document.project.weight_sets} for s in self.set_ids):
            self.mark_in_force()
        else:
            super().weights_changed()

    def show_problem(self, text: str) -> None:
        self.sentence.setText(text)
        self.chart.show_data(sets_chart_empty(language(), text))

    def _label_buttons(self) -> None:
        texts = {"save_set": tr("Save wei&ghts as set…"), "apply_set": tr("App&ly set")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        actions = {"store_set": tr("&Store current weights in it"), "rename_set": tr("&Rename…"),
                   "note_set": tr("&Who holds it…"), "duplicate_set": tr("D&uplicate"), "delete_set": tr("&Delete")}
        for name, text in actions.items():
            self.set_actions[name].setText(text)
        self.set_menu_button.setText(tr("E&dit set"))
        self.more.setText(tr("Ma&ke a set"))
        for name, action in self.more_actions.items():
            action.setText(tr(MORE_TEXTS[name]))

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.buttons["apply_set"].setEnabled(chosen)
        self.set_menu_button.setEnabled(chosen)
        for action in self.set_actions.values():
            action.setEnabled(chosen)

    # --- acting ---------------------------------------------------------------------------------------
    def selected(self) -> str | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()} if self.table.selectionModel() \
            else set()
        row = next(iter(rows), None)
        return self.set_ids[row] if row is not None and row < len(self.set_ids) else None

    def _attempt(self, build, at=None) -> bool:
        """Document.try_edit at the control the user acted with (the table when a menu entry was used)."""
        return self.document.try_edit(build, at=at or self.table)

    def _ask_name(self, title: str, current: str = "") -> str | None:
        dialog = QInputDialog(self)
        dialog.setObjectName("set_name_dialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(tr("Name of the set (for instance a party or a proposal):"))
        dialog.setTextValue(current)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def save_current(self) -> None:
        name = self._ask_name(tr("Save current weights as a set"))
        if name is not None and self._attempt(lambda: commands.save_current(self.document.project, name)):
            self.refresh()
            new = self.document.project.weight_sets[-1].id
            if new in self.set_ids:
                self.table.selectRow(self.set_ids.index(new))  # the new set, ready to use or rename

    def from_preset(self, preset: Preset) -> None:
        name = tr(PRESET_SET_NAMES[preset])
        self._attempt(lambda: commands.from_preset(self.document.project, preset, name))

    def _on_chosen(self, build) -> None:
        """Run `build(project, set_id)` on the set chosen in the table, if one is."""
        set_id = self.selected()
        if set_id is not None:
            self._attempt(lambda: build(self.document.project, set_id))

    def apply_selected(self) -> None:
        self._on_chosen(commands.apply_set)

    def store_current(self) -> None:
        self._on_chosen(commands.update_from_current)

    def rename_selected(self) -> None:
        set_id = self.selected()
        if set_id is None:
            return
        name = self._ask_name(tr("Rename weight set"), self.document.project.weight_set(set_id).name)
        if name is not None:
            self._attempt(lambda: commands.rename_set(self.document.project, set_id, name))

    def note_selected(self) -> None:
        set_id = self.selected()
        if set_id is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("set_note_dialog")
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setWindowTitle(tr("Who holds it"))
        dialog.setLabelText(tr("Who holds this set, and why (optional):"))
        dialog.setTextValue(self.document.project.weight_set(set_id).note)
        if dialog.exec() == QInputDialog.DialogCode.Accepted:
            text = dialog.textValue()
            self._attempt(lambda: commands.set_note(self.document.project, set_id, text))

    def duplicate_selected(self) -> None:
        self._on_chosen(lambda project, set_id: commands.duplicate_set(
            project, set_id, tr("{name} (copy)", name=project.weight_set(set_id).name)))

    def delete_selected(self) -> None:
        self._on_chosen(commands.delete_set)

    def swing_dialog(self) -> None:
        from ..dialogs.swing import SwingDialog

        SwingDialog(self.document, self).exec()

    def order_dialog(self) -> None:
        from ..dialogs.order import OrderDialog

        OrderDialog(self.document, self).exec()


def sets_chart_empty(lang: str, message: str = ""):
    return charts.bars(empty("sets", message or tr("No weight sets yet.", lang), lang))


def _names_only(project):
    from ...explain.tables import Table

    return Table((tr("Weight set"),), tuple((s.name,) for s in project.weight_sets))
