"""Table views and small layout helpers shared by the window's panels."""

from __future__ import annotations

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
