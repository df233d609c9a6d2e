"""Workbooks of earlier layouts, read as they were: layout 1 (inputs at fixed rows, kept in the hidden sheet) and
layout 2's weight sets sheet (sets as rows)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter as letter

from ...i18n import tr
from ..checks import Checker, describe
from .sheetcells import Cells, is_scale, same_or

LAYOUT_2_CODE_ROW, LAYOUT_2_HEADER_ROW = 4, 5
WEIGHT_MAX = 1e9
MAX_ROW = 10_000  # beyond any layout-1 table of a project within the limits (30 options × 60 criteria)


def overlay_layout_1(book: Workbook, data: dict[str, Any], layout: dict[str, Any], ck: Checker) -> None:
    """Put the workbook's input cells over the exported project data, at the rows the hidden sheet names.
    Rows must be whole numbers within what such a workbook could hold (ValueError otherwise: damaged)."""
    sheets = layout["sheets"]
    lang = layout.get("lang", "nl")
    rows = [r for key in ("options", "criteria", "scores") for r in dict(layout[key]).values()]
    if not all(isinstance(r, int) and not isinstance(r, bool) and 1 <= r <= MAX_ROW for r in rows):
        raise ValueError("a row in the hidden sheet is not a row of this workbook")
    reach = max([*rows, 20]) + 1
    costs = Cells(book, sheets["costs"], ck, rows=reach, columns=12)
    town = data["municipality"]
    town["name"] = costs.text(layout["municipality"]["name"]) or town["name"]
    town["population"] = same_or(town["population"], costs.number(
        layout["municipality"]["population"], minimum=1, maximum=100_000_000, integer=True))
    town["complaints_per_year"] = same_or(town["complaints_per_year"], costs.number(
        layout["municipality"]["complaints_per_year"], minimum=0, maximum=10_000_000))
    town["reference_year"] = same_or(town["reference_year"], costs.number(
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
            tariff[key] = same_or(tariff.get(key, 0), costs.number(f"{column}{row}", minimum=0))
        indexation = costs.number(f"G{row}", minimum=-0.5, maximum=1.0)
        tariff["indexation_percent"] = same_or(tariff.get("indexation_percent", 0),
                                                None if indexation is None else indexation * 100.0)
    criteria = Cells(book, sheets["criteria"], ck, rows=reach, columns=12)
    for criterion in data["criteria"]:
        row = layout["criteria"].get(criterion["id"])
        if row is None:
            continue
        name = criteria.text(f"A{row}")
        if name:
            criterion["name"][lang] = name
        if not is_scale(criterion["kind"]):
            criterion["best"] = same_or(criterion.get("best"), criteria.number(f"D{row}"))
            criterion["worst"] = same_or(criterion.get("worst"), criteria.number(f"E{row}"))
        switch = criteria.value(f"F{row}")
        if isinstance(switch, bool):
            criterion["enabled"] = switch
        else:
            criterion["enabled"] = criteria.number(f"F{row}", minimum=0, maximum=1, integer=True) == 1
        criterion["weight"] = same_or(criterion["weight"], criteria.number(f"G{row}", minimum=0, maximum=1e9))
    scores = Cells(book, sheets["scores"], ck, rows=reach, columns=12)
    kinds = {c["id"]: c["kind"] for c in data["criteria"]}
    for score in data["scores"]:
        row = layout["scores"].get(f"{score['option']}\t{score['criterion']}")
        if row is None:
            continue
        limits = {"minimum": 1, "maximum": 5, "integer": True} if is_scale(kinds.get(score["criterion"])) else {}
        score["value"] = same_or(score["value"], scores.number(f"C{row}", **limits))
        score["justification"] = scores.text(f"E{row}")
        source = dict(score.get("source", {}))
        for column, key in (("F", "title"), ("G", "date"), ("H", "location"), ("I", "quote")):
            source[key] = scores.text(f"{column}{row}")
        score["source"] = {k: v for k, v in source.items() if v}


def read_sets_layout_2(cells: Any, project_data: dict[str, Any]) -> None:
    """A layout-2 workbook's sets sheet (sets as rows, criteria as columns): every set's weights back by set code
    (column A) and criterion code (row 4); a set whose weights changed becomes a directly set one."""
    sets = project_data.get("weight_sets") or []
    criteria = [c.get("id") for c in project_data.get("criteria", [])]
    if cells.ws is None or not sets:
        return
    columns = {}
    for column in range(4, 4 + len(criteria) + 5):
        value = cells.at(LAYOUT_2_CODE_ROW, column)
        if isinstance(value, str) and value in criteria:
            columns[value] = column
    for criterion_id in criteria:
        if criterion_id not in columns:
            cells.problem(f"D{LAYOUT_2_CODE_ROW}", "the column of criterion '{code}' is missing; the columns must"
                                                   " stay as exported", code=criterion_id)
            return
    rows: dict[str, int] = {}
    known = {str(s.get("id")): str(s.get("name", "")) for s in sets}
    for row in range(LAYOUT_2_HEADER_ROW + 1, LAYOUT_2_HEADER_ROW + 1 + len(sets) + 20):
        value = cells.at(row, 1)
        if value is None or (isinstance(value, str) and not value.strip()):
            break
        found_code, name = str(value), cells.text(f"B{row}")
        if found_code not in known:
            cells.problem(f"A{row}", "unknown code '{code}'; weight sets can only be added in the app",
                          code=found_code[:60])
        elif found_code in rows:
            cells.problem(f"A{row}", "the code '{code}' is also in row {row}; each row must be there once",
                          code=found_code, row=rows[found_code])
        elif name != known[found_code] and name in known.values():
            cells.problem(f"B{row}", "this row's code is '{code}' but its name is that of '{other}'; were the rows"
                                     " sorted without their code column? Undo the sort and sort the whole table",
                          code=found_code, other=next(k for k, v in known.items() if v == name))
        else:
            rows[found_code] = row
    for weight_set in sets:
        found_row = rows.get(str(weight_set.get("id")))
        if found_row is None:
            cells.problem(f"A{LAYOUT_2_HEADER_ROW + 1}", "the row with code '{code}' ({what}) is missing",
                          code=weight_set.get("id"), what=tr("a weight set"))
            continue
        row = found_row
        changed = False
        for criterion_id, column in columns.items():
            address = f"{letter(column)}{row}"
            found = cells.at(row, column)
            if found is None:
                found = 0
            if isinstance(found, bool) or not isinstance(found, (int, float)) or not 0 <= found <= WEIGHT_MAX:
                cells.problem(address, "must be a weight from 0 to {high}, got {got}", high="1000000000",
                              got=describe(found))
                continue
            old = weight_set.get("weights", {}).get(criterion_id, 0)
            if same_or(old, found) != old:  # what openpyxl wrote with 15 digits counts as unchanged
                weight_set.setdefault("weights", {})[criterion_id] = found
                changed = True
        if changed:
            for key in ("method", "swing", "order"):
                weight_set.pop(key, None)
