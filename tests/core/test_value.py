"""Value for money: the quality score against an independent computation from the 0–100 values and the weights, the
efficient frontier against brute force over generated projects (ties included), and the Haarlem figures by hand."""

import copy
import random

import pytest

from ombudscompare.core.model import Criterion, CriterionKind, Direction, LocalText, Option, Score, Tariff
from ombudscompare.core.scoring import ModelError, evaluate
from ombudscompare.core.tariff import annual_cost
from ombudscompare.core.value import nearest_dominator, sets_value, value_for_money
from ombudscompare.core.whatif import with_weight_shares
from tests.synthetic import generated_project


def independent_quality(project, option_id):
    """The weighted mean of the 0–100 values over the switched-on criteria that are not costs, written out from the
    scores, the reference levels and the weights alone (None when a score is missing)."""
    criteria = [c for c in project.criteria if c.enabled and c.kind in (CriterionKind.SCALE, CriterionKind.NUMBER)]
    weight = sum(c.weight for c in criteria)
    total = 0.0
    for criterion in criteria:
        score = project.scores.get((option_id, criterion.id))
        if score is None:
            return None
        if criterion.kind is CriterionKind.SCALE:
            value = (score.value - 1) * 25.0 if criterion.direction is Direction.HIGHER else (5 - score.value) * 25.0
        else:
            value = (score.value - criterion.worst) / (criterion.best - criterion.worst) * 100.0
        total += criterion.weight * min(100.0, max(0.0, value))
    return total / weight


def brute_force(project):
    """Every option's set of options that beat it, by comparing all pairs (rounded to 8 decimals, the tie rule)."""
    town = project.municipality
    figures = {}
    for option in project.options:
        quality = independent_quality(project, option.id)
        if quality is not None:
            cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
            figures[option.id] = (round(cost, 8), round(quality, 8))
    beaten = {}
    for b, (cost_b, quality_b) in figures.items():
        beaten[b] = {a for a, (cost_a, quality_a) in figures.items()
                     if cost_a <= cost_b and quality_a >= quality_b and (cost_a, quality_a) != (cost_b, quality_b)}
    return figures, beaten


def test_haarlem_quality_and_dominance(haarlem):
    value = value_for_money(haarlem)
    no, goma = value.option("no"), value.option("goma")
    assert no.quality == pytest.approx(75.0) and goma.quality == pytest.approx(200 / 3)
    assert no.annual_cost == pytest.approx(31_191.17, abs=0.005) and goma.annual_cost == 43_297.29
    assert no.efficient and not goma.efficient and goma.dominated_by == ("no",)
    assert value.frontier == (("no",),) and value.steps == ()
    assert value.cost_criteria == ("cost_per_inhabitant", "surcharge_per_extra_complaint")
    assert sum(c.contribution for c in no.cells) == pytest.approx(no.quality)
    assert nearest_dominator(value, "goma") == "no"


def test_haarlem_price_per_point_by_hand(haarlem):
    """Local involvement at 40 against 20 for independence and learning: quality shares 1/4, 1/2, 1/4. NO: 25 + 12.5 +
    25 = 62.5; GOMA: 12.5 + 50 + 12.5 = 75. GOMA gives 12.5 points for € 43,297.29 − € 31,191.17 a year."""
    haarlem.criterion("local_involvement").weight = 40
    value = value_for_money(haarlem)
    assert value.option("no").quality == pytest.approx(62.5) and value.option("goma").quality == pytest.approx(75.0)
    (step,) = value.steps
    assert (step.cheaper, step.dearer) == (("no",), ("goma",))
    extra = 43_297.29 - 159_717 * 0.19529023
    assert step.extra_cost == pytest.approx(extra) and step.extra_quality == pytest.approx(12.5)
    assert step.cost_per_point == pytest.approx(extra / 12.5) == pytest.approx(968.4896, abs=1e-4)


@pytest.mark.parametrize("seed", range(40))
def test_quality_equals_an_independent_computation(seed):
    rng = random.Random(seed)
    project = generated_project(rng.randint(2, 12), rng.randint(4, 14), seed=seed)
    try:
        value = value_for_money(project)
    except ModelError:
        assert not any(c.enabled and not c.kind.computed and c.weight > 0 for c in project.criteria)
        return
    from_total = value_for_money(project, evaluate(project))  # made from the total's evaluation, as the window does
    for option, same in zip(value.options, from_total.options):
        expected = independent_quality(project, option.option_id)
        if expected is None:
            assert option.quality is None and same.quality is None
        else:
            assert option.quality == pytest.approx(expected, rel=1e-12, abs=1e-9)
            assert same.quality == pytest.approx(expected, rel=1e-12, abs=1e-9)
        assert (same.efficient, same.dominated_by) == (option.efficient, option.dominated_by)
    assert from_total.frontier == value.frontier


def _with_ties(project, rng):
    """Copies of options: the same tariff and scores (a tie on both), the same tariff with other scores (equal cost),
    the same scores with another tariff (equal quality); and a few scores removed (options not yet scored)."""
    originals = list(project.options)
    for k in range(rng.randint(0, min(8, 30 - len(originals)))):
        source = rng.choice(originals)
        option = Option(f"copy{k}", LocalText.both(f"Kopie {k}", f"Copy {k}"), copy.deepcopy(source.tariff))
        kind = rng.choice(("both", "cost", "quality"))
        if kind == "quality":
            option.tariff.fixed = round(rng.uniform(0, 80_000), 2)
        project.options.append(option)
        for criterion in project.criteria:
            score = project.scores.get((source.id, criterion.id))
            if score is not None:
                value = score.value
                if kind == "cost" and criterion.kind is CriterionKind.SCALE:
                    value = rng.randint(1, 5)
                project.scores[(option.id, criterion.id)] = Score(option.id, criterion.id, value)
    if rng.random() < 0.3:
        scored = [key for key in project.scores if project.criterion(key[1]).enabled]
        for key in rng.sample(scored, min(2, len(scored))):
            del project.scores[key]
    return project


@pytest.mark.parametrize("seed", range(120))
def test_the_frontier_equals_brute_force(seed):
    rng = random.Random(1000 + seed)
    project = _with_ties(generated_project(rng.randint(2, 22), rng.randint(3, 9), seed=seed), rng)
    assert 2 <= len(project.options) <= 30
    try:
        value = value_for_money(project)
    except ModelError:
        return  # no quality criterion counts, or no option is scored yet
    figures, beaten = brute_force(project)
    assert {o.option_id for o in value.scored} == set(figures)
    for option in value.scored:
        assert set(option.dominated_by) == beaten[option.option_id]
        assert option.efficient == (not beaten[option.option_id])
        assert list(option.dominated_by) == [o.id for o in project.options if o.id in beaten[option.option_id]]
    efficient = sorted((figures[i], [o.id for o in project.options].index(i), i) for i in figures if not beaten[i])
    points = []
    for key, _order, option_id in efficient:
        if points and points[-1][0] == key:
            points[-1][1].append(option_id)
        else:
            points.append((key, [option_id]))
    assert value.frontier == tuple(tuple(ids) for _key, ids in points)
    for step, (low, high) in zip(value.steps, zip(points, points[1:]), strict=True):
        assert step.extra_cost > 0 and step.extra_quality > 0
        assert step.cost_per_point == pytest.approx((high[0][0] - low[0][0]) / (high[0][1] - low[0][1]), rel=1e-6)
    for option in value.scored:
        if not option.efficient:
            by = value.option(nearest_dominator(value, option.option_id))
            assert by.efficient and by.option_id in option.dominated_by


def test_no_cost_criteria_make_the_quality_the_total(haarlem):
    from ombudscompare.core.scoring import evaluate

    for criterion in haarlem.criteria:
        if criterion.kind.computed:
            criterion.enabled = False
    value = value_for_money(haarlem)
    assert value.cost_criteria == ()
    for result in evaluate(haarlem).results:
        assert value.option(result.option_id).quality == pytest.approx(result.total)


def test_no_quality_criteria_is_said_in_words(haarlem):
    for criterion in haarlem.criteria:
        if not criterion.kind.computed:
            criterion.enabled = False
    with pytest.raises(ModelError) as raised:
        value_for_money(haarlem)
    assert "no quality criterion is switched on" in raised.value.message.render("en")
    project = with_weight_shares(generated_project(3, 5, seed=1), {})
    for criterion in project.criteria:
        if not criterion.kind.computed:
            criterion.weight = 0
    with pytest.raises(ModelError, match="weighs 0"):
        value_for_money(project)


def test_equal_costs_equal_quality_a_single_option_and_an_unscored_one(haarlem):
    haarlem.option("goma").tariff = copy.deepcopy(haarlem.option("no").tariff)
    value = value_for_money(haarlem)
    assert value.option("goma").dominated_by == ("no",) and value.frontier == (("no",),)
    for criterion in ("independence", "local_involvement", "learning_capacity"):
        haarlem.scores[("goma", criterion)].value = haarlem.scores[("no", criterion)].value
    value = value_for_money(haarlem)
    assert value.frontier == (("no", "goma"),) and value.steps == () and all(o.efficient for o in value.options)
    haarlem.option("goma").tariff.fixed = 1000.0
    value = value_for_money(haarlem)
    assert value.option("goma").dominated_by == ("no",)
    haarlem.options.append(Option("late", LocalText.both("Later"), Tariff(fixed=5.0)))
    value = value_for_money(haarlem)
    late = value.option("late")
    assert late.quality is None and not late.efficient and late.missing and late.annual_cost == 5.0
    assert value.frontier == (("no",),)
    haarlem.options = [haarlem.option("no")]
    assert value_for_money(haarlem).frontier == (("no",),)


def test_a_criterion_added_as_number_counts_for_quality(haarlem):
    haarlem.criteria.append(Criterion("waiting", LocalText.both("Wachttijd"), CriterionKind.NUMBER, Direction.HIGHER,
                                      100.0, 0.0, 20.0))
    haarlem.scores[("no", "waiting")] = Score("no", "waiting", 40.0)
    haarlem.scores[("goma", "waiting")] = Score("goma", "waiting", 90.0)
    value = value_for_money(haarlem)
    assert value.option("goma").quality == pytest.approx(independent_quality(haarlem, "goma"))
    assert "waiting" in value.shares


def test_every_weight_set_gets_its_own_quality(haarlem):
    from ombudscompare.core.model import WeightSet

    haarlem.weight_sets.append(WeightSet("local", "Lokaal", {"independence": 20, "local_involvement": 60,
                                                             "learning_capacity": 20, "cost_per_inhabitant": 50}))
    found = dict(sets_value(haarlem))
    local = found["local"]
    assert local.option("goma").quality == pytest.approx(80.0) and local.option("no").quality == pytest.approx(55.0)
    assert local.frontier == (("no",), ("goma",))
    assert local.steps[0].cost_per_point == pytest.approx(local.steps[0].extra_cost / 25.0)


@pytest.mark.parametrize("seed", range(8))
def test_a_pairs_quality_crossing_is_the_weight_sensitivitys(seed):
    """pair_flip finds, for one pair, exactly the crossing the weight sensitivity finds among all pairs."""
    from ombudscompare.core.sensitivity import flips
    from ombudscompare.core.value import pair_flip

    project = generated_project(6, 9, seed=seed)
    try:
        value = value_for_money(project)
    except ModelError:
        return
    for line in value.lines.values():
        found = {frozenset((f.above, f.below)): f for f in flips(line)}
        ids = line.option_ids
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                flip, expected = pair_flip(line, a, b), found.get(frozenset((a, b)))
                assert (flip is None) == (expected is None)
                if flip is not None:
                    assert (flip.above, flip.below) == (expected.above, expected.below)
                    assert flip.at == pytest.approx(expected.at, rel=1e-12)
