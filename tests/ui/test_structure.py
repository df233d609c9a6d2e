"""Adding and removing options and criteria as a user does: remove acts on what is selected, and asks
before scores and justifications go."""

from PySide6.QtCore import QItemSelectionModel, Qt

from ombudscompare.ui.actions import Act
from ombudscompare.ui.tabs import EditTab

from .conftest import answer_next_dialog


def test_remove_with_nothing_selected_is_off(window):
    window.show_edit_tab(EditTab.COSTS)
    window.tariff_view.clearSelection()
    window.tariff_view.setCurrentIndex(window.tariff_model.index(-1, -1))
    assert not window.action(Act.REMOVE_OPTION).isEnabled()
    assert not window.remove_option_button.isEnabled()
    window.show_edit_tab(EditTab.CRITERIA)
    window.criteria_view.clearSelection()
    assert not window.action(Act.REMOVE_CRITERION).isEnabled()
    window.action(Act.REMOVE_OPTION).trigger()
    window.action(Act.REMOVE_CRITERION).trigger()
    assert len(window.document.project.options) == 2 and len(window.document.project.criteria) == 7


def _select(view, index):
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_removing_an_option_with_justifications_asks_first(window, qtbot):
    window.show_edit_tab(EditTab.COSTS)
    _select(window.tariff_view, window.tariff_model.index(3, 1))
    assert window.action(Act.REMOVE_OPTION).isEnabled() and window.remove_option_button.isEnabled()
    seen = []
    answer_next_dialog("Annuleren", seen)
    window.action(Act.REMOVE_OPTION).trigger()
    assert len(window.document.project.options) == 2, "cancelled: nothing removed"
    assert "Gezamenlijke Ombudsman Metropool Amsterdam" in seen[0]
    answer_next_dialog("Verwijderen", seen)
    window.remove_option_button.click()
    assert [o.id for o in window.document.project.options] == ["no"]
    assert window.document.undo_stack.undoText() == "Mogelijkheid Gezamenlijke Ombudsman Metropool Amsterdam verwijderen"
    window.action(Act.UNDO).trigger()
    assert len(window.document.project.options) == 2


def test_the_question_counts_scores_and_justifications(window):
    seen = []
    window.show_edit_tab(EditTab.CRITERIA)
    _select(window.criteria_view, window.criteria_model.index(2, 0))  # independence: 2 scores, both justified
    answer_next_dialog("Annuleren", seen)
    window.action(Act.REMOVE_CRITERION).trigger()
    assert "Criterium Onafhankelijkheid verwijderen?" in seen[0]
    assert "2 scores en 2 onderbouwingen" in seen[0]
    assert len(window.document.project.criteria) == 7


def test_a_new_criterion_without_scores_goes_without_a_question(window):
    window.add_criterion_actions[next(iter(window.add_criterion_actions))].trigger()
    assert len(window.document.project.criteria) == 8
    window.action(Act.REMOVE_CRITERION).trigger()  # the new one is selected; no dialog would block here
    assert len(window.document.project.criteria) == 7


def test_adding_beyond_the_limits_is_refused_in_words(window, qtbot):
    """At 30 options (or 60 criteria) the add button says why nothing was added, at the button and in the status
    bar; the project stays as it was."""
    from ombudscompare.core.limits import MAX_CRITERIA, MAX_OPTIONS
    from ombudscompare.ui.widgets.numbers import FieldHint
    from tests.synthetic import generated_project

    window.document.replace(generated_project(MAX_OPTIONS, MAX_CRITERIA, seed=2), None)
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(window.add_option_button, Qt.MouseButton.LeftButton)
    hint = FieldHint.shared()
    assert hint.isVisible() and "Een project bevat hoogstens 30 opties; verwijder er eerst een" in hint.text()
    assert "hoogstens 30 opties" in window.statusBar().currentMessage()
    window.add_criterion_actions[next(iter(window.add_criterion_actions))].trigger()
    assert "Een project bevat hoogstens 60 criteria; verwijder er eerst een" in hint.text()
    assert "hoogstens 60 criteria" in window.statusBar().currentMessage()
    project = window.document.project
    assert (len(project.options), len(project.criteria)) == (MAX_OPTIONS, MAX_CRITERIA)
    assert window.document.undo_stack.count() == steps
    window.document.replace(generated_project(MAX_OPTIONS - 1, 3, seed=2), None)
    qtbot.mouseClick(window.add_option_button, Qt.MouseButton.LeftButton)
    assert len(window.document.project.options) == MAX_OPTIONS, "one below the limit: added"
