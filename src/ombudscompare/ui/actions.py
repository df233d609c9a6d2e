"""Every action of the window in one table (text, shortcuts, handler, when it is enabled), and the menus.

Actions are keyed by `Act`; the window, its menus, its tests and the help text find them by id.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QMenuBar, QWidget

from ..i18n import N_, tr
from .binding import FocusFilter

if TYPE_CHECKING:
    from .context import Context

StandardKey = QKeySequence.StandardKey


class Act(enum.Enum):
    NEW_BLANK = "new_blank"
    NEW_EXAMPLE = "new_example"
    OPEN = "open"
    SAVE = "save"
    SAVE_AS = "save_as"
    EXPORT_EXCEL = "export_excel"
    EXPORT_REPORT = "export_report"
    EXPORT_WORD = "export_word"
    EXPORT_CHART = "export_chart"
    COPY_CHART = "copy_chart"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    ADD_OPTION = "add_option"
    REMOVE_OPTION = "remove_option"
    REMOVE_CRITERION = "remove_criterion"
    PROJECT_DETAILS = "project_details"
    PRESENTATION = "presentation"
    CHART_TABLE = "chart_table"
    HELP = "help"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    """An action: its menu text (a message id with its mnemonic), shortcuts, handler and enabled rule; handlers and
    rules get the window's Context (ui/context.py), never the window itself."""

    id: Act
    text: str
    handler: Callable[[Any], object]
    shortcuts: tuple[QKeySequence | StandardKey | str, ...] = ()
    enabled_when: Callable[[Any], bool] | None = None


ACTIONS = (
    ActionSpec(Act.NEW_BLANK, N_("&Blank project"), lambda c: c.files.new_blank(), (StandardKey.New,)),
    ActionSpec(Act.NEW_EXAMPLE, N_("From the &Haarlem 2018 example"), lambda c: c.files.new_example()),
    ActionSpec(Act.OPEN, N_("&Open…"), lambda c: c.files.open_dialog(), (StandardKey.Open,)),
    ActionSpec(Act.SAVE, N_("&Save"), lambda c: c.files.save(), (StandardKey.Save,)),
    ActionSpec(Act.SAVE_AS, N_("Save &as…"), lambda c: c.files.save_as(), (StandardKey.SaveAs,)),
    ActionSpec(Act.EXPORT_EXCEL, N_("&Export to Excel…"), lambda c: c.files.export_excel_dialog(), ("Ctrl+E",)),
    ActionSpec(Act.EXPORT_REPORT, N_("Export re&port (PDF)…"), lambda c: c.files.export_report_dialog(),
               ("Ctrl+Shift+P",)),
    ActionSpec(Act.EXPORT_WORD, N_("Export to &Word (.docx)…"), lambda c: c.files.export_word_dialog()),
    ActionSpec(Act.EXPORT_CHART, N_("Export c&hart (PNG/SVG)…"), lambda c: c.showing.export_chart(),
               ("Ctrl+Shift+E",)),
    ActionSpec(Act.COPY_CHART, N_("Cop&y chart"), lambda c: c.showing.copy_chart(), ("Ctrl+Shift+C",)),
    ActionSpec(Act.QUIT, N_("&Quit"), lambda c: c.window.close(), (StandardKey.Quit, "Ctrl+Q")),  # Windows binds none
    ActionSpec(Act.UNDO, N_("&Undo"), lambda c: c.document.undo_stack.undo(), ("Ctrl+Z",),
               lambda c: c.document.undo_stack.canUndo()),
    ActionSpec(Act.REDO, N_("&Redo"), lambda c: c.document.undo_stack.redo(), ("Ctrl+Y", "Ctrl+Shift+Z"),
               lambda c: c.document.undo_stack.canRedo()),
    ActionSpec(Act.ADD_OPTION, N_("Add &option"), lambda c: c.structure.add_option()),
    ActionSpec(Act.REMOVE_OPTION, N_("Remo&ve option"), lambda c: c.structure.remove_option(),
               enabled_when=lambda c: len(c.document.project.options) > 1
               and c.structure.selected_option() is not None),
    ActionSpec(Act.PROJECT_DETAILS, N_("Project &details…"), lambda c: c.window.show_project_details()),
    ActionSpec(Act.REMOVE_CRITERION, N_("Remove crit&erion"), lambda c: c.structure.remove_criterion(),
               enabled_when=lambda c: len(c.document.project.criteria) > 1
               and c.structure.selected_criterion() is not None),
    ActionSpec(Act.PRESENTATION, N_("&Presentation"), lambda c: c.showing.start_presentation(), ("F5",)),
    ActionSpec(Act.CHART_TABLE, N_("Chart as &table…"), lambda c: c.showing.chart_as_table(), ("Ctrl+Shift+T",)),
    ActionSpec(Act.HELP, N_("OmbudsCompare &help"), lambda c: c.window.show_help(), ("F1",)),
    ActionSpec(Act.ABOUT, N_("&About OmbudsCompare"), lambda c: c.window.show_about()),
)


@dataclass(frozen=True)
class MenuSpec:
    """A menu: its title and entries — an action, None for a separator, a submenu, or the name of a
    submenu the window fills itself (recent files, new criterion kinds, screens, languages)."""

    name: str
    title: str
    entries: tuple[Act | MenuSpec | str | None, ...]


MENUS = (
    MenuSpec("file", N_("&File"), (
        MenuSpec("new", N_("&New"), (Act.NEW_BLANK, Act.NEW_EXAMPLE)), Act.OPEN,
        MenuSpec("recent", N_("Open &recent"), ()), None, Act.SAVE, Act.SAVE_AS, None,
        Act.EXPORT_EXCEL, Act.EXPORT_WORD, Act.EXPORT_REPORT, Act.EXPORT_CHART, Act.COPY_CHART, None, Act.QUIT)),
    MenuSpec("edit", N_("&Edit"), (
        Act.UNDO, Act.REDO, None, Act.ADD_OPTION, Act.REMOVE_OPTION,
        MenuSpec("add_criterion", N_("Add &criterion"), ()), Act.REMOVE_CRITERION, None, Act.PROJECT_DETAILS)),
    MenuSpec("view", N_("&View"), (
        Act.PRESENTATION, Act.CHART_TABLE, MenuSpec("screen", N_("Presentation &screen"), ()),
        MenuSpec("language", N_("&Language"), ()))),
    MenuSpec("help", N_("&Help"), (Act.HELP, Act.ABOUT)),
)


class DocumentUndoKeys(QObject):
    """Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z undo and redo the document from anywhere in the window.

    A text or number field would otherwise take them for its own typing, so the field's undo would
    change what it shows while the document kept the value. The field gives up what was typed first —
    exactly as when the user leaves it (taken, or refused with the reason shown) — and then the
    document's step is undone; the cursor returns to the field.
    """

    def __init__(self, window: QWidget, actions: tuple[QAction, ...]):
        super().__init__(window)
        self.window = window  # the window (or dialog) whose fields this serves
        self.actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if focus is None or watched is not focus or focus.window() is not self.window:
            return False
        pressed = QKeySequence(event.keyCombination())
        if not any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self.actions for s in action.shortcuts()):
            return False
        view = _item_view_of(focus)
        focus.clearFocus()  # the field takes (or refuses) what was typed, as when leaving it
        target = view or focus
        QTimer.singleShot(0, lambda: shiboken6.isValid(target) and target.setFocus())
        return True  # not claimed by the field: the window's Undo/Redo shortcut fires


def _item_view_of(widget: QWidget) -> QWidget | None:
    """The table a cell editor belongs to (the editor closes when it loses the focus)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None


def _sequence(key: QKeySequence | StandardKey | str) -> list[QKeySequence]:
    if isinstance(key, StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


class Actions:
    """The window's QActions, made from ACTIONS; menus made from MENUS."""

    def __init__(self, window: QWidget, context: Context) -> None:
        self.window = window
        self.context = context
        context.actions = self
        self._actions: dict[Act, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for spec in ACTIONS:
            action = QAction(window)
            action.setObjectName(spec.id.value)
            keys = [s for key in spec.shortcuts for s in _sequence(key)]
            action.setShortcuts([k for n, k in enumerate(keys) if k not in keys[:n]])  # each key once
            action.triggered.connect(lambda _checked=False, s=spec: s.handler(self.context))
            window.addAction(action)  # shortcuts work wherever the focus is, menus open or not
            self._actions[spec.id] = action
        self.serve_undo_keys(window)

    def serve_undo_keys(self, root: QWidget) -> None:
        """Ctrl+Z / Ctrl+Y undo the document from every field of `root` (the window, or a dialog of it)."""
        undo, redo = self._actions[Act.UNDO], self._actions[Act.REDO]
        if root is not self.window:
            root.addActions([undo, redo])
        keys = DocumentUndoKeys(root, (undo, redo))
        FocusFilter(root, keys)

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def build_menus(self, bar: QMenuBar) -> None:
        for spec in MENUS:
            self.menus[spec.name] = self._menu(spec, bar.addMenu(""))

    def _menu(self, spec: MenuSpec, menu: QMenu) -> QMenu:
        for entry in spec.entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, Act):
                menu.addAction(self._actions[entry])
            elif isinstance(entry, MenuSpec):
                self.menus[entry.name] = self._menu(entry, menu.addMenu(""))
        return menu

    def retranslate(self) -> None:
        for spec in ACTIONS:
            self._actions[spec.id].setText(tr(spec.text))
        titles: dict[str, str] = {}

        def collect(menu: MenuSpec) -> None:
            titles[menu.name] = menu.title
            for entry in menu.entries:
                if isinstance(entry, MenuSpec):
                    collect(entry)

        for menu in MENUS:
            collect(menu)
        for name, title in titles.items():
            self.menus[name].setTitle(tr(title))

    def update(self, only: tuple[Act, ...] | None = None) -> None:
        """Enable each action (or `only` these) by its rule, once after each change of the document or selection."""
        for spec in ACTIONS:
            if spec.enabled_when is not None and (only is None or spec.id in only):
                self._actions[spec.id].setEnabled(bool(spec.enabled_when(self.context)))
