"""The Excel workbook for the memo: every input a cell, every cost, value, share, total, rank and the
conclusion a live formula that finds its inputs by code, so editing and sorting in Excel or
LibreOffice keeps every figure right.

Sheets (in the chosen language): summary, criteria and weights, scores with their grounds, costs
with the municipality and tariffs, sources, and the calculation. A very hidden sheet keeps the
project file, so the workbook opens back into the app with the reader's edits (see reader.py).
"""

from __future__ import annotations

import io
import json
import os
from datetime import datetime

from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break

from ...core.model import Project
from ...core.scoring import evaluate
from ...i18n import tr
from ..atomic import write_bytes_atomic
from ..project_file import checked_bytes, project_to_data
from . import charts
from .cells import number, print_setup, ref, text
from .computed import computed_cells
from .geometry import (
    CRITERIA,
    LAYOUT_VERSION,
    META_NAMES_COLUMN,
    META_SHEET,
    SCORES,
    SENTENCE_ROW,
    SHEET_ORDER,
    SHEET_TITLES,
    SOURCES,
    TARIFFS,
    TOTALS,
    WORKBOOK_FORMAT,
)
from .inputs import cost_curve, costs_sheet, criteria_sheet, scores_sheet, sources_sheet
from .results import calculation_sheet, project_title, summary_sheet
from .sets_sheet import HEADER_ROW, sets_sheet
from .value_sheet import value_sheet

CHUNK = 30_000
SUMMARY_PAGE_ROWS = 50  # rows of the default height on a portrait A4 page within the margins


def sheet_names(lang: str) -> dict[str, str]:
    return {key: tr(SHEET_TITLES[key], lang) for key in SHEET_ORDER}


def build_workbook(project: Project, lang: str, now: datetime | None = None) -> Workbook:
    """The workbook in memory; raises ModelError if the project cannot be scored."""
    evaluation = evaluate(project)
    now = now or datetime.now()
    names = sheet_names(lang)
    wb = Workbook()
    sheets = {"summary": wb.active}
    sheets["summary"].title = names["summary"]
    for key in SHEET_ORDER[1:]:
        if key == "sets" and not project.weight_sets:
            continue
        sheets[key] = wb.create_sheet(names[key], 2 if key == "sets" else None)  # sets next to the criteria
    after_tariffs = costs_sheet(sheets["costs"], project, lang, names)
    sheets["costs"].row_breaks.append(Break(id=after_tariffs - 1))  # the curve and its chart on a page of their own
    heading, last = cost_curve(sheets["costs"], project, lang, after_tariffs)
    cost_chart = charts.cost_chart(sheets["costs"], lang, heading, last, len(project.options))
    sheets["costs"].add_chart(cost_chart, charts.beside_or_below(
        sheets["costs"], cost_chart, 1 + len(project.options), heading - 2, last + 2,
        TARIFFS.first_column + len(TARIFFS.columns) - 1))
    criteria_sheet(sheets["criteria"], project, lang)
    scores_sheet(sheets["scores"], project, lang)
    sources_sheet(sheets["sources"], project, lang)
    spans = calculation_sheet(sheets["calculation"], project, evaluation, lang, names)
    if "sets" in sheets:
        sets_sheet(sheets["sets"], project, lang, names)
    value_sheet(sheets["value"], project, lang, names)
    chart_row = summary_sheet(sheets["summary"], project, evaluation, lang, names, spans,
                              now.strftime("%d-%m-%Y %H:%M"))
    chart = charts.contributions_chart(sheets["calculation"], lang, spans.chart_top, len(project.options),
                                       spans.chart_series)
    if chart_row + charts.rows_for(chart) > SUMMARY_PAGE_ROWS:
        sheets["summary"].row_breaks.append(Break(id=chart_row - 1))
    sheets["summary"].add_chart(chart, ref(1, chart_row))
    _meta(wb, project, lang, names, spans.sentence_at_export)
    title = project_title(project, lang)
    wb.properties.title = title
    wb.properties.subject = tr("Comparison of the options for the external complaint body of {name}", lang,
                               name=project.municipality.name)
    wb.properties.creator = "OmbudsCompare"
    wb.properties.keywords = "ombudsman; klachtinstantie; OmbudsCompare"
    wb.properties.created = now
    repeat = {"criteria": f"{CRITERIA.header_row}:"
              f"{CRITERIA.header_row}", "scores": f"{SCORES.header_row}:{SCORES.header_row}",
              "sources": f"{SOURCES.header_row}:{SOURCES.header_row}",
              "calculation": f"{TOTALS.header_row}:{TOTALS.header_row}", "sets": f"{HEADER_ROW}:{HEADER_ROW}"}
    for key, ws in sheets.items():
        print_setup(ws, f"{title} — {ws.title}", tr("Page &P of &N", lang), repeat.get(key), portrait=key == "summary")
    return wb


def export_workbook(project: Project, path: str | os.PathLike[str], lang: str) -> None:
    """Write the workbook atomically: a failure leaves any earlier file as it was and no partial file. The project
    must be one a project file can hold (the workbook carries it): FileError otherwise, nothing written."""
    checked_bytes(project, str(path))
    wb = build_workbook(project, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def _meta(wb: Workbook, project: Project, lang: str, names: dict[str, str], sentence: str) -> None:
    """What only the app needs to open the workbook again: the project as exported, the language and the sheet
    names. Where each input lives is not stored: the reader finds rows by their codes (geometry.py). Also the
    summary's sentence about the weights as exported, which its formula shows while the figures are unchanged."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    text(ws, 1, 1, WORKBOOK_FORMAT)
    number(ws, 1, 2, LAYOUT_VERSION)
    if sentence:
        text(ws, SENTENCE_ROW, 1, sentence)
    for row, option in enumerate(project.options, start=1):  # looked up by code (the calculation's totals)
        for offset, value in enumerate((option.id, option.name.get(lang), option.sentence_name(lang))):
            text(ws, row, META_NAMES_COLUMN + offset, value)
    computed = computed_cells(wb, META_SHEET)  # a figure typed over one of them is said on opening (computed.py)
    payload = json.dumps({"project": project_to_data(project), "lang": lang, "sheets": names, "computed": computed},
                         ensure_ascii=False)
    for index in range(0, len(payload), CHUNK):
        text(ws, 3 + index // CHUNK, 1, payload[index:index + CHUNK])
