"""The appendix (explain.appendix) as a Word document, with python-docx: Word's own headings, captions with
numbering fields, table header rows that repeat on every page, charts with alternative text — on the
municipality's template (.docx or .dotx) or, without one, as a sober A4 document (Qt-free: the chart images come
in as PNG bytes)."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from ..explain.appendix import Appendix, Block, ChartBlock, Heading, Paragraph, SourceList, TableBlock
from ..i18n import tr
from .atomic import write_bytes_atomic
from .word_template import open_template

CHART_WIDTH_MM = 160.0  # a chart's printed width at most; its image has ≥ 200 pixels to the inch at that size
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
BLACK = RGBColor(0, 0, 0)


def docx_bytes(appendix: Appendix, images: Mapping[int, bytes],
               template: str | os.PathLike[str] | None = None) -> bytes:
    """The appendix as a .docx; `images` holds the PNG of each chart block by its position among the charts."""
    document = open_template(template) if template else _plain_document(appendix)
    writer = _Writer(document, appendix, images)
    writer.write()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(appendix: Appendix, path: str | os.PathLike[str], images: Mapping[int, bytes],
               template: str | os.PathLike[str] | None = None) -> None:
    """Write atomically (FileError on failure; an earlier file stays as it was)."""
    write_bytes_atomic(path, docx_bytes(appendix, images, template))


def _plain_document(appendix: Appendix) -> Any:
    """A sober municipal document: A4, Arial, black headings, the title in the header and 'Page n of m' below."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Subtitle", 11), ("Heading 1", 14), ("Heading 2", 11.5), ("Caption", 9)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = BLACK
        style.font.bold = name != "Subtitle"
        style.font.italic = False
        spacing = style.element.get_or_add_rPr().find(qn("w:spacing"))
        if spacing is not None:  # the built-in subtitle's letter-spacing
            style.element.rPr.remove(spacing)
        borders = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
        if borders is not None:
            style.element.pPr.remove(borders)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attribute), None)
    styles["Heading 1"].paragraph_format.space_before = Pt(18)
    styles["Heading 2"].paragraph_format.space_before = Pt(10)
    header = section.header.paragraphs[0]
    header.text = appendix.title
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in header.runs:
        run.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text = tr("Page {page} of {pages}", appendix.lang, page="\0PAGE\0", pages="\0NUMPAGES\0")
    for part in text.split("\0"):
        if part in ("PAGE", "NUMPAGES"):
            _field(footer, part, "1", Pt(8))
        elif part:
            footer.add_run(part).font.size = Pt(8)
    return document


def _field(paragraph: Any, instruction: str, shown: str, size: Any = None) -> None:
    """A simple field (PAGE, SEQ Table …) with the value it shows until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    if size is not None:
        properties = OxmlElement("w:rPr")
        half_points = OxmlElement("w:sz")
        half_points.set(qn("w:val"), str(int(size.pt * 2)))
        properties.append(half_points)
        run.append(properties)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Writer:
    """Writes the blocks in order; a section (a level-1 heading and what follows it) with a wide table is set on
    a landscape page."""

    def __init__(self, document: Any, appendix: Appendix, images: Mapping[int, bytes]):
        self.document = document
        self.appendix = appendix
        self.images = images
        self.lang = appendix.lang
        self.counts = {"table": 0, "figure": 0, "chart": 0}
        self.landscape = False

    # --- the whole ----------------------------------------------------------------------------------
    def write(self) -> None:
        document, appendix = self.document, self.appendix
        properties = document.core_properties
        properties.title = appendix.title
        properties.author = appendix.author
        properties.last_modified_by = appendix.author
        properties.subject = appendix.subject
        properties.created = properties.modified = appendix.date
        properties.language = LANGUAGE_TAGS.get(self.lang, self.lang)
        properties.keywords = "OmbudsCompare"
        properties.comments = tr("Made by OmbudsCompare", self.lang)
        self._language()
        sections = self._sections(list(appendix.blocks))
        if _wide(sections[0]):  # the title goes on the landscape page of the first section, not on a page alone
            self._turn(True, in_place=True)
        document.add_paragraph(appendix.title, style=self._style("Title"))
        document.add_paragraph(appendix.subtitle, style=self._style("Subtitle"))
        for blocks in sections:
            if _wide(blocks) != self.landscape:
                self._turn(_wide(blocks))
            for block in blocks:
                self._block(block)

    def _sections(self, blocks: list[Block]) -> list[list[Block]]:
        """The blocks by level-1 heading; what comes before the first heading belongs to the first section."""
        sections: list[list[Block]] = [[]]
        for block in blocks:
            if (isinstance(block, Heading) and block.level == 1
                    and any(isinstance(b, Heading) for b in sections[-1])):
                sections.append([])
            sections[-1].append(block)
        return sections

    def _language(self) -> None:
        """The text's language for spelling and hyphenation, on the document defaults."""
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            return
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            return
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), LANGUAGE_TAGS.get(self.lang, self.lang))

    def _turn(self, landscape: bool, in_place: bool = False) -> None:
        """A new section on a page turned to landscape (or back), keeping the template's headers and footers; or
        the first section turned (`in_place`)."""
        previous = self.document.sections[-1]
        width, height = previous.page_width or Mm(210), previous.page_height or Mm(297)
        section = previous if in_place else self.document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        short, long = sorted((width, height))
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        self.landscape = landscape

    def _style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:
        """The document's own style by its built-in name; added (plain) when a template lacks it."""
        try:
            return self.document.styles[name]
        except KeyError:
            style = self.document.styles.add_style(name, kind)
            if kind == WD_STYLE_TYPE.PARAGRAPH:
                style.base_style = self.document.styles["Normal"]
                if name.startswith("Heading") or name in ("Title", "Caption"):
                    style.font.bold = True
                if name.startswith("Heading"):
                    level = int(name.split()[-1]) - 1
                    outline = OxmlElement("w:outlineLvl")
                    outline.set(qn("w:val"), str(level))
                    style.element.get_or_add_pPr().append(outline)
                    style.font.size = Pt(14 if level == 0 else 12)
                    style.paragraph_format.keep_with_next = True
            return style

    def _width(self) -> int:
        """The width of the text on the page, in EMU."""
        section = self.document.sections[-1]
        page = section.page_width or Mm(210)
        margins = (section.left_margin or Mm(25)) + (section.right_margin or Mm(20))
        return int(page - margins)

    # --- blocks ----------------------------------------------------------------------------------------
    def _block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.document.add_paragraph(block.text, style=self._style(f"Heading {min(block.level, 3)}"))
        elif isinstance(block, Paragraph):
            paragraph = self.document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = block.strong or None
            if block.small:
                run.font.size = Pt(8.5)
        elif isinstance(block, TableBlock):
            self._table(block)
        elif isinstance(block, ChartBlock):
            self._chart(block)
        elif isinstance(block, SourceList):
            for number, text in enumerate(block.items, start=1):
                paragraph = self.document.add_paragraph(f"[{number}]\t{text}")
                paragraph.paragraph_format.left_indent = Mm(9)
                paragraph.paragraph_format.first_line_indent = Mm(-9)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(9))
                paragraph.paragraph_format.space_after = Pt(3)

    def _caption(self, kind: str, text: str) -> Any:
        """'Table 1: …' / 'Figure 1: …' in Word's Caption style with a SEQ field, as Insert Caption makes it."""
        self.counts[kind] += 1
        label = tr("Table", self.lang) if kind == "table" else tr("Figure", self.lang)
        paragraph = self.document.add_paragraph(style=self._style("Caption"))
        paragraph.add_run(f"{label} ")
        _field(paragraph, f"SEQ {label} \\* ARABIC", str(self.counts[kind]))
        paragraph.add_run(f": {text}")
        return paragraph

    def _table(self, block: TableBlock) -> None:
        table = block.table
        caption = self._caption("table", block.caption)
        caption.paragraph_format.keep_with_next = True
        columns = len(table.headers)
        rows = [table.headers, *table.rows]
        out = self.document.add_table(rows=len(rows), cols=columns)
        out.autofit = False
        _borders(out, block.caption)
        weights = block.widths if len(block.widths) == columns else tuple(1.0 for _ in range(columns))
        size = 8 if columns > 6 else 9
        widths = [Emu(w) for w in column_widths(rows, weights, self._width(), size)]
        for index, row in enumerate(rows):
            out_row = out.rows[index]
            _row_properties(out_row, header=index == 0)
            for column, text in enumerate(row):
                cell = out_row.cells[column]
                cell.width = widths[column]
                strong_row = index == 0 or (index - 1) in table.strong
                muted = index > 0 and (index - 1) in table.muted
                lines = unbreakable(text or "").split("\n")
                for line_no, line in enumerate(lines):
                    paragraph = cell.paragraphs[0] if line_no == 0 else cell.add_paragraph()
                    paragraph.paragraph_format.space_after = Pt(2)
                    paragraph.paragraph_format.space_before = Pt(1)
                    if index > 0 and column in table.right:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    run = paragraph.add_run(line)
                    run.font.size = Pt(size)
                    run.bold = strong_row or (line_no == 0 and index > 0 and column in block.lead_strong) or None
                    run.italic = muted or line.startswith("“") or None
        for column, width in enumerate(widths):
            out.columns[column].width = width
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)

    def _chart(self, block: ChartBlock) -> None:
        index = self.counts["chart"]
        self.counts["chart"] += 1
        image = self.images.get(index)
        if image is None:  # drawn nowhere: say what it would have shown
            self.document.add_paragraph(block.alt_text)
            self._caption("figure", block.caption)
            return
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        width = min(Mm(CHART_WIDTH_MM), self._width())
        shape = paragraph.add_run().add_picture(io.BytesIO(image), width=width)
        properties = shape._inline.docPr
        properties.set("descr", block.alt_text)
        properties.set("title", block.caption)
        self._caption("figure", block.caption)


def _wide(blocks: list[Block]) -> bool:
    return any(isinstance(b, TableBlock) and b.wide for b in blocks)


def unbreakable(text: str) -> str:
    """An amount kept together with its € sign and a percentage with its % sign."""
    return text.replace("€ ", "€\u00a0").replace(" %", "\u00a0%")


PADDING_PT = 11.0  # a cell's left and right margins together (Word's default 0.19 cm each side)


def column_widths(rows: list[tuple[str, ...]], weights: tuple[float, ...], total: int, size: float) -> list[int]:
    """Column widths in EMU that add up to `total`, in proportion to `weights`, but each at least as wide as the
    longest word in its column needs (by a generous estimate), so that no word or amount is broken mid-word."""
    emu_per_pt = 12700
    needs = []
    for column in range(len(weights)):
        words = [w for row in rows for w in re.split(r"[ \t\n]+", unbreakable(row[column] or "")) if w]
        longest = max((len(w) for w in words), default=1)
        needs.append(int((longest * size * 0.62 + PADDING_PT) * emu_per_pt))
    if sum(needs) >= total:
        return [int(total * n / sum(needs)) for n in needs]
    fixed: dict[int, int] = {}
    while True:
        free = total - sum(fixed.values())
        rest = [c for c in range(len(weights)) if c not in fixed]
        share = sum(weights[c] for c in rest) or 1.0
        widths = {c: int(free * weights[c] / share) for c in rest}
        short = [c for c in rest if widths[c] < needs[c]]
        if not short:
            break
        fixed.update({c: needs[c] for c in short})
    return [fixed[c] if c in fixed else widths[c] for c in range(len(weights))]


def _borders(table: Any, caption: str) -> None:
    """Thin black lines around every cell (no colours that vanish in black and white), and the caption as the
    table's own title for screen readers."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "auto")):
            line.set(qn(key), value)
        borders.append(line)
    later = [properties.find(qn(f"w:{name}")) for name in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    following = next((element for element in later if element is not None), None)
    if following is not None:
        following.addprevious(borders)
    else:
        properties.append(borders)
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), caption[:255])
    properties.append(title)


def _row_properties(row: Any, header: bool) -> None:
    """Rows never split across a page; the header row repeats on every page the table covers."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
