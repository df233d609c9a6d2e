"""The scale LibreOffice Calc prints each sheet of a workbook at, measured on the PDF it makes.

Calc fits every sheet to the page width (the workbook asks it to); how far it had to shrink shows in the type: the
sheet's title (A1, 14 pt bold) is set smaller by that factor. The height pdftotext gives a word depends only on its
font and size, so the title's height over the height of the same type printed at 100 % (a one-cell workbook made
here) is the print scale. Run as a script for a table of every sheet in both languages:

    python -m tests.formats.lo_print [PROJECT_FILE]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def available() -> bool:
    return shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def to_pdf(source: Path, folder: Path) -> Path:
    """The workbook as LibreOffice prints it."""
    profile = folder / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   capture_output=True, timeout=300, check=True)
    return folder / (source.stem + ".pdf")


def pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every page's words: (x0, y0, x1, y1, text)."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    found = []
    for page in done.stdout.split("<page ")[1:]:
        found.append([(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in WORD.findall(page)])
    return found


def _title_height(words: list[tuple[float, float, float, float, str]], title: str) -> float | None:
    """The height of the title's first word where it stands highest on the page (the page header is above it
    and in its own type, which is why the header must not contain the sheet's title word first)."""
    first = title.split()[0]
    heights = sorted((y1 - y0, y0) for x0, y0, x1, y1, text in words if text == first)
    return max(heights)[0] if heights else None


def reference_height(folder: Path) -> float:
    """The height of a 14 pt bold word at 100 %."""
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "Referentie"
    ws["A1"].font = Font(bold=True, size=14)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    path = folder / "reference.xlsx"
    book.save(path)
    height = _title_height(pages(to_pdf(path, folder))[0], "Referentie")
    assert height is not None
    return height


def print_scales(source: Path, folder: Path) -> dict[str, float]:
    """Per visible sheet, the scale Calc prints it at (1.0 = full size)."""
    book = openpyxl.load_workbook(source)
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    titles = {ws.title: str(ws["A1"].value or "") for ws in sheets}
    reference = reference_height(folder)
    printed = pages(to_pdf(source, folder))
    scales: dict[str, float] = {}
    for words in printed:
        text = " ".join(w[4] for w in words)
        for ws in sheets:  # the page header names the sheet: 'title — sheet'
            if ws.title in scales or f"— {ws.title}" not in text:
                continue
            height = _title_height(words, titles[ws.title])
            if height is not None:
                scales[ws.title] = round(height / reference, 3)
            break
    return scales


def main() -> None:
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.formats.project_file import load_project
    from ombudscompare.formats.workbook import export_workbook

    project = load_project(sys.argv[1]) if len(sys.argv) > 1 else haarlem_2018()
    for lang in ("nl", "en"):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            path = folder / f"print_{lang}.xlsx"
            export_workbook(project, path, lang)
            for sheet, scale in print_scales(path, folder).items():
                print(f"{lang}  {sheet:<16} {scale:.0%}")


if __name__ == "__main__":
    main()
