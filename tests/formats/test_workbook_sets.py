"""The weight sets sheet computes each set's totals and winner like the app, live: a weight changed in the sheet
changes that set's totals and winner (evaluated by a real formula engine), survives sorting the sets' rows, and is
read back when the workbook is opened again."""

import openpyxl
import pytest

from ombudscompare.core.scoring import evaluate
from ombudscompare.core.weightsets import with_weights
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.workbook import export_workbook, load_workbook_project, sheet_names
from ombudscompare.formats.workbook.sets_sheet import CODE_ROW, HEADER_ROW
from tests.formats.workbooks import evaluated, libreoffice_python, libreoffice_sort, sort_table, value
from tests.synthetic import generated_project

pytest.importorskip("formulas")


def _columns(ws):
    return {ws.cell(CODE_ROW, c).value: c for c in range(4, ws.max_column + 1) if ws.cell(CODE_ROW, c).value}


def _rows(ws):
    found, row = {}, HEADER_ROW + 1
    while ws.cell(row, 1).value:
        found[ws.cell(row, 1).value] = row
        row += 1
    return found


def _exported_sheet(project, tmp_path, lang="nl"):
    """The workbook exported, opened with openpyxl: (book, sets sheet, criterion/option columns, set rows, path)."""
    path = tmp_path / "sets.xlsx"
    export_workbook(project, path, lang)
    book = openpyxl.load_workbook(path)
    ws = book[sheet_names(lang)["sets"]]
    return book, ws, _columns(ws), _rows(ws), path


def _check(path, project, lang):
    values = evaluated(path)
    book = openpyxl.load_workbook(path)
    ws = book[sheet_names(lang)["sets"]]
    columns, rows = _columns(ws), _rows(ws)
    winner_column = max(columns.values()) + 1
    for weight_set in project.weight_sets:
        expected = evaluate(with_weights(project, weight_set.weights))
        for result in expected.results:
            got = value(values, ws.title, f"{openpyxl.utils.get_column_letter(columns[result.option_id])}"
                                          f"{rows[weight_set.id]}")
            assert got == pytest.approx(result.total, rel=1e-12, abs=1e-9)
        winner = next(r for r in expected.results if r.rank == 1).option_id
        shown = value(values, ws.title, f"{openpyxl.utils.get_column_letter(winner_column)}{rows[weight_set.id]}")
        assert shown == project.option(winner).name.get(lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_set_computes_like_the_app(haarlem, tmp_path, lang):
    path = tmp_path / "sets.xlsx"
    export_workbook(haarlem, path, lang)
    _check(path, haarlem, lang)


def test_a_generated_project_with_switched_off_criteria(tmp_path):
    from ombudscompare.core.model import WeightSet

    project = generated_project(5, 8, seed=6)
    project.criteria[2].enabled = False
    ids = [c.id for c in project.criteria]
    project.weight_sets = [WeightSet(f"s{k}", f"Set {k}", {c: float((k * 7 + i * 3) % 11) for i, c in enumerate(ids)})
                           for k in range(4)]
    path = tmp_path / "gen.xlsx"
    export_workbook(project, path, "en")
    _check(path, project, "en")


def test_a_weight_changed_in_excel_moves_totals_and_winner_and_is_read_back(haarlem, tmp_path):
    book, ws, columns, rows, path = _exported_sheet(haarlem, tmp_path)
    ws.cell(rows["memo"], columns["local_involvement"]).value = 80  # a party: local involvement first
    # and the rows of the sets sorted by name, descending, as people do
    sort_table(ws, HEADER_ROW + 1, HEADER_ROW + len(rows), 1, ws.max_column, key=lambda r: str(r[1] or ""),
               reverse=True)
    book.save(path)
    project = load_workbook_project(path)
    memo = project.weight_set("memo")
    assert memo.weights["local_involvement"] == 80 and memo.method == "direct"
    assert [s.weights for s in project.weight_sets[1:]] == [s.weights for s in haarlem.weight_sets[1:]]
    _check(path, project, "nl")
    totals = evaluate(with_weights(project, memo.weights))
    assert next(r for r in totals.results if r.rank == 1).option_id == "goma"


def test_a_text_in_a_weight_cell_is_refused_with_its_place(haarlem, tmp_path):
    book, ws, columns, rows, path = _exported_sheet(haarlem, tmp_path)
    ws.cell(rows["cost_led"], columns["independence"]).value = "veel"
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    assert f"Gewichtensets!{openpyxl.utils.get_column_letter(columns['independence'])}{rows['cost_led']}" in \
        caught.value.render("nl")


def test_the_codes_take_no_typing_and_the_weights_say_their_range(haarlem, tmp_path):
    _book, ws, columns, rows, _path = _exported_sheet(haarlem, tmp_path)
    rules = ws.data_validations.dataValidation
    locked = [r for r in rules if r.formula1 == "FALSE"]
    weight = openpyxl.utils.get_column_letter(columns["independence"])
    assert any(f"A{rows['memo']}" in r.sqref for r in locked)
    assert any(f"{weight}{CODE_ROW}" in r.sqref for r in locked)
    assert any(r.type == "decimal" and f"{weight}{rows['memo']}" in r.sqref for r in rules)


LIBREOFFICE = libreoffice_python()


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice with its Python bridge is not installed")
def test_libreoffice_sorts_the_sets_and_recalculates_the_same_totals(haarlem, tmp_path):
    """Calc's own sort of the sets' rows (by name, descending) and Calc's recalculation: every set's stored totals
    and winner equal the app's, and the sorted workbook opens as the same project."""
    source, target = tmp_path / "export.xlsx", tmp_path / "sorted.xlsx"
    export_workbook(haarlem, source, "nl")
    ws = openpyxl.load_workbook(source)["Gewichtensets"]
    last_row = HEADER_ROW + len(haarlem.weight_sets)
    last_column = openpyxl.utils.get_column_letter(ws.max_column)
    libreoffice_sort(LIBREOFFICE, source, target, [
        ("Gewichtensets", f"A{HEADER_ROW + 1}:{last_column}{last_row}", 1, True)], tmp_path / "profile")
    stored = openpyxl.load_workbook(target, data_only=True)["Gewichtensets"]
    columns, rows = _columns(stored), _rows(stored)
    assert list(rows) != [s.id for s in haarlem.weight_sets], "Calc sorted the rows"
    winner_column = max(columns.values()) + 1
    for weight_set in haarlem.weight_sets:
        expected = evaluate(with_weights(haarlem, weight_set.weights))
        for result in expected.results:
            assert stored.cell(rows[weight_set.id], columns[result.option_id]).value == pytest.approx(
                result.total, abs=1e-9)
        winner = next(r for r in expected.results if r.rank == 1).option_id
        assert stored.cell(rows[weight_set.id], winner_column).value == haarlem.option(winner).name.get("nl")
    assert [s.weights for s in load_workbook_project(target).weight_sets] == [s.weights for s in haarlem.weight_sets]
