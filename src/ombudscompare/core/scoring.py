"""Scoring a council can follow: value functions, weight shares, weighted totals and their explanation."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..i18n import Message
from . import tariff as tariffs
from .kinds import RULES
from .model import SCALE_MAX, SCALE_MIN, Criterion, Option, Project

TIE_DECIMALS = 8  # totals that agree when rounded to 8 decimals are tied (transitive, and a spreadsheet's ROUND)


class ModelError(Exception):
    """The model cannot be scored as it stands (for example, every weight is zero)."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


class Cell(NamedTuple):
    """How one option fares on one criterion: raw value → 0–100 value → weighted contribution."""

    criterion_id: str
    raw: float
    value: float
    share: float
    contribution: float


@dataclass(frozen=True)
class OptionResult:
    """One option's total, rank and the cells it is made of."""

    option_id: str
    total: float
    rank: int
    tied: bool
    annual_cost: float
    cost_per_inhabitant: float
    cells: tuple[Cell, ...]

    def cell(self, criterion_id: str) -> Cell:
        return self._by_criterion[criterion_id]

    @cached_property
    def _by_criterion(self) -> dict[str, Cell]:
        return {cell.criterion_id: cell for cell in self.cells}


@dataclass(frozen=True)
class Incomplete:
    """An option that cannot be ranked yet: it has no score on these switched-on criteria."""

    option_id: str
    missing: tuple[str, ...]
    annual_cost: float
    cost_per_inhabitant: float


@dataclass(frozen=True)
class Evaluation:
    """The outcome of scoring a project: per option (in project order) and the weight shares used."""

    results: tuple[OptionResult, ...]
    shares: dict[str, float]
    ranked: tuple[OptionResult, ...] = ()
    incomplete: tuple[Incomplete, ...] = ()

    def ranking(self) -> list[OptionResult]:
        """Results best first; tied options keep their project order."""
        return list(self.ranked or sorted(self.results, key=lambda r: r.rank))

    def result(self, option_id: str) -> OptionResult:
        for result in self.results:
            if result.option_id == option_id:
                return result
        raise KeyError(option_id)


def linear_value(raw: float, best: float, worst: float) -> float:
    """0 at the worst reference level, 100 at the best, linear between, clamped to 0–100."""
    value = (raw - worst) / (best - worst) * 100.0
    return min(100.0, max(0.0, value))


def weight_shares(project: Project) -> dict[str, float]:
    """Each enabled criterion's share of the enabled weights (summing to 1)."""
    enabled = project.enabled_criteria()
    if not enabled:
        raise ModelError(Message("no criterion is switched on; switch at least one on"))
    total = sum(c.weight for c in enabled)
    if total <= 0:
        raise ModelError(Message("all weights of the criteria that are switched on are zero"))
    return {c.id: c.weight / total for c in enabled}


def raw_value(project: Project, option: Option, criterion: Criterion) -> float:
    """The criterion's raw value for the option: computed from the tariff, or the entered score."""
    compute = RULES[criterion.kind].raw
    if compute is not None:
        return compute(option.tariff, project.municipality)
    score = project.score(option.id, criterion.id)
    if score is None:
        raise ModelError(
            Message(
                "option '{option}' has no score for criterion '{criterion}'",
                option=option.id,
                criterion=criterion.id,
            )
        )
    return float(score.value)


def criterion_value(criterion: Criterion, raw: float) -> float:
    """The 0–100 value of a raw value under the criterion's value function."""
    if criterion.kind.scale:
        value = (raw - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * 100.0
        if criterion.direction.value == "lower":
            value = 100.0 - value
        return min(100.0, max(0.0, value))
    best, worst = criterion.reference_levels()
    return linear_value(raw, best, worst)


def beyond_levels(criterion: Criterion, raw: float) -> int:
    """-1 when a raw value lies past the worst level (it counts 0, however much worse), +1 past the best
    level (it counts 100), 0 within the levels. Scale scores are always within."""
    if criterion.kind.scale or criterion.best is None or criterion.worst is None:
        return 0
    best, worst = criterion.best, criterion.worst
    position = (raw - worst) / (best - worst)
    return -1 if position < 0 else (1 if position > 1 else 0)


def tie_key(total: float) -> float:
    """What ranking compares: the total rounded to TIE_DECIMALS, so rounding noise (0.1 + 0.2 against 0.3)
    never decides a rank, and a chain of near-equal totals cannot rank 1, 1, 2."""
    return round(total, TIE_DECIMALS)


def rank_totals(totals: list[float]) -> list[tuple[int, bool]]:
    """Competition ranks (1, 1, 3, ...) and whether each total is tied with another (equal to 8 decimals)."""
    keys = [tie_key(t) for t in totals]
    ascending = sorted(keys)
    count = len(keys)
    ranks = []
    for key in keys:
        better = count - bisect_right(ascending, key)
        equal = bisect_right(ascending, key) - bisect_left(ascending, key)
        ranks.append((better + 1, equal > 1))
    return ranks


def missing_scores(project: Project, option_id: str) -> tuple[str, ...]:
    """The switched-on criteria on which this option has not been scored yet (not yet judged)."""
    return tuple(c.id for c in project.criteria
                 if c.enabled and not c.kind.computed and (option_id, c.id) not in project.scores)


def evaluate(project: Project) -> Evaluation:
    """Score every option on every enabled criterion and rank the totals.

    An option that has not been scored on every switched-on criterion is not ranked (nothing is
    guessed for it): it is listed in `incomplete` with what it lacks.
    """
    if not project.options:
        raise ModelError(Message("the project has no options to compare"))
    shares = weight_shares(project)
    enabled = project.enabled_criteria()
    town = project.municipality
    partial = []
    incomplete = []
    for option in project.options:
        missing = missing_scores(project, option.id)
        if missing:
            cost = tariffs.annual_cost(option.tariff, town.population, town.complaints_per_year)
            incomplete.append(Incomplete(option.id, missing, cost, cost / town.population))
            continue
        cells = []
        for criterion in enabled:
            raw = raw_value(project, option, criterion)
            value = criterion_value(criterion, raw)
            share = shares[criterion.id]
            cells.append(Cell(criterion.id, raw, value, share, share * value))
        total = sum(cell.contribution for cell in cells)
        cost = tariffs.annual_cost(option.tariff, town.population, town.complaints_per_year)
        partial.append((option.id, total, cost, cost / town.population, tuple(cells)))
    if not partial:
        first = incomplete[0]
        raise ModelError(Message("no option can be ranked yet: every option still lacks a score, for instance"
                                 " {option} on {criterion}",
                                 option=project.option(first.option_id).name.snapshot(),
                                 criterion=project.criterion(first.missing[0]).name.snapshot()))
    ranks = rank_totals([p[1] for p in partial])
    results = tuple(
        OptionResult(oid, total, rank, tied, cost, per_inh, cells)
        for (oid, total, cost, per_inh, cells), (rank, tied) in zip(partial, ranks)
    )
    return Evaluation(results, shares, tuple(sorted(results, key=lambda r: r.rank)), tuple(incomplete))


def reweigh(previous: Evaluation, project: Project) -> Evaluation:
    """`evaluate(project)` when nothing but the weights changed since `previous` was scored: the raw and 0–100
    values and the costs are taken over, the shares, contributions, totals and ranks follow the new weights —
    the same figures, to the bit, as scoring again (the same sums in the same order). Scoring again when the
    switched-on criteria are not the same."""
    shares = weight_shares(project)
    if list(shares) != list(previous.shares):
        return evaluate(project)
    partial = []
    make = Cell._make  # tuple.__new__ underneath: a 30 × 30 project makes 900 cells per weight edit
    for result in previous.results:
        cells = tuple([make((c.criterion_id, c.raw, c.value, shares[c.criterion_id], shares[c.criterion_id] * c.value))
                       for c in result.cells])
        partial.append((result, sum([cell.contribution for cell in cells]), cells))
    ranks = rank_totals([total for _result, total, _cells in partial])
    results = tuple(
        OptionResult(result.option_id, total, rank, tied, result.annual_cost, result.cost_per_inhabitant, cells)
        for (result, total, cells), (rank, tied) in zip(partial, ranks)
    )
    return Evaluation(results, shares, tuple(sorted(results, key=lambda r: r.rank)), previous.incomplete)


def rounded_percentages(shares: dict[str, float], decimals: int = 1) -> dict[str, float]:
    """Shares as percentages rounded so that the shown figures add up to exactly 100 (largest remainder)."""
    if not shares:
        return {}
    unit = 10 ** decimals
    scaled = {key: share * 100.0 * unit for key, share in shares.items()}
    floors = {key: int(value // 1) for key, value in scaled.items()}
    missing = round(100 * unit * sum(shares.values())) - sum(floors.values())
    by_remainder = sorted(scaled, key=lambda key: scaled[key] - floors[key], reverse=True)
    for key in by_remainder[: max(0, missing)]:
        floors[key] += 1
    return {key: floors[key] / unit for key in shares}
