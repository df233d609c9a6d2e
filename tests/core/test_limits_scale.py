"""The size limits: the reader refuses beyond them in words, and with many options the charts mark exactly the
points where first place changes hands (checked against a fine brute-force scan)."""

import json

import numpy as np
import pytest

from ombudscompare.core.costs import pair_costs
from ombudscompare.core.limits import MAX_CRITERIA, MAX_OPTIONS
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.sensitivity import first_place_flips, weight_sensitivity
from ombudscompare.core.tariff import annual_cost
from ombudscompare.explain import charts
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import dumps, parse_project, project_to_data
from tests.synthetic import generated_project


def test_the_limit_itself_opens():
    project = parse_project(dumps(generated_project(MAX_OPTIONS, MAX_CRITERIA, seed=4)))
    assert (len(project.options), len(project.criteria)) == (MAX_OPTIONS, MAX_CRITERIA)


@pytest.mark.parametrize(("options", "criteria", "words"), [
    (MAX_OPTIONS + 1, 5, "options: has 31 entries; OmbudsCompare works with at most 30"),
    (3, MAX_CRITERIA + 1, "criteria: has 61 entries; OmbudsCompare works with at most 60"),
])
def test_beyond_the_limit_the_reader_says_so(options, criteria, words):
    data = project_to_data(generated_project(min(options, MAX_OPTIONS), min(criteria, MAX_CRITERIA), seed=1))
    key = "options" if options > MAX_OPTIONS else "criteria"
    extra = dict(data[key][0], id="extra")
    data[key].append(extra)
    with pytest.raises(FileError) as caught:
        parse_project(json.dumps(data))
    assert words in caught.value.render("en")


@pytest.mark.parametrize("seed", range(6))
def test_with_many_options_the_cost_chart_marks_where_the_cheapest_changes(seed):
    project = generated_project(9, 6, seed=seed)
    town = project.municipality
    for against in ("complaints", "population"):
        data = charts.lines(charts.costs(project, "en", against))
        marked = sorted(x for x, *_ in data.points)
        # brute force: where along a fine grid the cheapest option changes
        grid = np.linspace(0.0, float(data.x[-1]), 200_001)
        costs = np.array([[annual_cost(o.tariff, town.population if against == "complaints" else g,
                                       g if against == "complaints" else town.complaints_per_year)
                           for g in grid[::50]] for o in project.options])
        cheapest = costs.argmin(axis=0)
        changes = grid[::50][1:][np.diff(cheapest) != 0]
        step = float(grid[50] - grid[0])
        for at in changes:
            assert any(abs(at - m) <= step * 1.01 for m in marked), (against, at, marked)
        assert len(marked) <= len(project.options) * 3
        assert "cheapest option changes" in data.description
        every_pair = [c for p in pair_costs(project) for c in (p.complaint_crossings if against == "complaints"
                                                                 else [p.population_crossing])]
        assert len(marked) <= len(every_pair)


def test_with_few_options_every_break_even_is_marked():
    project = generated_project(4, 6, seed=3)
    data = charts.lines(charts.costs(project, "en", "complaints"))
    assert len(data.points) == sum(len(p.complaint_crossings) for p in pair_costs(project))
    assert "Break-even points" in data.description


@pytest.mark.parametrize("seed", range(8))
def test_first_place_flips_are_exactly_the_changes_of_the_leader(seed):
    project = generated_project(12, 8, seed=seed)
    evaluation = evaluate(project)
    result = weight_sensitivity(evaluation)
    grid = np.linspace(0.0, 1.0, 100_001)[1:-1]  # strictly inside: a tie at 0 % or 100 % is no flip
    for criterion, line in result.lines.items():
        kept = first_place_flips(line, result.flips[criterion])
        leader = line.totals(grid).argmax(axis=1)
        changes = grid[1:][np.diff(leader) != 0]
        assert len(kept) == len(changes), criterion
        for flip, at in zip(kept, changes):
            assert abs(flip.at - at) <= 1.01e-5
        data = charts.lines(charts.sensitivity(project, evaluation, "en", criterion, result))
        assert [x for x, *_ in data.points] == [f.at * 100.0 for f in kept]


def test_six_options_without_a_population_crossing_on_the_cheapest_line():
    """One option is cheapest at any population: no point to mark, the chart still draws (it crashed)."""
    project = generated_project(6, 4, seed=1)
    base = project.options[0].tariff
    for option in project.options[1:]:
        option.tariff.per_complaint, option.tariff.surcharge = base.per_complaint, base.surcharge
        option.tariff.included_complaints = base.included_complaints
        option.tariff.fixed = project.options[0].tariff.fixed + 1000.0
        option.tariff.per_inhabitant = project.options[0].tariff.per_inhabitant + 0.1
    data = charts.lines(charts.costs(project, "nl", "population"))
    assert data.points == () and data.x.size > 0
