"""A figure typed over a cell the workbook computes (a quality, a cost, a total) is not read — the program computes
it again from the inputs — and opening says so, cell by cell, in both languages; inputs typed into the yellow cells
are read as before and said nowhere here; a sorted sheet or an older workbook says nothing."""

import openpyxl
import pytest

from ombudscompare.cli.main import main
from ombudscompare.formats.errors import typed_line
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.workbook import export_workbook
from ombudscompare.formats.workbook.computed import computed_cells
from ombudscompare.formats.workbook.geometry import META_SHEET


@pytest.fixture
def exported(haarlem, tmp_path):
    path = tmp_path / "haarlem.xlsx"
    export_workbook(haarlem, path, "nl")
    return path


def test_an_untouched_workbook_says_nothing(exported, haarlem):
    typed = []
    assert dumps(load_any(exported, [], typed)) == dumps(haarlem)
    assert typed == []


def test_every_sheet_that_computes_is_watched(exported):
    book = openpyxl.load_workbook(exported)
    watched = computed_cells(book, META_SHEET)
    assert set(watched) == {ws.title for ws in book.worksheets if ws.title != META_SHEET and any(
        isinstance(c.value, str) and c.value.startswith("=") for row in ws.iter_rows() for c in row)}
    assert {"Samenvatting", "Berekening", "Waar voor ons geld", "Kosten", "Gewichtensets"} <= set(watched)


def test_a_figure_typed_over_any_computed_cell_is_said_and_not_used(exported, haarlem, tmp_path):
    book = openpyxl.load_workbook(exported)
    watched = computed_cells(book, META_SHEET)
    expected = []
    for sheet, columns in watched.items():  # the first computed cell of each sheet, overwritten with a number
        letter, runs = next(iter(columns.items()))
        book[sheet][f"{letter}{runs[0][0]}"] = 90
        expected.append(f"{sheet}!{letter}{runs[0][0]}")
    path = tmp_path / "typed.xlsx"
    book.save(path)
    typed = []
    opened = load_any(path, [], typed)
    assert dumps(opened) == dumps(haarlem), "a computed cell is never read as an input"
    assert sorted(str(p.place) for p in typed) == sorted(expected)
    assert all(p.render("nl").endswith("bevat 90 waar de werkmap een cijfer berekent") for p in typed)
    assert typed_line(str(path), typed, "en").startswith(f"{path}: {len(expected)} cells that the workbook computes")


def test_the_value_sheet_quality_typed_over_is_said_on_the_command_line(exported, tmp_path, capsys):
    book = openpyxl.load_workbook(exported)
    book["Waar voor ons geld"]["C12"] = 90  # the Joint Ombudsman's quality, 66,7
    book["Kosten"]["B8"] = 1  # an input: read as one, said nowhere here
    path = tmp_path / "typed.xlsx"
    book.save(path)
    assert main(["value", str(path), "--lang", "nl"]) == 0
    out, err = capsys.readouterr()
    assert "66,7" in out and "90" not in out.split("Kwaliteit")[0]
    assert err.count("\n") == 1 and "Waar voor ons geld!C12: bevat 90 waar de werkmap een cijfer berekent" in err
    assert "Kosten!B8" not in err
