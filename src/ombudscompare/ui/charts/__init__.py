"""pyqtgraph charts of the results, styled for a projector and for print; they draw plain chart data."""

from __future__ import annotations


def new_chart(kind: str, name: str = ""):
    """An empty chart widget of the right sort for a chart kind (its own widget, bars or lines, as the registry
    says), at the current zoom."""
    from ...explain.kinds import KINDS
    from .base import BarChart
    from .lines import LineChart

    if KINDS[kind].widget:
        import importlib

        module, cls = str(KINDS[kind].widget).split(":")
        return getattr(importlib.import_module(f".{module}", __package__), cls)(name)
    return LineChart(name) if KINDS[kind].lines else BarChart(name)
