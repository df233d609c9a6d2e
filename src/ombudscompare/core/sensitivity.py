"""Weight sensitivity: totals as one weight runs 0→100 % (the others keeping their proportions),
the exact weights where the ranking changes, and how far each weight can move before first place changes.

With the other weights in proportion, every total is linear in the one weight w:
T_i(w) = (1 − w)·A_i + w·V_i, where V_i is the option's 0–100 value on the criterion and A_i its
weighted average over the other criteria. Two lines meet at most once, so every flip is exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Project
from .scoring import Evaluation, evaluate

EPS = 1e-12


@dataclass(frozen=True)
class Lines:
    """For one criterion: each option's total at weight 0 (`others`) and at weight 1 (`own`)."""

    criterion_id: str
    option_ids: tuple[str, ...]
    others: np.ndarray
    own: np.ndarray
    current: float

    def totals(self, weight: float | np.ndarray) -> np.ndarray:
        """Totals (options along the last axis) at one weight or an array of weights (0–1)."""
        w = np.asarray(weight, float)[..., None]
        result: np.ndarray = (1.0 - w) * self.others + w * self.own
        return result


@dataclass(frozen=True)
class Flip:
    """At weight `at` (0–1) options `above` and `below` swap: beyond it `above` scores higher."""

    at: float
    above: str
    below: str
    total: float


@dataclass(frozen=True)
class Interval:
    """Within [low, high] (0–1) of this criterion's weight, `leader` stays first.

    `lower_rival` / `upper_rival` take first place just outside (None where the bound is 0 or 1
    without a change).
    """

    criterion_id: str
    leader: str
    current: float
    low: float
    high: float
    lower_rival: str | None
    upper_rival: str | None

    @property
    def margin(self) -> float:
        """The smallest change of this weight (in share, 0–1) that changes first place; inf if none."""
        distances = []
        if self.lower_rival is not None:
            distances.append(self.current - self.low)
        if self.upper_rival is not None:
            distances.append(self.high - self.current)
        return min(distances) if distances else float("inf")


def lines(evaluation: Evaluation, criterion_id: str) -> Lines:
    """The straight lines T_i(w) for one enabled criterion."""
    shares = evaluation.shares
    current = shares[criterion_id]
    option_ids = tuple(r.option_id for r in evaluation.results)
    own = np.array([r.cell(criterion_id).value for r in evaluation.results])
    rest = 1.0 - current
    if rest > EPS:
        others = np.array([(r.total - current * r.cell(criterion_id).value) / rest for r in evaluation.results])
    else:  # the only weight: the others count equally from here on
        others_ids = [c for c in shares if c != criterion_id]
        if others_ids:
            others = np.array([np.mean([r.cell(c).value for c in others_ids]) for r in evaluation.results])
        else:
            others = own.copy()
    return Lines(criterion_id, option_ids, others, own, current)


def flips(line: Lines) -> list[Flip]:
    """Every weight in (0, 1) at which two options' totals cross, in increasing order."""
    found = []
    n = len(line.option_ids)
    for i in range(n):
        for j in range(i + 1, n):
            d0 = line.others[i] - line.others[j]
            d1 = line.own[i] - line.own[j]
            if abs(d0 - d1) <= EPS or d0 * d1 >= 0:
                continue  # parallel, or no sign change strictly inside
            at = d0 / (d0 - d1)
            if not EPS < at < 1 - EPS:
                continue
            above, below = (line.option_ids[i], line.option_ids[j]) if d1 > d0 else (line.option_ids[j],
                                                                                     line.option_ids[i])
            total = float(line.totals(at)[i])
            found.append(Flip(float(at), above, below, total))
    return sorted(found, key=lambda f: f.at)


def first_place_interval(line: Lines) -> Interval:
    """How far the weight can move either way while the current leader stays first."""
    now = line.totals(line.current)
    leader = int(np.argmax(now))
    low, high = 0.0, 1.0
    lower_rival = upper_rival = None
    for j in range(len(line.option_ids)):
        if j == leader:
            continue
        d0 = line.others[leader] - line.others[j]
        d1 = line.own[leader] - line.own[j]
        if abs(d0 - d1) <= EPS:
            continue
        at = d0 / (d0 - d1)
        if at < line.current - EPS and at > low and d0 < 0:
            low, lower_rival = at, line.option_ids[j]
        elif at > line.current + EPS and at < high and d1 < 0:
            high, upper_rival = at, line.option_ids[j]
    return Interval(line.criterion_id, line.option_ids[leader], float(line.current), float(max(0.0, low)),
                    float(min(1.0, high)), lower_rival, upper_rival)


@dataclass(frozen=True)
class WeightSensitivity:
    """Lines, flips and the first-place interval for every enabled criterion."""

    lines: dict[str, Lines]
    flips: dict[str, list[Flip]]
    intervals: dict[str, Interval]

    def most_telling(self) -> Interval | None:
        """The criterion whose weight needs the smallest change to change first place."""
        candidates = [i for i in self.intervals.values() if i.margin != float("inf")]
        return min(candidates, key=lambda i: i.margin) if candidates else None


def weight_sensitivity(evaluation: Evaluation) -> WeightSensitivity:
    """Per enabled criterion; with a single criterion switched on there is no weight to move."""
    criteria = list(evaluation.shares) if len(evaluation.shares) > 1 else []
    all_lines = {c: lines(evaluation, c) for c in criteria}
    return WeightSensitivity(
        all_lines,
        {c: flips(line) for c, line in all_lines.items()},
        {c: first_place_interval(line) for c, line in all_lines.items()},
    )


def analyse(project: Project) -> WeightSensitivity:
    return weight_sensitivity(evaluate(project))
