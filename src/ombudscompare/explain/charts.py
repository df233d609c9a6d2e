"""What every chart shows, as plain data: bars, lines, marks, texts and ranges (Qt-free).

Chart widgets draw these and nothing else, so a chart in a tab, on a slide, in a PNG or SVG and in
the PDF report is the same chart, and building one never needs a window.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..core.analyses import SAMPLES, SEED
from ..core.costs import Crossing, PairCosts, pair_costs
from ..core.model import Project
from ..core.robustness import RankFrequencies
from ..core.scoring import Evaluation
from ..core.sensitivity import WeightSensitivity, first_place_flips, weight_sensitivity
from ..core.uncertainty import Uncertainty, analyse
from ..i18n import tr
from ..i18n.numbers import format_exact, format_money, format_number, format_percent
from .tables import Table, frequencies_table, intervals_table, ranking_table
from .values import many_options, totals_decimals

SCORE_TICKS = (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)
BAR_THICKNESS = 0.5
GROUP_THICKNESS = 0.6
COST_POINTS = 240
SENSITIVITY_GRID = np.linspace(0.0, 1.0, 101)


def _cheapest_changes(project: Project, points: list[Crossing], against: str) -> list[Crossing]:
    """The crossings at which both options are the cheapest of all (within a cent's billionth)."""
    finite = [c for c in points if math.isfinite(c.at)]
    if not finite:
        return []
    index = {o.id: i for i, o in enumerate(project.options)}
    costs = np.array(_cost_lines(project, np.array([c.at for c in finite]), against))
    lowest = costs.min(axis=0)
    tolerance = 1e-9 * np.maximum(1.0, np.abs(lowest))
    return [c for k, c in enumerate(finite)
            if costs[index[c.first], k] <= lowest[k] + tolerance[k]
            and costs[index[c.second], k] <= lowest[k] + tolerance[k]]


@dataclass(frozen=True, eq=False)
class BarChartData:
    """Horizontal bars (x0 .. x0 + width at height y), a colour-and-hatch style per bar, names and values."""

    title: str
    axis_label: str
    legend: tuple[str, ...] = ()
    x0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    width: np.ndarray = field(default_factory=lambda: np.zeros(0))
    thickness: float = BAR_THICKNESS
    series: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    names: tuple[tuple[float, str], ...] = ()  # (y, text) written just above a bar
    name_room: float = 0.45  # free height (in bar rows) above each bar for its name
    values: tuple[tuple[float, float, str, bool], ...] = ()  # (x, y, text, inside) at the end of a bar
    x_range: tuple[float, float] = (0.0, 100.0)
    y_range: tuple[float, float] = (-1.0, 1.0)
    x_ticks: tuple[float, ...] | None = SCORE_TICKS
    x_padding: float = 0.02
    message: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    table: Table | Callable[[], Table] | None = None  # the figures (a maker: built only when asked for)
    description: str = ""  # what the chart shows, in a sentence (for screen readers)


@dataclass(frozen=True, eq=False)
class LineChartData:
    """Series over one x axis, vertical marks ('now'), labelled points (break-evens, flips), both axis titles."""

    title: str
    x_label: str
    y_label: str
    x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    series: tuple[tuple[str, np.ndarray], ...] = ()
    marks: tuple[tuple[float, str], ...] = ()
    points: tuple[tuple[float, float, str, bool, bool], ...] = ()  # x, y, text, label left, label below
    x_range: tuple[float, float] = (0.0, 1.0)
    y_range: tuple[float, float] = (0.0, 1.0)
    y_ticks: tuple[float, ...] | None = None
    x_padding: float = 0.02
    message: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    table: Table | Callable[[], Table] | None = None  # the figures (a maker: built only when asked for)
    description: str = ""


ChartData = BarChartData | LineChartData


def figures(data: ChartData) -> Table | None:
    """A chart's figures as a table (made now if the chart only knew how to make them)."""
    table = data.table
    if callable(table):
        table = table()
        object.__setattr__(data, "table", table)  # made once
    return table


def bars(data: ChartData) -> BarChartData:
    """The data of a bar chart kind (ranking, profile, robustness), typed as such."""
    if not isinstance(data, BarChartData):
        raise TypeError(f"bar chart data expected, got {type(data).__name__}")
    return data


def lines(data: ChartData) -> LineChartData:
    """The data of a line chart kind (costs, sensitivity), typed as such."""
    if not isinstance(data, LineChartData):
        raise TypeError(f"line chart data expected, got {type(data).__name__}")
    return data


def certainty(project: Project, evaluation: Evaluation, lang: str, spread: float | None = None,
              result: Uncertainty | None = None) -> BarChartData:
    """How sure: rank shares with the uncertain inputs and the weights drawn together (weights alone when the
    project has no ranges), said in the title."""
    result = result or analyse(project, evaluation, SAMPLES, SEED, spread)
    data = robustness(project, lang, result.frequencies)
    title = (tr("How sure: inputs and weights drawn together", lang) if result.ranges
             else tr("How sure: weights drawn, inputs as entered", lang))
    return dataclasses.replace(data, title=title, facts={**data.facts, "ranges": result.ranges,
                                                         "cheaper": result.cheaper})


def ranking(project: Project, evaluation: Evaluation, lang: str) -> BarChartData:
    """Totals as bars stacked by each criterion's contribution, best on top, the total at the end."""
    ranked = evaluation.ranking()
    criteria = [c for c in project.criteria if c.enabled]
    n, m = len(ranked), len(criteria)
    y = np.arange(n - 1, -1, -1, dtype=float)
    contributions = np.array([[r.cell(c.id).contribution for c in criteria] for r in ranked]).reshape(n, m)
    starts = np.cumsum(contributions, axis=1) - contributions
    totals = [r.total for r in ranked]
    decimals = totals_decimals(totals)
    labels = [format_number(total, decimals, lang) for total in totals]
    names = [project.option(r.option_id).name.get(lang) for r in ranked]
    return BarChartData(
        title=tr("Ranking", lang),
        axis_label=tr("Total score (0–100), built up per criterion", lang),
        legend=tuple(c.name.get(lang) for c in criteria),
        x0=starts.ravel(), y=np.repeat(y, m), width=contributions.ravel(), thickness=BAR_THICKNESS,
        series=np.tile(np.arange(m), n),
        names=tuple((row + BAR_THICKNESS / 2 + 0.02, name) for row, name in zip(y.tolist(), names)),
        values=tuple(end_label(total, row, label) for total, row, label in zip(totals, y.tolist(), labels)),
        x_range=(0.0, 100.0), y_range=(-0.4, n - 0.2),
        facts={"options": [r.option_id for r in ranked], "criteria": [c.id for c in criteria],
               "contributions": contributions, "totals": totals, "labels": labels},
        table=ranking_table(project, evaluation, lang),
        description=tr("Total scores, best first: {list}.", lang, list="; ".join(
            f"{name} {label}" for name, label in zip(names, labels))),
    )


DESCRIBED_VALUES = 60  # a chart with more figures says where to find them instead of reading them all out
END_ROOM = 88.0  # a label written after a bar that ends beyond this would leave the axis: it goes inside


def end_label(total: float, row: float, text: str) -> tuple[float, float, str, bool]:
    """A total written just after its bar, or just inside its end when the bar nearly fills the axis."""
    return (total - 1.0, row, text, True) if total > END_ROOM else (total + 1.0, row, text, False)


def profile(project: Project, evaluation: Evaluation, lang: str) -> BarChartData:
    """Each option's 0–100 value per criterion as grouped bars, first criterion on top."""
    criteria = [c for c in project.criteria if c.enabled]
    results = evaluation.results
    m, n = len(criteria), len(results)
    values = np.array([[r.cell(c.id).value for c in criteria] for r in results]).reshape(n, m)
    thickness = GROUP_THICKNESS / max(1, n)
    centres = np.arange(m - 1, -1, -1, dtype=float)
    offsets = (n - 1) / 2.0 * thickness - np.arange(n) * thickness
    y = (centres[None, :] + offsets[:, None]).ravel()
    option_names = tuple(project.option(r.option_id).name.get(lang) for r in results)

    def rows() -> tuple[tuple[str, ...], ...]:
        return tuple((c.name.get(lang), *(format_number(values[i, j], 1, lang) for i in range(n)))
                     for j, c in enumerate(criteria))

    def table() -> Table:
        return Table((tr("Criterion", lang), *option_names), rows(), frozenset(range(1, n + 1)),
                     tuple(c.id for c in criteria))

    if n * m <= DESCRIBED_VALUES:
        description = tr("Value from 0 to 100 per criterion: {list}.", lang, list="; ".join(
            f"{row[0]}: " + ", ".join(f"{name} {value}" for name, value in zip(option_names, row[1:]))
            for row in rows()))
    else:
        description = tr("Value from 0 to 100 on {criteria} criteria for {options} options; Chart as table lists"
                         " every figure.", lang, criteria=m, options=n)
    return BarChartData(
        title=tr("Profile", lang),
        axis_label=tr("Value (0–100) per criterion", lang),
        legend=option_names,
        x0=np.zeros(n * m), y=y, width=values.ravel(), thickness=thickness * 0.9,
        series=np.repeat(np.arange(n), m),
        names=tuple((centre + GROUP_THICKNESS / 2 + 0.02, c.name.get(lang))
                    for centre, c in zip(centres.tolist(), criteria)),
        name_room=1.0 - GROUP_THICKNESS - 0.04,
        x_range=(0.0, 100.0), y_range=(-0.4, m - 0.15),
        facts={"options": [r.option_id for r in results], "criteria": [c.id for c in criteria], "values": values},
        table=table, description=description,
    )


def robustness(project: Project, lang: str, frequencies: RankFrequencies) -> BarChartData:
    """Per option a bar of 100 %, split into the shares of rank 1, 2, …; the share of first places at the end."""
    shares = frequencies.shares
    n = len(frequencies.option_ids)
    y = np.arange(n - 1, -1, -1, dtype=float)
    widths = shares * 100.0
    starts = np.cumsum(widths, axis=1) - widths
    names = [project.option(o).name.get(lang) for o in frequencies.option_ids]
    labels = [format_percent(float(first), 1, lang) for first in shares[:, 0]]
    return BarChartData(
        title=tr("How often each option ranks first, second, …", lang),
        axis_label=tr("Share of the weightings (%)", lang),
        legend=tuple(tr("rank {rank}", lang, rank=k + 1) for k in range(n)),
        x0=starts.ravel(), y=np.repeat(y, n), width=widths.ravel(), thickness=BAR_THICKNESS,
        series=np.tile(np.arange(n), n),
        names=tuple((row + 0.27, name) for row, name in zip(y.tolist(), names)),
        values=tuple((1.0, row, label, True) for row, label in zip(y.tolist(), labels)),
        x_range=(0.0, 100.0), y_range=(-0.4, n - 0.2),
        facts={"options": list(frequencies.option_ids), "shares": shares, "spread": frequencies.spread},
        table=frequencies_table(project, frequencies, lang),
        description=tr("Share of the weightings in which each option ranks first: {list}.", lang, list="; ".join(
            f"{name} {label}" for name, label in zip(names, labels))),
    )


def _grid(top: float, extra: list[float]) -> np.ndarray:
    points = set(np.linspace(0.0, top, COST_POINTS).tolist())
    points.update(x for x in extra if 0 <= x <= top)
    return np.array(sorted(points))


def _cost_lines(project: Project, x: np.ndarray, against: str) -> list[np.ndarray]:
    """Every option's annual cost along x (complaints or inhabitants), vectorised."""
    town = project.municipality
    lines = []
    for option in project.options:
        t = option.tariff
        population = x if against == "population" else np.full_like(x, float(town.population))
        complaints = x if against == "complaints" else np.full_like(x, float(town.complaints_per_year))
        lines.append(t.fixed + t.per_inhabitant * population + t.per_complaint * complaints
                     + t.surcharge * np.maximum(0.0, complaints - t.included_complaints))
    return lines


LABEL_WIDTH = 0.4  # of the x range: what a two-line label of a break-even point takes in a window
LABEL_HEIGHT = 0.14  # of the y range


def _label_side(x: float, y: float, grid: np.ndarray, ys: list[np.ndarray], right_end: float, highest: float,
                marker: float) -> tuple[bool, bool]:
    """Where a point's label goes: (to the left, below) — the first corner around the point where it covers
    no line and not the 'now' marker, stays inside the chart and clear of the marker's label at the top."""
    width, height = LABEL_WIDTH * right_end, LABEL_HEIGHT * highest * 1.1
    corners = [(x > 0.55 * right_end, y > 0.6 * highest)]
    corners += [(left, below) for left in (True, False) for below in (False, True) if (left, below) != corners[0]]
    for left, below in corners:
        x0, x1 = (x - width, x) if left else (x, x + width)
        y0, y1 = (y - height, y) if below else (y, y + height)
        if x0 < 0 or x1 > right_end or y0 < 0 or y1 > highest * 0.95:
            continue  # outside the chart, or up where the marker's label is
        if x0 <= marker <= x1:
            continue
        inside = (grid > x0 + 0.02 * width) & (grid < x1 - 0.02 * width)
        if any(np.any((line[inside] > y0) & (line[inside] < y1)) for line in ys):
            continue
        return left, below
    return corners[0]


def costs(project: Project, lang: str, against: str, pairs: list[PairCosts] | None = None) -> LineChartData:
    """Annual cost against complaints a year or against inhabitants, today's figure and every break-even marked."""
    town = project.municipality
    pairs = pair_costs(project) if pairs is None else pairs
    many = many_options(project)
    if against == "complaints":
        points: list[Crossing] = [c for p in pairs for c in p.complaint_crossings]
        if many:
            points = _cheapest_changes(project, points, against)
        kinks = [o.tariff.included_complaints for o in project.options]
        top = max(2.0 * town.complaints_per_year, 10.0, *(1.2 * c.at for c in points))
        x = _grid(top, kinks + [c.at for c in points])
        now = (float(town.complaints_per_year),
               tr("expected: {n}", lang, n=format_exact(town.complaints_per_year, lang)))

        def label(c: Crossing) -> str:
            return tr("{n} complaints\n{cost}", lang, n=format_number(c.at, 0 if float(c.at).is_integer() else 1, lang),
                      cost=format_money(c.cost, lang))

        titles = (tr("Cost against complaints", lang), tr("Complaints a year", lang), tr("Annual cost (€)", lang))
    else:
        points = [p.population_crossing for p in pairs if isinstance(p.population_crossing, Crossing)]
        if many:
            points = _cheapest_changes(project, points, against)
        top = max([2.0 * town.population, *(1.2 * c.at for c in points if math.isfinite(c.at))])
        x = _grid(top, [c.at for c in points])
        now = (float(town.population), tr("now: {n}", lang, n=format_number(town.population, 0, lang)))

        def label(c: Crossing) -> str:
            return tr("{n} inhabitants\n{cost}", lang, n=format_number(math.ceil(c.at), 0, lang),
                      cost=format_money(c.cost, lang))

        titles = (tr("Cost against inhabitants", lang), tr("Inhabitants", lang), tr("Annual cost (€)", lang))
    ys = _cost_lines(project, x, against)
    highest = max((float(y.max()) for y in ys if y.size), default=1.0)
    names = [o.name.get(lang) for o in project.options]
    summary = (tr("{title}. Where the cheapest option changes: {points}.", lang, title=titles[0],
                  points="; ".join(label(c).replace("\n", " ") for c in points) or tr("none", lang)) if many else
               tr("{title}. Break-even points: {points}.", lang, title=titles[0],
                  points="; ".join(label(c).replace("\n", " ") for c in points) or tr("none", lang)))
    return LineChartData(
        title=titles[0], x_label=titles[1], y_label=titles[2], x=x,
        series=tuple(zip(names, ys)), marks=(now,),
        points=tuple((c.at, c.cost, label(c), *_label_side(c.at, c.cost, x, ys, float(x[-1]), highest * 1.1,
                                                            now[0])) for c in points),
        x_range=(0.0, float(x[-1]) if x.size else 1.0), y_range=(0.0, highest * 1.1 or 1.0),
        facts={"x": x, "ys": ys, "crossings": [(c.at, c.cost) for c in points]},
        table=_cost_table(project, lang, titles[1], against, sorted({
            0.0, now[0], float(x[-1]), *(math.ceil(c.at) if against == "population" else c.at for c in points)})),
        description=summary,
    )


def _cost_table(project: Project, lang: str, header: str, against: str, at: list[float]) -> Table:
    """Each option's annual cost at the points that matter: 0, now, every break-even point and the end."""
    lines = _cost_lines(project, np.array(at), against)
    decimals = 0 if against == "population" or all(float(a).is_integer() for a in at) else 1
    rows = tuple((format_number(a, decimals, lang), *(format_money(float(line[i]), lang) for line in lines))
                 for i, a in enumerate(at))
    return Table((header, *(o.name.get(lang) for o in project.options)), rows,
                 frozenset(range(0, len(project.options) + 1)))


def sensitivity(project: Project, evaluation: Evaluation, lang: str, criterion: str | None = None,
                result: WeightSensitivity | None = None) -> LineChartData:
    """Every option's total as one criterion's weight runs 0→100 % (the others in proportion), flips marked."""
    result = result or weight_sensitivity(evaluation)
    if not result.lines:
        return LineChartData(tr("Weight sensitivity", lang), "", "",
                             message=tr("Switch on at least two criteria to see how the weights matter.", lang))
    telling = result.most_telling()
    if criterion not in result.lines:
        criterion = telling.criterion_id if telling else next(iter(result.lines))
    line = result.lines[criterion]
    totals = line.totals(SENSITIVITY_GRID)
    names = [project.option(o).name.get(lang) for o in line.option_ids]
    name = project.criterion(criterion).name.get(lang)
    many = many_options(project)
    flips = first_place_flips(line) if many else result.flips[criterion]
    changes = ", ".join(format_percent(f.at, 1, lang) for f in flips) or tr("none", lang)
    heading = tr("Totals as the weight of {criterion} changes", lang, criterion=name)
    return LineChartData(
        title=tr("Totals as the weight of {criterion} changes", lang, criterion=name),
        x_label=tr("Weight of {criterion} (%)", lang, criterion=name), y_label=tr("Total score", lang),
        x=SENSITIVITY_GRID * 100.0, series=tuple((n, totals[:, i]) for i, n in enumerate(names)),
        marks=((line.current * 100.0, tr("now: {percent}", lang, percent=format_percent(line.current, 1, lang))),),
        points=tuple((f.at * 100.0, f.total, format_percent(f.at, 1, lang), f.at > 0.7, False) for f in flips),
        x_range=(0.0, 100.0), y_range=(0.0, 100.0), y_ticks=SCORE_TICKS, x_padding=0.01,
        facts={"criterion": criterion, "flips": [f.at for f in flips], "current": line.current},
        table=lambda: intervals_table(project, result, lang),
        description=(tr("{title}. First place changes at: {flips}.", lang, title=heading, flips=changes) if many
                     else tr("{title}. The ranking changes at: {flips}.", lang, title=heading, flips=changes)),
    )
