"""The window's tabs, described once (id, title, what builds them) and found by id; which charts a tab shows is
said by the chart-kind registry (explain/kinds.py)."""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..i18n import N_, tr


class EditTab(enum.Enum):
    COSTS = "costs"
    CRITERIA = "criteria"
    SCORES = "scores"


class ChartTab(enum.Enum):
    RANKING = "ranking"
    COSTS = "costs"
    WEIGHTS = "weights"
    ROBUSTNESS = "robustness"
    VALUE = "value"
    SETS = "sets"


@dataclass(frozen=True)
class TabSpec:
    """One tab: its id and title; `builder` ('module:Class' under ui/) makes its page on first show."""

    id: enum.Enum
    title: str
    builder: str | None = None


EDIT_TABS = (
    TabSpec(EditTab.COSTS, N_("&Costs")),
    TabSpec(EditTab.CRITERIA, N_("C&riteria and weights")),
    TabSpec(EditTab.SCORES, N_("&Scores")),
)
CHART_TABS = (
    TabSpec(ChartTab.RANKING, N_("Ranking and &profile")),
    TabSpec(ChartTab.COSTS, N_("Costs and &break-even"), "analysis.costs:CostsTab"),
    TabSpec(ChartTab.WEIGHTS, N_("&Weight sensitivity"), "analysis.weights:WeightsTab"),
    TabSpec(ChartTab.ROBUSTNESS, N_("Rob&ustness"), "analysis.robustness:RobustnessTab"),
    TabSpec(ChartTab.VALUE, N_("E&xtra quality per euro"), "analysis.value:ValueTab"),
    TabSpec(ChartTab.SETS, N_("Who chooses wha&t"), "analysis.sets:SetsTab"),
)


class TabBook(QTabWidget):
    """A tab widget addressed by tab ids; pages with a builder are made when first shown (quick start-up)."""

    def __init__(self, name: str, specs: tuple[TabSpec, ...], make: Callable[[type], QWidget] | None = None):
        super().__init__()
        self.setObjectName(name)
        self.specs = specs
        self._make = make
        self._built: dict[enum.Enum, QWidget] = {}
        self.currentChanged.connect(self._ensure_current)

    def add(self, spec_id: enum.Enum, page: QWidget | None = None) -> None:
        """Add the page for `spec_id` (an empty holder for pages that are built later)."""
        spec = self.spec(spec_id)
        if page is None:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        else:
            self._built[spec.id] = page
        self.addTab(page, tr(spec.title))

    def spec(self, spec_id: enum.Enum) -> TabSpec:
        return next(s for s in self.specs if s.id == spec_id)

    def index_of(self, spec_id: enum.Enum) -> int:
        return [s.id for s in self.specs].index(spec_id)

    def current(self) -> enum.Enum:
        return self.specs[self.currentIndex()].id

    def show_tab(self, spec_id: enum.Enum) -> None:
        self.setCurrentIndex(self.index_of(spec_id))

    def page(self, spec_id: enum.Enum) -> QWidget:
        """The tab's content, built now if it had not been yet."""
        spec = self.spec(spec_id)
        if spec.id not in self._built:
            module, name = (spec.builder or "").split(":")
            cls = getattr(importlib.import_module(f".{module}", __package__), name)
            built = self._make(cls) if self._make else cls()
            holder = self.widget(self.index_of(spec_id))
            layout = holder.layout() if holder is not None else None
            if layout is not None:
                layout.addWidget(built)
            self._built[spec.id] = built
        return self._built[spec.id]

    def built_pages(self) -> list[QWidget]:
        return list(self._built.values())

    def _ensure_current(self, index: int) -> None:
        if 0 <= index < len(self.specs) and self.specs[index].builder:
            self.page(self.specs[index].id)

    def retranslate(self) -> None:
        for index, spec in enumerate(self.specs):
            self.setTabText(index, tr(spec.title))
