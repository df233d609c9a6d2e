"""Every chart kind, declared once: its id, title, file name, bars or lines, what builds its data, which tab shows
it, whether it is a slide and whether the report shows it (Qt-free).

The command line's `--kind` choices, the presentation's slides, the names of exported files, View → Chart as
table, File → Export chart and the report's charts are all derived from `CHART_KINDS`; a new kind is one entry
here plus its builder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.analyses import Analyses
from ..core.model import Project
from ..core.scoring import Evaluation, ModelError
from ..i18n import N_, tr
from . import charts
from .charts import BarChartData, ChartData, LineChartData
from .sets import sets_chart
from .value_chart import value_chart


@dataclass(frozen=True)
class ChartRequest:
    """One chart as a view shows it: the kind, and its settings (the criterion of the sensitivity chart, the
    spread of drawn weights)."""

    kind: str
    criterion: str | None = None
    spread: float | None = None


Builder = Callable[[Analyses, str, ChartRequest], ChartData]


@dataclass(frozen=True)
class ChartKind:
    """A chart kind. `tab` is the id of the window's analysis tab that shows it; `weight_free` whether its data, as
    a request asks for it, does not depend on the window's weights (then kept across weight edits); `in_report`
    whether the report has something to show for a project."""

    id: str
    title: str  # message id
    file_name: str  # message id: what an exported file is called at first, without extension
    lines: bool
    build: Builder
    tab: str
    slide: bool = True
    weight_free: Callable[[ChartRequest], bool] = lambda _request: False
    in_report: Callable[[Analyses], bool] = lambda _analyses: True
    widget: str | None = None  # 'module:Class' under ui/charts that draws it, when neither bars nor lines do


def _ranking(analyses: Analyses, lang: str, _request: ChartRequest) -> ChartData:
    return charts.ranking(analyses.project, analyses.evaluation, lang)


def _profile(analyses: Analyses, lang: str, _request: ChartRequest) -> ChartData:
    return charts.profile(analyses.project, analyses.evaluation, lang)


def _costs(against: str) -> Builder:
    def build(analyses: Analyses, lang: str, _request: ChartRequest) -> ChartData:
        return charts.costs(analyses.project, lang, against, analyses.pair_costs())

    return build


def _sensitivity(analyses: Analyses, lang: str, request: ChartRequest) -> ChartData:
    return charts.sensitivity(analyses.project, analyses.evaluation, lang, request.criterion, analyses.sensitivity())


def _robustness(analyses: Analyses, lang: str, request: ChartRequest) -> ChartData:
    return charts.robustness(analyses.project, lang, analyses.frequencies(request.spread))


def _certainty(analyses: Analyses, lang: str, request: ChartRequest) -> ChartData:
    return charts.certainty(analyses.project, analyses.evaluation, lang, request.spread,
                            analyses.uncertainty(request.spread))


def _sets(analyses: Analyses, lang: str, _request: ChartRequest) -> ChartData:
    return sets_chart(analyses.project, analyses.sets(), lang)


def _value(analyses: Analyses, lang: str, _request: ChartRequest) -> ChartData:
    return value_chart(analyses.project, analyses.value(), lang, analyses.maybe_evaluation)


def has_value(analyses: Analyses) -> bool:
    """Quality can be set against cost: a quality criterion counts and an option has every quality scored."""
    try:
        analyses.value()
    except ModelError:
        return False
    return True


def _always(_request: ChartRequest) -> bool:
    return True


def _drawn_uniformly(request: ChartRequest) -> bool:
    """Weights drawn from every weighting do not depend on today's; drawn around today's they do."""
    return request.spread is None


def has_ranges(analyses: Analyses) -> bool:
    return analyses.uncertainty().ranges > 0


CHART_KINDS = (
    ChartKind("ranking", N_("Ranking with contributions"), N_("ranking"), False, _ranking, "ranking"),
    ChartKind("profile", N_("Profile"), N_("profile"), False, _profile, "ranking"),
    ChartKind("costs-complaints", N_("Cost against complaints"), N_("costs-complaints"), True,
              _costs("complaints"), "costs", slide=False, weight_free=_always),
    ChartKind("costs-population", N_("Cost against inhabitants"), N_("costs-inhabitants"), True,
              _costs("population"), "costs", weight_free=_always),
    ChartKind("value", N_("Value for money"), N_("value-for-money"), True, _value, "value", in_report=has_value,
              widget="value:ValueChart"),
    ChartKind("sensitivity", N_("Weight sensitivity"), N_("weight-sensitivity"), True, _sensitivity, "weights",
              in_report=lambda a: bool(a.sensitivity().lines)),
    ChartKind("robustness", N_("Robustness"), N_("robustness"), False, _robustness, "robustness",
              weight_free=_drawn_uniformly),
    ChartKind("sets", N_("Who chooses what"), N_("who-chooses-what"), False, _sets, "sets", weight_free=_always,
              in_report=lambda a: bool(a.project.weight_sets)),
    ChartKind("certainty", N_("How sure"), N_("how-sure"), False, _certainty, "robustness", in_report=has_ranges,
              weight_free=_drawn_uniformly),
)
KINDS = {kind.id: kind for kind in CHART_KINDS}
SLIDES = tuple(kind.id for kind in CHART_KINDS if kind.slide)


def kind_title(kind: str, lang: str | None = None) -> str:
    return tr(KINDS[kind].title, lang)


def file_name(kind: str, lang: str | None = None) -> str:
    """What an exported chart is called at first, in the language shown: 'rangorde'."""
    return tr(KINDS[kind].file_name, lang)


def tab_kinds(tab: str) -> tuple[str, ...]:
    """The kinds a window tab can show."""
    return tuple(kind.id for kind in CHART_KINDS if kind.tab == tab)


def empty(kind: str, message: str, lang: str) -> ChartData:
    """A chart of this kind with nothing on it but a message."""
    if KINDS[kind].lines:
        return LineChartData(kind_title(kind, lang), "", "", message=message)
    return BarChartData(kind_title(kind, lang), "", message=message, x_ticks=None)


def build(request: ChartRequest, analyses: Analyses, lang: str) -> ChartData:
    """The data of one chart; a project (or a part of it) that cannot be analysed gives a chart that says why.
    Kept in `analyses` per language and settings, so a tab, its slide and an export build it once."""
    kind = KINDS[request.kind]

    def make() -> ChartData:
        try:
            return kind.build(analyses, lang, request)
        except ModelError as error:
            return empty(kind.id, tr("Nothing to show: {reason}", lang, reason=error.message.render(lang)), lang)

    return analyses.cached(("chart", request, lang), make, weight_free=kind.weight_free(request))


def chart_data(kind: str, project: Project, lang: str, evaluation: Evaluation | None = None,
               criterion: str | None = None, spread: float | None = None,
               analyses: Analyses | None = None) -> ChartData:
    """The data of one chart kind for a project (its analyses made here unless given)."""
    analyses = analyses or Analyses(project, evaluation)
    return build(ChartRequest(kind, criterion, spread), analyses, lang)
