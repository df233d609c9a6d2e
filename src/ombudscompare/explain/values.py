"""Words and figures for people: raw values, how they were computed, kind names, the conclusion (Qt-free)."""

from __future__ import annotations

from ..core.kinds import RULES
from ..core.model import Criterion, CriterionKind, Direction, Option, Project, Source
from ..core.scoring import TIE_DECIMALS, Evaluation, rounded_percentages, tie_key
from ..i18n import tr
from ..i18n.numbers import decimals_of, format_exact, format_money, format_number
from .sentences import capital

DIRECTION_NAMES = {Direction.LOWER: "lower is better", Direction.HIGHER: "higher is better"}
ALL_POINTS_UP_TO = 5  # options; with more, charts and tables mark only the points where first place changes hands


def many_options(project: Project) -> bool:
    """With this many options every pair's crossing would bury a chart in labels (50 options: 1,225 pairs), so
    only the changes of first place (the cheapest option, the leader) are marked, and the chart says so."""
    return len(project.options) > ALL_POINTS_UP_TO


def kind_name(kind: CriterionKind, lang: str | None = None) -> str:
    return tr(RULES[kind].name, lang)


def direction_name(direction: Direction, lang: str | None = None) -> str:
    return tr(DIRECTION_NAMES[direction], lang)


def amount_text(criterion: Criterion, amount: float, lang: str | None = None) -> str:
    """A level or raw value of a numeric criterion in its unit: money for cost kinds."""
    money = RULES[criterion.kind].money
    if money is not None:
        return format_money(amount, lang, decimals=money)
    number = format_number(amount, 0 if float(amount).is_integer() else 2, lang)
    return f"{number} {criterion.unit}".rstrip()


def raw_text(project: Project, criterion_id: str, raw: float, lang: str | None = None) -> str:
    """A raw criterion value as a reader expects it: money, a scale label, or a number with its unit."""
    criterion = project.criterion(criterion_id)
    if criterion.kind.scale:
        return criterion.scale_label(int(raw), lang or "nl")
    return amount_text(criterion, raw, lang)


def how_computed(project: Project, option: Option, criterion: Criterion, lang: str | None = None) -> str:
    """One line on where a computed value comes from, e.g. '€ 31.191,17 ÷ 159.717 inhabitants'."""
    how = HOW_COMPUTED.get(criterion.kind)
    return how(project, option, lang) if how is not None else ""


def _per_inhabitant_how(project: Project, option: Option, lang: str | None) -> str:
    from ..core.tariff import annual_cost

    town = project.municipality
    cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
    return tr("annual cost {cost} ÷ {population} inhabitants", lang, cost=format_money(cost, lang),
              population=format_number(town.population, 0, lang))


def _extra_complaint_how(project: Project, option: Option, lang: str | None) -> str:
    tariff = option.tariff
    return tr("{per_complaint} per complaint + {surcharge} surcharge above {included} complaints", lang,
              per_complaint=format_money(tariff.per_complaint, lang), surcharge=format_money(tariff.surcharge, lang),
              included=format_number(tariff.included_complaints, 0, lang))


def annual_cost_formula(project: Project, option: Option, lang: str | None = None) -> str:
    """The tariff formula with this municipality's numbers filled in."""
    town = project.municipality
    t = option.tariff
    extra = max(0.0, town.complaints_per_year - t.included_complaints)
    return tr(
        "{fixed} + {per_inhabitant} × {population} inhabitants + {per_complaint} × {complaints} complaints"
        " + {surcharge} × {extra} extra complaints",
        lang,
        fixed=exact_money(t.fixed, lang),
        per_inhabitant=exact_money(t.per_inhabitant, lang),
        population=format_number(town.population, 0, lang),
        per_complaint=exact_money(t.per_complaint, lang),
        complaints=exact_number(town.complaints_per_year, lang),
        surcharge=exact_money(t.surcharge, lang),
        extra=exact_number(extra, lang),
    )


# how each computed kind's value comes about, in words (core/kinds.py lists the kinds; a test checks every
# computed kind has its words here)
HOW_COMPUTED = {
    CriterionKind.COST_PER_INHABITANT: _per_inhabitant_how,
    CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT: _extra_complaint_how,
    CriterionKind.ANNUAL_COST: annual_cost_formula,
}


def exact_money(value: float, lang: str | None = None) -> str:
    """An amount with every decimal it has (at least 2, at most 8): the worked example computes with what it
    shows, so '€ 0,19529023 × 159.717' is the annual cost beside it, not a rounded rate's product."""
    return format_money(value, lang, decimals_of(value, 2, 8))


def exact_number(value: float, lang: str | None = None) -> str:
    """A count with its decimals when it has them (93, but 92,5 complaints)."""
    return format_exact(value, lang)


def shown_shares(evaluation: Evaluation) -> dict[str, float]:
    """Every switched-on criterion's weight in percent, rounded once for every table (adding up to 100)."""
    return rounded_percentages(evaluation.shares, 1)


def totals_decimals(totals: list[float]) -> int:
    """Decimals to show totals with so that two totals that differ never read the same (1, or more when
    needed); tied totals (equal to TIE_DECIMALS) may read the same."""
    ordered = sorted(totals, reverse=True)
    decimals = 1
    for higher, lower in zip(ordered, ordered[1:]):
        if tie_key(higher) != tie_key(lower):
            decimals = max(decimals, distinct_decimals(higher, lower, most=TIE_DECIMALS))
    return decimals


def value_function_text(criterion: Criterion, lang: str | None = None) -> str:
    """How the raw value becomes 0–100, in words."""
    if criterion.kind.scale:
        if criterion.direction is Direction.LOWER:
            return tr("(5 − score) ÷ 4 × 100", lang)
        return tr("(score − 1) ÷ 4 × 100", lang)
    best, worst = criterion.reference_levels()
    return tr("linear: {best} counts 100, {worst} counts 0", lang, best=amount_text(criterion, best, lang),
              worst=amount_text(criterion, worst, lang))


def display_title(project: Project, lang: str | None = None) -> str:
    """The project's title in the language shown, or a plain description when it has none."""
    return project.title.get(lang or "nl") if project.title else tr("Comparison of the external complaint body", lang)


def conclusion(project: Project, evaluation: Evaluation, lang: str | None = None) -> str:
    """One sentence on who ranks first, with the margin or the tie; and which options are not ranked yet."""
    sentence = capital(_first_place(project, evaluation, lang))
    if evaluation.incomplete:
        names = ", ".join(project.option(i.option_id).sentence_name(lang or "nl") for i in evaluation.incomplete)
        sentence += " " + tr("Not ranked yet, because not every score has been given: {names}.", lang, names=names)
    return sentence


def _first_place(project: Project, evaluation: Evaluation, lang: str | None = None) -> str:
    ranking = evaluation.ranking()
    first = ranking[0]
    name = project.option(first.option_id).sentence_name(lang or "nl")
    if len(ranking) == 1:
        if evaluation.incomplete:
            return tr("{name} is the only option ranked so far ({total}).", lang, name=name,
                      total=format_number(first.total, 1, lang))
        return tr("{name} is the only option ({total}).", lang, name=name, total=format_number(first.total, 1, lang))
    leaders = [r for r in ranking if r.rank == 1]
    if len(leaders) > 1:
        names = ", ".join(project.option(r.option_id).sentence_name(lang or "nl") for r in leaders)
        return tr("Tie for first place: {names} ({total}).", lang, names=names,
                  total=format_number(first.total, 1, lang))
    second = ranking[1]
    decimals = distinct_decimals(first.total, second.total, most=TIE_DECIMALS)
    return tr(
        "{name} ranks first with {total}, ahead of {other} with {other_total}.",
        lang,
        name=name,
        total=format_number(first.total, decimals, lang),
        other=project.option(second.option_id).sentence_name(lang or "nl"),
        other_total=format_number(second.total, decimals, lang),
    )


def distinct_decimals(a: float, b: float, fewest: int = 1, most: int = TIE_DECIMALS) -> int:
    """The fewest decimals (from `fewest`) at which two different figures no longer look the same, so that
    '60,5 ahead of 60,5' becomes '60,52 ahead of 60,49'. The workbook's conclusion formula uses the same rule."""
    for decimals in range(fewest, most):
        if round(a, decimals) != round(b, decimals):
            return decimals
    return most


def beyond_text(criterion: Criterion, raw: float, lang: str | None = None) -> str:
    """Why a value counts as 0 or 100 whatever its size, and what to do about it; '' within the levels."""
    from ..core.scoring import beyond_levels

    side = beyond_levels(criterion, raw)
    if side == 0:
        return ""
    best, worst = criterion.reference_levels()
    if side < 0:
        return tr("{value} is worse than the worst level ({level}), so it counts 0 — as would any worse value."
                  " Widen the levels on the Criteria tab if the difference should count.", lang,
                  value=amount_text(criterion, raw, lang), level=amount_text(criterion, worst, lang))
    return tr("{value} is better than the best level ({level}), so it counts 100 — as would any better value."
              " Widen the levels on the Criteria tab if the difference should count.", lang,
              value=amount_text(criterion, raw, lang), level=amount_text(criterion, best, lang))


def missing_text(project: Project, evaluation: Evaluation, option_id: str, lang: str | None = None) -> str:
    """Why an option is not ranked: '… is not ranked yet: no score yet on Independence, Awareness.'"""
    for item in evaluation.incomplete:
        if item.option_id == option_id:
            names = ", ".join(project.criterion(c).name.get(lang or "nl") for c in item.missing)
            return capital(tr("{name} is not ranked yet: no score yet on {criteria}.", lang,
                              name=project.option(option_id).sentence_name(lang or "nl"), criteria=names))
    return ""


def source_text(source: Source) -> str:
    """A source cited in one line: 'title, date, location'."""
    return ", ".join(part for part in (source.title, source.date, source.location) if part)
