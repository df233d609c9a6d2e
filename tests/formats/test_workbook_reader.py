"""Workbooks come back: our own export round-trips, a reader's edits arrive, strangers and bombs are refused."""

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ombudscompare.core.scoring import evaluate
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.workbook import export_workbook, load_workbook_project
from ombudscompare.formats.workbook.geometry import CRITERIA, LAYOUT_VERSION, SCORES, SOURCES, TARIFFS, TOWN
from tests.formats.workbooks import rows_by_code, score_rows, sort_table
from tests.synthetic import generated_project

DATA = Path(__file__).with_name("data")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_open_export_loses_nothing(haarlem, tmp_path, lang):
    first = tmp_path / "first.xlsx"
    export_workbook(haarlem, first, lang)
    again = load_workbook_project(first)
    assert dumps(again) == dumps(haarlem)
    second = tmp_path / "second.xlsx"
    export_workbook(again, second, lang)
    assert dumps(load_workbook_project(second)) == dumps(haarlem)


def test_generated_project_round_trip(tmp_path):
    project = generated_project(7, 11, seed=9)
    path = tmp_path / "g.xlsx"
    export_workbook(project, path, "en")
    assert dumps(load_any(path)) == dumps(project)


def test_edits_made_in_the_workbook_arrive(haarlem, tmp_path):
    path = tmp_path / "edited.xlsx"
    export_workbook(haarlem, path, "nl")
    book = openpyxl.load_workbook(path)
    costs, criteria, scores, sources = (book[k] for k in ("Kosten", "Criteria", "Scores", "Bronnen"))
    costs[TOWN.cell("population", TOWN.first_row)] = 170000
    goma = rows_by_code(costs, TARIFFS)["goma"]
    costs[TARIFFS.cell("surcharge", goma)] = 400
    costs[TARIFFS.cell("name", goma)] = "GOMA (nieuw tarief)"
    criteria[CRITERIA.cell("weight", rows_by_code(criteria, CRITERIA)["local_involvement"])] = 45
    criteria[CRITERIA.cell("enabled", rows_by_code(criteria, CRITERIA)["awareness"])] = 1
    row = score_rows(scores, SCORES)[("goma", "independence")]
    scores[SCORES.cell("value", row)] = 4
    scores[SCORES.cell("justification", row)] = "Na gesprek met de GOMA: meer waarborgen."
    sources[SOURCES.cell("date", rows_by_code(sources, SOURCES)["tariff:goma"])] = "2019"
    book.save(path)
    project = load_workbook_project(path)
    assert project.municipality.population == 170000
    assert project.option("goma").tariff.surcharge == 400
    assert project.option("goma").name.get("nl") == "GOMA (nieuw tarief)"
    assert project.option("goma").name.get("en") == "Joint Ombudsman Metropool Amsterdam"
    assert project.criterion("local_involvement").weight == 45
    assert project.criterion("awareness").enabled
    assert project.score("goma", "independence").value == 4
    assert project.score("goma", "independence").justification.startswith("Na gesprek")
    assert project.option("goma").tariff.source.date == "2019"
    assert evaluate(project).shares["local_involvement"] == pytest.approx(45 / 145)


def test_a_bad_value_in_an_input_cell_names_sheet_and_cell(haarlem, tmp_path):
    path = tmp_path / "bad.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    book["Costs"][TOWN.cell("population", TOWN.first_row)] = "many"
    scores = book["Scores"]
    scores[SCORES.cell("value", score_rows(scores, SCORES)[("no", "independence")])] = 9
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    line = caught.value.render("en")
    assert f"Costs!{TOWN.cell('population', TOWN.first_row)}: must be a number, got \"many\"" in line
    assert "(and 1 more problem)" in line


def test_a_date_typed_as_the_population_is_a_message(haarlem, tmp_path):
    path = tmp_path / "date.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    book["Costs"][TOWN.cell("population", TOWN.first_row)] = datetime(2018, 1, 1)
    book.save(path)
    with pytest.raises(FileError, match=r"Costs!C5: must be a number"):
        load_workbook_project(path)


def test_a_moved_column_is_refused_with_its_cell(haarlem, tmp_path):
    path = tmp_path / "moved.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    book["Scores"].insert_cols(SCORES.col("value"))
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    assert caught.value.render("en").endswith("Scores!E3: expected the heading 'Score' here, found '—'; the columns must stay as exported (sorting the rows is fine)")


def test_rows_sorted_without_their_codes_are_refused(haarlem, tmp_path):
    """Sorting the names and figures but not the code column would hand one option the other's tariff."""
    path = tmp_path / "half.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    costs = book["Costs"]
    first, last = TARIFFS.first_row, TARIFFS.first_row + 1
    moved = sort_table(costs, first, last, TARIFFS.col("name"), len(TARIFFS.columns), key=lambda row: row[0])
    assert moved == [last, first]
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    assert "Costs!B8: this row's code is 'no' but its name is that of 'goma'" in caught.value.render("en")


def test_scores_sorted_without_their_codes_are_refused(haarlem, tmp_path):
    path = tmp_path / "half.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    scores = book["Scores"]
    pairs = len(score_rows(scores, SCORES))
    sort_table(scores, SCORES.first_row, SCORES.first_row + pairs - 1, SCORES.col("option"), len(SCORES.columns),
               key=lambda row: row[0], reverse=False)
    book.save(path)
    with pytest.raises(FileError, match="expected the name of the option with code 'no' here"):
        load_workbook_project(path)


def test_a_row_added_in_excel_is_not_dropped_silently(haarlem, tmp_path):
    path = tmp_path / "added.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    criteria = book["Criteria"]
    row = CRITERIA.first_row + len(haarlem.criteria)
    criteria[CRITERIA.cell("name", row)] = "Snelheid"
    criteria[CRITERIA.cell("weight", row)] = 10
    book.save(path)
    with pytest.raises(FileError, match=f"Criteria!A{row}: this row has no code; rows can only be added in the app"):
        load_workbook_project(path)


def test_an_empty_score_with_grounds_asks_rather_than_drops_them(haarlem, tmp_path):
    path = tmp_path / "blank.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    scores = book["Scores"]
    row = score_rows(scores, SCORES)[("no", "independence")]
    scores[SCORES.cell("value", row)] = None
    book.save(path)
    with pytest.raises(FileError, match=f"Scores!E{row}: the score is empty but it has a justification"):
        load_workbook_project(path)


def test_a_workbook_of_the_first_layout_still_opens_with_its_edits(haarlem):
    """Exported by version 0.1 (inputs at fixed rows), then edited: population 160000, GOMA independence 5."""
    project = load_workbook_project(DATA / "haarlem-workbook-layout1.xlsx")
    assert project.municipality.population == 160000
    assert project.score("goma", "independence").value == 5
    assert project.option("no").tariff.per_inhabitant == haarlem.option("no").tariff.per_inhabitant


def test_a_newer_layout_is_refused_in_words(haarlem, tmp_path):
    path = tmp_path / "future.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    book["_ombudscompare"]["B1"] = LAYOUT_VERSION + 1
    book.save(path)
    with pytest.raises(FileError, match="newer version of OmbudsCompare"):
        load_workbook_project(path)


def test_a_workbook_that_is_not_ours(tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "budget"
    book.save(path)
    with pytest.raises(FileError, match="is not a workbook exported by OmbudsCompare"):
        load_any(path)


def test_a_damaged_workbook(haarlem, tmp_path):
    path = tmp_path / "broken.xlsx"
    export_workbook(haarlem, path, "en")
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(FileError, match="is not an Excel workbook"):
        load_any(path)
    text_file = tmp_path / "notes.xlsx"
    text_file.write_text("just text")
    with pytest.raises(FileError, match="is not an Excel workbook"):
        load_any(text_file)


def _rewrite_part(source, target, part, content):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, content if item.filename == part else old.read(item.filename))


def test_entity_expansion_is_refused(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>&lol3;</sheets>'
            '</workbook>')
    hostile = tmp_path / "bomb.xlsx"
    _rewrite_part(path, hostile, "xl/workbook.xml", bomb)
    with pytest.raises(FileError, match="refused"):
        load_any(hostile)


def test_enormous_parts_are_refused_before_reading(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    huge = tmp_path / "huge.xlsx"
    _rewrite_part(path, huge, "xl/worksheets/sheet1.xml", b" " * (51 * 1024 * 1024))
    assert huge.stat().st_size < 1_000_000
    with pytest.raises(FileError, match="would unpack to more than 50 MB"):
        load_any(huge)


def test_random_damage_only_ever_gives_a_clear_error(haarlem, tmp_path):
    import random

    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "en")
    good = path.read_bytes()
    rng = random.Random(5)
    for attempt in range(120):
        data = bytearray(good)
        if attempt % 2:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        damaged = tmp_path / f"d{attempt}.xlsx"
        damaged.write_bytes(bytes(data))
        try:
            load_any(damaged)
        except FileError as error:
            line = error.render("nl")
            assert "\n" not in line and line.startswith(str(damaged))
