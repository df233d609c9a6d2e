"""The PDF report's page, type and tables: a line breaks only between words (or at a hyphen the text has), and a
table whose columns' longest words do not fit side by side goes on below, its first column repeated."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument, QTextOption

from ...explain.tables import Table

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #202020; }
h1 { font-size: 22pt; margin-top: 120px; } h2 { font-size: 15pt; margin-top: 18px; }
table { border-collapse: collapse; } th { background: #DCE6F1; text-align: left; }
td, th { padding: 3px 6px; border: 1px solid #A6A6A6; vertical-align: top; }
.num { text-align: right; } .small { font-size: 8.5pt; color: #404040; } .caption { font-size: 9pt; }
"""
HEAD = f"<html><head><style>{CSS}</style></head><body>"  # the style in the markup: only then does body's type apply
RESOLUTION = 96  # the document's pixels are screen pixels: 96 to the inch
PAGE = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                   QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter)
LONGEST_WORD = 40  # a longer run of letters is no word (a link, a code): it may break, or it would leave the page
LAST_RESORT = 16  # where even one column beside the first does not fit: runs this long may break
_BREAK = "\u200b"  # zero-width space: a place where a line may break, and nothing to see
_RUN = re.compile(r"[^ \t\n]+")
_AFTER = re.compile(r"(?<=[-/\\.?&=_:;,])")


def page_width() -> int:
    """The width a line has on the page, in the document's pixels."""
    return PAGE.paintRectPixels(RESOLUTION).width()


def new_document() -> QTextDocument:
    """A document with the report's style that breaks lines at word boundaries only (Qt's default breaks a word
    anywhere once it does not fit, and a table column gets less room than its longest word)."""
    document = QTextDocument()
    document.setDefaultStyleSheet(CSS)
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    return document


def _breakable(run: str, longest: int) -> str:
    """A run of more than `longest` characters with break opportunities: after its hyphens and punctuation, and
    within pieces still longer than that, every `longest` characters."""
    if len(run) <= longest:
        return run
    pieces = []
    for piece in _AFTER.split(run):
        pieces += [piece[i:i + longest] for i in range(0, len(piece), longest)] or [""]
    return _BREAK.join(pieces)


def escaped(text: str, longest: int = LONGEST_WORD) -> str:
    """Escaped for HTML, an amount kept together with its € and a percentage with its % sign; only a run longer than
    any word may break within itself."""
    text = (text or "").replace("€ ", "€\u00a0").replace(" %", "\u00a0%")
    return html.escape(_RUN.sub(lambda m: _breakable(m.group(), longest), text))


def _markup(table: Table, columns: list[int], small: frozenset[int], longest: int) -> str:
    head = "".join(f"<th>{escaped(table.headers[c], longest)}</th>" for c in columns)
    rows = []
    for index, row in enumerate(table.rows):
        cells = []
        for column in columns:
            classes = " ".join(c for c, on in (("num", column in table.right), ("small", column in small)) if on)
            body = escaped(row[column], longest).replace("\n", "<br>")
            if index in table.strong:
                body = f"<b>{body}</b>"
            attributes = f" class='{classes}'" if classes else ""
            cells.append(f"<td{attributes}>{body}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table width='100%' cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>"


def _fits(markup: str, width: float) -> bool:
    """Whether the table's columns, each as wide as its longest word, fit in `width`."""
    probe = new_document()
    probe.setHtml(HEAD + markup + "</body></html>")
    probe.setTextWidth(1)  # as narrow as it goes: the table takes the width its words need
    return probe.size().width() <= width


def table_html(table: Table, width: float, small: frozenset[int] = frozenset(), keys: int = 1) -> str:
    """A table from explain.tables as HTML: figures right-aligned, strong rows bold, line breaks kept. Where its
    columns' longest words do not fit in `width` side by side, the columns after the first `keys` are spread over
    as many tables as they need, each repeating those `keys` columns."""
    everything = list(range(len(table.headers)))
    markup = _markup(table, everything, small, LONGEST_WORD)
    if _fits(markup, width):
        return markup
    key_columns = everything[:keys]
    parts: list[str] = []
    group: list[int] = []
    for column in everything[keys:]:
        if _fits(_markup(table, key_columns + group + [column], small, LONGEST_WORD), width):
            group.append(column)
            continue
        if group:
            parts.append(_markup(table, key_columns + group, small, LONGEST_WORD))
        group = [column]
        if not _fits(_markup(table, key_columns + group, small, LONGEST_WORD), width):
            parts.append(_markup(table, key_columns + group, small, LAST_RESORT))
            group = []
    if group:
        parts.append(_markup(table, key_columns + group, small, LONGEST_WORD))
    return "<p></p>".join(parts)
