"""Every human-readable table, built once as headers and rows; the command line, the window, the report
and the workbook only render them (Qt-free)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..core.costs import MultiYear
from ..core.model import Project, Source
from ..core.robustness import RankFrequencies
from ..core.scoring import Evaluation, rounded_percentages
from ..core.sensitivity import WeightSensitivity, first_place_flips
from ..i18n import N_, tr
from ..i18n.numbers import format_money, format_number, format_percent
from .values import kind_name, many_options, raw_text, shown_shares, source_text, totals_decimals, value_function_text


@dataclass(frozen=True)
class Table:
    """Headers and rows of text; `right` columns hold figures, `keys` name each row, `strong` rows stand out."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()
    keys: tuple[str, ...] = ()
    strong: frozenset[int] = field(default_factory=frozenset)
    muted: frozenset[int] = field(default_factory=frozenset)  # rows that do not count (e.g. not ranked yet)

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]

    def without(self, index: int) -> Table:
        """The same table without one column (a page too narrow for all of them, the column said elsewhere)."""
        return replace(self, headers=self.headers[:index] + self.headers[index + 1:],
                       rows=tuple(row[:index] + row[index + 1:] for row in self.rows),
                       right=frozenset(c - (c > index) for c in self.right if c != index))


def rank_text(rank: int, tied: bool) -> str:
    return f"{rank}=" if tied else str(rank)


def ranking_table(project: Project, evaluation: Evaluation, lang: str) -> Table:
    """Rank, option, score, annual cost and cost per inhabitant, best first; options not yet fully
    scored follow without a rank or score."""
    ranking = evaluation.ranking()
    decimals = totals_decimals([r.total for r in ranking])
    rows = [(rank_text(r.rank, r.tied), project.option(r.option_id).name.get(lang),
             format_number(r.total, decimals, lang), format_money(r.annual_cost, lang),
             format_money(r.cost_per_inhabitant, lang, 4)) for r in ranking]
    rows += [("—", project.option(i.option_id).name.get(lang), tr("not scored", lang),
              format_money(i.annual_cost, lang), format_money(i.cost_per_inhabitant, lang, 4))
             for i in evaluation.incomplete]
    return Table((tr("Rank", lang), tr("Option", lang), tr("Score", lang), tr("Annual cost", lang),
                  tr("Per inhabitant", lang)), tuple(rows), frozenset({0, 2, 3, 4}),
                 tuple(r.option_id for r in ranking) + tuple(i.option_id for i in evaluation.incomplete),
                 frozenset(i for i, r in enumerate(ranking) if r.rank == 1),
                 frozenset(range(len(ranking), len(rows))))


def weights_table(project: Project, evaluation: Evaluation, lang: str) -> Table:
    """Every criterion with its share of the weight (rounded so that the shown shares add up to 100)."""
    shown = shown_shares(evaluation)
    rows = tuple((c.name.get(lang), format_percent(shown[c.id] / 100.0, 1, lang) if c.id in shown else tr("off", lang))
                 for c in project.criteria)
    return Table((tr("Criterion", lang), tr("Weight", lang)), rows, frozenset({1}),
                 tuple(c.id for c in project.criteria))


def explanation_table(project: Project, evaluation: Evaluation, option_id: str, lang: str) -> Table:
    """How one option's total comes about: raw value → 0–100 → weight → contribution, then the total."""
    result = evaluation.result(option_id)
    shown = shown_shares(evaluation)
    rows = [(project.criterion(c.criterion_id).name.get(lang), raw_text(project, c.criterion_id, c.raw, lang),
             format_number(c.value, 1, lang), format_percent(shown[c.criterion_id] / 100.0, 1, lang),
             format_number(c.contribution, 2, lang)) for c in result.cells]
    rows.append((tr("Total", lang), "", "", "", format_number(result.total, 2, lang)))
    return Table((tr("Criterion", lang), tr("Raw value", lang), tr("0–100", lang), tr("Weight", lang),
                  tr("Contribution", lang)), tuple(rows), frozenset({2, 3, 4}),
                 tuple(c.criterion_id for c in result.cells) + ("",), frozenset({len(rows) - 1}))


def intervals_table(project: Project, sensitivity: WeightSensitivity, lang: str) -> Table:
    """Per criterion: its weight, the range in which first place stays, the flips, and the margin."""
    rows = []
    shown = rounded_percentages({i.criterion_id: i.current for i in sensitivity.intervals.values()}, 1)
    many = many_options(project)
    for criterion_id, interval in sensitivity.intervals.items():
        line = sensitivity.lines[criterion_id]
        flips = first_place_flips(line) if many else sensitivity.flips[criterion_id]
        rows.append((
            project.criterion(criterion_id).name.get(lang),
            format_percent(shown[criterion_id] / 100.0, 1, lang),
            f"{format_percent(interval.low, 1, lang)} – {format_percent(interval.high, 1, lang)}",
            ", ".join(format_percent(f.at, 1, lang) for f in flips) or "—",
            format_number(interval.margin * 100.0, 1, lang) if interval.margin != float("inf") else "—",
        ))
    return Table((tr("Criterion", lang), tr("Weight", lang), tr("First place unchanged", lang),
                  tr("First place changes at", lang) if many else tr("Ranking changes at", lang),
                  tr("Margin (points)", lang)), tuple(rows),
                 frozenset({1, 4}), tuple(sensitivity.intervals))


def multi_year_table(project: Project, years: MultiYear, lang: str) -> Table:
    rows = tuple((o.name.get(lang), *(format_money(c, lang) for c in years.costs[o.id]),
                  format_money(years.total(o.id), lang)) for o in project.options)
    return Table((tr("Option", lang), *(str(y) for y in years.years), tr("Total", lang)), rows,
                 frozenset(range(1, len(years.years) + 2)), tuple(o.id for o in project.options))


def frequencies_table(project: Project, frequencies: RankFrequencies, lang: str) -> Table:
    n = len(frequencies.option_ids)
    rows = tuple((project.option(option_id).name.get(lang),
                  *(format_percent(float(frequencies.shares[i, k]), 1, lang) for k in range(n)))
                 for i, option_id in enumerate(frequencies.option_ids))
    return Table((tr("Option", lang), *(tr("rank {rank}", lang, rank=k + 1) for k in range(n))), rows,
                 frozenset(range(1, n + 1)), frequencies.option_ids)


def scores_table(project: Project, option_id: str, lang: str) -> Table:
    """One option's scores with their justification (and the quoted words) and source; a criterion not judged
    yet says so, and one that is switched off says that it does not count."""
    rows, keys = [], []
    for criterion in project.criteria:
        if criterion.kind.computed:
            continue
        score = project.score(option_id, criterion.id)
        name = criterion.name.get(lang)
        if not criterion.enabled:
            name += "\n" + tr("(switched off: does not count)", lang)
        if score is None:
            rows.append((name, tr("not judged yet", lang), "", ""))
        else:
            quote = f"\n“{score.source.quote}”" if score.source.quote else ""
            rows.append((name, raw_text(project, criterion.id, score.value, lang), score.justification + quote,
                         source_text(score.source)))
        keys.append(criterion.id)
    return Table((tr("Criterion", lang), tr("Score", lang), tr("Justification", lang), tr("Source", lang)),
                 tuple(rows), frozenset(), tuple(keys))


def criteria_table(project: Project, evaluation: Evaluation, lang: str) -> Table:
    """Every criterion: its kind, how its raw value becomes 0–100, its weight (or off) and description."""
    shown = shown_shares(evaluation)
    rows = tuple((c.name.get(lang), kind_name(c.kind, lang), value_function_text(c, lang),
                  format_percent(shown[c.id] / 100.0, 1, lang) if c.id in shown else tr("off: does not count", lang),
                  c.description.get(lang)) for c in project.criteria)
    return Table((tr("Criterion", lang), tr("Kind", lang), tr("Value function", lang), tr("Weight", lang),
                  tr("Description", lang)), rows, frozenset({3}), tuple(c.id for c in project.criteria))


def comparison_table(project: Project, evaluation: Evaluation, lang: str,
                     cite: Callable[[Source], str] | None = None) -> Table:
    """'Een vergelijk' as the memo has it: the options as columns, the annual cost and cost per inhabitant, then
    every criterion as a row with its weight and, per option, the score's label and its justification in words
    (or the computed value and how it came about), then each option's total and rank. `cite` turns a source into
    a reference to a numbered list (' [1]'); without it, none are written."""
    from ..core.scoring import raw_value
    from ..core.tariff import annual_cost
    from .values import how_computed

    town = project.municipality
    shown = shown_shares(evaluation)
    options = project.options
    costs = {o.id: annual_cost(o.tariff, town.population, town.complaints_per_year) for o in options}
    rows: list[tuple[str, ...]] = [
        (tr("Annual cost", lang), "", *(format_money(costs[o.id], lang) for o in options)),
        (tr("Cost per inhabitant", lang), "", *(format_money(costs[o.id] / town.population, lang, 4)
                                               for o in options)),
    ]
    keys = ["annual_cost", "cost_per_inhabitant"]
    for criterion in project.criteria:
        weight = (format_percent(shown[criterion.id] / 100.0, 1, lang) if criterion.id in shown
                  else tr("off: does not count", lang))
        cells = []
        for option in options:
            if criterion.kind.computed:
                raw = raw_value(project, option, criterion)
                cells.append(raw_text(project, criterion.id, raw, lang) + "\n"
                             + how_computed(project, option, criterion, lang))
                continue
            score = project.score(option.id, criterion.id)
            if score is None:
                cells.append(tr("not judged yet", lang))
                continue
            lines = [raw_text(project, criterion.id, score.value, lang)]
            if score.justification:
                lines.append(score.justification)
            reference = cite(score.source) if cite is not None else ""
            if score.source.quote:
                lines.append(f"“{score.source.quote}”{reference}")
            elif reference:
                lines[-1] += reference
            cells.append("\n".join(lines))
        rows.append((criterion.name.get(lang), weight, *cells))
        keys.append(criterion.id)
    decimals = totals_decimals([r.total for r in evaluation.results])
    ranked = {r.option_id: r for r in evaluation.results}
    rows.append((tr("Total score (0–100)", lang), format_percent(1.0, 1, lang),
                 *(format_number(ranked[o.id].total, decimals, lang) if o.id in ranked else tr("not scored", lang)
                   for o in options)))
    rows.append((tr("Rank", lang), "", *(rank_text(ranked[o.id].rank, ranked[o.id].tied) if o.id in ranked else "—"
                                         for o in options)))
    keys += ["total", "rank"]
    return Table((tr("Criterion", lang), tr("Weight", lang), *(o.name.get(lang) for o in options)), tuple(rows),
                 frozenset({1}), tuple(keys), frozenset({len(rows) - 2, len(rows) - 1}))


def tariff_table(project: Project, lang: str) -> Table:
    """The tariffs with the options as columns, as in the memo's table, every part with all its decimals, and the
    annual cost they give this municipality."""
    from ..core.tariff import annual_cost
    from .values import exact_money

    town = project.municipality
    options = project.options
    rows = []
    for label, key in ((N_("Fixed a year"), "fixed"), (N_("Per inhabitant"), "per_inhabitant"),
                       (N_("Per complaint"), "per_complaint"), (N_("Complaints included"), "included_complaints"),
                       (N_("Surcharge per extra complaint"), "surcharge"),
                       (N_("Indexation a year"), "indexation_percent")):
        cells = []
        for option in options:
            value = getattr(option.tariff, key)
            if key == "included_complaints":
                cells.append(format_number(value, 0, lang))
            elif key == "indexation_percent":
                cells.append(format_percent(value / 100.0, 1, lang))
            else:
                cells.append(exact_money(value, lang))
        rows.append((tr(label, lang), *cells))
    rows.append((tr("Annual cost", lang), *(format_money(annual_cost(o.tariff, town.population,
                                                                     town.complaints_per_year), lang)
                                            for o in options)))
    return Table(("", *(o.name.get(lang) for o in options)), tuple(rows), frozenset(range(1, len(options) + 1)),
                 ("fixed", "per_inhabitant", "per_complaint", "included_complaints", "surcharge",
                  "indexation_percent", "annual_cost"), frozenset({len(rows) - 1}))
