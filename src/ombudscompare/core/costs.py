"""Cost analysis: exact break-even points against complaints and population, and the multi-year view.

Every tariff is piecewise linear in the number of complaints (one kink where the included
complaints run out) and linear in the population, so crossings are found by solving a linear
equation on each piece — no scanning.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Option, Project, Tariff
from .tariff import annual_cost

EPS = 1e-9


@dataclass(frozen=True)
class Crossing:
    """Where two options' cost lines meet: at `at` (complaints or inhabitants) both cost `cost`.

    `cheaper_after` is the option that is cheaper just beyond the point, decided on the right-hand side
    (None where the lines coincide from the point on). `kind` says what happens there: "cross" (the
    other option is cheaper beyond it than before it), "touch" (the lines meet at a kink and the same
    option stays cheaper) or "join" (from here on both cost the same).
    """

    first: str
    second: str
    at: float
    cost: float
    cheaper_after: str | None
    kind: str = "cross"


@dataclass(frozen=True)
class Overlap:
    """Two options cost exactly the same over a whole stretch [start, end] (end may be infinite)."""

    first: str
    second: str
    start: float
    end: float


def _complaint_kinks(tariff: Tariff) -> list[float]:
    return [tariff.included_complaints] if tariff.surcharge and tariff.included_complaints > 0 else []


def _linear_on(tariff: Tariff, population: float, start: float, end: float) -> tuple[float, float]:
    """(intercept, slope) of cost against complaints on [start, end], a stretch without a kink."""
    middle = start + 1.0 if end == float("inf") else (start + end) / 2.0
    slope = tariff.per_complaint + (tariff.surcharge if middle > tariff.included_complaints else 0.0)
    return annual_cost(tariff, population, middle) - slope * middle, slope


def complaint_crossings(a: Option, b: Option, population: float) -> tuple[list[Crossing], list[Overlap]]:
    """Every number of complaints ≥ 0 at which the two options cost the same, at this population."""
    kinks = sorted({0.0, *_complaint_kinks(a.tariff), *_complaint_kinks(b.tariff)})
    edges = kinks + [float("inf")]
    pieces = []  # (start, end, difference in intercept, difference in slope) of cost a − cost b
    overlaps: list[Overlap] = []
    for start, end in zip(edges[:-1], edges[1:]):
        ia, sa = _linear_on(a.tariff, population, start, end)
        ib, sb = _linear_on(b.tariff, population, start, end)
        d_intercept, d_slope = ia - ib, sa - sb
        equal = abs(d_slope) <= EPS and abs(d_intercept) <= EPS * max(1.0, abs(ia))
        if equal:
            overlaps.append(Overlap(a.id, b.id, start, end))
        pieces.append((start, end, d_intercept, 0.0 if abs(d_slope) <= EPS else d_slope, equal))
    points: list[float] = []
    for start, end, d_intercept, d_slope, equal in pieces:
        if equal or d_slope == 0.0:
            continue
        at = -d_intercept / d_slope
        tolerance = 1e-9 * max(1.0, abs(at))
        if start - tolerance <= at <= end + tolerance:
            at = max(at, start)
            if not any(abs(p - at) <= 1e-7 * max(1.0, at) for p in points):
                points.append(at)
    for overlap in _merge(overlaps):  # where the lines join after differing, that point counts too
        if overlap.start > 0 and not any(abs(p - overlap.start) <= 1e-7 * max(1.0, overlap.start) for p in points):
            points.append(overlap.start)
    crossings = [_crossing_at(a, b, population, at, pieces) for at in sorted(points)]
    return crossings, _merge(overlaps)


def _crossing_at(a: Option, b: Option, population: float, at: float,
                 pieces: list[tuple[float, float, float, float, bool]]) -> Crossing:
    """What happens where the two lines meet: decided from the slopes of the pieces on either side."""
    tolerance = 1e-9 * max(1.0, at)

    def piece(x: float) -> tuple[float, float, float, float, bool]:
        return next(p for p in pieces if p[0] <= x < p[1])

    right = piece(at + tolerance)
    left = piece(at - tolerance) if at - tolerance > 0 else None
    cost = annual_cost(a.tariff, population, at)
    after = 0 if right[4] else (1 if right[3] > 0 else -1)  # sign of cost a − cost b just beyond the point
    before = None if left is None else (0 if left[4] else (-1 if left[3] > 0 else 1))
    if after == 0:
        return Crossing(a.id, b.id, at, cost, None, "join")
    cheaper = a.id if after < 0 else b.id
    return Crossing(a.id, b.id, at, cost, cheaper, "touch" if before == after else "cross")


def population_crossing(a: Option, b: Option, complaints: float) -> Crossing | Overlap | None:
    """The population > 0 at which the two options cost the same at this number of complaints (equal at 0
    inhabitants only is no break-even: a municipality has at least one, and beyond 0 one of them is cheaper)."""
    ia = annual_cost(a.tariff, 0.0, complaints)
    ib = annual_cost(b.tariff, 0.0, complaints)
    d_intercept, d_slope = ia - ib, a.tariff.per_inhabitant - b.tariff.per_inhabitant
    if abs(d_slope) <= EPS:
        if abs(d_intercept) <= EPS * max(1.0, abs(ia)):
            return Overlap(a.id, b.id, 0.0, float("inf"))
        return None
    at = -d_intercept / d_slope
    if at <= 0:
        return None
    return Crossing(a.id, b.id, at, ia + a.tariff.per_inhabitant * at, a.id if d_slope < 0 else b.id)


def _merge(overlaps: list[Overlap]) -> list[Overlap]:
    merged: list[Overlap] = []
    for item in overlaps:
        if merged and abs(merged[-1].end - item.start) <= EPS:
            merged[-1] = Overlap(item.first, item.second, merged[-1].start, item.end)
        else:
            merged.append(item)
    return merged


@dataclass(frozen=True)
class PairCosts:
    """Everything about the costs of two options: crossings against complaints and against population."""

    first: str
    second: str
    complaint_crossings: tuple[Crossing, ...]
    complaint_overlaps: tuple[Overlap, ...]
    population_crossing: Crossing | Overlap | None
    cheaper_now: str | None


def pair_costs(project: Project) -> list[PairCosts]:
    """For every pair of options (in project order) their break-even points at the present figures."""
    town = project.municipality
    result = []
    options = project.options
    for i, a in enumerate(options):
        for b in options[i + 1:]:
            crossings, overlaps = complaint_crossings(a, b, town.population)
            cost_a = annual_cost(a.tariff, town.population, town.complaints_per_year)
            cost_b = annual_cost(b.tariff, town.population, town.complaints_per_year)
            cheaper = None if abs(cost_a - cost_b) <= EPS * max(1.0, cost_a) else (a.id if cost_a < cost_b else b.id)
            result.append(PairCosts(a.id, b.id, tuple(crossings), tuple(overlaps),
                                    population_crossing(a, b, town.complaints_per_year), cheaper))
    return result


@dataclass(frozen=True)
class MultiYear:
    """Each option's cost per year over the horizon (with its indexation) and the cumulative total."""

    years: tuple[int, ...]
    costs: dict[str, tuple[float, ...]]

    def total(self, option_id: str) -> float:
        return sum(self.costs[option_id])


def multi_year(project: Project, horizon: int = 4) -> MultiYear:
    """Costs from the reference year on, for `horizon` years (a council term by default)."""
    town = project.municipality
    years = tuple(town.reference_year + k for k in range(horizon))
    costs = {}
    for option in project.options:
        base = annual_cost(option.tariff, town.population, town.complaints_per_year)
        factor = 1.0 + option.tariff.indexation_percent / 100.0
        costs[option.id] = tuple(base * factor**k for k in range(horizon))
    return MultiYear(years, costs)
