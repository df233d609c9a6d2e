"""The input sheets: costs (municipality and tariffs), criteria and weights, scores, sources.

Yellow cells are inputs, checked as they are typed (data validation with a message in the
workbook's language); every other figure is a formula that finds its inputs by code.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...core import limits
from ...core.kinds import RULES
from ...core.model import Project, Source
from ...explain.values import direction_name, kind_name
from ...i18n import tr
from .cells import (
    AS_GIVEN,
    INPUT_FILL,
    MONEY,
    MONEY_4,
    PERCENT,
    WHOLE,
    as_given,
    code,
    fit_rows,
    formula,
    header_row,
    literal,
    number,
    ref,
    text,
    widths,
)
from .geometry import (
    CRITERIA,
    CURVE_STEPS,
    MUNICIPALITY_CODE,
    SCORE_SOURCE_FIELDS,
    SCORES,
    SOURCE_FIELDS,
    SOURCES,
    TARIFF_CODE,
    TARIFFS,
    TOWN,
)

MISSING_FILL = PatternFill("solid", fgColor="F4CCCC")
PER_INHABITANT = '"€" #,##0.000000'
TARIFF_FORMATS = {"fixed": MONEY, "per_inhabitant": PER_INHABITANT, "per_complaint": MONEY,
                  "included_complaints": WHOLE, "surcharge": MONEY, "indexation_percent": PERCENT}


class Validations:
    """The data validations of one sheet, each with its own input message."""

    def __init__(self, ws: Worksheet, lang: str):
        self.ws, self.lang = ws, lang

    def add(self, cells: Iterable[str], kind: str, prompt: str, minimum: float | None = None,
            maximum: float | None = None, formula1: str | None = None, title: str = "") -> None:
        addresses = compressed(cells)
        if not addresses:
            return
        if kind in ("whole", "decimal"):
            first, second = _bound(minimum), _bound(maximum)
            rule = DataValidation(type=kind, operator="between", formula1=first, formula2=second)
        else:
            rule = DataValidation(type=kind, formula1=formula1)
        rule.allow_blank = True
        rule.showInputMessage = rule.showErrorMessage = True
        rule.promptTitle = (title or tr("Input", self.lang))[:32]
        rule.prompt = prompt[:255]
        rule.errorTitle = tr("Not accepted", self.lang)[:32]
        rule.error = prompt[:255]
        rule.sqref = MultiCellRange(addresses)
        self.ws.add_data_validation(rule)

    def codes(self, cells: Iterable[str]) -> None:
        """Code cells take no typing: the formulas find rows by them."""
        rule = DataValidation(type="custom", formula1="FALSE")
        rule.allow_blank = False
        rule.showErrorMessage = True
        rule.errorTitle = tr("Code", self.lang)[:32]
        rule.error = tr("This code ties the row to the calculation. Do not change it; sorting the rows is fine.",
                        self.lang)[:255]
        rule.sqref = MultiCellRange(compressed(cells))
        self.ws.add_data_validation(rule)


def compressed(cells: Iterable[str]) -> str:
    """'C8 C9 C10 D8' → 'C8:C10 D8': runs of rows in one column as one range."""
    by_column: dict[str, list[int]] = {}
    for address in cells:
        letters = address.rstrip("0123456789")
        by_column.setdefault(letters, []).append(int(address[len(letters):]))
    parts = []
    for letters, rows in by_column.items():
        rows.sort()
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            parts.append(f"{letters}{start}" if start == previous else f"{letters}{start}:{letters}{previous}")
            if row is not None:
                start = previous = row
    return " ".join(parts)


def _bound(value: float | None) -> str:
    return "" if value is None else (str(int(value)) if float(value).is_integer() else repr(value))


def costs_sheet(ws: Worksheet, project: Project, lang: str, names: dict[str, str]) -> int:
    """The municipality and every option's tariff, with the cost formulas; returns the row after the tables."""
    town = project.municipality
    text(ws, 1, 1, tr("Costs and tariffs — {name} {year}", lang, name=town.name, year=town.reference_year),
         bold=True, size=14)
    text(ws, 2, 1, tr("Yellow cells are inputs: change them and every cost, score and total follows.", lang))
    valid = Validations(ws, lang)
    header_row(ws, TOWN.header_row, TOWN.titles(lang), TOWN.first_column)
    row = TOWN.first_row
    text(ws, row, TOWN.col("name"), town.name, fill=INPUT_FILL, box=True)
    for key, fmt in (("population", WHOLE), ("complaints_per_year", AS_GIVEN), ("reference_year", "0")):
        number(ws, row, TOWN.col(key), getattr(town, key), fmt, input_cell=True, box=True)
    as_given(ws, TOWN.cell("complaints_per_year", row))
    for key, rule in limits.MUNICIPALITY.items():
        valid.add([TOWN.cell(key, row)], "whole" if rule.integer else "decimal", _range_prompt(rule, lang),
                  rule.minimum, rule.maximum, title=tr(TOWN.title_of(key), lang))
    header_row(ws, TARIFFS.header_row, TARIFFS.titles(lang))
    population, complaints = town_cell("population", absolute=True), town_cell("complaints_per_year", absolute=True)
    c = TARIFFS.letter
    for index, option in enumerate(project.options):
        row = TARIFFS.first_row + index
        code(ws, row, TARIFFS.col("code"), option.id)
        text(ws, row, TARIFFS.col("name"), option.name.get(lang), fill=INPUT_FILL, box=True)
        for key in TARIFF_FORMATS:
            value = getattr(option.tariff, key)
            number(ws, row, TARIFFS.col(key), value / 100.0 if key == "indexation_percent" else value,
                   TARIFF_FORMATS[key], input_cell=True, box=True)
        formula(ws, row, TARIFFS.col("annual_cost"),
                f"={c('fixed')}{row}+{c('per_inhabitant')}{row}*{population}+{c('per_complaint')}{row}*{complaints}"
                f"+{c('surcharge')}{row}*MAX(0,{complaints}-{c('included_complaints')}{row})", MONEY, box=True)
        formula(ws, row, TARIFFS.col("cost_per_inhabitant"), f"={c('annual_cost')}{row}/{population}", MONEY_4,
                box=True)
        formula(ws, row, TARIFFS.col("surcharge_per_extra_complaint"),
                f"={c('per_complaint')}{row}+{c('surcharge')}{row}", MONEY, box=True)
    count = len(project.options)
    rows = range(TARIFFS.first_row, TARIFFS.first_row + count)
    valid.codes(TARIFFS.cell("code", r) for r in rows)
    for key, rule in limits.TARIFF.items():
        shown = rule if key != "indexation_percent" else limits.Range(rule.minimum / 100, rule.maximum / 100)
        prompt = (_range_prompt(rule, lang, "%") if key == "indexation_percent"
                  else _range_prompt(rule, lang))
        valid.add([TARIFFS.cell(key, r) for r in rows], "decimal", prompt, shown.minimum, shown.maximum,
                  title=tr(TARIFFS.title_of(key), lang))
    last = TARIFFS.first_row + count - 1
    text(ws, last + 2, 1, tr("Annual cost = fixed + per inhabitant × inhabitants + per complaint × complaints +"
                             " surcharge × max(0, complaints − complaints included)", lang))
    widths(ws, TARIFFS.widths())
    fit_rows(ws, TOWN.header_row, TOWN.header_row)
    fit_rows(ws, TARIFFS.header_row, TARIFFS.header_row)
    ws.freeze_panes = f"C{TARIFFS.first_row}"
    return last + 4


def town_cell(key: str, absolute: bool = False, sheet: str | None = None) -> str:
    """The municipality's figures sit in one row, which no sort can reorder."""
    return ref(TOWN.col(key), TOWN.first_row, absolute, sheet)


def _range_prompt(rule: limits.Range, lang: str, unit: str = "") -> str:
    from ...i18n.numbers import format_number

    def shown(value: float) -> str:
        return format_number(value, 0 if float(value).is_integer() else 2, lang) + (f" {unit}" if unit else "")

    if rule.integer:
        return tr("A whole number from {low} to {high}.", lang, low=shown(rule.minimum), high=shown(rule.maximum))
    return tr("A number from {low} to {high}.", lang, low=shown(rule.minimum), high=shown(rule.maximum))


def cost_curve(ws: Worksheet, project: Project, lang: str, top: int) -> tuple[int, int]:
    """Annual cost against complaints (0 to twice the expected number), each option's column found by its code.
    Returns the heading row and the last row of the table."""
    text(ws, top, 1, tr("Annual cost against complaints a year", lang), bold=True)
    codes_row, heading = top + 1, top + 2
    count = len(project.options)
    text(ws, codes_row, 1, tr("Code", lang), bold=True)
    text(ws, heading, 1, tr("Complaints a year", lang), bold=True, wrap=True, box=True)
    tariffs = {key: TARIFFS.span(key, count) for key in ("code", "name", "fixed", "per_inhabitant", "per_complaint",
                                                          "included_complaints", "surcharge")}
    population = town_cell("population", absolute=True)

    def field(key: str, column: str) -> str:
        return f"INDEX({tariffs[key]},MATCH({column}${codes_row},{tariffs['code']},0))"

    for index, option in enumerate(project.options):
        column = 2 + index
        letter = ref(column, 1)[:-1]
        code(ws, codes_row, column, option.id)
        formula(ws, heading, column, f"={field('name', letter)}", bold=True, wrap=True, box=True)
        for k in range(CURVE_STEPS + 1):
            row = heading + 1 + k
            formula(ws, row, column,
                    f"={field('fixed', letter)}+{field('per_inhabitant', letter)}*{population}"
                    f"+{field('per_complaint', letter)}*$A{row}"
                    f"+{field('surcharge', letter)}*MAX(0,$A{row}-{field('included_complaints', letter)})", MONEY)
    complaints = town_cell("complaints_per_year", absolute=True)
    for k in range(CURVE_STEPS + 1):  # whole numbers, but the middle row is the municipality's own figure (93,5)
        row = heading + 1 + k
        formula(ws, row, 1, f"={complaints}" if 2 * k == CURVE_STEPS else
                f"=ROUND({complaints}*2*{k}/{CURVE_STEPS},0)", AS_GIVEN)
    as_given(ws, f"A{heading + 1}:A{heading + 1 + CURVE_STEPS}")
    ws.row_dimensions[heading].height = 44
    return heading, heading + 1 + CURVE_STEPS


def criteria_sheet(ws: Worksheet, project: Project, lang: str) -> None:
    text(ws, 1, 1, tr("Criteria and weights", lang), bold=True, size=14)
    text(ws, 2, 1, tr("A weight is relative: only its ratio to the other weights counts. The share is what it comes"
                      " to in the total, as the window and --weight show it.", lang))
    header_row(ws, CRITERIA.header_row, CRITERIA.titles(lang))
    valid = Validations(ws, lang)
    count = len(project.criteria)
    c = CRITERIA.letter
    enabled, weights = CRITERIA.span("enabled", count), CRITERIA.span("weight", count)
    for index, criterion in enumerate(project.criteria):
        row = CRITERIA.first_row + index
        best, worst = criterion.reference_levels()
        scale = criterion.kind.scale
        money = RULES[criterion.kind].money
        fmt = "General" if money is None else (MONEY_4 if money == 4 else MONEY)
        code(ws, row, CRITERIA.col("code"), criterion.id)
        text(ws, row, CRITERIA.col("name"), criterion.name.get(lang), fill=INPUT_FILL, box=True, wrap=True)
        text(ws, row, CRITERIA.col("kind"), kind_name(criterion.kind, lang), box=True, wrap=True)
        text(ws, row, CRITERIA.col("direction"), direction_name(criterion.direction, lang), box=True, wrap=True)
        number(ws, row, CRITERIA.col("best"), best, fmt, input_cell=not scale, box=True)
        number(ws, row, CRITERIA.col("worst"), worst, fmt, input_cell=not scale, box=True)
        number(ws, row, CRITERIA.col("enabled"), 1 if criterion.enabled else 0, "0", input_cell=True, box=True)
        number(ws, row, CRITERIA.col("weight"), criterion.weight, "0.0##", input_cell=True, box=True)
        formula(ws, row, CRITERIA.col("share"),
                f"=IF({c('enabled')}{row}=1,{c('weight')}{row}/SUMPRODUCT({enabled},{weights}),0)", PERCENT,
                box=True)
        text(ws, row, CRITERIA.col("description"), criterion.description.get(lang), wrap=True, box=True)
    rows = range(CRITERIA.first_row, CRITERIA.first_row + count)
    valid.codes(CRITERIA.cell("code", r) for r in rows)
    valid.add([CRITERIA.cell("enabled", r) for r in rows], "list",
              tr("1: the criterion counts; 0: it is switched off.", lang), formula1='"0,1"',
              title=tr("On or off", lang))
    valid.add([CRITERIA.cell("weight", r) for r in rows], "decimal",
              tr("A relative weight from 0 to 1000000000; the share next to it shows what it comes to.", lang),
              limits.WEIGHT.minimum, limits.WEIGHT.maximum, title=tr("Weight", lang))
    numeric = [r for r, criterion in zip(rows, project.criteria) if not criterion.kind.scale]
    valid.add([CRITERIA.cell(key, r) for r in numeric for key in ("best", "worst")], "decimal",
              tr("The level that counts as 100 (best) or 0 (worst); the two must differ.", lang),
              limits.LEVEL.minimum, limits.LEVEL.maximum, title=tr("Reference level", lang))
    total = CRITERIA.first_row + count + 1  # one empty row: a sort of the table never takes the total along
    text(ws, total, CRITERIA.col("weight"), tr("Total", lang), bold=True)
    formula(ws, total, CRITERIA.col("share"), f"=SUM({CRITERIA.span('share', count)})", PERCENT, bold=True)
    widths(ws, CRITERIA.widths())
    fit_rows(ws, CRITERIA.header_row, total)
    ws.freeze_panes = f"C{CRITERIA.first_row}"


def score_rows(project: Project) -> list[tuple[str, str]]:
    """(option, criterion) for every scored criterion (not computed from the tariff), scored yet or not."""
    return [(option.id, criterion.id) for option in project.options for criterion in project.criteria
            if not criterion.kind.computed]


def scores_sheet(ws: Worksheet, project: Project, lang: str) -> None:
    text(ws, 1, 1, tr("Scores with their justification and source", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Scale scores run from 1 (very weak) to 5 (very good); change a score and the totals follow."
                      " An empty score is missing: the option is not ranked until it has one.", lang))
    header_row(ws, SCORES.header_row, SCORES.titles(lang))
    valid = Validations(ws, lang)
    pairs = score_rows(project)
    by_criterion: dict[str, list[str]] = {}
    for index, (option_id, criterion_id) in enumerate(pairs):
        row = SCORES.first_row + index
        option, criterion = project.option(option_id), project.criterion(criterion_id)
        score = project.score(option_id, criterion_id)
        code(ws, row, SCORES.col("option_code"), option_id)
        code(ws, row, SCORES.col("criterion_code"), criterion_id)
        text(ws, row, SCORES.col("option"), option.name.get(lang), box=True, wrap=True)
        text(ws, row, SCORES.col("criterion"), criterion.name.get(lang), box=True, wrap=True)
        value_cell = SCORES.cell("value", row)
        scale = criterion.kind.scale
        number(ws, row, SCORES.col("value"), score.value if score is not None else None,
               "0" if scale else "General", input_cell=True, box=True)
        missing = literal(tr("missing: not judged yet", lang))
        if scale:
            labels = ",".join(literal(criterion.scale_label(s, lang).split(" – ", 1)[1]) for s in range(1, 6))
            formula(ws, row, SCORES.col("meaning"),
                    f'=IF(ISBLANK({value_cell}),{missing},IF(AND(ISNUMBER({value_cell}),{value_cell}>=1,'
                    f'{value_cell}<=5,INT({value_cell})={value_cell}),{value_cell}&" – "&CHOOSE({value_cell},{labels}),'
                    f'{literal(tr("not a score from 1 to 5", lang))}))', box=True, wrap=True)
        else:
            formula(ws, row, SCORES.col("meaning"),
                    f"=IF(ISBLANK({value_cell}),{missing},{literal(criterion.unit or '')})", box=True, wrap=True)
        by_criterion.setdefault(criterion_id, []).append(value_cell)
        source = score.source if score is not None else Source()
        text(ws, row, SCORES.col("justification"), score.justification if score else "", wrap=True, box=True)
        for key in SCORE_SOURCE_FIELDS:
            text(ws, row, SCORES.col(key), getattr(source, key), wrap=True, box=True)
    last = SCORES.first_row + len(pairs) - 1
    valid.codes(SCORES.cell(key, r) for r in range(SCORES.first_row, last + 1)
                for key in ("option_code", "criterion_code"))
    for criterion_id, cells in by_criterion.items():
        criterion = project.criterion(criterion_id)
        if criterion.kind.scale:
            labels = ", ".join(criterion.scale_label(s, lang) for s in range(1, 6))
            valid.add(cells, "list", tr("A score from 1 to 5: {labels}. Leave it empty while not judged.", lang,
                                        labels=labels), formula1='"1,2,3,4,5"', title=criterion.name.get(lang))
        else:
            valid.add(cells, "decimal", tr("A number in {unit}; leave it empty while not judged.", lang,
                                           unit=criterion.unit or "—"),
                      limits.NUMBER_SCORE.minimum, limits.NUMBER_SCORE.maximum, title=criterion.name.get(lang))
    if pairs:
        column = SCORES.letter("value")
        ws.conditional_formatting.add(f"{column}{SCORES.first_row}:{column}{last}",
                                      FormulaRule(formula=[f"ISBLANK({column}{SCORES.first_row})"], fill=MISSING_FILL))
    widths(ws, SCORES.widths())
    fit_rows(ws, SCORES.header_row, max(last, SCORES.header_row))
    ws.freeze_panes = f"E{SCORES.first_row}"


def source_rows(project: Project, lang: str) -> list[tuple[str, str, Source]]:
    """(code, what it is the source of, source): the municipality's figures, then each option's tariff."""
    rows = [(MUNICIPALITY_CODE, tr("Figures of {name}", lang, name=project.municipality.name),
             project.municipality.source)]
    for option in project.options:
        rows.append((TARIFF_CODE + option.id, tr("Tariff of {option}", lang, option=option.name.get(lang)),
                     option.tariff.source))
    return rows


def sources_sheet(ws: Worksheet, project: Project, lang: str) -> None:
    text(ws, 1, 1, tr("Sources of the figures and tariffs", lang), bold=True, size=14)
    text(ws, 2, 1, tr("Where the municipality's figures and each tariff come from; the sources of the scores are on"
                      " the scores sheet.", lang))
    header_row(ws, SOURCES.header_row, SOURCES.titles(lang))
    rows = source_rows(project, lang)
    for index, (row_code, about, source) in enumerate(rows):
        row = SOURCES.first_row + index
        code(ws, row, SOURCES.col("code"), row_code)
        text(ws, row, SOURCES.col("about"), about, box=True, wrap=True)
        for key in SOURCE_FIELDS:
            text(ws, row, SOURCES.col(key), getattr(source, key), box=True, wrap=True, fill=INPUT_FILL)
    Validations(ws, lang).codes(SOURCES.cell("code", SOURCES.first_row + i) for i in range(len(rows)))
    widths(ws, SOURCES.widths())
    fit_rows(ws, SOURCES.header_row, SOURCES.first_row + len(rows) - 1)
    ws.freeze_panes = f"B{SOURCES.first_row}"

