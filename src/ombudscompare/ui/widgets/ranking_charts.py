"""The ranking and profile charts side by side in one scrolling pane, each as tall as it needs.

The profile draws a bar per option under every criterion, so with many options and criteria it needs far more
height than the ranking (30 × 30: some 8,800 pixels against 1,300). The ranking keeps a height of its own at the
top of its side — otherwise its bars would be stretched to the profile's height and one option would fill the
screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget

from ..charts.base import BarChart

RANKING_ROW = 38  # px: the least height per ranked option (its name above a bar)
RANKING_ROW_MOST = 60  # px: the most, once the pane has room to spare
CHART_MARGIN = 120  # px: title, axis and axis title
PROFILE_ROW = 9  # px per option under each criterion
PROFILE_GROUP = 20  # px per criterion (its name)
LEAST = 300  # px: below this neither chart can be read
RANKING_MOST = 900  # px: a ranking of a few options grows with the pane up to this (taller than most panes)


class RankingCharts(QScrollArea):
    """The ranking (totals) chart beside the profile chart; the pane scrolls when they need more than it has."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ranking_charts")
        self.totals_chart = BarChart("totals_chart")
        self.profile_chart = BarChart("profile_chart")
        ranking_side = QWidget()
        ranking_side.setObjectName("ranking_side")
        column = QVBoxLayout(ranking_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.totals_chart, 1)
        # takes what the ranking leaves once it is as tall as it may be
        column.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(ranking_side)
        self.splitter.addWidget(self.profile_chart)
        self.setWidget(self.splitter)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def size_for(self, options: int, criteria: int) -> None:
        """Heights for `options` options on `criteria` switched-on criteria: each chart at least what it needs to
        be read, the ranking at most a comfortable height per option, the pane as tall as the taller chart."""
        ranking = CHART_MARGIN + RANKING_ROW * options
        profile = CHART_MARGIN + max(1, criteria) * (PROFILE_ROW * options + PROFILE_GROUP)
        self.totals_chart.setMinimumHeight(max(LEAST, ranking))
        self.totals_chart.setMaximumHeight(max(RANKING_MOST, CHART_MARGIN + RANKING_ROW_MOST * options))
        self.splitter.setMinimumHeight(max(LEAST, ranking, profile))
