"""Property-based: random valid projects score within 0–100 and rank consistently."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ombudscompare.core.model import (
    Criterion,
    CriterionKind,
    Direction,
    LocalText,
    Municipality,
    Option,
    Project,
    Score,
    Tariff,
)
from ombudscompare.core.scoring import ModelError, evaluate, reweigh
from ombudscompare.formats.project_file import dumps, parse_project

money = st.floats(0, 1e6, allow_nan=False)


@st.composite
def projects(draw):
    n_options = draw(st.integers(1, 6))
    n_criteria = draw(st.integers(1, 8))
    project = Project(municipality=Municipality("X", draw(st.integers(1, 10**7)), draw(st.integers(0, 5000))))
    for i in range(n_options):
        tariff = Tariff(draw(money), draw(st.floats(0, 10)), draw(money), draw(st.integers(0, 500)), draw(money))
        project.options.append(Option(f"o{i}", LocalText.both(f"O{i}"), tariff))
    kinds = list(CriterionKind)
    for j in range(n_criteria):
        kind = draw(st.sampled_from(kinds))
        direction = draw(st.sampled_from(list(Direction)))
        best = worst = None
        if kind is not CriterionKind.SCALE:
            a, b = draw(st.floats(-1e6, 1e6)), draw(st.floats(-1e6, 1e6))
            if a == b:
                b = a + 1
            low, high = min(a, b), max(a, b)
            best, worst = (low, high) if direction is Direction.LOWER else (high, low)
        weight = draw(st.just(0.0) | st.floats(1e-6, 100))
        project.criteria.append(Criterion(f"c{j}", LocalText.both(f"C{j}"), kind, direction, best, worst, weight))
    if sum(c.weight for c in project.criteria) <= 0:
        project.criteria[0].weight = 1
    for option in project.options:
        for criterion in project.criteria:
            if criterion.kind is CriterionKind.SCALE:
                value = draw(st.integers(1, 5))
            elif criterion.kind is CriterionKind.NUMBER:
                value = draw(st.floats(-1e6, 1e6))
            else:
                continue
            project.scores[(option.id, criterion.id)] = Score(option.id, criterion.id, value)
    return project


@settings()
@given(projects())
def test_totals_within_0_100_and_ranks_consistent(project):
    evaluation = evaluate(project)
    for result in evaluation.results:
        assert -1e-9 <= result.total <= 100 + 1e-9
        for cell in result.cells:
            assert 0 <= cell.value <= 100
    for a in evaluation.results:
        for b in evaluation.results:
            if a.total > b.total + 1e-6:
                assert a.rank < b.rank
            if a.rank == b.rank and a is not b:
                assert a.tied and b.tied
    ranks = sorted(r.rank for r in evaluation.results)
    assert ranks[0] == 1


@settings()
@given(projects(), st.floats(0.01, 100))
def test_scaling_every_weight_changes_nothing(project, factor):
    before = [r.total for r in evaluate(project).results]
    for criterion in project.criteria:
        criterion.weight *= factor
    after = [r.total for r in evaluate(project).results]
    assert all(abs(a - b) < 1e-6 for a, b in zip(before, after))


@settings()
@given(projects())
def test_generated_projects_survive_the_file_format(project):
    text = dumps(project)
    again = parse_project(text)
    assert dumps(again) == text
    assert [r.total for r in evaluate(again).results] == [r.total for r in evaluate(project).results]


@settings()
@given(projects(), st.data())
def test_reweighing_gives_what_scoring_again_gives_to_the_bit(project, data):
    """After an edit of the weights only, the window re-weighs the previous evaluation instead of scoring again:
    every figure, rank, tie and the order of the ranking must be exactly what scoring again gives — including
    when a weight goes to 0 (the criterion stays switched on) and when an option lacks a score."""
    if data.draw(st.booleans()) and project.options:
        option, criterion = project.options[0], project.criteria[-1]
        project.scores.pop((option.id, criterion.id), None)
    try:
        previous = evaluate(project)
    except ModelError:
        return
    for criterion in project.criteria:
        criterion.weight = data.draw(st.just(0.0) | st.just(criterion.weight) | st.floats(1e-6, 100))
    try:
        expected = evaluate(project)
    except ModelError as error:
        try:
            reweigh(previous, project)
        except ModelError as again:
            assert again.message == error.message
            return
        raise AssertionError("re-weighing took weights that scoring refuses") from None
    assert reweigh(previous, project) == expected
