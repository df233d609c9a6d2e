"""Weight sensitivity: totals as one weight runs 0→100 % (the others keeping their proportions),
the exact weights where the ranking changes, and how far each weight can move before first place changes.

With the other weights in proportion, every total is linear in the one weight w:
T_i(w) = (1 − w)·A_i + w·V_i, where V_i is the option's 0–100 value on the criterion and A_i its
weighted average over the other criteria. Two lines meet at most once, so every flip is exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
    return _lines(evaluation, criterion_id, *_matrix(evaluation))


def _matrix(evaluation: Evaluation) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The enabled criteria, their shares and every option's 0–100 value on them (options × criteria)."""
    ids = list(evaluation.shares)
    shares = np.array([evaluation.shares[c] for c in ids], float)
    values = np.array([[r.cell(c).value for c in ids] for r in evaluation.results], float).reshape(
        len(evaluation.results), len(ids))
    return ids, shares, values


def _lines(evaluation: Evaluation, criterion_id: str, ids: list[str], shares: np.ndarray,
           values: np.ndarray) -> Lines:
    k = ids.index(criterion_id)
    current = evaluation.shares[criterion_id]
    option_ids = tuple(r.option_id for r in evaluation.results)
    own = values[:, k].copy()
    mask = np.arange(len(ids)) != k
    rest = float(np.sum(shares[mask]))
    if rest > 0:
        others = values[:, mask] @ shares[mask] / rest
    elif mask.any():  # the others weigh nothing: from here on they count equally
        others = values[:, mask].mean(axis=1)
    else:
        others = own.copy()
    return Lines(criterion_id, option_ids, others, own, current)


def _same(a: float, b: float) -> bool:
    """Equal up to rounding noise: differences this small never make a flip (a 'flip at 0.0 %')."""
    return abs(a - b) <= NOISE * max(1.0, abs(a), abs(b))


def _crossings(line: Lines) -> tuple[np.ndarray, ...]:
    """Every crossing of two options' lines in (0, 1) as arrays: weight, first and second option, whether the
    second overtakes the first there, and the total at the crossing."""
    others, own = line.others, line.own

    def same(v: np.ndarray) -> np.ndarray:  # _same for every pair
        a, b = v[:, None], v[None, :]
        result: np.ndarray = np.abs(a - b) <= NOISE * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
        return result

    d0 = others[:, None] - others[None, :]
    d1 = own[:, None] - own[None, :]
    # equal at 0 % or at 100 % is no change of order strictly inside; nor is a difference keeping its sign
    first, second = np.nonzero(np.triu(~same(others) & ~same(own) & (d0 * d1 < 0), 1))
    a, b = d0[first, second], d1[first, second]
    at = a / (a - b)
    inside = (at > EPS) & (at < 1 - EPS)
    first, second, a, b, at = first[inside], second[inside], a[inside], b[inside], at[inside]
    total = (1.0 - at) * others[first] + at * own[first]
    order = np.argsort(at, kind="stable")
    return at[order], first[order], second[order], (b > a)[order], total[order]


def _flips(line: Lines, at: np.ndarray, first: np.ndarray, second: np.ndarray, up: np.ndarray,
           total: np.ndarray) -> list[Flip]:
    ids = line.option_ids
    return [Flip(w, ids[i] if u else ids[j], ids[j] if u else ids[i], t)
            for w, i, j, u, t in zip(at.tolist(), first.tolist(), second.tolist(), up.tolist(), total.tolist())]


def flips(line: Lines) -> list[Flip]:
    """Every weight in (0, 1) at which two options' totals cross, in increasing order (all pairs at once)."""
    return _flips(line, *_crossings(line))


def first_place_flips(line: Lines, found: list[Flip] | None = None) -> list[Flip]:
    """The flips at which first place changes hands: both options that swap are first there (found among `found`,
    or among every crossing, without making the others)."""
    if found is None:
        at, first, second, up, total = _crossings(line)
        if not at.size:
            return []
        best = line.totals(at).max(axis=1)
        near = np.nonzero(total >= best - 1e-6)[0]  # then the tie rule, as everywhere, on the few left
        keep = np.array([k for k in near.tolist() if tie_key(float(total[k])) == tie_key(float(best[k]))], int)
        return _flips(line, at[keep], first[keep], second[keep], up[keep], total[keep])
    if not found:
        return []
    best = line.totals(np.array([f.at for f in found])).max(axis=1)
    return [f for f, top in zip(found, best) if f.total >= top - 1e-6 and tie_key(f.total) == tie_key(float(top))]


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


class LazyFlips(Mapping[str, list[Flip]]):
    """Every criterion's flips, each list made when first asked for: with 30 options a criterion has hundreds of
    crossings, and most views only want where first place changes (first_place_flips)."""

    def __init__(self, lines: dict[str, Lines]):
        self._lines = lines
        self._made: dict[str, list[Flip]] = {}

    def __getitem__(self, criterion_id: str) -> list[Flip]:
        if criterion_id not in self._made:
            self._made[criterion_id] = flips(self._lines[criterion_id])
        return self._made[criterion_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@dataclass(frozen=True)
class WeightSensitivity:
    """Lines, flips and the first-place interval for every enabled criterion."""

    lines: dict[str, Lines]
    flips: Mapping[str, list[Flip]]
    intervals: dict[str, Interval]

    def most_telling(self) -> Interval | None:
        """The criterion whose weight needs the smallest change to change first place."""
        candidates = [i for i in self.intervals.values() if i.margin != float("inf")]
        return min(candidates, key=lambda i: i.margin) if candidates else None


def weight_sensitivity(evaluation: Evaluation) -> WeightSensitivity:
    """Per enabled criterion; with a single criterion switched on there is no weight to move."""
    criteria = list(evaluation.shares) if len(evaluation.shares) > 1 else []
    matrix = _matrix(evaluation)
    all_lines = {c: _lines(evaluation, c, *matrix) for c in criteria}
    return WeightSensitivity(all_lines, LazyFlips(all_lines),
                             {c: first_place_interval(line) for c, line in all_lines.items()})


def analyse(project: Project) -> WeightSensitivity:
    return weight_sensitivity(evaluate(project))
