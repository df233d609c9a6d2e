"""The result sheets: the calculation (totals, then every option × criterion cell) and the summary.

The summary ranks live: its rows pick the options in order of their totals (LARGE over a sort key
built from the tolerant rank and the project order, the app's tie rule), its winner is bold by
conditional formatting and its conclusion is a formula, so an edit anywhere in the workbook leaves
no sentence that contradicts the table beside it.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Alignment, Font
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.utils import get_column_letter as letter
from openpyxl.worksheet.worksheet import Worksheet

from ...core.model import Project
from ...core.scoring import TIE_DECIMALS, Evaluation
from ...core.sensitivity import weight_sensitivity
from ...explain.sentences import interval_sentence
from ...explain.values import display_title
from ...i18n import tr
from .cells import (
    AS_GIVEN,
    CODE_FONT,
    MONEY,
    MONEY_4,
    PERCENT,
    WHOLE,
    as_given,
    code,
    fit_rows,
    fold,
    formula,
    header_row,
    literal,
    num,
    ref,
    text,
    widths,
)
from .geometry import (
    COMPUTED_COLUMN,
    CRITERIA,
    FACTS_ROW,
    META_NAMES_COLUMN,
    META_SHEET,
    RANKING,
    SCORES,
    SENTENCE_ROW,
    TARIFFS,
    TOTALS,
    TOWN,
    cells_table,
)
from .inputs import score_rows
from .sentences import Spans, conclusion_formula, unchanged_formula

SORT_STEP = 10_000  # sort key = -(rank × SORT_STEP + order): rank first, then the project order


def _lookup(span: dict[str, str], key: str, code_expression: str) -> str:
    return f"INDEX({span[key]},MATCH({code_expression},{span['code']},0))"


def calculation_sheet(ws: Worksheet, project: Project, evaluation: Evaluation, lang: str,
                      names: dict[str, str]) -> Spans:
    options, criteria = project.options, project.criteria
    n, m = len(options), len(criteria)
    text(ws, 1, 1, tr("Calculation: raw value → value 0–100 → contribution", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Value = (raw − worst level) ÷ (best level − worst level) × 100, limited to 0–100;"
                      " contribution = value × share; total = sum of the contributions. Every row finds its inputs"
                      " by its codes, so sorting any table changes no figure.", lang))
    cells = cells_table(n)
    tariffs = {key: TARIFFS.span(key, n, names["costs"]) for key in
               ("code", "name", *COMPUTED_COLUMN.values())}
    crits = {key: CRITERIA.span(key, m, names["criteria"]) for key in
             ("code", "name", "best", "worst", "enabled", "share")}
    pairs = len(score_rows(project))
    scores = {key: SCORES.span(key, pairs, names["scores"]) for key in ("option_code", "criterion_code", "value")}
    spans = Spans(
        totals={key: TOTALS.span(key, n, names["calculation"]) for key in
                ("code", "name", "total", "missing", "rank", "sort", "in_sentence", "number", "exported", "place",
                 "decimals", "leader_part", "missing_part")},
        cells={key: cells.span(key, n * m, names["calculation"]) for key in
               ("option_code", "criterion_code", "contribution")},
    )
    local_totals = {key: TOTALS.span(key, n) for key in ("code", "number", "sort", "place")}
    local_cells = {key: cells.span(key, n * m) for key in ("option_code", "contribution", "counts_missing")}
    header_row(ws, TOTALS.header_row, TOTALS.titles(lang))
    results = {r.option_id: r for r in evaluation.results}
    not_ranked = literal(tr("not ranked: scores missing", lang))

    def _exported(key: str, row: int) -> str:
        """The option's name or name in a sentence as exported, from the hidden sheet, found by the row's code."""
        sheet, last = f"'{META_SHEET}'!", max(n, 1)
        codes = f"{sheet}${letter(META_NAMES_COLUMN)}$1:${letter(META_NAMES_COLUMN)}${last}"
        column = letter(META_NAMES_COLUMN + (1 if key == "name" else 2))
        return f"INDEX({sheet}${column}$1:${column}${last},MATCH($A{row},{codes},0))"

    project_codes = "{" + ",".join(literal(o.id) for o in options) + "}"
    exported_totals = "{" + ",".join(num(results[o.id].total if o.id in results else -1) for o in options) + "}"
    t = TOTALS.letter
    for index, option in enumerate(options):
        row = TOTALS.first_row + index
        code(ws, row, TOTALS.col("code"), option.id)
        # the project's order and the totals at export as one formula for every row, found by the row's code: a
        # sort that leaves the codes behind moves no figure to another option
        formula(ws, row, TOTALS.col("order"), f"=MATCH($A{row},{project_codes},0)", "0", box=True)
        formula(ws, row, TOTALS.col("name"), f"={_lookup(tariffs, 'name', f'$A{row}')}", box=True)
        formula(ws, row, TOTALS.col("missing"),
                f"=SUMIFS({local_cells['counts_missing']},{local_cells['option_code']},$A{row})", "0", box=True)
        formula(ws, row, TOTALS.col("total"),
                f"=IF({t('missing')}{row}>0,{not_ranked},"
                f"SUMIFS({local_cells['contribution']},{local_cells['option_code']},$A{row}))", "0.00", box=True)
        total = f"{t('total')}{row}"
        formula(ws, row, TOTALS.col("rank"),  # the app's tie rule: totals equal to TIE_DECIMALS decimals are tied
                f'=IF(ISNUMBER({total}),1+SUMPRODUCT((ROUND({local_totals["number"]},{TIE_DECIMALS})>'
                f'ROUND({total},{TIE_DECIMALS}))*1),"—")', "0", box=True)
        formula(ws, row, TOTALS.col("number"), f"=IF(ISNUMBER({total}),{total},-1)", "0.00", box=True)
        formula(ws, row, TOTALS.col("sort"),
                f"=-(IF(ISNUMBER({t('rank')}{row}),{t('rank')}{row},{n + 1})*{SORT_STEP}+{t('order')}{row})", "0",
                box=True)
        formula(ws, row, TOTALS.col("exported"), f"=INDEX({exported_totals},MATCH($A{row},{project_codes},0))",
                "0.00", box=True)
        name = f"{t('name')}{row}"  # its name in a sentence ('de Nationale ombudsman') while the name is as exported
        formula(ws, row, TOTALS.col("in_sentence"),
                f"=IFERROR(IF({name}={_exported('name', row)},{_exported('in_sentence', row)},{name}),{name})",
                box=True)
        sort_own = f"{t('sort')}{row}"
        formula(ws, row, TOTALS.col("place"), f"=SUMPRODUCT(({local_totals['sort']}>={sort_own})*1)", "0",
                box=True)
        place = f"{t('place')}{row}"
        next_total = f"INDEX({local_totals['number']},MATCH({place}+1,{local_totals['place']},0))"
        decimals = str(TIE_DECIMALS)  # the fewest decimals at which the next total reads differently
        for places in range(TIE_DECIMALS - 1, 0, -1):
            decimals = f"IF(ROUND({total},{places})<>ROUND({next_total},{places}),{places},{decimals})"
        formula(ws, row, TOTALS.col("decimals"), f"=IFERROR({decimals},1)", "0", box=True)
        formula(ws, row, TOTALS.col("leader_part"),
                f'=IF({t("rank")}{row}=1,", "&{t("in_sentence")}{row},"")', box=True)
        formula(ws, row, TOTALS.col("missing_part"),
                f'=IF({t("missing")}{row}>0,", "&{t("in_sentence")}{row},"")', box=True)
    header_row(ws, cells.header_row, [tr(c.title, lang) for c in cells.columns])
    k = cells.letter
    row = cells.first_row
    computed = [c for c in criteria if c.kind.computed]
    last_tariff = TARIFFS.first_column + len(TARIFFS.columns) - 1
    tariff_block = (f"{ref(TARIFFS.first_column, TARIFFS.first_row, True, names['costs'])}:"
                    f"{ref(last_tariff, TARIFFS.first_row + max(n, 1) - 1, True)}")
    for option in options:
        for criterion in criteria:
            code(ws, row, cells.col("option_code"), option.id)
            code(ws, row, cells.col("criterion_code"), criterion.id)
            own_option, own_criterion = f"$A{row}", f"$B{row}"
            formula(ws, row, cells.col("option"), f"={_lookup(tariffs, 'name', own_option)}", box=True)
            formula(ws, row, cells.col("criterion"), f"={_lookup(crits, 'name', own_criterion)}", box=True)
            # one formula for every row, whatever the criterion's kind (a sort without the codes moves no figure):
            # a computed criterion's raw value from its tariffs column, the others' from the scores sheet
            found = (f"SUMPRODUCT(({scores['option_code']}={own_option})*({scores['criterion_code']}="
                     f"{own_criterion})*ISNUMBER({scores['value']}))")
            raw = (f"IF({found}=1,SUMIFS({scores['value']},{scores['option_code']},{own_option},"
                   f"{scores['criterion_code']},{own_criterion}),{literal(tr('missing', lang))})")
            if computed:
                ids = "{" + ",".join(literal(c.id) for c in computed) + "}"
                columns = "{" + ",".join(str(TARIFFS.col(COMPUTED_COLUMN[c.kind]) - TARIFFS.first_column + 1)
                                         for c in computed) + "}"
                from_tariff = (f"INDEX({tariff_block},MATCH({own_option},{tariffs['code']},0),"
                               f"INDEX({columns},MATCH({own_criterion},{ids},0)))")
                raw = f"IF(ISNUMBER(MATCH({own_criterion},{ids},0)),{from_tariff},{raw})"
            formula(ws, row, cells.col("raw"), f"={raw}", "#,##0.00##", box=True)
            best, worst = _lookup(crits, "best", own_criterion), _lookup(crits, "worst", own_criterion)
            raw_cell = f"{k('raw')}{row}"
            formula(ws, row, cells.col("value"),
                    f'=IF(ISNUMBER({raw_cell}),MAX(0,MIN(100,({raw_cell}-{worst})/({best}-{worst})*100)),"")',
                    "0.00", box=True)
            formula(ws, row, cells.col("share"), f"={_lookup(crits, 'share', own_criterion)}", PERCENT, box=True)
            formula(ws, row, cells.col("contribution"),
                    f'=IF(ISNUMBER({k("value")}{row}),{k("value")}{row}*{k("share")}{row},"")', "0.00", box=True)
            formula(ws, row, cells.col("counts_missing"),
                    f"=IF(AND({_lookup(crits, 'enabled', own_criterion)}=1,NOT(ISNUMBER({raw_cell}))),1,0)", "0",
                    box=True)
            row += 1
    spans.chart_top = row + 1
    spans.chart_series = _chart_data(ws, project, lang, names, spans, spans.chart_top)
    widths(ws, {**cells.widths(), **TOTALS.widths()})
    # the conclusion's helper columns fold away (Excel's and Calc's '+' above them opens them): the sheet prints
    # without them, at a readable scale
    fold(ws, TOTALS.col("place"), TOTALS.col("missing_part"))
    fit_rows(ws, TOTALS.header_row, TOTALS.header_row)
    fit_rows(ws, cells.header_row, cells.header_row)
    ws.freeze_panes = f"A{TOTALS.first_row}"
    return spans


def _chart_data(ws: Worksheet, project: Project, lang: str, names: dict[str, str], spans: Spans, top: int) -> int:
    """Contributions per switched-on criterion (rows) for the options in ranking order (columns), labelled with
    their totals: what the summary's chart draws. Returns the number of series."""
    n = len(project.options)
    text(ws, top, 1, tr("For the chart: contributions in ranking order", lang), bold=True)
    codes_row, labels_row = top + 1, top + 2
    text(ws, codes_row, 1, tr("Code", lang), bold=True)
    text(ws, labels_row, 2, tr("Option", lang), bold=True)
    crits = {key: CRITERIA.span(key, len(project.criteria), names["criteria"]) for key in ("code", "name")}
    not_ranked = literal(" (" + tr("not ranked", lang) + ")")
    for k in range(n):
        column = 3 + k
        letter = ref(column, 1)[:-1]
        # the option at place k + 1, as the summary finds it, but not from the summary's rows: sorting them would
        # reorder the chart
        formula(ws, codes_row, column, f"=INDEX({spans.totals['code']},MATCH(LARGE({spans.totals['sort']},{k + 1}),"
                                       f"{spans.totals['sort']},0))")
        ws.cell(row=codes_row, column=column).font = CODE_FONT
        total = _lookup(spans.totals, "total", f"{letter}${codes_row}")
        formula(ws, labels_row, column,
                f'={_lookup(spans.totals, "name", f"{letter}${codes_row}")}&IF(ISNUMBER({total}),'
                f'" ("&FIXED({total},1)&")",{not_ranked})', wrap=True)
    enabled = [c for c in project.criteria if c.enabled]
    for index, criterion in enumerate(enabled):
        row = labels_row + 1 + index
        code(ws, row, 1, criterion.id)
        formula(ws, row, 2, f"={_lookup(crits, 'name', f'$A{row}')}")
        for k in range(n):
            column = 3 + k
            letter = ref(column, 1)[:-1]
            total = _lookup(spans.totals, "total", f"{letter}${codes_row}")
            formula(ws, row, column,
                    f"=IF(ISNUMBER({total}),SUMIFS({spans.cells['contribution']},{spans.cells['option_code']},"
                    f"{letter}${codes_row},{spans.cells['criterion_code']},$A{row}),0)", "0.00")
    return len(enabled)


def summary_sheet(ws: Worksheet, project: Project, evaluation: Evaluation, lang: str, names: dict[str, str],
                  spans: Spans, exported_at: str) -> int:
    """The facts, the live ranking and conclusion, notes and descriptions; returns the row for the chart."""
    n = len(project.options)
    text(ws, 1, 1, project_title(project, lang), bold=True, size=14)
    facts = ((tr("Municipality", lang), "name", "General"), (tr("Inhabitants", lang), "population", WHOLE),
             (tr("Complaints a year", lang), "complaints_per_year", AS_GIVEN),
             (tr("Reference year", lang), "reference_year", "0"))
    for offset, (label, key, fmt) in enumerate(facts):  # live: they follow the inputs on the costs sheet
        row = FACTS_ROW + offset
        text(ws, row, 1, label, bold=True)
        formula(ws, row, 2, f"={ref(TOWN.col(key), TOWN.first_row, sheet=names['costs'])}", fmt)
        ws.cell(row=row, column=2).alignment = Alignment(horizontal="left")
        if fmt == AS_GIVEN:
            as_given(ws, f"B{row}")
    text(ws, FACTS_ROW + 4, 1, tr("Exported by OmbudsCompare on {date}", lang, date=exported_at))
    header_row(ws, RANKING.header_row, RANKING.titles(lang))
    totals = spans.totals
    tariffs = {key: TARIFFS.span(key, n, names["costs"]) for key in ("code", "annual_cost", "cost_per_inhabitant")}
    for k in range(n):
        row = RANKING.first_row + k
        own = f"$F{row}"
        formula(ws, row, RANKING.col("code"),
                f"=INDEX({totals['code']},MATCH(LARGE({totals['sort']},{k + 1}),{totals['sort']},0))")
        ws.cell(row=row, column=RANKING.col("code")).font = CODE_FONT
        formula(ws, row, RANKING.col("rank"), f"={_lookup(totals, 'rank', own)}", "0", box=True)
        ws.cell(row=row, column=RANKING.col("rank")).alignment = Alignment(horizontal="center", vertical="top")
        formula(ws, row, RANKING.col("name"), f"={_lookup(totals, 'name', own)}", box=True)
        total = _lookup(totals, "total", own)
        formula(ws, row, RANKING.col("total"), f"=IF(ISNUMBER({total}),{total},{literal(tr('not ranked', lang))})",
                "0.0", box=True)
        formula(ws, row, RANKING.col("annual_cost"), f"={_lookup(tariffs, 'annual_cost', own)}", MONEY, box=True)
        formula(ws, row, RANKING.col("cost_per_inhabitant"), f"={_lookup(tariffs, 'cost_per_inhabitant', own)}",
                MONEY_4, box=True)
    last = RANKING.first_row + n - 1
    area = f"A{RANKING.first_row}:E{last}"
    ws.conditional_formatting.add(area, FormulaRule(formula=[f"$A{RANKING.first_row}=1"], font=Font(bold=True)))
    column, numbers = RANKING.letter("total"), totals["number"]
    own_total = f"{column}{RANKING.first_row}"
    collides = (f"IF(ISNUMBER({own_total}),SUMPRODUCT((ROUND({numbers},1)=ROUND({own_total},1))"
                f"*(ABS({numbers}-{own_total})>1E-9))>0,FALSE)")
    ws.conditional_formatting.add(  # two totals that differ never look the same: a second decimal when needed
        f"{column}{RANKING.first_row}:{column}{last}",
        Rule(type="expression", formula=[collides],
             dxf=DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode="0.00"))))
    row = last + 2
    text(ws, row, 1, tr("Conclusion", lang), bold=True)
    _long_text(ws, row + 1, conclusion_formula(project, lang, names, spans), formula_text=True,
               estimate=120)
    telling = weight_sensitivity(evaluation).most_telling()
    row += 2
    if telling is not None:
        said = interval_sentence(project, telling, lang)
        # the sentence itself waits on the hidden sheet (export.py): a formula's text may hold 255 characters
        spans.sentence_at_export = said
        kept = f"'{META_SHEET}'!$A${SENTENCE_ROW}"
        _long_text(ws, row, unchanged_formula(project, kept, evaluation, lang, spans), formula_text=True,
                   estimate=len(said))
        row += 1
    row += 1
    if project.notes.strip():
        text(ws, row, 1, tr("Notes", lang), bold=True)
        _long_text(ws, row + 1, project.notes)
        row += 3
    described = [o for o in project.options if o.description.get(lang)]
    if described:
        text(ws, row, 1, tr("The options", lang), bold=True)
        row += 1
        for option in described:
            _long_text(ws, row, f"{option.name.get(lang)}: {option.description.get(lang)}")
            row += 1
        row += 1
    widths(ws, RANKING.widths())
    fit_rows(ws, RANKING.header_row, RANKING.header_row)
    return row


def _long_text(ws: Worksheet, row: int, value: str, formula_text: bool = False, estimate: int = 0) -> None:
    """A sentence or note across the table's width, wrapped, with a row height for its length (merged cells
    do not grow by themselves)."""
    last = RANKING.first_column + len(RANKING.columns) - 2  # up to the last column before the codes
    if formula_text:
        formula(ws, row, 1, value, wrap=True)
        length = estimate
    else:
        text(ws, row, 1, value, wrap=True)
        length = len(value)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    characters = sum(c.width for c in RANKING.columns[:-1]) * 1.05
    lines = sum(max(1, -(-len(part) // int(characters))) for part in (value if not formula_text else "x" * length)
                .split("\n"))
    ws.row_dimensions[row].height = 15 * max(1, lines) + 3


def project_title(project: Project, lang: str) -> str:
    return display_title(project, lang)
