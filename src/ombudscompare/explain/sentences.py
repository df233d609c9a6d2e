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
from ..core.tariff import annual_cost
from ..i18n import N_, tr
from ..i18n.numbers import format_exact, format_number, format_percent


def _name(project: Project, option_id: str, lang: str | None) -> str:
    """The option as a sentence names it: 'de Nationale ombudsman'."""
    return project.option(option_id).sentence_name(lang or "nl")


def capital(sentence: str) -> str:
    """A sentence starts with a capital, also when it starts with 'de Nationale ombudsman'."""
    return sentence[:1].upper() + sentence[1:]


def full_sentence(text: str) -> str:
    """A message shown as a sentence of its own: a capital at the start and a full stop at the end."""
    text = capital(text.strip())
    return text if not text or text.endswith((".", "!", "?", "…")) else text + "."


def sentence(make: Callable[..., str]) -> Callable[..., str]:
    """Marks a function that returns a whole sentence: it starts with a capital."""

    @functools.wraps(make)
    def capitalised(*args: Any, **kwargs: Any) -> str:
        return capital(make(*args, **kwargs))

    return capitalised


@sentence
def population_sentence(project: Project, pair: PairCosts, lang: str | None = None) -> str:
    """When one of two options becomes cheaper as the population grows, at today's complaints."""
    complaints = format_exact(project.municipality.complaints_per_year, lang)
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
    exact, shown = threshold(crossing.at, 0)
    template = (N_("At {complaints} complaints a year {later} only becomes cheaper than {earlier} above {at}"
                   " inhabitants ({cost} a year each at that point).") if exact else
                N_("At {complaints} complaints a year {later} is cheaper than {earlier} from {at} inhabitants on (at"
                   " {exact} inhabitants both cost {cost} a year)."))
    return tr(template, lang, complaints=complaints, later=_name(project, later, lang),
              earlier=_name(project, earlier, lang), at=format_number(shown, 0, lang),
              exact=format_number(crossing.at, 1, lang), cost=_money(crossing.cost, lang))


def threshold(at: float, decimals: int) -> tuple[bool, float]:
    """How to name a break-even point so the words are true at the figure shown: (True, at) when `at` is
    exactly a figure with these decimals ('above 200': equal at 200, cheaper beyond); else (False, the next
    figure up) for 'from 221.708': at 221.707,4 both cost the same, so from 221.708 on it is cheaper."""
    scale = 10 ** decimals
    if abs(at * scale - round(at * scale)) <= 1e-9 * max(1.0, abs(at * scale)):
        return True, round(at * scale) / scale
    return False, math.ceil(at * scale) / scale


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
    first = pair.complaint_crossings[0]
    if first.kind == "join" and first.at > 0:  # say who is cheaper before the lines join
        town = project.municipality
        cost_a, cost_b = (annual_cost(project.option(i).tariff, town.population, first.at / 2)
                          for i in (pair.first, pair.second))
        cheaper_before, other = (pair.first, pair.second) if cost_a < cost_b else (pair.second, pair.first)
        parts.append(tr("below {at} complaints a year {cheaper} is cheaper than {other}", lang,
                        at=_complaints(first.at, lang), cheaper=_name(project, cheaper_before, lang),
                        other=_name(project, other, lang)))
    for crossing in pair.complaint_crossings:
        at = _complaints(crossing.at, lang)
        if crossing.kind == "join":
            parts.append(tr("from {at} complaints a year on both cost the same", lang, at=at))
            continue
        later = crossing.cheaper_after or pair.first
        earlier = pair.second if later == pair.first else pair.first
        names = {"later": _name(project, later, lang), "earlier": _name(project, earlier, lang)}
        if crossing.kind == "touch":
            parts.append(tr("at {at} complaints a year both cost {cost}, and beyond it {later} stays cheaper than"
                            " {earlier}", lang, at=at, cost=_money(crossing.cost, lang), **names))
        else:
            parts.append(tr("above {at} complaints a year {later} is cheaper than {earlier}", lang, at=at, **names))
    return tr("With {population} inhabitants: {parts}.", lang, population=population, parts="; ".join(parts))


def _complaints(at: float, lang: str | None) -> str:
    """A number of complaints at a break-even point, with its decimal when it has one (57,3)."""
    return format_number(at, 0 if abs(at - round(at)) <= 1e-9 * max(1.0, at) else 1, lang)


@sentence
def interval_sentence(project: Project, interval: Interval, lang: str | None = None) -> str:
    """'X stays first as long as Y weighs less than 34.6 %' and its variants."""
    leader = _name(project, interval.leader, lang)
    criterion = project.criterion(interval.criterion_id).name.get(lang or "nl")
    low, high = format_percent(interval.low, 1, lang), format_percent(interval.high, 1, lang)
    if interval.shared_with:
        return _shared_sentence(project, interval, criterion, low, high, lang)
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


def _shared_sentence(project: Project, interval: Interval, criterion: str, low: str, high: str,
                     lang: str | None) -> str:
    """Options sharing first place: whether any change of this weight parts them, and who goes first then."""
    leaders = names_and([_name(project, i, lang) for i in (interval.leader, *interval.shared_with)], lang)
    if interval.low == interval.high == interval.current:
        now = format_percent(interval.current, 1, lang)
        upper, lower = interval.upper_rival, interval.lower_rival
        if interval.current <= 0 or lower is None:
            return tr("{leaders} share first place only at the present weight of {criterion} ({now}); with more"
                      " weight {upper} is first alone.", lang, leaders=leaders, criterion=criterion, now=now,
                      upper=_name(project, upper or interval.leader, lang))
        if interval.current >= 1 or upper is None:
            return tr("{leaders} share first place only at the present weight of {criterion} ({now}); with less"
                      " weight {lower} is first alone.", lang, leaders=leaders, criterion=criterion, now=now,
                      lower=_name(project, lower, lang))
        return tr("{leaders} share first place only at the present weight of {criterion} ({now}); with more weight"
                  " {upper} is first alone, with less weight {lower}.", lang, leaders=leaders, criterion=criterion,
                  now=now, upper=_name(project, upper, lang), lower=_name(project, lower, lang))
    if interval.lower_rival is None and interval.upper_rival is None:
        return tr("{leaders} share first place at any weight of {criterion}.", lang, leaders=leaders,
                  criterion=criterion)
    if interval.lower_rival is None:
        return tr("{leaders} share first place as long as {criterion} weighs less than {high}.", lang,
                  leaders=leaders, criterion=criterion, high=high)
    if interval.upper_rival is None:
        return tr("{leaders} share first place as long as {criterion} weighs more than {low}.", lang,
                  leaders=leaders, criterion=criterion, low=low)
    return tr("{leaders} share first place as long as {criterion} weighs between {low} and {high}.", lang,
              leaders=leaders, criterion=criterion, low=low, high=high)


def names_and(names: list[str], lang: str | None) -> str:
    """'a', 'a and b', 'a, b and c' in the language."""
    if len(names) <= 1:
        return "".join(names)
    return tr("{names} and {last}", lang, names=", ".join(names[:-1]), last=names[-1])


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
