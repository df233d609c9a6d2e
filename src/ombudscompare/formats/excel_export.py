"""The Excel workbook for the memo: every input a cell, every cost, value, share and total a live formula.

Sheets (in the chosen language): summary, criteria and weights, scores with their grounds, costs
with the municipality and tariffs, and the calculation (raw value → 0–100 value → contribution).
A very hidden sheet keeps the project file and where each input lives, so the workbook opens back
into the app.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ..core.model import CriterionKind, Project
from ..core.scoring import Evaluation, evaluate
from ..core.sensitivity import weight_sensitivity
from ..explain.sentences import interval_sentence
from ..explain.values import conclusion, direction_name, kind_name
from ..i18n import tr
from .atomic import write_bytes_atomic
from .excel_cells import (
    MONEY,
    MONEY_4,
    PERCENT,
    WHOLE,
    fit_rows,
    formula,
    header_row,
    number,
    print_setup,
    ref,
    text,
    widths,
)
from .project_file import project_to_data

META_SHEET = "_ombudscompare"
WORKBOOK_FORMAT = "ombudscompare-workbook"
CHUNK = 30_000
COMPUTED_COLUMN = {  # Costs sheet column holding each computed kind, per option row
    CriterionKind.ANNUAL_COST: 8,
    CriterionKind.COST_PER_INHABITANT: 9,
    CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT: 10,
}


@dataclass
class Layout:
    """Where the inputs and results live, written into the workbook for reading it back."""

    sheets: dict[str, str] = field(default_factory=dict)
    lang: str = "nl"
    municipality: dict[str, str] = field(default_factory=dict)
    options: dict[str, int] = field(default_factory=dict)
    criteria: dict[str, int] = field(default_factory=dict)
    scores: dict[str, int] = field(default_factory=dict)
    totals: dict[str, str] = field(default_factory=dict)


def sheet_names(lang: str) -> dict[str, str]:
    return {
        "summary": tr("Summary", lang),
        "criteria": tr("Criteria", lang),
        "scores": tr("Scores", lang),
        "costs": tr("Costs", lang),
        "calculation": tr("Calculation", lang),
    }


def build_workbook(project: Project, lang: str, now: datetime | None = None) -> tuple[Workbook, Layout]:
    """The workbook in memory; raises ModelError if the project cannot be scored."""
    evaluation = evaluate(project)
    now = now or datetime.now()
    layout = Layout(sheets=sheet_names(lang), lang=lang)
    wb = Workbook()
    summary = wb.active
    summary.title = layout.sheets["summary"]
    sheets = {"summary": summary}
    for key in ("criteria", "scores", "costs", "calculation"):
        sheets[key] = wb.create_sheet(layout.sheets[key])
    _costs(sheets["costs"], project, lang, layout)
    _criteria(sheets["criteria"], project, lang, layout)
    _scores(sheets["scores"], project, lang, layout)
    _calculation(sheets["calculation"], project, lang, layout)
    _summary(summary, project, evaluation, lang, layout, now)
    _meta(wb, project, layout)
    title = project.title or tr("Comparison of the external complaint body", lang)
    wb.properties.title = title
    wb.properties.subject = tr("Comparison of the options for the external complaint body of {name}", lang,
                               name=project.municipality.name)
    wb.properties.creator = "OmbudsCompare"
    wb.properties.keywords = "ombudsman; klachtinstantie; OmbudsCompare"
    wb.properties.created = now
    for key, ws in sheets.items():
        print_setup(ws, f"{title} — {ws.title}", tr("Page &P of &N", lang), "1:3" if key != "summary" else None)
    return wb, layout


def export_workbook(project: Project, path: str | os.PathLike[str], lang: str) -> None:
    """Write the workbook atomically: a failure leaves any earlier file as it was and no partial file."""
    wb, _layout = build_workbook(project, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    write_bytes_atomic(path, data)


def _costs(ws: Worksheet, project: Project, lang: str, layout: Layout) -> None:
    town = project.municipality
    text(ws, 1, 1, tr("Costs and tariffs — {name} {year}", lang, name=town.name, year=town.reference_year),
         bold=True, size=14)
    text(ws, 2, 1, tr("Yellow cells are inputs: change them and every cost, score and total follows.", lang))
    rows = ((tr("Municipality", lang), "name"), (tr("Inhabitants", lang), "population"),
            (tr("Complaints a year", lang), "complaints_per_year"), (tr("Reference year", lang), "reference_year"))
    for offset, (label, key) in enumerate(rows):
        row = 4 + offset
        text(ws, row, 1, label, bold=True)
        value = getattr(town, key)
        if key == "name":
            text(ws, row, 2, value, fill=_input_fill())
        else:
            number(ws, row, 2, value, WHOLE if key != "reference_year" else "0", input_cell=True)
        layout.municipality[key] = ref(2, row)
    header_row(ws, 9, [tr("Option", lang), tr("Fixed a year", lang), tr("Per inhabitant", lang),
                       tr("Per complaint", lang), tr("Complaints included", lang),
                       tr("Surcharge per extra complaint", lang), tr("Indexation a year", lang),
                       tr("Annual cost", lang), tr("Cost per inhabitant", lang),
                       tr("Cost of an extra complaint", lang)])
    population, complaints = ref(2, 5, True), ref(2, 6, True)
    for index, option in enumerate(project.options):
        row = 10 + index
        layout.options[option.id] = row
        t = option.tariff
        text(ws, row, 1, option.name.get(lang), fill=_input_fill(), box=True)
        for column, value, fmt in ((2, t.fixed, MONEY), (3, t.per_inhabitant, '"€" #,##0.000000'),
                                   (4, t.per_complaint, MONEY), (5, t.included_complaints, WHOLE),
                                   (6, t.surcharge, MONEY), (7, t.indexation_percent / 100.0, PERCENT)):
            number(ws, row, column, value, fmt, input_cell=True, box=True)
        formula(ws, row, 8, f"=B{row}+C{row}*{population}+D{row}*{complaints}+F{row}*MAX(0,{complaints}-E{row})",
                MONEY, box=True)
        formula(ws, row, 9, f"=H{row}/{population}", MONEY_4, box=True)
        formula(ws, row, 10, f"=D{row}+F{row}", MONEY, box=True)
    last = 9 + len(project.options)
    text(ws, last + 2, 1, tr("Annual cost = fixed + per inhabitant × inhabitants + per complaint × complaints +"
                             " surcharge × max(0, complaints − complaints included)", lang))
    _cost_curve(ws, project, lang, last + 4, population)
    widths(ws, {1: 44, 2: 16, 3: 16, 4: 14, 5: 14, 6: 18, 7: 12, 8: 16, 9: 16, 10: 16})
    fit_rows(ws, 9, 9)
    ws.freeze_panes = "B10"


def _cost_curve(ws: Worksheet, project: Project, lang: str, top: int, population: str) -> None:
    """A small table of annual cost against complaints (0 to twice the expected number) and its line chart."""
    text(ws, top, 1, tr("Annual cost against complaints a year", lang), bold=True)
    header_row(ws, top + 1, [tr("Complaints a year", lang)] + [o.name.get(lang) for o in project.options])
    steps = 10
    for k in range(steps + 1):
        row = top + 2 + k
        formula(ws, row, 1, f"=ROUND({ref(2, 6, True)}*2*{k}/{steps},0)", WHOLE)
        for index, _option in enumerate(project.options):
            o = 10 + index
            formula(ws, row, 2 + index, f"=$B${o}+$C${o}*{population}+$D${o}*A{row}+$F${o}*MAX(0,A{row}-$E${o})",
                    MONEY)
    chart = LineChart()
    chart.title = tr("Annual cost against complaints a year", lang)
    chart.y_axis.title = tr("Annual cost (€)", lang)
    chart.x_axis.title = tr("Complaints a year", lang)
    chart.height, chart.width = 9, 18
    data = Reference(ws, min_col=2, max_col=1 + len(project.options), min_row=top + 1, max_row=top + 2 + steps)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=top + 2 + steps))
    for series in chart.series:
        series.smooth = False  # the tariff is piecewise linear; a smoothed line would invent a curve
    fit_rows(ws, top + 1, top + 1)
    ws.add_chart(chart, ref(len(project.options) + 3, top + 1))


def _criteria(ws: Worksheet, project: Project, lang: str, layout: Layout) -> None:
    text(ws, 1, 1, tr("Criteria and weights", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Switch a criterion on (1) or off (0) and change its weight: the shares and totals follow.",
                      lang))
    header_row(ws, 3, [tr("Criterion", lang), tr("Kind", lang), tr("Direction", lang), tr("Best level (100)", lang),
                       tr("Worst level (0)", lang), tr("On (1) / off (0)", lang), tr("Weight", lang),
                       tr("Share", lang), tr("Description", lang)])
    first, last = 4, 3 + len(project.criteria)
    for index, criterion in enumerate(project.criteria):
        row = first + index
        layout.criteria[criterion.id] = row
        best, worst = criterion.reference_levels()
        scale = criterion.kind is CriterionKind.SCALE
        fmt = MONEY_4 if criterion.kind is CriterionKind.COST_PER_INHABITANT else (
            MONEY if criterion.kind.computed else "General")
        text(ws, row, 1, criterion.name.get(lang), fill=_input_fill(), box=True)
        text(ws, row, 2, kind_name(criterion.kind, lang), box=True)
        text(ws, row, 3, direction_name(criterion.direction, lang), box=True)
        number(ws, row, 4, best, fmt, input_cell=not scale, box=True)
        number(ws, row, 5, worst, fmt, input_cell=not scale, box=True)
        number(ws, row, 6, 1 if criterion.enabled else 0, "0", input_cell=True, box=True)
        number(ws, row, 7, criterion.weight, "0.0", input_cell=True, box=True)
        formula(ws, row, 8, f"=IF(F{row}=1,G{row}/SUMPRODUCT(F${first}:F${last},G${first}:G${last}),0)", PERCENT,
                box=True)
        text(ws, row, 9, criterion.description.get(lang), wrap=True, box=True)
    text(ws, last + 1, 7, tr("Total", lang), bold=True)
    formula(ws, last + 1, 8, f"=SUM(H{first}:H{last})", PERCENT, bold=True)
    widths(ws, {1: 34, 2: 30, 3: 18, 4: 14, 5: 14, 6: 12, 7: 10, 8: 10, 9: 60})
    fit_rows(ws, 3, last)
    ws.freeze_panes = "B4"


def _scores(ws: Worksheet, project: Project, lang: str, layout: Layout) -> None:
    text(ws, 1, 1, tr("Scores with their justification and source", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Scale scores run from 1 (very weak) to 5 (very good); change a score and the totals follow.",
                      lang))
    header_row(ws, 3, [tr("Option", lang), tr("Criterion", lang), tr("Score", lang), tr("Meaning", lang),
                       tr("Justification", lang), tr("Source", lang), tr("Date", lang), tr("Where in it", lang),
                       tr("Quote", lang)])
    row = 4
    for option in project.options:
        for criterion in project.criteria:
            score = project.score(option.id, criterion.id)
            if score is None or criterion.kind.computed:
                continue
            layout.scores[f"{option.id}\t{criterion.id}"] = row
            text(ws, row, 1, option.name.get(lang), box=True, wrap=True)
            text(ws, row, 2, criterion.name.get(lang), box=True, wrap=True)
            number(ws, row, 3, score.value, "0" if criterion.kind is CriterionKind.SCALE else "General",
                   input_cell=True, box=True, wrap=True)
            if criterion.kind is CriterionKind.SCALE:
                labels = ",".join('"' + criterion.scale_label(s, lang).split(" – ", 1)[1].replace('"', '""') + '"'
                                  for s in range(1, 6))
                formula(ws, row, 4, f'=IF(AND(C{row}>=1,C{row}<=5),C{row}&" – "&CHOOSE(C{row},{labels}),"")',
                        box=True, wrap=True)
            else:
                text(ws, row, 4, criterion.unit, box=True)
            for column, value in ((5, score.justification), (6, score.source.title), (7, score.source.date),
                                  (8, score.source.location), (9, score.source.quote)):
                text(ws, row, column, value, wrap=True, box=True)
            row += 1
    widths(ws, {1: 26, 2: 24, 3: 8, 4: 18, 5: 60, 6: 34, 7: 10, 8: 18, 9: 50})
    fit_rows(ws, 3, row)
    ws.freeze_panes = "C4"


def _calculation(ws: Worksheet, project: Project, lang: str, layout: Layout) -> None:
    names = layout.sheets
    options, criteria = project.options, project.criteria
    text(ws, 1, 1, tr("Calculation: raw value → value 0–100 → contribution", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Value = (raw − worst level) ÷ (best level − worst level) × 100, limited to 0–100;"
                      " contribution = value × share; total = sum of the contributions.", lang))
    blocks = {"raw": 4, "value": 6 + len(criteria), "contribution": 8 + 2 * len(criteria)}
    titles = {"raw": tr("Raw value", lang), "value": tr("Value 0–100", lang),
              "contribution": tr("Contribution", lang)}
    for key, top in blocks.items():
        header_row(ws, top - 1, [titles[key]] + [o.name.get(lang) for o in options])
    for ci, criterion in enumerate(criteria):
        crow = layout.criteria[criterion.id]
        for top in blocks.values():
            text(ws, top + ci, 1, criterion.name.get(lang), box=True)
        for oi, option in enumerate(options):
            column = 2 + oi
            raw_row, value_row, part_row = blocks["raw"] + ci, blocks["value"] + ci, blocks["contribution"] + ci
            if criterion.kind.computed:
                source = ref(COMPUTED_COLUMN[criterion.kind], layout.options[option.id], sheet=names["costs"])
                formula(ws, raw_row, column, f"={source}", "#,##0.00##", box=True)
            elif f"{option.id}\t{criterion.id}" in layout.scores:
                source = ref(3, layout.scores[f"{option.id}\t{criterion.id}"], sheet=names["scores"])
                formula(ws, raw_row, column, f"={source}", "General", box=True)
            else:  # no score (the criterion is switched off): counts as its worst level
                formula(ws, raw_row, column, f"={ref(5, crow, sheet=names['criteria'])}", "General", box=True)
            best, worst = ref(4, crow, True, names["criteria"]), ref(5, crow, True, names["criteria"])
            cell = ref(column, raw_row)
            formula(ws, value_row, column, f"=MAX(0,MIN(100,({cell}-{worst})/({best}-{worst})*100))", "0.00",
                    box=True)
            share = ref(8, crow, True, names["criteria"])
            formula(ws, part_row, column, f"={ref(column, value_row)}*{share}", "0.00", box=True)
    total_row = blocks["contribution"] + len(criteria)
    text(ws, total_row, 1, tr("Total", lang), bold=True)
    for oi, option in enumerate(options):
        column = 2 + oi
        formula(ws, total_row, column,
                f"=SUM({ref(column, blocks['contribution'])}:{ref(column, total_row - 1)})", "0.00", bold=True)
        layout.totals[option.id] = ref(column, total_row, True, names["calculation"])
    widths(ws, {1: 34, **{2 + i: 20 for i in range(len(options))}})
    for top in blocks.values():
        fit_rows(ws, top - 1, top - 1)
    ws.freeze_panes = "B4"
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = tr("Total score, built up per criterion", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # the first option on top, as in the tables
    chart.y_axis.number_format = "0"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.height, chart.width = 9, 18
    data = Reference(ws, min_col=1, max_col=1 + len(options), min_row=blocks["contribution"],
                     max_row=total_row - 1)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, max_col=1 + len(options), min_row=blocks["contribution"] - 1))
    layout.sheets["_chart_anchor"] = ref(len(options) + 3, 3)
    ws._ombudscompare_chart = chart  # placed on the summary sheet


def _summary(ws: Worksheet, project: Project, evaluation: Evaluation, lang: str, layout: Layout, now: datetime) -> None:
    names = layout.sheets
    text(ws, 1, 1, project.title or tr("Comparison of the external complaint body", lang), bold=True, size=14)
    facts = ((tr("Municipality", lang), "General"), (tr("Inhabitants", lang), WHOLE),
             (tr("Complaints a year", lang), WHOLE), (tr("Reference year", lang), "0"))
    for offset, (label, fmt) in enumerate(facts):  # live: they follow the inputs on the costs sheet
        text(ws, 2 + offset, 1, label, bold=True)
        formula(ws, 2 + offset, 2, f"={ref(2, 4 + offset, sheet=names['costs'])}", fmt)
        ws.cell(row=2 + offset, column=2).alignment = Alignment(horizontal="left")
    text(ws, 6, 1, tr("Exported by OmbudsCompare on {date}", lang, date=now.strftime("%d-%m-%Y %H:%M")))
    header_row(ws, 8, [tr("Rank", lang), tr("Option", lang), tr("Score", lang), tr("Annual cost", lang),
                       tr("Per inhabitant", lang)])
    ranking = evaluation.ranking()
    first, last = 9, 8 + len(ranking)
    for index, result in enumerate(ranking):
        row = first + index
        orow = layout.options[result.option_id]
        formula(ws, row, 1, f"=RANK(C{row},$C${first}:$C${last})", "0", box=True)
        formula(ws, row, 2, f"={ref(1, orow, sheet=names['costs'])}", box=True)
        formula(ws, row, 3, f"={layout.totals[result.option_id]}", "0.0", box=True, bold=index == 0)
        formula(ws, row, 4, f"={ref(8, orow, sheet=names['costs'])}", MONEY, box=True)
        formula(ws, row, 5, f"={ref(9, orow, sheet=names['costs'])}", MONEY_4, box=True)
    text(ws, last + 2, 1, tr("Conclusion at export", lang), bold=True)
    text(ws, last + 3, 1, conclusion(project, evaluation, lang))
    telling = weight_sensitivity(evaluation).most_telling()
    if telling is not None:
        text(ws, last + 4, 1, interval_sentence(project, telling, lang))
    text(ws, last + 6, 1, tr("The sentences describe the figures at export; the table above follows any change to"
                             " the yellow input cells on the other sheets.", lang))
    widths(ws, {1: 20, 2: 46, 3: 10, 4: 16, 5: 16})
    fit_rows(ws, 8, 8)
    chart = ws.parent[names["calculation"]]._ombudscompare_chart
    ws.add_chart(chart, ref(7, 2))


def _meta(wb: Workbook, project: Project, layout: Layout) -> None:
    """The project file and the input addresses, for opening the workbook back in the app."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    text(ws, 1, 1, WORKBOOK_FORMAT)
    number(ws, 1, 2, 1)
    payload = json.dumps({"project": project_to_data(project), "layout": layout.__dict__}, ensure_ascii=False)
    for index in range(0, len(payload), CHUNK):
        text(ws, 3 + index // CHUNK, 1, payload[index:index + CHUNK])


def _input_fill() -> PatternFill:
    from .excel_cells import INPUT_FILL

    return INPUT_FILL
