"""Table views and small layout helpers shared by the window's panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView

from .delegates import EditorDelegate


def table_view(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(EditorDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setWordWrap(False)
    # Sized to the contents when the shape changes, not on every edit: ResizeToContents would ask
    # every cell for its size hint after each change, which is what made large projects sluggish.
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.modelReset.connect(view.resizeColumnsToContents)
    model.headerDataChanged.connect(lambda *_args: view.resizeColumnsToContents())
    view.resizeColumnsToContents()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setTabKeyNavigation(False)
    return view


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def keep_every_row_shown(view: QTableView) -> None:
    """The view at least as tall as all its rows, whenever the rows change: a table of eight rows (a tariff) never
    hides the figure it exists for behind a scroll bar."""

    def fit() -> None:
        rows = view.model().rowCount()
        height = view.verticalHeader().defaultSectionSize() * rows + 2 * view.frameWidth() + 4
        height += view.horizontalScrollBar().sizeHint().height()  # when many columns need it
        view.setMinimumHeight(height)

    view.model().modelReset.connect(fit)
    fit()


def keep_header_wrapped(view: QTableView, most_lines: int = 3) -> None:
    """Column titles wrap over as many lines as they need (up to `most_lines`), the header as tall as that, whenever
    the titles or the columns' widths change: a long name is never cut in half."""
    header = view.horizontalHeader()

    def fit() -> None:
        metrics = header.fontMetrics()
        lines = 1
        for section in range(header.count()):
            name = str(view.model().headerData(section, Qt.Orientation.Horizontal) or "")
            room = max(20, header.sectionSize(section) - 12)
            rect = metrics.boundingRect(0, 0, room, 10_000, int(Qt.TextFlag.TextWordWrap), name)
            lines = max(lines, min(most_lines, round(rect.height() / metrics.lineSpacing())))
        header.setFixedHeight(lines * metrics.lineSpacing() + 10)

    header.sectionResized.connect(lambda *_args: fit())
    view.model().modelReset.connect(fit)
    view.model().headerDataChanged.connect(lambda *_args: fit())
    fit()
