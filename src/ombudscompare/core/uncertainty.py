"""Uncertain inputs: ranges on scores, complaints, population and tariff parts, sampled with the weights.

A range low–high is sampled uniformly, or triangularly when a most likely value is given. Each sample
recomputes every affected raw value exactly as scoring does (costs from the tariff, the 0–100 value
functions clamped at the reference levels), draws weights as the robustness view does, and ranks the
totals with the ordinary tie rule. Criteria without any uncertain input keep their fixed values, so the
work per sample grows only with what is uncertain. With no ranges the result is exactly
robustness.rank_frequencies (same seed, same draws).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, Message
from .kinds import RULES, annual_many
from .limits import COMPLAINTS, NUMBER_SCORE, POPULATION, TARIFF, figure
from .model import SCALE_MAX, SCALE_MIN, Criterion, Direction, InputRange, Project
from .robustness import CHUNK, RankFrequencies, rank_frequencies, ranks, value_matrix, weight_chunks
from .scoring import Evaluation

TARIFF_FIELDS = ("fixed", "per_inhabitant", "per_complaint", "included_complaints", "surcharge")


def range_problem(project: Project, item: InputRange) -> Message | None:
    """Why a range cannot be used: low above high, a most likely value outside it, an unknown target, or
    values the input itself could never take (a score outside the 1–5 scale, a negative tariff)."""
    target = item.target
    what = target[0] if target else ""
    values = (item.low, item.high) + (() if item.likely is None else (item.likely,))
    if not all(math.isfinite(v) for v in values):
        return Message("the range of {what} must be given as finite numbers", what=range_name(project, item))
    if item.low > item.high:
        return Message("the range of {what} has low {low} above high {high}", what=range_name(project, item),
                       low=figure(item.low), high=figure(item.high))
    if item.likely is not None and not item.low <= item.likely <= item.high:
        return Message("the most likely value of {what} ({likely}) lies outside its range", what=range_name(
            project, item), likely=figure(item.likely))
    if what == "tariff" and len(target) == 3 and target[1] not in {o.id for o in project.options}:
        return Message("a range names option '{id}', which the project does not have", id=target[1])
    if what == "score" and len(target) == 3 and (target[1], target[2]) not in project.scores:
        return Message("a range names the score of '{option}' on '{criterion}', which the project does not have",
                       option=target[1], criterion=target[2])
    bounds = range_bounds(project, target)
    if bounds is None:
        return Message("a range names {target}, which is not an input that can be uncertain",
                       target="/".join(str(t) for t in target))
    if item.low < bounds[0] or item.high > bounds[1]:
        return Message("the range of {what} must lie within {low} to {high}", what=range_name(project, item),
                       low=figure(bounds[0]), high=figure(bounds[1]))
    return None


PART_NAMES = {"fixed": N_("fixed amount"), "per_inhabitant": N_("amount per inhabitant"),
              "per_complaint": N_("amount per complaint"), "included_complaints": N_("included complaints"),
              "surcharge": N_("surcharge")}


def range_bounds(project: Project, target: tuple[str, ...]) -> tuple[float, float] | None:
    """What a range on this input may span — what the input itself may be (limits.py; a scale score 1–5) — or
    None when the target is no input that can be uncertain. The range dialog and the reader both ask this."""
    what = target[0] if target else ""
    if what in ("population", "complaints_per_year") and len(target) == 1:
        rule = POPULATION if what == "population" else COMPLAINTS
        return rule.minimum, rule.maximum
    if what == "tariff" and len(target) == 3 and target[2] in TARIFF_FIELDS:
        return TARIFF[target[2]].minimum, TARIFF[target[2]].maximum
    if what == "score" and len(target) == 3:
        try:
            criterion = project.criterion(target[2])
        except KeyError:
            return None
        if criterion.kind.scale:
            return float(SCALE_MIN), float(SCALE_MAX)
        return NUMBER_SCORE.minimum, NUMBER_SCORE.maximum
    return None


def range_name(project: Project, item: InputRange) -> Message:
    """What a range is about, in words: 'the number of inhabitants', 'GOMA: surcharge', 'the score of NO on
    Independence'."""
    target = item.target
    if target == ("population",):
        return Message("the number of inhabitants")
    if target == ("complaints_per_year",):
        return Message("the number of complaints a year")
    try:
        if target[0] == "tariff":
            return Message("{option}: {part}", option=project.option(target[1]).name.snapshot(),
                           part=Message(PART_NAMES[target[2]]))
        if target[0] == "score":
            return Message("the score of {option} on {criterion}", option=project.option(target[1]).name.snapshot(),
                           criterion=project.criterion(target[2]).name.snapshot())
    except (KeyError, IndexError):
        pass
    return Message("{target}", target="/".join(str(t) for t in target))


def _draw(item: InputRange, size: int, rng: np.random.Generator) -> np.ndarray:
    if item.high <= item.low:
        return np.full(size, float(item.low))
    if item.likely is None:
        return rng.uniform(item.low, item.high, size)
    return rng.triangular(item.low, item.likely, item.high, size)


@dataclass(frozen=True)
class Uncertainty:
    """Rank frequencies over weights and inputs together, and per pair of options the probability that the
    first costs less a year than the second (`cheaper[i, j]`)."""

    frequencies: RankFrequencies
    cheaper: np.ndarray
    option_ids: tuple[str, ...]
    ranges: int

    def cheaper_share(self, first: str, second: str) -> float:
        return float(self.cheaper[self.option_ids.index(first), self.option_ids.index(second)])


def analyse(project: Project, evaluation: Evaluation, samples: int = 10_000, seed: int = 2018,
            spread: float | None = None, weights: np.ndarray | None = None,
            frequencies: RankFrequencies | None = None) -> Uncertainty:
    """Sample the ranges and the weights together (`weights` given: those weight rows, e.g. an order's).

    Without ranges the result is the weights-only draws: `frequencies`, when given, are those already drawn
    (the same samples, seed and spread), so they are not drawn twice."""
    options, criteria, values, shares = value_matrix(evaluation)
    ranges = [r for r in project.ranges if range_problem(project, r) is None]
    if not ranges and weights is None:
        if frequencies is None:
            frequencies = rank_frequencies(evaluation, samples, seed, spread)
        return Uncertainty(frequencies, _fixed_cheaper(project, options), options, 0)
    chunks = (weight_chunks(shares, samples, seed, spread) if weights is None  # the weights drawn without ranges
              else (weights[start:start + CHUNK] for start in range(0, samples, CHUNK)))
    rng = np.random.default_rng([seed, 1])  # the inputs' own stream
    n = len(options)
    counts = np.zeros((n, n))
    cheaper = np.zeros((n, n))
    town = project.municipality
    criteria_of = {c: project.criterion(c) for c in criteria}
    cost_columns = [k for k, c in enumerate(criteria) if criteria_of[c].kind.computed]
    for start in range(0, samples, CHUNK):
        size = min(CHUNK, samples - start)
        population = np.full(size, float(town.population))
        complaints = np.full(size, float(town.complaints_per_year))
        tariffs = {f: np.tile(np.array([getattr(project.option(o).tariff, f) for o in options], float), (size, 1))
                   for f in TARIFF_FIELDS}
        score_draws: dict[int, list[tuple[int, np.ndarray]]] = {}
        costs_uncertain = False
        for item in ranges:
            draw = _draw(item, size, rng)
            kind = item.target[0]
            if kind == "population":
                population = np.round(draw)
                costs_uncertain = True
            elif kind == "complaints_per_year":
                complaints = draw
                costs_uncertain = True
            elif kind == "tariff" and item.target[1] in options:
                tariffs[item.target[2]][:, options.index(item.target[1])] = draw
                costs_uncertain = True
            elif kind == "score" and item.target[1] in options and item.target[2] in criteria:
                score_draws.setdefault(criteria.index(item.target[2]), []).append((options.index(item.target[1]),
                                                                                  draw))
        w = next(chunks)
        totals = w @ values.T
        uncertain_columns = set(score_draws) | (set(cost_columns) if costs_uncertain else set())
        if uncertain_columns:
            annual = annual_many(tariffs, population, complaints) if costs_uncertain else None
            for k in uncertain_columns:
                criterion = criteria_of[criteria[k]]
                many = RULES[criterion.kind].raw_many
                if many is not None:
                    raw = many(tariffs, population, complaints)
                else:
                    raw = np.tile(_raw_column(evaluation, criteria[k]), (size, 1))
                    for i, draw in score_draws.get(k, []):
                        raw[:, i] = draw
                column = _value(criterion, raw)
                totals += w[:, k:k + 1] * (column - values[:, k])
            if annual is not None:
                cheaper += (annual[:, :, None] < annual[:, None, :]).sum(axis=0)
        if not costs_uncertain:
            cheaper += _fixed_cheaper(project, options) * size
        sample_ranks = ranks(totals)
        for k in range(n):
            counts[:, k] += (sample_ranks == k + 1).sum(axis=0)
    return Uncertainty(RankFrequencies(options, counts / samples, samples, seed, spread), cheaper / samples,
                       options, len(ranges))


def _raw_column(evaluation: Evaluation, criterion_id: str) -> np.ndarray:
    return np.array([r.cell(criterion_id).raw for r in evaluation.results], float)


def _value(criterion: Criterion, raw: np.ndarray) -> np.ndarray:
    """The 0–100 value function of scoring.criterion_value, on arrays."""
    if criterion.kind.scale:
        value = (raw - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * 100.0
        if criterion.direction is Direction.LOWER:
            value = 100.0 - value
        result: np.ndarray = np.clip(value, 0.0, 100.0)
        return result
    best, worst = criterion.reference_levels()
    result = np.clip((raw - worst) / (best - worst) * 100.0, 0.0, 100.0)
    return result


def _fixed_cheaper(project: Project, options: tuple[str, ...]) -> np.ndarray:
    from .tariff import annual_cost

    town = project.municipality
    costs = np.array([annual_cost(project.option(o).tariff, town.population, town.complaints_per_year)
                      for o in options])
    result: np.ndarray = (costs[:, None] < costs[None, :]).astype(float)
    return result
