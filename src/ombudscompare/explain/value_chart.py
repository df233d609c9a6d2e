"""The value-for-money chart as plain data: every option as a point at (annual cost, quality), the efficient options
joined by the frontier, each point labelled, and the option the weighted total puts first now marked (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.model import Project
from ..core.scoring import Evaluation
from ..core.value import ValueForMoney
from ..i18n import tr
from ..i18n.numbers import format_money, format_number
from .charts import DESCRIBED_VALUES, SCORE_TICKS, LineChartData
from .value import quality_decimals, value_sentences, value_table
from .values import many_options

EFFICIENT = "efficient"
DOMINATED = "dominated"
X_ROOM = 1.3  # the cost axis runs to 130 % of the dearest option: room for its label
LABEL_WIDTH = 24  # characters: a longer name is written over two lines
LEFT_OF = 0.75  # a point further right than this share of the axis has its label on its left


@dataclass(frozen=True, eq=False)
class ValueChartData(LineChartData):
    """A line chart's data (the frontier as its one series, the options as its labelled points) with what each
    point is: `point_kinds` EFFICIENT or DOMINATED, `leading` whether the weighted total ranks it first now."""

    point_kinds: tuple[str, ...] = ()
    leading: tuple[bool, ...] = ()
    symbols: tuple[tuple[str, str], ...] = ()  # the legend's markers shown: ('o' | 's' | 'star', what it means)


def value_chart(project: Project, value: ValueForMoney, lang: str,
                evaluation: Evaluation | None = None) -> ValueChartData:
    """Quality against annual cost: the frontier drawn through the efficient options from cheap to dear, every
    scored option a labelled point (with many options only the efficient ones and the first are named, without their
    figures)."""
    decimals = quality_decimals(value)
    leaders = {r.option_id for r in evaluation.results if r.rank == 1} if evaluation is not None else set()
    frontier = [value.option(point[0]) for point in value.frontier]
    x = np.array([o.annual_cost for o in frontier], float)
    y = np.array([o.quality or 0.0 for o in frontier], float)
    highest = max((o.annual_cost for o in value.options), default=0.0)
    right = highest * X_ROOM if highest > 0 else 1.0
    many = many_options(project)
    points, kinds, leading = [], [], []
    for option in value.scored:
        assert option.quality is not None
        first = option.option_id in leaders
        text = ""
        if option.efficient or first or not many:
            lines = wrapped(project.option(option.option_id).name.get(lang))
            if not many:  # with many options the names alone: the figures are in Chart as table
                lines.append(tr("quality {quality} · {cost}", lang,
                                quality=format_number(option.quality, decimals, lang),
                                cost=format_money(option.annual_cost, lang, 0)))
            if first:
                lines.append(tr("now first on the total score", lang))
            if not option.efficient:
                lines.append(tr("not efficient", lang))
            text = "\n".join(lines)
        # the frontier climbs to the right, so its upper left and lower right are free: the dearest efficient
        # option's label above on its left, every other one below on its right (on its left near the right edge)
        top = len(value.frontier) > 1 and option.option_id in value.frontier[-1]
        points.append((option.annual_cost, option.quality, text, top or option.annual_cost > LEFT_OF * right,
                       not top))
        kinds.append(EFFICIENT if option.efficient else DOMINATED)
        leading.append(first)
    title = tr("Quality against annual cost", lang)
    shown = {"star" if first else ("o" if kind == EFFICIENT else "s") for kind, first in zip(kinds, leading)}
    unscored = ((("", tr("not shown, not yet scored: {names}", lang, names=", ".join(
        project.option(o.option_id).name.get(lang) for o in value.unscored))),) if value.unscored else ())
    meanings = (("o", tr("efficient", lang)), ("s", tr("not efficient", lang)),
                ("star", tr("now first on the total score", lang)))
    return ValueChartData(
        title=title, x_label=tr("Annual cost (€)", lang), y_label=tr("Quality score (0–100)", lang),
        x=x, series=((tr("Efficient options (the frontier)", lang), y),),
        points=tuple(points), x_range=(0.0, right), y_range=(0.0, 100.0), y_ticks=SCORE_TICKS,
        facts={"options": [o.option_id for o in value.scored], "quality": [o.quality for o in value.scored],
               "cost": [o.annual_cost for o in value.scored], "frontier": [list(p) for p in value.frontier],
               "leaders": sorted(leaders)},
        table=lambda: value_table(project, value, lang),
        description=_description(project, value, lang, title),
        point_kinds=tuple(kinds), leading=tuple(leading),
        symbols=tuple((symbol, meaning) for symbol, meaning in meanings if symbol in shown) + unscored,
    )


def wrapped(name: str, width: int = LABEL_WIDTH) -> list[str]:
    """A long name over two lines, broken at the space nearest its middle, so a label stays narrow enough to sit
    beside its point on a slide."""
    if len(name) <= width or " " not in name:
        return [name]
    spaces = [k for k, ch in enumerate(name) if ch == " "]
    at = min(spaces, key=lambda k: abs(k - len(name) / 2))
    return [name[:at], name[at + 1:]]


def _description(project: Project, value: ValueForMoney, lang: str, title: str) -> str:
    """The chart in sentences: what the window says under it (shortened with many options)."""
    if len(value.scored) > DESCRIBED_VALUES:
        return tr("{title}: {count} options; Chart as table lists every figure.", lang, title=title,
                  count=len(value.scored))
    return f"{title}. " + " ".join(value_sentences(project, value, lang))
