"""Every criterion kind, declared once: computed from the tariff or judged, how its raw value comes about (one
option, and vectorised over draws), the levels a new criterion starts with, and its words (Qt-free).

Scoring, the uncertainty draws, the commands, the window's menus and tables, the workbook and the texts all ask
this table; nothing else compares kind names. A new kind is one row here plus its functions.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..i18n import N_
from .tariff import annual_cost, cost_per_inhabitant, extra_complaint_cost

if TYPE_CHECKING:
    from .model import Municipality, Tariff


class CriterionKind(str, enum.Enum):
    """Where a criterion's raw value comes from."""

    COST_PER_INHABITANT = "cost_per_inhabitant"
    SURCHARGE_PER_EXTRA_COMPLAINT = "surcharge_per_extra_complaint"
    ANNUAL_COST = "annual_cost"
    SCALE = "scale"
    NUMBER = "number"

    @property
    def computed(self) -> bool:
        """True for kinds whose value follows from the tariff, not from a score (the table below says which)."""
        return RULES[self].computed

    @property
    def scale(self) -> bool:
        """True for kinds judged on the labelled 1–5 scale."""
        return RULES[self].scale


class Direction(str, enum.Enum):
    """Whether a lower or a higher raw value is better."""

    LOWER = "lower"
    HIGHER = "higher"


# tariff parts as arrays (samples × options), population and complaints as arrays (samples) → samples × options
Many = Callable[[dict[str, np.ndarray], np.ndarray, np.ndarray], np.ndarray]


def annual_many(tariffs: dict[str, np.ndarray], population: np.ndarray, complaints: np.ndarray) -> np.ndarray:
    c = complaints[:, None]
    result: np.ndarray = (tariffs["fixed"] + tariffs["per_inhabitant"] * population[:, None]
                          + tariffs["per_complaint"] * c
                          + tariffs["surcharge"] * np.maximum(0.0, c - tariffs["included_complaints"]))
    return result


def _per_inhabitant_many(tariffs: dict[str, np.ndarray], population: np.ndarray,
                         complaints: np.ndarray) -> np.ndarray:
    result: np.ndarray = annual_many(tariffs, population, complaints) / population[:, None]
    return result


def _extra_complaint_many(tariffs: dict[str, np.ndarray], _population: np.ndarray,
                          _complaints: np.ndarray) -> np.ndarray:
    result: np.ndarray = tariffs["per_complaint"] + tariffs["surcharge"]
    return result


@dataclass(frozen=True)
class KindRule:
    """One criterion kind. A computed kind has `raw` (one option) and `raw_many` (draws × options) from the tariff;
    a judged kind is scored by people (`scale`: on the labelled 1–5 scale). `levels` are a new criterion's
    (best, worst); `money` the decimals its amounts are shown with (None: a plain number); `column` the
    workbook's tariffs column that holds the computed value."""

    kind: CriterionKind
    name: str  # message id: the kind in a table
    menu: str  # message id with its shortcut letter: Edit → Add criterion
    raw: Callable[[Tariff, Municipality], float] | None = None
    raw_many: Many | None = None
    levels: tuple[float, float] | None = None
    scale: bool = False
    money: int | None = None
    swing: str = "{swing}"  # message id: a swing from worst to best in words, with its unit
    column: str | None = None

    @property
    def computed(self) -> bool:
        return self.raw is not None

    @property
    def direction(self) -> Direction:
        """Which way is better for a new criterion of this kind: less money, a higher judgement."""
        return Direction.LOWER if self.computed else Direction.HIGHER


KIND_RULES = (
    KindRule(CriterionKind.SCALE, N_("scale 1–5"), N_("&Scale 1–5 (a quality)"), scale=True),
    KindRule(CriterionKind.NUMBER, N_("number"), N_("&Number you enter"), levels=(100.0, 0.0)),
    KindRule(CriterionKind.COST_PER_INHABITANT, N_("cost per inhabitant (computed)"),
             N_("Cost per &inhabitant (from the tariffs)"), cost_per_inhabitant, _per_inhabitant_many, (0.0, 0.5),
             money=4, swing=N_("{swing} per inhabitant"), column="cost_per_inhabitant"),
    KindRule(CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT, N_("surcharge per extra complaint (computed)"),
             N_("Sur&charge per extra complaint (from the tariffs)"), lambda t, _town: extra_complaint_cost(t),
             _extra_complaint_many, (0.0, 1000.0), money=2, swing=N_("{swing} per extra complaint"),
             column="surcharge_per_extra_complaint"),
    KindRule(CriterionKind.ANNUAL_COST, N_("annual cost (computed)"), N_("&Annual cost (from the tariffs)"),
             lambda t, town: annual_cost(t, town.population, town.complaints_per_year), annual_many,
             (0.0, 100_000.0), money=2, swing=N_("{swing} a year"), column="annual_cost"),
)
RULES = {rule.kind: rule for rule in KIND_RULES}


def rule(kind: CriterionKind) -> KindRule:
    return RULES[kind]


def named(value: object) -> KindRule | None:
    """The rule of a kind as a file names it ('scale'), or None for a name no kind has."""
    try:
        return RULES[CriterionKind(value)]
    except ValueError:
        return None
