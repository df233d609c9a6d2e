"""Commands on weight sets: make them (from the weights, a preset, swings or an order), rename, annotate,
duplicate, delete, apply and store (Qt-free, undoable like every other edit).

A set is never changed in place: each command replaces the project's list of sets by a new one, so undo
restores exactly the list that was there.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..core import edits, limits
from ..core.edits import SetField
from ..core.model import Project, SwingAnswers, WeightSet
from ..core.weightsets import order_problem, roc_weights, set_problem, swing_levels, swing_problem, swing_weights
from ..core.whatif import Preset, preset_weights
from ..i18n import Message
from .checks import Command, Refused, checked_name, checked_text


def _replace(project: Project, sets: list[WeightSet], description: Message) -> Command:
    return Command(SetField(("project", "weight_sets"), list(project.weight_sets), sets), description)


def _new_id(project: Project) -> str:
    return edits.unique_id("set", {s.id for s in project.weight_sets})


def _checked_count(project: Project) -> None:
    if len(project.weight_sets) >= limits.MAX_WEIGHT_SETS:
        raise Refused(Message("A project holds at most {limit} weight sets; delete one first",
                              limit=limits.MAX_WEIGHT_SETS))


def current_weights(project: Project) -> dict[str, float]:
    """The window's weights of the switched-on criteria (a switched-off criterion is not in a set)."""
    return {c.id: c.weight for c in project.enabled_criteria()}


def add_set(project: Project, weight_set: WeightSet) -> Command:
    """Add a set (from the current weights, a preset, swings or an order); refused if it weighs nothing."""
    _checked_count(project)
    name = checked_name(weight_set.name)
    weight_set = dataclasses.replace(weight_set, id=_new_id(project), name=name,
                                     note=checked_text(weight_set.note, single_line=False))
    problem = set_problem(project, weight_set)
    if problem is not None:
        raise Refused(problem)
    return _replace(project, [*project.weight_sets, weight_set], Message("New weight set {name}", name=name))


def save_current(project: Project, name: str, note: str = "") -> Command:
    return add_set(project, WeightSet("", name, current_weights(project), note))


def from_preset(project: Project, preset: Preset, name: str) -> Command:
    return add_set(project, WeightSet("", name, preset_weights(project, preset)))


def from_swings(project: Project, name: str, top: str, points: dict[str, float], note: str = "") -> Command:
    """A set from swing answers; the reference levels asked about are stored with them."""
    levels = {c: tuple(swing_levels(project.criterion(c))) for c in points}
    answers = SwingAnswers(top, dict(points), {c: (float(b), float(w)) for c, (b, w) in levels.items()})
    problem = swing_problem(project, answers)
    if problem is not None:
        raise Refused(problem)
    return add_set(project, WeightSet("", name, swing_weights(answers), note, "swing", answers))


def from_order(project: Project, name: str, order: list[str], note: str = "") -> Command:
    """A set of rank-order-centroid weights for an order of all switched-on criteria, most important first."""
    problem = order_problem(project, order)
    if problem is not None:
        raise Refused(problem)
    return add_set(project, WeightSet("", name, roc_weights(order), note, "order", None, tuple(order)))


def _with(project: Project, set_id: str, description: Message, **changes: Any) -> Command | None:
    sets = list(project.weight_sets)
    index = next(i for i, s in enumerate(sets) if s.id == set_id)
    changed = dataclasses.replace(sets[index], **changes)
    if changed == sets[index]:
        return None
    sets[index] = changed
    return _replace(project, sets, description)


def rename_set(project: Project, set_id: str, name: str) -> Command | None:
    old = project.weight_set(set_id).name
    name = checked_name(name)
    return _with(project, set_id, Message("Rename weight set {old} to {new}", old=old, new=name), name=name)


def set_note(project: Project, set_id: str, note: str) -> Command | None:
    weight_set = project.weight_set(set_id)
    return _with(project, set_id, Message("Note of weight set {name}", name=weight_set.name),
                 note=checked_text(note, single_line=False))


def update_from_current(project: Project, set_id: str) -> Command | None:
    """Store the window's weights in this set (it becomes a directly set one: swing answers no longer fit)."""
    weight_set = project.weight_set(set_id)
    candidate = dataclasses.replace(weight_set, weights=current_weights(project))
    problem = set_problem(project, candidate)
    if problem is not None:
        raise Refused(problem)
    return _with(project, set_id, Message("Store the current weights in {name}", name=weight_set.name),
                 weights=current_weights(project), method="direct", swing=None, order=())


def duplicate_set(project: Project, set_id: str, copy_name: str) -> Command:
    _checked_count(project)
    original = project.weight_set(set_id)
    copy = dataclasses.replace(original, id=_new_id(project), name=checked_name(copy_name[:200]))
    index = project.weight_sets.index(original)
    sets = [*project.weight_sets[:index + 1], copy, *project.weight_sets[index + 1:]]
    return _replace(project, sets, Message("Duplicate weight set {name}", name=original.name))


def delete_set(project: Project, set_id: str) -> Command:
    weight_set = project.weight_set(set_id)
    return _replace(project, [s for s in project.weight_sets if s.id != set_id],
                    Message("Delete weight set {name}", name=weight_set.name))


def apply_set(project: Project, set_id: str) -> Command | None:
    """Make the set's weights the window's (switched-on criteria the set does not name get weight 0)."""
    weight_set = project.weight_set(set_id)
    problem = set_problem(project, weight_set)
    if problem is not None:
        raise Refused(problem)
    weights = {c.id: float(weight_set.weights.get(c.id, 0.0)) for c in project.enabled_criteria()}
    edit = edits.set_weights(project, weights, enable=False)
    if not edit.edits:
        return None
    return Command(edit, Message("Weights: {name}", name=weight_set.name))
