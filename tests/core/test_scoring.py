"""Scoring as PRODUCT.md defines it, checked against hand calculations and the Haarlem case."""

import pytest

from ombudscompare.core.model import Criterion, CriterionKind, Direction, LocalText, Option, Project, Score
from ombudscompare.core.scoring import (
    ModelError,
    criterion_value,
    evaluate,
    linear_value,
    rank_totals,
    rounded_percentages,
    weight_shares,
)
from tests.synthetic import generated_project


def test_haarlem_totals_follow_from_the_computation(haarlem):
    evaluation = evaluate(haarlem)
    no, goma = evaluation.result("no"), evaluation.result("goma")
    # By hand: NO (0.5-0.19529)/0.5*100 = 60.94, 100, 100, 25, 100 → 77.19;
    # GOMA (0.5-0.27109)/0.5*100 = 45.78, 56.70, 50, 100, 50 → 60.50.
    assert no.total == pytest.approx(77.188, abs=1e-3)
    assert goma.total == pytest.approx(60.497, abs=1e-3)
    assert (no.rank, goma.rank) == (1, 2)
    assert not no.tied


def test_switched_off_criteria_do_not_count(haarlem):
    evaluation = evaluate(haarlem)
    assert set(evaluation.shares) == {
        "cost_per_inhabitant", "surcharge_per_extra_complaint", "independence", "local_involvement",
        "learning_capacity",
    }
    assert sum(evaluation.shares.values()) == pytest.approx(1.0)


def test_explanation_adds_up_to_the_total(haarlem):
    for result in evaluate(haarlem).results:
        assert sum(c.contribution for c in result.cells) == pytest.approx(result.total)
        for cell in result.cells:
            assert cell.contribution == pytest.approx(cell.share * cell.value)


def test_explanation_shows_raw_values(haarlem):
    goma = evaluate(haarlem).result("goma")
    assert goma.cell("surcharge_per_extra_complaint").raw == pytest.approx(432.97)
    assert goma.cell("surcharge_per_extra_complaint").value == pytest.approx(56.703)
    assert goma.cell("local_involvement").raw == 5
    assert goma.cell("cost_per_inhabitant").raw == pytest.approx(43297.29 / 159717)


@pytest.mark.parametrize(
    ("raw", "best", "worst", "expected"),
    [(0.0, 0.0, 0.5, 100.0), (0.5, 0.0, 0.5, 0.0), (0.25, 0.0, 0.5, 50.0), (0.9, 0.0, 0.5, 0.0),
     (-1.0, 0.0, 0.5, 100.0), (75, 100, 50, 50.0), (120, 100, 50, 100.0)],
)
def test_linear_value_between_reference_levels_clamped(raw, best, worst, expected):
    assert linear_value(raw, best, worst) == pytest.approx(expected)


@pytest.mark.parametrize(("score", "higher", "lower"), [(1, 0, 100), (2, 25, 75), (3, 50, 50), (5, 100, 0)])
def test_scale_maps_score_minus_one_over_four(score, higher, lower):
    up = Criterion("q", LocalText.both("Q"), CriterionKind.SCALE, Direction.HIGHER, weight=1)
    down = Criterion("r", LocalText.both("R"), CriterionKind.SCALE, Direction.LOWER, weight=1)
    assert criterion_value(up, score) == pytest.approx(higher)
    assert criterion_value(down, score) == pytest.approx(lower)


def test_weights_are_normalised_over_enabled_criteria(haarlem):
    for criterion in haarlem.criteria:
        criterion.weight *= 7.5
    assert evaluate(haarlem).result("no").total == pytest.approx(77.188, abs=1e-3)
    haarlem.criterion("independence").weight = 0
    shares = weight_shares(haarlem)
    assert shares["independence"] == 0
    assert shares["local_involvement"] == pytest.approx(0.25)


def test_all_zero_weights_cannot_be_scored(haarlem):
    for criterion in haarlem.criteria:
        criterion.weight = 0
    with pytest.raises(ModelError, match="zero"):
        evaluate(haarlem)


def test_an_option_without_a_score_is_not_ranked_and_nothing_is_guessed(haarlem):
    before = evaluate(haarlem).result("no").total
    del haarlem.scores[("goma", "independence")]
    evaluation = evaluate(haarlem)
    assert [r.option_id for r in evaluation.ranking()] == ["no"]
    assert evaluation.result("no").total == before
    (incomplete,) = evaluation.incomplete
    assert (incomplete.option_id, incomplete.missing) == ("goma", ("independence",))
    assert incomplete.annual_cost == pytest.approx(43297.29)


def test_when_no_option_is_fully_scored_the_project_says_so(haarlem):
    del haarlem.scores[("goma", "independence")]
    del haarlem.scores[("no", "learning_capacity")]
    with pytest.raises(ModelError, match="no option can be ranked yet.*National Ombudsman on Learning capacity"):
        evaluate(haarlem)


def _two_equal_options() -> Project:
    project = Project(criteria=[Criterion("q", LocalText.both("Q"), CriterionKind.SCALE, weight=1)])
    for option_id in ("a", "b", "c"):
        project.options.append(Option(option_id, LocalText.both(option_id)))
    project.scores = {
        ("a", "q"): Score("a", "q", 4), ("b", "q"): Score("b", "q", 4), ("c", "q"): Score("c", "q", 2),
    }
    return project


def test_ties_are_reported_as_ties():
    evaluation = evaluate(_two_equal_options())
    assert [(r.option_id, r.rank, r.tied) for r in evaluation.ranking()] == [
        ("a", 1, True), ("b", 1, True), ("c", 3, False),
    ]


def test_rank_totals_tolerates_rounding_noise():
    assert rank_totals([0.1 + 0.2, 0.3, 0.1]) == [(1, True), (1, True), (3, False)]


def test_any_size_project_scores_and_ranks():
    project = generated_project(17, 23, seed=3)
    evaluation = evaluate(project)
    assert len(evaluation.results) == 17
    totals = sorted((r.total for r in evaluation.results), reverse=True)
    assert [r.total for r in evaluation.ranking()] == totals
    assert all(0 <= r.total <= 100 for r in evaluation.results)


@pytest.mark.parametrize(
    ("shares", "expected"),
    [({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}, {"a": 33.4, "b": 33.3, "c": 33.3}),
     ({"a": 0.35, "b": 0.1625, "c": 0.1625, "d": 0.1625, "e": 0.1625},
      {"a": 35.0, "b": 16.3, "c": 16.3, "d": 16.2, "e": 16.2})],
)
def test_rounded_percentages_add_up_to_100(shares, expected):
    shown = rounded_percentages(shares, 1)
    assert shown == pytest.approx(expected)
    assert sum(shown.values()) == pytest.approx(100.0)
