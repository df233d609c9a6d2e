"""Value for money: quality apart from cost, the options no other option beats on both (the efficient frontier),
and what every extra quality point costs along it (Qt-free).

The quality score is the weighted total over the criteria that are not costs: the project scored with its
computed (cost) criteria switched off, the other weights taken as shares of their sum — so it is scored, ranked
and tied exactly as the total is. The cost is the annual cost from the tariffs. An option is dominated when
another is at most as expensive and at least as good on quality, and better on one of them; the others are
efficient. Equal means equal under the app's one tie rule (scoring.tie_key), for quality and for money alike.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from functools import cached_property

from ..i18n import Message
from .model import Project
from .scoring import Cell, Evaluation, ModelError, OptionResult, evaluate, rank_totals, tie_key
from .sensitivity import EPS, Flip, Lines, _lines, _matrix, _same
from .tariff import annual_cost
from .weightsets import with_weights


@dataclass(frozen=True)
class OptionValue:
    """One option: its quality (None while a quality is not scored yet) and cost, and whether it is efficient.

    `cells` are its quality contributions (each share is the criterion's share of the quality weight);
    `dominated_by` the options that beat it (project order)."""

    option_id: str
    quality: float | None
    annual_cost: float
    cost_per_inhabitant: float
    cells: tuple[Cell, ...] = ()
    efficient: bool = False
    dominated_by: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def scored(self) -> bool:
        return self.quality is not None

    @property
    def quality_key(self) -> float:
        return tie_key(self.quality if self.quality is not None else float("nan"))

    @property
    def cost_key(self) -> float:
        return tie_key(self.annual_cost)


@dataclass(frozen=True)
class Step:
    """From one efficient point to the next dearer one: what it costs more a year and what it gives more.

    Options that cost the same and are equally good share a point (`cheaper`, `dearer`: project order)."""

    cheaper: tuple[str, ...]
    dearer: tuple[str, ...]
    extra_cost: float
    extra_quality: float

    @property
    def cost_per_point(self) -> float:
        """Euros a year per extra quality point (both differences are above 0 along the frontier)."""
        return self.extra_cost / self.extra_quality


@dataclass(frozen=True)
class ValueForMoney:
    """Every option's quality and cost, the efficient points from the cheapest to the dearest, and the steps."""

    options: tuple[OptionValue, ...]  # project order
    shares: dict[str, float]  # each quality criterion's share of the quality weight
    frontier: tuple[tuple[str, ...], ...]  # efficient points, cheapest first; tied options share one
    steps: tuple[Step, ...]
    cost_criteria: tuple[str, ...]  # the computed criteria switched on: in the total, left out of the quality
    quality_evaluation: Evaluation

    def option(self, option_id: str) -> OptionValue:
        return next(o for o in self.options if o.option_id == option_id)

    @property
    def scored(self) -> tuple[OptionValue, ...]:
        return tuple(o for o in self.options if o.scored)

    @property
    def unscored(self) -> tuple[OptionValue, ...]:
        return tuple(o for o in self.options if not o.scored)

    @cached_property
    def lines(self) -> dict[str, Lines]:
        """The quality as one quality weight runs 0→100 % of the quality weight (the others in proportion): the lines
        of the weight sensitivity, on the quality alone (none with a single quality criterion)."""
        evaluation = self.quality_evaluation
        if len(evaluation.shares) < 2:
            return {}
        matrix = _matrix(evaluation)
        return {c: _lines(evaluation, c, *matrix) for c in evaluation.shares}


def pair_flip(line: Lines, a: str, b: str) -> Flip | None:
    """Where two options' quality lines cross strictly inside 0–100 % of this criterion's share, by the weight
    sensitivity's rules (equal at either end, or up to rounding noise, is no crossing); None where they do not."""
    i, j = line.option_ids.index(a), line.option_ids.index(b)
    d0, d1 = line.others[i] - line.others[j], line.own[i] - line.own[j]
    if _same(line.others[i], line.others[j]) or _same(line.own[i], line.own[j]) or d0 * d1 >= 0:
        return None
    at = float(d0 / (d0 - d1))
    if not EPS < at < 1 - EPS:
        return None
    total = float((1.0 - at) * line.others[i] + at * line.own[i])
    return Flip(at, b, a, total) if d1 < d0 else Flip(at, a, b, total)


def quality_project(project: Project) -> Project:
    """A copy of the project with its computed (cost) criteria switched off: its total is the quality score."""
    changed = copy.copy(project)
    changed.criteria = [dataclasses.replace(c, enabled=False) if c.kind.computed else c for c in project.criteria]
    return changed


def value_for_money(project: Project, evaluation: Evaluation | None = None) -> ValueForMoney:
    """Quality against cost for the project as it is (its `evaluation`, when given, saves scoring it again);
    ModelError when no quality criterion counts (none switched on, or all weigh 0) or no option has every quality
    scored."""
    cost_criteria = tuple(c.id for c in project.enabled_criteria() if c.kind.computed)
    qualities = [c for c in project.enabled_criteria() if not c.kind.computed]
    if not qualities:
        raise ModelError(Message("no quality criterion is switched on, so quality cannot be set against cost;"
                                 " switch on at least one criterion that is not a cost"))
    if sum(c.weight for c in qualities) <= 0:
        raise ModelError(Message("every quality criterion that is switched on weighs 0, so quality cannot be set"
                                 " against cost; give one a weight"))
    evaluation = evaluate(quality_project(project)) if evaluation is None else _quality_of(project, evaluation)
    town = project.municipality
    found = []
    for option in project.options:
        cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
        missing = next((i.missing for i in evaluation.incomplete if i.option_id == option.id), None)
        if missing is not None:
            found.append(OptionValue(option.id, None, cost, cost / town.population, missing=missing))
            continue
        result = evaluation.result(option.id)
        found.append(OptionValue(option.id, result.total, cost, cost / town.population, result.cells))
    scored = [(o.option_id, o.cost_key, o.quality_key) for o in found if o.scored]
    beaten = {b: tuple(a for a, cost_a, quality_a in scored if cost_a <= cost_b and quality_a >= quality_b
                       and (cost_a < cost_b or quality_a > quality_b)) for b, cost_b, quality_b in scored}
    options = tuple(dataclasses.replace(o, efficient=not beaten[o.option_id], dominated_by=beaten[o.option_id])
                    if o.scored else o for o in found)
    frontier = _frontier([o for o in options if o.efficient])
    steps = tuple(_step(options, cheaper, dearer) for cheaper, dearer in zip(frontier, frontier[1:]))
    return ValueForMoney(options, dict(evaluation.shares), frontier, steps, cost_criteria, evaluation)


def _quality_of(project: Project, evaluation: Evaluation) -> Evaluation:
    """The quality evaluation made from the project's own: the same 0–100 values, the quality criteria's shares of
    their sum, ranked by the one tie rule — what scoring the project with its cost criteria switched off gives."""
    quality = [c for c in evaluation.shares if not project.criterion(c).kind.computed]
    weight = sum(evaluation.shares[c] for c in quality)
    shares = {c: evaluation.shares[c] / weight for c in quality}
    partial = []
    for result in evaluation.results:
        cells = tuple(Cell(c.criterion_id, c.raw, c.value, shares[c.criterion_id], shares[c.criterion_id] * c.value)
                      for c in result.cells if c.criterion_id in shares)
        partial.append((result, sum(c.contribution for c in cells), cells))
    ranks = rank_totals([total for _r, total, _c in partial])
    results = tuple(OptionResult(r.option_id, total, rank, tied, r.annual_cost, r.cost_per_inhabitant, cells)
                    for (r, total, cells), (rank, tied) in zip(partial, ranks))
    return Evaluation(results, shares, tuple(sorted(results, key=lambda r: r.rank)), evaluation.incomplete)


def _frontier(efficient: list[OptionValue]) -> tuple[tuple[str, ...], ...]:
    """The efficient options by cost (and so by quality), those that tie on both together, in project order."""
    points: dict[tuple[float, float], list[str]] = {}
    for option in efficient:
        points.setdefault((option.cost_key, option.quality_key), []).append(option.option_id)
    return tuple(tuple(points[key]) for key in sorted(points))


def _step(options: tuple[OptionValue, ...], cheaper: tuple[str, ...], dearer: tuple[str, ...]) -> Step:
    by_id = {o.option_id: o for o in options}
    low, high = by_id[cheaper[0]], by_id[dearer[0]]
    assert low.quality is not None and high.quality is not None
    return Step(cheaper, dearer, high.annual_cost - low.annual_cost, high.quality - low.quality)


def nearest_dominator(value: ValueForMoney, option_id: str) -> str | None:
    """The efficient option that beats this one and is best on quality (then cheapest, then first in the project):
    the one to name when saying why this option is not efficient."""
    option = value.option(option_id)
    candidates = [value.option(i) for i in option.dominated_by if value.option(i).efficient]
    if not candidates:
        return None
    order = {o.option_id: k for k, o in enumerate(value.options)}
    best = min(candidates, key=lambda o: (-o.quality_key, o.cost_key, order[o.option_id]))
    return best.option_id


def sets_value(project: Project) -> tuple[tuple[str, ValueForMoney | Message], ...]:
    """Every weight set's value for money (its weights on the qualities; the costs are the same for all), or why a
    set has none: (set id, result or reason), in the project's order."""
    found: list[tuple[str, ValueForMoney | Message]] = []
    for weight_set in project.weight_sets:
        try:
            found.append((weight_set.id, value_for_money(with_weights(project, weight_set.weights))))
        except ModelError as error:
            found.append((weight_set.id, error.message))
    return tuple(found)
