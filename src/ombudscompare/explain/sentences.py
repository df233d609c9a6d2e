"""Sentences a councillor understands about break-even points, weight intervals and robustness (Qt-free)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

from ..core.costs import Crossing, Overlap, PairCosts
from ..core.model import Project
from ..core.robustness import RankFrequencies
from ..core.sensitivity import Interval
from ..i18n import tr
from ..i18n.numbers import format_number, format_percent


def _name(project: Project, option_id: str, lang: str | None) -> str:
    """The option as a sentence names it: 'de Nationale ombudsman'."""
    return project.option(option_id).sentence_name(lang or "nl")


def capital(sentence: str) -> str:
    """A sentence starts with a capital, also when it starts with 'de Nationale ombudsman'."""
    return sentence[:1].upper() + sentence[1:]


def sentence(make: Callable[..., str]) -> Callable[..., str]:
    """Marks a function that returns a whole sentence: it starts with a capital."""

    @functools.wraps(make)
    def capitalised(*args: Any, **kwargs: Any) -> str:
        return capital(make(*args, **kwargs))

    return capitalised


@sentence
def population_sentence(project: Project, pair: PairCosts, lang: str | None = None) -> str:
    """When one of two options becomes cheaper as the population grows, at today's complaints."""
    complaints = format_number(project.municipality.complaints_per_year, 0, lang)
    a, b = _name(project, pair.first, lang), _name(project, pair.second, lang)
    crossing = pair.population_crossing
    if isinstance(crossing, Overlap):
        return tr("At {complaints} complaints a year {a} and {b} cost the same at any population.", lang,
                  complaints=complaints, a=a, b=b)
    if crossing is None:
        cheaper: str = pair.cheaper_now or pair.first
        other = pair.second if cheaper == pair.first else pair.first
        return tr("At {complaints} complaints a year {cheaper} is cheaper than {other} at any population.", lang,
                  complaints=complaints, cheaper=_name(project, cheaper, lang), other=_name(project, other, lang))
    later = crossing.cheaper_after or pair.first
    earlier = pair.second if later == pair.first else pair.first
    return tr("At {complaints} complaints a year {later} only becomes cheaper than {earlier} above {at} inhabitants"
              " ({cost} a year each at that point).", lang, complaints=complaints, later=_name(project, later, lang),
              earlier=_name(project, earlier, lang), at=format_number(math.ceil(crossing.at), 0, lang),
              cost=_money(crossing.cost, lang))


@sentence
def complaints_sentence(project: Project, pair: PairCosts, lang: str | None = None) -> str:
    """When one of two options becomes cheaper as complaints rise, at today's population."""
    population = format_number(project.municipality.population, 0, lang)
    a, b = _name(project, pair.first, lang), _name(project, pair.second, lang)
    if not pair.complaint_crossings:
        overlaps = pair.complaint_overlaps
        if overlaps and overlaps[0].start == 0 and overlaps[0].end == math.inf:
            return tr("With {population} inhabitants {a} and {b} cost the same at any number of complaints.", lang,
                      population=population, a=a, b=b)
        cheaper: str = pair.cheaper_now or pair.first
        other = pair.second if cheaper == pair.first else pair.first
        return tr("With {population} inhabitants {cheaper} is cheaper than {other} at any number of complaints.",
                  lang, population=population, cheaper=_name(project, cheaper, lang),
                  other=_name(project, other, lang))
    parts = []
    for crossing in pair.complaint_crossings:
        later = crossing.cheaper_after or pair.first
        earlier = pair.second if later == pair.first else pair.first
        parts.append(tr("above {at} complaints a year {later} is cheaper than {earlier}", lang,
                        at=format_number(crossing.at, 1 if not float(crossing.at).is_integer() else 0, lang),
                        later=_name(project, later, lang), earlier=_name(project, earlier, lang)))
    return tr("With {population} inhabitants: {parts}.", lang, population=population, parts="; ".join(parts))


@sentence
def interval_sentence(project: Project, interval: Interval, lang: str | None = None) -> str:
    """'X stays first as long as Y weighs less than 34.6 %' and its variants."""
    leader = _name(project, interval.leader, lang)
    criterion = project.criterion(interval.criterion_id).name.get(lang or "nl")
    low, high = format_percent(interval.low, 1, lang), format_percent(interval.high, 1, lang)
    if interval.lower_rival is None and interval.upper_rival is None:
        return tr("{leader} stays first at any weight of {criterion}.", lang, leader=leader, criterion=criterion)
    if interval.lower_rival is None:
        return tr("{leader} stays first as long as {criterion} weighs less than {high}.", lang, leader=leader,
                  criterion=criterion, high=high)
    if interval.upper_rival is None:
        return tr("{leader} stays first as long as {criterion} weighs more than {low}.", lang, leader=leader,
                  criterion=criterion, low=low)
    return tr("{leader} stays first as long as {criterion} weighs between {low} and {high}.", lang, leader=leader,
              criterion=criterion, low=low, high=high)


@sentence
def robustness_sentence(project: Project, frequencies: RankFrequencies, lang: str | None = None) -> str:
    best = max(range(len(frequencies.option_ids)), key=lambda i: frequencies.shares[i, 0])
    name = _name(project, frequencies.option_ids[best], lang)
    share = format_percent(float(frequencies.shares[best, 0]), 1, lang)
    samples = format_number(frequencies.samples, 0, lang)
    if frequencies.spread is None:
        return tr("With weights drawn at random ({samples} weightings), {name} ranks first in {share} of cases.",
                  lang, samples=samples, name=name, share=share)
    return tr("With weights within ± {spread} percentage points of the present ones ({samples} weightings), {name}"
              " ranks first in {share} of cases.", lang, spread=format_number(frequencies.spread, 0, lang),
              samples=samples, name=name, share=share)


def _money(amount: float, lang: str | None) -> str:
    from ..i18n.numbers import format_money

    return format_money(amount, lang)


__all__ = ["Crossing", "complaints_sentence", "interval_sentence", "population_sentence", "robustness_sentence"]
