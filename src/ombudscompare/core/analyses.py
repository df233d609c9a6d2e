"""Every analysis of one state of a project, each computed at most once and shared (Qt-free).

The window's tabs, its slides, the report and the command line ask one `Analyses` for the evaluation, the
weight sensitivity, the break-even points, the robustness draws, the uncertain inputs and the weight sets.
A new state of the project gets a new `Analyses`; after an edit that changed only weights, what does not
depend on the weights (costs, break-evens, the weight sets' own totals, every option's 0–100 values) is carried
over instead of computed again — which is what keeps a slider drag smooth with forty weight sets open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..i18n import Message
from .costs import PairCosts, pair_costs
from .model import Project
from .robustness import RankFrequencies, rank_frequencies
from .scoring import Evaluation, ModelError, evaluate, reweigh
from .sensitivity import WeightSensitivity, weight_sensitivity
from .uncertainty import Uncertainty, analyse
from .value import ValueForMoney, sets_value, value_for_money
from .weightsets import SetsComparison, compare_sets

SAMPLES = 10_000  # draws for the robustness figures in the window, on slides and in the report
SEED = 2018
T = TypeVar("T")
WEIGHT_FREE = "weight-free"  # cache keys that start with this survive an edit of the weights only


class Analyses:
    """The analyses of `project` as it is now. Never mutate the project while holding one: make a new one."""

    def __init__(self, project: Project, evaluation: Evaluation | None = None, *,
                 carried: Analyses | None = None):
        self.project = project
        self.error: Message | None = None
        if evaluation is None:
            try:
                previous = carried.maybe_evaluation if carried is not None else None
                if previous is not None:
                    evaluation = reweigh(previous, project)  # only the weights changed
                else:
                    evaluation = evaluate(project)
            except ModelError as exc:
                self.error = exc.message
        self._evaluation = evaluation
        self._cache: dict[tuple[Any, ...], Any] = {}
        if carried is not None:
            self._cache.update({k: v for k, v in carried._cache.items() if k[0] == WEIGHT_FREE})

    @property
    def evaluation(self) -> Evaluation:
        """The project scored; ModelError with the reason when it cannot be."""
        if self._evaluation is None:
            raise ModelError(self.error or Message("the project cannot be scored"))
        return self._evaluation

    @property
    def scored(self) -> bool:
        return self._evaluation is not None

    @property
    def maybe_evaluation(self) -> Evaluation | None:
        """The evaluation, or None when the project cannot be scored (`error` says why)."""
        return self._evaluation

    def cached(self, key: tuple[Any, ...], make: Callable[[], T], weight_free: bool = False) -> T:
        """`make()` once per key; a ModelError is remembered and raised again, like a result."""
        full = (WEIGHT_FREE, *key) if weight_free else key
        if full not in self._cache:
            try:
                self._cache[full] = make()
            except ModelError as error:
                self._cache[full] = error
        value = self._cache[full]
        if isinstance(value, ModelError):
            raise value
        return value  # type: ignore[no-any-return]

    def sensitivity(self) -> WeightSensitivity:
        return self.cached(("sensitivity",), lambda: weight_sensitivity(self.evaluation))

    def pair_costs(self) -> list[PairCosts]:
        return self.cached(("pair_costs",), lambda: pair_costs(self.project), weight_free=True)

    def frequencies(self, spread: float | None = None) -> RankFrequencies:
        """Rank shares over drawn weights only (uniform, or within ± `spread` percentage points). Weights drawn
        uniformly do not depend on the window's weights: those figures survive a weight edit."""
        return self.cached(("frequencies", spread), lambda: rank_frequencies(self.evaluation, SAMPLES, SEED, spread),
                           weight_free=spread is None)

    def uncertainty(self, spread: float | None = None) -> Uncertainty:
        """Rank shares with the uncertain inputs and the weights drawn together (the weights-only figures when the
        project has no ranges: then both are the same draws)."""
        return self.cached(("uncertainty", spread), lambda: analyse(
            self.project, self.evaluation, SAMPLES, SEED, spread, frequencies=self.frequencies(spread)),
            weight_free=spread is None)

    def sets(self) -> SetsComparison:
        """Every weight set evaluated (independent of the window's own weights, so kept across weight edits)."""
        return self.cached(("sets",), lambda: compare_sets(self.project), weight_free=True)

    def value(self) -> ValueForMoney:
        """Quality against cost: the quality score depends on the quality weights, so it follows weight edits."""
        return self.cached(("value",), lambda: value_for_money(self.project, self.maybe_evaluation))

    def value_sets(self) -> tuple[tuple[str, ValueForMoney | Message], ...]:
        """Every weight set's value for money (independent of the window's own weights)."""
        return self.cached(("value_sets",), lambda: sets_value(self.project), weight_free=True)
