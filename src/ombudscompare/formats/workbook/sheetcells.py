"""Reading a sheet's cells: only the top-left block a table can reach, each problem named by sheet and cell; and
the rules for keeping a value the cell still holds as exported."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils.cell import coordinate_to_tuple

from ...core.kinds import named
from ...i18n import Message
from ..checks import MAX_PROBLEMS, Checker, TooManyProblems, describe
from ..errors import Problem

EXTRA_ROWS = 200  # rows past the expected ones that are looked at for rows added without a code
EXTRA_COLUMNS = 20  # the same for columns (the weight sets sheet's sets)


class Grid:
    """The values of a sheet's top-left block, read once in a single pass of the sheet's XML that stops at the
    last row wanted: a hostile sheet (rows a million down, enormous merged or linked ranges) costs nothing."""

    def __init__(self, ws: Any, rows: int, columns: int):
        self.rows, self.columns = rows, columns
        self.values: list[tuple[Any, ...]] = [tuple(r) for r in ws.iter_rows(
            min_row=1, max_row=rows, min_col=1, max_col=columns, values_only=True)]

    def get(self, row: int, column: int) -> Any:
        if 1 <= row <= len(self.values) and 1 <= column <= self.columns:
            line = self.values[row - 1]
            return line[column - 1] if column <= len(line) else None
        return None


class Cells:
    """Reads one sheet's cells (within `rows` × `columns` at the top left), reporting problems as 'Sheet!B5: …'."""

    def __init__(self, book: Workbook, sheet: str, checker: Checker, rows: int = 1000, columns: int = 16):
        self.ws = Grid(book[sheet], rows, columns) if sheet in book.sheetnames else None
        self.sheet = sheet
        self.checker = checker
        if self.ws is None:
            checker.problem(sheet, "the sheet is missing from the workbook")

    def _get(self, address: str) -> Any:
        """The value at a single cell's address; anything else (a range, a cell beyond what this sheet should
        hold) is a problem, not something to read."""
        try:
            row, column = coordinate_to_tuple(address)
        except (ValueError, TypeError, AttributeError):
            self.problem(str(address)[:20], "the workbook's hidden sheet names no single cell here; the workbook"
                                            " is damaged")
            return None
        if self.ws is None:
            return None
        if row > self.ws.rows or column > self.ws.columns:
            self.problem(address, "is outside the tables this sheet holds; the workbook is damaged")
            return None
        return self.ws.get(row, column)

    def at(self, row: int, column: int) -> Any:
        return None if self.ws is None else self.ws.get(row, column)

    def place(self, address: str) -> str:
        return f"{self.sheet}!{address}"

    def problem(self, address: str, msgid: str, **params: Any) -> None:
        self.checker.problems.append(Problem(self.place(address), Message(msgid, **params)))
        if len(self.checker.problems) >= MAX_PROBLEMS:
            raise TooManyProblems

    def value(self, address: str) -> Any:
        return self._get(address)

    def number(self, address: str, **limits: Any) -> float | None:
        if self.ws is None:
            return None
        value = self._get(address)
        before = len(self.checker.problems)
        result = self.checker.number({"v": value}, "v", "", **limits)
        if len(self.checker.problems) > before:
            problem = self.checker.problems[-1]
            self.checker.problems[-1] = Problem(self.place(address), problem.message)
        return result

    def text(self, address: str) -> str:
        if self.ws is None:
            return ""
        value = self._get(address)
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value).upper()
        if isinstance(value, (int, float)):
            return str(value)
        if hasattr(value, "strftime"):  # a date the reader typed and Excel recognised
            return str(value.strftime("%Y-%m-%d"))
        if not isinstance(value, str):
            self.problem(address, "must be a text, got {got}", got=describe(value))
            return ""
        return value.strip()


def kept(old: Any, new: str) -> Any:
    """The exported text when the cell still holds it (spaces at either end aside), else the cell's text."""
    return old if isinstance(old, str) and old.strip() == new else new


def same_or(old: Any, new: float | None) -> Any:
    """The exported value when the cell still holds it (so 0 stays 0, not 0.0), else the cell's."""
    if new is None or isinstance(old, bool) or not isinstance(old, (int, float)):
        return new
    return old if abs(new - old) <= 1e-12 * max(1.0, abs(old)) else new


def is_scale(kind: object) -> bool:
    """Whether a criterion kind (as the project file names it) is scored on the 1–5 scale."""
    rule = named(kind)
    return rule is not None and rule.scale


def is_judged(kind: object) -> bool:
    """Whether a criterion kind is scored by people (not computed from the tariffs)."""
    rule = named(kind)
    return rule is not None and not rule.computed
