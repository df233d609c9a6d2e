"""The exported workbook: formulas evaluated by a real evaluator equal the app's numbers, also after edits."""

import errno
import os
import warnings

import openpyxl
import pytest

from ombudscompare.core.scoring import evaluate
from ombudscompare.core.whatif import with_municipality
from ombudscompare.formats.atomic import write_atomic
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.excel_export import build_workbook, export_workbook
from tests.synthetic import generated_project

formulas = pytest.importorskip("formulas")


def evaluated(path):
    """Every cell's computed value, keyed like 'SHEET'!A1 (upper case), by the formulas library."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    result = {}
    for key, value in solution.items():
        if ":" in key:
            continue
        sheet_cell = key.split("]", 1)[1].replace("'", "")
        inner = value.value[0][0] if hasattr(value, "value") else value
        result[sheet_cell.upper()] = inner
    return result


def cell(values, layout_ref):
    sheet, address = layout_ref.rsplit("!", 1)
    return float(values[f"{sheet.strip(chr(39)).upper()}!{address.replace('$', '')}"])


def check_against_app(project, path, lang="en"):
    _wb, layout = build_workbook(project, lang)
    values = evaluated(path)
    evaluation = evaluate(project)
    for result in evaluation.results:
        assert cell(values, layout.totals[result.option_id]) == pytest.approx(result.total, rel=1e-9, abs=1e-9)
        costs = layout.sheets["costs"]
        row = layout.options[result.option_id]
        assert cell(values, f"'{costs}'!H{row}") == pytest.approx(result.annual_cost, rel=1e-9)
        assert cell(values, f"'{costs}'!I{row}") == pytest.approx(result.cost_per_inhabitant, rel=1e-9)
    criteria = layout.sheets["criteria"]
    for criterion_id, row in layout.criteria.items():
        share = evaluation.shares.get(criterion_id, 0.0)
        assert cell(values, f"'{criteria}'!H{row}") == pytest.approx(share, rel=1e-9, abs=1e-12)
    return values, layout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_haarlem_formulas_equal_the_app(haarlem, tmp_path, lang):
    path = tmp_path / "haarlem.xlsx"
    export_workbook(haarlem, path, lang)
    check_against_app(haarlem, path, lang)


def test_generated_project_formulas_equal_the_app(tmp_path):
    project = generated_project(6, 9, seed=4)
    path = tmp_path / "generated.xlsx"
    export_workbook(project, path, "en")
    check_against_app(project, path)


def test_changing_inputs_in_the_workbook_recomputes_like_the_app(haarlem, tmp_path):
    path = tmp_path / "edited.xlsx"
    export_workbook(haarlem, path, "en")
    _wb, layout = build_workbook(haarlem, "en")
    book = openpyxl.load_workbook(path)
    costs = book[layout.sheets["costs"]]
    criteria = book[layout.sheets["criteria"]]
    costs[layout.municipality["complaints_per_year"]] = 150
    criteria[f"G{layout.criteria['local_involvement']}"] = 60  # weights 20,20,20,60,20
    book.save(path)
    changed = with_municipality(haarlem, complaints=150)
    changed.criterion("local_involvement").weight = 60
    check_against_app(changed, path)


def test_user_text_never_becomes_a_formula(haarlem, tmp_path):
    haarlem.option("goma").name.texts["en"] = '=HYPERLINK("http://evil.invalid","click")'
    haarlem.criterion("independence").name.texts["en"] = "+SUM(1,2)"
    score = haarlem.score("no", "independence")
    score.justification = "@cmd|' /C calc'!A0"
    score.source.quote = "-2+3\x07 bell"
    path = tmp_path / "hostile.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@" and c.data_type == "s":
                    found[c.value] = c.data_type
    assert found.get('=HYPERLINK("http://evil.invalid","click")') == "s"
    assert found.get("+SUM(1,2)") == "s"
    assert found.get("@cmd|' /C calc'!A0") == "s"
    assert found.get("-2+3 bell") == "s", "control characters are dropped"


def test_number_formats_and_layout(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "nl")
    _wb, layout = build_workbook(haarlem, "nl")
    book = openpyxl.load_workbook(path)
    costs = book[layout.sheets["costs"]]
    row = layout.options["goma"]
    assert costs[f"B{row}"].number_format.startswith('"€"')
    assert costs[f"G{row}"].number_format == "0.0%"
    assert costs.freeze_panes == "B10"
    assert costs.page_setup.orientation == "landscape"
    assert book.properties.creator == "OmbudsCompare"
    assert book["_ombudscompare"].sheet_state == "veryHidden"
    summary = book[layout.sheets["summary"]]
    assert len(summary._charts) == 1 and len(costs._charts) == 1


def test_a_failed_write_keeps_the_earlier_file(haarlem, tmp_path):
    path = tmp_path / "memo.xlsx"
    export_workbook(haarlem, path, "en")
    before = path.read_bytes()

    def disk_full(handle):
        handle.write(b"PK\x03\x04 half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileError, match="the disk is full"):
        write_atomic(path, disk_full)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["memo.xlsx"]
    with pytest.raises(FileError, match="the folder does not exist"):
        export_workbook(haarlem, tmp_path / "missing" / "memo.xlsx", "en")
