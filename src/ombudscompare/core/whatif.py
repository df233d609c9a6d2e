"""What-if changes: another population, other complaint numbers, a criterion given a set share of the weight."""

from __future__ import annotations

import copy
import enum

from ..i18n import Message
from .model import Project
from .scoring import ModelError

SHARE_TOLERANCE = 1e-9


def with_municipality(project: Project, population: int | None = None, complaints: float | None = None) -> Project:
    """A copy of the project for another population and/or number of complaints a year."""
    result = copy.deepcopy(project)
    if population is not None:
        if population < 1:
            raise ModelError(Message("the population must be at least 1, got {value}", value=population))
        result.municipality.population = population
    if complaints is not None:
        if complaints < 0:
            raise ModelError(Message("the number of complaints cannot be negative, got {value}", value=complaints))
        result.municipality.complaints_per_year = complaints
    return result


def with_weight_shares(project: Project, percents: dict[str, float]) -> Project:
    """A copy in which each named criterion gets the given percentage of the enabled weight.

    A named criterion that was switched off is switched on; the other enabled criteria share the
    rest in their present proportions (equally if their weights are all zero). Weights come out
    in percent, summing to 100.
    """
    result = copy.deepcopy(project)
    for criterion_id, weight in rebalanced_weights(result, percents).items():
        criterion = result.criterion(criterion_id)
        criterion.weight = weight
        if criterion_id in percents:
            criterion.enabled = True
    return result


def rebalanced_weights(project: Project, percents: dict[str, float]) -> dict[str, float]:
    """New weights (in percent, summing to 100) for the named criteria and the other enabled ones.

    The named criteria get exactly their percentages — they count as switched on — and the other
    enabled criteria share the rest in their present proportions, or equally if all are zero.
    """
    known = {c.id: c for c in project.criteria}
    for criterion_id, percent in percents.items():
        if criterion_id not in known:
            raise ModelError(
                Message(
                    "unknown criterion '{id}'; the criteria are: {known}",
                    id=criterion_id,
                    known=", ".join(known),
                )
            )
        if not 0 <= percent <= 100:
            raise ModelError(Message("a weight must be from 0 to 100 %, got {value} for '{id}'", value=percent,
                                     id=criterion_id))
    given = sum(percents.values()) / 100.0
    if given > 1 + SHARE_TOLERANCE:
        raise ModelError(Message("the weights given add up to more than 100 % ({value} %)",
                                 value=round(given * 100, 6)))
    others = [c for c in project.criteria if c.enabled and c.id not in percents]
    rest = max(0.0, 1.0 - given)
    if not others and rest > SHARE_TOLERANCE:
        raise ModelError(
            Message("the weights given add up to {value} %, and no other criterion is left to take the rest",
                    value=round(given * 100, 6))
        )
    weights = {criterion_id: float(percent) for criterion_id, percent in percents.items()}
    other_total = sum(c.weight for c in others)
    for criterion in others:
        share = criterion.weight / other_total if other_total > 0 else 1.0 / len(others)
        weights[criterion.id] = rest * share * 100.0
    return weights


class Preset(str, enum.Enum):
    """Ready-made weightings of the criteria that are switched on."""

    EQUAL = "equal"
    COST_LED = "cost_led"
    QUALITY_LED = "quality_led"


PRESET_COST_SHARE = {Preset.COST_LED: 0.6, Preset.QUALITY_LED: 0.3}


def preset_weights(project: Project, preset: Preset) -> dict[str, float]:
    """Weights in percent for the enabled criteria: all equal, or cost 60 % / qualities 40 %
    (cost-led), or cost 30 % / qualities 70 % (quality-led), split equally within each group.
    A group that is empty leaves all the weight to the other."""
    enabled = project.enabled_criteria()
    if not enabled:
        return {}
    if preset is Preset.EQUAL:
        return {c.id: 100.0 / len(enabled) for c in enabled}
    costs = [c for c in enabled if c.kind.computed]
    qualities = [c for c in enabled if not c.kind.computed]
    cost_share = PRESET_COST_SHARE[preset] if costs and qualities else (1.0 if costs else 0.0)
    weights = {c.id: cost_share * 100.0 / len(costs) for c in costs}
    weights.update({c.id: (1.0 - cost_share) * 100.0 / len(qualities) for c in qualities})
    return weights
