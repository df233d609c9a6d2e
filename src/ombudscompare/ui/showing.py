"""Showing the comparison outside the window: the charts the visible tab shows, exported, copied or read as a
table, and the committee presentation."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QInputDialog

from ..explain.kinds import ChartRequest, build, kind_title, tab_kinds
from ..i18n import language, tr


class Showing:
    """Which charts the window shows, the presentation screen, and the presentation itself."""

    def __init__(self, context, chart_tabs):
        self.context = context
        self.window = context.window
        self.chart_tabs = chart_tabs
        self.presentation_screen = None
        self.presentation = None

    def shown_charts(self) -> list[ChartRequest]:
        """The charts the right-hand tab shows now, with its settings (the sensitivity tab's criterion, the robustness
        tab's spread and whether it draws uncertain inputs): what Export chart, Copy chart and Chart as table use."""
        tabs = self.chart_tabs
        tab = tabs.current()
        page = tabs.page(tab) if tabs.spec(tab).builder else None
        if page is not None and hasattr(page, "shown_charts"):
            if getattr(page, "stale", False):
                page.refresh()
            return list(page.shown_charts())
        return [ChartRequest(kind) for kind in tab_kinds(tab.value)]

    def choose_chart(self, title: str) -> ChartRequest | None:
        """The one chart the tab shows, or the one the user picks when it shows more (None: cancelled)."""
        shown = self.shown_charts()
        if len(shown) <= 1:
            return shown[0] if shown else None
        names = [kind_title(request.kind) for request in shown]
        dialog = QInputDialog(self.window)
        dialog.setObjectName("choose_chart")
        dialog.setWindowTitle(title)
        dialog.setLabelText(tr("&Which chart?"))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return shown[names.index(dialog.textValue())]

    def export_chart(self) -> bool:
        request = self.choose_chart(tr("Export chart"))
        return request is not None and self.context.files.export_chart_dialog(request)

    def copy_chart(self) -> None:
        request = self.choose_chart(tr("Copy chart"))
        if request is not None:
            self.context.files.copy_chart(request)

    def chart_as_table(self):
        """Every chart on the right as a sentence and a table: their figures for a screen reader or a memo."""
        from .widgets.chart_table import ChartTableDialog

        document = self.context.document
        lang = language()
        dialog = ChartTableDialog(document, lambda: [build(r, document.analyses, lang) for r in self.shown_charts()],
                                  self.window)
        dialog.show()
        return dialog

    def fill_screens(self, menu) -> None:
        menu.clear()
        group = QActionGroup(menu)
        for number, screen in enumerate(QApplication.screens(), start=1):
            name = screen.name().replace("&", "&&") or tr("Screen")
            act = menu.addAction(f"&{number} {name} ({screen.size().width()} × {screen.size().height()})")
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

        self.presentation = PresentationWindow(self.context.document)
        self.context.actions.serve_undo_keys(self.presentation)  # Ctrl+Z / Ctrl+Y undo a weight changed there
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
