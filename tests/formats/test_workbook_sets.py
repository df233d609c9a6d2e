"""The weight sets sheet computes each set's totals and winner like the app, live: a weight changed in the sheet
changes that set's totals and winner (evaluated by a real formula engine and by LibreOffice), survives sorting every
block with its codes, and is read back when the workbook is opened again. What cannot be read back for sure —
blocks sorted without their codes, sets added, doubled or missing — is refused with its sheet and cell."""

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter as letter

from ombudscompare.core.model import LocalText, Option, WeightSet
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.weightsets import with_weights
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.workbook import export_workbook, load_workbook_project, sheet_names
from ombudscompare.formats.workbook.sets_sheet import CODE_ROW, FIRST_ROW, FIRST_SET_COLUMN, HEADER_ROW, layout
from tests.formats.workbooks import evaluated, libreoffice_python, libreoffice_sort, sort_table, value
from tests.synthetic import generated_project

pytest.importorskip("formulas")

DATA = Path(__file__).with_name("data")


def _set_columns(ws):
    """Each set's column, by the code above it (row 4), from column D to the first empty one."""
    found, column = {}, FIRST_SET_COLUMN
    while ws.cell(CODE_ROW, column).value:
        found[ws.cell(CODE_ROW, column).value] = column
        column += 1
    return found


def _rows(ws, top, count):
    return {ws.cell(row, 1).value: row for row in range(top, top + count)}


def _exported(project, tmp_path, lang="nl"):
    """The workbook exported and opened with openpyxl: (book, sets sheet, set columns, criterion rows, path)."""
    path = tmp_path / "sets.xlsx"
    export_workbook(project, path, lang)
    book = openpyxl.load_workbook(path)
    ws = book[sheet_names(lang)["sets"]]
    return book, ws, _set_columns(ws), _rows(ws, FIRST_ROW, len(project.criteria)), path


def _winners(project, weights, lang):
    evaluation = evaluate(with_weights(project, weights))
    return ", ".join(project.option(r.option_id).name.get(lang) for r in evaluation.results if r.rank == 1)


def _check(path, project, lang, values=None):
    """Every set's total for every option, and its winner (every option sharing first place), equal the app's."""
    values = values or evaluated(path)
    ws = openpyxl.load_workbook(path)[sheet_names(lang)["sets"]]
    at = layout(project)
    columns = _set_columns(ws)
    totals = _rows(ws, at.first_total_row, len(project.options))
    for weight_set in project.weight_sets:
        column = letter(columns[weight_set.id])
        expected = evaluate(with_weights(project, weight_set.weights))
        for result in expected.results:
            got = value(values, ws.title, f"{column}{totals[result.option_id]}")
            assert got == pytest.approx(result.total, rel=1e-12, abs=1e-9), (weight_set.id, result.option_id)
        for missing in expected.incomplete:
            assert value(values, ws.title, f"{column}{totals[missing.option_id]}") == "—"
        assert value(values, ws.title, f"{column}{at.winner_row}") == _winners(project, weight_set.weights, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_set_computes_like_the_app(haarlem, tmp_path, lang):
    path = tmp_path / "sets.xlsx"
    export_workbook(haarlem, path, lang)
    _check(path, haarlem, lang)


def test_a_generated_project_with_switched_off_criteria_and_an_unscored_option(tmp_path):
    project = generated_project(5, 8, seed=6)
    project.criteria[2].enabled = False
    project.options.append(Option("late", LocalText.both("Later", "Later")))
    ids = [c.id for c in project.criteria]
    project.weight_sets = [WeightSet(f"s{k}", f"Set {k}", {c: float((k * 7 + i * 3) % 11) for i, c in enumerate(ids)})
                           for k in range(4)]
    path = tmp_path / "gen.xlsx"
    export_workbook(project, path, "en")
    _check(path, project, "en")


def test_first_place_shared_names_every_option_that_shares_it(haarlem, tmp_path):
    """Equal to 8 decimals is a tie, as in the app: the First row names both (it named one)."""
    twin = Option("twin", LocalText.both("Tweeling", "Twin"), haarlem.option("no").tariff)
    haarlem.options.append(twin)
    for criterion in haarlem.criteria:
        score = haarlem.score("no", criterion.id)
        if score is not None:
            haarlem.scores[("twin", criterion.id)] = type(score)("twin", criterion.id, score.value)
    path = tmp_path / "tie.xlsx"
    export_workbook(haarlem, path, "nl")
    values = evaluated(path)
    _check(path, haarlem, "nl", values)
    ws = openpyxl.load_workbook(path)["Gewichtensets"]
    column = letter(_set_columns(ws)["memo"])
    assert value(values, "Gewichtensets", f"{column}{layout(haarlem).winner_row}") == "Nationale ombudsman, Tweeling"


def test_a_weight_changed_in_excel_moves_totals_and_winner_and_is_read_back(haarlem, tmp_path):
    book, ws, columns, rows, path = _exported(haarlem, tmp_path)
    ws.cell(rows["local_involvement"], columns["memo"]).value = 80  # a party: local involvement first
    book.save(path)
    project = load_workbook_project(path)
    memo = project.weight_set("memo")
    assert memo.weights["local_involvement"] == 80 and memo.method == "direct"
    assert [s.weights for s in project.weight_sets[1:]] == [s.weights for s in haarlem.weight_sets[1:]]
    _check(path, project, "nl")
    assert _winners(project, memo.weights, "nl") == "Gezamenlijke Ombudsman Metropool Amsterdam"


def _sort_every_block(ws, project):
    """The criteria by their weight in the last set, the totals by their first set's total — each with its codes."""
    at = layout(project)
    last = ws.max_column
    sort_table(ws, FIRST_ROW, at.last_criterion_row, 1, last,
               key=lambda row: (row[FIRST_SET_COLUMN + at.sets - 2] or 0, str(row[0])), reverse=True)
    sort_table(ws, at.first_total_row, at.first_total_row + at.options - 1, 1, last,
               key=lambda row: str(row[0]), reverse=True)


def test_sorting_every_block_with_its_codes_changes_no_figure_and_reads_back_the_same(haarlem, tmp_path):
    book, ws, _columns, _rows_before, path = _exported(haarlem, tmp_path)
    _sort_every_block(ws, haarlem)
    assert list(_rows(ws, FIRST_ROW, len(haarlem.criteria))) != [c.id for c in haarlem.criteria], "the sort moved rows"
    book.save(path)
    _check(path, haarlem, "nl")
    assert dumps(load_workbook_project(path)) == dumps(haarlem)


def _refusal(path):
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    return caught.value.render("nl"), caught.value


def test_criteria_sorted_without_their_codes_are_refused_with_the_cell(haarlem, tmp_path):
    """Each party would get another criterion's weights: refused, naming the cell (it was read silently)."""
    book, ws, _columns, _rows_before, path = _exported(haarlem, tmp_path)
    sort_table(ws, FIRST_ROW, layout(haarlem).last_criterion_row, 2, ws.max_column, key=lambda row: str(row[0]))
    book.save(path)
    said, error = _refusal(path)
    assert f"Gewichtensets!B{FIRST_ROW}" in said and "kolom" in said, said
    assert all(p.place.startswith("Gewichtensets!") for p in error.problems)


def test_a_set_added_in_excel_is_refused_and_a_doubled_one_too(haarlem, tmp_path):
    book, ws, columns, rows, path = _exported(haarlem, tmp_path)
    ws.insert_cols(FIRST_SET_COLUMN + len(columns))
    added = FIRST_SET_COLUMN + len(columns)
    ws.cell(CODE_ROW, added).value = "fractie_d"
    ws.cell(HEADER_ROW, added).value = "Fractie D"
    for row in rows.values():
        ws.cell(row, added).value = 10
    book.save(path)
    said, _error = _refusal(path)
    assert f"Gewichtensets!{letter(added)}{CODE_ROW}" in said and "fractie_d" in said, said
    ws.cell(CODE_ROW, added).value = "memo"  # the memo's column copied
    book.save(path)
    said, _error = _refusal(path)
    assert "memo" in said and f"{letter(added)}{CODE_ROW}" in said, said


def test_a_renamed_set_is_read_with_its_new_name_and_a_swapped_name_is_refused(haarlem, tmp_path):
    book, ws, columns, _rows_before, path = _exported(haarlem, tmp_path)
    ws.cell(HEADER_ROW, columns["memo"]).value = "Fractie A: zoals het memo"
    ws.cell(HEADER_ROW + 1, columns["memo"]).value = "Fractie A"
    book.save(path)
    project = load_workbook_project(path)
    assert project.weight_set("memo").name == "Fractie A: zoals het memo"
    assert project.weight_set("memo").note == "Fractie A"
    assert project.weight_set("memo").weights == haarlem.weight_set("memo").weights
    ws.cell(HEADER_ROW, columns["memo"]).value = haarlem.weight_set("cost_led").name
    book.save(path)
    said, _error = _refusal(path)
    assert f"Gewichtensets!{letter(columns['memo'])}{HEADER_ROW}" in said


def test_a_text_in_a_weight_cell_is_refused_with_its_place(haarlem, tmp_path):
    book, ws, columns, rows, path = _exported(haarlem, tmp_path)
    ws.cell(rows["independence"], columns["cost_led"]).value = "veel"
    ws.cell(rows["awareness"], columns["cost_led"]).value = True
    book.save(path)
    said, error = _refusal(path)
    places = [p.place for p in error.problems]
    assert f"Gewichtensets!{letter(columns['cost_led'])}{rows['independence']}" in places, said
    assert f"Gewichtensets!{letter(columns['cost_led'])}{rows['awareness']}" in places, said


def test_the_codes_take_no_typing_and_the_weights_say_their_range(haarlem, tmp_path):
    _book, ws, columns, rows, _path = _exported(haarlem, tmp_path)
    rules = ws.data_validations.dataValidation
    locked = [r for r in rules if r.formula1 == "FALSE"]
    column = letter(columns["memo"])
    assert any(f"A{rows['independence']}" in r.sqref for r in locked)
    assert any(f"{column}{CODE_ROW}" in r.sqref for r in locked)
    assert any(r.type == "decimal" and f"{column}{rows['independence']}" in r.sqref for r in rules)


def test_a_workbook_of_the_previous_layout_still_opens_with_its_sets():
    """Exported by the release before this one (sets as rows): read as it was, the same project."""
    from ombudscompare.examples import haarlem_2018

    project = load_workbook_project(DATA / "haarlem-workbook-layout2.xlsx")
    assert [(s.id, s.name, s.weights) for s in project.weight_sets] == [
        (s.id, s.name, s.weights) for s in haarlem_2018().weight_sets]


def test_the_previous_layout_sorted_without_codes_is_refused(tmp_path):
    book = openpyxl.load_workbook(DATA / "haarlem-workbook-layout2.xlsx")
    ws = book["Gewichtensets"]
    sort_table(ws, 6, 8, 2, ws.max_column, key=lambda row: str(row[0]), reverse=True)
    path = tmp_path / "old.xlsx"
    book.save(path)
    said, _error = _refusal(path)
    assert "Gewichtensets!B" in said, said


LIBREOFFICE = libreoffice_python()


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice with its Python bridge is not installed")
def test_libreoffice_sorts_every_block_and_recalculates_the_same_totals(haarlem, tmp_path):
    """Calc's own sort of the criteria (by the last set's weight) and of the totals (by the first set's), codes
    included, and Calc's recalculation: every stored total and winner equals the app's, and the sorted workbook
    opens as the same project."""
    source, target = tmp_path / "export.xlsx", tmp_path / "sorted.xlsx"
    export_workbook(haarlem, source, "nl")
    ws = openpyxl.load_workbook(source)["Gewichtensets"]
    at = layout(haarlem)
    last = letter(ws.max_column)
    libreoffice_sort(LIBREOFFICE, source, target, [
        ("Gewichtensets", f"A{FIRST_ROW}:{last}{at.last_criterion_row}", FIRST_SET_COLUMN + at.sets - 2, True),
        ("Gewichtensets", f"A{at.first_total_row}:{last}{at.first_total_row + at.options - 1}",
         FIRST_SET_COLUMN - 1, False),
    ], tmp_path / "profile")
    stored = openpyxl.load_workbook(target, data_only=True)["Gewichtensets"]
    columns = _set_columns(stored)
    assert list(_rows(stored, FIRST_ROW, len(haarlem.criteria))) != [c.id for c in haarlem.criteria], "Calc sorted"
    totals = _rows(stored, at.first_total_row, at.options)
    for weight_set in haarlem.weight_sets:
        expected = evaluate(with_weights(haarlem, weight_set.weights))
        for result in expected.results:
            assert stored.cell(totals[result.option_id], columns[weight_set.id]).value == pytest.approx(
                result.total, abs=1e-9)
        assert stored.cell(at.winner_row, columns[weight_set.id]).value == _winners(haarlem, weight_set.weights, "nl")
    assert dumps(load_workbook_project(target)) == dumps(haarlem)
