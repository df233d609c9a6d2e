"""Monte Carlo rank frequencies equal a slow, independent count on the same weight samples."""

import numpy as np
import pytest

from ombudscompare.core.robustness import rank_frequencies, sample_weights, value_matrix
from ombudscompare.core.scoring import evaluate, rank_totals
from tests.synthetic import generated_project


def _slow(project, samples, seed, spread):
    """Score the project once per sample through the ordinary scoring, rank with rank_totals."""
    evaluation = evaluate(project)
    options, criteria, _values, shares = value_matrix(evaluation)
    weights = sample_weights(shares, samples, seed, spread)
    counts = np.zeros((len(options), len(options)))
    for row in weights:
        for criterion_id, w in zip(criteria, row):
            project.criterion(criterion_id).weight = float(w)
        totals = [r.total for r in evaluate(project).results]
        for i, (rank, _tied) in enumerate(rank_totals(totals)):
            counts[i, rank - 1] += 1
    return counts / samples


@pytest.mark.parametrize(("n_options", "n_criteria", "spread"), [(2, 3, None), (4, 5, None), (3, 6, 10.0), (5, 4, 25.0)])
def test_matches_a_slow_count(n_options, n_criteria, spread):
    project = generated_project(n_options, n_criteria, seed=n_options * 10 + n_criteria)
    fast = rank_frequencies(evaluate(project), 400, seed=11, spread=spread)
    slow = _slow(project, 400, 11, spread)
    assert fast.shares == pytest.approx(slow, abs=1e-12)


def test_seeded_and_reproducible(haarlem):
    first = rank_frequencies(evaluate(haarlem), 5000, seed=3)
    again = rank_frequencies(evaluate(haarlem), 5000, seed=3)
    other = rank_frequencies(evaluate(haarlem), 5000, seed=4)
    assert np.array_equal(first.shares, again.shares)
    assert not np.array_equal(first.shares, other.shares)
    assert first.shares.sum(axis=1) == pytest.approx(1.0)


def test_uniform_samples_cover_the_simplex():
    weights = sample_weights(np.full(4, 0.25), 20_000, seed=1)
    assert weights.sum(axis=1) == pytest.approx(1.0)
    assert weights.mean(axis=0) == pytest.approx(0.25, abs=0.01)
    assert weights.min() >= 0


def test_spread_stays_near_the_current_weights():
    shares = np.array([0.5, 0.3, 0.2])
    weights = sample_weights(shares, 5000, seed=2, spread=5)
    assert np.all(np.abs(weights - shares) < 0.12)


def test_haarlem_is_robust_near_the_current_weights(haarlem):
    near = rank_frequencies(evaluate(haarlem), 20_000, seed=2018, spread=10)
    assert near.first("no") > 0.95


def _peak_mib(run) -> float:
    """The most memory Python and NumPy held at once while `run` ran (NumPy reports to tracemalloc)."""
    import tracemalloc

    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("with_ranges", [False, True])
def test_many_samples_take_bounded_memory_and_give_the_same_figures(with_ranges):
    """Issue 20.11: 'ombudscompare sensitivity --samples 10000000' (within its limit) held every sample at once and
    ended in MemoryError. Drawn and ranked a chunk at a time, a million samples of 8 options × 12 criteria stay
    under 100 MiB whatever the count (27 MiB, 68 with a range; they took 337 and 192 MiB, growing with the count),
    and the figures are exactly those of drawing them all at once."""
    from ombudscompare.core.model import InputRange
    from ombudscompare.core.robustness import ranks, sample_weights, value_matrix
    from ombudscompare.core.uncertainty import analyse
    from tests.synthetic import generated_project

    project = generated_project(8, 12, seed=5)
    if with_ranges:
        project.ranges = [InputRange(("population",), 1_000, 900_000)]
    evaluation = evaluate(project)
    samples = 1_000_000
    found = []
    peak = _peak_mib(lambda: found.append(analyse(project, evaluation, samples, 7, 10.0).frequencies if with_ranges
                                          else rank_frequencies(evaluation, samples, 7, 10.0)))
    assert peak < 100, f"{peak:.0f} MiB"
    if not with_ranges:
        options, _criteria, values, shares = value_matrix(evaluation)
        all_at_once = ranks(sample_weights(shares, samples, 7, 10.0) @ values.T)
        expected = np.array([[(all_at_once[:, i] == k + 1).sum() for k in range(len(options))]
                             for i in range(len(options))]) / samples
        assert np.array_equal(found[0].shares, expected)
