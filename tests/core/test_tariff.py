"""The tariff formula of PRODUCT.md on the Haarlem tariffs and on its pieces."""

import pytest

from ombudscompare.core.model import Municipality, Tariff
from ombudscompare.core.tariff import annual_cost, cost_per_inhabitant, extra_complaint_cost, indexed_annual_cost


def test_haarlem_costs_reproduce_the_memo(haarlem):
    town = haarlem.municipality
    no, goma = haarlem.option("no"), haarlem.option("goma")
    assert round(annual_cost(no.tariff, town.population, town.complaints_per_year), 2) == 31191.17
    assert annual_cost(goma.tariff, town.population, town.complaints_per_year) == pytest.approx(43297.29)


@pytest.mark.parametrize(
    ("complaints", "expected"),
    [(0, 43297.29), (100, 43297.29), (101, 43297.29 + 432.97), (110, 43297.29 + 10 * 432.97)],
)
def test_surcharge_only_above_included_complaints(haarlem, complaints, expected):
    assert annual_cost(haarlem.option("goma").tariff, 159717, complaints) == pytest.approx(expected)


def test_every_part_of_the_formula_counts():
    tariff = Tariff(fixed=1000, per_inhabitant=0.5, per_complaint=10, included_complaints=20, surcharge=100)
    # 1000 + 0.5*2000 + 10*30 + 100*(30-20)
    assert annual_cost(tariff, 2000, 30) == pytest.approx(1000 + 1000 + 300 + 1000)
    assert cost_per_inhabitant(tariff, Municipality("X", 2000, 30)) == pytest.approx(3300 / 2000)
    assert extra_complaint_cost(tariff) == 110


def test_indexation_compounds_per_year():
    tariff = Tariff(fixed=1000, indexation_percent=2)
    assert indexed_annual_cost(tariff, 1, 0, 0) == pytest.approx(1000)
    assert indexed_annual_cost(tariff, 1, 0, 2) == pytest.approx(1000 * 1.02**2)
