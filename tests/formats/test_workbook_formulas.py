"""The exported workbook computes like the app, evaluated by a real formula engine — also after edits and after the
rows of every table have been sorted as people do in Excel (and by LibreOffice's own sort)."""

import openpyxl
import pytest

from ombudscompare.core.model import CriterionKind
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.whatif import with_municipality
from ombudscompare.explain.values import conclusion
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.workbook import export_workbook, load_workbook_project, sheet_names
from ombudscompare.formats.workbook.geometry import CRITERIA, RANKING, SCORES, TARIFFS, TOTALS, cells_table
from tests.formats.workbooks import (
    app_totals,
    evaluated,
    libreoffice_python,
    libreoffice_sort,
    rows_by_code,
    score_rows,
    sort_table,
    value,
)
from tests.synthetic import generated_project

pytest.importorskip("formulas")


def ranking_shown(values, lang, count):
    """The summary's ranking as the workbook computes it: (rank, name, total) per row, top to bottom."""
    sheet = sheet_names(lang)["summary"]
    return [(value(values, sheet, RANKING.cell("rank", RANKING.first_row + k)),
             value(values, sheet, RANKING.cell("name", RANKING.first_row + k)),
             value(values, sheet, RANKING.cell("total", RANKING.first_row + k))) for k in range(count)]


def conclusion_shown(values, lang, count):
    return value(values, sheet_names(lang)["summary"], f"A{RANKING.first_row + count + 2}")


def check_against_app(project, path, lang="en"):
    """Totals, ranking, conclusion, costs and shares in the evaluated workbook equal the app's."""
    values = evaluated(path)
    evaluation = evaluate(project)
    totals = app_totals(values, lang, [o.id for o in project.options])
    for result in evaluation.results:
        assert totals[result.option_id] == pytest.approx(result.total, rel=1e-9, abs=1e-9)
    for missing in evaluation.incomplete:
        assert isinstance(totals[missing.option_id], str), "an option lacking a score is not ranked"
    shown = ranking_shown(values, lang, len(project.options))
    expected = [(r.rank, project.option(r.option_id).name.get(lang)) for r in evaluation.ranking()]
    assert [(rank, name) for rank, name, _total in shown[:len(expected)]] == expected
    assert conclusion_shown(values, lang, len(project.options)) == conclusion(project, evaluation, lang)
    book = openpyxl.load_workbook(path)
    costs = book[sheet_names(lang)["costs"]]
    for option_id, row in rows_by_code(costs, TARIFFS).items():
        result = next((r for r in evaluation.results if r.option_id == option_id), None)
        if result is not None:
            assert value(values, costs.title, TARIFFS.cell("annual_cost", row)) == pytest.approx(result.annual_cost,
                                                                                                 rel=1e-9)
    criteria = book[sheet_names(lang)["criteria"]]
    for criterion_id, row in rows_by_code(criteria, CRITERIA).items():
        share = value(values, criteria.title, CRITERIA.cell("share", row))
        assert share == pytest.approx(evaluation.shares.get(criterion_id, 0.0), rel=1e-9, abs=1e-12)
    return values


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_haarlem_formulas_equal_the_app(haarlem, tmp_path, lang):
    path = tmp_path / "haarlem.xlsx"
    export_workbook(haarlem, path, lang)
    values = evaluated(path)
    totals = app_totals(values, lang, ["no", "goma"])
    assert totals["no"] == pytest.approx(77.1883908, abs=1e-9)
    assert totals["goma"] == pytest.approx(60.4970981, abs=1e-7)
    if lang == "en":
        check_against_app(haarlem, path, lang)


def test_generated_project_formulas_equal_the_app(tmp_path):
    project = generated_project(6, 9, seed=4)
    path = tmp_path / "generated.xlsx"
    export_workbook(project, path, "en")
    check_against_app(project, path)


def test_edits_in_the_workbook_reorder_the_summary_and_its_conclusion(haarlem, tmp_path):
    """A weight change that puts GOMA first: the summary's order, rank 1, bold rule and sentence all follow."""
    path = tmp_path / "edited.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    costs, criteria = book["Costs"], book["Criteria"]
    costs[TARIFFS.cell("surcharge", rows_by_code(costs, TARIFFS)["goma"])] = 0
    criteria[CRITERIA.cell("weight", rows_by_code(criteria, CRITERIA)["local_involvement"])] = 200
    book.save(path)
    changed = load_workbook_project(path)
    assert changed.option("goma").tariff.surcharge == 0 and changed.criterion("local_involvement").weight == 200
    values = check_against_app(changed, path)
    assert ranking_shown(values, "en", 2)[0][:2] == (1, "Joint Ombudsman Metropool Amsterdam")
    assert conclusion_shown(values, "en", 2).startswith("The Joint Ombudsman Metropool Amsterdam ranks first")
    sentence_row = RANKING.first_row + 2 + 3
    assert value(values, "Summary", f"A{sentence_row}").startswith("(A sentence about the weights stood here")
    rule = book["Summary"].conditional_formatting
    assert any(r.formula == [f"$A{RANKING.first_row}=1"] and r.dxf.font.b for cf in rule for r in cf.rules)


def test_the_exported_sentence_stays_while_nothing_changed(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    values = evaluated(path)
    assert value(values, "Summary", f"A{RANKING.first_row + 5}").startswith("The National Ombudsman stays first")


def test_a_tie_and_an_unscored_option_read_like_the_app(haarlem, tmp_path):
    project = haarlem
    from ombudscompare.core.model import LocalText, Option

    twin = Option("twin", LocalText.both("Tweeling", "Twin"), project.option("no").tariff)
    project.options.append(twin)
    for criterion in project.criteria:
        score = project.score("no", criterion.id)
        if score is not None:
            project.scores[("twin", criterion.id)] = type(score)("twin", criterion.id, score.value)
    late = Option("late", LocalText.both("Later", "Later"))
    project.options.append(late)
    path = tmp_path / "tie.xlsx"
    export_workbook(project, path, "en")
    values = check_against_app(project, path)
    shown = ranking_shown(values, "en", 4)
    assert [rank for rank, _name, _total in shown] == [1, 1, 3, "—"]
    assert conclusion_shown(values, "en", 4) == ("Tie for first place: the National Ombudsman, Twin (77.2). Not ranked"
                                                 " yet, because not every score has been given: Later.")


def test_sorting_the_totals_and_the_summary_keeps_the_conclusion(haarlem, tmp_path):
    """The conclusion finds the options by their place in the ranking, not by row: a tie of three and two unscored
    options read the same after the calculation's totals are sorted by code and the summary's ranking turned
    upside down."""
    from ombudscompare.core.model import LocalText, Option

    for key, name in (("twin", "Aardvark"), ("triplet", "Zebra")):
        project_option = Option(key, LocalText.both(name, name), haarlem.option("no").tariff)
        haarlem.options.append(project_option)
        for criterion in haarlem.criteria:
            score = haarlem.score("no", criterion.id)
            if score is not None:
                haarlem.scores[(key, criterion.id)] = type(score)(key, criterion.id, score.value)
    haarlem.options += [Option("late", LocalText.both("Later", "Later")), Option("b", LocalText.both("Bee", "Bee"))]
    path = tmp_path / "tie.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    n = len(haarlem.options)
    sort_table(book["Calculation"], TOTALS.first_row, TOTALS.first_row + n - 1, 1, len(TOTALS.columns),
               key=lambda row: row[TOTALS.col("code") - 1])
    moved = sort_table(book["Summary"], RANKING.first_row, RANKING.first_row + n - 1, 1, len(RANKING.columns),
                       key=lambda row: row[RANKING.col("code") - 1], reverse=True)
    assert moved != sorted(moved), "the sort moved the summary's rows"
    book.save(path)
    values = evaluated(path)
    expected = conclusion(haarlem, evaluate(haarlem), "en")
    assert expected.startswith("Tie for first place: the National Ombudsman, Aardvark, Zebra (77.2).")
    assert expected.endswith("Not ranked yet, because not every score has been given: Later, Bee.")
    assert conclusion_shown(values, "en", n) == expected


def test_two_different_totals_never_read_the_same(haarlem, tmp_path):
    """60.52 and 60.49 would both show as 60.5: the conclusion adds a decimal, as the app does."""
    project = haarlem
    project.score("no", "independence").value = 3  # 10 points less; then a dearer rate brings it near GOMA
    goma = evaluate(project).result("goma").total
    at_zero = 85.0 - 10.0  # the National Ombudsman's total at a rate of 0, less 40 points per euro per inhabitant
    project.option("no").tariff.per_inhabitant = (at_zero - (goma + 0.03)) / 40
    evaluation = evaluate(project)
    first, second = evaluation.ranking()
    assert round(first.total, 1) == round(second.total, 1) and first.total != second.total
    path = tmp_path / "close.xlsx"
    export_workbook(project, path, "en")
    values = check_against_app(project, path)
    said = conclusion_shown(values, "en", 2)
    assert f"{first.total:.2f}" in said and f"{second.total:.2f}" in said


def _sort_everything(book, project, lang):
    """Sort the rows of every table, each by a different column, as an adviser might."""
    names = sheet_names(lang)
    n, m = len(project.options), len(project.criteria)
    pairs = sum(1 for o in project.options for c in project.criteria if not c.kind.computed)
    scores = book[names["scores"]]
    sort_table(scores, SCORES.first_row, SCORES.first_row + pairs - 1, 1, len(SCORES.columns),
               key=lambda row: (row[SCORES.col("value") - 1] is None, row[SCORES.col("value") - 1] or 0), reverse=True)
    costs = book[names["costs"]]
    sort_table(costs, TARIFFS.first_row, TARIFFS.first_row + n - 1, 1, len(TARIFFS.columns),
               key=lambda row: row[TARIFFS.col("name") - 1], reverse=True)
    criteria = book[names["criteria"]]
    sort_table(criteria, CRITERIA.first_row, CRITERIA.first_row + m - 1, 1, len(CRITERIA.columns),
               key=lambda row: (row[CRITERIA.col("weight") - 1], row[CRITERIA.col("code") - 1]))
    calculation = book[names["calculation"]]
    sort_table(calculation, TOTALS.first_row, TOTALS.first_row + n - 1, 1, len(TOTALS.columns),
               key=lambda row: row[TOTALS.col("code") - 1], reverse=True)
    cells = cells_table(n)
    sort_table(calculation, cells.first_row, cells.first_row + n * m - 1, 1, len(cells.columns),
               key=lambda row: (row[1], row[0]))


@pytest.mark.parametrize("seed", [4, 11])
def test_sorting_every_table_changes_no_figure(tmp_path, seed):
    project = generated_project(5, 8, seed=seed)
    path = tmp_path / "sorted.xlsx"
    export_workbook(project, path, "en")
    book = openpyxl.load_workbook(path)
    _sort_everything(book, project, "en")
    assert list(rows_by_code(book["Costs"], TARIFFS)) != [o.id for o in project.options], "the sort moved rows"
    book.save(path)
    check_against_app(project, path)
    assert dumps(load_workbook_project(path)) == dumps(project)


def test_sorting_then_editing_gives_the_app_figures(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    _sort_everything(book, haarlem, "en")
    scores = book["Scores"]
    scores[SCORES.cell("value", score_rows(scores, SCORES)[("goma", "independence")])] = 5
    book["Costs"][TARIFFS.cell("fixed", rows_by_code(book["Costs"], TARIFFS)["no"])] = 5000
    book.save(path)
    changed = load_workbook_project(path)
    assert changed.score("goma", "independence").value == 5 and changed.option("no").tariff.fixed == 5000
    assert changed.score("no", "independence").value == haarlem.score("no", "independence").value
    check_against_app(changed, path)


def test_complaints_and_weights_changed_in_the_workbook(haarlem, tmp_path):
    path = tmp_path / "edited.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    book["Costs"]["D5"] = 150
    criteria = book["Criteria"]
    criteria[CRITERIA.cell("weight", rows_by_code(criteria, CRITERIA)["local_involvement"])] = 60
    book.save(path)
    changed = with_municipality(haarlem, complaints=150)
    changed.criterion("local_involvement").weight = 60
    check_against_app(changed, path)


def test_an_emptied_score_is_missing_not_the_worst(haarlem, tmp_path):
    path = tmp_path / "empty.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    scores = book["Scores"]
    row = score_rows(scores, SCORES)[("goma", "independence")]
    for key in ("value", "justification", "title", "date", "location", "quote"):
        scores[SCORES.cell(key, row)] = None
    book.save(path)
    values = evaluated(path)
    assert value(values, "Scores", SCORES.cell("meaning", row)) == "missing: not judged yet"
    totals = app_totals(values, "en", ["no", "goma"])
    assert totals["goma"] == "not ranked: scores missing"
    changed = load_workbook_project(path)
    assert changed.score("goma", "independence") is None
    check_against_app(changed, path)


LIBREOFFICE = libreoffice_python()


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice with its Python bridge is not installed")
def test_libreoffice_sorting_keeps_totals_and_import(tmp_path):
    """Calc's own sort on the scores and tariffs, recalculated by Calc: the totals it stores equal the app's and
    the sorted workbook opens as the same project."""
    project = generated_project(4, 7, seed=2)
    source, target = tmp_path / "export.xlsx", tmp_path / "sorted.xlsx"
    export_workbook(project, source, "nl")
    pairs = sum(1 for o in project.options for c in project.criteria if not c.kind.computed)
    last_score = SCORES.first_row + pairs - 1
    last_tariff = TARIFFS.first_row + len(project.options) - 1
    libreoffice_sort(LIBREOFFICE, source, target, [
        ("Scores", f"A{SCORES.first_row}:K{last_score}", SCORES.col("value") - 1, True),
        ("Kosten", f"A{TARIFFS.first_row}:K{last_tariff}", TARIFFS.col("fixed") - 1, True),
        ("Criteria", f"A{CRITERIA.first_row}:J{CRITERIA.first_row + len(project.criteria) - 1}",
         CRITERIA.col("weight") - 1, False),
    ], tmp_path / "profile")
    stored = openpyxl.load_workbook(target, data_only=True)
    assert list(rows_by_code(stored["Kosten"], TARIFFS)) != [o.id for o in project.options], "Calc sorted the rows"
    evaluation = evaluate(project)
    calculation = stored["Berekening"]
    for option_id, row in rows_by_code(calculation, TOTALS).items():
        assert calculation[TOTALS.cell("total", row)].value == pytest.approx(evaluation.result(option_id).total,
                                                                           abs=1e-9)
    summary = stored["Samenvatting"]
    best = evaluation.ranking()[0]
    assert summary[RANKING.cell("code", RANKING.first_row)].value == best.option_id
    assert dumps(load_workbook_project(target)) == dumps(project)


def test_scale_criteria_only_get_rows_for_scored_kinds(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    scores = openpyxl.load_workbook(path)["Scores"]
    computed = {c.id for c in haarlem.criteria if c.kind.computed}
    assert computed and not computed & {criterion for _option, criterion in score_rows(scores, SCORES)}
    assert all(c.kind in (CriterionKind.SCALE, CriterionKind.NUMBER) for c in haarlem.criteria
               if c.id not in computed)
