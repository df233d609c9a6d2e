"""What a reader found, said in words in the message's own language (issue 20.12): not 'got True', 'got
<openpyxl…ArrayFormula object>' or an English message with a Dutch 'een datum' in it."""

from __future__ import annotations

import datetime
import json
import math

import pytest
from openpyxl.worksheet.formula import ArrayFormula

from ombudscompare.formats.checks import describe
from ombudscompare.formats.errors import FileError
from ombudscompare.i18n import Message


class _Strange:
    pass


@pytest.mark.parametrize("value, english, dutch", [
    (True, "a yes/no value (TRUE)", "een ja/nee-waarde (WAAR)"),
    (False, "a yes/no value (FALSE)", "een ja/nee-waarde (ONWAAR)"),
    (ArrayFormula("E4", "=SUM(A1:A3*B1:B3)"), "an array formula (=SUM(A1:A3*B1:B3))",
     "een matrixformule (=SUM(A1:A3*B1:B3))"),
    (datetime.datetime(2026, 1, 2), "a date (2026-01-02)", "een datum (2026-01-02)"),
    (datetime.datetime(2026, 1, 2, 13, 45), "a date and time (2026-01-02 13:45)", "een datum en tijd (2026-01-02 13:45)"),
    (datetime.time(9, 30), "a time (09:30)", "een tijd (09:30)"),
    ("=A1*2", "a formula (=A1*2)", "een formule (=A1*2)"),
    (None, "an empty value (null)", "een lege waarde (null)"),
    ([1], "a list", "een lijst"),
    ({"a": 1}, "an object", "een object"),
    (_Strange(), "a value of another kind (_Strange)", "een waarde van een andere soort (_Strange)"),
    (-5, "-5", "-5"),
    (2.5, "2.5", "2.5"),
    ("abc", '"abc"', '"abc"'),
    (math.inf, "Infinity", "Infinity"),
])
def test_what_was_found_is_said_in_words(value, english, dutch):
    found = Message("must be a number, got {got}", got=describe(value))
    assert found.render("en") == f"must be a number, got {english}"
    assert found.render("nl") == f"moet een getal zijn, gevonden: {dutch}"


def _workbook_with(tmp_path, sheet: str, cell: str, value) -> str:
    import openpyxl

    from ombudscompare.examples import haarlem_2018
    from ombudscompare.formats.workbook import export_workbook

    path = tmp_path / "memo.xlsx"
    export_workbook(haarlem_2018(), path, "en")
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return str(path)


@pytest.mark.parametrize("sheet, cell, value, words", [
    ("Scores", "E4", True, "Scores!E4: must be a number, got a yes/no value (TRUE)"),
    ("Weight sets", "D7", ArrayFormula("D7", "=SUM(1)"),
     "Weight sets!D7: must be a number, got an array formula (=SUM(1))"),
    ("Scores", "E4", datetime.datetime(2026, 1, 2), "Scores!E4: must be a number, got a date (2026-01-02)"),
])
def test_a_workbook_cell_that_holds_no_number_says_what_it_holds(tmp_path, sheet, cell, value, words):
    from ombudscompare.formats.loading import load_any

    path = _workbook_with(tmp_path, sheet, cell, value)
    with pytest.raises(FileError) as caught:
        load_any(path)
    assert words in caught.value.render_all("en")


def test_a_sheet_the_hidden_sheet_does_not_name_is_said_in_words(tmp_path):
    import openpyxl

    from ombudscompare.formats.loading import load_any

    path = _workbook_with(tmp_path, "Scores", "E4", 5)
    book = openpyxl.load_workbook(path)
    meta = book["_ombudscompare"]
    last = 3
    while isinstance(meta.cell(last, 1).value, str):
        last += 1
    payload = json.loads("".join(meta.cell(row, 1).value for row in range(3, last)))
    payload["sheets"]["scores"] = None
    text = json.dumps(payload)
    for row in range(3, last):
        meta.cell(row, 1).value = None
    for at in range(0, len(text), 30_000):
        meta.cell(3 + at // 30_000, 1).value = text[at:at + 30_000]
    book.save(path)
    with pytest.raises(FileError) as caught:
        load_any(path)
    assert "None" not in caught.value.render("en") and "is damaged" in caught.value.render("en")
