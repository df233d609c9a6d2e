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
