"""Reading a layout-2 workbook's input tables over the exported project: headings checked, rows found by code,
every value checked and every problem named by sheet and cell."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter as letter

from ...core import limits
from ...i18n import tr
from ..checks import Checker
from .geometry import (
    CRITERIA,
    LAYOUT_VERSION,
    MUNICIPALITY_CODE,
    SCORE_SOURCE_FIELDS,
    SCORES,
    SETS_HEADER_ROW,
    SOURCE_FIELDS,
    SOURCES,
    TARIFF_CODE,
    TARIFF_FIELDS,
    TARIFFS,
    TOWN,
    Column,
    Table,
)
from .sheetcells import EXTRA_COLUMNS, EXTRA_ROWS, Cells, is_judged, is_scale, kept, same_or


class Overlay:
    """Reads a layout-2 workbook's input tables over the exported project data."""

    def __init__(self, book: Workbook, data: dict[str, Any], sheets: dict[str, str], lang: str, checker: Checker,
                 version: int = LAYOUT_VERSION):
        self.book, self.data, self.sheets, self.lang, self.ck = book, data, sheets, lang, checker
        self.version = version
        self.option_names = {o["id"]: _names(o.get("name")) for o in data.get("options", [])}
        self.abouts = _source_labels(data, lang)
        self.criterion_names = {c["id"]: _names(c.get("name")) for c in data.get("criteria", [])}

    def run(self) -> None:
        self.costs()
        self.criteria()
        self.scores()
        self.sources()
        self.sets()

    def sets(self) -> None:
        """The weight sets (only exported with sets): each set's column found by its code in row 4, each criterion's
        row by its code in column A. A set's name may be changed there; a column or row that is added, twice there
        or missing, or rows sorted without their codes, are refused with their cell — never read as something
        else."""
        sets = self.data.get("weight_sets") or []
        name = str(self.sheets.get("sets", ""))
        if not sets or not name or name not in self.book.sheetnames:
            return
        criteria = self.data.get("criteria", [])
        if self.version == 2:
            from .legacy import read_sets_layout_2

            wide = 4 + len(criteria) + len(self.data.get("options", [])) + 2
            read_sets_layout_2(Cells(self.book, name, self.ck, rows=SETS_HEADER_ROW + len(sets) + 25,
                                     columns=wide), self.data)
            return
        from .sets_sheet import CODE_ROW, FIRST_ROW, FIRST_SET_COLUMN, HEADER_ROW, NOTE_ROW

        cells = Cells(self.book, name, self.ck, rows=FIRST_ROW + len(criteria) + EXTRA_ROWS,
                      columns=FIRST_SET_COLUMN + len(sets) + EXTRA_COLUMNS)
        if cells.ws is None:
            return
        known = {str(s.get("id")): s for s in sets}
        set_names = {key: _names(s.get("name")) for key, s in known.items()}
        columns: dict[str, int] = {}
        for column in range(FIRST_SET_COLUMN, FIRST_SET_COLUMN + len(sets) + EXTRA_COLUMNS):
            found = cells.at(CODE_ROW, column)
            if found is None or (isinstance(found, str) and not found.strip()):
                if cells.at(HEADER_ROW, column) not in (None, "") or cells.at(FIRST_ROW, column) is not None:
                    cells.problem(f"{letter(column)}{CODE_ROW}", "this column has no code; weight sets can only be"
                                                                 " added in the app")
                    continue
                break
            found_code, where = str(found).strip(), f"{letter(column)}{CODE_ROW}"
            if found_code not in known:
                cells.problem(where, "unknown code '{code}'; weight sets can only be added in the app",
                              code=found_code[:60])
            elif found_code in columns:
                cells.problem(where, "the code '{code}' is also in column {column}; each set must be there once",
                              code=found_code, column=letter(columns[found_code]))
            else:
                columns[found_code] = column
        for missing in known:
            if missing not in columns:
                cells.problem(f"{letter(FIRST_SET_COLUMN)}{CODE_ROW}", "the column with code '{code}' ({what}) is"
                                                                       " missing", code=missing,
                              what=tr("a weight set", self.lang))
        table = Table("sets", HEADER_ROW, (Column("code", "Code", 10), Column("name", "Criterion", 24)))
        table = Table("sets", FIRST_ROW - 1, table.columns)  # rows from FIRST_ROW, found by code
        rows = self.rows(cells, table, [str(c.get("id")) for c in criteria], what=tr("a criterion", self.lang))
        for criterion_id, row in rows.items():
            self.check_label(cells, f"B{row}", self.criterion_names.get(criterion_id, set()),
                             tr("criterion", self.lang), criterion_id)
        for set_id, column in columns.items():
            weight_set = known[set_id]
            heading = f"{letter(column)}{HEADER_ROW}"
            self.check_name(cells, heading, set_id, set_names)
            new_name = cells.text(heading)
            if new_name:
                weight_set["name"] = kept(weight_set.get("name"), new_name)
            weight_set["note"] = kept(weight_set.get("note", ""), cells.text(f"{letter(column)}{NOTE_ROW}"))
            changed = False
            for criterion_id, row in rows.items():
                found = cells.number(f"{letter(column)}{row}", minimum=limits.WEIGHT.minimum,
                                     maximum=limits.WEIGHT.maximum)
                if found is None:
                    continue
                old = weight_set.get("weights", {}).get(criterion_id, 0)
                if same_or(old, found) != old:  # what openpyxl wrote with 15 digits counts as unchanged
                    weight_set.setdefault("weights", {})[criterion_id] = found
                    changed = True
            if changed:  # its swing answers or order no longer describe it: a directly set one now
                for key in ("method", "swing", "order"):
                    weight_set.pop(key, None)

    def sheet(self, key: str, table: Table, count: int) -> Cells:
        """A sheet read as far as its table can reach: its rows, and the rows where one may have been added."""
        return Cells(self.book, str(self.sheets.get(key, key)), self.ck, rows=table.first_row + count + EXTRA_ROWS,
                     columns=table.first_column + len(table.columns))

    def headings(self, cells: Cells, table: Table) -> bool:
        """True when every heading is where it was exported; else the first one that moved is a problem (the
        ones after it have usually moved along)."""
        for column in table.columns:
            address = table.cell(column.key, table.header_row)
            expected = tr(column.title, self.lang)
            found = cells.text(address)
            if " ".join(found.split()) != " ".join(expected.split()):
                cells.problem(address, "expected the heading '{expected}' here, found '{found}'; the columns must"
                                       " stay as exported (sorting the rows is fine)", expected=expected,
                              found=found[:40] or "—")
                return False
        return True

    def rows(self, cells: Cells, table: Table, expected: list[str], keys: tuple[str, ...] = ("code",),
             what: str = "") -> dict[str, int]:
        """The row of every expected code, read down the table until an empty row; codes that are unknown,
        twice there, missing, or rows without a code are problems."""
        found: dict[str, int] = {}
        wanted = set(expected)
        if cells.ws is None:
            return found
        last_column = table.first_column + len(table.columns) - 1
        for row in range(table.first_row, table.first_row + len(expected) + EXTRA_ROWS):
            row_values = [cells.at(row, c) for c in range(table.first_column, last_column + 1)]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row_values):
                break
            row_code = "|".join(cells.text(table.cell(key, row)) for key in keys)
            where = table.cell(keys[0], row)
            if not row_code.strip("|"):
                cells.problem(where, "this row has no code; rows can only be added in the app (Edit menu)")
            elif row_code not in wanted:
                cells.problem(where, "unknown code '{code}'; the codes must stay as exported", code=row_code[:60])
            elif row_code in found:
                cells.problem(where, "the code '{code}' is also in row {row}; each row must be there once",
                              code=row_code, row=found[row_code])
            else:
                found[row_code] = row
        for missing in expected:
            if missing not in found:
                cells.problem(table.cell(keys[0], table.first_row), "the row with code '{code}' ({what}) is missing",
                              code=missing, what=what)
        return found

    def check_name(self, cells: Cells, address: str, own: str, names: dict[str, set[str]]) -> None:
        """A name that is another row's exported name (and not this row's) means the rows were sorted without their
        codes: refuse rather than give one option the other's figures."""
        name = cells.text(address)
        if name in names.get(own, set()):
            return
        for other, theirs in names.items():
            if other != own and name in theirs:
                cells.problem(address, "this row's code is '{code}' but its name is that of '{other}'; were the rows"
                                       " sorted without their code column? Undo the sort and sort the whole table",
                              code=own, other=other)
                return

    def costs(self) -> None:
        data = self.data
        cells = self.sheet("costs", TARIFFS, len(data["options"]))
        if cells.ws is None:
            return
        town = data["municipality"]
        if self.headings(cells, TOWN):
            at = TOWN.first_row
            town["name"] = kept(town.get("name"), cells.text(TOWN.cell("name", at))) or town["name"]
            for key, rule in limits.MUNICIPALITY.items():
                town[key] = same_or(town.get(key), cells.number(TOWN.cell(key, at), minimum=rule.minimum,
                                                               maximum=rule.maximum, integer=rule.integer))
        if not self.headings(cells, TARIFFS):
            return
        rows = self.rows(cells, TARIFFS, [o["id"] for o in data["options"]], what=tr("an option", self.lang))
        for option in data["options"]:
            row = rows.get(option["id"])
            if row is None:
                continue
            address = TARIFFS.cell("name", row)
            self.check_name(cells, address, option["id"], self.option_names)
            name = cells.text(address)
            if name:
                option["name"][self.lang] = kept(option["name"].get(self.lang), name)
                self.option_names[option["id"]].add(name)
            tariff = option["tariff"]
            for key in TARIFF_FIELDS:
                rule = limits.TARIFF[key]
                scale = 100.0 if key == "indexation_percent" else 1.0
                value = cells.number(TARIFFS.cell(key, row), minimum=rule.minimum / scale,
                                     maximum=rule.maximum / scale)
                tariff[key] = same_or(tariff.get(key, 0), None if value is None else value * scale)

    def criteria(self) -> None:
        data = self.data
        cells = self.sheet("criteria", CRITERIA, len(data["criteria"]))
        if cells.ws is None or not self.headings(cells, CRITERIA):
            return
        rows = self.rows(cells, CRITERIA, [c["id"] for c in data["criteria"]], what=tr("a criterion", self.lang))
        for criterion in data["criteria"]:
            row = rows.get(criterion["id"])
            if row is None:
                continue
            address = CRITERIA.cell("name", row)
            self.check_name(cells, address, criterion["id"], self.criterion_names)
            name = cells.text(address)
            if name:
                criterion["name"][self.lang] = kept(criterion["name"].get(self.lang), name)
                self.criterion_names[criterion["id"]].add(name)
            if not is_scale(criterion["kind"]):
                for key in ("best", "worst"):
                    criterion[key] = same_or(criterion.get(key), cells.number(
                        CRITERIA.cell(key, row), minimum=limits.LEVEL.minimum, maximum=limits.LEVEL.maximum))
            switch = cells.value(CRITERIA.cell("enabled", row))
            if isinstance(switch, bool):
                criterion["enabled"] = switch
            else:
                criterion["enabled"] = cells.number(CRITERIA.cell("enabled", row), minimum=0, maximum=1,
                                                    integer=True) == 1
            criterion["weight"] = same_or(criterion["weight"], cells.number(
                CRITERIA.cell("weight", row), minimum=limits.WEIGHT.minimum, maximum=limits.WEIGHT.maximum))

    def scores(self) -> None:
        data = self.data
        cells = self.sheet("scores", SCORES, len(data["options"]) * len(data["criteria"]))
        if cells.ws is None or not self.headings(cells, SCORES):
            return
        kinds = {c["id"]: c["kind"] for c in data["criteria"]}
        pairs = [f"{o['id']}|{c['id']}" for o in data["options"] for c in data["criteria"]
                 if is_judged(c["kind"])]
        rows = self.rows(cells, SCORES, pairs, keys=("option_code", "criterion_code"), what=tr("a score", self.lang))
        existing = {(s.get("option"), s.get("criterion")): s for s in data["scores"] if isinstance(s, dict)}
        kept_scores = [s for s in data["scores"] if not isinstance(s, dict)
                       or f"{s.get('option')}|{s.get('criterion')}" not in rows]
        for pair in pairs:
            row = rows.get(pair)
            if row is None:
                continue
            option_id, criterion_id = pair.split("|", 1)
            self.check_label(cells, SCORES.cell("option", row), self.option_names.get(option_id, set()),
                             tr("option", self.lang), option_id)
            self.check_label(cells, SCORES.cell("criterion", row), self.criterion_names.get(criterion_id, set()),
                             tr("criterion", self.lang), criterion_id)
            score = dict(existing.get((option_id, criterion_id)) or {"option": option_id, "criterion": criterion_id})
            value_cell = SCORES.cell("value", row)
            grounds = {key: cells.text(SCORES.cell(key, row)) for key in ("justification", *SCORE_SOURCE_FIELDS)}
            if cells.value(value_cell) is None or cells.text(value_cell) == "":
                if any(grounds.values()):
                    cells.problem(value_cell, "the score is empty but it has a justification or source; enter a"
                                              " score, or clear those cells too if it is not judged yet")
                continue  # not judged yet: no score, as in the app
            scale = {"minimum": 1, "maximum": 5, "integer": True} if is_scale(kinds.get(criterion_id)) else {
                "minimum": limits.NUMBER_SCORE.minimum, "maximum": limits.NUMBER_SCORE.maximum}
            score["value"] = same_or(score.get("value"), cells.number(value_cell, **scale))
            score["justification"] = kept(score.get("justification", ""), grounds["justification"])
            source = dict(score.get("source", {}))
            for key in SCORE_SOURCE_FIELDS:
                source[key] = kept(source.get(key, ""), grounds[key])
            score["source"] = {k: v for k, v in source.items() if v}
            kept_scores.append(score)
        data["scores"] = kept_scores

    def check_label(self, cells: Cells, address: str, names: set[str], what: str, code: str) -> None:
        label = cells.text(address)
        if label not in names:
            cells.problem(address, "expected the name of the {what} with code '{code}' here, found '{found}'; was a"
                                   " column sorted on its own?", what=what, code=code, found=label[:40] or "—")

    def sources(self) -> None:
        data = self.data
        cells = self.sheet("sources", SOURCES, len(data["options"]) + 1)
        if cells.ws is None or not self.headings(cells, SOURCES):
            return
        owners: dict[str, dict[str, Any]] = {MUNICIPALITY_CODE: data["municipality"]}
        for option in data["options"]:
            owners[TARIFF_CODE + option["id"]] = option["tariff"]
        rows = self.rows(cells, SOURCES, list(owners), what=tr("a source", self.lang))
        for row_code, owner in owners.items():
            row = rows.get(row_code)
            if row is None:
                continue
            self.check_name(cells, SOURCES.cell("about", row), row_code, self.abouts)
            source = dict(owner.get("source") or {})
            for key in SOURCE_FIELDS:
                source[key] = kept(source.get(key, ""), cells.text(SOURCES.cell(key, row)))
            cleaned = {k: v for k, v in source.items() if v}
            if cleaned:
                owner["source"] = cleaned
            else:
                owner.pop("source", None)


def _source_labels(data: dict[str, Any], lang: str) -> dict[str, set[str]]:
    """What the sources sheet's 'About' column said for each row at export, to notice rows sorted without codes."""
    from copy import deepcopy

    from ..project_reader import read_project
    from .inputs import source_rows

    project, _problems = read_project(deepcopy(data))
    if project is None:
        return {}
    return {row_code: {about.strip()} for row_code, about, _source in source_rows(project, lang)}


def _names(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {v.strip() for v in value.values() if isinstance(v, str)}
    return {value.strip()} if isinstance(value, str) else set()
