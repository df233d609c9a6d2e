"""The decision model: municipality, options with tariffs, criteria, scores (no Qt, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kinds import CriterionKind as CriterionKind
from .kinds import Direction as Direction

LANGUAGES = ("nl", "en")


SCALE_MIN = 1
SCALE_MAX = 5
DEFAULT_SCALE_LABELS = {
    "nl": ("zeer zwak", "zwak", "redelijk", "goed", "zeer goed"),
    "en": ("very weak", "weak", "fair", "good", "very good"),
}


@dataclass
class LocalText:
    """A text in one or more languages; lookups fall back to any language present."""

    texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def both(cls, nl: str, en: str | None = None) -> LocalText:
        return cls({"nl": nl, "en": en if en is not None else nl})

    def get(self, lang: str = "nl") -> str:
        if self.texts.get(lang):
            return self.texts[lang]
        for other in LANGUAGES:
            if self.texts.get(other):
                return self.texts[other]
        return next(iter(self.texts.values()), "")

    def __bool__(self) -> bool:
        return any(self.texts.values())

    def render(self, lang: str | None = None) -> str:
        """The text in `lang` (or the language in force): a LocalText can be a message parameter."""
        from ..i18n import language

        return self.get(lang or language())

    def snapshot(self) -> LocalText:
        """A copy that later renames do not change (for descriptions of past edits)."""
        return LocalText(dict(self.texts))


@dataclass
class Source:
    """Where a number or a judgement comes from."""

    title: str = ""
    date: str = ""
    location: str = ""
    quote: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (self.title or self.date or self.location or self.quote or self.url)


@dataclass
class Municipality:
    """The municipality that chooses; its size drives every tariff."""

    name: str = ""
    population: int = 1
    complaints_per_year: float = 0
    reference_year: int = 2018
    source: Source = field(default_factory=Source)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Tariff:
    """What an option charges a year; see core.tariff for the formula."""

    fixed: float = 0
    per_inhabitant: float = 0
    per_complaint: float = 0
    included_complaints: float = 0
    surcharge: float = 0
    indexation_percent: float = 0
    source: Source = field(default_factory=Source)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Option:
    """One candidate complaint body."""

    id: str
    name: LocalText
    tariff: Tariff = field(default_factory=Tariff)
    description: LocalText = field(default_factory=LocalText)
    extra: dict[str, Any] = field(default_factory=dict)
    in_sentence: LocalText = field(default_factory=LocalText)  # 'de Nationale ombudsman' in running text

    def sentence_name(self, lang: str) -> str:
        """The name as a sentence uses it, with its article where the language needs one."""
        return self.in_sentence.texts.get(lang) or self.name.get(lang)


@dataclass
class Criterion:
    """One thing the options are compared on, with its value function and weight."""

    id: str
    name: LocalText
    kind: CriterionKind
    direction: Direction = Direction.HIGHER
    best: float | None = None
    worst: float | None = None
    weight: float = 0
    enabled: bool = True
    description: LocalText = field(default_factory=LocalText)
    unit: str = ""
    scale_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def reference_levels(self) -> tuple[float, float]:
        """(best, worst) raw levels that map to 100 and 0."""
        if self.kind.scale:
            if self.direction is Direction.HIGHER:
                return float(SCALE_MAX), float(SCALE_MIN)
            return float(SCALE_MIN), float(SCALE_MAX)
        assert self.best is not None and self.worst is not None
        return self.best, self.worst

    def scale_label(self, score: int, lang: str = "nl") -> str:
        """The label of a 1–5 score, e.g. '4 – goed'."""
        labels = self.scale_labels.get(lang) or DEFAULT_SCALE_LABELS.get(lang) or DEFAULT_SCALE_LABELS["nl"]
        return f"{score} – {labels[score - SCALE_MIN]}"


@dataclass
class Score:
    """An entered value (1–5 or a number) for one option on one criterion, with its grounds."""

    option: str
    criterion: str
    value: float
    justification: str = ""
    source: Source = field(default_factory=Source)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SwingAnswers:
    """How a set's weights were elicited by swings: the swing that matters most (100 points), the points given
    to every other swing relative to it, and each criterion's (best, worst) reference levels at the time, so a
    later change of a level is noticed."""

    top: str
    points: dict[str, float]
    levels: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class WeightSet:
    """A named set of weights (relative, per criterion id), e.g. one party's, with who holds it.

    `method` says how it was set: "direct" (typed or saved from the window), "swing" (with `swing` the
    answers) or "order" (the rank-order-centroid weights of `order`, most important first)."""

    id: str
    name: str
    weights: dict[str, float]
    note: str = ""
    method: str = "direct"
    swing: SwingAnswers | None = None
    order: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


RANGE_TARGETS = ("population", "complaints_per_year", "tariff", "score")


@dataclass(frozen=True)
class InputRange:
    """An uncertain input: low–high, optionally a most likely value (then triangular, else uniform).

    `target` is ("population",), ("complaints_per_year",), ("tariff", option_id, field) or
    ("score", option_id, criterion_id)."""

    target: tuple[str, ...]
    low: float
    high: float
    likely: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Project:
    """Everything one comparison holds; what a project file stores."""

    title: LocalText = field(default_factory=LocalText)  # per language; the memo's title
    notes: str = ""
    municipality: Municipality = field(default_factory=Municipality)
    options: list[Option] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    weight_sets: list[WeightSet] = field(default_factory=list)
    ranges: list[InputRange] = field(default_factory=list)
    format_minor: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def score(self, option_id: str, criterion_id: str) -> Score | None:
        return self.scores.get((option_id, criterion_id))

    def weight_set(self, set_id: str) -> WeightSet:
        for weight_set in self.weight_sets:
            if weight_set.id == set_id:
                return weight_set
        raise KeyError(set_id)

    def enabled_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if c.enabled]
