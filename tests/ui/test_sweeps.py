"""The guarantees, swept over the whole app: every tab combination, every slide, every dialog that an action or a
button opens, every item model in them — found, not listed (tests/ui/sweep.py says what is checked).

The project holds HTML in every text a file can carry (names, notes, sources, descriptions, set names and notes),
so any place that would render file text as markup shows up."""

import itertools
import json

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QToolButton

from ombudscompare.core.model import InputRange, WeightSet
from ombudscompare.examples import haarlem_2018
from ombudscompare.explain.kinds import SLIDES
from ombudscompare.ui.actions import ACTIONS, Act
from ombudscompare.ui.app import switch_language
from ombudscompare.ui.document import Document
from ombudscompare.ui.mainwindow import MainWindow
from ombudscompare.ui.recovery import Recovery
from ombudscompare.ui.settings import Settings
from ombudscompare.ui.tabs import CHART_TABS, EDIT_TABS

from .sweep import EVIL, DialogSweep, check_surface, markup_problems, models_in, nameless_focusable


def hostile_project():
    """Haarlem with HTML in every text a project file can hold, two weight sets and an uncertain input."""
    project = haarlem_2018()
    project.municipality.name = "Stad " + EVIL
    project.municipality.source.title = EVIL
    project.title.texts = {"nl": EVIL, "en": EVIL}
    project.notes = EVIL
    for option in project.options:
        option.name.texts = {lang: f"{text} {EVIL}" for lang, text in option.name.texts.items()}
        option.in_sentence.texts = {lang: f"{text} {EVIL}" for lang, text in option.in_sentence.texts.items()}
        option.description.texts = {"nl": EVIL, "en": EVIL}
        option.tariff.source.title = option.tariff.source.quote = EVIL
    for criterion in project.criteria:
        criterion.name.texts = {lang: f"{text} {EVIL}" for lang, text in criterion.name.texts.items()}
        criterion.description.texts = {"nl": EVIL, "en": EVIL}
    for score in project.scores.values():
        score.justification = EVIL
        score.source.title = score.source.quote = EVIL
    weights = {c.id: c.weight for c in project.enabled_criteria()}
    project.weight_sets = [WeightSet("s1", f"Fractie {EVIL}", weights, note=EVIL),
                           WeightSet("s2", f"Partij {EVIL}", {**weights, "local_involvement": 60.0}, note=EVIL)]
    project.ranges = [InputRange(("population",), 150_000, 170_000)]
    return project


@pytest.fixture
def hostile_window(qtbot, tmp_path, dutch):
    window = MainWindow(Document(hostile_project()), Settings(str(tmp_path / "s.ini")),
                        Recovery(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    for spec in CHART_TABS:
        if spec.builder:
            window.chart_tab(spec.id)
    yield window
    window.document.undo_stack.setClean()
    window.close()


def _menus(window) -> list[QMenu]:
    menus = list(window.registry.menus.values())
    for button in window.findChildren(QToolButton):
        if button.menu() is not None and button.menu() not in menus:
            menus.append(button.menu())
    for menu in menus:
        menu.aboutToShow.emit()  # menus filled when opened (recent files, screens) are checked filled
    return menus


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_tab_combination_keeps_every_guarantee(hostile_window, lang):
    window = hostile_window
    switch_language(window, lang)
    problems = {}
    for edit, chart in itertools.product(EDIT_TABS, CHART_TABS):
        window.tabs.show_tab(edit.id)
        window.chart_tabs.show_tab(chart.id)
        QApplication.processEvents()
        found = check_surface(window, dialog=False, menus=_menus(window))
        if found:
            problems[f"{edit.id.value} + {chart.id.value}"] = found
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


def _presses(window):
    """Everything a user can press that may open a dialog: every action in the registry (but Quit), and every
    button and menu entry on every tab."""
    presses = [(spec.id.value, window.action(spec.id).trigger) for spec in ACTIONS if spec.id is not Act.QUIT]
    for index in range(window.chart_tabs.count()):
        window.chart_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = window.chart_tabs.currentWidget()
        for button in page.findChildren(QAbstractButton):
            if button.isVisible() and button.isEnabled() and not button.isCheckable():
                if isinstance(button, QToolButton) and button.menu() is not None:
                    presses += [(f"{button.objectName()}/{a.objectName()}", a.trigger)
                                for a in button.menu().actions() if not a.isSeparator() and a.isEnabled()]
                else:
                    presses.append((button.objectName(), button.click))
    return presses


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_dialog_keeps_every_guarantee(hostile_window, lang):
    window = hostile_window
    switch_language(window, lang)
    window.chart_tab(CHART_TABS[-1].id).table.selectRow(0)  # a set chosen: its menu's entries open their dialogs
    window.document.undo_stack.setClean()
    sweep = DialogSweep()
    for _name, press in _presses(window):
        sweep.press(press)
        window.document.undo_stack.setClean()  # New and Open would ask first; the sweep checks that box once
    problems = {name: found for name, found in sweep.found.items() if found}
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
    assert len(sweep.found) >= 8, f"the sweep found too few dialogs to be believed: {sorted(sweep.found)}"


def test_every_slide_shows_file_text_as_text_and_names_its_controls(hostile_window, qtbot):
    show = hostile_window.start_presentation()
    qtbot.waitExposed(show)
    show.weights_frame.show()
    problems = {}
    for index, kind in enumerate(SLIDES):
        show.show_slide(index)
        QApplication.processEvents()
        found = markup_problems(show) + nameless_focusable(show)
        if found:
            problems[kind] = found
    show.close()
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


def test_every_model_passes_the_model_tester(hostile_window, request):
    from pytestqt.modeltest import ModelTester

    window = hostile_window
    models = []
    for index in range(window.chart_tabs.count()):
        window.chart_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        models += [m for m in models_in(window) if m not in models]
    assert len(models) >= 8
    for model in models:
        tester = ModelTester(request.config)  # one tester a model: a tester watches the last model it checked
        tester.check(model, force_py=True)
        tester._cleanup()
