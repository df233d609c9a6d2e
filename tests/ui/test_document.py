"""The document and its undo stack, used directly: commands, flat merged drags, one change signal."""

import pytest

from ombudscompare import commands
from ombudscompare.core.edits import Compound, SetField
from ombudscompare.core.scoring import evaluate
from ombudscompare.formats.project_file import dumps
from ombudscompare.ui.document import Change, Document


@pytest.fixture
def document(haarlem, qapp):
    return Document(haarlem)


def _weight(document, criterion_id):
    return document.evaluation.shares[criterion_id] * 100.0


def test_a_command_is_one_step_with_its_own_words(document):
    assert document.run(commands.set_tariff(document.project, "goma", "surcharge", 500.0))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == ("Joint Ombudsman Metropool Amsterdam: surcharge €432.97 → €500.00")
    assert document.modified


def test_nothing_to_change_pushes_nothing(document):
    assert not document.run(commands.set_tariff(document.project, "goma", "surcharge", 432.97))
    assert document.undo_stack.count() == 0 and not document.modified


def test_a_refused_value_says_why_and_changes_nothing(document):
    before = dumps(document.project)
    seen = []
    document.refused.connect(lambda message, at: seen.append((message, at)))
    assert not document.try_edit(lambda: commands.set_tariff(document.project, "goma", "surcharge", -5.0), at="field")
    reason = document.last_refusal
    assert reason is not None and "from 0 to" in reason.render("en")
    assert seen == [(reason, "field")]
    assert dumps(document.project) == before and document.undo_stack.count() == 0


@pytest.mark.parametrize("ticks", [2, 300, 5000])
def test_a_long_drag_is_one_flat_step_that_undoes(document, ticks):
    before = dumps(document.project)
    for tick in range(ticks):
        percent = 5.0 + (tick * 7.3) % 60.0
        document.run(commands.set_weight(document.project, "local_involvement", percent), merge=tick > 0)
    document.end_merge()
    last = 5.0 + ((ticks - 1) * 7.3) % 60.0
    assert document.undo_stack.count() == 1
    step = document.undo_stack.command(0)
    edit = step.command.edit
    assert isinstance(edit, Compound) and all(isinstance(e, SetField) for e in edit.edits)
    assert len(edit.edits) == 5, "one change per enabled criterion's weight, however long the drag"
    assert step.text().startswith("Weight Local involvement 20.0% → ")
    assert _weight(document, "local_involvement") == pytest.approx(last)
    document.undo_stack.undo()
    assert dumps(document.project) == before
    document.undo_stack.redo()
    assert _weight(document, "local_involvement") == pytest.approx(last)


def test_a_new_drag_after_release_is_a_new_step(document):
    document.run(commands.set_weight(document.project, "independence", 30.0), merge=True)
    document.run(commands.set_weight(document.project, "independence", 35.0), merge=True)
    document.end_merge()
    document.run(commands.set_weight(document.project, "independence", 40.0), merge=True)
    assert document.undo_stack.count() == 2
    assert document.undo_stack.command(0).text() == "Weight Independence 20.0% → 35.0%"
    assert document.undo_stack.command(1).text() == "Weight Independence 35.0% → 40.0%"


def test_a_drag_back_to_the_start_leaves_no_step(document):
    document.run(commands.set_weight(document.project, "independence", 30.0), merge=True)
    document.run(commands.set_weight(document.project, "independence", 20.0), merge=True)
    assert document.undo_stack.count() == 0
    assert not document.modified


def test_drags_of_different_criteria_do_not_merge(document):
    document.run(commands.set_weight(document.project, "independence", 30.0), merge=True)
    document.run(commands.set_weight(document.project, "local_involvement", 30.0), merge=True)
    assert document.undo_stack.count() == 2


def test_one_signal_says_what_changed(document):
    seen = []
    document.changed.connect(seen.append)
    document.run(commands.set_tariff(document.project, "no", "fixed", 10.0))
    document.run(commands.add_option(document.project))
    document.undo_stack.undo()
    document.replace(document.project, None)
    assert seen == [Change.VALUES, Change.VALUES | Change.STRUCTURE, Change.VALUES | Change.STRUCTURE,
                    Change.VALUES | Change.STRUCTURE | Change.PROJECT]


def test_after_every_edit_the_evaluation_is_what_scoring_again_gives(document):
    """Weight edits re-weigh the previous evaluation; weights, a switch, a score, undo and redo in turn must each
    leave exactly what scoring the project afresh gives."""
    project = document.project
    seen = []
    document.changed.connect(seen.append)
    steps = [
        lambda: document.run(commands.set_weight(project, "cost_per_inhabitant", 12.5)),
        lambda: document.run(commands.switch_criterion(project, "independence", False)),
        lambda: document.run(commands.set_weight(project, "cost_per_inhabitant", 70.0)),
        lambda: document.run(commands.set_tariff(project, "goma", "surcharge", 900.0)),
        lambda: document.run(commands.set_weight(project, "cost_per_inhabitant", 0.0)),
        document.undo_stack.undo, document.undo_stack.undo, document.undo_stack.undo, document.undo_stack.redo,
        lambda: document.run(commands.switch_criterion(project, "independence", True)),
        lambda: document.run(commands.set_weight(project, "cost_per_inhabitant", 33.0)),
    ]
    for step in steps:
        step()
        assert document.evaluation == evaluate(project)
    assert sum(1 for change in seen if change & Change.WEIGHTS_ONLY) >= 4


def test_undo_texts_follow_the_language(document):
    from ombudscompare.i18n import set_language

    document.run(commands.set_weight(document.project, "local_involvement", 40.0))
    assert document.undo_stack.undoText() == "Weight Local involvement 20.0% → 40.0%"
    set_language("nl")
    document.retranslate()
    assert document.undo_stack.undoText() == "Gewicht Lokale betrokkenheid 20,0 % → 40,0 %"


def test_a_rename_does_not_change_the_words_of_earlier_steps(document):
    document.run(commands.set_tariff(document.project, "goma", "fixed", 1.0))
    document.run(commands.rename_option(document.project, "goma", "en", "Regional"))
    assert document.undo_stack.command(0).text().startswith("Joint Ombudsman Metropool Amsterdam:")
    document.retranslate()
    assert document.undo_stack.command(0).text().startswith("Joint Ombudsman Metropool Amsterdam:")


def test_save_point_and_undo_back_to_it(document):
    document.run(commands.set_municipality(document.project, "population", 100_000))
    document.mark_saved("/tmp/x.json")
    assert not document.modified
    document.run(commands.set_municipality(document.project, "population", 120_000))
    assert document.modified
    document.undo_stack.undo()
    assert not document.modified


def test_the_last_criterion_cannot_be_switched_off_or_removed(document):
    project = document.project
    for criterion in project.criteria:
        if criterion.enabled and criterion.id != "independence":
            assert document.try_edit(lambda c=criterion: commands.switch_criterion(project, c.id, False))
    assert not document.try_edit(lambda: commands.switch_criterion(project, "independence", False))
    assert not document.try_edit(lambda: commands.remove_criterion(project, "independence"))
    assert project.criterion("independence").enabled
