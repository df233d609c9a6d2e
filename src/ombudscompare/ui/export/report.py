"""The PDF report for the memo, made with Qt's own PDF support as PDF/A-1b (the archive's form: fonts embedded, XMP
metadata, nothing transparent): title page, result, charts, grounds, costs."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ...core.analyses import Analyses
from ...core.costs import multi_year
from ...core.model import Project
from ...core.tariff import annual_cost
from ...explain.appendix import COST_FORMULA, author, chart_requests, facts_line, key_sentences
from ...explain.kinds import kind_title
from ...explain.sentences import full_sentence
from ...explain.tables import Table, criteria_table, multi_year_table, ranking_table, scores_table, tariff_table
from ...explain.values import annual_cost_formula, display_title
from ...formats.atomic import write_bytes_atomic
from ...i18n import tr
from ...i18n.numbers import format_money
from .charts import chart_widget, render_image
from .pdf_layout import HEAD, PAGE, RESOLUTION, new_document, page_width, table_html
from .pdf_layout import escaped as _e

CHART_SIZE = QSize(1600, 900)
CHART_ZOOM = 1.6


def report_html(project: Project, lang: str, now: datetime,
                analyses: Analyses | None = None) -> tuple[str, dict[str, QImage]]:
    """The report as HTML plus the chart images it refers to (chart:KIND)."""
    analyses = analyses or Analyses(project)
    evaluation = analyses.evaluation
    town = project.municipality
    parts = [HEAD]
    title = display_title(project, lang)
    parts.append(f"<h1>{_e(title)}</h1>")
    facts = facts_line(project, lang)
    parts.append(f"<p style='font-size:13pt'>{_e(facts)}{_source_line(town.source, lang)}</p>")
    parts.append(f"<p>{_e(tr('Report made by OmbudsCompare on {date}', lang, date=now.strftime('%d-%m-%Y')))}</p>")
    if project.notes.strip():
        parts.append(f"<h2>{_e(tr('Notes', lang))}</h2><p>{_e(project.notes).replace(chr(10), '<br>')}</p>")
    parts.append("<p style='page-break-after: always'>&nbsp;</p>")

    parts.append(f"<h2>{_e(tr('Result', lang))}</h2>")
    sentences = key_sentences(analyses, lang)  # as the window and the Word appendix word them
    parts.append(f"<p><b>{_e(sentences[0])}</b></p>")
    parts.append(_table(ranking_table(project, evaluation, lang)))
    parts.append("<p>" + "<br>".join(_e(line) for line in sentences[1:]) + "</p>")
    parts += _value_section(project, analyses, lang)

    images = {}
    for index, request in enumerate(chart_requests(analyses)):
        widget = chart_widget(request, project, lang, zoom=CHART_ZOOM, analyses=analyses)
        images[request.kind] = render_image(widget, CHART_SIZE).convertToFormat(QImage.Format.Format_RGB32)
        widget.deleteLater()
        brk = "page-break-before: always; " if index % 2 == 0 else ""  # two charts to a page
        parts.append(f"<p style='{brk}' class='caption'><b>{_e(kind_title(request.kind, lang))}</b></p>"
                     f"<p><img src='chart:{request.kind}' width='620'></p>")

    parts.append(f"<h2 style='page-break-before: always'>{_e(tr('Criteria and weights', lang))}</h2>")
    parts.append(_table(criteria_table(project, evaluation, lang), small=frozenset({4})))

    parts += _sets_section(project, analyses, lang)

    parts.append(f"<h2>{_e(tr('Scores with their justification and source', lang))}</h2>")
    for option in project.options:
        parts.append(f"<p><b>{_e(option.name.get(lang))}</b></p>")
        parts.append(_table(scores_table(project, option.id, lang), small=frozenset({3})))

    parts.append(f"<h2 style='page-break-before: always'>{_e(tr('The options', lang))}</h2>")
    for option in project.options:
        description = option.description.get(lang)
        parts.append(f"<p><b>{_e(option.name.get(lang))}</b>" + (f"<br>{_e(description)}" if description else "")
                     + "</p>")
    parts.append(f"<h2>{_e(tr('Costs', lang))}</h2>")
    parts.append(f"<p>{_e(tr(COST_FORMULA, lang))}</p>")
    parts.append(_table(tariff_table(project, lang)))
    town = project.municipality
    for option in project.options:
        cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
        parts.append(f"<p class='small'><b>{_e(option.name.get(lang))}</b>: "
                     f"{_e(annual_cost_formula(project, option, lang))} = {_e(format_money(cost, lang))}"
                     f"{_source_line(option.tariff.source, lang)}</p>")
    years = multi_year(project)
    parts.append(f"<p>{_e(tr('Costs over {years} years (with indexation)', lang, years=len(years.years)))}</p>")
    parts.append(_table(multi_year_table(project, years, lang)))
    parts.append("</body></html>")
    return "".join(parts), images


def _value_section(project: Project, analyses: Analyses, lang: str) -> list[str]:
    """Value for money: what the quality score is, who is efficient and the price of each extra point, every
    option's quality and cost, and what would change it (its chart is among the charts)."""
    from ...core.scoring import ModelError
    from ...explain.value import quality_note, value_sentences, value_table, what_changes_sentences

    parts = [f"<h2>{_e(tr('Value for money', lang))}</h2>"]
    try:
        value = analyses.value()
    except ModelError as error:
        return [*parts, f"<p>{_e(full_sentence(error.message.render(lang)))}</p>"]
    parts.append(f"<p class='small'>{_e(quality_note(project, value, lang))}</p>")
    parts.append("<p>" + "<br>".join(_e(line) for line in value_sentences(project, value, lang)) + "</p>")
    # per inhabitant is in the outcome's table above: without it the price per point stays in the same table
    parts.append(_table(value_table(project, value, lang).without(3)))
    changes = what_changes_sentences(project, value, analyses.pair_costs(), lang)
    if changes:
        parts.append(f"<p><b>{_e(tr('What would change it', lang))}</b><br>"
                     + "<br>".join(_e(line) for line in changes) + "</p>")
    return parts


def _sets_section(project: Project, analyses: Analyses, lang: str) -> list[str]:
    """Who chooses what (every set, consensus, compromise, how swing and order sets were made) and how sure
    (the uncertain inputs and what drawing them does)."""
    from ...core.scoring import ModelError
    from ...core.weightsets import swing_outdated
    from ...explain.sets import (
        compromise_sentence,
        consensus_sentence,
        ranges_table,
        sets_table,
        shares_by_criterion_table,
        swing_table,
        uncertainty_sentences,
    )

    parts = []
    if project.weight_sets:
        parts.append(f"<h2 style='page-break-before: always'>{_e(tr('Who chooses what', lang))}</h2>")
        try:
            comparison = analyses.sets()
        except ModelError as error:
            parts.append(f"<p>{_e(error.message.render(lang))}</p>")
        else:
            parts.append(f"<p>{_e(consensus_sentence(project, comparison, lang))}<br>"
                         f"{_e(compromise_sentence(project, comparison, lang))}</p>")
            parts.append(_table(sets_table(project, comparison, lang)))
            parts.append(f"<p>{_e(tr('Weights of each set', lang))}</p>")
            shares = shares_by_criterion_table(project, comparison, lang)
            parts.append(_table(shares))
        for weight_set in project.weight_sets:
            if weight_set.note:
                parts.append(f"<p class='small'><b>{_e(weight_set.name)}</b>: {_e(weight_set.note)}</p>")
            if weight_set.swing is not None:
                parts.append(f"<p><b>{_e(tr('How {name} was set: swing weighting', lang, name=weight_set.name))}</b>"
                             "</p>")
                if swing_outdated(project, weight_set.swing):
                    warning = tr("A reference level has changed since these answers were given; they described other"
                                 " swings.", lang)
                    parts.append(f"<p class='small'>{_e(warning)}</p>")
                parts.append(_table(swing_table(project, weight_set, lang)))
            elif weight_set.order:
                names = tr(" > ", lang).join(project.criterion(c).name.get(lang) for c in weight_set.order
                                               if c in {x.id for x in project.criteria})
                parts.append(f"<p><b>{_e(tr('How {name} was set: by order only', lang, name=weight_set.name))}"
                             f"</b><br>{_e(names)} — {_e(tr('rank-order-centroid weights', lang))}</p>")
    if project.ranges:
        parts.append(f"<h2>{_e(tr('How sure', lang))}</h2>")
        parts.append(_table(ranges_table(project, lang)))
        result = analyses.uncertainty()
        parts.append("<p>" + "<br>".join(_e(s) for s in uncertainty_sentences(project, result, lang)) + "</p>")
    return parts


def _source_line(source, lang: str) -> str:
    """'Source: title, date, where in it, link' and the quoted words, on lines of their own."""
    cited = ", ".join(p for p in (source.title, source.date, source.location, source.url) if p)
    line = f"<br><span class='small'>{_e(tr('Source: {title}', lang, title=cited))}</span>" if cited else ""
    if source.quote:
        line += f"<br><span class='small'><i>“{_e(source.quote)}”</i></span>"
    return line


def _table(table: Table, small: frozenset[int] = frozenset()) -> str:
    """A table from explain.tables as HTML for the page, no word broken mid-word (see pdf_layout)."""
    return table_html(table, page_width(), small)


def _paint_pages(document: QTextDocument, writer: QPdfWriter, lang: str) -> None:
    """Lay the document out to the printable area and paint it page by page with 'Page n of m'."""
    width, height = writer.width(), writer.height()
    footer = 28
    body = height - footer
    document.setPageSize(QSizeF(width, body))
    pages = document.pageCount()
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # charts stored without JPEG smudges
    painter.setFont(QFont("DejaVu Sans", 8))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * body)
        document.drawContents(painter, QRectF(0, page * body, width, body))
        painter.restore()
        painter.drawText(QRectF(0, body, width, footer),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         tr("Page {page} of {pages}", lang, page=page + 1, pages=pages))
    painter.end()


def write_report(project: Project, path: str | os.PathLike[str], lang: str, now: datetime | None = None,
                 analyses: Analyses | None = None) -> None:
    """Write the PDF atomically (FileError on failure; any earlier file stays as it was)."""
    now = now or datetime.now()
    markup, images = report_html(project, lang, now, analyses)
    document = new_document()
    for kind, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{kind}"), image)
    document.setHtml(markup)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)  # the archive's form: fonts embedded, XMP
    writer.setTitle(display_title(project, lang))
    writer.setAuthor(author(project, lang))
    writer.setCreator("OmbudsCompare")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(PAGE)
    _paint_pages(document, writer, lang)
    buffer.close()
    write_bytes_atomic(path, bytes(data.data()))
