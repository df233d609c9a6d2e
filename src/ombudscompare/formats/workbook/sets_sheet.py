"""The weight sets sheet: every set's weights as input cells, and per option its live total and the winner.

Changing a set's weight in Excel recomputes that set's totals and winner. Each total is
SUMPRODUCT(the set's weights, whether each criterion counts, the option's 0–100 values) ÷
SUMPRODUCT(the set's weights, whether each criterion counts): the same weighted mean the app computes. The
values come from the calculation sheet by code (SUMIFS), whether a criterion counts from the criteria sheet
(INDEX/MATCH), so sorting any table changes no figure. Opening the workbook again reads the weights back by
set code and criterion code.
"""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from ...core import limits
from ...core.model import Project
from ...i18n import tr
from .cells import CODE_FONT, NUMBER_1, code, fit_rows, formula, header_row, number, text, widths
from .geometry import CRITERIA, SETS_HEADER_ROW, TOTALS, Column, Table, cells_table
from .sheetcells import same_or

CODE_ROW = 4  # criterion and option codes above their columns
HEADER_ROW = SETS_HEADER_ROW
WEIGHT_MAX = limits.WEIGHT.maximum


def layout(project: Project) -> tuple[Table, dict[str, int], dict[str, int], int]:
    """The sets table, the column of each criterion's weight and each option's total, and the row where the
    values block starts."""
    columns = [Column("code", "Code", 10), Column("name", "Weight set", 26), Column("note", "Who holds it", 22)]
    table = Table("sets", HEADER_ROW, tuple(columns))
    weight_columns = {c.id: 4 + i for i, c in enumerate(project.criteria)}
    first_total = 4 + len(project.criteria)
    total_columns = {o.id: first_total + i for i, o in enumerate(project.options)}
    values_top = HEADER_ROW + len(project.weight_sets) + 3
    return table, weight_columns, total_columns, values_top


def sets_sheet(ws: Worksheet, project: Project, lang: str, names: dict[str, str]) -> None:
    from openpyxl.utils import get_column_letter as letter

    table, weights, totals, values_top = layout(project)
    options, criteria = project.options, project.criteria
    n, m = len(options), len(criteria)
    text(ws, 1, 1, tr("Weight sets: who chooses what", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Change a set's weight (yellow): its totals and winner follow. Weights are relative; a criterion"
                      " switched off on the criteria sheet does not count. Opening this workbook in OmbudsCompare"
                      " reads the weights back.", lang))
    winner_column = 4 + m + n
    header_row(ws, HEADER_ROW, [tr("Code", lang), tr("Weight set", lang), tr("Who holds it", lang),
                                *(c.name.get(lang) for c in criteria),
                                *(tr("Total: {option}", lang, option=o.name.get(lang)) for o in options),
                                tr("First", lang)])
    for criterion in criteria:
        code(ws, CODE_ROW, weights[criterion.id], criterion.id)
    for option in options:
        code(ws, CODE_ROW, totals[option.id], option.id)
    # the values block: whether each criterion counts, and each option's 0–100 value per criterion
    enabled_row = values_top + 1
    text(ws, values_top, 1, tr("Values 0–100 per option (from the calculation sheet)", lang), bold=True)
    text(ws, enabled_row, 2, tr("Counts (1) or not (0)", lang))
    crit = {key: CRITERIA.span(key, m, names["criteria"]) for key in ("code", "enabled")}
    cells = cells_table(n)
    calc = {key: cells.span(key, n * m, names["calculation"]) for key in ("option_code", "criterion_code", "value")}
    missing = {key: TOTALS.span(key, n, names["calculation"]) for key in ("code", "missing")}
    for criterion in criteria:
        column = weights[criterion.id]
        here = f"{letter(column)}${CODE_ROW}"
        formula(ws, enabled_row, column, f"=IFERROR(INDEX({crit['enabled']},MATCH({here},{crit['code']},0)),0)", "0")
    value_rows = {}
    for index, option in enumerate(options):
        row = enabled_row + 1 + index
        value_rows[option.id] = row
        code(ws, row, 1, option.id)
        text(ws, row, 2, option.name.get(lang))
        for criterion in criteria:
            column = weights[criterion.id]
            formula(ws, row, column, f"=SUMIFS({calc['value']},{calc['option_code']},$A{row},"
                                     f"{calc['criterion_code']},{letter(column)}${CODE_ROW})", NUMBER_1)
    first_w, last_w = letter(4), letter(3 + m)
    enabled_span = f"${first_w}${enabled_row}:${last_w}${enabled_row}"
    for index, weight_set in enumerate(project.weight_sets):
        row = table.first_row + index
        code(ws, row, 1, weight_set.id)
        text(ws, row, 2, weight_set.name, box=True)
        text(ws, row, 3, weight_set.note, box=True, wrap=True)
        for criterion in criteria:
            number(ws, row, weights[criterion.id], weight_set.weights.get(criterion.id, 0.0), "0.0##",
                   input_cell=True, box=True)
        own = f"${first_w}{row}:${last_w}{row}"
        weight_sum = f"SUMPRODUCT({own},{enabled_span})"
        for option in options:
            values = f"${first_w}${value_rows[option.id]}:${last_w}${value_rows[option.id]}"
            lacking = f"IFERROR(INDEX({missing['missing']},MATCH({letter(totals[option.id])}${CODE_ROW},"\
                      f"{missing['code']},0)),0)"
            formula(ws, row, totals[option.id],
                    f'=IF(OR({weight_sum}<=0,{lacking}>0),"—",SUMPRODUCT({own},{enabled_span},{values})/{weight_sum})',
                    NUMBER_1, box=True)
        first_t, last_t = letter(4 + m), letter(3 + m + n)
        totals_span = f"${first_t}{row}:${last_t}{row}"
        names_span = f"$B${enabled_row + 1}:$B${enabled_row + n}"
        formula(ws, row, winner_column,
                f'=IF(COUNT({totals_span})=0,"—",INDEX({names_span},MATCH(MAX({totals_span}),{totals_span},0)))',
                box=True, wrap=True)
    column_widths = {1: 9.0, 2: 22.0, 3: 18.0, winner_column: 18.0}
    column_widths.update({c: 9.5 for c in weights.values()})
    column_widths.update({c: 10.5 for c in totals.values()})
    widths(ws, column_widths)
    for column in list(weights.values()) + list(totals.values()):
        ws.cell(CODE_ROW, column).font = CODE_FONT
    fit_rows(ws, HEADER_ROW, table.first_row + len(project.weight_sets))
    ws.freeze_panes = f"D{table.first_row}"
    _validation(ws, project, weights, totals, table, lang)


def _validation(ws: Worksheet, project: Project, weights: dict[str, int], totals: dict[str, int], table: Table,
                lang: str) -> None:
    """Weights from 0 to 10⁹ with the criteria sheet's message; the codes (set column, criterion and option row)
    take no typing, as on every other sheet."""
    from openpyxl.utils import get_column_letter as letter

    from .inputs import Validations

    valid = Validations(ws, lang)
    rows = range(table.first_row, table.first_row + len(project.weight_sets))
    valid.add([f"{letter(c)}{r}" for c in weights.values() for r in rows], "decimal",
              tr("A relative weight from 0 to 1000000000; the share next to it shows what it comes to.", lang),
              limits.WEIGHT.minimum, limits.WEIGHT.maximum, title=tr("Weight", lang))
    valid.codes([f"A{r}" for r in rows] + [f"{letter(c)}{CODE_ROW}" for c in (*weights.values(), *totals.values())])


def read_set_weights(cells: Any, project_data: dict[str, Any]) -> None:
    """Read every set's weights back by set code (column A) and criterion code (row 4) into the project data;
    a set whose weights changed becomes a directly set one (its swing answers or order no longer describe it)."""
    sets = project_data.get("weight_sets") or []
    criteria = [c.get("id") for c in project_data.get("criteria", [])]
    if cells.ws is None or not sets:
        return
    columns = {}
    for column in range(4, 4 + len(criteria) + 5):
        value = cells.at(CODE_ROW, column)
        if isinstance(value, str) and value in criteria:
            columns[value] = column
    for criterion_id in criteria:
        if criterion_id not in columns:
            cells.problem(f"D{CODE_ROW}", "the column of criterion '{code}' is missing; the columns must stay as"
                                          " exported", code=criterion_id)
            return
    rows = {}
    for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + len(sets) + 20):
        value = cells.at(row, 1)
        if value is None or (isinstance(value, str) and not value.strip()):
            break
        rows[str(value)] = row
    from openpyxl.utils import get_column_letter as letter

    for weight_set in sets:
        found_row = rows.get(str(weight_set.get("id")))
        if found_row is None:
            cells.problem(f"A{HEADER_ROW + 1}", "the row with code '{code}' ({what}) is missing",
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
                              got=str(found)[:30])
                continue
            old = weight_set.get("weights", {}).get(criterion_id, 0)
            if same_or(old, found) != old:  # what openpyxl wrote with 15 digits counts as unchanged
                weight_set.setdefault("weights", {})[criterion_id] = found
                changed = True
        if changed:
            for key in ("method", "swing", "order"):
                weight_set.pop(key, None)
