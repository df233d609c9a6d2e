"""Who chooses what, and how sure: the weight sets and the uncertainty in tables and sentences (Qt-free).

The window's "Who chooses what" tab, its slide, the PDF report, the workbook and `ombudscompare sets` all
use these, so every place says the same thing in the same words.
"""

from __future__ import annotations

import numpy as np

from ..core.model import Project, WeightSet
from ..core.robustness import RankFrequencies
from ..core.uncertainty import Uncertainty, range_name
from ..core.weightsets import SetResult, SetsComparison, consensus_words, roc_weights, swing_outdated
from ..i18n import N_, tr
from ..i18n.numbers import format_exact, format_number, format_percent
from .charts import GROUP_THICKNESS, SCORE_TICKS, BarChartData, end_label
from .sentences import _name, capital
from .tables import Table, rank_text
from .values import totals_decimals

WINNER_MARK = "★"


def _names(project: Project, ids: tuple[str, ...], lang: str | None) -> str:
    names = [project.option(i).sentence_name(lang or "nl") for i in ids]
    return tr(" and ", lang).join(names) if len(names) <= 2 else ", ".join(names)


def margin_text(project: Project, result: SetResult, lang: str | None = None) -> str:
    """'14.6 pp on Local involvement' (who then leads is in the JSON and the report's sentence), or '—' when no
    single weight changes the winner."""
    if result.margin_criterion is None or result.rival is None:
        return "—"
    return tr("{points} pp on {criterion}", lang, points=format_number(result.margin * 100.0, 1, lang),
              criterion=project.criterion(result.margin_criterion).name.get(lang or "nl"))


def sets_table(project: Project, comparison: SetsComparison, lang: str | None = None) -> Table:
    """Sets × options: each cell the total and rank, the winner marked ★; the compromise last."""
    options = list(project.options)
    decimals = totals_decimals([r.total for s in comparison.results for r in s.evaluation.results])
    rows = []
    for result in (*comparison.results, comparison.compromise):
        cells = []
        for option in options:
            total, rank = result.total(option.id), result.rank(option.id)
            if total is None or rank is None:
                cells.append("—")
                continue
            tied = sum(1 for r in result.evaluation.results if r.rank == rank) > 1
            mark = f" {WINNER_MARK}" if rank == 1 else ""
            cells.append(f"{format_number(total, decimals, lang)} ({rank_text(rank, tied)}){mark}")
        name = result.name if result is not comparison.compromise else tr("Compromise (mean of the sets)", lang)
        rows.append((name, *cells, margin_text(project, result, lang)))
    for set_id, problem in comparison.unusable:  # last, so a sort of the sets never mixes them in
        rows.insert(len(rows) - 1, (project.weight_set(set_id).name, *("—" for _ in options), problem.render(lang)))
    return Table((tr("Weight set", lang), *(o.name.get(lang or "nl") for o in options),
                  tr("Winner's margin", lang)), tuple(rows),
                 frozenset(range(1, len(options) + 1)),
                 tuple(r.set_id for r in comparison.results) + tuple(i for i, _p in comparison.unusable)
                 + ("compromise",))  # bold in the window: the set in force


def shares_table(project: Project, comparison: SetsComparison, lang: str | None = None) -> Table:
    """Each set's weights as shares of the switched-on criteria (rounded to add up to 100 %)."""
    from ..core.scoring import rounded_percentages

    rows = []
    for result in (*comparison.results, comparison.compromise):
        shown = rounded_percentages(result.shares, 1)
        name = result.name if result is not comparison.compromise else tr("Compromise (mean of the sets)", lang)
        rows.append((name, *(format_percent(shown.get(c, 0.0) / 100.0, 1, lang) for c in comparison.criteria)))
    return Table((tr("Weight set", lang), *(project.criterion(c).name.get(lang or "nl") for c in comparison.criteria)),
                 tuple(rows), frozenset(range(1, len(comparison.criteria) + 1)))


def shares_by_criterion_table(project: Project, comparison: SetsComparison, lang: str | None = None) -> Table:
    """The same shares with the criteria as rows and the sets as columns: for a page, where a column per criterion
    would break long criterion names mid-word."""
    wide = shares_table(project, comparison, lang)
    rows = tuple((wide.headers[k], *(row[k] for row in wide.rows)) for k in range(1, len(wide.headers)))
    return Table((tr("Criterion", lang), *(row[0] for row in wide.rows)), rows,
                 frozenset(range(1, len(wide.rows) + 1)), tuple(comparison.criteria))


def consensus_sentence(project: Project, comparison: SetsComparison, lang: str | None = None) -> str:
    agree = tr("The weight sets are {share} alike ({words}).", lang,
               share=format_percent(comparison.consensus, 0, lang), words=tr(consensus_words(comparison.consensus),
                                                                             lang))
    winners = {r.winners for r in comparison.results}
    if len(winners) == 1:
        choice = tr("Every set puts {name} first.", lang, name=_names(project, next(iter(winners)), lang))
    else:
        parts = []
        for result in comparison.results:
            parts.append(tr("{set}: {name}", lang, set=result.name, name=_names(project, result.winners, lang)))
        choice = tr("The sets differ on the winner — {choices}.", lang, choices="; ".join(parts))
    return f"{agree} {choice}"


def compromise_sentence(project: Project, comparison: SetsComparison, lang: str | None = None) -> str:
    compromise = comparison.compromise
    winner = compromise.winners[0]
    total = compromise.total(winner) or 0.0
    text = tr("With the mean of the sets' weights, {name} comes first with {total}.", lang,
              name=_name(project, winner, lang), total=format_number(total, 1, lang))
    if comparison.maximin_option is not None:
        text += " " + tr("No set gives {name} less than {total}: the highest lowest total of any option.", lang,
                         name=_name(project, comparison.maximin_option, lang),
                         total=format_number(comparison.maximin_total, 1, lang))
    return capital(text)


def order_sentence(project: Project, order: list[str], frequencies: RankFrequencies, lang: str | None = None) -> str:
    names = tr(" > ", lang).join(project.criterion(c).name.get(lang or "nl") for c in order)
    best = max(range(len(frequencies.option_ids)), key=lambda i: frequencies.shares[i, 0])
    return tr("Over every weighting with {order} ({samples} weightings), {name} ranks first in {share} of cases.",
              lang, order=names, samples=format_number(frequencies.samples, 0, lang),
              name=_name(project, frequencies.option_ids[best], lang),
              share=format_percent(float(frequencies.shares[best, 0]), 1, lang))


def roc_table(project: Project, order: list[str], lang: str | None = None) -> Table:
    weights = roc_weights(order)
    return Table((tr("Place", lang), tr("Criterion", lang), tr("Weight (rank-order centroid)", lang)),
                 tuple((str(i + 1), project.criterion(c).name.get(lang or "nl"),
                        format_percent(weights[c] / 100.0, 1, lang)) for i, c in enumerate(order)),
                 frozenset({0, 2}))


def uncertainty_sentences(project: Project, result: Uncertainty, lang: str | None = None) -> list[str]:
    """How sure: who ranks first how often with inputs and weights drawn together, and per pair how often
    one costs less than the other."""
    frequencies = result.frequencies
    best = max(range(len(frequencies.option_ids)), key=lambda i: frequencies.shares[i, 0])
    samples = format_number(frequencies.samples, 0, lang)
    template = (N_("With one uncertain input and the weights drawn together ({samples} draws), {name} ranks first in"
                   " {share} of cases.") if result.ranges == 1 else
                N_("With {ranges} uncertain inputs and the weights drawn together ({samples} draws), {name} ranks"
                   " first in {share} of cases."))
    lines = [tr(template, lang, ranges=result.ranges, samples=samples,
                name=_name(project, frequencies.option_ids[best], lang),
                share=format_percent(float(frequencies.shares[best, 0]), 1, lang))]
    ids = result.option_ids
    for i, first in enumerate(ids):
        for second in ids[i + 1:]:
            share = result.cheaper_share(first, second)
            other = result.cheaper_share(second, first)
            cheaper, dearer, p = (first, second, share) if share >= other else (second, first, other)
            lines.append(capital(tr("{name} costs less than {other} in {share} of cases.", lang,
                                    name=_name(project, cheaper, lang), other=_name(project, dearer, lang),
                                    share=format_percent(p, 0, lang))))
    return lines


def ranges_table(project: Project, lang: str | None = None) -> Table:
    rows = tuple((capital(range_name(project, r).render(lang)), format_exact(r.low, lang, 8),
                  format_exact(r.likely, lang, 8) if r.likely is not None else "—",
                  format_exact(r.high, lang, 8)) for r in project.ranges)
    return Table((tr("Uncertain input", lang), tr("Low", lang), tr("Most likely", lang), tr("High", lang)), rows,
                 frozenset({1, 2, 3}))


def sets_chart(project: Project, comparison: SetsComparison, lang: str) -> BarChartData:
    """Every set (and the compromise) as a group of bars, one per option's total; the winner named."""
    groups = (*comparison.results, comparison.compromise)
    options = [o.id for o in project.options if all(g.total(o.id) is not None for g in groups)]
    n, m = len(options), len(groups)
    totals = np.array([[g.total(o) or 0.0 for g in groups] for o in options]).reshape(n, m)
    thickness = GROUP_THICKNESS / max(1, n)
    centres = np.arange(m - 1, -1, -1, dtype=float)
    offsets = (n - 1) / 2.0 * thickness - np.arange(n) * thickness
    y = (centres[None, :] + offsets[:, None])
    decimals = totals_decimals(totals.ravel().tolist())
    names = []
    for centre, group in zip(centres.tolist(), groups):
        title = group.name if group is not comparison.compromise else tr("Compromise (mean of the sets)", lang)
        winner = ", ".join(project.option(w).name.get(lang) for w in group.winners)
        names.append((centre + GROUP_THICKNESS / 2 + 0.02, tr("{set} — first: {name}", lang, set=title,
                                                               name=winner)))
    values = tuple(end_label(float(totals[i, j]), float(y[i, j]), format_number(float(totals[i, j]), decimals, lang))
                   for i in range(n) for j in range(m))
    return BarChartData(
        title=tr("Who chooses what", lang),
        axis_label=tr("Total score (0–100)", lang),
        legend=tuple(project.option(o).name.get(lang) for o in options),
        x0=np.zeros(n * m), y=y.ravel(), width=totals.ravel(), thickness=thickness * 0.9,
        series=np.repeat(np.arange(n), m), names=tuple(names), name_room=1.0 - GROUP_THICKNESS - 0.04,
        values=values, x_range=(0.0, 100.0), y_range=(-0.4, m - 0.15), x_ticks=SCORE_TICKS,
        facts={"sets": [g.set_id for g in groups], "options": options, "totals": totals},
        table=sets_table(project, comparison, lang),
        description=consensus_sentence(project, comparison, lang) + " " + compromise_sentence(project, comparison,
                                                                                             lang),
    )


def swing_text(project: Project, criterion_id: str, lang: str | None = None) -> str:
    """The swing a question is about, in words: 'from € 0.5000 to € 0.0000 per inhabitant', 'from 1 – very
    weak to 5 – very good'."""
    from ..core.kinds import RULES
    from .values import amount_text, exact_money

    criterion = project.criterion(criterion_id)
    rule = RULES[criterion.kind]
    best, worst = criterion.reference_levels()
    if rule.scale:
        return tr("from {worst} to {best}", lang, worst=criterion.scale_label(int(worst), lang or "nl"),
                  best=criterion.scale_label(int(best), lang or "nl"))

    def amount(level: float) -> str:  # money as exact as the level is ('€ 0,50', not '€ 0,5000')
        return exact_money(level, lang) if rule.money is not None else amount_text(criterion, level, lang)

    return tr(rule.swing, lang, swing=tr("from {worst} to {best}", lang, worst=amount(worst), best=amount(best)))


def swing_table(project: Project, weight_set: WeightSet, lang: str | None = None) -> Table:
    """How a set was made by swings: each swing in words, its points and the weight that follows."""
    answers = weight_set.swing
    if answers is None:
        return Table((), ())
    total = sum(answers.points.values()) or 1.0
    rows = []
    for criterion_id, points in sorted(answers.points.items(), key=lambda item: -item[1]):
        try:
            name = project.criterion(criterion_id).name.get(lang or "nl")
            swing = swing_text(project, criterion_id, lang)
        except KeyError:
            continue
        rows.append((name, swing, format_number(points, 0 if float(points).is_integer() else 1, lang),
                     format_percent(points / total, 1, lang)))
    return Table((tr("Criterion", lang), tr("Swing", lang), tr("Points", lang), tr("Weight", lang)), tuple(rows),
                 frozenset({2, 3}))


def newly_outdated_swings(project: Project, before: set[str],
                          lang: str | None = None) -> tuple[set[str], str | None]:
    """The sets whose swing answers describe other swings than the criteria now have (a reference level changed, a
    criterion was removed), and — when that is new since `before` — the sentence that says so."""
    outdated = {s.id for s in project.weight_sets if s.swing is not None and swing_outdated(project, s.swing)}
    newly = outdated - before
    if not newly:
        return outdated, None
    names = ", ".join(project.weight_set(i).name for i in sorted(newly))
    return outdated, tr("The swing answers of {sets} described other reference levels; ask the swing questions"
                        " again (Who chooses what).", lang, sets=names)
