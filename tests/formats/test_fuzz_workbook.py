"""Fuzzing both readers with what a damaged or hostile file can hold: arbitrary bytes, zip archives with
damaged, dropped or swapped parts, XML values replaced by anything, and cells of the input sheets set to any
value. The contract: a project, or a FileError with a one-line message in both languages — never another
exception, never more than a few seconds per file (hypothesis deadline) and never more than 1 GB more
address space than the test process had (an RLIMIT_AS set around every input, so a runaway allocation
fails the test as a MemoryError instead of taking the machine down).

Inputs per run: 6 strategies here × EXAMPLES, besides tests/formats/test_fuzz.py (project files).
"""

from __future__ import annotations

import io
import random
import re
import resource
import zipfile
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.utils.exceptions import IllegalCharacterError

from ombudscompare.core.model import Project
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import parse_project
from ombudscompare.formats.workbook.export import build_workbook

EXAMPLES = 60
FUZZ = settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])
HEADROOM = 1024**3


def _workbook_bytes(lang: str) -> bytes:
    buffer = io.BytesIO()
    build_workbook(haarlem_2018(), lang, now=datetime(2026, 11, 24, 12, 0)).save(buffer)
    return buffer.getvalue()


BOOKS = {lang: _workbook_bytes(lang) for lang in ("nl", "en")}
PARTS = {lang: zipfile.ZipFile(io.BytesIO(data)).namelist() for lang, data in BOOKS.items()}


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize"))


@contextmanager
def _bounded_memory():
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + HEADROOM
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _project_or_clear_error(path: Path) -> Project | None:
    with _bounded_memory():
        try:
            return load_any(path, [], [])  # with the check of computed cells, which must never fail either
        except FileError as error:
            line = error.render("en")
            assert line and "\n" not in line and "Traceback" not in line
            assert error.render("nl")
            return None


def _rezip(lang: str, change) -> bytes:
    """The exported workbook with its parts passed through `change(name, data) -> [(name, data), ...]`."""
    source = zipfile.ZipFile(io.BytesIO(BOOKS[lang]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            for name, data in change(info.filename, source.read(info)):
                target.writestr(name, data)
    return out.getvalue()


@FUZZ
@given(data=st.binary(max_size=4096), zip_magic=st.booleans())
def test_arbitrary_bytes(tmp_path, data, zip_magic):
    """Any bytes named .xlsx or .json (with the zip signature in front, half the time)."""
    data = (b"PK\x03\x04" + data) if zip_magic else data
    for suffix in (".xlsx", ".json"):
        path = tmp_path / f"fuzz{suffix}"
        path.write_bytes(data)
        _project_or_clear_error(path)
    with _bounded_memory():
        try:
            parse_project(data, "fuzz.json")
        except FileError as error:
            assert "\n" not in error.render("en")


@FUZZ
@given(lang=st.sampled_from(["nl", "en"]), cut=st.floats(0.0, 1.0))
def test_truncated_workbooks(tmp_path, lang, cut):
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(BOOKS[lang][:int(len(BOOKS[lang]) * cut)])
    _project_or_clear_error(path)


@FUZZ
@given(lang=st.sampled_from(["nl", "en"]), seed=st.integers(0, 2**32 - 1),
       how=st.sampled_from(["drop", "damage", "truncate", "swap", "duplicate-name", "empty"]))
def test_damaged_parts(tmp_path, lang, seed, how):
    """One part of the archive dropped, overwritten in places, cut short, swapped with another or emptied."""
    rng = random.Random(seed)
    victim = rng.choice(PARTS[lang])
    other = rng.choice(PARTS[lang])
    source = zipfile.ZipFile(io.BytesIO(BOOKS[lang]))

    def change(name, data):
        if name != victim:
            return [(name, data)]
        if how == "drop":
            return []
        if how == "damage":
            raw = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                if raw:
                    raw[rng.randrange(len(raw))] = rng.randrange(256)
            return [(name, bytes(raw))]
        if how == "truncate":
            return [(name, data[:rng.randrange(len(data) + 1)])]
        if how == "swap":
            return [(name, source.read(other))]
        if how == "duplicate-name":
            return [(name, data), (other, data)]
        return [(name, b"")]

    path = tmp_path / "fuzz.xlsx"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: that is the point
        path.write_bytes(_rezip(lang, change))
    _project_or_clear_error(path)


VALUE = re.compile(rb"(<v>|<t(?: [^>]*)?>)([^<]*)(</v>|</t>)")
xml_texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30) | st.sampled_from([
    "1e308", "-1e308", "NaN", "inf", "1e-320", "0x10", "99999999999999999999999", "", " ", "TRUE", "#REF!",
    "-0", "1,5", "€ 1.234,56", "=1/0", "<b>", "\u202e", "\x00"])


@FUZZ
@given(lang=st.sampled_from(["nl", "en"]), seed=st.integers(0, 2**32 - 1), texts=st.lists(xml_texts, min_size=1,
                                                                                          max_size=6))
def test_replaced_values_in_the_sheets(tmp_path, lang, seed, texts):
    """Values and shared strings in the sheet XML replaced by anything (escaped, so the XML stays well formed)."""
    rng = random.Random(seed)

    def escape(text: str) -> bytes:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8", "replace")

    def change(name, data):
        if not (name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"):
            return [(name, data)]
        spans = [m.span(2) for m in VALUE.finditer(data)]
        if not spans:
            return [(name, data)]
        for text in texts:
            start, end = rng.choice(spans)
            data = data[:start] + escape(text) + data[end:]
            spans = [m.span(2) for m in VALUE.finditer(data)]
        return [(name, data)]

    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(_rezip(lang, change))
    _project_or_clear_error(path)


cell_values = (st.none() | st.booleans() | st.integers(-(10**15), 10**15)
               | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40)
               | st.sampled_from(["=1/0", "=A1", "1e308", "ja", "nee", "€ 5", "x" * 300, "<img src=/dev/zero>"]))


@FUZZ
@given(lang=st.sampled_from(["nl", "en"]), seed=st.integers(0, 2**32 - 1),
       values=st.lists(cell_values, min_size=1, max_size=8))
def test_cells_of_the_input_sheets_set_to_anything(tmp_path, lang, seed, values):
    """What an adviser could type in Excel: any value in any cell of the sheets the reader reads."""
    rng = random.Random(seed)
    book = load_workbook(io.BytesIO(BOOKS[lang]))
    sheets = [s for s in book.worksheets if s.max_row > 1]
    for value in values:
        sheet = rng.choice(sheets)
        row, column = rng.randint(1, sheet.max_row + 1), rng.randint(1, sheet.max_column + 1)
        if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
            continue  # openpyxl refuses control characters in cells (and leaves the cell broken when asked)
        try:
            sheet.cell(row, column).value = value
        except (ValueError, TypeError, AttributeError, IllegalCharacterError):
            continue  # openpyxl will not store it (or the cell is part of a merged title); Excel could not either
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    _project_or_clear_error(path)


@FUZZ
@given(lang=st.sampled_from(["nl", "en"]), seed=st.integers(0, 2**32 - 1))
def test_rows_of_the_input_sheets_shuffled_or_deleted(tmp_path, lang, seed):
    """Rows sorted by hand, deleted or moved: read correctly by their codes, or refused with grounds."""
    rng = random.Random(seed)
    book = load_workbook(io.BytesIO(BOOKS[lang]))
    sheets = [s for s in book.worksheets if s.max_row > 2]
    sheet = rng.choice(sheets)
    action = rng.choice(["delete", "insert", "swap"])
    row = rng.randint(1, sheet.max_row)
    if action == "delete":
        sheet.delete_rows(row, rng.randint(1, 3))
    elif action == "insert":
        sheet.insert_rows(row, rng.randint(1, 3))
    else:
        other = rng.randint(1, sheet.max_row)
        for column in range(1, sheet.max_column + 1):
            a, b = sheet.cell(row, column), sheet.cell(other, column)
            if not isinstance(a, MergedCell) and not isinstance(b, MergedCell):
                a.value, b.value = b.value, a.value
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    _project_or_clear_error(path)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_untouched_workbook_opens(tmp_path, lang):
    """The base of every mutation above is a workbook that opens (so the fuzzing starts from a valid file)."""
    path = tmp_path / "base.xlsx"
    path.write_bytes(BOOKS[lang])
    project = _project_or_clear_error(path)
    assert project is not None and [o.id for o in project.options] == ["no", "goma"]
