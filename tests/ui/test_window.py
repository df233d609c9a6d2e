"""The main window used as a person would: edits flow to totals and charts, undo restores exactly."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ombudscompare.formats.project_file import dumps
from ombudscompare.ui.actions import Act
from ombudscompare.ui.models import tariffs
from ombudscompare.ui.widgets.weights import SLIDER_STEPS


def totals(window):
    return {r.option_id: r.total for r in window.document.evaluation.results}


def test_opens_on_haarlem_with_ranking_conclusion_and_charts(window):
    assert window.result.ranking_model.index(0, 1).data() == "Nationale ombudsman"
    assert window.result.ranking_model.index(0, 2).data() == "77,2"
    assert "De Nationale ombudsman staat op de eerste plaats met 77,2" in window.result.conclusion.text()
    assert window.totals_chart.data["options"] == ["no", "goma"]
    assert window.totals_chart.data["labels"] == ["77,2", "60,5"]
    assert window.totals_chart.legend.count() == 5
    assert window.profile_chart.data["values"].shape == (2, 5)
    assert window.totals_chart.bars.bar_count() == 10 and window.profile_chart.bars.bar_count() == 10
    assert window.totals_chart.data["contributions"].sum(axis=1) == pytest.approx(window.totals_chart.data["totals"])
    assert window.result.explanation_model.rowCount() == 6  # five criteria and the total
    assert window.tariff_model.index(tariffs.ANNUAL, 0).data() == "€ 31.191,17"


def test_weight_number_edit_updates_everything_and_undo_restores(window, qtbot):
    before_text = dumps(window.document.project)
    before = totals(window)
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.setValue(40.0)
    after = totals(window)
    assert after["goma"] > after["no"], "local involvement at 40 % puts the joint ombudsman first"
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.40)
    assert window.document.evaluation.shares["independence"] == pytest.approx(0.15)
    assert window.result.ranking_model.index(0, 1).data() == "Gezamenlijke Ombudsman Metropool Amsterdam"
    assert window.totals_chart.data["options"] == ["goma", "no"]
    assert window.action(Act.UNDO).text() == "&Ongedaan maken Gewicht Lokale betrokkenheid 20,0 % → 40,0 %"
    assert window.weights_panel.total.text() == "Totaal: 100,0 %"
    window.action(Act.UNDO).trigger()
    assert dumps(window.document.project) == before_text
    assert totals(window) == before
    assert window.totals_chart.data["options"] == ["no", "goma"]
    window.action(Act.REDO).trigger()
    assert totals(window) == after


def test_slider_drag_is_one_undo_step(window):
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    depth = window.document.undo_stack.count()
    row.slider.setSliderDown(True)
    for percent in (22, 25, 30, 35):
        row.slider.setValue(percent * SLIDER_STEPS // 100)
    row.slider.setSliderDown(False)
    assert window.document.undo_stack.count() == depth + 1
    assert window.document.evaluation.shares["independence"] == pytest.approx(0.35)
    assert window.document.undo_stack.undoText() == "Gewicht Onafhankelijkheid 20,0 % → 35,0 %"
    window.action(Act.UNDO).trigger()
    assert window.document.evaluation.shares["independence"] == pytest.approx(0.20)


def test_presets(window):
    window.weights_panel.preset_buttons[list(window.weights_panel.preset_buttons)[1]].click()  # cost-led
    shares = window.document.evaluation.shares
    assert shares["cost_per_inhabitant"] == pytest.approx(0.30)
    assert shares["independence"] == pytest.approx(0.40 / 3)
    window.action(Act.UNDO).trigger()
    assert window.document.evaluation.shares["cost_per_inhabitant"] == pytest.approx(0.20)


def test_switching_a_criterion_on_and_off(window):
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "awareness")
    row.check.setChecked(True)
    assert "awareness" in window.document.evaluation.shares
    assert window.totals_chart.legend.count() == 6
    window.action(Act.UNDO).trigger()
    assert "awareness" not in window.document.evaluation.shares


def test_score_edit_through_the_table(window):
    model = window.scores_model
    row = [c.id for c in window.document.project.criteria].index("local_involvement")
    index = model.index(row, 0)
    assert index.data() == "2 – zwak"
    assert model.setData(index, 5)
    assert index.data() == "5 – zeer goed"
    assert totals(window)["no"] == pytest.approx(77.188 + 15, abs=1e-3)
    assert window.document.undo_stack.undoText() == ("Score Nationale ombudsman op Lokale betrokkenheid:"
                                                     " 2 – zwak → 5 – zeer goed")
    assert not model.setData(index, 6), "outside the scale is refused"
    window.action(Act.UNDO).trigger()
    assert index.data() == "2 – zwak"


def test_computed_scores_are_read_only_and_explained(window):
    index = window.scores_model.index(0, 1)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert index.data() == "€ 0,2711"
    assert "€ 43.297,29 ÷ 159.717 inwoners" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_score_tooltip_shows_justification_and_source(window):
    row = [c.id for c in window.document.project.criteria].index("independence")
    tip = window.scores_model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "randvoorwaarden" in tip and "Een vergelijk" in tip


def test_justification_edit_is_undoable(window, qtbot):
    row = [c.id for c in window.document.project.criteria].index("independence")
    window.tabs.setCurrentIndex(2)
    window.scores_view.setCurrentIndex(window.scores_model.index(row, 0))
    detail = window.score_detail
    assert "Onafhankelijk" in detail.fields["quote"].text()
    detail.justification.setFocus()
    detail.justification.setPlainText("Nieuwe onderbouwing")
    window.scores_view.setFocus()
    assert window.document.project.score("no", "independence").justification == "Nieuwe onderbouwing"
    window.action(Act.UNDO).trigger()
    assert window.document.project.score("no", "independence").justification.startswith("Het memo")


def test_population_and_complaints_change_costs(window):
    window.municipality_panel.complaints.setValue(150)
    goma_cost = window.document.evaluation.result("goma").annual_cost
    assert goma_cost == pytest.approx(43297.29 + 50 * 432.97)
    assert window.tariff_model.index(tariffs.ANNUAL, 1).data() == "€ 64.945,79"
    window.municipality_panel.population.setValue(100_000)
    assert window.document.evaluation.result("no").annual_cost == pytest.approx(0.19529023 * 100_000)
    assert window.document.undo_stack.undoText() == "Inwoners 159.717 → 100.000"
    window.action(Act.UNDO).trigger()
    window.action(Act.UNDO).trigger()
    assert window.municipality_panel.complaints.value() == 93


def test_tariff_edit(window):
    index = window.tariff_model.index(tariffs.SURCHARGE, 1)
    assert window.tariff_model.setData(index, 1000.0)
    assert window.document.evaluation.result("goma").cell("surcharge_per_extra_complaint").value == 0
    assert not window.tariff_model.setData(index, -5.0), "a negative tariff is refused"
    assert window.document.undo_stack.undoText() == ("Gezamenlijke Ombudsman Metropool Amsterdam: naheffing"
                                                     " € 432,97 → € 1.000,00")


def test_add_rename_remove_option_and_criterion(window):
    window.action(Act.ADD_OPTION).trigger()
    project = window.document.project
    assert len(project.options) == 3
    assert window.tariff_model.setData(window.tariff_model.index(tariffs.NAME, 2), "Eigen ombudscommissie")
    new = project.options[2]
    assert new.name.get("nl") == "Eigen ombudscommissie"
    assert new.id not in window.totals_chart.data["options"], "no score is guessed for a new option"
    ranking = window.result.ranking_model
    assert [ranking.index(row, 1).data() for row in range(3)][2] == "Eigen ombudscommissie"
    assert ranking.index(2, 2).data() == "niet beoordeeld"
    view = window.result.ranking_view
    assert view.columnWidth(2) < view.fontMetrics().horizontalAdvance("niet beoordeeld"), \
        "'niet beoordeeld' wraps: the names keep their room"
    assert "Nog niet gerangschikt" in window.result.conclusion.text()
    rows = [c.id for c in project.criteria]
    for criterion in ("independence", "local_involvement", "learning_capacity"):
        assert window.scores_model.setData(window.scores_model.index(rows.index(criterion), 2), 3)
    assert new.id in window.totals_chart.data["options"], "ranked once every quality is judged"
    window.add_criterion_actions[next(iter(window.add_criterion_actions))].trigger()
    assert len(project.criteria) == 8
    window.criteria_view.setCurrentIndex(window.criteria_model.index(7, 0))
    window.action(Act.REMOVE_CRITERION).trigger()
    assert len(project.criteria) == 7
    for _ in range(7):
        window.action(Act.UNDO).trigger()
    assert len(project.options) == 2 and len(project.criteria) == 7
    assert window.tariff_model.columnCount() == 2


def test_keyboard_shortcuts(window):
    assert window.action(Act.NEW_BLANK).shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.action(Act.OPEN).shortcut() == QKeySequence("Ctrl+O")
    assert window.action(Act.SAVE).shortcut() == QKeySequence("Ctrl+S")
    assert window.action(Act.UNDO).shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Y") in window.action(Act.REDO).shortcuts()
    assert window.action(Act.HELP).shortcut() == QKeySequence("F1")


def test_explanation_follows_the_selected_option(window):
    window.result.ranking_view.selectRow(1)
    assert window.result.explanation_model.option_id == "goma"
    assert window.result.explanation_title.text() == ("Hoe het totaal van Gezamenlijke Ombudsman Metropool Amsterdam tot"
                                               " stand komt")
    assert window.result.explanation_model.index(5, 4).data() == "60,50"


def test_switch_to_english_and_back(window):
    from ombudscompare.ui.app import switch_language

    switch_language(window, "en")
    assert window.registry.menus["file"].title() == "&File"
    assert window.tabs.tabText(1) == "C&riteria and weights"
    assert window.result.ranking_model.headerData(3, Qt.Orientation.Horizontal) == "Annual cost"
    assert window.result.ranking_model.index(0, 1).data() == "National Ombudsman"
    assert window.tariff_model.index(tariffs.ANNUAL, 0).data() == "€31,191.17"
    assert window.totals_chart.plot.getAxis("bottom").labelText.startswith("Total score")
    assert "The National Ombudsman ranks first with 77.2" in window.result.conclusion.text()
    assert window.settings.language == "en"
    switch_language(window, "nl")
    assert window.registry.menus["file"].title() == "&Bestand"
    assert window.tariff_model.index(tariffs.ANNUAL, 0).data() == "€ 31.191,17"
    assert window.totals_chart.plot.getAxis("bottom").labelText.startswith("Totaalscore")


def _type_into(qtbot, widget, text):
    widget.setFocus()
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_ctrl_z_in_the_field_just_edited_undoes_the_document(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    box = window.municipality_panel.population
    _type_into(qtbot, box, "120000")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.document.project.municipality.population == 120_000
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.municipality.population == 159_717
    assert box.value() == 159_717, "the field shows what the document holds"
    qtbot.waitUntil(box.hasFocus, timeout=1000)  # the cursor is back in the field
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.municipality.population == 120_000
    qtbot.waitUntil(box.hasFocus, timeout=1000)
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.project.municipality.population == 120_000, "Ctrl+Shift+Z redoes, nothing left to redo"
    qtbot.waitUntil(box.hasFocus, timeout=1000)


def test_ctrl_z_with_typing_not_yet_taken_drops_only_that_typing(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    name = window.municipality_panel.name
    _type_into(qtbot, name, "Haarlemmermeer")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.municipality.name == "Haarlem"
    assert name.text() == "Haarlem"
    assert window.document.undo_stack.index() == 0


def test_ctrl_z_in_a_justification(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    row = [c.id for c in window.document.project.criteria].index("independence")
    window.show_edit_tab(window.edit_tab().__class__.SCORES)
    window.scores_view.setCurrentIndex(window.scores_model.index(row, 0))
    detail = window.score_detail
    detail.justification.setFocus()
    detail.justification.selectAll()
    qtbot.keyClicks(detail.justification, "Anders")
    qtbot.keyClick(detail.justification, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.score("no", "independence").justification.startswith("Het memo")


def test_a_long_mouse_drag_then_ctrl_z_restores_the_weights(window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_edit_tab(window.edit_tab().__class__.CRITERIA)
    before = dumps(window.document.project)
    slider = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement").slider
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider).center()
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=handle)
    width = slider.width()
    for tick in range(400):  # back and forth across the groove, a few hundred slider ticks
        x = int(abs((tick * 13) % (2 * width) - width))
        qtbot.mouseMove(slider, QPoint(max(1, min(width - 2, x)), handle.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(width // 2, handle.y()))
    assert window.document.undo_stack.count() == 1, "one drag, one undo step"
    moved = window.document.evaluation.shares["local_involvement"]
    assert abs(moved - 0.2) > 0.01
    step = window.document.undo_stack.command(0)
    assert len(step.command.edit.edits) == 5, "flat: one change per weight"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(window.document.project) == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(moved)


def test_a_value_past_its_worst_level_is_marked_with_a_hint(window):
    from ombudscompare.core.scoring import beyond_levels

    index = window.tariff_model.index(tariffs.PER_INHABITANT, 0)
    assert window.tariff_model.setData(index, 0.60)  # cost per inhabitant above the worst level of € 0,50
    rows = [c.id for c in window.document.project.criteria]
    cell = window.scores_model.index(rows.index("cost_per_inhabitant"), 0)
    assert cell.data() == "€ 0,6000"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None, "marked with a sign, not by colour alone"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "slechter dan het slechtste niveau (€ 0,5000), dus telt 0" in tip and "Verruim de niveaus" in tip
    inside = window.scores_model.index(rows.index("cost_per_inhabitant"), 1)
    assert inside.data(Qt.ItemDataRole.DecorationRole) is None
    criterion = window.document.project.criterion("cost_per_inhabitant")
    assert beyond_levels(criterion, 0.6) == -1 and beyond_levels(criterion, -0.1) == 1
    explanation = window.result.explanation_model
    window.result.explain("no")
    assert explanation.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["Tarieven invoeren", "Een mogelijkheid toevoegen", "Gewichten en voorinstellingen", "Presenteren",
            "Page Down", "Exporteren", "Sneltoetsen", "Ctrl+Shift+T", "F5"]),
    ("en", ["Entering tariffs", "Adding an option", "Weights and presets", "Presenting in a committee",
            "Page Down", "Exports", "Keyboard shortcuts", "Ctrl+Shift+P", "F1"]),
])
def test_help_covers_the_work_and_every_shortcut(window, lang, words):
    from ombudscompare.ui.app import switch_language
    from ombudscompare.ui.help import HelpDialog

    switch_language(window, lang)
    text = HelpDialog(window).browser.toPlainText()
    for word in words:
        assert word in text, word
    switch_language(window, "nl")


def test_the_ranking_keeps_its_own_height_beside_a_tall_profile(window, qtbot):
    """30 options on 30 criteria: the profile needs some 8,800 px and scrolls; the ranking is not stretched to that
    (one option filled the screen), its bars stay 38–60 px apart and several options show at once. With Haarlem
    both charts fill the pane alike."""
    from tests.synthetic import generated_project

    ranking, profile = window.totals_chart, window.profile_chart
    qtbot.waitUntil(lambda: ranking.height() > 0)
    assert abs(ranking.height() - profile.height()) <= 1, "Haarlem: the two charts side by side, as tall"
    window.document.replace(generated_project(30, 30, 7), None)
    qtbot.waitUntil(lambda: profile.height() > 5000)
    assert 120 + 38 * 30 <= ranking.height() <= 120 + 60 * 30
    assert ranking.geometry().top() == profile.geometry().top() == 0
    viewport = window.ranking_scroll.viewport().height()
    bars = ranking.plot.vb.height() / 30
    assert viewport / bars >= 4, f"only {viewport / bars:.1f} options show in {viewport} px"
