"""The value-for-money sheet computes what the app computes — quality, cost, efficiency, the option that beats
another, and every step's extra cost, extra quality and price per point — evaluated by a real formula engine and by
LibreOffice, also after every block has been sorted with and without its code column."""

import random

import openpyxl
import pytest

from ombudscompare.core.scoring import ModelError
from ombudscompare.core.value import nearest_dominator, value_for_money
from ombudscompare.formats.workbook import export_workbook, sheet_names
from ombudscompare.formats.workbook.geometry import TARIFFS, value_tables
from tests.core.test_value import _with_ties
from tests.formats.workbooks import evaluated, libreoffice_python, libreoffice_sort, rows_by_code, sort_table, value
from tests.synthetic import generated_project

pytest.importorskip("formulas")


def tables(ws, project):
    """The sheet's options and criteria tables, found by the options' heading row (the first 'Code' below the
    sentences)."""
    row = 4
    while ws.cell(row=row, column=1).value != "Code":
        row += 1
    return value_tables(row, len(project.options))


def shown(path, project, lang="en"):
    """Per option code what the sheet computes: quality, cost, efficient, beaten by, step from, the step's figures."""
    values = evaluated(path)
    sheet = sheet_names(lang)["value"]
    ws = openpyxl.load_workbook(path)[sheet]
    options, _criteria = tables(ws, project)
    found = {}
    for code, row in rows_by_code(ws, options).items():
        found[code] = {key: value(values, sheet, options.cell(key, row)) for key in (
            "name", "quality", "annual_cost", "cost_per_inhabitant", "efficient", "beaten_by", "step_from",
            "extra_cost", "extra_quality", "cost_per_point")}
    return found, values


def check_against_app(project, path, lang="en"):
    found, values = shown(path, project, lang)
    app = value_for_money(project)
    name = {o.id: o.name.get(lang) for o in project.options}
    steps = {i: step for step in app.steps for i in step.dearer}
    assert set(found) == {o.id for o in project.options}
    for option in app.options:
        cells = found[option.option_id]
        assert cells["name"] == name[option.option_id]
        assert cells["annual_cost"] == pytest.approx(option.annual_cost, rel=1e-12)
        assert cells["cost_per_inhabitant"] == pytest.approx(option.cost_per_inhabitant, rel=1e-12)
        if option.quality is None:
            assert cells["quality"] == "not scored" and cells["efficient"] == "—"
            continue
        assert cells["quality"] == pytest.approx(option.quality, rel=1e-12, abs=1e-9)
        assert cells["efficient"] == ("yes" if option.efficient else "no")
        by = nearest_dominator(app, option.option_id)
        assert cells["beaten_by"] == (name[by] if by else "—")
        step = steps.get(option.option_id)
        if step is None:
            assert (cells["step_from"], cells["extra_cost"], cells["cost_per_point"]) == ("—", "—", "—")
        else:
            assert cells["step_from"] == name[step.cheaper[0]]
            assert cells["extra_cost"] == pytest.approx(step.extra_cost, rel=1e-9, abs=1e-6)
            assert cells["extra_quality"] == pytest.approx(step.extra_quality, rel=1e-9, abs=1e-9)
            assert cells["cost_per_point"] == pytest.approx(step.cost_per_point, rel=1e-6)
    return found, values


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_haarlem_sheet_equals_the_app(haarlem, tmp_path, lang):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, lang)
    found, values = shown(path, haarlem, lang)
    assert found["no"]["quality"] == pytest.approx(75.0) and found["goma"]["quality"] == pytest.approx(200 / 3)
    assert found["goma"]["efficient"] == ("nee" if lang == "nl" else "no")
    assert found["goma"]["beaten_by"] == haarlem.option("no").name.get(lang)
    if lang == "en":
        check_against_app(haarlem, path)
        assert value(values, "Value for money", "A4") == "The sentences below describe the figures in this sheet."
        assert value(values, "Value for money", "A5").startswith("The National Ombudsman is cheaper and better")


def test_a_weight_changed_in_the_workbook_makes_a_step_with_its_price(haarlem, tmp_path):
    from ombudscompare.formats.workbook.geometry import CRITERIA

    path = tmp_path / "edited.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    criteria = book["Criteria"]
    criteria[CRITERIA.cell("weight", rows_by_code(criteria, CRITERIA)["local_involvement"])] = 40
    book.save(path)
    haarlem.criterion("local_involvement").weight = 40
    found, values = check_against_app(haarlem, path)
    assert found["goma"]["extra_quality"] == pytest.approx(12.5)
    assert found["goma"]["cost_per_point"] == pytest.approx((43_297.29 - 159_717 * 0.19529023) / 12.5)
    assert value(values, "Value for money", "A4").startswith("The figures have changed since the export")


@pytest.mark.parametrize("seed", [3, 8, 21])
def test_generated_projects_with_ties_equal_the_app(tmp_path, seed):
    rng = random.Random(1000 + seed)
    project = _with_ties(generated_project(rng.randint(4, 12), 6, seed=seed), rng)
    try:
        value_for_money(project)
    except ModelError:
        pytest.skip("no quality criterion counts in this generated project")
    path = tmp_path / "g.xlsx"
    export_workbook(project, path, "en")
    check_against_app(project, path)


def _sort_blocks(ws, project, with_code):
    """Sort the options and the criteria, each by a column that is not the code, with or without the code column."""
    options, criteria = tables(ws, project)
    first = 1 if with_code else 2
    n, m = len(project.options), len(project.criteria)
    sort_table(ws, options.first_row, options.first_row + n - 1, first, len(options.columns),
               key=lambda row: str(row[0]), reverse=True)
    sort_table(ws, criteria.first_row, criteria.first_row + m - 1, first, len(criteria.columns),
               key=lambda row: str(row[-1]))


@pytest.mark.parametrize("with_code", [True, False])
def test_sorting_every_block_changes_no_figure(tmp_path, with_code):
    """Every cell but the code is a formula of its own row's code, so a block sorted without its code column reads
    the same (each row computes for the code beside it) and one sorted with it follows its codes."""
    rng = random.Random(1008)
    project = _with_ties(generated_project(9, 7, seed=8), rng)
    project.criterion("crit4").weight = 25
    path = tmp_path / "sorted.xlsx"
    export_workbook(project, path, "en")
    book = openpyxl.load_workbook(path)
    ws = book["Value for money"]
    before = [c.value for c in ws["A"]]
    _sort_blocks(ws, project, with_code)
    assert ([c.value for c in ws["A"]] != before) == with_code
    costs = book["Costs"]
    n = len(project.options)
    sort_table(costs, TARIFFS.first_row, TARIFFS.first_row + n - 1, 1, len(TARIFFS.columns),
               key=lambda row: row[TARIFFS.col("name") - 1], reverse=True)
    assert list(rows_by_code(costs, TARIFFS)) != [o.id for o in project.options]
    book.save(path)
    check_against_app(project, path)


LIBREOFFICE = libreoffice_python()


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice with its Python bridge is not installed")
def test_libreoffice_recalculates_and_sorts_the_sheet_like_the_app(haarlem, tmp_path):
    """Calc's own sort of the options (by name, with the code column) and of the criteria (without it), recalculated
    by Calc: what it stores equals the app's figures, with a step up the frontier and its price per point."""
    haarlem.criterion("local_involvement").weight = 40
    source, target = tmp_path / "export.xlsx", tmp_path / "sorted.xlsx"
    export_workbook(haarlem, source, "nl")
    ws = openpyxl.load_workbook(source)["Waar voor ons geld"]
    options, criteria = tables(ws, haarlem)
    n, m = len(haarlem.options), len(haarlem.criteria)
    libreoffice_sort(LIBREOFFICE, source, target, [
        ("Waar voor ons geld", f"A{options.first_row}:Q{options.first_row + n - 1}", 1, False),
        ("Waar voor ons geld", f"B{criteria.first_row}:F{criteria.first_row + m - 1}", 0, True),
    ], tmp_path / "profile")
    stored = openpyxl.load_workbook(target, data_only=True)["Waar voor ons geld"]
    app = value_for_money(haarlem)
    rows = rows_by_code(stored, options)
    assert list(rows) == ["goma", "no"], "Calc sorted the options by name"
    for option in app.options:
        row = rows[option.option_id]
        assert stored[options.cell("quality", row)].value == pytest.approx(option.quality, abs=1e-9)
        assert stored[options.cell("annual_cost", row)].value == pytest.approx(option.annual_cost, rel=1e-12)
        assert stored[options.cell("efficient", row)].value == "ja"
    goma = rows["goma"]
    (step,) = app.steps
    assert stored[options.cell("step_from", goma)].value == "Nationale ombudsman"
    assert stored[options.cell("cost_per_point", goma)].value == pytest.approx(step.cost_per_point, rel=1e-9)
    assert stored[options.cell("extra_quality", goma)].value == pytest.approx(12.5)
