"""Reversible edits of a project — what the window's undo stack is made of (no Qt here).

Every edit addresses its target by ids, never by object, so applying and reverting in any
order of undo/redo always finds the right thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Criterion, LocalText, Option, Project, Score

# A target is a tuple naming where a value lives:
#   ("project", attr)                       ("municipality", attr)
#   ("option", option_id, attr)             ("tariff", option_id, attr)
#   ("option_name", option_id, lang)        ("criterion", criterion_id, attr)
#   ("criterion_name", criterion_id, lang)  ("score", option_id, criterion_id, attr)
#   ("score_source", option_id, criterion_id, attr)
#   ("municipality_source", attr)           ("tariff_source", option_id, attr)
#   ("option_description", option_id, lang) ("option_in_sentence", option_id, lang)
#   ("project_title", lang)
# A text per language that is absent reads as None, and setting None removes it.
Target = tuple[Any, ...]


def _locate(project: Project, target: Target) -> tuple[Any, Any, bool]:
    """(container, key, is_mapping) for a target."""
    kind = target[0]
    if kind == "project":
        return project, target[1], False
    if kind == "municipality":
        return project.municipality, target[1], False
    if kind == "option":
        return project.option(target[1]), target[2], False
    if kind == "tariff":
        return project.option(target[1]).tariff, target[2], False
    if kind == "option_name":
        return project.option(target[1]).name.texts, target[2], True
    if kind == "criterion":
        return project.criterion(target[1]), target[2], False
    if kind == "criterion_name":
        return project.criterion(target[1]).name.texts, target[2], True
    if kind == "score":
        return project.scores[(target[1], target[2])], target[3], False
    if kind == "score_source":
        return project.scores[(target[1], target[2])].source, target[3], False
    if kind == "municipality_source":
        return project.municipality.source, target[1], False
    if kind == "tariff_source":
        return project.option(target[1]).tariff.source, target[2], False
    if kind == "option_description":
        return project.option(target[1]).description.texts, target[2], True
    if kind == "option_in_sentence":
        return project.option(target[1]).in_sentence.texts, target[2], True
    if kind == "project_title":
        return project.title.texts, target[1], True
    raise KeyError(target)


def get_value(project: Project, target: Target) -> Any:
    container, key, mapping = _locate(project, target)
    return container.get(key) if mapping else getattr(container, key)


def set_value(project: Project, target: Target, value: Any) -> None:
    container, key, mapping = _locate(project, target)
    if mapping:
        if value is None:
            container.pop(key, None)
        else:
            container[key] = value
    else:
        setattr(container, key, value)


class Edit:
    """A change that can be applied to and reverted from a project."""

    structural = False

    def apply(self, project: Project) -> None:
        raise NotImplementedError

    def revert(self, project: Project) -> None:
        raise NotImplementedError


@dataclass
class SetField(Edit):
    """Set one value; `old` is what it was."""

    target: Target
    old: Any
    new: Any

    @classmethod
    def of(cls, project: Project, target: Target, new: Any) -> SetField:
        return cls(target, get_value(project, target), new)

    def apply(self, project: Project) -> None:
        set_value(project, self.target, self.new)

    def revert(self, project: Project) -> None:
        set_value(project, self.target, self.old)


@dataclass
class Compound(Edit):
    """Several edits as one step."""

    edits: list[Edit] = field(default_factory=list)

    @property
    def structural(self) -> bool:  # type: ignore[override]
        return any(e.structural for e in self.edits)

    def apply(self, project: Project) -> None:
        for edit in self.edits:
            edit.apply(project)

    def revert(self, project: Project) -> None:
        for edit in reversed(self.edits):
            edit.revert(project)


@dataclass
class InsertItem(Edit):
    """Insert an option or a criterion (`collection` 'options' or 'criteria') with its scores."""

    collection: str
    index: int
    item: Option | Criterion
    scores: list[Score] = field(default_factory=list)
    structural = True

    def apply(self, project: Project) -> None:
        getattr(project, self.collection).insert(self.index, self.item)
        AddScores(self.scores).apply(project)

    def revert(self, project: Project) -> None:
        del getattr(project, self.collection)[self.index]
        AddScores(self.scores).revert(project)


@dataclass
class AddScores(Edit):
    """Add scores that were missing."""

    scores: list[Score]

    def apply(self, project: Project) -> None:
        for score in self.scores:
            project.scores[(score.option, score.criterion)] = score

    def revert(self, project: Project) -> None:
        for score in self.scores:
            project.scores.pop((score.option, score.criterion), None)


@dataclass
class Inverse(Edit):
    """The opposite of an edit: removing is inserting reverted."""

    edit: Edit

    @property
    def structural(self) -> bool:  # type: ignore[override]
        return self.edit.structural

    def apply(self, project: Project) -> None:
        self.edit.revert(project)

    def revert(self, project: Project) -> None:
        self.edit.apply(project)


def unique_id(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def referenced_ids(project: Project) -> set[str]:
    """Every id anything in the project names: options, criteria, scores, ranges and weight sets. A new option or
    criterion never takes one of these, so it can never inherit what belonged to another."""
    ids = {o.id for o in project.options} | {c.id for c in project.criteria}
    ids |= {part for key in project.scores for part in key}
    ids |= {str(part) for r in project.ranges for part in r.target[1:]}
    for weight_set in project.weight_sets:
        ids |= set(weight_set.weights) | set(weight_set.order)
        if weight_set.swing is not None:
            ids |= {weight_set.swing.top, *weight_set.swing.points, *weight_set.swing.levels}
    return ids


def add_option(project: Project, name: LocalText, index: int | None = None) -> InsertItem:
    """A new option without scores: it is not ranked until someone judges it (nothing is guessed for it)."""
    option = Option(unique_id("option", referenced_ids(project)), name)
    return InsertItem("options", len(project.options) if index is None else index, option, [])


def remove_option(project: Project, option_id: str) -> Compound:
    """The option, its scores and the ranges of its tariff parts and scores: removing removes (undo restores)."""
    index = next(i for i, o in enumerate(project.options) if o.id == option_id)
    scores = [s for key, s in project.scores.items() if key[0] == option_id]
    parts: list[Edit] = [Inverse(InsertItem("options", index, project.options[index], scores))]
    ranges = [r for r in project.ranges if not (len(r.target) > 1 and r.target[1] == option_id)]
    if len(ranges) != len(project.ranges):
        parts.append(SetField(("project", "ranges"), list(project.ranges), ranges))
    return Compound(parts)


def add_criterion(project: Project, criterion: Criterion, index: int | None = None) -> InsertItem:
    """A new criterion without scores (switched off until the options are scored on it, if it needs scores)."""
    criterion.id = unique_id("criterion", referenced_ids(project))
    return InsertItem("criteria", len(project.criteria) if index is None else index, criterion, [])


def remove_criterion(project: Project, criterion_id: str, drop_emptied_sets: bool = False) -> Compound:
    """The criterion, its scores, the ranges of its scores, and its weight in every weight set (a swing set whose
    top swing it was, or an order that named it, becomes a set of the weights it has left). A set that weighed
    nothing else is removed too when `drop_emptied_sets`, else kept weighing nothing (shown as such)."""
    from .weightsets import without_criterion

    index = next(i for i, c in enumerate(project.criteria) if c.id == criterion_id)
    scores = [s for key, s in project.scores.items() if key[1] == criterion_id]
    parts: list[Edit] = [Inverse(InsertItem("criteria", index, project.criteria[index], scores))]
    ranges = [r for r in project.ranges if not (r.target[0] == "score" and r.target[2:] == (criterion_id,))]
    if len(ranges) != len(project.ranges):
        parts.append(SetField(("project", "ranges"), list(project.ranges), ranges))
    sets = [without_criterion(s, criterion_id) for s in project.weight_sets]
    if drop_emptied_sets:
        sets = [s for s in sets if any(w > 0 for w in s.weights.values())]
    if sets != project.weight_sets:
        parts.append(SetField(("project", "weight_sets"), list(project.weight_sets), sets))
    return Compound(parts)


def set_weights(project: Project, weights: dict[str, float], enable: bool = True) -> Compound:
    """Set several criteria's weights at once, switching on those that get a weight if asked."""
    edits: list[Edit] = []
    for criterion in project.criteria:
        if criterion.id not in weights:
            continue
        if enable and not criterion.enabled and weights[criterion.id] > 0:
            edits.append(SetField(("criterion", criterion.id, "enabled"), False, True))
        if criterion.weight != weights[criterion.id]:
            edits.append(SetField(("criterion", criterion.id, "weight"), criterion.weight, weights[criterion.id]))
    return Compound(edits)


def set_enabled(project: Project, criterion_id: str, enabled: bool) -> Compound:
    """Switch a criterion on or off; options not yet scored on it are then not ranked until they are."""
    criterion = project.criterion(criterion_id)
    return Compound([SetField(("criterion", criterion_id, "enabled"), criterion.enabled, enabled)])


def _field_changes(edit: Edit) -> list[SetField] | None:
    """The edit as a flat list of field changes, or None if it does more than set fields."""
    if isinstance(edit, SetField):
        return [edit]
    if isinstance(edit, Compound):
        changes: list[SetField] = []
        for part in edit.edits:
            inner = _field_changes(part)
            if inner is None:
                return None
            changes += inner
        return changes
    return None


def _parts(edit: Edit) -> list[Edit]:
    return list(edit.edits) if isinstance(edit, Compound) else [edit]


def merged(first: Edit, later: Edit) -> Edit:
    """One edit that does `first` then `later`, and stays flat however often it is merged again.

    Field changes keep the first old value and the last new value of every field, so a drag of a
    thousand ticks is as small as a single change; anything else is concatenated, never nested.
    """
    a, b = _field_changes(first), _field_changes(later)
    if a is None or b is None:
        return Compound(_parts(first) + _parts(later))
    changes: dict[Any, SetField] = {}
    for change in a + b:
        earlier = changes.get(_key(change.target))
        changes[_key(change.target)] = SetField(change.target, earlier.old if earlier else change.old, change.new)
    return Compound(list(changes.values()))


def _key(target: Target) -> Any:
    return tuple(target)


def is_noop(edit: Edit) -> bool:
    """True when the edit changes nothing (a drag that came back to where it started)."""
    changes = _field_changes(edit)
    return changes is not None and all(c.old == c.new for c in changes)


def touches_only_weights(edit: Edit) -> bool:
    """True when the edit sets nothing but criteria's weights (what the weights do not touch can be kept)."""
    changes = _field_changes(edit)
    return changes is not None and bool(changes) and all(c.target[0] == "criterion" and c.target[2] == "weight"
                                                         for c in changes)
