"""Value for money: quality against annual cost, the efficient options, the price of every extra quality point,
what would change that, and the same per weight set."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QVBoxLayout

from ...core.scoring import ModelError
from ...explain import charts
from ...explain.kinds import ChartRequest, build, empty
from ...explain.sentences import full_sentence
from ...explain.tables import Table
from ...explain.value import (
    quality_note,
    sets_value_sentences,
    sets_value_table,
    value_sentences,
    value_table,
    what_changes_sentences,
)
from ...i18n import Message, language, tr
from ..charts.value import ValueChart
from .base import CHART_MIN_HEIGHT, AnalysisTab, fill_table, read_only_table, sentence_label


class ValueTab(AnalysisTab):
    """The chart, the sentences a committee asks for, the table of every option, and the weight sets' view."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.setObjectName("value_tab")
        self._sets_shown: tuple[object, str] | None = None  # the sets' figures on show, and their language
        self.note = QLabel()
        self.note.setObjectName("value_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = ValueChart("value_chart")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.sentences = sentence_label()
        self.sentences.setObjectName("value_sentences")
        self.table = read_only_table("value_table")
        self.changes_heading = QLabel()
        self.changes_heading.setObjectName("value_changes_heading")
        self.changes_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.changes_heading.font()
        font.setBold(True)
        self.changes_heading.setFont(font)
        self.changes = sentence_label()
        self.changes.setObjectName("value_changes")
        self.sets_heading = sentence_label()
        self.sets_heading.setObjectName("value_sets_heading")
        self.sets_table = read_only_table("value_sets_table")
        self.sets_words = sentence_label()
        self.sets_words.setObjectName("value_sets_sentences")
        for table in (self.table, self.sets_table):  # a heading wraps anew when its column's width changes
            rewrap = QTimer(table)  # once after a round of column changes, not once for each (7 per redraw and more)
            rewrap.setSingleShot(True)
            rewrap.setInterval(0)
            rewrap.timeout.connect(lambda t=table: wrap_headings(t))
            table.horizontalHeader().sectionResized.connect(rewrap.start)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.note)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.sentences)
        layout.addWidget(self.table)
        layout.addWidget(self.changes_heading)
        layout.addWidget(self.changes)
        layout.addWidget(self.sets_heading)
        layout.addWidget(self.sets_table)
        layout.addWidget(self.sets_words)

    def redraw(self) -> None:
        project = self.document.project
        lang = language()
        analyses = self.document.analyses
        self.name_parts(tr("Value for money"), table=tr("Quality and cost of every option"),
                        sets_table=tr("Value for money per weight set"))
        self.chart.show_data(charts.lines(build(ChartRequest("value"), analyses, lang)))
        try:
            value = analyses.value()
        except ModelError as error:
            self._nothing(error.message.render(lang))
        else:
            self.note.setText(quality_note(project, value, lang))
            self.sentences.setText("\n".join(value_sentences(project, value, lang)))
            self.table.show()
            shown = value_table(project, value, lang)
            fill_table(self.table, shown, share_width=True)
            fit_figures(self.table, shown)
            widen_names(self.table)
            wrap_headings(self.table)
            changes = what_changes_sentences(project, value, analyses.pair_costs(), lang)
            self.changes_heading.setText(tr("What would change it") if changes else "")
            self.changes_heading.setVisible(bool(changes))
            self.changes.setText("\n".join(changes))
        self._sets(lang)

    def _sets(self, lang: str) -> None:
        project = self.document.project
        shown = bool(project.weight_sets)
        for widget in (self.sets_heading, self.sets_table, self.sets_words):
            widget.setVisible(shown)
        if not shown:
            return
        results = self.document.analyses.value_sets()
        table_shown = any(not isinstance(result, Message) for _id, result in results)
        self.sets_table.setVisible(table_shown)
        if self._sets_shown is not None and self._sets_shown[0] is results and self._sets_shown[1] == lang:
            return  # a weight edit carries the sets' figures over (they do not depend on the window's weights)
        self._sets_shown = (results, lang)
        self.sets_heading.setText(tr("Who chooses what: value for money under every weight set (the costs are the"
                                     " same under each; the quality follows the set's weights)."))
        per_set = sets_value_table(project, results, lang)
        fill_table(self.sets_table, per_set, share_width=True)
        fit_figures(self.sets_table, per_set)
        widen_names(self.sets_table)
        wrap_headings(self.sets_table)
        self.sets_words.setText("\n".join(sets_value_sentences(project, results, lang)))

    def _nothing(self, text: str) -> None:
        self.note.setText("")
        self.sentences.setText(full_sentence(text))
        self.table.setRowCount(0)
        self.table.hide()  # an empty table's headings and box say nothing
        self.changes_heading.hide()
        self.changes.setText("")

    def shown_charts(self) -> list[ChartRequest]:
        return [ChartRequest("value")]

    def show_problem(self, text: str) -> None:
        self._nothing(text)
        self.chart.show_data(charts.lines(empty("value", text, language())))
        self._sets(language())


NAME_SHARE = 0.3  # the names' column takes at most this share of the table's width


def fit_figures(widget: QTableWidget, table: Table) -> None:
    """Each column of figures as wide as its widest figure in bold (and its heading's longest word), so no amount is
    cut ('€ 31.191,…') or broken from its € sign; the columns of words share the rest and wrap."""
    font = QFont(widget.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    header = widget.horizontalHeader()
    heading = header.fontMetrics()
    for column in sorted(table.right):
        words = table.headers[column].split()  # and room for the heading's longest word: it wraps between words
        widest = max([metrics.horizontalAdvance(row[column]) for row in table.rows]
                     + [heading.horizontalAdvance(word) for word in words]) + 16
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, widest)


def widen_names(table: QTableWidget) -> None:
    """The first column (the names) as wide as its longest word in bold, so no name is cut mid-word, within a third
    of the table; the other columns share the rest."""
    font = QFont(table.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    words = [w for r in range(table.rowCount()) if (item := table.item(r, 0)) is not None for w in item.text().split()]
    widest = max((metrics.horizontalAdvance(w) for w in words), default=0) + 16
    room = table.viewport().width() or table.width()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, int(min(max(widest, header.sectionSize(0)), room * NAME_SHARE)))
    table.resizeRowsToContents()


HEADING_LINES = 6  # a column heading wraps over at most this many lines (an option's long name takes five)


def wrap_headings(table: QTableWidget) -> None:
    """Column headings wrapped over as many lines as the narrowest needs (up to six) instead of cut with '…': eight
    columns share a laptop's half screen. The table grows with its heading, so it still never scrolls inside."""
    header = table.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
    metrics = header.fontMetrics()
    lines = 1
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        room = max(20, header.sectionSize(column) - 10)
        rect = metrics.boundingRect(0, 0, room, 10_000, int(Qt.TextFlag.TextWordWrap), item.text() if item else "")
        lines = max(lines, min(HEADING_LINES, round(rect.height() / metrics.lineSpacing())))
    height = lines * metrics.lineSpacing() + 10
    if header.height() != height:
        header.setFixedHeight(height)
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(rows + height + 2 * table.frameWidth() + 2)
