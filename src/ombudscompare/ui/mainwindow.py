"""The main window: editing tabs on the left, the result and its charts on the right, menus on top."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..explain.charts import bars
from ..explain.kinds import ChartRequest, build
from ..explain.sets import newly_outdated_swings
from ..i18n import N_, language, tr
from .actions import Act, Actions
from .binding import Binder
from .charts.base import BarChart
from .context import Context
from .document import Change, Document
from .files import FileController
from .help import HelpDialog
from .models.base import ID_ROLE
from .models.criteria import CriteriaModel
from .models.scores import ScoresModel
from .models.tariffs import TariffModel
from .recovery import Recovery
from .settings import Settings
from .showing import Showing
from .structure import NEW_KIND_NAMES, EditViews, StructureEditor
from .tabs import CHART_TABS, EDIT_TABS, ChartTab, EditTab, TabBook
from .views import button_row, keep_every_row_shown, keep_header_wrapped, table_view
from .widgets.municipality import MunicipalityPanel
from .widgets.option_detail import OptionDetailPanel
from .widgets.ranking_charts import RankingCharts
from .widgets.result import ResultPanel
from .widgets.score_detail import ScoreDetailPanel
from .widgets.weights import WeightsPanel

RECOVERY_DELAY_MS = 800
MINIMUM_SIZE = QSize(960, 600)
LANGUAGES = (("nl", "&Nederlands"), ("en", "&English"))  # each in its own language, as language menus are


class MainWindow(QMainWindow):
    """Holds one Document; everything the user changes goes through it."""

    language_requested = Signal(str)

    def __init__(self, document: Document, settings: Settings, recovery: Recovery | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.document = document
        self.settings = settings
        self.recovery = recovery
        self.context = context = Context(self, document, settings)
        self.files = context.files = FileController(context)
        self._build_edit_tabs()
        self._build_right()
        self.showing = context.showing = Showing(context, self.chart_tabs)
        self.registry = Actions(self, context)
        self._build_menus()
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self.keep_recovery)
        document.changed.connect(self._recovery_timer.start)
        document.changed.connect(self._document_changed)
        document.file_changed.connect(self._update_title)
        stack = document.undo_stack
        stack.indexChanged.connect(self._update_undo_texts)
        stack.cleanChanged.connect(self._update_undo_texts)
        stack.cleanChanged.connect(self._clean_changed)
        self._recovery_warned = False
        self._outdated_swings: set[str] = set()  # weight sets whose swing answers no longer fit
        self.retranslate()
        self.setMinimumSize(MINIMUM_SIZE)
        self._fit_to_screen()
        geometry = settings.geometry()
        self.restored = geometry is not None and self.restoreGeometry(geometry)

    # --- building ---------------------------------------------------------------------------
    def _build_edit_tabs(self) -> None:
        doc = self.document
        self.tariff_model = TariffModel(doc, self)
        self.criteria_model = CriteriaModel(doc, self)
        self.scores_model = ScoresModel(doc, self)
        self.municipality_panel = MunicipalityPanel(doc)
        self.tariff_view = table_view(self.tariff_model, "tariff_table")
        self.add_option_button, self.remove_option_button = QPushButton(), QPushButton()
        self.tariffs_box = QGroupBox()
        box = QVBoxLayout(self.tariffs_box)
        box.addWidget(self.tariff_view)
        box.addLayout(button_row(self.add_option_button, self.remove_option_button))
        self.option_detail = OptionDetailPanel(doc)
        costs_tab = QSplitter(Qt.Orientation.Vertical)
        costs_tab.setObjectName("costs_edit")
        costs_tab.addWidget(self.municipality_panel)
        costs_tab.addWidget(self.tariffs_box)
        costs_tab.addWidget(self.option_detail)
        costs_tab.setStretchFactor(1, 1)
        costs_tab.setChildrenCollapsible(False)
        self.tariff_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.option_detail.show_option(
                current.data(ID_ROLE) if current.isValid() else None))

        self.weights_panel = WeightsPanel(doc)
        self.criteria_view = table_view(self.criteria_model, "criteria_table")
        self.add_criterion_button, self.remove_criterion_button = QPushButton(), QPushButton()
        self.weights_box, self.criteria_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.weights_box).addWidget(self.weights_panel)
        box = QVBoxLayout(self.criteria_box)
        box.addWidget(self.criteria_view)
        box.addLayout(button_row(self.add_criterion_button, self.remove_criterion_button))
        criteria_tab = QWidget()
        layout = QVBoxLayout(criteria_tab)
        layout.addWidget(self.weights_box)
        layout.addWidget(self.criteria_box, 1)

        self.scores_view = table_view(self.scores_model, "scores_table")
        self.score_detail = ScoreDetailPanel(doc)
        scores_tab = QSplitter(Qt.Orientation.Vertical)
        scores_tab.addWidget(self.scores_view)
        scores_tab.addWidget(self.score_detail)
        scores_tab.setStretchFactor(0, 1)
        self.scores_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.score_detail.show_score(
                current.data(ID_ROLE) if current.isValid() else None))

        self.tabs = TabBook("edit_tabs", EDIT_TABS)
        self.edit_scrolls = {}
        for spec_id, page in ((EditTab.COSTS, costs_tab), (EditTab.CRITERIA, criteria_tab),
                              (EditTab.SCORES, scores_tab)):
            # on a small or scaled screen (1280 × 720 at 150 %) the page scrolls instead of squeezing its parts
            scroll = QScrollArea()
            scroll.setObjectName(f"{spec_id.value}_page")
            scroll.setWidget(page)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.edit_scrolls[spec_id] = scroll
            self.tabs.add(spec_id, scroll)
        self.structure = self.context.structure = StructureEditor(self.context, EditViews(
            self.tabs, self.tariff_view, self.criteria_view, self.scores_view))
        self.tariff_view.horizontalHeader().hide()
        keep_every_row_shown(self.tariff_view)
        keep_header_wrapped(self.scores_view)
        for view in (self.tariff_view, self.scores_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            view.horizontalHeader().setMinimumSectionSize(110)
        self.add_option_button.clicked.connect(self.structure.add_option)
        self.remove_option_button.clicked.connect(self.structure.remove_option)
        self.remove_criterion_button.clicked.connect(self.structure.remove_criterion)
        for view in (self.tariff_view, self.criteria_view, self.scores_view):
            view.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
            view.model().modelReset.connect(self._selection_changed)
        self.tabs.currentChanged.connect(lambda _index: self._selection_changed())

    def _build_right(self) -> None:
        doc = self.document
        self.result = ResultPanel(doc)
        scroll = RankingCharts()
        self.ranking_scroll = scroll
        self.totals_chart, self.profile_chart = scroll.totals_chart, scroll.profile_chart
        self.chart_binders = [self._bind(self.totals_chart, "ranking"), self._bind(self.profile_chart, "profile")]
        self.chart_tabs = TabBook("chart_tabs", CHART_TABS, make=lambda cls: cls(self.document))
        for spec in CHART_TABS:
            self.chart_tabs.add(spec.id, scroll if spec.id is ChartTab.RANKING else None)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("result_and_charts")
        right.addWidget(self.result)
        right.addWidget(self.chart_tabs)
        right.setStretchFactor(1, 1)
        right.setSizes([250, 470])
        self.right = right
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.tabs)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([600, 760])
        self.setCentralWidget(main)

    def _bind(self, chart: BarChart, kind: str) -> Binder:
        doc = self.document
        return Binder(doc, chart, lambda: chart.show_data(bars(build(ChartRequest(kind), doc.analyses, language()))))

    def _build_menus(self) -> None:
        self.registry.build_menus(self.menuBar())
        menus = self.registry.menus
        menus["recent"].aboutToShow.connect(lambda: self.files.fill_recent(menus["recent"]))
        self.add_criterion_actions = {}
        for kind in NEW_KIND_NAMES:
            act = menus["add_criterion"].addAction("")
            act.setObjectName(f"add_criterion_{kind.value}")
            act.triggered.connect(lambda _checked=False, k=kind: self.structure.add_criterion(k))
            self.add_criterion_actions[kind] = act
        self.add_criterion_button.setMenu(menus["add_criterion"])
        menus["screen"].aboutToShow.connect(lambda: self.showing.fill_screens(menus["screen"]))
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGES:
            act = menus["language"].addAction(name)
            act.setCheckable(True)
            act.setObjectName(f"language_{code}")
            act.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

    def _fit_to_screen(self) -> None:
        """The whole window on the screen it opens on: a 1366 × 768 laptop leaves about 1366 × 690."""
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 740)
        self.small_screen = room.width() <= 1440 or room.height() <= 800  # a laptop: app.run maximizes it
        width = room.width() - 16 if room.width() <= 1440 else min(1800, int(room.width() * 0.85))
        height = room.height() - 40 if room.height() <= 800 else min(1050, int(room.height() * 0.88))
        self.resize(max(MINIMUM_SIZE.width(), width), max(MINIMUM_SIZE.height(), height))  # frame and title bar

    def action(self, act: Act):
        """The QAction of one entry in the action registry."""
        return self.registry[act]

    # --- tabs -------------------------------------------------------------------------------
    def edit_tab(self) -> EditTab:
        return EditTab(self.tabs.current().value)

    def show_edit_tab(self, tab: EditTab) -> None:
        self.tabs.show_tab(tab)

    def chart_tab(self, tab: ChartTab):
        """The content of an analysis tab (built on first use)."""
        return self.chart_tabs.page(tab)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible text in the language now in force."""
        self.registry.retranslate()
        self.language_actions[language()].setChecked(True)
        for kind, act in self.add_criterion_actions.items():
            act.setText(tr(NEW_KIND_NAMES[kind]))
        self.tabs.retranslate()
        self.chart_tabs.retranslate()
        for page in self.chart_tabs.built_pages():
            if hasattr(page, "retranslate"):
                page.retranslate()
        for spec_id, scroll in self.edit_scrolls.items():
            scroll.setAccessibleName(tr(self.tabs.spec(spec_id).title).replace("&", ""))
        for widget, name in ((self.tariff_view, N_("Tariffs per option")), (self.criteria_view, N_("Criteria")),
                             (self.scores_view, N_("Scores per criterion and option")),
                             (self.tabs, N_("Editing")), (self.chart_tabs, N_("Charts and analyses")),
                             (self.ranking_scroll, N_("Ranking and profile charts"))):
            widget.setAccessibleName(tr(name))
        self.tariffs_box.setTitle(tr("Options and tariffs"))
        self.weights_box.setTitle(tr("Weights"))
        self.criteria_box.setTitle(tr("Criteria"))
        self.add_option_button.setText(tr("&Add option"))
        self.remove_option_button.setText(tr("Re&move option"))
        self.add_criterion_button.setText(tr("&Add criterion"))
        self.remove_criterion_button.setText(tr("Re&move criterion"))
        self.municipality_panel.retranslate()
        self.weights_panel.retranslate()
        self.score_detail.retranslate()
        self.option_detail.retranslate()
        if getattr(self, "project_details", None) is not None:
            self.project_details.retranslate()
        for model in (self.tariff_model, self.criteria_model, self.scores_model):
            model.retranslate()
        self.result.retranslate()
        for binder in self.chart_binders:
            binder.invalidate()
        self.document.retranslate()
        self._update_undo_texts()
        self._update_title()
        self._selection_changed()

    def _update_undo_texts(self, *_args) -> None:
        stack = self.document.undo_stack
        if not shiboken6.isValid(stack):
            return
        self.registry.update(only=(Act.UNDO, Act.REDO))  # the rest follow the document's change, once
        self.registry[Act.UNDO].setText(_undo_text(tr("&Undo"), stack.undoText()))
        self.registry[Act.REDO].setText(_undo_text(tr("&Redo"), stack.redoText()))

    # --- reacting to the document -----------------------------------------------------------
    def _document_changed(self, change) -> None:
        self._selection_changed()
        if change & Change.STRUCTURE:
            self._size_for_project()
        self._warn_outdated_swings(change)

    def _warn_outdated_swings(self, change) -> None:
        """Say so at once when an edit leaves a set's swing answers describing other swings than the criteria now
        have; the sets tab marks the set until it is asked again."""
        self._outdated_swings, warning = newly_outdated_swings(self.document.project, self._outdated_swings)
        if warning and not change & Change.PROJECT:
            self.statusBar().showMessage(warning, 15000)

    def _size_for_project(self) -> None:
        """Room for what the project holds: up to six ranking rows without scrolling, and charts tall enough
        to read (the chart area scrolls when they need more than the window has)."""
        project = self.document.project
        options = len(project.options)
        criteria = max(1, sum(1 for c in project.criteria if c.enabled))
        self.ranking_scroll.size_for(options, criteria)
        total = sum(self.right.sizes())
        wanted = self.result.wanted_height(min(max(options, 3), 6), min(criteria + 1, 8))
        top = min(wanted, int(total * 0.56)) if total > 0 else wanted
        self.right.setSizes([top, max(0, total - top)])
        width = sum(self.result.tables.sizes())
        if width > 0:
            self.result.tables.setSizes([int(width * 0.44), width - int(width * 0.44)])

    def _selection_changed(self) -> None:
        """What can be removed follows what is selected: the actions and the buttons under the tables."""
        if not hasattr(self, "registry"):
            return
        self.registry.update()
        self.remove_option_button.setEnabled(self.action(Act.REMOVE_OPTION).isEnabled())
        self.remove_criterion_button.setEnabled(self.action(Act.REMOVE_CRITERION).isEnabled())

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — OmbudsCompare")
        self.setWindowModified(self.document.modified)

    # --- charts out: export, clipboard, presentation (ui/showing.py) --------------------------
    def start_presentation(self):
        return self.showing.start_presentation()

    # --- help, recovery, closing ------------------------------------------------------------
    def show_project_details(self):
        """The project's title, notes and the source of the municipality's figures, beside the window."""
        from .widgets.project_details import ProjectDetailsDialog

        if getattr(self, "project_details", None) is None:
            self.project_details = ProjectDetailsDialog(self.document, self)
            self.registry.serve_undo_keys(self.project_details)
        self.project_details.show()
        self.project_details.raise_()
        self.project_details.activateWindow()
        return self.project_details

    def show_help(self) -> None:
        HelpDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About OmbudsCompare"),
                          tr("OmbudsCompare {version}: compare the options for a municipality's external complaint"
                             " body on cost and qualities.", version=__version__))

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.keep_recovery()  # just saved: the recovery file goes now, not at the next tick

    def keep_recovery(self) -> None:
        if self.recovery is None:
            return
        if self.document.modified:
            if not self.recovery.keep(self.document.project, self.document.path) and not self._recovery_warned:
                self._recovery_warned = True  # said once, in the status bar, where it does not interrupt
                self.statusBar().showMessage(tr("Unsaved work cannot be kept for after a crash (the recovery"
                                                " folder cannot be written); save often."), 30_000)
        else:
            self.recovery.clear()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            QTimer.singleShot(0, self, self._size_for_project)  # once the splitters know their real size

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self._recovery_timer.stop()
        if self.recovery is not None:
            self.recovery.close()
        event.accept()


def _undo_text(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if text else prefix
