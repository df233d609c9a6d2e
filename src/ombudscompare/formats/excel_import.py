"""Opening a workbook this program exported, with the edits a reader made in Excel or LibreOffice.

The very hidden sheet holds the project as exported and where every input cell lives; the inputs
are then read back from those cells (checked one by one, named by sheet and cell), and the result
goes through the same validation as a project file. Workbooks that are not ours, damaged or
hostile (XML entity bombs, enormous parts) are refused with a clear message.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from typing import Any

from openpyxl import Workbook

from ..core.model import Project
from ..i18n import Message
from .checks import Checker, TooManyProblems
from .errors import FileError, Problem
from .excel_export import META_SHEET, WORKBOOK_FORMAT
from .project_reader import read_project

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_PARTS = 500


def load_workbook_project(path: str | os.PathLike[str]) -> Project:
    """The project in an OmbudsCompare workbook, with the workbook's input cells as edited."""
    name = str(path)
    _check_container(name)
    import openpyxl

    try:
        with open(name, "rb") as handle:  # closed even when openpyxl gives up half-way
            book = openpyxl.load_workbook(handle, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl, zipfile and defusedxml raise many kinds
        chain = _causes(exc)
        forbidden = next((type(e).__name__ for e in chain if "Forbidden" in type(e).__name__), None)
        if forbidden:
            raise FileError.single(name, "", "was refused: it contains XML constructs that are not allowed in a"
                                             " workbook ({kind})", kind=forbidden) from None
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
        raise FileError.single(name, "", "is not a readable Excel workbook ({detail})", detail=detail) from None
    if META_SHEET not in book.sheetnames or book[META_SHEET]["A1"].value != WORKBOOK_FORMAT:
        raise FileError.single(name, "", "is not a workbook exported by OmbudsCompare (its hidden sheet"
                                         " '{sheet}' is missing); open a project file or a workbook this program"
                                         " exported", sheet=META_SHEET)
    data, layout = _meta(book, name)
    checker = Checker()
    with contextlib.suppress(TooManyProblems):
        _overlay(book, data, layout, checker)
    if checker.problems:
        raise FileError(name, checker.problems)
    project, problems = read_project(data)
    if problems or project is None:
        raise FileError(name, problems)
    return project


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        chain.append(link)
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return chain


def _check_container(name: str) -> None:
    """Refuse what is not a zip, too large, or would unpack into something enormous."""
    try:
        size = os.path.getsize(name)
    except FileNotFoundError:
        raise FileError.single(name, "", "file not found") from None
    except OSError as exc:
        raise FileError.single(name, "", "cannot be read: {reason}", reason=exc.strerror or str(exc)) from None
    if size > MAX_WORKBOOK_BYTES:
        raise FileError.single(name, "", "is too large for a workbook of this program ({size} MB; at most {limit} MB)",
                               size=round(size / 1e6, 1), limit=MAX_WORKBOOK_BYTES // 1_000_000)
    try:
        with zipfile.ZipFile(name) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError, RuntimeError):
        raise FileError.single(name, "", "is not an Excel workbook (.xlsx) or it is damaged") from None
    if len(parts) > MAX_PARTS or any(p.file_size > MAX_PART_BYTES for p in parts):
        raise FileError.single(name, "", "was refused: a part of it would unpack to more than {limit} MB",
                               limit=MAX_PART_BYTES // (1024 * 1024))


def _meta(book: Workbook, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    ws = book[META_SHEET]
    chunks = []
    row = 3
    while isinstance(ws.cell(row=row, column=1).value, str):
        chunks.append(ws.cell(row=row, column=1).value)
        row += 1
    try:
        payload = json.loads("".join(chunks))
        return payload["project"], payload["layout"]
    except (ValueError, KeyError, TypeError):
        raise FileError.single(name, "", "is damaged: its hidden sheet '{sheet}' cannot be read",
                               sheet=META_SHEET) from None


class _Cells:
    """Reads one sheet's input cells, reporting problems as 'Sheet!B5: …'."""

    def __init__(self, book: Workbook, sheet: str, checker: Checker):
        self.ws = book[sheet] if sheet in book.sheetnames else None
        self.sheet = sheet
        self.checker = checker
        if self.ws is None:
            checker.problem(sheet, "the sheet is missing from the workbook")

    def _place(self, address: str) -> str:
        return f"{self.sheet}!{address}"

    def number(self, address: str, **limits: Any) -> float | None:
        if self.ws is None:
            return None
        value = self.ws[address].value
        before = len(self.checker.problems)
        result = self.checker.number({"v": value}, "v", "", **limits)
        if len(self.checker.problems) > before:
            problem = self.checker.problems[-1]
            self.checker.problems[-1] = Problem(self._place(address), problem.message)
        return result

    def text(self, address: str) -> str:
        if self.ws is None:
            return ""
        value = self.ws[address].value
        if value is None:
            return ""
        if isinstance(value, (int, float)):
            return str(value)
        if hasattr(value, "strftime"):  # a date the reader typed and Excel recognised
            return str(value.strftime("%Y-%m-%d"))
        if not isinstance(value, str):
            self.checker.problems.append(Problem(self._place(address), Message("must be a text")))
            return ""
        return value.strip()


def _overlay(book: Workbook, data: dict[str, Any], layout: dict[str, Any], ck: Checker) -> None:
    """Put the workbook's input cells over the exported project data."""
    sheets = layout["sheets"]
    lang = layout.get("lang", "nl")
    costs = _Cells(book, sheets["costs"], ck)
    town = data["municipality"]
    town["name"] = costs.text(layout["municipality"]["name"]) or town["name"]
    town["population"] = _same_or(town["population"], costs.number(
        layout["municipality"]["population"], minimum=1, maximum=100_000_000, integer=True))
    town["complaints_per_year"] = _same_or(town["complaints_per_year"], costs.number(
        layout["municipality"]["complaints_per_year"], minimum=0, maximum=10_000_000))
    town["reference_year"] = _same_or(town["reference_year"], costs.number(
        layout["municipality"]["reference_year"], minimum=1900, maximum=2200, integer=True))
    for option in data["options"]:
        row = layout["options"].get(option["id"])
        if row is None:
            continue
        name = costs.text(f"A{row}")
        if name:
            option["name"][lang] = name
        tariff = option["tariff"]
        for column, key in (("B", "fixed"), ("C", "per_inhabitant"), ("D", "per_complaint"),
                            ("E", "included_complaints"), ("F", "surcharge")):
            tariff[key] = _same_or(tariff.get(key, 0), costs.number(f"{column}{row}", minimum=0))
        indexation = costs.number(f"G{row}", minimum=-0.5, maximum=1.0)
        tariff["indexation_percent"] = _same_or(tariff.get("indexation_percent", 0),
                                                None if indexation is None else indexation * 100.0)
    criteria = _Cells(book, sheets["criteria"], ck)
    for criterion in data["criteria"]:
        row = layout["criteria"].get(criterion["id"])
        if row is None:
            continue
        name = criteria.text(f"A{row}")
        if name:
            criterion["name"][lang] = name
        if criterion["kind"] != "scale":
            criterion["best"] = _same_or(criterion.get("best"), criteria.number(f"D{row}"))
            criterion["worst"] = _same_or(criterion.get("worst"), criteria.number(f"E{row}"))
        switch = criteria.ws[f"F{row}"].value if criteria.ws is not None else None
        if isinstance(switch, bool):
            criterion["enabled"] = switch
        else:
            criterion["enabled"] = criteria.number(f"F{row}", minimum=0, maximum=1, integer=True) == 1
        criterion["weight"] = _same_or(criterion["weight"], criteria.number(f"G{row}", minimum=0, maximum=1e9))
    scores = _Cells(book, sheets["scores"], ck)
    kinds = {c["id"]: c["kind"] for c in data["criteria"]}
    for score in data["scores"]:
        row = layout["scores"].get(f"{score['option']}\t{score['criterion']}")
        if row is None:
            continue
        limits = {"minimum": 1, "maximum": 5, "integer": True} if kinds.get(score["criterion"]) == "scale" else {}
        score["value"] = _same_or(score["value"], scores.number(f"C{row}", **limits))
        score["justification"] = scores.text(f"E{row}")
        source = dict(score.get("source", {}))
        for column, key in (("F", "title"), ("G", "date"), ("H", "location"), ("I", "quote")):
            source[key] = scores.text(f"{column}{row}")
        score["source"] = {k: v for k, v in source.items() if v}


def _same_or(old: Any, new: float | None) -> Any:
    """The exported value when the cell still holds it (so 0 stays 0, not 0.0), else the cell's."""
    if new is None or isinstance(old, bool) or not isinstance(old, (int, float)):
        return new
    return old if abs(new - old) <= 1e-12 * max(1.0, abs(old)) else new
