"""No figure changes without the user seeing it change — in the new dialogs too (issue 19): every number field the
window, its dialogs and the presentation panel contain (found by walking the widgets) reads both habits, asks when
text could mean two numbers and refuses what it cannot hold; the swing mark moves nothing else; removing removes;
buttons act on a choice only; two windows and an open workbook do not overwrite unasked."""

import contextlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ombudscompare import commands
from ombudscompare.core.model import WeightSet
from ombudscompare.formats.project_file import load_project, save_project
from ombudscompare.i18n.numbers import read_number
from ombudscompare.ui.actions import Act
from ombudscompare.ui.tabs import CHART_TABS, ChartTab, EditTab
from ombudscompare.ui.widgets.numbers import FieldHint, NumberBox

from .conftest import answer_next_dialog

TEXTS = ["150,000", "150.000", "1,234.50", "1.234,50", "2.000,75", "0,5", "1e3", "-0", "12 345"]


def _readings(text: str) -> set[float]:
    """Every number the text can mean in either habit."""
    found = set()
    for lang in ("nl", "en"):
        with contextlib.suppress(ValueError):
            found.add(read_number(text, lang).value)
    return found


def _fits(box: NumberBox, value: float) -> bool:
    if not box.minimum() <= value <= box.maximum():
        return False
    return abs(round(value, box.decimals()) - value) <= 1e-9 * max(1.0, abs(value))


def _fields(root) -> list[NumberBox]:
    return [box for box in root.findChildren(NumberBox) if box.isVisible() and box.isEnabled()]


def _type_and_enter(qtbot, box: NumberBox, text: str) -> tuple[float, bool, float]:
    """Type as a user does, Enter; Enter again when the field asks. (value after the first Enter, whether it asked,
    value at the end)."""
    box.setFocus()
    QApplication.processEvents()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    first = box.value()
    asked = box.awaiting_confirmation()
    if asked:
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        QApplication.processEvents()
    return first, asked, box.value()


def _check_field(qtbot, box: NumberBox, text: str) -> str | None:
    """What went wrong typing `text` into `box`, or None."""
    before = box.value()
    fitting = {v for v in _readings(text) if _fits(box, v)}
    ambiguous = len(_readings(text)) > 1
    first, asked, after = _type_and_enter(qtbot, box, text)
    if not fitting:
        if after != before:
            return f"{box.objectName()}: {text!r} does not fit but the field took {after}"
        if "niet overgenomen" not in FieldHint.shared().text().lower():
            return f"{box.objectName()}: {text!r} refused without a word"
        return None
    if ambiguous and first != before:
        return f"{box.objectName()}: {text!r} could mean {sorted(_readings(text))} and was taken at once ({first})"
    if after not in fitting and after != before:
        return f"{box.objectName()}: {text!r} became {after}, none of its readings {sorted(fitting)}"
    if ambiguous and not asked and after != before:
        return f"{box.objectName()}: {text!r} taken without asking"
    return None


def _sweep_fields(qtbot, root) -> list[str]:
    problems = []
    for box in _fields(root):
        for text in TEXTS:
            problem = _check_field(qtbot, box, text)
            if problem:
                problems.append(problem)
    return problems


def test_every_number_field_of_the_window_reads_both_habits_and_never_rounds(window, qtbot):
    window.activateWindow()
    problems = []
    seen = set()
    for edit in (EditTab.COSTS, EditTab.CRITERIA):
        window.show_edit_tab(edit)
        for spec in CHART_TABS:
            window.chart_tabs.show_tab(spec.id)
            QApplication.processEvents()
            for box in _fields(window):
                if box.objectName() in seen:
                    continue
                seen.add(box.objectName())
                for text in TEXTS:
                    problem = _check_field(qtbot, box, text)
                    if problem:
                        problems.append(problem)
    assert {"population", "complaints", "reference_year", "horizon", "spread"} <= seen
    assert any(name.startswith("weight_number_") for name in seen)
    assert problems == []


def _type_in_population(window, qtbot, text: str) -> None:
    """The Dutch window's Inwoners field: its text selected, `text` typed, Enter (once)."""
    box = window.municipality_panel.population
    window.activateWindow()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_150000_is_never_150_inhabitants(window, qtbot):
    """The reported case: Dutch window, Inwoners ← 150,000 + Enter."""
    box = window.municipality_panel.population
    _type_in_population(window, qtbot, "150,000")
    assert window.document.project.municipality.population == 159_717
    assert "150" in FieldHint.shared().text() and "150.000" in FieldHint.shared().text()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert window.document.project.municipality.population == 150, "what the Dutch reading says, once confirmed"


def test_a_fraction_in_a_whole_number_field_is_refused_not_rounded(window, qtbot):
    _type_in_population(window, qtbot, "2.000,75")
    assert window.document.project.municipality.population == 159_717
    assert "geheel getal" in FieldHint.shared().text()


def test_every_number_field_of_the_range_and_swing_dialogs(window, qtbot):
    from ombudscompare.ui.dialogs.ranges import RangeDialog
    from ombudscompare.ui.dialogs.swing import SwingDialog

    problems = []
    ranges = RangeDialog(window.document, window)
    ranges.show()
    ranges.has_likely.setChecked(True)
    for name in ("Het aantal inwoners", "Het aantal klachten per jaar"):
        ranges.what.setCurrentIndex(ranges.what.findText(name))
        ranges.activateWindow()
        problems += _sweep_fields(qtbot, ranges)
    ranges.reject()
    swing = SwingDialog(window.document, window)
    swing.show()
    swing.activateWindow()
    next(iter(swing.radios.values())).setChecked(True)
    problems += _sweep_fields(qtbot, swing)
    swing.reject()
    assert problems == []


def test_every_number_field_of_the_presentation_panel(window, qtbot):
    show = window.start_presentation()
    qtbot.waitExposed(show)
    show.weights_frame.show()
    show.activateWindow()
    assert _fields(show), "the W panel has weight fields"
    assert _sweep_fields(qtbot, show) == []
    show.close()


def test_moving_the_most_important_mark_changes_only_the_two_rows_it_moves_between(window, qtbot):
    from ombudscompare.ui.dialogs.swing import SwingDialog

    dialog = SwingDialog(window.document, window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    first = next(iter(dialog.radios.values()))
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    ids = list(dialog.points)
    typed = dialog.points[ids[3]]
    typed.setValue(30)
    for step in range(1, 4):
        qtbot.keyClick(dialog.radios[ids[step - 1]], Qt.Key.Key_Down)  # the arrow, where the keyboard focus is
        points = {c: dialog.points[c].value() for c in ids}
        assert points[ids[step]] == 100
        assert points[ids[step - 1]] == (30 if step - 1 == 3 else 50), "the row that lost the mark has its own again"
        assert [points[c] for c in ids if c not in (ids[step], ids[step - 1])] == [
            30 if c == ids[3] else 50 for c in ids if c not in (ids[step], ids[step - 1])]
        assert "100" in dialog.status.text() and "weer" in dialog.status.text(), "the dialog says what the move did"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    saved = window.document.project.weight_sets[-1]
    assert saved.swing.points[ids[0]] == 50 and saved.swing.points[ids[1]] == 50 and saved.swing.top == ids[3]


def test_a_removed_options_range_does_not_come_back_with_a_new_option(window, qtbot):
    document = window.document
    document.try_edit(lambda: commands.set_range(document.project, ("tariff", "goma", "fixed"), 40_000, 50_000))
    window.show_edit_tab(EditTab.COSTS)
    window.tariff_view.setCurrentIndex(window.tariff_model.index(0, 1))
    window.tariff_view.selectColumn(1)
    answer_next_dialog("Verwijderen")
    window.action(Act.REMOVE_OPTION).trigger()
    assert [o.id for o in document.project.options] == ["no"] and document.project.ranges == []
    window.action(Act.ADD_OPTION).trigger()
    new = document.project.options[-1]
    assert document.project.ranges == [] and new.id not in ("goma",)
    window.action(Act.UNDO).trigger()
    window.action(Act.UNDO).trigger()
    assert [r.target for r in document.project.ranges] == [("tariff", "goma", "fixed")], "undo brings it back"


def test_a_removed_criterion_leaves_the_sets_and_no_new_criterion_inherits_its_weight(window, qtbot, tmp_path):
    document = window.document
    project = document.project
    project.weight_sets = [WeightSet("only", "Alleen onafhankelijkheid", {"independence": 100.0}),
                           WeightSet("mix", "Mengsel", {"independence": 50.0, "local_involvement": 50.0})]
    document.replace(project, None)
    window.show_edit_tab(EditTab.CRITERIA)
    row = [c.id for c in project.criteria].index("independence")
    window.criteria_view.setCurrentIndex(window.criteria_model.index(row, 0))
    window.criteria_view.selectRow(row)
    seen = []
    answer_next_dialog("Verwijderen, sets bewaren", seen)
    window.action(Act.REMOVE_CRITERION).trigger()
    assert "Alleen onafhankelijkheid" in seen[0], "the question names the set that would weigh nothing"
    sets = {s.id: s for s in document.project.weight_sets}
    assert sets["only"].weights == {} and "independence" not in sets["mix"].weights
    assert window.files.save_to(str(tmp_path / "p.json")), "the project can be saved after the removal"
    window.structure.add_criterion()
    assert all(document.project.criteria[-1].id not in s.weights for s in document.project.weight_sets)


def test_removing_with_the_sets_that_weigh_nothing_else(window, qtbot):
    document = window.document
    project = document.project
    project.weight_sets = [WeightSet("only", "Alleen onafhankelijkheid", {"independence": 100.0})]
    document.replace(project, None)
    window.show_edit_tab(EditTab.CRITERIA)
    row = [c.id for c in project.criteria].index("independence")
    window.criteria_view.setCurrentIndex(window.criteria_model.index(row, 0))
    window.criteria_view.selectRow(row)
    answer_next_dialog("Verwijderen, met die sets")
    window.action(Act.REMOVE_CRITERION).trigger()
    assert document.project.weight_sets == []
    window.action(Act.UNDO).trigger()
    assert [s.id for s in document.project.weight_sets] == ["only"]


def test_uncertain_inputs_act_only_on_a_chosen_range(window, qtbot):
    from ombudscompare.ui.dialogs.uncertain import UncertainInputsDialog

    document = window.document
    for target in (("population",), ("complaints_per_year",)):
        document.try_edit(lambda t=target: commands.set_range(document.project, t, 1, 200_000))
    dialog = UncertainInputsDialog(document, window)
    dialog.show()
    dialog.ranges.clearSelection()
    QApplication.processEvents()
    assert not dialog.remove_button.isEnabled() and not dialog.change_button.isEnabled()
    dialog.ranges.setFocus()
    qtbot.keyClick(dialog.ranges, Qt.Key.Key_Delete)
    assert len(document.project.ranges) == 2, "nothing chosen: nothing removed"
    dialog.ranges.selectRow(1)
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [r.target for r in document.project.ranges] == [("population",)], "the chosen one, not the first"
    dialog.reject()


def test_ctrl_z_in_the_presentation_undoes_a_weight_changed_there(window, qtbot):
    show = window.start_presentation()
    qtbot.waitExposed(show)
    qtbot.keyClick(show, Qt.Key.Key_W)
    row = next(r for r in show.weights.rows if r.criterion_id == "local_involvement")
    show.activateWindow()
    row.number.setFocus()
    row.number.lineEdit().selectAll()
    qtbot.keyClicks(row.number.lineEdit(), "40")
    qtbot.keyClick(row.number.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.4)
    qtbot.keyClick(QApplication.focusWidget() or show, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.2)
    qtbot.keyClick(QApplication.focusWidget() or show, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.4)
    show.close()


def test_a_screen_reader_hears_the_weight_as_a_percentage(window):
    window.show_edit_tab(EditTab.CRITERIA)
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    assert row.slider.value() == 200
    assert row.slider.accessibleDescription() == "20,0 %"
    row.number.setValue(35.0)
    assert row.slider.accessibleDescription() == "35,0 %"


def test_the_chart_table_follows_the_project(window, qtbot):
    window.chart_tabs.show_tab(ChartTab.WEIGHTS)
    window.action(Act.CHART_TABLE).trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "chart_table" and w.isVisible())
    before = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.setValue(30.0)
    QApplication.processEvents()
    after = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert after != before and "30,0 %" in after
    dialog.close()


def test_a_second_window_saving_the_same_file_is_not_overwritten_unasked(window, qtbot, tmp_path):
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings

    path = tmp_path / "gemeente.json"
    save_project(window.document.project, path)
    window.files.open_path(str(path), ask=False)
    other = MainWindow(Document(load_project(path), str(path)), Settings(str(tmp_path / "b.ini")),
                       Recovery(tmp_path / "rb"))
    other.document.try_edit(lambda: commands.set_municipality(other.document.project, "population", 170_000))
    assert other.files.save()
    window.document.try_edit(lambda: commands.set_municipality(window.document.project, "complaints_per_year", 120))
    seen = []
    answer_next_dialog("Annuleren", seen)
    assert not window.files.save()
    assert "op schijf gewijzigd" in seen[0]
    assert load_project(path).municipality.population == 170_000, "the other window's work is still there"
    assert window.document.modified, "and this window still says its work is unsaved"
    answer_next_dialog("Overschrijven")
    assert window.files.save()
    assert load_project(path).municipality.complaints_per_year == 120
    other.document.undo_stack.setClean()
    other.close()


@pytest.mark.parametrize("lock", [".~lock.{name}#", "~${name}"])
def test_exporting_over_a_workbook_open_elsewhere_asks_first(window, tmp_path, lock):
    target = tmp_path / "vergelijking.xlsx"
    target.write_bytes(b"old")
    (tmp_path / lock.format(name=target.name)).write_text("someone,host")
    seen = []
    answer_next_dialog("Annuleren", seen)
    assert not window.files.export_excel(str(target))
    assert target.read_bytes() == b"old" and ("LibreOffice" in seen[0] or "Excel" in seen[0])
    answer_next_dialog("Toch schrijven")
    assert window.files.export_excel(str(target))
    assert target.read_bytes()[:2] == b"PK"


def test_help_explains_the_new_ways_to_weigh_and_uncertain_inputs(window):
    from ombudscompare.ui.help import help_html

    text = help_html()
    for words in ("Wie kiest wat", "sprongen", "volgorde", "Onzekere invoer", "onzeker"):
        assert words.lower() in text.lower(), words


def test_the_range_dialog_writes_its_numbers_as_the_language_does(window, qtbot):
    from ombudscompare.ui.dialogs.ranges import RangeDialog

    dialog = RangeDialog(window.document, window)
    dialog.show()
    dialog.what.setCurrentIndex(dialog.what.findText("Het aantal inwoners"))
    dialog.low.setValue(300_000)
    dialog.high.setValue(150_000)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "ondergrens 300.000 boven bovengrens 150.000" in dialog.problem.text()
    assert dialog.isVisible() and window.document.project.ranges == []
    dialog.reject()
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def test_the_range_of_a_removed_option_is_not_in_a_saved_file(window, tmp_path):
    document = window.document
    document.try_edit(lambda: commands.set_range(document.project, ("tariff", "goma", "fixed"), 40_000, 50_000))
    document.try_edit(lambda: commands.remove_option(document.project, "goma"))
    document.try_edit(lambda: commands.add_option(document.project))
    save_project(document.project, tmp_path / "p.json")
    assert load_project(tmp_path / "p.json").ranges == []
