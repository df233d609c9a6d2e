"""The Word appendix read back with python-docx: the comparison table's figures are the command line's, the
structure is Word's own (headings, captions, repeating header rows, no fixed colours), a .dotx template gives its
styles, page setup, headers and footers, and what is not a Word file is refused in words (Qt-free: no charts)."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest

from ombudscompare.core.analyses import Analyses
from ombudscompare.examples import haarlem_2018
from ombudscompare.explain.appendix import build_appendix
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.word import write_docx
from ombudscompare.formats.word_template import open_template
from ombudscompare.i18n import tr
from ombudscompare.i18n.numbers import format_money, parse_number
from tests.synthetic import generated_project

from .word_docs import comparison_rows, make_dotx, summary_json

PROJECTS = {"haarlem": haarlem_2018, "six": lambda: generated_project(6, 8, seed=3)}


def _number(text: str, lang: str) -> float:
    return parse_number(text.replace("€", "").replace("%", "").replace("\xa0", " ").strip(), lang)


def _all_text(paragraph) -> str:
    """A paragraph's text including what its fields show (python-docx's `text` leaves fields out)."""
    return "".join(t.text or "" for t in paragraph._p.iter(docx.oxml.ns.qn("w:t")))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_every_figure_of_the_comparison_equals_summary_json(capsys, tmp_path, name, lang):
    project = PROJECTS[name]()
    path = tmp_path / "bijlage.docx"
    write_docx(build_appendix(Analyses(project), lang), path, {})
    expected = summary_json(capsys, project, tmp_path, lang)
    rows = comparison_rows(path)
    options = {o["name"]: o for o in expected["options"]}
    header = rows[0]
    assert header[:2] == [tr("Criterion", lang), tr("Weight", lang)]
    assert header[2:] == [o.name.get(lang) for o in project.options]
    assert set(header[2:]) == set(options)
    annual, per_inhabitant, *criteria, total, rank = rows[1:]
    assert annual[0] == tr("Annual cost", lang) and per_inhabitant[0] == tr("Cost per inhabitant", lang)
    assert total[0] == tr("Total score (0–100)", lang) and rank[0] == tr("Rank", lang)
    for column, option_name in enumerate(header[2:], start=2):
        option = options[option_name]
        shown = annual[column].replace("\xa0", " ")
        assert shown == format_money(option["annual_cost"], lang)
        assert abs(_number(shown, lang) - option["annual_cost"]) <= 0.005
        shown = per_inhabitant[column].replace("\xa0", " ")
        assert shown == format_money(option["cost_per_inhabitant"], lang, 4)
        assert abs(_number(shown, lang) - option["cost_per_inhabitant"]) <= 0.00005
        decimals = len(re.split(r"[.,]", total[column])[-1])
        assert abs(_number(total[column], lang) - option["total"]) <= 0.5 * 10 ** -decimals + 1e-9
        assert rank[column].rstrip("=") == str(option["rank"])
        for criterion, row in zip(expected["criteria"], criteria):
            cell = next(c for c in option["contributions"] if c["criterion"] == criterion["id"]) \
                if criterion["enabled"] else None
            if cell is not None and "–" in row[column].split("\n")[0]:  # a 1–5 score: '4 – goed'
                assert row[column].startswith(f"{int(cell['raw'])} –")
    assert [row[0] for row in criteria] == [c["name"] for c in expected["criteria"]]
    for criterion, row in zip(expected["criteria"], criteria):
        if criterion["enabled"]:
            assert abs(_number(row[1], lang) - criterion["weight"]) <= 0.1 + 1e-9, (row[1], criterion)
        else:
            assert row[1] == tr("off: does not count", lang)
    assert sum(_number(row[1], lang) for row, c in zip(criteria, expected["criteria"]) if c["enabled"]) == \
        pytest.approx(100.0)


def test_the_memo_words_are_in_the_cells_with_their_source(tmp_path):
    path = tmp_path / "bijlage.docx"
    write_docx(build_appendix(Analyses(haarlem_2018()), "nl"), path, {})
    rows = {row[0]: row for row in comparison_rows(path)}
    independence = rows["Onafhankelijkheid"]
    assert independence[2].startswith("5 – zeer goed\n") and "“Onafhankelijk” [2]" in independence[2]
    assert "randvoorwaarden" in independence[3] and independence[3].startswith("3 – redelijk")
    document = docx.Document(str(path))
    sources = [p.text for p in document.paragraphs if p.text.startswith("[")]
    assert sources[0].startswith("[1]\tGemeente Haarlem: inwonertal")
    assert any(s.startswith("[2]\tGemeente Haarlem, beantwoording van de motie") for s in sources)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_words_own_structure_and_no_fixed_colours(tmp_path, lang):
    path = tmp_path / "bijlage.docx"
    write_docx(build_appendix(Analyses(haarlem_2018()), lang), path, {})
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == [tr("The comparison", lang), tr("Conclusion", lang), tr("Costs", lang)]
    captions = [_all_text(p) for p in document.paragraphs if p.style.name == "Caption"]  # with the SEQ field's number
    assert captions[0] == f"{tr('Table', lang)} 1: {tr('The comparison: the options on cost and qualities', lang)}"
    assert any(text.startswith(f"{tr('Figure', lang)} 1: ") for text in captions)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert f'w:instr=" SEQ {tr("Table", lang)} \\* ARABIC "' in xml
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert len(document.tables) >= 4
    assert set(re.findall(r'w:color w:val="([^"]+)"', xml)) <= {"auto", "000000"}
    assert "w:shd" not in xml
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Caption"):
        colour = document.styles[name].font.color
        assert colour.rgb in (None, docx.shared.RGBColor(0, 0, 0)), name
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.author == tr("Municipality of {name}", lang, name="Haarlem")
    assert document.core_properties.language == {"nl": "nl-NL", "en": "en-GB"}[lang]


def test_a_wide_comparison_is_set_on_landscape_pages(tmp_path):
    path = tmp_path / "bijlage.docx"
    write_docx(build_appendix(Analyses(generated_project(6, 8, seed=3)), "nl"), path, {})
    sections = docx.Document(str(path)).sections
    assert sections[0].page_width > sections[0].page_height  # the title shares the comparison's landscape page
    assert any(s.page_width < s.page_height for s in sections[1:])


def test_a_dotx_template_gives_its_styles_page_setup_headers_and_footers(tmp_path):
    template = tmp_path / "huisstijl.dotx"
    make_dotx(template)
    with pytest.raises(ValueError):  # what python-docx does with a template on its own
        docx.Document(str(template))
    path = tmp_path / "bijlage.docx"
    write_docx(build_appendix(Analyses(haarlem_2018()), "nl"), path, {}, template)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert round(section.page_width.mm, 1) == 215.9 and round(section.left_margin.mm) == 30
    assert section.header.paragraphs[0].text == "Gemeente Testdorp — huisstijl"
    assert section.footer.paragraphs[0].text == "Testdorp, afdeling Bestuur"
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Courier New" and heading.font.size.pt == 17
    assert document.styles["Normal"].font.name == "Liberation Serif"
    texts = [p.text for p in document.paragraphs]
    assert "TEMPLATE BODY TEXT" not in texts
    assert "Een vergelijk" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert comparison_rows(path)[0][2:] == ["Nationale ombudsman", "Gezamenlijke Ombudsman Metropool Amsterdam"]
    types = zipfile.ZipFile(path).read("[Content_Types].xml")
    assert b"document.main+xml" in types and b"template.main+xml" not in types


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04broken"])
def test_what_is_not_a_word_file_is_refused_in_words(tmp_path, content):
    path = tmp_path / "huisstijl.dotx"
    path.write_bytes(content)
    with pytest.raises(FileError) as caught:
        open_template(path)
    assert "is not a Word document or template (.docx, .dotx)" in caught.value.render("en")
    with pytest.raises(FileError) as caught:
        open_template(tmp_path / "missing.dotx")
    assert "missing.dotx" in caught.value.render("en")


def test_a_workbook_is_not_a_template(tmp_path):
    from ombudscompare.formats.workbook import export_workbook

    path = tmp_path / "book.xlsx"
    export_workbook(haarlem_2018(), path, "nl")
    with pytest.raises(FileError):
        open_template(path)
