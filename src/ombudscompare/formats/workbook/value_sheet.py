"""The value-for-money sheet: per option its quality score, annual cost, whether it is efficient (or which option beats
it) and, along the frontier, the extra cost, the extra quality and the price per extra point — all live formulas.

Quality = SUMPRODUCT(the option's 0–100 values from the calculation sheet, found by option and criterion code with
SUMIFS, × each criterion's share of the quality weight), the shares worked out in the sheet's criteria table from
the criteria sheet (a criterion counts for quality unless its kind is computed from the tariffs). Cost comes from the
tariffs by code. Dominance compares every option with every other under the app's tie rule (ROUND to 8 decimals);
the option named as beating another is the efficient one best on quality (then first in the project), found by a
unique sort key. Every cell but the code is a formula of its own row's code and whole-column ranges, so sorting any
block, with or without its code column, changes no figure. Nothing on this sheet is read back.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...core.analyses import Analyses
from ...core.kinds import KIND_RULES
from ...core.model import Project
from ...core.scoring import TIE_DECIMALS, ModelError
from ...core.value import ValueForMoney
from ...explain.value import quality_note, value_sentences, what_changes_sentences
from ...i18n import tr
from .cells import (
    CODE_FONT,
    MONEY,
    MONEY_4,
    NUMBER_1,
    PERCENT,
    code,
    fit_rows,
    formula,
    header_row,
    literal,
    num,
    ref,
    text,
)
from .geometry import (
    CRITERIA,
    TARIFFS,
    TOTALS,
    TOWN,
    VALUE_HELPERS,
    VALUE_OPTION_COLUMNS,
    Table,
    cells_table,
    value_tables,
)
from .inputs import Validations

SENTENCES_ROW = 5  # the app's sentences from here down; the status of the figures just above them
KEY_SCALE = "10000000000"  # sort key = (quality + 1) × 10¹⁰ + 100 − order: quality first, then the project order


def value_sheet(ws: Worksheet, project: Project, lang: str, names: dict[str, str]) -> None:
    analyses = Analyses(project)
    value: ValueForMoney | None
    try:
        value = analyses.value()
        words = value_sentences(project, value, lang)
        changes = what_changes_sentences(project, value, analyses.pair_costs(), lang)
        note = quality_note(project, value, lang)
    except ModelError as error:
        value, words, changes, note = None, [error.message.render(lang)], [], ""
    lines = [*words, *changes]
    options_table, criteria_table = value_tables(SENTENCES_ROW + len(lines) + 1, len(project.options))
    text(ws, 1, 1, tr("Value for money: quality against cost", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Quality is the weighted total over the criteria that are not costs, their weights taken as"
                      " shares of their sum. An option is efficient when no other option is at least as cheap and at"
                      " least as good on quality (equal to 8 decimals) and better on one of the two. Every figure is a"
                      " formula that finds its inputs by code, so sorting any table changes none.", lang), wrap=True)
    text(ws, 3, 1, note, wrap=True)
    formula(ws, SENTENCES_ROW - 1, 1, _status(project, value, options_table, lang, names), wrap=True)
    ws.cell(SENTENCES_ROW - 1, 1).font = CODE_FONT
    for offset, line in enumerate(lines):
        text(ws, SENTENCES_ROW + offset, 1, line, wrap=True)
    last = len(VALUE_VISIBLE)
    for row in (2, 3, SENTENCES_ROW - 1, *range(SENTENCES_ROW, SENTENCES_ROW + len(lines))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        length = len(str(ws.cell(row, 1).value or "")) if row != SENTENCES_ROW - 1 else 180
        ws.row_dimensions[row].height = 15 * max(1, -(-length // int(VALUE_WIDTH * 1.05))) + 3
    _criteria(ws, project, lang, names, criteria_table)
    _options(ws, project, lang, names, options_table, criteria_table)
    widths = {**criteria_table.widths(), **options_table.widths()}
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    first_helper = options_table.letter(VALUE_HELPERS)
    last_helper = get_column_letter(options_table.first_column + len(options_table.columns) - 1)
    ws.column_dimensions.group(first_helper, last_helper, hidden=True, outline_level=1)
    fit_rows(ws, options_table.header_row, options_table.header_row)
    fit_rows(ws, criteria_table.header_row, criteria_table.header_row)
    ws.freeze_panes = f"C{options_table.first_row}"
    valid = Validations(ws, lang)
    valid.codes([options_table.cell("code", options_table.first_row + k) for k in range(len(project.options))]
                + [criteria_table.cell("code", criteria_table.first_row + k) for k in range(len(project.criteria))])


VALUE_VISIBLE = VALUE_OPTION_COLUMNS[:[c.key for c in VALUE_OPTION_COLUMNS].index(VALUE_HELPERS)]  # printed
VALUE_WIDTH = sum(c.width for c in VALUE_VISIBLE)


def _lookup(span: dict[str, str], key: str, own: str) -> str:
    return f"INDEX({span[key]},MATCH({own},{span['code']},0))"


def _criteria(ws: Worksheet, project: Project, lang: str, names: dict[str, str], table: Table) -> None:
    """Each criterion's part (quality, or a cost computed from the tariffs), whether it counts, its weight, and its
    share of the quality weight; the quality weight in the total row below."""
    m = len(project.criteria)
    crits = {key: CRITERIA.span(key, m, names["criteria"]) for key in ("code", "name", "kind", "enabled", "weight")}
    header_row(ws, table.header_row, table.titles(lang))
    quality, cost = literal(tr("quality", lang)), literal(tr("cost", lang))
    computed = [literal(tr(rule.name, lang)) for rule in KIND_RULES if rule.raw is not None]
    part, on, weight = (table.span(key, m) for key in ("part", "enabled", "weight"))
    total = table.first_row + m + 1  # one empty row: a sort never takes the total along
    quality_weight = f"${table.letter('weight')}${total}"
    t = table.letter
    for index, criterion in enumerate(project.criteria):
        row = table.first_row + index
        own = f"$A{row}"
        code(ws, row, table.col("code"), criterion.id)
        formula(ws, row, table.col("name"), f"={_lookup(crits, 'name', own)}", box=True, wrap=True)
        kind = _lookup(crits, "kind", own)
        formula(ws, row, table.col("part"), f"=IF(OR({','.join(f'{kind}={k}' for k in computed)}),{cost},{quality})",
                box=True)
        formula(ws, row, table.col("enabled"), f"={_lookup(crits, 'enabled', own)}", "0", box=True)
        formula(ws, row, table.col("weight"), f"={_lookup(crits, 'weight', own)}", "0.0##", box=True)
        formula(ws, row, table.col("share"),
                f"=IF(AND({t('part')}{row}={quality},{t('enabled')}{row}=1,{quality_weight}>0),"
                f"{t('weight')}{row}/{quality_weight},0)", PERCENT, box=True)
    text(ws, total, table.col("name"), tr("Quality weight", lang), bold=True)
    formula(ws, total, table.col("weight"), f"=SUMPRODUCT(({part}={quality})*({on}=1)*{weight})", "0.0##", bold=True)
    formula(ws, total, table.col("share"), f"=SUM({table.span('share', m)})", PERCENT, bold=True)


def _options(ws: Worksheet, project: Project, lang: str, names: dict[str, str], table: Table,
             criteria: Table) -> None:
    n, m = len(project.options), len(project.criteria)
    tariffs = {key: TARIFFS.span(key, n, names["costs"]) for key in ("code", "name", "annual_cost",
                                                                      "cost_per_inhabitant")}
    totals = {key: TOTALS.span(key, n, names["calculation"]) for key in ("code", "order", "missing")}
    cells = cells_table(n)
    calc = {key: cells.span(key, n * m, names["calculation"]) for key in ("option_code", "criterion_code", "value")}
    codes, shares = criteria.span("code", m), criteria.span("share", m)
    quality_weight = f"${criteria.letter('weight')}${criteria.first_row + m + 1}"
    header_row(ws, table.header_row, table.titles(lang))
    span = {key: table.span(key, n) for key in ("name", "annual_cost", "order", "quality_number", "beaten", "key")}
    t = table.letter
    yes, no, dash = literal(tr("yes", lang)), literal(tr("no", lang)), literal("—")
    d = TIE_DECIMALS

    def rounded(expression: str) -> str:
        return f"ROUND({expression},{d})"

    for index, option in enumerate(project.options):
        row = table.first_row + index
        own = f"$A{row}"
        cost, q, beaten, cheaper = (f"{t(k)}{row}" for k in ("annual_cost", "quality_number", "beaten", "cheaper"))
        costs, qs = span["annual_cost"], span["quality_number"]
        efficient_ones = f"({span['beaten']}=0)*({qs}>=0)"
        beats = (f"({rounded(costs)}<={rounded(cost)})*({rounded(qs)}>={rounded(q)})"
                 f"*((({rounded(costs)}<{rounded(cost)})+({rounded(qs)}>{rounded(q)}))>0)")
        before = rounded(f"{t('quality_before')}{row}")
        below = f"{efficient_ones}*({rounded(costs)}<{rounded(cost)})*({rounded(qs)}={before})"
        code(ws, row, table.col("code"), option.id)
        formula(ws, row, table.col("name"), f"={_lookup(tariffs, 'name', own)}", box=True, wrap=True)
        formula(ws, row, table.col("order"), f"={_lookup(totals, 'order', own)}", "0")
        formula(ws, row, table.col("quality"),
                f"=IF({_lookup(totals, 'missing', own)}>0,{literal(tr('not scored', lang))},IF({quality_weight}<=0,"
                f"{dash},SUMPRODUCT(SUMIFS({calc['value']},{calc['option_code']},{own},{calc['criterion_code']},"
                f"{codes}),{shares})))", NUMBER_1, box=True)
        formula(ws, row, table.col("quality_number"), f"=IF(ISNUMBER({t('quality')}{row}),{t('quality')}{row},-1)",
                "0.00")
        formula(ws, row, table.col("annual_cost"), f"={_lookup(tariffs, 'annual_cost', own)}", MONEY, box=True)
        formula(ws, row, table.col("cost_per_inhabitant"), f"={_lookup(tariffs, 'cost_per_inhabitant', own)}",
                MONEY_4, box=True)
        formula(ws, row, table.col("beaten"), f"=IF({q}<0,0,SUMPRODUCT(({qs}>=0)*{beats}))", "0")
        formula(ws, row, table.col("efficient"), f"=IF({q}<0,{dash},IF({beaten}=0,{yes},{no}))", box=True)
        formula(ws, row, table.col("key"), f"=IF({q}<0,-1,({rounded(q)}+1)*{KEY_SCALE}+100-{t('order')}{row})", "0")
        formula(ws, row, table.col("beaten_by"),
                f"=IF(OR({q}<0,{beaten}=0),{dash},INDEX({span['name']},MATCH(SUMPRODUCT(MAX({efficient_ones}*{beats}"
                f"*{span['key']})),{span['key']},0)))", box=True, wrap=True)
        formula(ws, row, table.col("cheaper"),
                f"=IF(OR({q}<0,{beaten}>0),0,SUMPRODUCT({efficient_ones}*({rounded(costs)}<{rounded(cost)})))", "0")
        formula(ws, row, table.col("quality_before"),
                f"=IF({cheaper}=0,-1,SUMPRODUCT(MAX({efficient_ones}*({rounded(costs)}<{rounded(cost)})*({qs}+1)))-1)",
                "0.00")
        formula(ws, row, table.col("step_from"),
                f"=IF({cheaper}=0,{dash},INDEX({span['name']},MATCH(100-SUMPRODUCT(MAX({below}*(100-{span['order']})"
                f")),{span['order']},0)))", box=True, wrap=True)
        formula(ws, row, table.col("extra_cost"),
                f"=IF({cheaper}=0,{dash},{cost}-SUMPRODUCT(MAX({below}*{costs})))", MONEY, box=True)
        formula(ws, row, table.col("extra_quality"),
                f"=IF({cheaper}=0,{dash},{q}-{t('quality_before')}{row})", NUMBER_1, box=True)
        formula(ws, row, table.col("cost_per_point"),
                f"=IF({cheaper}=0,{dash},{t('extra_cost')}{row}/{t('extra_quality')}{row})", MONEY, box=True)
    first, last = table.first_row, table.first_row + n - 1
    visible_end = get_column_letter(len(VALUE_VISIBLE))
    ws.conditional_formatting.add(f"A{first}:{visible_end}{last}",
                                  FormulaRule(formula=[f"${t('efficient')}{first}={yes}"], font=Font(bold=True)))
    for column in range(table.col(VALUE_HELPERS), table.first_column + len(table.columns)):
        for row in range(first, last + 1):
            ws.cell(row, column).font = CODE_FONT


def _status(project: Project, value: ValueForMoney | None, table: Table, lang: str, names: dict[str, str]) -> str:
    """Whether the sentences (written by the app) still describe the figures: every quality and cost, the population
    and the complaints as exported — compared as sums of squares, which no sort changes."""
    n = len(project.options)
    says = (tr("The sentences below describe the figures in this sheet.", lang),
            tr("The figures have changed since the export, so the sentences below describe the figures as they were;"
               " open the workbook in OmbudsCompare for sentences about the new ones.", lang))
    if value is None:
        return f"={literal(says[0])}"
    qualities = sum((o.quality if o.quality is not None else -1.0) ** 2 for o in value.options)
    costs = sum(o.annual_cost ** 2 for o in value.options)
    town = project.municipality
    q, c = table.span("quality_number", n), table.span("annual_cost", n)
    population = ref(TOWN.col("population"), TOWN.first_row, True, names["costs"])
    complaints = ref(TOWN.col("complaints_per_year"), TOWN.first_row, True, names["costs"])
    changed = (f"(ABS(SUMSQ({q})-{num(qualities)})>1E-9*MAX(1,{num(qualities)}))"
               f"+(ABS(SUMSQ({c})-{num(costs)})>1E-9*MAX(1,{num(costs)}))"
               f"+({population}<>{num(town.population)})+({complaints}<>{num(town.complaints_per_year)})")
    return f"=IF({changed}>0,{literal(says[1])},{literal(says[0])})"
