"""Where everything lives in the workbook: one description that the writer and the reader share.

Every table has a code column that names its rows (an option's id, a criterion's id, 'no|scope' for
a score). Formulas look their inputs up by code (INDEX/MATCH, SUMIFS), never by position, so
sorting a table as people do in Excel changes no figure; the reader finds rows by code and checks
the headings and labels, refusing a sheet that no longer looks as exported.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from ...core.kinds import KIND_RULES
from ...i18n import N_, tr

LAYOUT_VERSION = 3  # 3: the weight sets sheet has sets as columns (2: as rows; still read)
META_SHEET = "_ombudscompare"
SENTENCE_ROW = 2  # its column A: the summary's sentence about the weights as exported (too long for a formula)
META_NAMES_COLUMN = 4  # its columns D–F, a row per option: code, name and name in a sentence as exported
WORKBOOK_FORMAT = "ombudscompare-workbook"
SHEET_TITLES = {
    "summary": N_("Summary"),
    "criteria": N_("Criteria"),
    "scores": N_("Scores"),
    "costs": N_("Costs"),
    "sources": N_("Sources"),
    "calculation": N_("Calculation"),
    "sets": N_("Weight sets"),
    "value": N_("Value for money"),
}
SHEET_ORDER = ("summary", "criteria", "scores", "costs", "sources", "calculation", "sets",  # sets: only with sets
               "value")


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # msgid of the heading
    width: float


@dataclass(frozen=True)
class Table:
    """A block of rows under one heading row; rows start right under the headings."""

    sheet: str
    header_row: int
    columns: tuple[Column, ...]
    first_column: int = 1

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    def col(self, key: str) -> int:
        for offset, column in enumerate(self.columns):
            if column.key == key:
                return self.first_column + offset
        raise KeyError(key)

    def letter(self, key: str) -> str:
        return str(get_column_letter(self.col(key)))

    def cell(self, key: str, row: int) -> str:
        return f"{self.letter(key)}{row}"

    def span(self, key: str, count: int, sheet: str | None = None) -> str:
        """The absolute range of a column over `count` rows: "'Kosten'!$B$8:$B$9"."""
        letter = self.letter(key)
        address = f"${letter}${self.first_row}:${letter}${self.first_row + max(count, 1) - 1}"
        return f"{quote(sheet)}!{address}" if sheet else address

    def title_of(self, key: str) -> str:
        return self.columns[self.col(key) - self.first_column].title

    def titles(self, lang: str) -> list[str]:
        return [tr(c.title, lang) for c in self.columns]

    def widths(self) -> dict[int, float]:
        return {self.first_column + i: c.width for i, c in enumerate(self.columns)}


def quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


CODE = N_("Code")

# --- costs: the municipality (one row) and the tariffs (a row per option) ---------------------------
TOWN = Table("costs", 4, (
    Column("name", N_("Municipality"), 28),
    Column("population", N_("Inhabitants"), 12),
    Column("complaints_per_year", N_("Complaints a year"), 12),
    Column("reference_year", N_("Reference year"), 12),
), first_column=2)
TARIFF_FIELDS = ("fixed", "per_inhabitant", "per_complaint", "included_complaints", "surcharge",
                 "indexation_percent")
TARIFFS = Table("costs", 7, (
    Column("code", CODE, 10),
    Column("name", N_("Option"), 28),
    Column("fixed", N_("Fixed a year"), 12),
    Column("per_inhabitant", N_("Per inhabitant"), 12),
    Column("per_complaint", N_("Per complaint"), 12),
    Column("included_complaints", N_("Complaints included"), 11),
    Column("surcharge", N_("Surcharge per extra complaint"), 12),
    Column("indexation_percent", N_("Indexation a year"), 10),
    Column("annual_cost", N_("Annual cost"), 13),
    Column("cost_per_inhabitant", N_("Cost per inhabitant"), 12),
    Column("surcharge_per_extra_complaint", N_("Cost of an extra complaint"), 12),
))
COMPUTED_COLUMN = {rule.kind: rule.column for rule in KIND_RULES if rule.column}  # the tariffs column of each
# computed criterion kind (core/kinds.py)
CURVE_STEPS = 10
SETS_HEADER_ROW = 5  # the weight-sets sheet: its heading row (rows of sets below it)

# --- criteria and weights ----------------------------------------------------------------------------
CRITERIA = Table("criteria", 3, (
    Column("code", CODE, 15),
    Column("name", N_("Criterion"), 26),
    Column("kind", N_("Kind"), 16),
    Column("direction", N_("Direction"), 14),
    Column("best", N_("Best level (100)"), 12),
    Column("worst", N_("Worst level (0)"), 12),
    Column("enabled", N_("Counts: on (1) / off (0)"), 10),
    Column("weight", N_("Weight (relative)"), 10),
    Column("share", N_("Share of the total"), 10),
    Column("description", N_("Description"), 36),
))

# --- scores with their grounds (a row per option and scored criterion) -------------------------------
SCORES = Table("scores", 3, (
    Column("option_code", N_("Option code"), 8),
    Column("criterion_code", N_("Criterion code"), 10),
    Column("option", N_("Option"), 18),
    Column("criterion", N_("Criterion"), 18),
    Column("value", N_("Score"), 7),
    Column("meaning", N_("Meaning"), 13),
    Column("justification", N_("Justification"), 32),
    Column("title", N_("Source"), 20),
    Column("date", N_("Date"), 10),
    Column("location", N_("Where in it"), 12),
    Column("quote", N_("Quote"), 26),
))
SCORE_SOURCE_FIELDS = ("title", "date", "location", "quote")

# --- sources of the municipality's figures and of each tariff ----------------------------------------
SOURCES = Table("sources", 3, (
    Column("code", CODE, 14),
    Column("about", N_("About"), 26),
    Column("title", N_("Source"), 34),
    Column("date", N_("Date"), 10),
    Column("location", N_("Where in it"), 16),
    Column("quote", N_("Quote"), 40),
    Column("url", N_("Link"), 24),
))
SOURCE_FIELDS = ("title", "date", "location", "quote", "url")
MUNICIPALITY_CODE = "municipality"
TARIFF_CODE = "tariff:"

# --- calculation: totals per option, then one row per option and criterion ---------------------------
TOTALS = Table("calculation", 4, (
    Column("code", CODE, 12),
    Column("order", N_("Order"), 7),
    Column("name", N_("Option"), 24),
    Column("total", N_("Total"), 20),
    Column("missing", N_("Scores missing"), 10),
    Column("rank", N_("Rank"), 8),
    Column("number", N_("Total (number)"), 10),
    Column("sort", N_("Sort key"), 10),
    Column("exported", N_("Total at export"), 10),
    Column("in_sentence", N_("Name in a sentence"), 28),
    # what the summary's conclusion is made of, row by row (so no formula grows with the number of options)
    Column("place", N_("Place in the ranking"), 9),
    Column("decimals", N_("Decimals against the next"), 9),
    Column("leader_part", N_("If first"), 14),
    Column("missing_part", N_("If not ranked"), 14),
))
CELL_COLUMNS = (
    Column("option_code", N_("Option code"), 12),
    Column("criterion_code", N_("Criterion code"), 7),
    Column("option", N_("Option"), 24),
    Column("criterion", N_("Criterion"), 20),
    Column("raw", N_("Raw value"), 10),
    Column("value", N_("Value 0–100"), 10),
    Column("share", N_("Share"), 10),
    Column("contribution", N_("Contribution"), 10),
    Column("counts_missing", N_("Missing and counts"), 10),
)


def cells_table(option_count: int) -> Table:
    """The per-cell table sits under the totals, one empty row between (so a sort never spans both)."""
    return Table("calculation", TOTALS.first_row + option_count + 1, CELL_COLUMNS)


# --- summary ---------------------------------------------------------------------------------------------
FACTS_ROW = 3  # municipality, inhabitants, complaints, reference year: rows 3–6, value in column B
RANKING = Table("summary", 10, (
    Column("rank", N_("Rank"), 18),
    Column("name", N_("Option"), 42),
    Column("total", N_("Score"), 12),
    Column("annual_cost", N_("Annual cost"), 15),
    Column("cost_per_inhabitant", N_("Per inhabitant"), 15),
    Column("code", CODE, 10),
))


# --- value for money: quality against cost (no inputs: a figure typed over it is said on opening, computed.py) --
VALUE_OPTION_COLUMNS = (
    Column("code", CODE, 12),
    Column("name", N_("Option"), 26),
    Column("quality", N_("Quality (0–100)"), 9),
    Column("annual_cost", N_("Annual cost"), 13),
    Column("cost_per_inhabitant", N_("Per inhabitant"), 11),
    Column("efficient", N_("Efficient"), 9),
    Column("beaten_by", N_("Beaten by"), 22),
    Column("step_from", N_("One step up from"), 22),
    Column("extra_cost", N_("Extra cost a year"), 12),
    Column("extra_quality", N_("Extra quality (points)"), 9),
    Column("cost_per_point", N_("Per extra point, a year"), 12),
    # what the columns above are computed from, row by row (folded away: the sheet prints without them)
    Column("order", N_("Order"), 7),
    Column("quality_number", N_("Quality (number)"), 10),
    Column("beaten", N_("Beaten by (number)"), 9),
    Column("key", N_("Sort key"), 14),
    Column("cheaper", N_("Cheaper efficient options"), 9),
    Column("quality_before", N_("Quality one step down"), 10),
)
VALUE_HELPERS = "order"  # the first of the folded columns
VALUE_CRITERION_COLUMNS = (
    Column("code", CODE, 12),
    Column("name", N_("Criterion"), 26),
    Column("part", N_("Counts for"), 9),
    Column("enabled", N_("Counts: on (1) / off (0)"), 13),
    Column("weight", N_("Weight (relative)"), 11),
    Column("share", N_("Share of the quality weight"), 9),
)


def value_tables(top: int, option_count: int) -> tuple[Table, Table]:
    """The value sheet's options (headings at `top`) and, one empty row below them, its criteria."""
    options = Table("value", top, VALUE_OPTION_COLUMNS)
    return options, Table("value", options.first_row + option_count + 1, VALUE_CRITERION_COLUMNS)
