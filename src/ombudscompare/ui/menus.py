"""The window's actions and menus: built once, their texts set again whenever the language changes."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ..i18n import N_, tr
from .structure import NEW_KIND_NAMES


def build_actions(window) -> None:
    """Every action of the window, with its shortcut; texts come from retranslate_menus."""
    def action(handler, shortcut=None, name=""):
        act = QAction(window)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(handler)
        return act

    window.new_blank_action = action(window.files.new_blank, QKeySequence.StandardKey.New, "new_blank")
    window.new_example_action = action(window.files.new_example, None, "new_example")
    window.open_action = action(window.files.open_dialog, QKeySequence.StandardKey.Open, "open")
    window.save_action = action(window.files.save, QKeySequence.StandardKey.Save, "save")
    window.save_as_action = action(window.files.save_as, QKeySequence.StandardKey.SaveAs, "save_as")
    window.quit_action = action(window.close, QKeySequence.StandardKey.Quit, "quit")
    window.export_excel_action = action(window.files.export_excel_dialog, QKeySequence("Ctrl+E"), "export_excel")
    window.export_report_action = action(window.files.export_report_dialog, QKeySequence("Ctrl+Shift+P"),
                                       "export_report")
    window.export_chart_action = action(lambda: window.files.export_chart_dialog(*window.current_chart()),
                                      QKeySequence("Ctrl+Shift+E"), "export_chart")
    window.copy_chart_action = action(lambda: window.files.copy_chart(*window.current_chart()),
                                    QKeySequence("Ctrl+Shift+C"), "copy_chart")
    window.presentation_action = action(window.start_presentation, QKeySequence("F5"), "presentation")
    stack = window.document.undo_stack
    window.undo_action = action(stack.undo, QKeySequence.StandardKey.Undo, "undo")
    window.redo_action = action(stack.redo, None, "redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    stack.canUndoChanged.connect(window.undo_action.setEnabled)
    stack.canRedoChanged.connect(window.redo_action.setEnabled)
    stack.indexChanged.connect(window._update_undo_texts)
    stack.cleanChanged.connect(window._update_undo_texts)
    window.add_option_action = action(window.add_option, None, "add_option")
    window.remove_option_action = action(window.remove_option, None, "remove_option")
    window.remove_criterion_action = action(window.remove_criterion, None, "remove_criterion")
    window.help_action = action(window.show_help, QKeySequence.StandardKey.HelpContents, "help")
    if window.help_action.shortcut().isEmpty():
        window.help_action.setShortcut(QKeySequence("F1"))
    window.about_action = action(window.show_about, None, "about")
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for code, name in (("nl", "Nederlands"), ("en", "English")):
        act = QAction(name, window, checkable=True)
        act.setObjectName(f"language_{code}")
        act.triggered.connect(lambda _checked=False, c=code: window.language_requested.emit(c))
        window.language_group.addAction(act)
        window.language_actions[code] = act
    window.add_criterion_actions = {}
    for kind in NEW_KIND_NAMES:
        act = QAction(window)
        act.setObjectName(f"add_criterion_{kind.value}")
        act.triggered.connect(lambda _checked=False, k=kind: window.add_criterion(k))
        window.add_criterion_actions[kind] = act

def build_menus(window) -> None:
    """The menu bar: File, Edit, View, Help."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    window.new_menu = QMenu(window)
    window.new_menu.addActions([window.new_blank_action, window.new_example_action])
    window.file_menu.addMenu(window.new_menu)
    window.file_menu.addAction(window.open_action)
    window.recent_menu = QMenu(window)
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    window.file_menu.addMenu(window.recent_menu)
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.save_action, window.save_as_action])
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.export_excel_action, window.export_report_action, window.export_chart_action,
                               window.copy_chart_action])
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)
    window.edit_menu = bar.addMenu("")
    window.edit_menu.addActions([window.undo_action, window.redo_action])
    window.edit_menu.addSeparator()
    window.edit_menu.addActions([window.add_option_action, window.remove_option_action])
    window.add_criterion_menu = QMenu(window)
    window.add_criterion_menu.addActions(list(window.add_criterion_actions.values()))
    window.edit_menu.addMenu(window.add_criterion_menu)
    window.edit_menu.addAction(window.remove_criterion_action)
    window.add_criterion_button.setMenu(window.add_criterion_menu)
    window.view_menu = bar.addMenu("")
    window.view_menu.addAction(window.presentation_action)
    window.screen_menu = QMenu(window)
    window.screen_menu.aboutToShow.connect(lambda: window.showing.fill_screens(window.screen_menu))
    window.view_menu.addMenu(window.screen_menu)
    window.language_menu = QMenu(window)
    window.language_menu.addActions(list(window.language_actions.values()))
    window.view_menu.addMenu(window.language_menu)
    window.help_menu = bar.addMenu("")
    window.help_menu.addActions([window.help_action, window.about_action])


def retranslate_menus(window) -> None:
    """Menu titles and action texts in the language now in force."""
    texts = (
        (window.new_blank_action, N_("&Blank project")), (window.new_example_action, N_("From the &Haarlem 2018 example")),
        (window.open_action, N_("&Open…")), (window.save_action, N_("&Save")), (window.save_as_action, N_("Save &as…")),
        (window.quit_action, N_("&Quit")), (window.export_excel_action, N_("&Export to Excel…")),
        (window.export_report_action, N_("Export &report (PDF)…")),
        (window.export_chart_action, N_("Export c&hart (PNG/SVG)…")),
        (window.copy_chart_action, N_("Cop&y chart")), (window.presentation_action, N_("&Presentation")),
        (window.add_option_action, N_("Add &option")),
        (window.remove_option_action, N_("&Remove option")), (window.remove_criterion_action, N_("Remove &criterion")),
        (window.help_action, N_("OmbudsCompare &help")), (window.about_action, N_("&About OmbudsCompare")),
    )
    for act, text in texts:
        act.setText(tr(text))
    for kind, act in window.add_criterion_actions.items():
        act.setText(tr(NEW_KIND_NAMES[kind]))
    for menu, text in ((window.file_menu, N_("&File")), (window.new_menu, N_("&New")), (window.recent_menu, N_("Open &recent")),
                       (window.edit_menu, N_("&Edit")), (window.add_criterion_menu, N_("Add &criterion")),
                       (window.view_menu, N_("&View")), (window.screen_menu, N_("Presentation &screen")), (window.language_menu, N_("&Language")), (window.help_menu, N_("&Help"))):
        menu.setTitle(tr(text))
