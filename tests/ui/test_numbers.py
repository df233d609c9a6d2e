"""Typing numbers as people do, in the Dutch window: both decimal habits, ambiguity shown before it is
taken, refusals in words next to the field — through the real widgets and keys."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ombudscompare.ui.models import tariffs
from ombudscompare.ui.widgets.numbers import FieldHint

from .conftest import type_text


def _cell(window, row, column):
    window.show_edit_tab(window.edit_tab().__class__.COSTS)
    window.activateWindow()
    view = window.tariff_view
    index = window.tariff_model.index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    return view, index


def type_in_cell(qtbot, window, row, column, text, enters=1):
    view, index = _cell(window, row, column)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view and editor is not None, "an editor opened"
    editor.lineEdit().selectAll()
    type_text(qtbot, editor.lineEdit(), text)
    for _ in range(enters):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()  # the view commits and closes its editor on the next turn of the loop
    return editor


def surcharge(window):
    return window.document.project.option("goma").tariff.surcharge


@pytest.mark.parametrize("text", ["500.50", "500,50", "€ 500,50", "€500.50", "500,5"])
def test_both_decimal_habits_give_the_same_amount(window, qtbot, text):
    type_in_cell(qtbot, window, tariffs.SURCHARGE, 1, text)
    assert surcharge(window) == 500.5
    assert window.tariff_model.index(tariffs.SURCHARGE, 1).data() == "€ 500,50"


@pytest.mark.parametrize("text", ["1.234,56", "1,234.56", "1234,56", "1234.56"])
def test_thousands_and_decimals_together_are_unambiguous(window, qtbot, text):
    type_in_cell(qtbot, window, tariffs.SURCHARGE, 1, text)
    assert surcharge(window) == 1234.56


def test_ambiguous_text_is_shown_as_read_and_taken_only_at_a_second_enter(window, qtbot):
    type_in_cell(qtbot, window, tariffs.SURCHARGE, 1, "1.234")
    assert surcharge(window) == 432.97, "not taken before the user saw how it was read"
    hint = FieldHint.shared()
    assert hint.isVisible() and "1.234,00" in hint.text() and "Enter" in hint.text()
    assert "1.234,00" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert surcharge(window) == 1234.0


def test_ambiguous_text_left_unconfirmed_is_not_taken(window, qtbot):
    type_in_cell(qtbot, window, tariffs.SURCHARGE, 1, "1.234")
    window.scores_view.setFocus()  # the user clicks elsewhere without confirming
    QApplication.processEvents()
    assert surcharge(window) == 432.97
    assert window.document.undo_stack.count() == 0


@pytest.mark.parametrize(("text", "words"), [("abc", "'abc' is geen getal"), ("-5", "van 0 tot"),
                                             ("12,34,56", "geen getal")])
def test_refused_input_says_why_next_to_the_field(window, qtbot, text, words):
    editor = type_in_cell(qtbot, window, tariffs.SURCHARGE, 1, text)
    assert surcharge(window) == 432.97
    assert QApplication.focusWidget() is editor, "the field stays open for a correction"
    hint = FieldHint.shared()
    assert hint.isVisible() and words in hint.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert surcharge(window) == 432.97 and window.document.undo_stack.count() == 0


def test_per_inhabitant_rate_with_many_decimals(window, qtbot):
    type_in_cell(qtbot, window, tariffs.PER_INHABITANT, 0, "0.2321")
    assert window.document.project.option("no").tariff.per_inhabitant == pytest.approx(0.2321)


def test_complaints_in_the_municipality_panel(window, qtbot):
    box = window.municipality_panel.complaints
    window.activateWindow()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "93.5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.document.project.municipality.complaints_per_year == 93.5
    assert box.text() == "93,5"


def test_population_with_a_thousands_point_is_whole(window, qtbot):
    box = window.municipality_panel.population
    window.activateWindow()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "170.000")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.document.project.municipality.population == 159_717, "170 in the other habit: asked first"
    assert "170.000" in FieldHint.shared().text() and "170" in FieldHint.shared().text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.document.project.municipality.population == 170_000, "taken at the second Enter"


def test_a_weight_typed_with_a_point(window, qtbot):
    window.show_edit_tab(window.edit_tab().__class__.CRITERIA)
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    window.activateWindow()
    row.number.setFocus()
    row.number.lineEdit().selectAll()
    qtbot.keyClicks(row.number.lineEdit(), "34.9")
    qtbot.keyClick(row.number, Qt.Key.Key_Return)
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.349)
