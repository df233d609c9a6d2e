"""Weight sets side by side: who chooses what, how close the sets are, a compromise; swings and orders.

Every set is evaluated exactly as the window's own weights are (scoring.evaluate on the project with the
set's weights), so a set's totals are the totals the window shows after switching to it.

Consensus: 1 − the mean distance between every two sets' shares, the distance being half the sum of the
absolute differences (the share of weight that would have to move from one set to make it the other; 0 for
equal sets, 1 for sets that weigh entirely different criteria).

Compromise: the mean of the sets' shares (every set counts once), evaluated like any set; besides it the
maximin option — the option whose lowest total over all sets is highest, i.e. the option no party rates
below that figure.

Weights by order only: all weightings consistent with an order (w₁ ≥ w₂ ≥ … ≥ wₖ) form a region of the
simplex; sorting a flat-Dirichlet draw in decreasing order samples that region uniformly (every ordering of
a symmetric draw is equally likely). Its centroid is the rank-order-centroid (ROC) weighting
wᵢ = (1/k)·Σ_{j=i..k} 1/j.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, Message
from .model import Criterion, Project, SwingAnswers, WeightSet
from .robustness import RankFrequencies, ranks, value_matrix
from .scoring import Evaluation, ModelError, evaluate
from .sensitivity import weight_sensitivity


def with_weights(project: Project, weights: dict[str, float]) -> Project:
    """A shallow copy of the project whose criteria carry these weights (0 for a criterion not in them)."""
    changed = copy.copy(project)
    changed.criteria = [dataclasses.replace(c, weight=float(weights.get(c.id, 0.0))) for c in project.criteria]
    return changed


def without_criterion(weight_set: WeightSet, criterion_id: str) -> WeightSet:
    """The set as it is once a criterion is removed from the project: its weight gone (from the swing answers and
    the order too); a swing set whose top swing it was becomes a set of the weights it has left."""
    if criterion_id not in weight_set.weights and criterion_id not in weight_set.order and (
            weight_set.swing is None or criterion_id not in (weight_set.swing.top, *weight_set.swing.points)):
        return weight_set
    weights = {c: w for c, w in weight_set.weights.items() if c != criterion_id}
    swing, method = weight_set.swing, weight_set.method
    if swing is not None:
        if swing.top == criterion_id:
            swing, method = None, "direct"
        else:
            swing = SwingAnswers(swing.top, {c: p for c, p in swing.points.items() if c != criterion_id},
                                 {c: v for c, v in swing.levels.items() if c != criterion_id})
    order = tuple(c for c in weight_set.order if c != criterion_id)
    return dataclasses.replace(weight_set, weights=weights, swing=swing, method=method, order=order)


def weighs_nothing(weight_set: WeightSet) -> bool:
    return not any(w > 0 for w in weight_set.weights.values())


def set_problem(project: Project, weight_set: WeightSet, enabled_only: bool = True) -> Message | None:
    """Why a set cannot be evaluated: it gives every switched-on criterion weight 0 (`enabled_only` False:
    every criterion at all, what a file may never hold)."""
    criteria = project.enabled_criteria() if enabled_only else project.criteria
    if sum(weight_set.weights.get(c.id, 0.0) for c in criteria) <= 0:
        if enabled_only:
            return Message("the weight set '{name}' gives every switched-on criterion weight 0", name=weight_set.name)
        return Message("the weight set '{name}' gives every criterion weight 0", name=weight_set.name)
    return None


def matches_current(project: Project, weight_set: WeightSet) -> bool:
    """Whether the window's weights now are this set's (the same shares of the switched-on criteria)."""
    enabled = project.enabled_criteria()
    ours = sum(c.weight for c in enabled)
    theirs = sum(weight_set.weights.get(c.id, 0.0) for c in enabled)
    if ours <= 0 or theirs <= 0:
        return False
    return all(abs(c.weight / ours - weight_set.weights.get(c.id, 0.0) / theirs) <= 1e-9 for c in enabled)


@dataclass(frozen=True)
class SetResult:
    """One set evaluated: its shares, the full evaluation, its winner(s) and how safe the win is.

    `margin` is the smallest change of one weight (as a share, 0–1) that changes first place, on criterion
    `margin_criterion`, after which `rival` leads (inf and None when no single weight can change it)."""

    set_id: str
    name: str
    note: str
    shares: dict[str, float]
    evaluation: Evaluation
    winners: tuple[str, ...]
    margin: float
    margin_criterion: str | None
    rival: str | None

    def total(self, option_id: str) -> float | None:
        for result in self.evaluation.results:
            if result.option_id == option_id:
                return result.total
        return None

    def rank(self, option_id: str) -> int | None:
        for result in self.evaluation.results:
            if result.option_id == option_id:
                return result.rank
        return None


def evaluate_set(project: Project, weight_set: WeightSet) -> SetResult:
    problem = set_problem(project, weight_set)
    if problem is not None:
        raise ModelError(problem)
    evaluation = evaluate(with_weights(project, weight_set.weights))
    winners = tuple(r.option_id for r in evaluation.results if r.rank == 1)
    telling = weight_sensitivity(evaluation).most_telling()
    if telling is None:
        margin, criterion, rival = float("inf"), None, None
    else:
        margin, criterion = telling.margin, telling.criterion_id
        below = telling.current - telling.low if telling.lower_rival is not None else float("inf")
        above = telling.high - telling.current if telling.upper_rival is not None else float("inf")
        rival = telling.lower_rival if below <= above else telling.upper_rival
    return SetResult(weight_set.id, weight_set.name, weight_set.note, dict(evaluation.shares), evaluation, winners,
                     margin, criterion, rival)


@dataclass(frozen=True)
class SetsComparison:
    """Every set's result, how alike the sets are, and the compromise."""

    criteria: tuple[str, ...]
    results: tuple[SetResult, ...]
    distances: np.ndarray  # sets × sets, half the L1 distance of the shares
    consensus: float
    compromise: SetResult
    maximin_option: str | None
    maximin_total: float
    unusable: tuple[tuple[str, Message], ...] = ()  # sets that weigh no switched-on criterion, and why

    def winners_agree(self) -> bool:
        return len({r.winners for r in self.results}) <= 1


def compare_sets(project: Project, sets: list[WeightSet] | None = None) -> SetsComparison:
    """All (or the given) sets evaluated side by side; raises ModelError for a set that cannot be."""
    sets = project.weight_sets if sets is None else sets
    if not sets:
        raise ModelError(Message("the project has no weight sets yet"))
    unusable = tuple((s.id, problem) for s in sets if (problem := set_problem(project, s)) is not None)
    if len(unusable) == len(sets):
        raise ModelError(unusable[0][1])
    results = tuple(evaluate_set(project, s) for s in sets if s.id not in dict(unusable))
    criteria = tuple(c.id for c in project.enabled_criteria())
    matrix = np.array([[r.shares.get(c, 0.0) for c in criteria] for r in results])
    distances = 0.5 * np.abs(matrix[:, None, :] - matrix[None, :, :]).sum(axis=2)
    n = len(results)
    consensus = 1.0 - (float(distances[np.triu_indices(n, 1)].mean()) if n > 1 else 0.0)
    mean = matrix.mean(axis=0)
    compromise = evaluate_set(project, WeightSet("compromise", "", {c: float(w) for c, w in zip(criteria, mean)}))
    lowest: dict[str, float] = {}
    for result in results:
        for option in result.evaluation.results:
            lowest[option.option_id] = min(lowest.get(option.option_id, float("inf")), option.total)
    ranked = [o.id for o in project.options if o.id in lowest and all(o.id in
                                                                      {x.option_id for x in r.evaluation.results}
                                                                      for r in results)]
    maximin = max(ranked, key=lambda o: lowest[o], default=None)
    return SetsComparison(criteria, results, distances, consensus, compromise, maximin,
                          lowest[maximin] if maximin is not None else float("nan"), unusable)


CONSENSUS_WORDS = ((0.9, N_("very close together")), (0.75, N_("close together")), (0.5, N_("some way apart")),
                   (0.0, N_("far apart")))


def consensus_words(consensus: float) -> str:
    """The consensus figure in words (an English message id)."""
    return next(words for floor, words in CONSENSUS_WORDS if consensus >= floor)


# Swing weighting -----------------------------------------------------------------------------------------


def swing_levels(criterion: Criterion) -> tuple[float, float]:
    """(best, worst): the swing a question is about, from worst to best."""
    return criterion.reference_levels()


def swing_problem(project: Project, answers: SwingAnswers) -> Message | None:
    """Why swing answers cannot give weights: an unknown criterion, points outside 0–100, or a top swing
    that does not have 100 points."""
    known = {c.id for c in project.criteria}
    for criterion_id in (answers.top, *answers.points):
        if criterion_id not in known:
            return Message("the swing answers name criterion '{id}', which the project does not have", id=criterion_id)
    for criterion_id, points in answers.points.items():
        if not 0 <= points <= 100:
            return Message("the swing of '{id}' has {points} points; give 0 to 100", id=criterion_id, points=points)
    if answers.points.get(answers.top) != 100:
        return Message("the swing that matters most ('{id}') must have 100 points", id=answers.top)
    return None


def swing_weights(answers: SwingAnswers) -> dict[str, float]:
    """Weights from swing points: each criterion weighs its points (100 for the swing that matters most).

    Because every criterion's value runs 0–100 between exactly the worst and best reference levels asked
    about, a swing worth p points relative to the top swing is worth p/100 of its weight."""
    return {criterion_id: float(points) for criterion_id, points in answers.points.items()}


def swing_outdated(project: Project, answers: SwingAnswers) -> list[str]:
    """The criteria whose reference levels changed since the swings were answered (the answers then
    described different swings), or that are gone."""
    outdated = []
    for criterion_id, levels in answers.levels.items():
        try:
            criterion = project.criterion(criterion_id)
        except KeyError:
            outdated.append(criterion_id)
            continue
        if tuple(swing_levels(criterion)) != tuple(levels):
            outdated.append(criterion_id)
    return outdated


# Weights by order only -----------------------------------------------------------------------------------


def order_problem(project: Project, order: tuple[str, ...] | list[str], complete: bool = True) -> Message | None:
    """Why an order cannot be used: a criterion twice (the order would go round in a circle), an unknown
    criterion, or (`complete`) a switched-off criterion in it or a switched-on one left out."""
    seen: set[str] = set()
    known = {c.id for c in project.criteria}
    enabled = [c.id for c in project.enabled_criteria()]
    for criterion_id in order:
        if criterion_id in seen:
            return Message("'{id}' appears twice in the order: it cannot weigh both more and less than the criteria"
                           " between (a cycle)", id=criterion_id)
        seen.add(criterion_id)
        if criterion_id not in known:
            return Message("the order names criterion '{id}', which the project does not have", id=criterion_id)
        if complete and criterion_id not in enabled:
            return Message("the order names '{id}', which is switched off", id=criterion_id)
    missing = [c for c in enabled if c not in seen]
    if complete and missing:
        return Message("the order leaves out {ids}; place every switched-on criterion", ids=", ".join(missing))
    return None


def roc_weights(order: tuple[str, ...] | list[str]) -> dict[str, float]:
    """Rank-order-centroid weights (summing to 100) for criteria in decreasing order of importance."""
    k = len(order)
    return {criterion_id: 100.0 / k * sum(1.0 / j for j in range(i + 1, k + 1)) for i, criterion_id in
            enumerate(order)}


def sample_ordered(k: int, samples: int, rng: np.random.Generator) -> np.ndarray:
    """samples × k shares, uniform over {w₁ ≥ w₂ ≥ … ≥ wₖ ≥ 0, Σw = 1}: flat Dirichlet draws, sorted."""
    draws = rng.dirichlet(np.ones(k), size=samples)
    result: np.ndarray = -np.sort(-draws, axis=1)
    return result


def order_frequencies(evaluation: Evaluation, order: tuple[str, ...] | list[str], samples: int = 10_000,
                      seed: int = 2018) -> RankFrequencies:
    """How often each option ranks first, second, … over all weightings consistent with the order."""
    options, criteria, values, _shares = value_matrix(evaluation)
    position = {c: i for i, c in enumerate(order)}
    sorted_shares = sample_ordered(len(order), samples, np.random.default_rng(seed))
    weights = sorted_shares[:, [position[c] for c in criteria]]
    sample_ranks = ranks(weights @ values.T)
    n = len(options)
    counts = np.zeros((n, n))
    for k in range(n):
        counts[:, k] = (sample_ranks == k + 1).sum(axis=0)
    return RankFrequencies(options, counts / samples, samples, seed, None)
