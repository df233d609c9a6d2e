"""The main window: editing tabs on the left, the result and its charts on the right, menus on top."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import shiboken6

from .. import __version__
from ..core.model import CriterionKind
from ..i18n import N_, language, tr
from ..presentation import conclusion
from .charts.profile import ProfileChart
from .charts.totals import TotalsChart
from .document import Document
from .files import FileController
from .help import HelpDialog
from .models.base import ID_ROLE
from .models.criteria import CriteriaModel
from .models.results import ExplanationModel, RankingModel
from .models.scores import ScoresModel
from .models.tariffs import TariffModel
from .recovery import Recovery
from . import menus
from .showing import Showing
from .structure import StructureEditor
from .views import button_row, table_view
from .settings import Settings
from .widgets.municipality import MunicipalityPanel
from .widgets.score_detail import ScoreDetailPanel
from .widgets.weights import WeightsPanel

RECOVERY_DELAY_MS = 800
ANALYSIS_TABS = ("costs", "weights", "robustness")  # modules under ui/analysis, imported when first shown
class MainWindow(QMainWindow):
    """Holds one Document; everything the user changes goes through it."""

    language_requested = Signal(str)

    def __init__(self, document: Document, settings: Settings, recovery: Recovery | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.document = document
        self.settings = settings
        self.recovery = recovery
        self.files = FileController(self, document, settings)
        self._build_models()
        self._build_central()
        self.structure = StructureEditor(self)
        self.showing = Showing(self)
        self._build_actions()
        self._build_menus()
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self.keep_recovery)
        document.changed.connect(self._recovery_timer.start)
        document.file_changed.connect(self._update_title)
        document.evaluated.connect(self._update_result)
        document.structure_changed.connect(self._update_actions)
        self.retranslate()
        self.resize(1366, 740)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # --- building ---------------------------------------------------------------------------
    def _build_models(self) -> None:
        doc = self.document
        self.tariff_model = TariffModel(doc, self)
        self.criteria_model = CriteriaModel(doc, self)
        self.scores_model = ScoresModel(doc, self)
        self.ranking_model = RankingModel(doc, self)
        self.explanation_model = ExplanationModel(doc, self)
        self.models = (self.tariff_model, self.criteria_model, self.scores_model, self.ranking_model,
                       self.explanation_model)

    def _build_central(self) -> None:
        doc = self.document
        self.municipality_panel = MunicipalityPanel(doc)
        self.tariff_view = table_view(self.tariff_model, "tariff_table")
        self.add_option_button, self.remove_option_button = QPushButton(), QPushButton()
        self.tariffs_box = QGroupBox()
        box = QVBoxLayout(self.tariffs_box)
        box.addWidget(self.tariff_view)
        box.addLayout(button_row(self.add_option_button, self.remove_option_button))
        costs_tab = QWidget()
        layout = QVBoxLayout(costs_tab)
        layout.addWidget(self.municipality_panel)
        layout.addWidget(self.tariffs_box, 1)

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
            lambda current, _previous: self.score_detail.show_score(current.data(ID_ROLE) if current.isValid() else None))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("edit_tabs")
        self.tabs.addTab(costs_tab, "")
        self.tabs.addTab(criteria_tab, "")
        self.tabs.addTab(scores_tab, "")

        self.conclusion = QLabel()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.setWordWrap(True)
        font = self.conclusion.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.conclusion.setFont(font)
        self.ranking_view = table_view(self.ranking_model, "ranking_table")
        self.ranking_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ranking_view.setWordWrap(True)
        self._row_key: tuple = ()
        self.ranking_view.viewport().installEventFilter(self)
        self.explanation_view = table_view(self.explanation_model, "explanation_table")
        self.explanation_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ranking_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._explain(current.data(ID_ROLE) if current.isValid() else None))
        self.explanation_title = QLabel()
        self.result_box = QGroupBox()
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.conclusion)
        tables = QHBoxLayout()
        tables.addWidget(self.ranking_view, 5)
        explanation = QVBoxLayout()
        explanation.addWidget(self.explanation_title)
        explanation.addWidget(self.explanation_view)
        tables.addLayout(explanation, 6)
        result_layout.addLayout(tables)

        self.totals_chart = TotalsChart(doc)
        self.profile_chart = ProfileChart(doc)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.totals_chart)
        charts.addWidget(self.profile_chart)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("chart_tabs")
        self.chart_tabs.addTab(charts, "")
        self._analysis: dict[int, QWidget] = {}
        for _kind in ANALYSIS_TABS:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.chart_tabs.addTab(page, "")
        self.chart_tabs.currentChanged.connect(self._analysis_tab)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.result_box)
        right.addWidget(self.chart_tabs)
        right.setStretchFactor(1, 1)
        right.setSizes([250, 470])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.tabs)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([600, 760])
        self.setCentralWidget(main)
        self.add_option_button.clicked.connect(self.add_option)
        self.tariff_view.horizontalHeader().hide()
        for view in (self.tariff_view, self.scores_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            view.horizontalHeader().setMinimumSectionSize(110)
        self.remove_option_button.clicked.connect(self.remove_option)
        self.remove_criterion_button.clicked.connect(self.remove_criterion)

    def _build_actions(self) -> None:
        menus.build_actions(self)

    def _build_menus(self) -> None:
        menus.build_menus(self)

    # --- analysis tabs, made when first shown (keeps start-up quick) -------------------------
    def _analysis_tab(self, index: int):
        if index < 1:
            return None
        if index not in self._analysis:
            tab = _analysis_class(ANALYSIS_TABS[index - 1])(self.document)
            self.chart_tabs.widget(index).layout().addWidget(tab)
            self._analysis[index] = tab
        return self._analysis[index]

    @property
    def costs_tab(self):
        return self._analysis_tab(1)

    @property
    def sensitivity_tab(self):
        return self._analysis_tab(2)

    @property
    def robustness_tab(self):
        return self._analysis_tab(3)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible text in the language now in force."""
        menus.retranslate_menus(self)
        self.language_actions[language()].setChecked(True)
        for index, text in enumerate((N_("&Costs"), N_("C&riteria and weights"), N_("&Scores"))):
            self.tabs.setTabText(index, tr(text))
        for index, text in enumerate((N_("Ranking and &profile"), N_("Costs and &break-even"),
                                      N_("&Weight sensitivity"), N_("Ro&bustness"))):
            self.chart_tabs.setTabText(index, tr(text))
        for tab in self._analysis.values():
            tab.retranslate()
        self.tariffs_box.setTitle(tr("Options and tariffs"))
        self.weights_box.setTitle(tr("Weights"))
        self.criteria_box.setTitle(tr("Criteria"))
        self.result_box.setTitle(tr("Result"))
        self.add_option_button.setText(tr("Add option"))
        self.remove_option_button.setText(tr("Remove option"))
        self.add_criterion_button.setText(tr("Add criterion"))
        self.remove_criterion_button.setText(tr("Remove criterion"))
        self._row_key = ()
        self.municipality_panel.retranslate()
        self.weights_panel.retranslate()
        self.score_detail.retranslate()
        for model in self.models:
            model.retranslate()
        self.totals_chart.retranslate()
        self.profile_chart.retranslate()
        self._update_undo_texts()
        self._update_title()
        self._update_result()
        self._update_actions()

    def _update_undo_texts(self, *_args) -> None:
        stack = self.document.undo_stack
        if not shiboken6.isValid(stack):
            return
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(_undo_text(tr("&Undo"), stack.undoText()))
        self.redo_action.setText(_undo_text(tr("&Redo"), stack.redoText()))

    # --- reacting to the document -----------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — OmbudsCompare")
        self.setWindowModified(self.document.modified)

    def _update_result(self) -> None:
        evaluation = self.document.evaluation
        if evaluation is None:
            reason = self.document.error.render() if self.document.error else ""
            self.conclusion.setText(tr("The project cannot be scored: {reason}", reason=reason))
        else:
            self.conclusion.setText(conclusion(self.document.project, evaluation, language()))
        current = self.explanation_model.option_id
        ranking = evaluation.ranking() if evaluation else []
        self._fit_ranking_rows()
        if current is None or current not in {r.option_id for r in ranking}:
            current = ranking[0].option_id if ranking else None
        self._explain(current)

    def _explain(self, option_id: str | None) -> None:
        self.explanation_model.show_option(option_id)
        if option_id is None:
            self.explanation_title.setText("")
        else:
            name = self.document.project.option(option_id).name.get(language())
            self.explanation_title.setText(tr("How the total of {name} comes about", name=name))

    def _update_actions(self) -> None:
        project = self.document.project
        for widget in (self.remove_option_action, self.remove_option_button):
            widget.setEnabled(len(project.options) > 1)
        for widget in (self.remove_criterion_action, self.remove_criterion_button):
            widget.setEnabled(len(project.criteria) > 1)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for number, path in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{number} {path}")
            act.triggered.connect(lambda _checked=False, p=path: self.files.open_path(p))
        if not files:
            self.recent_menu.addAction(tr("(none yet)")).setEnabled(False)

    # --- editing structure ------------------------------------------------------------------
    def add_option(self) -> None:
        self.structure.add_option()

    def remove_option(self) -> None:
        self.structure.remove_option()

    def add_criterion(self, kind: CriterionKind = CriterionKind.SCALE) -> None:
        self.structure.add_criterion(kind)

    def remove_criterion(self) -> None:
        self.structure.remove_criterion()

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
        view.verticalHeader().setDefaultSectionSize(max(metrics.height(), tallest) + 8)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.ranking_view.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_ranking_rows)  # wrapped names fit the new width
        return super().eventFilter(watched, event)

    # --- charts out: export, clipboard, presentation (ui/showing.py) --------------------------
    def current_chart(self) -> tuple[str, str | None]:
        return self.showing.current_chart()

    def start_presentation(self):
        return self.showing.start_presentation()

    # --- help, recovery, closing ------------------------------------------------------------
    def show_help(self) -> None:
        HelpDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About OmbudsCompare"),
                          tr("OmbudsCompare {version}: compare the options for a municipality's external complaint"
                             " body on cost and qualities.", version=__version__))

    def keep_recovery(self) -> None:
        if self.recovery is None:
            return
        if self.document.modified:
            self.recovery.keep(self.document.project, self.document.path)
        else:
            self.recovery.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
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


def _analysis_class(name: str):
    import importlib

    classes = {"costs": "CostsTab", "weights": "WeightsTab", "robustness": "RobustnessTab"}
    return getattr(importlib.import_module(f".analysis.{name}", __package__), classes[name])
