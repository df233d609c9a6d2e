"""Hostile workbooks made from a real export: each one small on disk and built to exhaust a careless reader.

Used by the tests (each must be refused quickly with a message) and by bench/hostile.py (time and peak
memory to refusal, against a normal workbook).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.workbook import export_workbook

FULL_SHEET = "A1:XFD1048576"
KINDS = ("normal", "merged", "hyperlink", "strings", "far-rows", "meta-range", "meta-rows", "meta-no-sheets",
         "meta-wide")


def _rewrite(source: Path, target: Path, change) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            replaced = change(item.filename, data)
            new.writestr(item.filename, data if replaced is None else replaced)
        extra = change("", b"")  # a part to add: (name, bytes)
        if isinstance(extra, tuple):
            new.writestr(extra[0], extra[1])


def _sheet_after_data(xml: bytes, element: bytes) -> bytes:
    return xml.replace(b"</sheetData>", b"</sheetData>" + element, 1)


def _meta_payload(data: bytes, edit) -> bytes:
    """The hidden sheet's JSON, edited, written back as one inline string (the sheet is ours to rewrite)."""
    text = data.decode("utf-8")
    cells = re.findall(r'<c r="A(\d+)"[^>]*><is><t[^>]*>(.*?)</t></is>', text, flags=re.S)
    chunks = [chunk for row, chunk in cells if int(row) >= 3]  # row 1: the format, row 2: the summary's sentence
    import html

    payload = json.loads("".join(html.unescape(c) for c in chunks) if chunks else "{}")
    edit(payload)
    body = html.escape(json.dumps(payload), quote=False)
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>ombudscompare-workbook</t></is></c>'
            f'<c r="B1" t="n"><v>{payload.pop("_version", 2)}</v></c></row>'
            f'<row r="3"><c r="A3" t="inlineStr"><is><t>{body}</t></is></c></row>')
    start, end = text.index("<sheetData>"), text.index("</sheetData>") + len("</sheetData>")
    return (text[:start] + f"<sheetData>{rows}</sheetData>" + text[end:]).encode()


def make(kind: str, folder: Path) -> Path:
    """A workbook of this kind in `folder`; 'normal' is a plain Haarlem export."""
    folder.mkdir(parents=True, exist_ok=True)
    normal = folder / "normal.xlsx"
    if not normal.exists():
        export_workbook(haarlem_2018(), normal, "en")
    if kind == "normal":
        return normal
    target = folder / f"{kind}.xlsx"

    def change(name: str, data: bytes):
        if kind == "merged" and name == "xl/worksheets/sheet2.xml":
            return _sheet_after_data(data, f'<mergeCells count="1"><mergeCell ref="{FULL_SHEET}"/></mergeCells>'
                                     .encode())
        if kind == "hyperlink" and name == "xl/worksheets/sheet2.xml":
            return _sheet_after_data(data, f'<hyperlinks><hyperlink ref="{FULL_SHEET}" display="x"/></hyperlinks>'
                                     .encode())
        if kind == "strings":
            if name == "":
                count = 3_000_000
                return ("xl/sharedStrings.xml", (f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                                                 f'2006/main" count="{count}" uniqueCount="{count}">'
                                                 + "<si><t>a</t></si>" * count + "</sst>").encode())
            if name == "[Content_Types].xml":
                return data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"'
                                    b'/></Types>')
            if name == "xl/_rels/workbook.xml.rels":
                return data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
        if kind == "far-rows" and name == "xl/worksheets/sheet2.xml":
            cells = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                            for r in range(1_000_000, 1_048_576, 1))
            return _sheet_after_data(data.replace(b"</sheetData>", cells.encode() + b"</sheetData>", 1), b"")
        if kind.startswith("meta") and name.startswith("xl/worksheets/") and b"ombudscompare-workbook" in data:
            def edit(payload):
                if kind == "meta-no-sheets":
                    payload.pop("sheets", None)
                elif kind == "meta-wide":  # the sets sheet would be read 200,000 columns wide
                    criteria = payload["project"]["criteria"]
                    criteria.extend({"id": f"c{k}"} for k in range(200_000))
                elif kind == "meta-range":  # the first layout named every input's cell
                    payload["_version"] = 1
                    payload["layout"] = {"sheets": payload["sheets"], "lang": "en",
                                         "municipality": {"name": FULL_SHEET, "population": FULL_SHEET,
                                                          "complaints_per_year": "B6", "reference_year": "B7"},
                                         "options": {}, "criteria": {}, "scores": {}}
                elif kind == "meta-rows":
                    payload["_version"] = 1
                    payload["layout"] = {"sheets": payload["sheets"], "lang": "en", "municipality": {},
                                         "options": {"no": 1_048_000, "goma": 10**12}, "criteria": {}, "scores": {}}
            return _meta_payload(data, edit)
        return None

    _rewrite(normal, target, change)
    return target
