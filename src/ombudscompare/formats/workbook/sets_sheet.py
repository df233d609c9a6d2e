"""The weight sets sheet: one column per set with its weights as input cells, the options' live totals under each
set, and its winner.

Criteria are rows (as on the criteria sheet) and sets columns, so the sheet grows downwards with the criteria and
prints at a readable scale; each set's name and 'who holds it' head its column. Every formula finds what it needs
by code, never by position: a criterion's row carries its code, whether it counts and each option's 0–100 value
(SUMIFS on the calculation sheet, by the row's code); a total is SUMPRODUCT(the set's weights, whether each counts,
the option's values — the value column picked by the option's code) ÷ SUMPRODUCT(the set's weights, whether each
counts), the weighted mean the app computes. So sorting the criteria or the totals, with their codes, changes no
figure; sorting them without their codes is refused when the workbook is opened again (formats/workbook/overlay.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter as letter
from openpyxl.worksheet.worksheet import Worksheet

from ...core import limits
from ...core.model import Project
from ...core.scoring import TIE_DECIMALS, ModelError, evaluate
from ...core.weightsets import with_weights
from ...i18n import tr
from .cells import CODE_FONT, NUMBER_1, code, fit_rows, fold, formula, header_row, number, text, widths
from .geometry import CRITERIA, SETS_HEADER_ROW, TOTALS, cells_table

CODE_ROW = 4  # the sets' codes above their columns, the options' codes above their value columns
HEADER_ROW = SETS_HEADER_ROW  # the sets' names
NOTE_ROW = HEADER_ROW + 1  # who holds each set
FIRST_ROW = NOTE_ROW + 1  # the first criterion
FIRST_SET_COLUMN = 4  # A code, B criterion, C counts or not


@dataclass(frozen=True)
class Layout:
    """Where everything is, for a project: the writer and the reader use the same."""

    criteria: int
    sets: int
    options: int

    @property
    def last_criterion_row(self) -> int:
        return FIRST_ROW + self.criteria - 1

    def set_column(self, index: int) -> int:
        return FIRST_SET_COLUMN + index

    def value_column(self, index: int) -> int:  # after the sets and one empty column
        return FIRST_SET_COLUMN + self.sets + 1 + index

    @property
    def totals_title_row(self) -> int:
        return self.last_criterion_row + 2

    @property
    def first_total_row(self) -> int:
        return self.totals_title_row + 1

    @property
    def winner_row(self) -> int:  # one empty row under the totals, so sorting them never takes it along
        return self.first_total_row + self.options + 1


def layout(project: Project) -> Layout:
    return Layout(len(project.criteria), len(project.weight_sets), len(project.options))


def _longest_word(texts: list[str]) -> int:
    return max((len(word) for t in texts for word in t.split()), default=0)


def sets_sheet(ws: Worksheet, project: Project, lang: str, names: dict[str, str]) -> None:
    at = layout(project)
    options, criteria, sets = project.options, project.criteria, project.weight_sets
    n, m = len(options), len(criteria)
    text(ws, 1, 1, tr("Weight sets: who chooses what", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Change a set's weight (yellow): its totals and winner follow. Weights are relative; a criterion"
                      " switched off on the criteria sheet does not count; each option's 0–100 values are in the folded"
                      " columns to the right (+). Opening this workbook in OmbudsCompare reads the weights and names"
                      " back.", lang))
    value_titles = [tr("Value 0–100: {option}", lang, option=o.name.get(lang)) for o in options]
    header_row(ws, HEADER_ROW, [tr("Code", lang), tr("Criterion", lang), tr("Counts (1) or not (0)", lang)])
    header_row(ws, HEADER_ROW, [s.name for s in sets], first_column=at.set_column(0))
    header_row(ws, HEADER_ROW, value_titles, first_column=at.value_column(0))
    text(ws, NOTE_ROW, 2, tr("Who holds it", lang), bold=True, wrap=True)
    first_set = letter(at.set_column(0))
    first_value, last_value = letter(at.value_column(0)), letter(at.value_column(n - 1))
    crit = {key: CRITERIA.span(key, m, names["criteria"]) for key in ("code", "enabled")}
    calc = {key: cells_table(n).span(key, n * m, names["calculation"])
            for key in ("option_code", "criterion_code", "value")}
    totals = {key: TOTALS.span(key, n, names["calculation"]) for key in ("code", "name", "missing")}
    for index, weight_set in enumerate(sets):
        column = at.set_column(index)
        code(ws, CODE_ROW, column, weight_set.id)
        text(ws, NOTE_ROW, column, weight_set.note, box=True, wrap=True)
    for index, option in enumerate(options):
        code(ws, CODE_ROW, at.value_column(index), option.id)
    for index, criterion in enumerate(criteria):
        row = FIRST_ROW + index
        code(ws, row, 1, criterion.id)
        text(ws, row, 2, criterion.name.get(lang), box=True, wrap=True)
        formula(ws, row, 3, f"=IFERROR(INDEX({crit['enabled']},MATCH($A{row},{crit['code']},0)),0)", "0", box=True)
        for set_index, weight_set in enumerate(sets):
            number(ws, row, at.set_column(set_index), weight_set.weights.get(criterion.id, 0.0), "0.0##",
                   input_cell=True, box=True)
        for option_index in range(n):
            column = letter(at.value_column(option_index))
            formula(ws, row, at.value_column(option_index),
                    f"=SUMIFS({calc['value']},{calc['option_code']},{column}${CODE_ROW},{calc['criterion_code']},"
                    f"$A{row})", NUMBER_1, box=True)
    top, bottom = FIRST_ROW, at.last_criterion_row
    counts = f"$C${top}:$C${bottom}"
    value_codes, value_block = (f"${first_value}${CODE_ROW}:${last_value}${CODE_ROW}",
                                f"${first_value}${top}:${last_value}${bottom}")
    text(ws, at.totals_title_row, 2, tr("Total score (0–100) under each set", lang), bold=True)
    first_total, last_total = at.first_total_row, at.first_total_row + n - 1
    for index, option in enumerate(options):
        row = first_total + index
        code(ws, row, 1, option.id)
        formula(ws, row, 2, f"=IFERROR(INDEX({totals['name']},MATCH($A{row},{totals['code']},0)),$A{row})",
                box=True, wrap=True)
        lacking = f"IFERROR(INDEX({totals['missing']},MATCH($A{row},{totals['code']},0)),0)"
        for set_index in range(len(sets)):
            column = letter(at.set_column(set_index))
            weights = f"{column}${top}:{column}${bottom}"
            weight_sum = f"SUMPRODUCT({weights},{counts})"
            values = f"({value_codes}=$A{row})*{value_block}"  # the option's value column, found by its code
            formula(ws, row, at.set_column(set_index),
                    f'=IF(OR({weight_sum}<=0,{lacking}>0),"—",SUMPRODUCT({weights}*{counts}*{values})/{weight_sum})',
                    NUMBER_1, box=True)
    text(ws, at.winner_row, 2, tr("First", lang), bold=True, wrap=True)
    for set_index in range(len(sets)):
        column = letter(at.set_column(set_index))
        span = f"{column}${first_total}:{column}${last_total}"
        best = f"ROUND(MAX({span}),{TIE_DECIMALS})"
        tied = "&".join(f'IFERROR(IF(ROUND({column}${row},{TIE_DECIMALS})={best},", "&$B${row},""),"")'
                        for row in range(first_total, last_total + 1))  # every option that shares first place
        formula(ws, at.winner_row, at.set_column(set_index),
                f'=IF(COUNT({span})=0,"—",MID({tied},3,32767))', box=True, wrap=True)
    bold_width = 1.1  # a bold letter is wider than the '0' Excel measures widths in
    column_widths = {1: 10.0, 2: max(30.0, min(40.0, _longest_word([c.name.get(lang) for c in criteria]) + 2)),
                     3: 10.0, at.set_column(len(sets)): 2.0}
    for index, weight_set in enumerate(sets):  # wide enough that no word of a set's name is broken
        column_widths[at.set_column(index)] = max(14.0, min(30.0, _longest_word([weight_set.name]) * bold_width + 2))
    for index, title in enumerate(value_titles):
        column_widths[at.value_column(index)] = max(12.0, min(30.0, _longest_word([title]) * bold_width + 2))
    widths(ws, column_widths)
    # the options' values fold away beside the sets (the '+' above them opens them): the sheet prints without them
    fold(ws, at.set_column(len(sets)), at.value_column(n - 1))
    fit_rows(ws, HEADER_ROW, at.last_criterion_row)
    for index, option in enumerate(options):  # the names there are formulas: their rows get the height they need
        lines = -(-len(option.name.get(lang)) // int(column_widths[2] * 0.95))
        if lines > 1:
            ws.row_dimensions[first_total + index].height = 14.5 * lines + 2
    winner_lines = 1  # as high as the winners at export need (a formula's cell does not grow by itself)
    for index, weight_set in enumerate(sets):
        room = int(column_widths[at.set_column(index)] * 0.95)
        winner_lines = max(winner_lines, -(-len(_winners_at_export(project, weight_set.weights, lang)) // room))
    ws.row_dimensions[at.winner_row].height = 14.5 * winner_lines + 2
    ws.freeze_panes = f"{first_set}{FIRST_ROW}"
    _validation(ws, project, at, lang)


def _winners_at_export(project: Project, weights: dict[str, float], lang: str) -> str:
    try:
        evaluation = evaluate(with_weights(project, weights))
    except ModelError:
        return "—"
    return ", ".join(project.option(r.option_id).name.get(lang) for r in evaluation.results if r.rank == 1) or "—"


def _validation(ws: Worksheet, project: Project, at: Layout, lang: str) -> None:
    """Weights from 0 to 10⁹ with the criteria sheet's message; the codes take no typing, as on every other sheet."""
    from .inputs import Validations

    valid = Validations(ws, lang)
    rows = range(FIRST_ROW, at.last_criterion_row + 1)
    set_columns = [at.set_column(i) for i in range(at.sets)]
    valid.add([f"{letter(c)}{r}" for c in set_columns for r in rows], "decimal",
              tr("A relative weight from 0 to 1000000000: only its ratio to the set's other weights counts.", lang),
              limits.WEIGHT.minimum, limits.WEIGHT.maximum, title=tr("Weight", lang))
    codes = [f"A{r}" for r in rows] + [f"A{at.first_total_row + i}" for i in range(at.options)]
    codes += [f"{letter(c)}{CODE_ROW}" for c in (*set_columns, *(at.value_column(i) for i in range(at.options)))]
    valid.codes(codes)
    for column in (*set_columns, *(at.value_column(i) for i in range(at.options))):
        ws.cell(CODE_ROW, column).font = CODE_FONT
