"""pyqtgraph charts of the results, styled for a projector and for print; they draw plain chart data."""

from __future__ import annotations

LINE_KINDS = frozenset({"costs-complaints", "costs-population", "sensitivity"})


def new_chart(kind: str, name: str = ""):
    """An empty chart widget of the right sort for a chart kind (bars or lines), at the current zoom."""
    from .base import BarChart
    from .lines import LineChart

    return LineChart(name) if kind in LINE_KINDS else BarChart(name)
