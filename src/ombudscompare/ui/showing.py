"""Showing the comparison outside the window: chart kinds for export and the committee presentation."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication

from .tabs import ChartTab


class Showing:
    """Which chart the window shows, the presentation screen, and the presentation itself."""

    def __init__(self, window):
        self.window = window
        self.presentation_screen = None
        self.presentation = None

    def current_chart(self) -> tuple[str, str | None]:
        """The chart kind the right-hand tab shows (and the criterion of the sensitivity tab)."""
        tabs = self.window.chart_tabs
        spec = tabs.spec(tabs.current())
        if spec.id is ChartTab.WEIGHTS:
            tab = self.window.chart_tab(ChartTab.WEIGHTS)
            if tab.stale:
                tab.refresh()
            return spec.chart, tab.criterion.currentData()
        return spec.chart, None

    def chart_as_table(self):
        """The chart on the right as a table and a sentence: its figures for a screen reader or a memo."""
        from ..explain.charts import chart_data
        from ..i18n import language
        from .widgets.chart_table import ChartTableDialog

        kind, criterion = self.current_chart()
        data = chart_data(kind, self.window.document.project, language(), self.window.document.evaluation,
                          criterion=criterion)
        dialog = ChartTableDialog(data, self.window)
        dialog.show()
        return dialog

    def fill_screens(self, menu) -> None:
        menu.clear()
        group = QActionGroup(menu)
        for screen in QApplication.screens():
            act = menu.addAction(f"{screen.name()} ({screen.size().width()} × {screen.size().height()})")
            act.setCheckable(True)
            act.setChecked(screen is (self.presentation_screen or self._default_screen()))
            act.triggered.connect(lambda _checked=False, s=screen: setattr(self, "presentation_screen", s))
            group.addAction(act)

    def _default_screen(self):
        """Another screen than the window's when there is one: the projector."""
        mine = self.window.screen()
        others = [s for s in QApplication.screens() if s is not mine]
        return others[0] if others else mine

    def start_presentation(self):
        from .presentation import PresentationWindow  # imported on first use: start-up stays quick

        self.presentation = PresentationWindow(self.window.document)
        screen = self.presentation_screen or self._default_screen()
        self.presentation.setScreen(screen)
        self.presentation.setGeometry(screen.geometry())
        self.presentation.closed.connect(self._presentation_closed)
        self.presentation.showFullScreen()
        self.presentation.activateWindow()
        return self.presentation

    def _presentation_closed(self) -> None:
        self.presentation = None
        self.window.activateWindow()
        self.window.raise_()
