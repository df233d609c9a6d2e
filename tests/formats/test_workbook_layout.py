"""What a memo reader gets from the workbook: formats, checked input cells, print at a readable scale, the app's
chart colours, sources, and user text that never becomes a formula."""

import errno
import os

import openpyxl
import pytest

from ombudscompare.core.model import LocalText
from ombudscompare.explain import palette
from ombudscompare.formats.atomic import write_atomic
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.workbook import export_workbook
from ombudscompare.formats.workbook.charts import PRESETS
from ombudscompare.formats.workbook.geometry import CRITERIA, SCORES, SOURCES, TARIFFS, TOWN
from tests.formats import lo_print
from tests.formats.workbooks import rows_by_code, score_rows
from tests.synthetic import generated_project

A4_MM = (210, 297)


def print_scale(ws):
    """The scale Excel's fit-to-width prints a sheet at: printable width over the width of the used columns that
    are not hidden (7 pixels a character plus 5, at 96 pixels an inch) and of any chart reaching further right."""
    from openpyxl.utils import get_column_letter

    short, long = A4_MM
    paper = long if ws.page_setup.orientation == "landscape" else short
    margins = (ws.page_margins.left + ws.page_margins.right) * 25.4
    printable = (paper - margins) / 25.4 * 96
    last = ws.max_column

    def hidden(column):  # a folded group's columns carry the flag on the group's first column, with its span
        return any(d.hidden and d.min <= column <= d.max for d in ws.column_dimensions.values())

    pixels = sum(int((ws.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5) for c in range(1, last + 1)
                 if not hidden(c))
    for chart in ws._charts:
        start = chart.anchor._from.col + 1  # the anchor counts columns from 0
        before = sum(int((ws.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5) for c in range(1, start))
        pixels = max(pixels, before + chart.width / 2.54 * 96)
    return min(1.0, printable / pixels)


@pytest.mark.parametrize("size", [(2, 7), (6, 30)])
def test_every_sheet_prints_on_a4_at_80_percent_or_more(tmp_path, haarlem, size):
    project = haarlem if size == (2, 7) else generated_project(*size, seed=3)
    path = tmp_path / "print.xlsx"
    export_workbook(project, path, "nl")
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert print_scale(ws) >= 0.8, f"{ws.title} prints at {print_scale(ws):.0%}"


def _calibri_metrics() -> bool:
    import shutil
    import subprocess

    if not shutil.which("fc-match"):
        return False
    found = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    return "Carlito" in found or "Calibri" in found


@pytest.mark.skipif(not lo_print.available() or not _calibri_metrics(),
                    reason="needs LibreOffice, pdftotext and Calibri or Carlito (the CI installs them)")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_libreoffice_prints_every_sheet_at_80_percent_or_more(tmp_path, haarlem, lang):
    """Measured on the PDF Calc makes (tests/formats/lo_print.py): the Haarlem case, and a project of 6 options, 12
    criteria and 4 weight sets with long Dutch names. A long line of text (the explanation in A2) used to widen
    the printed area: the weight sets sheet printed at 65 %, the calculation at 70 %."""
    from ombudscompare.core.model import WeightSet

    big = generated_project(6, 12, seed=5)
    for criterion, name in zip(big.criteria, ["Klachtbehandelingsdeskundigheid", "Onafhankelijkheidswaarborgen",
                                              "Ondernemersvereniging"]):
        criterion.name.texts[lang] = name
    big.weight_sets = [WeightSet(f"s{k}", f"Fractie {k}: de gemeenteraadsfractie", {c.id: float(1 + (k + i) % 5)
                       for i, c in enumerate(big.criteria)}) for k in range(4)]
    for project, stem in ((haarlem, "haarlem"), (big, "big")):
        path = tmp_path / f"{stem}.xlsx"
        export_workbook(project, path, lang)
        folder = tmp_path / stem
        folder.mkdir()
        scales = lo_print.print_scales(path, folder)
        book = openpyxl.load_workbook(path)
        assert set(scales) == {ws.title for ws in book.worksheets if ws.sheet_state == "visible"}, scales
        assert all(scale >= 0.8 for scale in scales.values()), (stem, scales)


def test_headers_stay_under_excels_limit_whatever_the_title(tmp_path, haarlem):
    haarlem.title = LocalText.both("Een zeer lange titel & nog meer " * 6)
    path = tmp_path / "long.xlsx"
    export_workbook(haarlem, path, "nl")
    for ws in openpyxl.load_workbook(path).worksheets:
        assert len(ws.oddHeader.center.text or "") <= 255


def test_number_formats_and_layout(haarlem, tmp_path):
    path = tmp_path / "h.xlsx"
    export_workbook(haarlem, path, "nl")
    book = openpyxl.load_workbook(path)
    costs = book["Kosten"]
    row = rows_by_code(costs, TARIFFS)["goma"]
    assert costs[TARIFFS.cell("fixed", row)].number_format.startswith('"€"')
    assert costs[TARIFFS.cell("indexation_percent", row)].number_format == "0.0%"
    assert costs.freeze_panes == f"C{TARIFFS.first_row}"
    assert costs.page_setup.orientation == "landscape"
    assert book["Samenvatting"].page_setup.orientation == "portrait"
    assert book.properties.creator == "OmbudsCompare"
    assert book["_ombudscompare"].sheet_state == "veryHidden"
    assert len(book["Samenvatting"]._charts) == 1 and len(costs._charts) == 1
    criteria = book["Criteria"]
    assert criteria[CRITERIA.cell("weight", CRITERIA.header_row)].value == "Gewicht (relatief)"
    assert criteria[CRITERIA.cell("share", CRITERIA.header_row)].value == "Aandeel in het totaal"


def _validations(ws):
    """Every input cell's validation: address → (type, operator, formula1, formula2, prompt)."""
    found = {}
    for rule in ws.data_validations.dataValidation:
        for cell_range in rule.sqref.ranges:
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                for column in range(cell_range.min_col, cell_range.max_col + 1):
                    address = f"{openpyxl.utils.get_column_letter(column)}{row}"
                    found[address] = (rule.type, rule.operator, rule.formula1, rule.formula2, rule.prompt)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_input_cells_are_checked_with_a_message_in_the_language(haarlem, tmp_path, lang):
    path = tmp_path / "v.xlsx"
    export_workbook(haarlem, path, lang)
    book = openpyxl.load_workbook(path)
    names = {"nl": ("Kosten", "Criteria", "Scores"), "en": ("Costs", "Criteria", "Scores")}[lang]
    costs, criteria, scores = (book[n] for n in names)
    town = _validations(costs)
    population = town[TOWN.cell("population", TOWN.first_row)]
    assert population[:4] == ("whole", "between", "1", "100000000")
    assert population[4] == {"nl": "Een geheel getal van 1 tot en met 100.000.000.",
                             "en": "A whole number from 1 to 100,000,000."}[lang]
    fixed = town[TARIFFS.cell("fixed", rows_by_code(costs, TARIFFS)["no"])]
    assert fixed[:3] == ("decimal", "between", "0")
    switches = _validations(criteria)
    row = rows_by_code(criteria, CRITERIA)["scope"]
    assert switches[CRITERIA.cell("enabled", row)][:3] == ("list", None, '"0,1"')
    assert switches[CRITERIA.cell("weight", row)][:3] == ("decimal", "between", "0")
    assert switches[CRITERIA.cell("code", row)][:3] == ("custom", None, "FALSE"), "codes take no typing"
    score = _validations(scores)[SCORES.cell("value", score_rows(scores, SCORES)[("no", "independence")])]
    assert score[:3] == ("list", None, '"1,2,3,4,5"')
    assert {"nl": "5 – zeer goed", "en": "5 – very good"}[lang] in score[4]


def test_an_unscored_cell_is_marked_missing(haarlem, tmp_path):
    del haarlem.scores[("goma", "learning_capacity")]
    path = tmp_path / "m.xlsx"
    export_workbook(haarlem, path, "en")
    scores = openpyxl.load_workbook(path)["Scores"]
    row = score_rows(scores, SCORES)[("goma", "learning_capacity")]
    assert scores[SCORES.cell("value", row)].value is None
    rules = [r for cf in scores.conditional_formatting for r in cf.rules]
    assert any("ISBLANK" in r.formula[0] and r.dxf.fill is not None for r in rules)


def test_the_chart_uses_the_apps_colours_and_leaves_switched_off_criteria_out(haarlem, tmp_path):
    path = tmp_path / "c.xlsx"
    export_workbook(haarlem, path, "en")
    book = openpyxl.load_workbook(path)
    chart = book["Summary"]._charts[0]
    enabled = [c for c in haarlem.criteria if c.enabled]
    assert len(chart.series) == len(enabled) < len(haarlem.criteria)
    for index, series in enumerate(chart.series):
        fill = series.graphicalProperties
        colour = palette.colour(index)[1:]
        if palette.hatch(index) == "none":
            assert fill.solidFill.srgbClr == colour
        else:
            assert fill.pattFill.bgClr.srgbClr == colour
            assert fill.pattFill.prst == PRESETS[palette.hatch(index)]
    lines = book["Costs"]._charts[0].series
    assert [s.graphicalProperties.line.solidFill.srgbClr for s in lines] == [palette.colour(i)[1:]
                                                                                  for i in range(2)]
    assert lines[0].graphicalProperties.line.prstDash != lines[1].graphicalProperties.line.prstDash


def test_sources_of_tariffs_and_figures_travel_along(haarlem, tmp_path):
    path = tmp_path / "s.xlsx"
    export_workbook(haarlem, path, "nl")
    sources = openpyxl.load_workbook(path)["Bronnen"]
    rows = rows_by_code(sources, SOURCES)
    assert list(rows) == ["municipality", "tariff:no", "tariff:goma"]
    assert sources[SOURCES.cell("title", rows["tariff:no"])].value == haarlem.option("no").tariff.source.title
    assert sources[SOURCES.cell("quote", rows["municipality"])].value.startswith("Bijdrage komt neer op")


def test_user_text_never_becomes_a_formula(haarlem, tmp_path):
    haarlem.option("goma").name.texts["en"] = '=HYPERLINK("http://evil.invalid","click")'
    haarlem.criterion("independence").name.texts["en"] = "+SUM(1,2)"
    score = haarlem.score("no", "independence")
    score.justification = "@cmd|' /C calc'!A0"
    score.source.quote = "-2+3 bell"
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
    assert found.get("-2+3 bell") == "s"


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


def test_the_english_workbook_has_the_english_title(haarlem, tmp_path):
    for lang, start in (("nl", "Haarlem 2018: Nationale ombudsman of"), ("en", "Haarlem 2018: National Ombudsman or")):
        path = tmp_path / f"{lang}.xlsx"
        export_workbook(haarlem, path, lang)
        book = openpyxl.load_workbook(path)
        assert book.worksheets[0]["A1"].value.startswith(start)
        assert book.properties.title.startswith(start)
