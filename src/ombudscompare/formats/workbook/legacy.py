"""Workbooks exported before layout 2 (inputs at fixed rows, kept in the hidden sheet): read as they were."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from ..checks import Checker
from .overlay import _is_scale
from .sheetcells import Cells, same_or

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
        if not _is_scale(criterion["kind"]):
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
        limits = {"minimum": 1, "maximum": 5, "integer": True} if _is_scale(kinds.get(score["criterion"])) else {}
        score["value"] = same_or(score["value"], scores.number(f"C{row}", **limits))
        score["justification"] = scores.text(f"E{row}")
        source = dict(score.get("source", {}))
        for column, key in (("F", "title"), ("G", "date"), ("H", "location"), ("I", "quote")):
            source[key] = scores.text(f"{column}{row}")
        score["source"] = {k: v for k, v in source.items() if v}

