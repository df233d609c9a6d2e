"""The Word appendix with its charts, as a reader and LibreOffice get it, and the PDF report as the archive gets it
(PDF/A): charts sharp in print, opaque and described; every name whole in LibreOffice's PDF; the XMP identification
and every font embedded. And File → Export to Word in the window, with its remembered template."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import unicodedata

import docx
import pytest

from ombudscompare.core.analyses import Analyses
from ombudscompare.examples import haarlem_2018
from ombudscompare.explain.appendix import build_appendix
from ombudscompare.explain.kinds import build
from ombudscompare.ui.actions import Act
from ombudscompare.ui.export.report import write_report
from ombudscompare.ui.export.word import write_word
from tests.formats.word_docs import comparison_rows, libreoffice_pdf, make_dotx, pdf_text
from tests.synthetic import generated_project

EMU_PER_INCH = 914_400


def _png_facts(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour type of a PNG (2: RGB, 6: RGB with alpha)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def test_charts_are_sharp_in_print_opaque_and_described(qapp, tmp_path):
    project = haarlem_2018()
    analyses = Analyses(project)
    path = tmp_path / "bijlage.docx"
    write_word(project, path, "nl", analyses=analyses)
    document = docx.Document(str(path))
    appendix = build_appendix(analyses, "nl")
    shapes = document.inline_shapes
    assert len(shapes) == len(appendix.charts()) >= 6
    for shape, block in zip(shapes, appendix.charts()):
        properties = shape._inline.docPr
        assert properties.get("descr") == block.alt_text == build(block.request, analyses, "nl").description
        assert properties.get("title") == block.caption
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = document.part.related_parts[blip.embed].blob
        width, height, colour = _png_facts(image)
        assert colour == 2, "a chart image has an alpha channel"
        dpi = width / (shape.width / EMU_PER_INCH)
        assert dpi >= 200, f"{block.caption}: {dpi:.0f} dpi in print"
        assert abs(width / height - shape.width / shape.height) < 0.01


def _words_whole(names, text):
    flat = " ".join(unicodedata.normalize("NFKC", text).replace("\xa0", " ").split())
    return [name for name in names if " ".join(name.split()) not in flat]


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"),
                    reason="needs LibreOffice and poppler (CI has both)")
@pytest.mark.parametrize(("name", "lang"), [("haarlem", "nl"), ("haarlem", "en"), ("six", "nl"), ("six", "en")])
def test_libreoffice_reads_every_option_and_criterion_name_whole(qapp, tmp_path, name, lang):
    project = haarlem_2018() if name == "haarlem" else generated_project(6, 8, seed=3)
    path = tmp_path / f"bijlage-{name}-{lang}.docx"
    write_word(project, path, lang)
    text = pdf_text(libreoffice_pdf(path, tmp_path))
    names = [o.name.get(lang) for o in project.options] + [c.name.get(lang) for c in project.criteria]
    assert _words_whole(names, text) == []
    words = {w for n in names for w in re.findall(r"\w{4,}", n)}
    broken = [w for w in words if not re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert broken == [], f"broken mid-word: {broken}"
    flat = " ".join(text.split())
    assert ("Een vergelijk" if lang == "nl" else "The comparison") in flat
    assert re.search(r"(Tabel|Table) 1: ", flat) and re.search(r"(Figuur|Figure) 1: ", flat)
    assert not re.search(r"€\s*\n", text), "an amount split from its € sign"


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (CI has it)")
def test_the_template_survives_libreoffice(qapp, tmp_path):
    template = tmp_path / "huisstijl.dotx"
    make_dotx(template)
    path = tmp_path / "bijlage.docx"
    write_word(haarlem_2018(), path, "nl", str(template))
    flat = " ".join(pdf_text(libreoffice_pdf(path, tmp_path)).split())
    assert "Gemeente Testdorp — huisstijl" in flat and "Testdorp, afdeling Bestuur" in flat
    assert "TEMPLATE BODY TEXT" not in flat
    assert comparison_rows(path)[0][2] == "Nationale ombudsman"


def _xmp(reader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_report_is_pdf_a(qapp, tmp_path, lang):
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "rapport.pdf"
    write_report(haarlem_2018(), path, lang)
    reader = pypdf.PdfReader(str(path))
    xmp = _xmp(reader)
    assert re.search(r'pdfaid:part="1"', xmp) and re.search(r'pdfaid:conformance="B"', xmp)
    from ombudscompare.explain.values import display_title

    title = display_title(haarlem_2018(), lang)
    assert f'<rdf:li xml:lang="x-default">{title}</rdf:li>' in xmp and reader.metadata.title == title
    author = "Gemeente Haarlem" if lang == "nl" else "Municipality of Haarlem"
    assert f"<rdf:li>{author}</rdf:li>" in xmp and reader.metadata.author == author
    assert re.search(r'xmp:CreateDate="\d{4}-\d\d-\d\dT', xmp)
    assert reader.trailer["/Root"].get("/OutputIntents")  # the colour space the archive reads the colours in
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for obj in (resources.get("/XObject") or {}).values():
            image = obj.get_object()
            assert "/SMask" not in image, "an image with transparency"
        for state in (resources.get("/ExtGState") or {}).values():
            state = state.get_object()
            assert state.get("/CA", 1) == 1 and state.get("/ca", 1) == 1
            assert state.get("/SMask", "/None") == "/None"
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = listing.splitlines()[2:]
        assert fonts, listing
        for line in fonts:
            columns = line.split()
            assert columns[-5] == "yes", f"not embedded: {line}"  # name type encoding emb sub uni object ID


def test_file_menu_exports_word_on_the_remembered_template(window, tmp_path):
    action = window.action(Act.EXPORT_WORD)
    assert action in window.registry.menus["file"].actions()
    assert action.text().replace("&", "") == "Exporteren naar Word (.docx)…"
    template = tmp_path / "huisstijl.dotx"
    make_dotx(template)
    window.settings.word_template = str(template)
    path = tmp_path / "bijlage.docx"
    assert window.files.export_word(str(path))
    assert "bijlage.docx" in window.statusBar().currentMessage()
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == "Gemeente Testdorp — huisstijl"
    assert comparison_rows(path)[0][2:] == ["Nationale ombudsman", "Gezamenlijke Ombudsman Metropool Amsterdam"]
    assert window.files.export_word(str(tmp_path / "zonder.docx"), template="")
    plain = docx.Document(str(tmp_path / "zonder.docx"))
    assert round(plain.sections[0].page_width.mm) == 210


def test_a_template_that_is_gone_is_said_in_words(window, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(window.files, "warn", lambda title, text: seen.append((title, text)))
    window.settings.word_template = str(tmp_path / "weg.dotx")
    assert not window.files.export_word(str(tmp_path / "bijlage.docx"))
    assert seen and seen[0][0] == "De Word-bijlage kan niet worden geschreven" and "weg.dotx" in seen[0][1]
    assert not (tmp_path / "bijlage.docx").exists()


def test_the_export_dialog_keeps_every_guarantee_and_remembers_the_choice(window, tmp_path):
    from ombudscompare.ui.export.word_dialog import WordExportDialog

    from .sweep import DialogSweep, check_surface

    sweep = DialogSweep()
    sweep.press(window.action(Act.EXPORT_WORD).trigger)
    assert sweep.found.get("word_export_dialog") == []
    template = tmp_path / "huisstijl.dotx"
    make_dotx(template)
    dialog = WordExportDialog("", window)
    dialog.show()
    assert dialog.shown.text() == "geen: een eenvoudig A4-document" and not dialog.plain.isEnabled()
    dialog.use(str(template))
    assert dialog.shown.text() == str(template) and dialog.plain.isEnabled()
    assert check_surface(dialog, dialog=True) == []
    dialog.plain.click()
    assert dialog.template == "" and dialog.shown.text().startswith("geen")
    dialog.use(str(tmp_path / "weg.dotx"))
    assert "niet gevonden" in dialog.shown.text()
    dialog.reject()
    window.settings.word_template = str(template)
    assert window.settings.word_template == str(template)
