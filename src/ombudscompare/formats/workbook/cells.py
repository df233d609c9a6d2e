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
FORMULA_STARTS = ("=", "+", "-", "@")

TITLE_FONT = Font(bold=True, size=14)
CODE_FONT = Font(size=9, color="595959")
HEADER_FONT = Font(bold=True)
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
            _FONTS[key] = Font(bold=bold, size=size or 11)
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
