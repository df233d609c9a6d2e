"""Sentences and figures at the edges: shared first place, rounding noise, lopsided weights, near-ties, and
numbers shown beside each other that must agree."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombudscompare.core.model import Criterion, CriterionKind, LocalText, Municipality, Option, Project, Score
from ombudscompare.core.scoring import evaluate, rank_totals
from ombudscompare.core.sensitivity import Lines, first_place_interval, flips, lines, weight_sensitivity
from ombudscompare.explain.sentences import interval_sentence
from ombudscompare.explain.tables import explanation_table, intervals_table, ranking_table, weights_table
from ombudscompare.explain.values import annual_cost_formula, conclusion


def scale_project(scores: dict[str, tuple[int, ...]], weights: tuple[float, ...]) -> Project:
    """Options scored 1–5 on scale criteria c0, c1, … with these weights."""
    project = Project(municipality=Municipality("Stad", 10_000, 10))
    for index, weight in enumerate(weights):
        project.criteria.append(Criterion(f"c{index}", LocalText.both(f"C{index}"), CriterionKind.SCALE,
                                          weight=weight))
    for option_id, values in scores.items():
        project.options.append(Option(option_id, LocalText.both(option_id.upper())))
        for index, value in enumerate(values):
            project.scores[(option_id, f"c{index}")] = Score(option_id, f"c{index}", value)
    return project


def test_a_shared_first_place_is_not_called_safe_at_any_weight():
    """X and Y tie now; more weight on c0 puts X first alone, less puts Y first: not 'X stays first'."""
    project = scale_project({"x": (5, 1), "y": (1, 5), "z": (2, 2)}, (1, 1))
    result = weight_sensitivity(evaluate(project))
    interval = result.intervals["c0"]
    assert (interval.leader, interval.shared_with) == ("x", ("y",))
    assert interval.low == interval.high == interval.current == pytest.approx(0.5)
    assert (interval.upper_rival, interval.lower_rival) == ("x", "y") and interval.margin == 0
    said = interval_sentence(project, interval, "en")
    assert said == ("X and Y share first place only at the present weight of C0 (50.0%); with more weight X is"
                    " first alone, with less weight Y.")
    assert "stays first" not in said
    assert result.most_telling().margin == 0


def test_options_with_the_same_lines_share_first_place_together():
    project = scale_project({"x": (5, 3), "y": (5, 3), "z": (1, 5)}, (3, 1))
    interval = weight_sensitivity(evaluate(project)).intervals["c0"]
    assert interval.shared_with == ("y",) and interval.lower_rival == "z"
    assert interval_sentence(project, interval, "nl").startswith("X en Y delen de eerste plaats zolang C0 meer dan")


def test_rounding_noise_at_weight_zero_is_no_flip():
    line = Lines("c", ("a", "b"), np.array([50.0, 50.0 + 1e-13]), np.array([60.0, 40.0]), 0.3)
    assert flips(line) == []
    interval = first_place_interval(line)
    assert interval.leader == "a" and interval.low == 0.0 and interval.lower_rival is None


def test_lopsided_weights_keep_their_proportions():
    """Weights 1e9 : 1e-5 : 3e-5: with c0 at 0 %, c1 and c2 count 1 : 3, not equally."""
    project = scale_project({"x": (1, 5, 1), "y": (1, 1, 5)}, (1e9, 1e-5, 3e-5))
    line = lines(evaluate(project), "c0")
    assert line.others == pytest.approx([25.0, 75.0])
    assert weight_sensitivity(evaluate(project)).intervals["c0"].lower_rival == "y"


def test_a_chain_of_near_ties_ranks_consistently():
    assert rank_totals([1.0, 1.0 + 6e-10, 1.0 + 1.2e-9]) == [(1, True)] * 3


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=8),
       st.lists(st.sampled_from([0.0, 1e-12, -1e-12, 4e-10, 1e-3]), min_size=8, max_size=8))
def test_ranks_are_always_a_competition_ranking(totals, noise):
    totals = totals + [t + n for t, n in zip(totals, noise)]
    ranks = [rank for rank, _tied in rank_totals(totals)]
    expected_next = 1
    for rank in sorted(set(ranks)):
        assert rank == expected_next, ranks
        expected_next += ranks.count(rank)


def test_the_worked_cost_example_shows_the_rate_it_computes_with(haarlem):
    formula = annual_cost_formula(haarlem, haarlem.option("no"), "nl")
    assert "€ 0,19529023 × 159.717 inwoners" in formula
    haarlem.municipality.complaints_per_year = 92.5
    assert "× 92,5 klachten" in annual_cost_formula(haarlem, haarlem.option("goma"), "nl")


def test_two_different_totals_never_read_the_same():
    project = scale_project({"x": (5, 3, 4), "y": (5, 4, 3)}, (1, 1.0004, 1))
    evaluation = evaluate(project)
    first, second = evaluation.ranking()
    assert round(first.total, 1) == round(second.total, 1) and first.rank != second.rank
    shown = [row[2] for row in ranking_table(project, evaluation, "en").rows]
    assert shown[0] != shown[1]
    said = conclusion(project, evaluation, "en")
    assert shown[0] in said and shown[1] in said


def test_a_weight_reads_the_same_in_every_table():
    project = scale_project({"x": (5, 3, 4), "y": (1, 4, 3)}, (1, 1, 1))
    evaluation = evaluate(project)
    weights = [row[1] for row in weights_table(project, evaluation, "en").rows]
    explained = [row[3] for row in explanation_table(project, evaluation, "x", "en").rows[:-1]]
    intervals = [row[1] for row in intervals_table(project, weight_sensitivity(evaluation), "en").rows]
    assert weights == explained == intervals
    assert sorted(weights) == ["33.3%", "33.3%", "33.4%"]
