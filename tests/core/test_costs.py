"""Break-even points are exact: checked against a brute-force scan of the cost lines."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ombudscompare.core.costs import Crossing, Overlap, complaint_crossings, multi_year, pair_costs, population_crossing
from ombudscompare.core.model import LocalText, Option, Tariff
from ombudscompare.core.tariff import annual_cost

amount = st.integers(0, 2000).map(float)
tariffs = st.builds(Tariff, fixed=st.integers(0, 80_000).map(float), per_inhabitant=st.sampled_from([0.0, 0.1, 0.2, 0.35]),
                    per_complaint=amount.map(lambda a: a / 10), included_complaints=st.integers(0, 300).map(float),
                    surcharge=amount)


def option(option_id, tariff):
    return Option(option_id, LocalText.both(option_id), tariff)


def _costs(tariff, population, complaints):
    """The tariff formula again, written independently with numpy for a whole grid at once."""
    c = np.asarray(complaints, float)
    return (tariff.fixed + tariff.per_inhabitant * population + tariff.per_complaint * c
            + tariff.surcharge * np.maximum(0.0, c - tariff.included_complaints))


def _scan_sign_changes(diff, grid):
    values = diff(grid)
    brackets = []
    for k in range(len(grid) - 1):
        if values[k] == 0 or values[k] * values[k + 1] < 0:
            brackets.append((grid[k], grid[k + 1]))
    return brackets, values


@settings(max_examples=150)
@given(tariffs, tariffs, st.integers(1_000, 500_000))
def test_complaint_crossings_match_a_scan(ta, tb, population):
    a, b = option("a", ta), option("b", tb)
    crossings, overlaps = complaint_crossings(a, b, population)
    top = 2 * max(ta.included_complaints, tb.included_complaints, 1.0) + 2000
    grid = np.linspace(0, top, 40_001)

    def diff(c):
        return _costs(ta, population, c) - _costs(tb, population, c)

    for crossing in crossings:
        assert abs(diff([crossing.at])[0]) <= 1e-6 * max(1.0, crossing.cost)
        assert crossing.cost == pytest.approx(annual_cost(tb, population, crossing.at), rel=1e-9, abs=1e-6)
    if overlaps:
        return  # a stretch of equal cost: the scan sees zeros everywhere on it
    brackets, _values = _scan_sign_changes(diff, grid)
    for low, high in brackets:
        assert any(low - 1e-6 <= c.at <= high + 1e-6 for c in crossings), (low, high, crossings)
    for crossing in crossings:
        if crossing.at <= top:
            assert any(low - 1e-6 <= crossing.at <= high + 1e-6 for low, high in brackets), crossing


@settings(max_examples=150)
@given(tariffs, tariffs, st.integers(0, 400))
def test_population_crossing_matches_a_scan(ta, tb, complaints):
    a, b = option("a", ta), option("b", tb)
    found = population_crossing(a, b, complaints)
    grid = np.linspace(0, 5_000_000, 20_001)
    diff = _costs(ta, grid, complaints) - _costs(tb, grid, complaints)
    changes = [(grid[k], grid[k + 1]) for k in range(len(grid) - 1) if diff[k] * diff[k + 1] < 0]
    if isinstance(found, Overlap):
        assert np.allclose(diff, 0)
    elif found is None:
        assert changes == []
    else:
        assert annual_cost(ta, found.at, complaints) == pytest.approx(annual_cost(tb, found.at, complaints), rel=1e-9)
        if found.at < 5_000_000 and changes:
            assert changes[0][0] - 1e-6 <= found.at <= changes[0][1] + 1e-6


def test_haarlem_break_even_population(haarlem):
    (pair,) = pair_costs(haarlem)
    assert pair.cheaper_now == "no"
    assert pair.complaint_crossings == ()
    crossing = pair.population_crossing
    assert isinstance(crossing, Crossing)
    assert crossing.at == pytest.approx(43297.29 / 0.19529023)
    assert crossing.cheaper_after == "goma"


def test_two_crossings_when_a_surcharge_kicks_in():
    flat = option("flat", Tariff(fixed=50_000))
    joint = option("joint", Tariff(fixed=40_000, included_complaints=100, surcharge=500))
    crossings, _ = complaint_crossings(flat, joint, 100_000)
    assert [c.at for c in crossings] == [pytest.approx(120.0)]
    assert crossings[0].cheaper_after == "flat"
    per_complaint = option("per", Tariff(per_complaint=1149))
    crossings, _ = complaint_crossings(per_complaint, joint, 100_000)
    assert [round(c.at, 6) for c in crossings] == [round(40_000 / 1149, 6)]


def test_multi_year_indexation(haarlem):
    haarlem.option("goma").tariff.indexation_percent = 2.5
    view = multi_year(haarlem, 4)
    assert view.years == (2018, 2019, 2020, 2021)
    assert view.costs["goma"][3] == pytest.approx(43297.29 * 1.025**3)
    assert view.total("no") == pytest.approx(4 * 31191.16966491)


def _option(option_id, **tariff):
    return Option(option_id, LocalText.both(option_id), Tariff(**tariff))


def test_lines_that_touch_at_a_kink_do_not_swap():
    """a: 1000 a year with 10 complaints included, then 150 each; b: 100 per complaint. They meet at 10
    complaints; b is cheaper before and, rising more slowly, after: it stays cheaper."""
    a = _option("a", fixed=1000, included_complaints=10, surcharge=150)
    b = _option("b", per_complaint=100)
    crossings, overlaps = complaint_crossings(a, b, 1000)
    (point,) = crossings
    assert point.at == pytest.approx(10) and point.kind == "touch" and point.cheaper_after == "b"
    assert not overlaps


def test_lines_that_join_from_a_point_on_are_even():
    a = _option("a", fixed=1000, included_complaints=10, surcharge=100)
    b = _option("b", per_complaint=100)
    crossings, overlaps = complaint_crossings(a, b, 1000)
    (point,) = crossings
    assert point.at == pytest.approx(10) and point.kind == "join" and point.cheaper_after is None
    assert overlaps[0].start == pytest.approx(10) and overlaps[0].end == float("inf")


def test_a_real_crossing_at_a_kink_names_the_one_cheaper_beyond_it():
    a = _option("a", fixed=1000, included_complaints=10, surcharge=50)
    b = _option("b", per_complaint=100)
    (point,), _ = complaint_crossings(a, b, 1000)
    assert point.at == pytest.approx(10) and point.kind == "cross" and point.cheaper_after == "a"
