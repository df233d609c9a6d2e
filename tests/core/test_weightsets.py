"""Weight sets, swings, orders and uncertain inputs, checked against independent computations."""

import json

import numpy as np
import pytest

from ombudscompare import commands
from ombudscompare.commands import Refused
from ombudscompare.core.model import InputRange, WeightSet
from ombudscompare.core.robustness import rank_frequencies
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.uncertainty import analyse
from ombudscompare.core.weightsets import (
    compare_sets,
    order_frequencies,
    roc_weights,
    sample_ordered,
    swing_outdated,
)
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import dumps, parse_project, project_to_data
from tests.synthetic import generated_project

IDS = ["cost_per_inhabitant", "surcharge_per_extra_complaint", "independence", "local_involvement",
       "learning_capacity"]


def _run(project, command):
    command.edit.apply(project)
    return command


def _dominated(seed=1):
    """A generated project in which the first option scores best on every criterion and costs least."""
    project = generated_project(5, 6, seed=seed)
    first = project.options[0]
    first.tariff.fixed = first.tariff.per_inhabitant = first.tariff.per_complaint = first.tariff.surcharge = 0.0
    for (option_id, criterion_id), score in project.scores.items():
        criterion = project.criterion(criterion_id)
        best, worst = criterion.reference_levels()
        if option_id == first.id:
            score.value = best
        elif score.value == best:
            score.value = worst
    return project


def test_a_dominant_option_wins_in_every_set_every_order_and_every_draw():
    project = _dominated()
    enabled = [c.id for c in project.enabled_criteria()]
    rng = np.random.default_rng(5)
    for k in range(6):
        _run(project, commands.add_set(project, WeightSet("", f"set {k}", dict(zip(enabled, rng.random(
            len(enabled)) + 0.01)))))
    comparison = compare_sets(project)
    assert all(r.winners == (project.options[0].id,) for r in comparison.results)
    evaluation = evaluate(project)
    for seed in range(4):
        order = list(np.random.default_rng(seed).permutation(enabled))
        assert order_frequencies(evaluation, order, 2000, seed).first(project.options[0].id) == 1.0
    project.ranges = [InputRange(("complaints_per_year",), 0, 400), InputRange(("population",), 1000, 900_000)]
    for (option_id, criterion_id), score in project.scores.items():
        if option_id != project.options[0].id and project.criterion(criterion_id).kind.value == "scale":
            project.ranges.append(InputRange(("score", option_id, criterion_id), 1, score.value))
    result = analyse(project, evaluation, 5000, 3)
    assert result.frequencies.first(project.options[0].id) == 1.0


def test_the_order_sampler_matches_rejection_sampling_from_the_flat_dirichlet():
    rng = np.random.default_rng(11)
    k = 4
    ours = sample_ordered(k, 200_000, rng)
    flat = rng.dirichlet(np.ones(k), size=2_000_000)
    kept = flat[np.all(np.diff(flat, axis=1) <= 0, axis=1)]  # w1 ≥ w2 ≥ w3 ≥ w4: 1 in 24 accepted
    assert len(kept) > 60_000
    assert np.all(np.diff(ours, axis=1) <= 0)
    np.testing.assert_allclose(ours.mean(axis=0), kept.mean(axis=0), atol=0.002)
    for q in (0.1, 0.5, 0.9):
        np.testing.assert_allclose(np.quantile(ours, q, axis=0), np.quantile(kept, q, axis=0), atol=0.004)
    # the centroid of the region is the rank-order-centroid weighting
    roc = roc_weights(["a", "b", "c", "d"])
    np.testing.assert_allclose(kept.mean(axis=0) * 100, list(roc.values()), atol=0.2)
    assert roc == pytest.approx({"a": 52.0833333, "b": 27.0833333, "c": 14.5833333, "d": 6.25})


def test_swing_weights_hand_worked_and_outdated_after_a_level_change():
    project = haarlem_2018()
    project.weight_sets = []  # without the example sets the case ships with
    points = {"local_involvement": 100, "independence": 80, "cost_per_inhabitant": 60,
              "surcharge_per_extra_complaint": 40, "learning_capacity": 20}
    _run(project, commands.from_swings(project, "Zwaaien", "local_involvement", points))
    weight_set = project.weight_sets[0]
    shares = compare_sets(project).results[0].shares
    assert shares == pytest.approx({"local_involvement": 100 / 300, "independence": 80 / 300,
                                    "cost_per_inhabitant": 60 / 300, "surcharge_per_extra_complaint": 40 / 300,
                                    "learning_capacity": 20 / 300})
    # hand-worked totals: NO 0.9765 cost value ×60 + surcharge 100×40 + independence 100×80 + local 25×100 + 100×20
    no_cost_value = (0.5 - 0.19529023) / 0.5 * 100
    expected_no = (no_cost_value * 60 + 100 * 40 + 100 * 80 + 25 * 100 + 100 * 20) / 300
    assert compare_sets(project).results[0].total("no") == pytest.approx(expected_no, abs=1e-12)
    assert weight_set.swing.levels["cost_per_inhabitant"] == (0.0, 0.5)
    assert swing_outdated(project, weight_set.swing) == []
    project.criterion("cost_per_inhabitant").worst = 0.4
    assert swing_outdated(project, weight_set.swing) == ["cost_per_inhabitant"]
    with pytest.raises(Refused, match="100 points"):
        commands.from_swings(project, "x", "independence", {"independence": 90, "awareness": 100})


def test_seeded_sampling_is_reproducible_and_without_ranges_is_exactly_today():
    project = haarlem_2018()
    evaluation = evaluate(project)
    plain = analyse(project, evaluation, 4000, 7)
    assert np.array_equal(plain.frequencies.shares, rank_frequencies(evaluation, 4000, 7).shares)
    project.ranges = [InputRange(("complaints_per_year",), 50, 400, 93),
                      InputRange(("score", "goma", "independence"), 2, 5)]
    first, second = analyse(project, evaluation, 4000, 7), analyse(project, evaluation, 4000, 7)
    assert np.array_equal(first.frequencies.shares, second.frequencies.shares)
    assert np.array_equal(first.cheaper, second.cheaper)
    # independent check of the cost probability: NO costs 31,191.17; GOMA 43,297.29 + 432.97 × max(0, c − 100)
    # NO is cheaper whenever c > 100 − (43,297.29 − 31,191.17)/432.97 — i.e. always for c ≥ 0: 100 %
    assert first.cheaper_share("no", "goma") == 1.0


def test_cost_probability_against_a_direct_computation():
    project = haarlem_2018()
    project.ranges = [InputRange(("tariff", "goma", "fixed"), 20_000, 40_000)]
    result = analyse(project, evaluate(project), 50_000, 2)
    # GOMA is cheaper when its fixed amount < 31,191.17 (93 complaints, none above the 100 included)
    expected = (31_191.17 - 20_000) / 20_000
    no_cost = 159_717 * 0.19529023
    expected = (no_cost - 20_000) / 20_000
    assert result.cheaper_share("goma", "no") == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(("change", "words"), [
    (lambda d: d["weight_sets"][0].update(order=["independence", "local_involvement", "independence"]),
     "appears twice in the order"),
    (lambda d: d["ranges"].append({"target": ["complaints_per_year"], "low": 200, "high": 100}),
     "has low 200 above high 100"),
    (lambda d: d["ranges"].append({"target": ["score", "no", "independence"], "low": 0, "high": 5}),
     "must lie within 1 to 5"),
    (lambda d: d["weight_sets"][0]["weights"].update(nonsense=5), "names a criterion the project does not have"),
])
def test_bad_sets_and_ranges_in_a_file_are_refused_with_their_place(change, words):
    project = haarlem_2018()
    project.weight_sets = []
    _run(project, commands.save_current(project, "College-voorstel"))
    data = project_to_data(project)
    data["ranges"] = []
    change(data)
    with pytest.raises(FileError) as caught:
        parse_project(json.dumps(data), "sets.json")
    assert words in caught.value.render("en")
    assert caught.value.render("nl")


def test_a_set_that_weighs_nothing_is_read_and_shown_as_such():
    """Kept when its only criterion was removed, such a set opens again and is listed with its reason."""
    project = haarlem_2018()
    project.weight_sets = []
    _run(project, commands.save_current(project, "College-voorstel"))
    _run(project, commands.save_current(project, "Fractie A"))
    data = project_to_data(project)
    data["weight_sets"][1].update(weights={c: 0 for c in IDS})
    again = parse_project(json.dumps(data), "sets.json")
    comparison = compare_sets(again)
    assert [r.name for r in comparison.results] == ["College-voorstel"]
    assert [set_id for set_id, _problem in comparison.unusable] == [again.weight_sets[1].id]


def test_bad_sets_and_ranges_in_the_window_commands_are_refused():
    project = haarlem_2018()
    with pytest.raises(Refused, match="switched-on criterion weight 0"):
        commands.add_set(project, WeightSet("", "Leeg", {c: 0 for c in IDS}))
    with pytest.raises(Refused, match="appears twice"):
        commands.from_order(project, "Volgorde", ["independence", "independence", *IDS[:3]])
    with pytest.raises(Refused, match="leaves out"):
        commands.from_order(project, "Volgorde", IDS[:3])
    with pytest.raises(Refused, match="above high"):
        commands.set_range(project, ("population",), 200_000, 100_000)
    with pytest.raises(Refused, match="within 1 to 5"):
        commands.set_range(project, ("score", "no", "independence"), 3, 6)


def test_sets_round_trip_undo_and_older_and_newer_files():
    project = haarlem_2018()
    project.weight_sets = []  # without the example sets the case ships with
    before = dumps(project)
    steps = [commands.save_current(project, "College-voorstel", "B&W")]
    _run(project, steps[0])
    steps.append(_run(project, commands.from_order(project, "Onafhankelijkheid voorop", [
        "independence", "local_involvement", "cost_per_inhabitant", "surcharge_per_extra_complaint",
        "learning_capacity"])))
    steps.append(_run(project, commands.duplicate_set(project, "set1", "Kopie")))
    steps.append(_run(project, commands.rename_set(project, "set3", "Fractie A")))
    steps.append(_run(project, commands.set_range(project, ("complaints_per_year",), 60, 160, 93)))
    text = dumps(project)
    assert json.loads(text)["version"] == "1.2"
    again = parse_project(text)
    assert again.weight_sets == project.weight_sets and again.ranges == project.ranges
    assert [s.name for s in again.weight_sets] == ["College-voorstel", "Fractie A", "Onafhankelijkheid voorop"]
    applied = commands.apply_set(project, "set2")
    applied.edit.apply(project)
    assert project.criterion("independence").weight == pytest.approx(roc_weights([
        "independence", "local_involvement", "cost_per_inhabitant", "surcharge_per_extra_complaint",
        "learning_capacity"])["independence"])
    applied.edit.revert(project)
    for step in reversed(steps):
        step.edit.revert(project)
    assert dumps(project) == before
    # a file of the previous minor version opens; a newer minor's unknown fields are kept
    old = json.loads(before)
    old["version"] = "1.1"
    assert parse_project(json.dumps(old)).weight_sets == []
    newer = json.loads(text)
    newer["version"] = "1.9"
    newer["weight_sets"][0]["colour"] = "#ff0000"
    kept = parse_project(json.dumps(newer))
    assert json.loads(dumps(kept))["weight_sets"][0]["colour"] == "#ff0000"


def test_consensus_and_compromise_hand_worked():
    project = haarlem_2018()
    project.weight_sets = []  # without the example sets the case ships with
    a = {c: 20.0 for c in IDS}
    b = {**{c: 10.0 for c in IDS}, "local_involvement": 60.0}
    for name, weights in (("A", a), ("B", b)):
        _run(project, commands.add_set(project, WeightSet("", name, weights)))
    comparison = compare_sets(project)
    # shares a = 0.2 each; b = 0.1 ×4, 0.6: half the L1 distance = 0.5 × (4 × 0.1 + 0.4) = 0.4
    assert comparison.distances[0, 1] == pytest.approx(0.4)
    assert comparison.consensus == pytest.approx(0.6)
    assert comparison.compromise.shares["local_involvement"] == pytest.approx(0.4)
    totals = {o: min(r.total(o) for r in comparison.results) for o in ("no", "goma")}
    assert comparison.maximin_option == max(totals, key=totals.get)


def test_a_set_that_weighs_only_switched_off_criteria_is_listed_with_its_reason():
    from ombudscompare.explain.sets import sets_table

    project = haarlem_2018()
    project.weight_sets.append(WeightSet("aware", "Alleen bekendheid", {"awareness": 100}))
    comparison = compare_sets(project)
    assert [r.set_id for r in comparison.results] == ["memo", "cost_led", "quality_led"]
    table = sets_table(project, comparison, "nl")
    assert table.keys == ("memo", "cost_led", "quality_led", "aware", "compromise")
    assert table.rows[3][:3] == ("Alleen bekendheid", "—", "—")
    assert "geeft elk ingeschakeld criterium gewicht 0" in table.rows[3][3]
    project.weight_sets = [project.weight_sets[-1]]
    with pytest.raises(Exception, match="switched-on criterion weight 0"):
        compare_sets(project)


@pytest.mark.parametrize("bounds", [(float("nan"), 5.0, None), (1.0, float("nan"), None), (2.0, 4.0, float("nan")),
                                    (float("-inf"), 3.0, None)])
def test_a_range_that_is_not_a_number_is_refused(bounds):
    project = haarlem_2018()
    with pytest.raises(Refused, match="finite numbers|within"):
        commands.set_range(project, ("score", "no", "independence"), *bounds)
    assert project.ranges == []


def test_a_newly_outdated_swing_is_said_once_in_words():
    """A changed reference level makes a set's swing answers describe other swings: the window says so once, naming
    the set, and not again at the next edit."""
    from ombudscompare.explain.sets import newly_outdated_swings

    project = haarlem_2018()
    project.weight_sets = []
    points = {"local_involvement": 100, "independence": 80, "cost_per_inhabitant": 60,
              "surcharge_per_extra_complaint": 40, "learning_capacity": 20}
    _run(project, commands.from_swings(project, "Zwaaien <b>x</b>", "local_involvement", points))
    assert newly_outdated_swings(project, set(), "en") == (set(), None)
    project.criterion("cost_per_inhabitant").worst = 0.4
    outdated, warning = newly_outdated_swings(project, set(), "en")
    assert outdated == {project.weight_sets[0].id}
    assert warning == ("The swing answers of Zwaaien <b>x</b> described other reference levels; ask the swing"
                       " questions again (Who chooses what).")
    assert newly_outdated_swings(project, outdated, "nl") == (outdated, None)
    assert "Zwaaien <b>x</b>" in newly_outdated_swings(project, set(), "nl")[1]
