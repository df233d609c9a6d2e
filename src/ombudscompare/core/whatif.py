"""What-if changes: another population, other complaint numbers, a criterion given a set share of the weight."""

from __future__ import annotations

import copy

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
    known = {c.id: c for c in result.criteria}
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
        known[criterion_id].enabled = True
    given = sum(percents.values()) / 100.0
    if given > 1 + SHARE_TOLERANCE:
        raise ModelError(Message("the weights given add up to more than 100 % ({value} %)", value=round(given * 100, 6)))
    others = [c for c in result.criteria if c.enabled and c.id not in percents]
    rest = max(0.0, 1.0 - given)
    if not others and rest > SHARE_TOLERANCE:
        raise ModelError(
            Message("the weights given add up to {value} %, and no other criterion is left to take the rest",
                    value=round(given * 100, 6))
        )
    other_total = sum(c.weight for c in others)
    for criterion in others:
        share = criterion.weight / other_total if other_total > 0 else 1.0 / len(others)
        criterion.weight = rest * share * 100.0
    for criterion_id, percent in percents.items():
        known[criterion_id].weight = float(percent)
    return result
