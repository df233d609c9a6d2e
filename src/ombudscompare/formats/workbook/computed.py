"""The cells a workbook computes, remembered at export and checked on opening: a figure typed over one (a quality,
a total, a cost) is not read — the program computes it again from the inputs — and that is said, never passed over.

Stored in the hidden sheet as runs of rows per column ('C': [[5, 9], [12, 12]]). A sorted block keeps its formula
columns, so a cell that held a formula still holds one after sorting; a row inserted into a block leaves an empty
cell, which is not a figure and not reported.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from ...i18n import Message
from ..checks import describe
from ..errors import Problem
from .sheetcells import Grid

MAX_REPORTED = 50  # cells said by place; a sheet overwritten wholesale needs no more to be understood


def _is_formula(value: Any) -> bool:
    return isinstance(value, ArrayFormula) or (isinstance(value, str) and value.startswith("=") and len(value) > 1)


def computed_cells(wb: Workbook, skip: str) -> dict[str, dict[str, list[list[int]]]]:
    """Per sheet (but `skip`, the hidden one), per column letter, the runs of rows whose cells hold a formula."""
    found: dict[str, dict[str, list[list[int]]]] = {}
    for ws in wb.worksheets:
        if ws.title == skip:
            continue
        rows_by_column: dict[int, list[int]] = defaultdict(list)
        for row in ws.iter_rows():
            for cell in row:
                if _is_formula(cell.value):
                    rows_by_column[cell.column].append(cell.row)
        if rows_by_column:
            found[ws.title] = {get_column_letter(c): _runs(rows) for c, rows in sorted(rows_by_column.items())}
    return found


def _runs(rows: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return runs


def typed_over(book: Workbook, computed: Any) -> list[Problem]:
    """Every cell the workbook computed at export that now holds a typed figure or text instead of its formula, as
    'Sheet!C12: …'. A map that does not look as the exporter writes it is passed over: it only ever adds notices."""
    if not isinstance(computed, dict):
        return []
    problems: list[Problem] = []
    for sheet, columns in computed.items():
        if not isinstance(sheet, str) or sheet not in book.sheetnames or not isinstance(columns, dict):
            continue
        wanted = [(column_index_from_string(letter), int(low), int(high))
                  for letter, runs in columns.items() if isinstance(letter, str) and letter.isalpha()
                  and len(letter) <= 3 and isinstance(runs, list)
                  for run in runs if isinstance(run, list) and len(run) == 2
                  and all(isinstance(r, int) and 1 <= r <= 100_000 for r in run)
                  for low, high in [run]]
        if not wanted:
            continue
        grid = Grid(book[sheet], max(high for _c, _l, high in wanted), max(c for c, _l, _h in wanted))
        for column, low, high in sorted(wanted, key=lambda w: (w[1], w[0])):
            for row in range(low, high + 1):
                value = grid.get(row, column)
                if value is None or value == "" or _is_formula(value):
                    continue
                problems.append(Problem(f"{sheet}!{get_column_letter(column)}{row}",
                                        Message("holds {value} where the workbook computes a figure",
                                                value=describe(value))))
    problems.sort(key=lambda p: str(p.place))
    return problems
