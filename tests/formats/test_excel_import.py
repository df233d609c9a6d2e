"""Workbooks come back: our own export round-trips, a reader's edits arrive, strangers and bombs are refused."""

import zipfile

import openpyxl
import pytest

from ombudscompare.core.scoring import evaluate
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.excel_export import build_workbook, export_workbook
from ombudscompare.formats.excel_import import load_workbook_project
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import dumps
from tests.synthetic import generated_project


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
    _wb, layout = build_workbook(haarlem, "nl")
    book = openpyxl.load_workbook(path)
    costs, criteria, scores = (book[layout.sheets[k]] for k in ("costs", "criteria", "scores"))
    costs[layout.municipality["population"]] = 170000
    costs[f"F{layout.options['goma']}"] = 400
    costs[f"A{layout.options['goma']}"] = "GOMA (nieuw tarief)"
    criteria[f"G{layout.criteria['local_involvement']}"] = 45
    criteria[f"F{layout.criteria['awareness']}"] = 1
    row = layout.scores["goma\tindependence"]
    scores[f"C{row}"] = 4
    scores[f"E{row}"] = "Na gesprek met de GOMA: meer waarborgen."
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
    assert evaluate(project).shares["local_involvement"] == pytest.approx(45 / 145)


def test_a_bad_value_in_an_input_cell_names_sheet_and_cell(haarlem, tmp_path):
    path = tmp_path / "bad.xlsx"
    export_workbook(haarlem, path, "en")
    _wb, layout = build_workbook(haarlem, "en")
    book = openpyxl.load_workbook(path)
    book[layout.sheets["costs"]][layout.municipality["population"]] = "many"
    book[layout.sheets["scores"]][f"C{layout.scores['no' + chr(9) + 'independence']}"] = 9
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_workbook_project(path)
    line = caught.value.render("en")
    assert f"Costs!{layout.municipality['population']}: must be a number, got \"many\"" in line
    assert "(and 1 more problem)" in line


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
