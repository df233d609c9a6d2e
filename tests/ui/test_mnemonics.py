"""Keyboard mnemonics (Alt+letter) are unique wherever they can be pressed, in Dutch and in English:
the menu bar, each menu, each dialog, and every combination of the window's tabs."""

import itertools
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox, QTabBar

from ombudscompare.ui.app import switch_language
from ombudscompare.ui.tabs import CHART_TABS, EDIT_TABS

from .conftest import answer_next_dialog


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand)."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return None
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].lower()


def _clashes(named: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key = defaultdict(list)
    for key, where in named:
        if key:
            by_key[key].append(where)
    return {key: places for key, places in by_key.items() if len(places) > 1}


def _window_scope(window) -> list[tuple[str, str]]:
    """Every mnemonic that Alt+letter can reach in the window as it is shown now."""
    named = [(mnemonic(menu.title()), f"menu {menu.title()}") for menu in window.menuBar().findChildren(
        type(window.registry.menus["file"])) if menu.menuAction() in window.menuBar().actions()]
    for widget in window.centralWidget().findChildren(QAbstractButton) + window.centralWidget().findChildren(
            QLabel) + window.centralWidget().findChildren(QGroupBox):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        named.append((mnemonic(text), f"{type(widget).__name__} {text!r}"))
    for bar in window.centralWidget().findChildren(QTabBar):
        if bar.isVisibleTo(window):
            named += [(mnemonic(bar.tabText(i)), f"tab {bar.tabText(i)!r}") for i in range(bar.count())]
    return named


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_tab_combination_has_unique_mnemonics(window, lang):
    switch_language(window, lang)
    for spec in CHART_TABS:
        if spec.builder:
            window.chart_tab(spec.id)
    problems = {}
    for edit, chart in itertools.product(EDIT_TABS, CHART_TABS):
        window.tabs.show_tab(edit.id)
        window.chart_tabs.show_tab(chart.id)
        QApplication.processEvents()
        clashes = _clashes(_window_scope(window))
        if clashes:
            problems[(edit.id.value, chart.id.value)] = clashes
    switch_language(window, "nl")
    assert problems == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_menu_has_unique_mnemonics(window, lang):
    switch_language(window, lang)
    problems = {}
    for name, menu in window.registry.menus.items():
        menu.aboutToShow.emit()  # menus filled when opened (recent files, screens) are checked filled
        named = [(mnemonic(a.text()), a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        if _clashes(named):
            problems[name] = _clashes(named)
    named = [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    if _clashes(named):
        problems["menu bar"] = _clashes(named)
    switch_language(window, "nl")
    assert problems == {}


def _dialog_mnemonics(trigger, cancel_text) -> dict:
    seen = []

    def record():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append([(mnemonic(b.text()), b.text()) for b in box.buttons()])

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, record)
    answer_next_dialog(cancel_text)
    trigger()
    return _clashes(seen[0]) if seen else {"no dialog": ["opened"]}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dialog_buttons_have_unique_mnemonics(window, lang):
    from ombudscompare import commands
    from ombudscompare.ui.tabs import EditTab

    switch_language(window, lang)
    cancel = "Annuleren" if lang == "nl" else "Cancel"
    window.document.run(commands.set_tariff(window.document.project, "no", "fixed", 1.0))
    assert _dialog_mnemonics(window.files.maybe_save, cancel) == {}
    window.show_edit_tab(EditTab.CRITERIA)
    window.criteria_view.setCurrentIndex(window.criteria_model.index(2, 0))
    window.criteria_view.selectRow(2)
    assert _dialog_mnemonics(window.structure.remove_criterion, cancel) == {}
    switch_language(window, "nl")
