"""Uncertain inputs in the window: a range typed into the dialog as a user does, the robustness tab then drawing
inputs and weights together — figures checked against core.uncertainty directly — and impossible ranges refused."""

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ombudscompare.core import analyses as charts
from ombudscompare.core.uncertainty import analyse
from ombudscompare.ui.actions import Act
from ombudscompare.ui.dialogs.ranges import RangeDialog
from ombudscompare.ui.tabs import ChartTab


def show(window):
    tab = window.chart_tab(ChartTab.ROBUSTNESS)
    window.chart_tabs.setCurrentWidget(tab.parentWidget())
    tab.refresh()
    return tab


def _type(qtbot, box, text):
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_a_range_typed_in_the_dialog_changes_the_figures_it_says(window, qtbot):
    tab = show(window)
    before = tab.sentence.text()
    assert "willekeurig" in before or "gewichten" in before
    dialog = RangeDialog(window.document, tab)
    dialog.show()
    dialog.what.setCurrentIndex(dialog.what.findText("Het aantal inwoners"))
    assert dialog.low.value() == 159717 and dialog.high.value() == 159717, "starts at today's figure"
    _type(qtbot, dialog.low, "100000")
    _type(qtbot, dialog.high, "400000")
    qtbot.mouseClick(dialog.has_likely, Qt.MouseButton.LeftButton)
    _type(qtbot, dialog.likely, "159717")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    project = window.document.project
    assert [(r.target, r.low, r.likely, r.high) for r in project.ranges] == [(("population",), 100_000, 159_717, 400_000)]
    tab.refresh()
    expected = analyse(project, window.document.evaluation, charts.SAMPLES, charts.SEED)
    assert np.array_equal(tab.frequencies.shares, expected.frequencies.shares)
    share = expected.cheaper_share("no", "goma")
    # independently: the joint ombudsman is cheaper above 221,707.4 inhabitants; triangular(100k, 159,717, 400k)
    a, c, b = 100_000, 159_717, 400_000
    x = 43_297.29 / 0.19529023
    above = (b - x) ** 2 / ((b - a) * (b - c))
    assert abs((1 - share) - above) < 0.015
    assert f"in {round(share * 100)} % van de gevallen goedkoper" in tab.sentence.text()
    assert tab.ranges.isVisible() and tab.ranges.item(0, 0).text() == "Het aantal inwoners"
    assert tab.ranges.item(0, 1).text() == "100.000" and tab.ranges.item(0, 2).text() == "159.717"
    window.action(Act.UNDO).trigger()
    assert project.ranges == []


def test_an_impossible_range_is_refused_in_the_dialog(window, qtbot):
    tab = show(window)
    dialog = RangeDialog(window.document, tab)
    dialog.show()
    dialog.what.setCurrentIndex(dialog.what.findText("De score van Nationale ombudsman op Onafhankelijkheid"))
    assert dialog.low.maximum() == 5 and dialog.low.minimum() == 1
    _type(qtbot, dialog.low, "4")
    _type(qtbot, dialog.high, "2")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert window.document.project.ranges == []
    assert "ondergrens 4 boven bovengrens 2" in dialog.problem.text()
    assert dialog.isVisible()
    dialog.reject()


def test_no_ranges_leaves_robustness_exactly_as_it_was(window):
    from ombudscompare.core.robustness import rank_frequencies

    tab = show(window)
    expected = rank_frequencies(window.document.evaluation, charts.SAMPLES, charts.SEED)
    assert np.array_equal(tab.frequencies.shares, expected.shares)
    assert not tab.ranges.isVisible()
    QApplication.processEvents()
    QTimer.singleShot(0, lambda: None)
