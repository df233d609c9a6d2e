"""Writing cells safely and readably: user text never becomes a formula; money, percentages, wrapping."""

from __future__ import annotations

import string
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

MONEY = '"€" #,##0.00;"€" -#,##0.00'
MONEY_4 = '"€" #,##0.0000;"€" -#,##0.0000'
PERCENT = "0.0%"
NUMBER_1 = "#,##0.0"
NUMBER_2 = "#,##0.00"
WHOLE = "#,##0"
AS_GIVEN = "#,##0.####"  # a figure with the decimals it has: whole ones lose the point by as_given() below
FORMULA_STARTS = ("=", "+", "-", "@")

FONT_NAME = "Calibri"  # named on every font: a font without a name prints in Calc's serif
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
CODE_FONT = Font(name=FONT_NAME, size=9, color="595959")
HEADER_FONT = Font(name=FONT_NAME, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def text(ws: Worksheet, row: int, column: int, value: str, **style: Any) -> None:
    """Put user or program text in a cell; it is always stored as text, never as a formula."""
    clean = ILLEGAL_CHARACTERS_RE.sub("", value or "")
    cell = ws.cell(row=row, column=column)
    cell.value = clean
    cell.data_type = "s"  # '=cmd|...' typed by a user stays visible text; Excel will not run it
    _style(cell, **style)


def number(ws: Worksheet, row: int, column: int, value: float | None, fmt: str = "General", input_cell: bool = False,
           **style: Any) -> None:
    cell = ws.cell(row=row, column=column, value=value)
    cell.number_format = fmt
    if input_cell:
        cell.fill = INPUT_FILL
    _style(cell, **style)


def formula(ws: Worksheet, row: int, column: int, expression: str, fmt: str = "General", **style: Any) -> None:
    """A live formula the program composed (never from user text)."""
    assert expression.startswith("=")
    cell = ws.cell(row=row, column=column, value=expression)
    cell.number_format = fmt
    _style(cell, **style)


def header_row(ws: Worksheet, row: int, titles: list[str], first_column: int = 1) -> None:
    for offset, title in enumerate(titles):
        text(ws, row, first_column + offset, title, bold=True, fill=HEADER_FILL, wrap=True, box=True)


_FONTS: dict[tuple[bool, int], Font] = {}


def _style(cell: Any, bold: bool = False, fill: PatternFill | None = None, wrap: bool = False, box: bool = False,
           size: int | None = None) -> None:
    if bold or size:
        key = (bold, size or 11)
        if key not in _FONTS:
            _FONTS[key] = Font(name=FONT_NAME, bold=bold, size=size or 11)
        cell.font = _FONTS[key]
    if fill is not None:
        cell.fill = fill
    if wrap:
        cell.alignment = WRAP
    elif box:
        cell.alignment = TOP  # rows grow for wrapped neighbours; keep every cell's text at the top
    if box:
        cell.border = BOX


def widths(ws: Worksheet, columns: dict[int, float]) -> None:
    for column, width in columns.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def as_given(ws: Worksheet, cells: str) -> None:
    """Whole figures in `cells` ('B5' or 'A10:A20') shown without the decimal point AS_GIVEN leaves ('93.'), so
    93 reads 93 and 93,5 reads 93,5 — the figure the user gave."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.styles.numbers import NumberFormat

    first = cells.split(":")[0].replace("$", "")
    ws.conditional_formatting.add(cells, Rule(type="expression", formula=[f"{first}=INT({first})"],
                                              dxf=DifferentialStyle(numFmt=NumberFormat(numFmtId=201,
                                                                                        formatCode=WHOLE))))


def fold(ws: Worksheet, first: int, last: int) -> None:
    """Columns first…last hidden in an outline group (Excel's and Calc's '+' above them opens them), each keeping
    its width (openpyxl's own group() gives them all the first one's)."""
    for column in range(first, last + 1):
        dimension = ws.column_dimensions[get_column_letter(column)]
        dimension.outline_level = 1
        dimension.hidden = True


HEADER_LIMIT = 200  # Excel refuses page headers over 255 characters, codes included


def print_setup(ws: Worksheet, title: str, page_text: str, header_rows: str | None = None,
                portrait: bool = False) -> None:
    """A4 fitted to the page width (the columns are sized to print at 80 % or more), the title in the header,
    cut to fit Excel's limit, and page numbers in the footer."""
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    escaped = title.replace("&", "&&")
    if len(escaped) > HEADER_LIMIT:
        escaped = escaped[: HEADER_LIMIT - 1].rstrip("&") + "…"
    ws.oddHeader.center.text = escaped
    ws.oddFooter.right.text = page_text
    ws.page_margins.left = ws.page_margins.right = 10 / 25.4
    ws.page_margins.top = ws.page_margins.bottom = 0.9
    ws.page_margins.header = ws.page_margins.footer = 0.35
    if header_rows:
        ws.print_title_rows = header_rows
    fit_for_print(ws)


def fit_for_print(ws: Worksheet) -> None:
    """Every sheet, whoever wrote it: each font named, and a line of text that stands alone in its row (a title,
    an explanation) and would run past the tables wrapped over their width instead — Excel and Calc print a
    sheet as wide as its furthest text, so one long line would shrink the whole sheet on paper."""
    import math

    hidden = {c for d in ws.column_dimensions.values() if d.hidden for c in range(d.min or 0, (d.max or 0) + 1)}
    merged = {(r.min_row, r.min_col) for r in ws.merged_cells.ranges}
    lone, last = [], 1
    for cells in ws.iter_rows():
        filled = [c for c in cells if c.value is not None and c.value != ""]
        for cell in filled:
            if cell.font is not None and cell.font.name is None:
                cell.font = cell.font.copy(name=FONT_NAME)
        if len(filled) == 1 and isinstance(filled[0].value, str) and filled[0].data_type == "s" \
                and (filled[0].row, filled[0].column) not in merged and not filled[0].alignment.wrap_text:
            lone.append(filled[0])
        else:
            last = max([last, *(c.column for c in filled if c.column not in hidden)])
    room = {c: ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, last + 1)}
    for cell in lone:
        if cell.column >= last:
            continue
        size = (cell.font.sz or 11) if cell.font is not None else 11
        wide = len(str(cell.value)) * 0.95 * size / 11 * (1.08 if cell.font is not None and cell.font.b else 1.0)
        available = sum(room[c] for c in range(cell.column, last + 1))
        if wide <= available:
            continue
        ws.merge_cells(start_row=cell.row, start_column=cell.column, end_row=cell.row, end_column=last)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = math.ceil(wide / available)
        ws.row_dimensions[cell.row].height = max(ws.row_dimensions[cell.row].height or 0,
                                                 lines * size * 1.33 + 3)


def literal(value: str) -> str:
    """A text as a formula string literal: the text between double quotes, its own double quotes doubled."""
    clean: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return '"' + clean.replace('"', '""') + '"'


def sentence(template: str, **parts: str) -> str:
    """A translated sentence as a formula expression: literal text around the {placeholders}, each
    replaced by the expression given for it ('"X staat op de eerste plaats met "&FIXED(C10,1)&"."')."""
    pieces = []
    for literal_text, name, _spec, _conversion in string.Formatter().parse(template):
        if literal_text:
            pieces.append(literal(literal_text))
        if name is not None:
            pieces.append(f"({parts[name]})")
    return "&".join(pieces) or '""'


def num(value: float) -> str:
    """A number as formula text, exactly as far as a spreadsheet reads it: '1E-09', '77.19'."""
    return repr(float(value)).upper().replace("E-0", "E-").replace("E+0", "E+")


def capitalised(expression: str) -> str:
    """The expression's text with its first letter in capitals, as a sentence starts."""
    return f"UPPER(LEFT({expression},1))&MID({expression},2,32767)"


def code(ws: Worksheet, row: int, column: int, value: str) -> None:
    """A row's code: small and grey, there for the formulas to find the row by, whatever order the rows are in."""
    text(ws, row, column, value, box=True)
    ws.cell(row=row, column=column).font = CODE_FONT


def ref(column: int, row: int, absolute: bool = False, sheet: str | None = None) -> str:
    """'B4', '$B$4' or "'Kosten'!$B$4"."""
    letter = get_column_letter(column)
    address = f"${letter}${row}" if absolute else f"{letter}{row}"
    if sheet:
        quoted = sheet.replace("'", "''")
        return f"'{quoted}'!{address}"
    return address


def fit_rows(ws: Worksheet, first: int, last: int, line_height: float = 14.5) -> None:
    """Row heights for wrapped text, which Excel and LibreOffice do not always grow by themselves."""
    import math

    chars = {}
    for offset, cells in enumerate(ws.iter_rows(min_row=first, max_row=last)):
        lines = 1
        for cell in cells:
            if not isinstance(cell.value, str) or cell.data_type == "f" or not cell.alignment.wrap_text:
                continue
            letter = cell.column_letter
            if letter not in chars:
                chars[letter] = max(1.0, (ws.column_dimensions[letter].width or 10) * 0.95)
            lines = max(lines, sum(max(1, math.ceil(len(part) / chars[letter])) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[first + offset].height = line_height * lines + 2
