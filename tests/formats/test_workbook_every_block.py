"""Sorting any block of any sheet, as people do, is never silently different — found without a list of sheets.

A block is a run of rows with a code (the small grey type code() writes) in one column: every table of every sheet,
whoever adds it. Each block is turned upside down twice: whole rows (its code moves along), and without its code
column (the mistake). Afterwards either every figure is what it was — each block row's cells compared by the row's
code, every other cell by its address, evaluated by a real formula engine — and the workbook opens as the same
project; or opening it is refused with the place on that sheet. Nothing in between."""

import openpyxl
import pytest

from ombudscompare.core.model import LocalText, Option
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.workbook import export_workbook, load_workbook_project
from ombudscompare.formats.workbook.cells import CODE_FONT
from tests.formats.workbooks import evaluated, libreoffice_python, libreoffice_sort, sort_table

pytest.importorskip("formulas")


def _is_code(cell) -> bool:
    return (isinstance(cell.value, str) and bool(cell.value) and cell.font is not None
            and cell.font.sz == CODE_FONT.sz and (cell.font.color is not None)
            and str(cell.font.color.rgb).endswith(CODE_FONT.color.rgb[-6:]))


def blocks(book):
    """(sheet, first row, last row, code column, last column) of every run of two or more rows with codes."""
    found = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for column in range(1, ws.max_column + 1):
            row = 1
            while row <= ws.max_row:
                if not _is_code(ws.cell(row, column)):
                    row += 1
                    continue
                end = row
                while end + 1 <= ws.max_row and _is_code(ws.cell(end + 1, column)):
                    end += 1
                if end > row and not any(b[0] == ws.title and b[1] <= row <= b[2] for b in found):
                    last = max(c.column for r in ws.iter_rows(min_row=row, max_row=end) for c in r
                               if c.value is not None)
                    found.append((ws.title, row, end, column, last))
                row = end + 1
    return found


def _keyed(values, book, all_blocks):
    """Every evaluated value, keyed by (sheet, code of its row, column) inside blocks, else by address."""
    where = {}
    for sheet, first, last, _code_column, last_column in all_blocks:
        ws = book[sheet]
        for row in range(first, last + 1):  # every code in the row (a score's row has two), as computed
            where[(sheet.upper(), row)] = "|".join(
                str(values.get(f"{sheet.upper()}!{ws.cell(row, c).coordinate}")) if ws.cell(row, c).data_type == "f"
                else str(ws.cell(row, c).value) for c in range(1, last_column + 1) if _is_code(ws.cell(row, c)))
    keyed = {}
    for key, found in values.items():
        sheet, address = key.split("!")
        row = int("".join(ch for ch in address if ch.isdigit()))
        column = "".join(ch for ch in address if ch.isalpha())
        code = where.get((sheet, row))
        keyed[(sheet, code, column) if code else (sheet, address)] = found
    return keyed


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return str(a) == str(b)


def _project():
    from ombudscompare.examples import haarlem_2018

    project = haarlem_2018()
    project.options.append(Option("late", LocalText.both("Later", "Later")))  # not ranked: every sentence says so
    return project


@pytest.mark.parametrize("with_codes", [True, False], ids=["with its codes", "without its codes"])
def test_every_block_of_every_sheet_sorted(tmp_path, with_codes):
    project = _project()
    source = tmp_path / "export.xlsx"
    export_workbook(project, source, "nl")
    book = openpyxl.load_workbook(source)
    all_blocks = blocks(book)
    sheets = {sheet for sheet, *_ in all_blocks}
    assert {"Samenvatting", "Criteria", "Gewichtensets", "Scores", "Kosten", "Bronnen", "Berekening"} <= sheets
    before = _keyed(evaluated(source), book, all_blocks)
    outcomes = []
    for index, (sheet, first, last, code_column, last_column) in enumerate(all_blocks):
        book = openpyxl.load_workbook(source)
        ws = book[sheet]
        if with_codes:
            _reverse(ws, first, last, 1, last_column)
        else:  # the columns beside the codes, on both sides
            left, right = _code_columns(ws, first, code_column, last_column)
            if left > 1:
                _reverse(ws, first, last, 1, left - 1)
            if right < last_column:
                _reverse(ws, first, last, right + 1, last_column)
        path = tmp_path / f"sorted{index}.xlsx"
        book.save(path)
        typed = []
        try:
            opened = load_workbook_project(path, typed)
        except FileError as refused:
            assert all(p.place.startswith(f"{sheet}!") for p in refused.problems), (sheet, refused.render("nl"))
            outcomes.append((sheet, first, "refused", refused.render("nl")))
            continue
        after = _keyed(evaluated(path), book, all_blocks)
        changed = sorted(str(k) for k in set(before) | set(after) if not _same(before.get(k), after.get(k)))
        assert not changed, (sheet, first, with_codes, changed[:8])
        assert dumps(opened) == dumps(project), (sheet, first, with_codes)
        assert typed == [], "sorting typed over no computed cell"
        outcomes.append((sheet, first, "unchanged", ""))
    print("\n".join(f"{sheet:<16} row {first:<4} {outcome} {said}" for sheet, first, outcome, said in outcomes))
    if with_codes:
        assert all(outcome == "unchanged" for _s, _f, outcome, _said in outcomes), outcomes


def _code_columns(ws, row, code_column, last_column):
    """The first and last of the adjacent code columns from `code_column` (a score's row has two)."""
    right = code_column
    while right < last_column and _is_code(ws.cell(row, right + 1)):
        right += 1
    return code_column, right


def _reverse(ws, first, last, first_column, last_column):
    """Turn rows first…last of these columns upside down, as a sort does (formulas move and shift with them)."""
    rank = {row: -row for row in range(first, last + 1)}
    rows = iter(range(first, last + 1))
    sort_table(ws, first, last, first_column, last_column, key=lambda _values: rank[next(rows)])


def _stored(path):
    """The values a program stored in the file (what Calc computed), keyed like evaluated()."""
    book = openpyxl.load_workbook(path, data_only=True)
    return {f"{ws.title.upper()}!{cell.coordinate}": cell.value for ws in book.worksheets
            for row in ws.iter_rows() for cell in row if cell.value is not None}


LIBREOFFICE = libreoffice_python()


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice with its Python bridge is not installed")
def test_libreoffice_sorts_every_block_of_every_sheet(tmp_path):
    """Calc's own sort, by a column, descending, of every block — with its code column and without — and Calc's
    recalculation: the same outcome as above (prints the table for the record)."""
    from openpyxl.utils import get_column_letter as letter

    project = _project()
    source = tmp_path / "export.xlsx"
    export_workbook(project, source, "nl")
    book = openpyxl.load_workbook(source)
    all_blocks = blocks(book)
    runs = [("", "", 0, False, tmp_path / "recalculated.xlsx")]
    for index, (sheet, first, last, code_column, last_column) in enumerate(all_blocks):
        whole = f"A{first}:{letter(last_column)}{last}"
        runs.append((sheet, whole, code_column - 1, True, tmp_path / f"with{index}.xlsx"))
        left, right = _code_columns(book[sheet], first, code_column, last_column)
        if right < last_column:  # without the codes: the columns right of them, by the first of them
            runs.append((sheet, f"{letter(right + 1)}{first}:{letter(last_column)}{last}", 0, True,
                         tmp_path / f"without{index}.xlsx"))
        else:  # the codes are the last columns: the ones left of them, by the name beside the rank
            runs.append((sheet, f"A{first}:{letter(left - 1)}{last}", 1, False, tmp_path / f"without{index}.xlsx"))
    libreoffice_sort(LIBREOFFICE, source, tmp_path / "last.xlsx", runs, tmp_path / "profile")
    before = _keyed(_stored(tmp_path / "recalculated.xlsx"), book, all_blocks)
    lines = []
    for index, (sheet, first, _last, _code_column, _last_column) in enumerate(all_blocks):
        for variant in ("with", "without"):
            path = tmp_path / f"{variant}{index}.xlsx"
            typed = []
            try:
                opened = load_workbook_project(path, typed)
            except FileError as refused:
                assert variant == "without", (sheet, first, refused.render("nl"))
                assert all(p.place.startswith(f"{sheet}!") for p in refused.problems), refused.render("nl")
                lines.append(f"{sheet:<20} row {first:<3} {variant:<8} refused: {refused.problems[0].place}")
                continue
            sorted_book = openpyxl.load_workbook(path)
            after = _keyed(_stored(path), sorted_book, blocks(sorted_book))
            changed = sorted(str(k) for k in set(before) | set(after) if not _same(before.get(k), after.get(k)))
            assert not changed, (sheet, first, variant, changed[:8])
            assert dumps(opened) == dumps(project), (sheet, first, variant)
            assert typed == [], (sheet, first, variant, [p.render("en") for p in typed])
            lines.append(f"{sheet:<20} row {first:<3} {variant:<8} every figure as it was, opens the same")
    print("\n" + "\n".join(lines))
