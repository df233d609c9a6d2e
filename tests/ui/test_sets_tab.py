"""Who chooses what, in the window: making, switching and changing weight sets with clicks and keys, the swing
dialog and the order dialog — every figure checked against an independent evaluation."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPlainTextEdit, QPushButton

from ombudscompare.core.scoring import evaluate
from ombudscompare.core.weightsets import roc_weights, with_weights
from ombudscompare.ui.actions import Act
from ombudscompare.ui.tabs import ChartTab


def show(window):
    tab = window.chart_tab(ChartTab.SETS)
    window.chart_tabs.setCurrentWidget(tab.parentWidget())
    tab.refresh()
    return tab


def type_into_next_input(text: str) -> None:
    """Type into the next QInputDialog as a user does (select all, type, Enter)."""

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, fill)
            return
        editor = dialog.findChild(QLineEdit) or dialog.findChild(QPlainTextEdit)
        editor.selectAll()
        from pytestqt.qtbot import QtBot

        QtBot.keyClicks(editor, text)
        if isinstance(editor, QPlainTextEdit):
            dialog.accept()
        else:
            QtBot.keyClick(editor, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def _row_texts(tab):
    return [[tab.table.item(r, c).text() for c in range(tab.table.columnCount())] for r in range(tab.table.rowCount())]


def test_the_haarlem_sets_with_their_winners(window):
    tab = show(window)
    rows = _row_texts(tab)
    assert [r[0] for r in rows] == ["Memo: vijf criteria gelijk", "Kosten voorop (voorbeeld)",
                                    "Kwaliteit voorop (voorbeeld)", "Compromis (gemiddelde van de sets)"]
    assert rows[0][1:3] == ["77,2 (1) ★", "60,5 (2)"]
    assert "14,6 procentpunt op Lokale betrokkenheid" in rows[0][3]
    assert "Elke set zet de Nationale ombudsman op de eerste plaats." in tab.sentence.text()
    assert tab.table.item(0, 0).font().bold(), "the memo's set is the weighting shown now"
    assert tab.chart.data["sets"] == ["memo", "cost_led", "quality_led", "compromise"]


def test_save_switch_and_undo_a_party_set_with_clicks_and_keys(window, qtbot):
    tab = show(window)
    project = window.document.project
    # a party puts local involvement at 60 %: typed into the weights panel as a user would
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.selectAll()
    qtbot.keyClicks(row.number, "60")
    qtbot.keyClick(row.number, Qt.Key.Key_Return)
    type_into_next_input("Fractie A")
    qtbot.mouseClick(tab.buttons["save_set"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(project.weight_sets) == 4, timeout=3000)
    tab.refresh()
    party = project.weight_sets[-1]
    assert party.name == "Fractie A" and party.weights["local_involvement"] == pytest.approx(
        project.criterion("local_involvement").weight)
    expected = evaluate(with_weights(project, party.weights))
    assert _row_texts(tab)[3][2].startswith(f"{expected.results[1].total:.1f}".replace(".", ","))
    assert "★" in _row_texts(tab)[3][2], "with local involvement at 60 % the joint ombudsman wins"
    # switch back to the memo's weights: select its row and use it
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["apply_set"], Qt.MouseButton.LeftButton)
    assert window.document.evaluation.results[0].total == pytest.approx(77.1883908, abs=1e-6)
    assert window.document.undo_stack.undoText() == "Gewichten: Memo: vijf criteria gelijk"
    window.action(Act.UNDO).trigger()
    assert project.criterion("local_involvement").weight == pytest.approx(party.weights["local_involvement"])
    window.action(Act.UNDO).trigger()  # the new set goes again
    assert len(project.weight_sets) == 3


def test_rename_note_duplicate_delete(window, qtbot):
    tab = show(window)
    project = window.document.project
    tab.table.selectRow(1)
    type_into_next_input("VVD: kosten voorop")
    tab.set_actions["rename_set"].trigger()  # This set ▸ menu
    assert project.weight_sets[1].name == "VVD: kosten voorop"
    tab.refresh()
    tab.table.selectRow(1)
    type_into_next_input("Fractievoorzitter, 12 november")
    tab.set_actions["note_set"].trigger()  # This set ▸ menu
    assert project.weight_sets[1].note == "Fractievoorzitter, 12 november"
    tab.refresh()
    tab.table.selectRow(1)
    tab.set_actions["duplicate_set"].trigger()  # This set ▸ menu
    assert [s.name for s in project.weight_sets][1:3] == ["VVD: kosten voorop", "VVD: kosten voorop (kopie)"]
    tab.refresh()
    tab.table.selectRow(2)
    tab.set_actions["delete_set"].trigger()  # This set ▸ menu
    assert len(project.weight_sets) == 3
    for _ in range(4):
        window.action(Act.UNDO).trigger()
    assert [s.name for s in project.weight_sets][1] == "Kosten voorop (voorbeeld)" and project.weight_sets[1].note


def test_swing_dialog_gives_the_weights_of_the_points(window, qtbot):
    from ombudscompare.ui.dialogs.swing import SwingDialog

    dialog = SwingDialog(window.document, window)
    dialog.show()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled(), "nothing marked yet"
    assert "van € 0,50 naar € 0,00 per inwoner" in [lbl.text() for lbl in dialog.findChildren(type(
        dialog.status))]
    qtbot.mouseClick(dialog.radios["local_involvement"], Qt.MouseButton.LeftButton)
    for criterion_id, points in (("independence", "80"), ("cost_per_inhabitant", "60"),
                                 ("surcharge_per_extra_complaint", "40"), ("learning_capacity", "20")):
        spin = dialog.points[criterion_id]
        spin.selectAll()
        qtbot.keyClicks(spin, points)
        qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert dialog.points["local_involvement"].value() == 100 and not dialog.points["local_involvement"].isEnabled()
    assert dialog.shares["local_involvement"].text() == "33,3 %"
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Commissielid B")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    made = window.document.project.weight_sets[-1]
    assert made.name == "Commissielid B" and made.method == "swing"
    assert made.weights == {"local_involvement": 100, "independence": 80, "cost_per_inhabitant": 60,
                            "surcharge_per_extra_complaint": 40, "learning_capacity": 20}
    assert made.swing.levels["cost_per_inhabitant"] == (0.0, 0.5)
    # a later change of a reference level, made in the criteria table, is said at once and marks the set
    from ombudscompare.ui.models.criteria import WORST

    row = [c.id for c in window.document.project.criteria].index("cost_per_inhabitant")
    assert window.criteria_model.setData(window.criteria_model.index(row, WORST), 0.4)
    assert "Commissielid B" in window.statusBar().currentMessage()
    assert "stel de vragen opnieuw" in window.statusBar().currentMessage()
    tab = show(window)
    assert tab.table.item(3, 0).text().endswith("⚠") and "opnieuw" in tab.table.item(3, 0).toolTip()


def test_order_dialog_shows_first_places_and_saves_the_centroid(window, qtbot):
    from ombudscompare.ui.dialogs.order import OrderDialog

    dialog = OrderDialog(window.document, window)
    dialog.show()
    wanted = ["local_involvement", "independence", "learning_capacity", "cost_per_inhabitant",
              "surcharge_per_extra_complaint"]
    for place, criterion_id in enumerate(wanted):  # move each into place with Alt+Up, as a keyboard user does
        row = dialog.order().index(criterion_id)
        while dialog.list.currentRow() != row:  # walk to it with the arrow keys
            qtbot.keyClick(dialog.list, Qt.Key.Key_Down if dialog.list.currentRow() < row else Qt.Key.Key_Up)
        for _ in range(row - place):
            qtbot.keyClick(dialog.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert dialog.order() == wanted
    assert "Lokale betrokkenheid > Onafhankelijkheid" in dialog.sentence.text()
    assert dialog.weights.item(0, 2).text() == "45,7 %"
    first = [dialog.frequencies.item(r, 1).text() for r in range(dialog.frequencies.rowCount())]
    assert len(first) == 2 and all(text.endswith("%") for text in first)
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Zwaartepuntgewichten opslaan als set")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    made = window.document.project.weight_sets[-1]
    assert made.method == "order" and list(made.order) == wanted
    assert made.weights == pytest.approx(roc_weights(wanted))


def test_a_set_that_cannot_be_evaluated_stays_listed_and_can_be_deleted(window, qtbot):
    from ombudscompare.core.model import WeightSet

    project = window.document.project
    project.weight_sets.insert(0, WeightSet("aware", "Alleen bekendheid", {"awareness": 100}))
    tab = show(window)
    rows = _row_texts(tab)
    assert rows[3][0] == "Alleen bekendheid" and "gewicht 0" in rows[3][3]
    assert rows[0][1] == "77,2 (1) ★", "the other sets still compare"
    tab.table.selectRow(3)
    tab.set_actions["delete_set"].trigger()
    assert [s.id for s in project.weight_sets] == ["memo", "cost_led", "quality_led"]
