"""Helpers for the Word appendix tests: the comparison table read back with python-docx, a .dotx made on the spot,
and LibreOffice's PDF of a .docx (Qt-free)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx

from ombudscompare.cli.main import main
from ombudscompare.formats.project_file import save_project
from ombudscompare.formats.word_template import DOCUMENT_TYPE, TEMPLATE_TYPE


def summary_json(capsys, project, tmp_path: Path, lang: str) -> dict:
    """What `ombudscompare summary --json FILE` says about the project."""
    path = tmp_path / "project.json"
    save_project(project, path)
    code = main(["--lang", lang, "summary", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def comparison_rows(path: Path) -> list[list[str]]:
    """The first table of the document ('Een vergelijk') as text, row by row."""
    table = docx.Document(str(path)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def make_dotx(path: Path) -> None:
    """A municipal house style as a Word template: Courier headings, a letter-size page with wide margins, a header
    and a footer, and some body text that the appendix must not keep."""
    from docx.shared import Mm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.left_margin = section.right_margin = Mm(30)
    section.header.paragraphs[0].text = "Gemeente Testdorp — huisstijl"
    section.footer.paragraphs[0].text = "Testdorp, afdeling Bestuur"
    heading = document.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.size = Pt(17)
    heading.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    document.styles["Normal"].font.name = "Liberation Serif"
    document.add_paragraph("TEMPLATE BODY TEXT")
    data = io.BytesIO()
    document.save(data)
    source = zipfile.ZipFile(io.BytesIO(data.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT_TYPE, TEMPLATE_TYPE)
            target.writestr(item, content)


def libreoffice_pdf(source: Path, folder: Path) -> Path:
    """LibreOffice's own PDF of a .docx (a private profile, so a running LibreOffice is left alone)."""
    profile = folder / "lo-profile"
    done = subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}",
                           "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                          capture_output=True, text=True, timeout=240)
    target = folder / (source.stem + ".pdf")
    assert done.returncode == 0 and target.exists(), done.stderr[-2000:]
    return target


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True)
    return done.stdout
