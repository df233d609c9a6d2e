"""Opening a workbook this program exported, with the edits a reader made in Excel or LibreOffice.

The very hidden sheet holds the project as exported. Its input cells are then read back over it:
each table's headings are checked, its rows are found by their codes (so a sorted table reads the
same), every value is checked and a problem is named by sheet and cell; the result goes through the
same validation as a project file. Workbooks that are not ours, damaged or hostile (XML entity
bombs, enormous parts) are refused with a clear message.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from typing import Any

from openpyxl import Workbook

from ...core import limits
from ...core.model import Project
from ..checks import Checker, TooManyProblems
from ..errors import FileError, Problem
from ..project_reader import read_project
from ..reading import check_regular
from .computed import typed_over
from .geometry import LAYOUT_VERSION, META_SHEET, WORKBOOK_FORMAT
from .overlay import Overlay
from .sheetcells import Grid

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_PARTS = 500
MAX_CHUNKS = 1000  # of the hidden sheet's project text, 30,000 characters each
MAX_SHARED_STRINGS = 250_000  # far above a workbook of a project within the limits


def load_workbook_project(path: str | os.PathLike[str], typed: list[Problem] | None = None) -> Project:
    """The project in an OmbudsCompare workbook, with the workbook's input cells as edited. A figure typed over a
    cell the workbook computes is not read (the program computes it again); each is added to `typed`."""
    name = str(path)
    _check_container(name)
    import openpyxl

    with open(name, "rb") as handle:  # closed even when openpyxl gives up half-way
        try:
            # read-only: sheets are streamed when asked for and only as far as needed; merged ranges and
            # hyperlinks, which a hostile file can make enormous, are never built
            book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        except Exception as exc:  # openpyxl, zipfile and defusedxml raise many kinds
            raise _unreadable(name, exc) from None
        try:
            return _read(book, name, typed)
        except FileError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            raise FileError.single(name, "", "is damaged: its hidden sheet '{sheet}' does not describe this"
                                             " workbook", sheet=META_SHEET) from None
        except Exception as exc:  # a damaged part found while streaming a sheet
            raise _unreadable(name, exc) from None
        finally:
            book.close()


def _unreadable(name: str, exc: BaseException) -> FileError:
    chain = _causes(exc)
    forbidden = next((type(e).__name__ for e in chain if "Forbidden" in type(e).__name__), None)
    if forbidden:
        return FileError.single(name, "", "was refused: it contains XML constructs that are not allowed in a"
                                          " workbook ({kind})", kind=forbidden)
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
    return FileError.single(name, "", "is not a readable Excel workbook ({detail})", detail=detail)


def _read(book: Workbook, name: str, typed: list[Problem] | None = None) -> Project:
    meta = Grid(book[META_SHEET], 3 + MAX_CHUNKS, 2) if META_SHEET in book.sheetnames else None
    if meta is None or meta.get(1, 1) != WORKBOOK_FORMAT:
        raise FileError.single(name, "", "is not a workbook exported by OmbudsCompare (its hidden sheet"
                                         " '{sheet}' is missing); open a project file or a workbook this program"
                                         " exported", sheet=META_SHEET)
    version = meta.get(1, 2)
    if version not in (1, 2, LAYOUT_VERSION):
        raise FileError.single(name, "", "was exported by a newer version of OmbudsCompare (workbook layout"
                                         " {version}); update the program to open it", version=str(version)[:20])
    payload = _meta(meta, name)
    data = payload["project"]
    _within_limits(data, name)
    checker = Checker()
    with contextlib.suppress(TooManyProblems):
        if version == 1:
            from .legacy import overlay_layout_1

            overlay_layout_1(book, data, payload["layout"], checker)
        else:
            Overlay(book, data, payload["sheets"], payload.get("lang", "nl"), checker, version).run()
    if checker.problems:
        raise FileError(name, checker.problems)
    project, problems = read_project(data)
    if problems or project is None:
        raise FileError(name, problems)
    if typed is not None and version != 1:
        typed.extend(typed_over(book, payload.get("computed")))
    return project


def _within_limits(data: dict[str, Any], name: str) -> None:
    """The sheets are read as far as the exported project reaches (its criteria across the weight sets sheet, its
    options and scores down the others): a hidden sheet naming more than a project may hold is refused before
    any sheet is read (200,000 criteria made the sets sheet be read that wide)."""
    bounds = {"options": limits.MAX_OPTIONS, "criteria": limits.MAX_CRITERIA, "weight_sets": limits.MAX_WEIGHT_SETS,
              "scores": limits.MAX_OPTIONS * limits.MAX_CRITERIA, "ranges": limits.MAX_RANGES}
    for key, most in bounds.items():
        items = data.get(key)
        if isinstance(items, list) and len(items) > most:
            raise FileError.single(name, f"{META_SHEET}: {key}", "has {count} entries; OmbudsCompare works with at"
                                                                  " most {limit}", count=len(items), limit=most)


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        chain.append(link)
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return chain


def _check_container(name: str) -> None:
    """Refuse what is not a zip, too large, or would unpack into something enormous."""
    size = check_regular(name).st_size
    if size > MAX_WORKBOOK_BYTES:
        raise FileError.single(name, "", "is too large for a workbook of this program ({size} MB; at most {limit} MB)",
                               size=round(size / 1e6, 1), limit=MAX_WORKBOOK_BYTES // 1_000_000)
    try:
        with zipfile.ZipFile(name) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError, RuntimeError):
        raise FileError.single(name, "", "is not an Excel workbook (.xlsx) or it is damaged") from None
    if len(parts) > MAX_PARTS or any(p.file_size > MAX_PART_BYTES for p in parts):
        raise FileError.single(name, "", "was refused: a part of it would unpack to more than {limit} MB",
                               limit=MAX_PART_BYTES // (1024 * 1024))
    strings = next((p for p in parts if p.filename.lower().endswith("sharedstrings.xml")), None)
    if strings is not None and _count(name, strings, b"<si") > MAX_SHARED_STRINGS:
        raise FileError.single(name, "", "was refused: it holds more than {limit} different texts, far more than"
                                         " a workbook of this program", limit=f"{MAX_SHARED_STRINGS:,}")


def _count(name: str, part: zipfile.ZipInfo, needle: bytes) -> int:
    """How often `needle` occurs in a part, counted while unpacking it in pieces (never held whole)."""
    found, tail = 0, b""
    try:
        with zipfile.ZipFile(name) as archive, archive.open(part) as stream:
            while piece := stream.read(1 << 20):
                block = tail + piece
                found += block.count(needle)
                tail = block[-(len(needle) - 1):]
                if found > MAX_SHARED_STRINGS:
                    break
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        raise FileError.single(name, "", "is not an Excel workbook (.xlsx) or it is damaged") from None
    return found


def _meta(meta: Grid, name: str) -> dict[str, Any]:
    chunks = []
    row = 3
    while isinstance(meta.get(row, 1), str):
        chunks.append(meta.get(row, 1))
        row += 1
    try:
        payload = json.loads("".join(chunks))
        sheets = payload.get("sheets", payload.get("layout", {}).get("sheets"))
        if not isinstance(payload.get("project"), dict) or not isinstance(sheets, dict) \
                or not all(isinstance(v, str) for v in sheets.values()):  # a sheet without a name ('None')
            raise ValueError
        return dict(payload)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FileError.single(name, "", "is damaged: its hidden sheet '{sheet}' cannot be read",
                               sheet=META_SHEET) from None
