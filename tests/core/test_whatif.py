"""What-if changes: population, complaints and a criterion given a share of the weight."""

import pytest

from ombudscompare.core.scoring import ModelError, evaluate, weight_shares
from ombudscompare.core.whatif import with_municipality, with_weight_shares


def test_more_complaints_make_the_joint_ombudsman_dearer(haarlem):
    changed = with_municipality(haarlem, complaints=150)
    assert evaluate(changed).result("goma").annual_cost == pytest.approx(43297.29 + 50 * 432.97)
    assert haarlem.municipality.complaints_per_year == 93, "the original is left alone"


def test_population_changes_cost_per_inhabitant(haarlem):
    changed = with_municipality(haarlem, population=80_000)
    result = evaluate(changed).result("no")
    assert result.annual_cost == pytest.approx(0.19529023 * 80_000)
    assert result.cost_per_inhabitant == pytest.approx(0.19529023)


def test_one_weight_set_others_keep_proportions(haarlem):
    haarlem.criterion("independence").weight = 40  # 40 : 20 : 20 : 20 : 20
    changed = with_weight_shares(haarlem, {"local_involvement": 50})
    shares = weight_shares(changed)
    assert shares["local_involvement"] == pytest.approx(0.5)
    assert shares["independence"] == pytest.approx(0.5 * 40 / 100)
    assert shares["learning_capacity"] == pytest.approx(0.5 * 20 / 100)
    assert sum(shares.values()) == pytest.approx(1)


def test_local_involvement_above_a_third_flips_the_ranking(haarlem):
    # PRODUCT.md: GOMA ranks first only if local involvement carries roughly a third or more.
    below = evaluate(with_weight_shares(haarlem, {"local_involvement": 34}))
    above = evaluate(with_weight_shares(haarlem, {"local_involvement": 35}))
    assert below.ranking()[0].option_id == "no"
    assert above.ranking()[0].option_id == "goma"


def test_weight_for_a_switched_off_criterion_switches_it_on(haarlem):
    changed = with_weight_shares(haarlem, {"awareness": 10})
    assert changed.criterion("awareness").enabled
    assert weight_shares(changed)["awareness"] == pytest.approx(0.10)


def test_several_weights_at_once(haarlem):
    changed = with_weight_shares(haarlem, {"independence": 30, "local_involvement": 30})
    shares = weight_shares(changed)
    assert shares["independence"] == pytest.approx(0.3)
    assert shares["cost_per_inhabitant"] == pytest.approx(0.4 / 3)


@pytest.mark.parametrize(
    ("percents", "words"),
    [({"nonsense": 10}, "unknown criterion 'nonsense'"),
     ({"independence": 60, "local_involvement": 50}, "more than 100 %"),
     ({"independence": 120}, "from 0 to 100")],
)
def test_impossible_weights_are_refused(haarlem, percents, words):
    with pytest.raises(ModelError, match=words):
        with_weight_shares(haarlem, percents)


def test_impossible_population_is_refused(haarlem):
    with pytest.raises(ModelError, match="at least 1"):
        with_municipality(haarlem, population=0)
