"""The result: the conclusion in a sentence, the ranking, and how the selected option's total comes about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...explain.tables import Table
from ...explain.values import conclusion, missing_text
from ...i18n import language, tr
from ..document import Change, Document
from ..models.base import ID_ROLE
from ..models.results import ExplanationModel, RankingModel
from ..views import table_view

PER_INHABITANT_COLUMN = 4
MAX_NAME_LINES = 2


class ResultPanel(QGroupBox):
    """Follows every change; the explanation stays on the option the user picked while it exists."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.ranking_model = RankingModel(document, self)
        self.explanation_model = ExplanationModel(document, self)
        self.conclusion = QLabel()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.setWordWrap(True)
        self.conclusion.setTextFormat(Qt.TextFormat.PlainText)
        font = self.conclusion.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.conclusion.setFont(font)
        self.ranking_view = table_view(self.ranking_model, "ranking_table")
        self.ranking_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.ranking_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized from the texts (fit_columns), not per cell
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the names get what the figures leave
        self.ranking_view.setColumnHidden(PER_INHABITANT_COLUMN, True)
        self.ranking_view.setMinimumWidth(300)
        self.ranking_view.setWordWrap(True)
        self._row_key: tuple = ()
        self.ranking_view.viewport().installEventFilter(self)
        self.explanation_view = table_view(self.explanation_model, "explanation_table")
        header = self.explanation_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # the figures sized from the texts (fit_columns);
        # the criterion gets what they leave
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(lambda column, *_args: column and QTimer.singleShot(
            0, self, self._fit_explanation))
        self.explanation_view.viewport().installEventFilter(self)
        for view, model, skip, icons in ((self.ranking_view, self.ranking_model, 1, None),
                                         (self.explanation_view, self.explanation_model, 0, 1)):
            for signal in (model.modelReset, model.dataChanged):
                signal.connect(lambda *_args, v=view, m=model, s=skip, i=icons: fit_columns(v, m.table, s, i))
            fit_columns(view, model.table, skip, icons)
        self.ranking_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # names elide
        # the explanation's figures never elide: where the room is too small (a scaled laptop) it scrolls
        self.explanation_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.ranking_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.explain(current.data(ID_ROLE) if current.isValid() else None))
        self.explanation_title = QLabel()
        self.explanation_title.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation_title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.conclusion)
        self.tables = QSplitter(Qt.Orientation.Horizontal)
        self.tables.setObjectName("result_tables")
        self.tables.addWidget(self.ranking_view)
        explanation = QWidget()
        column = QVBoxLayout(explanation)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.explanation_title)
        column.addWidget(self.explanation_view)
        self.tables.addWidget(explanation)
        self.tables.setStretchFactor(0, 5)
        self.tables.setStretchFactor(1, 5)
        self.tables.setChildrenCollapsible(False)
        layout.addWidget(self.tables, 1)
        document.changed.connect(self._changed)

    def retranslate(self) -> None:
        self.setTitle(tr("Result"))
        self.ranking_view.setAccessibleName(tr("Ranking"))
        self.explanation_view.setAccessibleName(tr("How the total comes about"))
        self._row_key = ()
        self.ranking_model.retranslate()
        self.explanation_model.retranslate()
        self.update_result()

    def _changed(self, change: Change) -> None:
        self.update_result(first=bool(change & Change.PROJECT))

    def update_result(self, first: bool = False) -> None:
        """The conclusion and the explanation; after opening another project, the new first place is explained."""
        evaluation = self.document.evaluation
        if evaluation is None:
            reason = self.document.error.render() if self.document.error else ""
            self.conclusion.setText(tr("The project cannot be scored: {reason}", reason=reason))
        else:
            self.conclusion.setText(conclusion(self.document.project, evaluation, language()))
        current = None if first else self.explanation_model.option_id
        ranking = evaluation.ranking() if evaluation else []
        shown = {r.option_id for r in ranking} | {i.option_id for i in (evaluation.incomplete if evaluation else ())}
        self._fit_ranking_rows()
        if current is None or current not in shown:
            current = ranking[0].option_id if ranking else None
        self.explain(current)

    def explain(self, option_id: str | None) -> None:
        self.explanation_model.show_option(option_id)
        QTimer.singleShot(0, self, self._fit_explanation)
        evaluation = self.document.evaluation
        if option_id is None or evaluation is None:
            self.explanation_title.setText("")
        elif any(i.option_id == option_id for i in evaluation.incomplete):
            self.explanation_title.setText(missing_text(self.document.project, evaluation, option_id, language()))
        else:
            name = self.document.project.option(option_id).name.get(language())
            self.explanation_title.setText(tr("How the total of {name} comes about", name=name))

    def _fit_ranking_rows(self) -> None:
        """One row height for the ranking, tall enough for the longest wrapped name.

        The same for every row, so a change of order (frequent while a weight is dragged) costs nothing.
        """
        view = self.ranking_view
        width = view.columnWidth(1) - 8
        names = tuple(o.name.get(language()) for o in self.document.project.options)
        key = (names, width, view.font().toString())
        if key == self._row_key or width <= 0:
            return
        self._row_key = key
        metrics = view.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        tallest = max((metrics.boundingRect(0, 0, width, 10_000, flags, name).height() for name in names), default=0)
        lines = min(MAX_NAME_LINES * metrics.lineSpacing(), tallest)  # longer names: the tooltip has them whole
        view.verticalHeader().setDefaultSectionSize(max(metrics.height(), lines) + 8)

    def wanted_height(self, rows: int, explanation_rows: int = 0) -> int:
        """The height that shows the conclusion, `rows` ranking rows and the explanation without scrolling."""
        view = self.ranking_view
        rows_px = view.verticalHeader().defaultSectionSize() * rows + view.horizontalHeader().height() + 6
        table = self.explanation_view
        explanation_px = (table.verticalHeader().defaultSectionSize() * explanation_rows
                          + table.horizontalHeader().height() + self.explanation_title.sizeHint().height() + 24)
        rows_px = max(rows_px, explanation_px)
        layout = self.layout()
        chrome = 40 if layout is None else (layout.contentsMargins().top() + layout.contentsMargins().bottom()
                                            + layout.spacing() + 24)
        return self.conclusion.sizeHint().height() + rows_px + chrome

    def _fit_explanation(self) -> None:
        """The criterion column takes the width the four figure columns leave (names elide, figures never)."""
        view = self.explanation_view
        header = view.horizontalHeader()
        if header.count() == 0:
            return
        if header.sectionResizeMode(0) != QHeaderView.ResizeMode.Fixed:  # set again after the model had no columns
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        figures = sum(view.columnWidth(c) for c in range(1, header.count()))
        wanted = max(60, view.viewport().width() - figures)
        if view.columnWidth(0) != wanted:
            view.setColumnWidth(0, wanted)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.explanation_view.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_explanation)
        if watched is self.ranking_view.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_ranking_rows)  # wrapped names fit the new width
        return super().eventFilter(watched, event)


def fit_columns(view: QTableView, table: Table, skip: int, icons: int | None = None) -> None:
    """Each figure column as wide as its widest text or heading (the column `skip` takes what they leave).

    Measured from the table's texts after each change: a header sizing itself to its contents asks every cell of
    every row for every role after each change, which at 30 options was most of a weight edit's time. Column `icons`
    may show a warning icon before its text (a value beyond the reference levels) and gets room for it."""
    if not table.headers:
        return
    metrics = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)
    strong = QFontMetrics(bold)
    header = view.horizontalHeader()
    heading = QFontMetrics(header.font())
    plain, thick = _measured(metrics, view.font()), _measured(strong, bold)
    for column in range(len(table.headers)):
        if column == skip:
            continue
        widest = heading.horizontalAdvance(table.headers[column]) + 20
        for row, cells in enumerate(table.rows):
            measure = thick if row in table.strong else plain
            # a row not ranked yet says so in words ('niet beoordeeld'): those wrap, so that the names keep the room
            texts = cells[column].split() if row in table.muted else [cells[column]]
            widest = max(widest, *(measure(text) + 14 for text in texts or [""]))
        if column == icons:
            widest += view.iconSize().width() + 8 if view.iconSize().width() > 0 else 24
        if view.columnWidth(column) != widest:
            view.setColumnWidth(column, widest)


_ADVANCES: dict[tuple[str, str], int] = {}  # (font, text) → width: a weight edit changes a few figures of many


def _measured(metrics: QFontMetrics, font: QFont) -> Callable[[str], int]:
    """`metrics.horizontalAdvance`, remembered per font and text."""
    key = f"{font.key()}/{metrics.height()}/{metrics.averageCharWidth()}"  # the same font on another screen

    def advance(text: str) -> int:
        width = _ADVANCES.get((key, text))
        if width is None:
            if len(_ADVANCES) > 50_000:
                _ADVANCES.clear()
            width = _ADVANCES[(key, text)] = metrics.horizontalAdvance(text)
        return width

    return advance
