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
from .scoring import Evaluation, evaluate, tie_key

EPS = 1e-12
NOISE = 1e-9


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
    shared_with: tuple[str, ...] = ()  # the options that share first place with `leader` now

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
    """The straight lines T_i(w) for one enabled criterion.

    The total at weight 0 is the average over the other criteria with their own shares in proportion, summed
    directly (not recovered from the total), so weights as lopsided as 1e9 : 1e-5 : 3e-5 keep their ratio."""
    shares = evaluation.shares
    current = shares[criterion_id]
    option_ids = tuple(r.option_id for r in evaluation.results)
    own = np.array([r.cell(criterion_id).value for r in evaluation.results])
    others_ids = [c for c in shares if c != criterion_id]
    rest = sum(shares[c] for c in others_ids)
    if rest > 0:
        others = np.array([sum(shares[c] * r.cell(c).value for c in others_ids) / rest for r in evaluation.results])
    elif others_ids:  # the others weigh nothing: from here on they count equally
        others = np.array([np.mean([r.cell(c).value for c in others_ids]) for r in evaluation.results])
    else:
        others = own.copy()
    return Lines(criterion_id, option_ids, others, own, current)


def _same(a: float, b: float) -> bool:
    """Equal up to rounding noise: differences this small never make a flip (a 'flip at 0.0 %')."""
    return abs(a - b) <= NOISE * max(1.0, abs(a), abs(b))


def flips(line: Lines) -> list[Flip]:
    """Every weight in (0, 1) at which two options' totals cross, in increasing order."""
    found = []
    n = len(line.option_ids)
    for i in range(n):
        for j in range(i + 1, n):
            if _same(line.others[i], line.others[j]) or _same(line.own[i], line.own[j]):
                continue  # equal at 0 % or at 100 %: no change of order strictly inside
            d0 = line.others[i] - line.others[j]
            d1 = line.own[i] - line.own[j]
            if d0 * d1 >= 0:
                continue  # no sign change strictly inside
            at = d0 / (d0 - d1)
            if not EPS < at < 1 - EPS:
                continue
            above, below = (line.option_ids[i], line.option_ids[j]) if d1 > d0 else (line.option_ids[j],
                                                                                     line.option_ids[i])
            total = float(line.totals(at)[i])
            found.append(Flip(float(at), above, below, total))
    return sorted(found, key=lambda f: f.at)


def first_place_interval(line: Lines) -> Interval:
    """How far the weight can move either way while the current leader stays first.

    When options share first place now, all of them are leaders: if their lines part, any change of the
    weight gives first place to one of them alone (an interval of width 0, its rivals the leaders that go
    first with more and with less weight); if their lines are the same, they share first place together
    and the interval is where no other option overtakes them."""
    now = line.totals(line.current)
    best = tie_key(float(np.max(now)))
    leaders = [i for i in range(len(line.option_ids)) if tie_key(float(now[i])) == best]
    slopes = line.own - line.others
    ids = line.option_ids
    shared = tuple(ids[i] for i in leaders[1:])
    if len(leaders) > 1 and not all(_same(slopes[i], slopes[leaders[0]]) for i in leaders):
        up = max(leaders, key=lambda i: (slopes[i], -i))
        down = min(leaders, key=lambda i: (slopes[i], i))
        return Interval(line.criterion_id, ids[leaders[0]], float(line.current), float(line.current),
                        float(line.current), ids[down], ids[up], shared)
    leader = leaders[0]
    low, high = 0.0, 1.0
    lower_rival = upper_rival = None
    for j in range(len(line.option_ids)):
        if j in leaders:
            continue
        d0 = 0.0 if _same(line.others[leader], line.others[j]) else line.others[leader] - line.others[j]
        d1 = 0.0 if _same(line.own[leader], line.own[j]) else line.own[leader] - line.own[j]
        if abs(d0 - d1) <= EPS:
            continue
        at = d0 / (d0 - d1)
        if at < line.current - EPS and at > low and d0 < 0:
            low, lower_rival = at, line.option_ids[j]
        elif at > line.current + EPS and at < high and d1 < 0:
            high, upper_rival = at, line.option_ids[j]
    return Interval(line.criterion_id, line.option_ids[leader], float(line.current), float(max(0.0, low)),
                    float(min(1.0, high)), lower_rival, upper_rival, shared)


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
