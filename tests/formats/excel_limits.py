"""Excel's documented specification and limits, checked on a workbook as openpyxl holds it.

Excel refuses a formula longer than 8,192 characters (and 'repairs' the file by removing it), a text constant
inside a formula longer than 255 characters, nesting deeper than 64 levels, a function with more than 255
arguments, a cell text longer than 32,767 characters, a sheet name longer than 31 characters, and anything beyond
1,048,576 rows or 16,384 columns.
"""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

FORMULA_LENGTH = 8192
LITERAL_LENGTH = 255
NESTING = 64
ARGUMENTS = 255
CELL_TEXT = 32767
SHEET_NAME = 31
ROWS, COLUMNS = 1_048_576, 16_384


def _literals(formula: str) -> list[str]:
    """Every "…" text constant of a formula (a doubled quote inside one counts as one character)."""
    found, at = [], 0
    while True:
        start = formula.find('"', at)
        if start < 0:
            return found
        end, text = start + 1, []
        while end < len(formula):
            if formula[end] == '"':
                if end + 1 < len(formula) and formula[end + 1] == '"':
                    text.append('"')
                    end += 2
                    continue
                break
            text.append(formula[end])
            end += 1
        found.append("".join(text))
        at = end + 1


def _outside_texts(formula: str) -> str:
    """The formula with every text constant emptied (brackets and commas inside texts do not count)."""
    out, inside, k = [], False, 0
    while k < len(formula):
        ch = formula[k]
        if ch == '"':
            if inside and k + 1 < len(formula) and formula[k + 1] == '"':
                k += 2
                continue
            inside = not inside
            out.append(ch)
        elif not inside:
            out.append(ch)
        k += 1
    return "".join(out)


def _nesting_and_arguments(formula: str) -> tuple[int, int]:
    """The deepest bracket nesting and the most arguments any one bracket holds (sheet names in quotes and
    ranges are not arguments; commas at the top of a bracket are)."""
    plain = _outside_texts(formula)
    depth = deepest = 0
    commas = [0]
    most = 0
    quoted = False
    for ch in plain:
        if ch == "'":
            quoted = not quoted
        if quoted:
            continue
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
            commas.append(0)
        elif ch == ")":
            most = max(most, commas.pop() + 1)
            depth -= 1
        elif ch == "," and depth > 0:
            commas[-1] += 1
    return deepest, most


def problems(book: Workbook) -> list[str]:
    """Every place where the workbook breaks one of Excel's limits, in words."""
    found = []
    for ws in book.worksheets:
        if len(ws.title) > SHEET_NAME:
            found.append(f"sheet name {ws.title!r} is {len(ws.title)} characters")
        if ws.max_row > ROWS or ws.max_column > COLUMNS:
            found.append(f"{ws.title}: {ws.max_row} rows × {ws.max_column} columns")
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                where = f"{ws.title}!{cell.coordinate}"
                if cell.data_type == "f" or value.startswith("="):
                    if len(value) > FORMULA_LENGTH:
                        found.append(f"{where}: formula of {len(value)} characters")
                    for literal in _literals(value):
                        if len(literal) > LITERAL_LENGTH:
                            found.append(f"{where}: a text of {len(literal)} characters inside the formula")
                    deepest, most = _nesting_and_arguments(value)
                    if deepest > NESTING:
                        found.append(f"{where}: nested {deepest} deep")
                    if most > ARGUMENTS:
                        found.append(f"{where}: a function with {most} arguments")
                elif len(value) > CELL_TEXT:
                    found.append(f"{where}: a text of {len(value)} characters")
    for rule in getattr(book, "defined_names", {}).values() if hasattr(book.defined_names, "values") else []:
        text = getattr(rule, "attr_text", "") or ""
        if len(text) > FORMULA_LENGTH:
            found.append(f"defined name {rule.name}: {len(text)} characters")
    return found
