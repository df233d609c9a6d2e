"""Every edit reverts to exactly the state before it, whatever was applied in between."""

import pytest

from ombudscompare.core import edits
from ombudscompare.core.model import Criterion, CriterionKind, LocalText
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.whatif import Preset, preset_weights, rebalanced_weights
from ombudscompare.formats.project_file import dumps


def _edits(project):
    return [
        edits.SetField.of(project, ("tariff", "goma", "surcharge"), 500.0),
        edits.SetField.of(project, ("option_name", "no", "en"), "NO"),
        edits.SetField.of(project, ("score", "no", "independence", "value"), 3),
        edits.SetField.of(project, ("score_source", "no", "independence", "quote"), "x"),
        edits.SetField.of(project, ("municipality", "population"), 100),
        edits.set_enabled(project, "awareness", True),
        edits.set_weights(project, rebalanced_weights(project, {"local_involvement": 50})),
        edits.set_weights(project, preset_weights(project, Preset.QUALITY_LED)),
        edits.add_option(project, LocalText.both("Eigen ombudsman")),
        edits.remove_option(project, "no"),
        edits.add_criterion(project, Criterion("x", LocalText.both("Nieuw"), CriterionKind.SCALE, weight=10)),
        edits.remove_criterion(project, "independence"),
    ]


@pytest.mark.parametrize("position", range(12))
def test_apply_then_revert_restores_exactly(haarlem, position):
    before = dumps(haarlem)
    edit = _edits(haarlem)[position]
    edit.apply(haarlem)
    assert dumps(haarlem) != before
    edit.revert(haarlem)
    assert dumps(haarlem) == before
    edit.apply(haarlem)
    edit.revert(haarlem)
    assert dumps(haarlem) == before


def test_a_chain_undone_in_reverse_order_restores_exactly(haarlem):
    before = dumps(haarlem)
    applied = []
    for make in range(12):
        edit = _edits(haarlem)[make] if make < 9 else None
        if edit is None:
            break
        edit.apply(haarlem)
        applied.append(edit)
    for edit in reversed(applied):
        edit.revert(haarlem)
    assert dumps(haarlem) == before


def test_switching_on_a_criterion_guesses_no_score(haarlem):
    del haarlem.scores[("goma", "awareness")]
    edit = edits.set_enabled(haarlem, "awareness", True)
    edit.apply(haarlem)
    assert haarlem.score("goma", "awareness") is None
    assert [i.option_id for i in evaluate(haarlem).incomplete] == ["goma"]
    edit.revert(haarlem)
    assert not haarlem.criterion("awareness").enabled


def test_new_ids_are_unique(haarlem):
    first = edits.add_option(haarlem, LocalText.both("A"))
    first.apply(haarlem)
    second = edits.add_option(haarlem, LocalText.both("B"))
    assert second.item.id != first.item.id
