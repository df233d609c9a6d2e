"""Helpers for the workbook tests: a real formula evaluator, finding rows by code, and sorting as people do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

from openpyxl.formula.translate import Translator

from ombudscompare.formats.workbook import sheet_names
from ombudscompare.formats.workbook.geometry import TOTALS, Table


def evaluated(path):
    """Every cell's computed value, keyed like 'SHEET!A1' (upper case), by the `formulas` library."""
    import formulas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    result = {}
    for key, value in solution.items():
        if ":" in key:
            continue
        sheet_cell = key.split("]", 1)[1].replace("'", "")
        inner = value.value[0][0] if hasattr(value, "value") else value
        result[sheet_cell.upper()] = inner.item() if hasattr(inner, "item") else inner
    return result


def value(values, sheet, address):
    return values.get(f"{sheet.upper()}!{address}")


def rows_by_code(ws, table: Table, key: str = "code") -> dict[str, int]:
    """Where each code sits now (after any sort)."""
    column = table.col(key)
    found = {}
    row = table.first_row
    while ws.cell(row=row, column=column).value not in (None, ""):
        found[str(ws.cell(row=row, column=column).value)] = row
        row += 1
    return found


def score_rows(ws, table: Table) -> dict[tuple[str, str], int]:
    found = {}
    row = table.first_row
    while ws.cell(row=row, column=table.col("option_code")).value:
        found[(ws.cell(row=row, column=table.col("option_code")).value,
               ws.cell(row=row, column=table.col("criterion_code")).value)] = row
        row += 1
    return found


def app_totals(values, lang, option_ids):
    """The totals the workbook computes, per option code, from the calculation sheet's totals table."""
    sheet = sheet_names(lang)["calculation"].upper()
    result = {}
    row = TOTALS.first_row
    while True:
        code = values.get(f"{sheet}!{TOTALS.cell('code', row)}")
        if code is None:
            break
        result[code] = values.get(f"{sheet}!{TOTALS.cell('total', row)}")
        row += 1
    assert set(result) == set(option_ids)
    return result


def sort_table(ws, first_row: int, last_row: int, first_column: int, last_column: int, key, reverse=False):
    """Reorder rows as Excel's sort does: values, styles and formulas move with their row; a formula's relative
    references shift with it, as when it is cut and pasted. `key(row_values)` orders the rows."""
    rows = []
    for row in range(first_row, last_row + 1):
        cells = [ws.cell(row=row, column=c) for c in range(first_column, last_column + 1)]
        rows.append((row, [(c.value, c.data_type, c._style, c.coordinate) for c in cells]))
    ordered = sorted(rows, key=lambda item: key([v for v, *_ in item[1]]), reverse=reverse)
    for target, (_source, cells) in zip(range(first_row, last_row + 1), ordered):
        for offset, (cell_value, data_type, style, coordinate) in enumerate(cells):
            cell = ws.cell(row=target, column=first_column + offset)
            if data_type == "f" and isinstance(cell_value, str):
                cell.value = Translator(cell_value, origin=coordinate).translate_formula(cell.coordinate)
            else:
                cell.value = cell_value
                if data_type == "s":
                    cell.data_type = "s"
            cell._style = style
    return [source for source, _ in ordered]


def libreoffice_python() -> str | None:
    """A Python that can drive LibreOffice through UNO (the system one, when LibreOffice is installed)."""
    if not shutil.which("soffice"):
        return None
    for candidate in ("/usr/bin/python3", sys.executable):
        try:
            done = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return candidate
    return None


SORT_SCRIPT = Path(__file__).with_name("lo_sort.py")


def libreoffice_sort(python: str, source: Path, target: Path, sorts: list[tuple[str, str, int, bool]],
                     profile: Path) -> None:
    """Open `source` in LibreOffice, sort each (sheet, range, key column offset, descending) with Calc's own sort,
    let Calc recalculate, and save as .xlsx to `target`."""
    args = [python, str(SORT_SCRIPT), str(source), str(target), str(profile)]
    for sheet, cell_range, column, descending, *own_target in sorts:
        args.append("\t".join([sheet, cell_range, str(column), str(int(descending)), *map(str, own_target)]))
    env = dict(os.environ, PYTHONPATH="/usr/lib/libreoffice/program")
    done = subprocess.run(args, capture_output=True, text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
