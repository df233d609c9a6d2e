"""Value for money in words and as a table: which options are efficient, what every step up in quality costs,
why the others are not efficient, and what would change that (Qt-free).

The window's "Value for money" tab, its slide, the report, the Word appendix, the workbook and `ombudscompare
value` all use these, so every place says the same thing in the same words.
"""

from __future__ import annotations

from ..core.costs import Crossing, PairCosts
from ..core.model import Project
from ..core.value import OptionValue, ValueForMoney, nearest_dominator, pair_flip
from ..i18n import N_, Message, tr
from ..i18n.numbers import format_exact, format_money, format_number, format_percent
from .sentences import _complaints, _name, capital, full_sentence, names_and
from .tables import Table
from .values import ALL_POINTS_UP_TO, distinct_decimals, many_options, totals_decimals

MONEY_CENTS_BELOW = 100.0  # amounts under € 100 keep their cents; larger ones are said in whole euros


def money(amount: float, lang: str | None) -> str:
    """An amount as a sentence says it: '€ 12.106', or '€ 45,50' when it is small."""
    return format_money(amount, lang, 0 if abs(amount) >= MONEY_CENTS_BELOW else 2)


def points(amount: float, lang: str | None) -> str:
    """A difference in quality points with one decimal, or as many more as it takes not to read as 0."""
    return format_number(amount, distinct_decimals(amount, 0.0), lang)


def quality_decimals(value: ValueForMoney) -> int:
    """Decimals that keep two different quality scores from reading the same (as the totals do)."""
    return totals_decimals([o.quality for o in value.scored if o.quality is not None])


def _names(project: Project, ids: tuple[str, ...] | list[str], lang: str | None) -> str:
    return names_and([_name(project, i, lang) for i in ids], lang)


def quality_note(project: Project, value: ValueForMoney, lang: str | None = None) -> str:
    """What the quality score is, for this project: which cost criteria it leaves out."""
    if not value.cost_criteria:
        return tr("No cost criterion is switched on, so the quality score is the total score; the annual cost comes"
                  " from the tariffs all the same.", lang)
    return tr("The quality score is the weighted total without the cost criteria ({criteria}), the other weights"
              " taken as shares of their sum; the cost is the annual cost from the tariffs.", lang,
              criteria=names_and([project.criterion(c).name.get(lang or "nl") for c in value.cost_criteria], lang))


def value_sentences(project: Project, value: ValueForMoney, lang: str | None = None) -> list[str]:
    """Who is efficient, what each step up the frontier costs per quality point, and why the others are not
    efficient; options not yet scored named last."""
    lang = lang or "nl"
    lines: list[str] = []
    scored = value.scored
    decimals = quality_decimals(value)
    if len(scored) == 1:
        only = scored[0]
        template = (N_("{name} is the only option: a quality of {quality} for {cost} a year, with nothing to set it"
                       " against.") if len(value.options) == 1 else
                    N_("{name} is the only option with a quality score: {quality} for {cost} a year."))
        lines.append(tr(template, lang, name=_name(project, only.option_id, lang),
                        quality=_quality(only, decimals, lang), cost=money(only.annual_cost, lang)))
    else:
        lines += _frontier_sentences(project, value, decimals, lang)
        lines += _dominated_sentences(project, value, decimals, lang)
    if value.unscored:
        lines.append(tr("Not ranked yet, because not every score has been given: {names}.", lang,
                        names=", ".join(_name(project, o.option_id, lang) for o in value.unscored)))
    return [capital(line) for line in lines]


def _quality(option: OptionValue, decimals: int, lang: str) -> str:
    return format_number(option.quality if option.quality is not None else float("nan"), decimals, lang)


def _frontier_sentences(project: Project, value: ValueForMoney, decimals: int, lang: str) -> list[str]:
    lines = []
    frontier = value.frontier
    if len(frontier) >= 2:
        efficient = [i for point in frontier for i in point]
        lines.append(tr("{count} options are efficient — no other option is at least as cheap and at least as good on"
                        " quality: {names}, from cheap to dear.", lang, count=len(efficient),
                        names=_names(project, efficient, lang)))
    elif len(frontier[0]) < len(value.scored) and len(value.scored) > 2:
        lines.append(tr("{names} is the only efficient choice: no other option is as cheap and as good on quality.",
                        lang, names=_names(project, frontier[0], lang)) if len(frontier[0]) == 1 else
                     tr("{names} are the only efficient choices: every other option costs at least as much, is no"
                        " better on quality and is behind on one of the two.", lang,
                        names=_names(project, frontier[0], lang)))
    for point in frontier:
        if len(point) > 1:
            first = value.option(point[0])
            lines.append(tr("{names} cost the same and are equally good on quality ({quality} for {cost} a year).",
                            lang, names=_names(project, point, lang), quality=_quality(first, decimals, lang),
                            cost=money(first.annual_cost, lang)))
    if len(frontier) >= 2:
        cheapest = value.option(frontier[0][0])
        template = (N_("{names} is the cheapest efficient option: {cost} a year for a quality of {quality}.")
                    if len(frontier[0]) == 1 else
                    N_("{names} are the cheapest efficient options: {cost} a year each for a quality of {quality}."))
        lines.append(tr(template, lang, names=_names(project, frontier[0], lang),
                        cost=money(cheapest.annual_cost, lang), quality=_quality(cheapest, decimals, lang)))
    for step in value.steps:
        template = (N_("{dearer} gives {points} more quality points than {cheaper} for {cost} a year more ({price} a"
                       " year per quality point).") if len(step.dearer) == 1 else
                    N_("{dearer} give {points} more quality points than {cheaper} for {cost} a year more ({price} a"
                       " year per quality point)."))
        lines.append(tr(template, lang, dearer=_names(project, step.dearer, lang),
                        cheaper=_names(project, step.cheaper, lang), points=points(step.extra_quality, lang),
                        cost=money(step.extra_cost, lang), price=money(step.cost_per_point, lang)))
    return lines


def _dominated_sentences(project: Project, value: ValueForMoney, decimals: int, lang: str) -> list[str]:
    dominated = [o for o in value.scored if not o.efficient]
    if not dominated:
        return []
    if many_options(project):
        return [tr("{count} options are not efficient: for each of them another option is at least as cheap and at"
                   " least as good on quality (the table names it).", lang, count=len(dominated))]
    return [dominated_sentence(project, value, o.option_id, lang) for o in dominated]


def dominated_sentence(project: Project, value: ValueForMoney, option_id: str, lang: str | None = None) -> str:
    """Why an option is not efficient, against the efficient option that beats it: cheaper and better, as good
    for less, or better for the same money."""
    lang = lang or "nl"
    beaten = value.option(option_id)
    by = nearest_dominator(value, option_id)
    if by is None:
        return ""
    winner = value.option(by)
    assert beaten.quality is not None and winner.quality is not None
    names = {"a": _name(project, by, lang), "b": _name(project, option_id, lang)}
    if winner.cost_key == beaten.cost_key:
        return capital(tr("{a} and {b} cost the same, but {a} scores {points} points higher on quality: {b} offers"
                          " nothing extra.", lang, points=points(winner.quality - beaten.quality, lang), **names))
    extra = money(beaten.annual_cost - winner.annual_cost, lang)
    if winner.quality_key == beaten.quality_key:
        return capital(tr("{a} and {b} are equally good on quality ({quality}), but {a} is {cost} a year cheaper: {b}"
                          " offers nothing extra for the money.", lang, cost=extra,
                          quality=_quality(winner, quality_decimals(value), lang), **names))
    return capital(tr("{a} is cheaper and better on quality: {b} offers nothing extra for {cost} a year more ({points}"
                      " points less quality).", lang, cost=extra, points=points(winner.quality - beaten.quality, lang),
                      **names))


# --- what would change it -----------------------------------------------------------------------------------


def pairs_that_matter(project: Project, value: ValueForMoney) -> list[tuple[str, str]]:
    """(cheaper, dearer) pairs the words are about: every step along the frontier and, with a few options, every
    option that is not efficient with the option that beats it."""
    pairs = [(step.cheaper[0], step.dearer[0]) for step in value.steps]
    if not many_options(project):
        for option in value.scored:
            by = nearest_dominator(value, option.option_id) if not option.efficient else None
            if by is not None:
                pairs.append((by, option.option_id))
    return pairs


def what_changes_sentences(project: Project, value: ValueForMoney, costs: list[PairCosts],
                           lang: str | None = None) -> list[str]:
    """For each pair that matters: from which share of the quality weight on one criterion the other option is
    better on quality (the exact crossings of the weight sensitivity), and from which number of inhabitants or
    complaints the cheaper one stops being cheaper (the exact break-even points)."""
    lang = lang or "nl"
    lines = []
    pairs = pairs_that_matter(project, value)
    for cheaper, dearer in pairs[:ALL_POINTS_UP_TO]:  # with many options, the first steps up the frontier
        lines += _quality_turn(project, value, cheaper, dearer, lang)
        pair = next((p for p in costs if {p.first, p.second} == {cheaper, dearer}), None)
        if pair is not None and value.option(cheaper).cost_key < value.option(dearer).cost_key:
            lines += _cost_turns(project, pair, cheaper, dearer, lang)
    return [capital(line) for line in lines]


def _quality_turn(project: Project, value: ValueForMoney, a: str, b: str, lang: str) -> list[str]:
    first, second = value.option(a), value.option(b)
    if first.quality_key == second.quality_key:
        return []
    better, other = (a, b) if first.quality_key > second.quality_key else (b, a)
    best = None
    for criterion_id, line in value.lines.items():  # the crossing nearest to today's share, over every criterion
        flip = pair_flip(line, a, b)
        if flip is not None and (best is None or abs(flip.at - line.current) < best[0]):
            best = (abs(flip.at - line.current), criterion_id, flip, line.current)
    names = {"other": _name(project, other, lang), "better": _name(project, better, lang)}
    if best is None:
        return [tr("No single quality weight makes {other} better on quality than {better}.", lang, **names)]
    _distance, criterion_id, flip, now = best
    template = (N_("{other} becomes better on quality than {better} once {criterion} weighs more than {at} of the"
                   " quality weight (now {now}).") if flip.above == other else
                N_("{other} becomes better on quality than {better} once {criterion} weighs less than {at} of the"
                   " quality weight (now {now})."))
    decimals = distinct_decimals(flip.at * 100.0, now * 100.0)  # never 'less than 40,0 % (now 40,0 %)'
    return [tr(template, lang, criterion=project.criterion(criterion_id).name.get(lang),
               at=format_percent(flip.at, decimals, lang), now=format_percent(now, decimals, lang), **names)]


def _cost_turns(project: Project, pair: PairCosts, cheaper: str, dearer: str, lang: str) -> list[str]:
    """Where the cheaper option stops being cheaper: against inhabitants (at today's complaints) and against
    complaints (at today's population)."""
    town = project.municipality
    names = {"a": _name(project, cheaper, lang), "b": _name(project, dearer, lang),
             "complaints": format_exact(town.complaints_per_year, lang),
             "population": format_exact(town.population, lang)}
    lines = []
    crossing = pair.population_crossing
    if isinstance(crossing, Crossing):
        at = format_number(_ceil(crossing.at), 0, lang)
        if crossing.at > town.population:
            lines.append(tr("At {complaints} complaints a year {a} stays cheaper than {b} up to the break-even point"
                            " at {at} inhabitants; beyond it {b} is cheaper.", lang, at=at, **names))
        else:
            lines.append(tr("At {complaints} complaints a year {a} is cheaper than {b} only above the break-even point"
                            " at {at} inhabitants; below it {b} is cheaper.", lang, at=at, **names))
    elif crossing is None:
        lines.append(tr("At {complaints} complaints a year {a} stays cheaper than {b} at any number of inhabitants.",
                        lang, **names))
    now = town.complaints_per_year
    up = next((c for c in pair.complaint_crossings if c.at >= now and c.kind != "touch"), None)
    down = next((c for c in reversed(pair.complaint_crossings) if c.at < now and c.kind == "cross"), None)
    if up is None and down is None:
        lines.append(tr("With {population} inhabitants {a} stays cheaper than {b} at any number of complaints.", lang,
                        **names))
    elif up is not None and down is not None:
        lines.append(tr("With {population} inhabitants {a} is cheaper than {b} only between {low} and {high}"
                        " complaints a year.", lang, low=_complaints(down.at, lang), high=_complaints(up.at, lang),
                        **names))
    elif up is not None:
        template = (N_("With {population} inhabitants {a} stays cheaper than {b} up to {at} complaints a year; from"
                       " there on both cost the same.") if up.kind == "join" else
                    N_("With {population} inhabitants {a} stays cheaper than {b} up to the break-even point at {at}"
                       " complaints a year; beyond it {b} is cheaper."))
        lines.append(tr(template, lang, at=_complaints(up.at, lang), **names))
    elif down is not None:
        joined = any(abs(o.end - down.at) <= 1e-9 * max(1.0, down.at) for o in pair.complaint_overlaps)
        template = (N_("With {population} inhabitants {a} is cheaper than {b} only above {at} complaints a year;"
                       " below it both cost the same.") if joined else
                    N_("With {population} inhabitants {a} is cheaper than {b} only above the break-even point at {at}"
                       " complaints a year; below it {b} is cheaper."))
        lines.append(tr(template, lang, at=_complaints(down.at, lang), **names))
    return lines


def _ceil(at: float) -> float:
    """A break-even population as the cost chart labels it: the first whole inhabitant at or beyond it."""
    import math

    return float(math.ceil(at - 1e-9 * max(1.0, at)))


# --- the table ----------------------------------------------------------------------------------------------


def value_table(project: Project, value: ValueForMoney, lang: str | None = None) -> Table:
    """Per option, cheapest first: quality, annual cost, per inhabitant, whether it is efficient (or which option
    beats it), and for each step up the frontier the extra cost a year, the extra quality and the price per point;
    options not yet scored last, without a quality."""
    lang = lang or "nl"
    decimals = quality_decimals(value)
    order = {o.option_id: k for k, o in enumerate(value.options)}
    scored = sorted(value.scored, key=lambda o: (o.cost_key, -o.quality_key, order[o.option_id]))
    steps = {i: step for step in value.steps for i in step.dearer}
    rows: list[tuple[str, ...]] = []
    keys: list[str] = []
    strong: set[int] = set()
    for option in scored:
        step = steps.get(option.option_id)
        if option.efficient:
            status = tr("yes", lang)
            strong.add(len(rows))
        else:
            by = nearest_dominator(value, option.option_id)
            status = tr("no — beaten by {name}", lang, name=project.option(by).name.get(lang) if by else "—")
        rows.append((project.option(option.option_id).name.get(lang), _quality(option, decimals, lang),
                     format_money(option.annual_cost, lang), format_money(option.cost_per_inhabitant, lang, 4), status,
                     money(step.extra_cost, lang) if step else "—", points(step.extra_quality, lang) if step else "—",
                     money(step.cost_per_point, lang) if step else "—"))
        keys.append(option.option_id)
    muted: set[int] = set()
    for option in value.unscored:
        muted.add(len(rows))
        rows.append((project.option(option.option_id).name.get(lang), tr("not scored", lang),
                     format_money(option.annual_cost, lang), format_money(option.cost_per_inhabitant, lang, 4), "—",
                     "—", "—", "—"))
        keys.append(option.option_id)
    return Table((tr("Option", lang), tr("Quality (0–100)", lang), tr("Annual cost", lang), tr("Per inhabitant", lang),
                  tr("Efficient", lang), tr("Extra cost a year", lang), tr("Extra quality (points)", lang),
                  tr("Per extra point, a year", lang)), tuple(rows), frozenset({1, 2, 3, 5, 6, 7}), tuple(keys),
                 frozenset(strong), frozenset(muted))


def sets_value_table(project: Project, results: tuple[tuple[str, ValueForMoney | Message], ...],
                     lang: str | None = None) -> Table:
    """Who chooses what, for value for money: per weight set each option's quality, the efficient options from
    cheap to dear, and what each step up costs per quality point (the costs are the same under every set)."""
    lang = lang or "nl"
    rows, keys = [], []
    for set_id, result in results:
        name = project.weight_set(set_id).name
        if isinstance(result, Message):  # why is said once, below the table (sets_value_sentences)
            rows.append((name, *("—" for _ in project.options), "—", "—"))
        else:
            decimals = quality_decimals(result)
            qualities = [_quality(result.option(o.id), decimals, lang) if result.option(o.id).scored
                         else tr("not scored", lang) for o in project.options]
            efficient = tr(" → ", lang).join(", ".join(project.option(i).name.get(lang) for i in point)
                                             for point in result.frontier)
            prices = "; ".join(money(step.cost_per_point, lang) for step in result.steps) or "—"
            rows.append((name, *qualities, efficient, prices))
        keys.append(set_id)
    return Table((tr("Weight set", lang), *(tr("Quality: {option}", lang, option=o.name.get(lang))
                                            for o in project.options),
                  tr("Efficient, from cheap to dear", lang), tr("Per extra point, a year", lang)), tuple(rows),
                 frozenset(range(1, len(project.options) + 1)) | {len(project.options) + 2}, tuple(keys))


def sets_value_sentences(project: Project, results: tuple[tuple[str, ValueForMoney | Message], ...],
                         lang: str | None = None) -> list[str]:
    """Per weight set, in a line: its name and what value for money comes to under its weights."""
    lang = lang or "nl"
    usable = [r for _i, r in results if isinstance(r, ValueForMoney)]
    if len(usable) > 1 and len(usable) == len(results) and all(_same_shares(usable[0], r) for r in usable[1:]):
        return [tr("Every weight set weighs the qualities in the same proportions, so the sets agree on quality and on"
                   " value for money; they differ only in how much the costs count.", lang)]
    reasons = {r.render(lang) for _i, r in results if isinstance(r, Message)}
    if len(reasons) == 1 and not usable:
        return [tr("Under no weight set: {reason}", lang, reason=full_sentence(reasons.pop()))]
    lines = []
    for set_id, result in results:
        name = project.weight_set(set_id).name
        said = result.render(lang) if isinstance(result, Message) else " ".join(value_sentences(project, result, lang))
        lines.append(tr("{set}: {words}", lang, set=name, words=capital(said)))
    return lines


def _same_shares(a: ValueForMoney, b: ValueForMoney) -> bool:
    """Two weightings that give every quality criterion the same share of the quality weight."""
    keys = set(a.shares) | set(b.shares)
    return all(abs(a.shares.get(k, 0.0) - b.shares.get(k, 0.0)) <= 1e-12 for k in keys)
