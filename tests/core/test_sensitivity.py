"""Flip points and first-place intervals are exact: checked against re-scoring on a fine grid of weights."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ombudscompare.core.scoring import evaluate
from ombudscompare.core.sensitivity import weight_sensitivity
from ombudscompare.core.whatif import with_weight_shares
from tests.synthetic import generated_project

GRID = np.linspace(0.0, 1.0, 801)


def _scan(project, criterion_id):
    """Totals by the ordinary scoring path with the weight set as the command line sets it."""
    rows = []
    for w in GRID:
        evaluation = evaluate(with_weight_shares(project, {criterion_id: w * 100.0}))
        rows.append([evaluation.result(o.id).total for o in project.options])
    return np.array(rows)


def test_haarlem_local_involvement_flip(haarlem):
    result = weight_sensitivity(evaluate(haarlem))
    interval = result.intervals["local_involvement"]
    assert interval.leader == "no"
    assert interval.high == pytest.approx(0.34563, abs=1e-5)
    assert interval.upper_rival == "goma"
    assert [round(f.at, 5) for f in result.flips["local_involvement"]] == [0.34563]
    assert result.most_telling().criterion_id == "local_involvement"
    assert result.intervals["independence"].margin == float("inf")


@settings(max_examples=12)
@given(st.integers(0, 10_000), st.integers(2, 5), st.integers(2, 6))
def test_flips_and_intervals_match_a_scan(seed, n_options, n_criteria):
    project = generated_project(n_options, n_criteria, seed)
    evaluation = evaluate(project)
    result = weight_sensitivity(evaluation)
    ids = [o.id for o in project.options]
    for criterion_id, line in result.lines.items():
        scanned = _scan(project, criterion_id)
        assert line.totals(GRID) == pytest.approx(scanned, abs=1e-7)
        for flip in result.flips[criterion_id]:
            k = int(np.searchsorted(GRID, flip.at))
            i, j = ids.index(flip.above), ids.index(flip.below)
            before, after = scanned[max(k - 1, 0)], scanned[min(k, len(GRID) - 1)]
            assert before[i] - before[j] <= 1e-7 and after[i] - after[j] >= -1e-7
        crossings = sum(
            1 for i in range(len(ids)) for j in range(i + 1, len(ids))
            for k in range(len(GRID) - 1)
            if (scanned[k, i] - scanned[k, j]) * (scanned[k + 1, i] - scanned[k + 1, j]) < 0
        )
        assert crossings == len(result.flips[criterion_id])
        interval = result.intervals[criterion_id]
        leaders = np.argmax(scanned, axis=1)
        inside = (interval.low + 1e-3 < GRID) & (interval.high - 1e-3 > GRID)
        assert np.all(leaders[inside] == ids.index(interval.leader)) or np.any(
            np.isclose(np.sort(scanned[inside], axis=1)[:, -1], np.sort(scanned[inside], axis=1)[:, -2]))
        if interval.upper_rival is not None and interval.high < 1 - 2e-3:
            assert leaders[np.searchsorted(GRID, interval.high + 2e-3)] != ids.index(interval.leader)
