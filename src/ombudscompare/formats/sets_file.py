"""Weight sets and uncertain-input ranges in a project file (format 1.2), read with the same checks as the
window applies: an order with a criterion twice (a cycle), swing answers without their top swing, a range
with low above high or outside what the input can be — each refused with its place in the file. A set that
weighs nothing (kept when its only criterion was removed) is read, and shown as weighing nothing."""

from __future__ import annotations

from typing import Any

from ..core import limits
from ..core.model import InputRange, Project, SwingAnswers, WeightSet
from ..core.uncertainty import range_problem
from ..core.weightsets import order_problem, swing_problem
from .checks import Checker, join
from .errors import Problem

SET_FIELDS = ("id", "name", "note", "weights", "method", "swing", "order")
SWING_FIELDS = ("top", "points", "levels")
RANGE_FIELDS = ("target", "low", "high", "likely")
METHODS = ("direct", "swing", "order")
MAX_SETS = limits.MAX_WEIGHT_SETS
MAX_RANGES = limits.MAX_RANGES


def read_weight_sets(ck: Checker, top: dict[str, Any], project: Project) -> list[WeightSet]:
    if "weight_sets" not in top:
        return []
    items = ck.list(top["weight_sets"], "weight_sets")
    if items is None:
        return []
    if len(items) > MAX_SETS:
        ck.problem("weight_sets", "has {count} entries; OmbudsCompare works with at most {limit}", count=len(items),
                   limit=MAX_SETS)
        return []
    result: list[WeightSet] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        path = join("weight_sets", index)
        data = ck.object(item, path)
        if data is None:
            continue
        set_id = ck.identifier(data, "id", path)
        if set_id is not None and set_id in seen:
            ck.problem(join(path, "id"), "'{id}' is used twice; every id must be unique", id=set_id)
        seen.add(set_id or "")
        name = ck.text(data, "name", path, required=True, single_line=True, max_length=limits.MAX_NAME)
        note = ck.text(data, "note", path, single_line=False)
        weights = _weights(ck, data, "weights", path, project)
        method = data.get("method", "direct")
        if method not in METHODS:
            ck.problem(join(path, "method"), "must be one of: {choices}, got {got}", choices=", ".join(METHODS),
                       got=str(method)[:40])
            method = "direct"
        swing = _swing(ck, data["swing"], join(path, "swing"), project) if "swing" in data else None
        order: tuple[str, ...] = ()
        if "order" in data:
            listed = ck.list(data["order"], join(path, "order"))
            if listed is not None:
                if not all(isinstance(x, str) for x in listed):
                    ck.problem(join(path, "order"), "must be a list of criterion ids, most important first")
                else:
                    order = tuple(listed[:limits.MAX_CRITERIA + 1])
                    problem = order_problem(project, order, complete=False)
                    if problem is not None:
                        ck.problems.append(Problem(join(path, "order"), problem))
        extra = ck.extra_fields(data, path, SET_FIELDS)
        if set_id is None or weights is None:
            continue
        # a set may weigh nothing (its only criterion was removed and the user kept it): it is listed, marked
        result.append(WeightSet(set_id, name, weights, note, str(method), swing, order, extra))
    return result


def _weights(ck: Checker, data: dict[str, Any], key: str, path: str, project: Project) -> dict[str, float] | None:
    where = join(path, key)
    if key not in data:
        ck.problem(where, "is missing; it must give each criterion's weight")
        return None
    table = ck.object(data[key], where)
    if table is None:
        return None
    known = {c.id for c in project.criteria}
    weights = {}
    for criterion_id in list(table)[:limits.MAX_CRITERIA + 1]:
        if criterion_id not in known:
            ck.problem(join(where, criterion_id), "names a criterion the project does not have")
            continue
        value = ck.ranged(table, criterion_id, where, limits.WEIGHT)
        if value is not None:
            weights[criterion_id] = value
    return weights


def _swing(ck: Checker, value: Any, path: str, project: Project) -> SwingAnswers | None:
    data = ck.object(value, path)
    if data is None:
        return None
    top = data.get("top")
    if not isinstance(top, str):
        ck.problem(join(path, "top"), "must name the criterion whose swing matters most")
        return None
    points = _weights(ck, data, "points", path, project) or {}
    levels: dict[str, tuple[float, float]] = {}
    table = ck.object(data.get("levels", {}), join(path, "levels")) or {}
    for criterion_id in list(table)[:limits.MAX_CRITERIA + 1]:
        pair = table[criterion_id]
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(x, (int, float)) and not isinstance(x, bool) and abs(x) <= limits.MAX_AMOUNT
                           for x in pair)):
            ck.problem(join(join(path, "levels"), criterion_id), "must be [best, worst], two numbers")
            continue
        levels[criterion_id] = (float(pair[0]), float(pair[1]))
    ck.extra_fields(data, path, SWING_FIELDS)
    answers = SwingAnswers(top, points, levels)
    problem = swing_problem(project, answers)
    if problem is not None:
        ck.problems.append(Problem(path, problem))
        return None
    return answers


def read_ranges(ck: Checker, top: dict[str, Any], project: Project) -> list[InputRange]:
    if "ranges" not in top:
        return []
    items = ck.list(top["ranges"], "ranges")
    if items is None:
        return []
    if len(items) > MAX_RANGES:
        ck.problem("ranges", "has {count} entries; OmbudsCompare works with at most {limit}", count=len(items),
                   limit=MAX_RANGES)
        return []
    result = []
    targets: set[tuple[str, ...]] = set()
    for index, item in enumerate(items):
        path = join("ranges", index)
        data = ck.object(item, path)
        if data is None:
            continue
        target = data.get("target")
        if not isinstance(target, list) or not 1 <= len(target) <= 3 or not all(isinstance(t, str) for t in target):
            ck.problem(join(path, "target"), "must name an input, e.g. [\"population\"] or [\"score\", option, "
                       "criterion]")
            continue
        low = ck.number(data, "low", path, minimum=-limits.MAX_AMOUNT, maximum=limits.MAX_AMOUNT)
        high = ck.number(data, "high", path, minimum=-limits.MAX_AMOUNT, maximum=limits.MAX_AMOUNT)
        likely = ck.number(data, "likely", path, minimum=-limits.MAX_AMOUNT, maximum=limits.MAX_AMOUNT,
                           default=None) if "likely" in data else None
        extra = ck.extra_fields(data, path, RANGE_FIELDS)
        if low is None or high is None:
            continue
        entry = InputRange(tuple(target), float(low), float(high), None if likely is None else float(likely), extra)
        if entry.target in targets:
            ck.problem(join(path, "target"), "this input has a range already")
        targets.add(entry.target)
        problem = range_problem(project, entry)
        if problem is not None:
            ck.problems.append(Problem(path, problem))
            continue
        result.append(entry)
    return result


def sets_to_data(project: Project) -> list[dict[str, Any]]:
    out = []
    for weight_set in project.weight_sets:
        data: dict[str, Any] = {"id": weight_set.id, "name": weight_set.name}
        if weight_set.note:
            data["note"] = weight_set.note
        data["weights"] = {c.id: weight_set.weights[c.id] for c in project.criteria if c.id in weight_set.weights}
        if weight_set.method != "direct":
            data["method"] = weight_set.method
        known = {c.id for c in project.criteria}
        swing = weight_set.swing
        if swing is not None and swing.top in known:
            data["swing"] = {"top": swing.top, "points": {k: v for k, v in swing.points.items() if k in known},
                             "levels": {k: list(v) for k, v in swing.levels.items() if k in known}}
        if weight_set.order:
            data["order"] = [c for c in weight_set.order if c in known]
        data.update(weight_set.extra)
        out.append(data)
    return out


def ranges_to_data(project: Project) -> list[dict[str, Any]]:
    out = []
    for item in project.ranges:
        if range_problem(project, item) is not None:
            continue  # its option, criterion or score is gone
        data: dict[str, Any] = {"target": list(item.target), "low": item.low, "high": item.high}
        if item.likely is not None:
            data["likely"] = item.likely
        data.update(item.extra)
        out.append(data)
    return out
