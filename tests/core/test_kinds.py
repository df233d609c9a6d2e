"""Every criterion kind is in every table that needs it, and its vectorised raw value is its scalar one."""

import numpy as np
import pytest

from ombudscompare.core.kinds import KIND_RULES, RULES, CriterionKind, named
from ombudscompare.core.model import Municipality, Tariff
from ombudscompare.core.uncertainty import TARIFF_FIELDS
from ombudscompare.explain.values import HOW_COMPUTED, kind_name
from ombudscompare.formats.workbook.geometry import COMPUTED_COLUMN, TARIFFS
from ombudscompare.i18n import tr


def test_every_kind_has_one_rule():
    assert [rule.kind for rule in KIND_RULES] == list(RULES)
    assert set(RULES) == set(CriterionKind)
    assert all(named(kind.value) is RULES[kind] for kind in CriterionKind)
    assert named("no such kind") is None


@pytest.mark.parametrize("kind", list(CriterionKind))
def test_every_kind_is_in_every_table(kind):
    rule = RULES[kind]
    assert kind_name(kind, "nl") != rule.name and tr(rule.menu, "nl") != rule.menu, "translated"
    if rule.computed:
        assert kind in HOW_COMPUTED, "the window says how the value comes about"
        assert COMPUTED_COLUMN[kind] in {c.key for c in TARIFFS.columns}, "the workbook computes it"
        assert rule.raw_many is not None and rule.levels is not None and rule.money is not None
    else:
        assert kind not in COMPUTED_COLUMN and rule.raw_many is None
        assert rule.scale or rule.levels is not None


@pytest.mark.parametrize("kind", [rule.kind for rule in KIND_RULES if rule.computed])
def test_vectorised_raw_value_equals_the_scalar_one(kind):
    rng = np.random.default_rng(5)
    rule = RULES[kind]
    options, samples = 4, 50
    tariffs = {f: rng.uniform(0, 1000, (samples, options)) for f in TARIFF_FIELDS}
    tariffs["per_inhabitant"] /= 1000
    population = rng.integers(1, 500_000, samples).astype(float)
    complaints = rng.uniform(0, 400, samples)
    many = rule.raw_many(tariffs, population, complaints)
    for s in range(samples):
        for o in range(options):
            tariff = Tariff(**{f: float(tariffs[f][s, o]) for f in TARIFF_FIELDS})
            town = Municipality("x", int(population[s]), float(complaints[s]))
            assert many[s, o] == pytest.approx(rule.raw(tariff, town), rel=1e-12)
