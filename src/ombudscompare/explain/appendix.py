"""The appendix for the memo, designed once as a document model: headings, paragraphs, tables from explain.tables,
charts (a request with its caption and alternative text) and numbered sources — rendered to Word by formats.docx
(with the charts drawn by ui.export.word) and shared with the PDF report where the two say the same (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..core.analyses import Analyses
from ..core.costs import PairCosts, multi_year
from ..core.model import Project, Source
from ..core.scoring import ModelError
from ..core.tariff import annual_cost
from ..i18n import N_, tr
from ..i18n.numbers import format_exact, format_money, format_number
from .kinds import CHART_KINDS, ChartRequest, build, kind_title
from .sentences import complaints_sentence, interval_sentence, population_sentence, robustness_sentence
from .tables import Table, comparison_table, criteria_table, multi_year_table, tariff_table
from .values import ALL_POINTS_UP_TO, annual_cost_formula, conclusion, display_title, many_options

COST_FORMULA = N_("Annual cost = fixed + per inhabitant × inhabitants + per complaint × complaints + surcharge ×"
                  " max(0, complaints − complaints included)")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text; `strong` for the conclusion, `small` for notes under a table."""

    text: str
    strong: bool = False
    small: bool = False


@dataclass(frozen=True)
class TableBlock:
    """A table with its caption. `lead_strong` columns show each cell's first line (a score's label) in bold;
    `wide` tables want the width of a landscape page; `widths` are relative column widths."""

    table: Table
    caption: str
    lead_strong: frozenset[int] = frozenset()
    wide: bool = False
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class ChartBlock:
    """A chart as the window draws it, with its caption and its description as alternative text."""

    request: ChartRequest
    caption: str
    alt_text: str


@dataclass(frozen=True)
class SourceList:
    """The sources the text refers to as [1], [2], … in that order."""

    items: tuple[str, ...]


Block = Heading | Paragraph | TableBlock | ChartBlock | SourceList


@dataclass(frozen=True)
class Appendix:
    """The whole appendix: what a renderer needs besides the chart images."""

    title: str
    subtitle: str
    author: str
    subject: str
    date: datetime
    lang: str
    blocks: tuple[Block, ...]

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def charts(self) -> list[ChartBlock]:
        return [b for b in self.blocks if isinstance(b, ChartBlock)]


@dataclass
class Citations:
    """Sources numbered in the order the text first refers to them; the same source keeps its number."""

    items: list[str] = field(default_factory=list)

    def cite(self, source: Source) -> str:
        """' [n]' for the source (numbered now if new), '' for an empty source."""
        text = ", ".join(p for p in (source.title, source.date, source.location, source.url) if p)
        if not text:
            return ""
        if text not in self.items:
            self.items.append(text)
        return f" [{self.items.index(text) + 1}]"


def author(project: Project, lang: str) -> str:
    """Who the document is from: the municipality."""
    name = project.municipality.name.strip()
    return tr("Municipality of {name}", lang, name=name) if name else "OmbudsCompare"


def facts_line(project: Project, lang: str) -> str:
    town = project.municipality
    return tr("{name} · {population} inhabitants · {complaints} complaints a year · reference year {year}", lang,
              name=town.name, population=format_number(town.population, 0, lang),
              complaints=format_exact(town.complaints_per_year, lang), year=town.reference_year)


def break_even_sentences(project: Project, pairs: list[PairCosts], lang: str) -> list[str]:
    """The break-even sentences as the costs tab writes them: with many options only the pairs with today's
    cheapest option, and a sentence saying so."""
    lines = []
    if many_options(project):
        town = project.municipality
        cheapest = min(project.options, key=lambda o: annual_cost(o.tariff, town.population,
                                                                   town.complaints_per_year)).id
        pairs = [p for p in pairs if cheapest in (p.first, p.second)]
        lines.append(tr("With more than {n} options only the comparisons with today's cheapest option, {name}, "
                        "are written out; the charts mark where the cheapest option changes.", lang,
                        n=ALL_POINTS_UP_TO, name=project.option(cheapest).name.get(lang)))
    for pair in pairs:
        lines += [complaints_sentence(project, pair, lang), population_sentence(project, pair, lang)]
    return lines


def key_sentences(analyses: Analyses, lang: str) -> list[str]:
    """The conclusion and the most telling sentences, worded as the window words them: who ranks first, the
    weight at which first place changes, the break-even points, and how sure (robustness, or inputs and weights
    drawn together when some are uncertain)."""
    from .sets import uncertainty_sentences

    project = analyses.project
    lines = [conclusion(project, analyses.evaluation, lang)]
    sensitivity = analyses.sensitivity()
    telling = sensitivity.most_telling()
    if sensitivity.lines:
        lines.append(interval_sentence(project, telling, lang) if telling else
                     tr("No weight of a single criterion changes first place.", lang))
    lines += break_even_sentences(project, analyses.pair_costs(), lang)
    uncertainty = analyses.uncertainty()
    if uncertainty.ranges:
        lines += uncertainty_sentences(project, uncertainty, lang)
    else:
        lines.append(robustness_sentence(project, analyses.frequencies(), lang))
    return lines


def chart_requests(analyses: Analyses) -> list[ChartRequest]:
    """The charts a report shows for this project, as the window would draw them (the sensitivity chart for the
    criterion with the most telling weight)."""
    telling = analyses.sensitivity().most_telling()
    return [ChartRequest(kind.id, criterion=telling.criterion_id if telling and kind.id == "sensitivity" else None)
            for kind in CHART_KINDS if kind.in_report(analyses)]


def worked_examples(project: Project, lang: str, cite: Citations | None = None) -> list[str]:
    """Per option the tariff formula with this municipality's numbers and the annual cost it gives."""
    town = project.municipality
    lines = []
    for option in project.options:
        cost = annual_cost(option.tariff, town.population, town.complaints_per_year)
        reference = cite.cite(option.tariff.source) if cite is not None else ""
        lines.append(f"{option.name.get(lang)}: {annual_cost_formula(project, option, lang)} = "
                     f"{format_money(cost, lang)}{reference}")
    return lines


def build_appendix(analyses: Analyses, lang: str, now: datetime | None = None) -> Appendix:
    """The appendix of the project as it is now (ModelError when it cannot be scored)."""
    project = analyses.project
    evaluation = analyses.evaluation
    now = now or datetime.now()
    cite = Citations()
    many = len(project.options) > 3
    blocks: list[Block] = []
    subtitle = facts_line(project, lang) + cite.cite(project.municipality.source)
    blocks.append(Paragraph(tr("Made by OmbudsCompare on {date} from the project's own figures: every number below"
                               " is computed, none typed by hand.", lang, date=now.strftime("%d-%m-%Y")), small=True))

    blocks.append(Heading(tr("The comparison", lang)))
    blocks.append(Paragraph(tr("The options side by side: per criterion its weight and each option's score with its"
                               " justification; every score becomes a value from 0 to 100 and the total is the"
                               " weighted sum of those values.", lang)))
    comparison = comparison_table(project, evaluation, lang, cite.cite)
    option_columns = frozenset(range(2, 2 + len(project.options)))
    blocks.append(TableBlock(comparison, tr("The comparison: the options on cost and qualities", lang),
                             lead_strong=option_columns, wide=many,
                             widths=(1.25, 0.7, *(2.0 for _ in project.options))))

    blocks.append(Heading(tr("Conclusion", lang)))
    sentences = key_sentences(analyses, lang)
    blocks.append(Paragraph(sentences[0], strong=True))
    blocks += [Paragraph(line) for line in sentences[1:]]

    blocks.append(Heading(tr("Costs", lang)))
    blocks.append(Paragraph(tr(COST_FORMULA, lang)))
    blocks.append(TableBlock(tariff_table(project, lang), tr("Tariffs and the annual cost for {name}", lang,
                                                              name=project.municipality.name), wide=many))
    blocks.append(Heading(tr("Worked example", lang), 2))
    blocks += [Paragraph(line) for line in worked_examples(project, lang, cite)]
    years = multi_year(project)
    blocks.append(TableBlock(multi_year_table(project, years, lang),
                             tr("Costs over {years} years (with indexation)", lang, years=len(years.years)),
                             wide=many))

    blocks += _value_blocks(analyses, lang)

    blocks.append(Heading(tr("Charts", lang)))
    for request in chart_requests(analyses):
        data = build(request, analyses, lang)
        alt = data.description or data.message or kind_title(request.kind, lang)
        blocks.append(ChartBlock(request, kind_title(request.kind, lang), alt))

    blocks += _sets_blocks(analyses, lang)

    blocks.append(Heading(tr("Criteria and weights", lang)))
    blocks.append(TableBlock(criteria_table(project, evaluation, lang), tr("How each criterion counts", lang),
                             widths=(1.3, 1.0, 1.5, 0.8, 2.4)))
    if project.notes.strip():
        blocks.append(Heading(tr("Notes", lang), 2))
        blocks += [Paragraph(line) for line in project.notes.strip().splitlines() if line.strip()]

    blocks.append(Heading(tr("Sources", lang)))
    blocks.append(SourceList(tuple(cite.items)) if cite.items else Paragraph(tr("No sources given.", lang)))
    return Appendix(display_title(project, lang), subtitle, author(project, lang),
                    tr("Comparison of the external complaint body", lang), now, lang, tuple(blocks))


def _value_blocks(analyses: Analyses, lang: str) -> list[Block]:
    """Value for money: what the quality score is, who is efficient and the price of each extra point, every option's
    quality and cost, and what would change it (its chart is among the charts)."""
    from .sentences import capital
    from .value import quality_note, value_sentences, value_table, what_changes_sentences

    project = analyses.project
    blocks: list[Block] = [Heading(tr("Value for money", lang))]
    try:
        value = analyses.value()
    except ModelError as error:
        return [*blocks, Paragraph(capital(error.message.render(lang)))]
    blocks.append(Paragraph(quality_note(project, value, lang), small=True))
    blocks += [Paragraph(line) for line in value_sentences(project, value, lang)]
    blocks.append(TableBlock(value_table(project, value, lang), tr("Quality and cost of every option", lang),
                             widths=(1.6, 0.8, 1.0, 0.8, 1.4, 0.9, 0.8, 0.9)))
    changes = what_changes_sentences(project, value, analyses.pair_costs(), lang)
    if changes:
        blocks.append(Heading(tr("What would change it", lang), 2))
        blocks += [Paragraph(line) for line in changes]
    return blocks


def _sets_blocks(analyses: Analyses, lang: str) -> list[Block]:
    """Who chooses what, when the project has weight sets: how alike they are, the compromise, every set's totals
    and the weights of each set."""
    from .sets import compromise_sentence, consensus_sentence, sets_table, shares_by_criterion_table

    project = analyses.project
    if not project.weight_sets:
        return []
    blocks: list[Block] = [Heading(tr("Who chooses what", lang))]
    try:
        comparison = analyses.sets()
    except ModelError as error:
        return [*blocks, Paragraph(error.message.render(lang))]
    blocks.append(Paragraph(consensus_sentence(project, comparison, lang)))
    blocks.append(Paragraph(compromise_sentence(project, comparison, lang)))
    blocks.append(TableBlock(sets_table(project, comparison, lang), tr("Every weight set's totals (rank)", lang),
                             wide=len(project.options) > 3))
    blocks.append(TableBlock(shares_by_criterion_table(project, comparison, lang), tr("Weights of each set", lang),
                             wide=len(project.weight_sets) > 4))
    for weight_set in project.weight_sets:
        if weight_set.note:
            blocks.append(Paragraph(f"{weight_set.name}: {weight_set.note}", small=True))
    return blocks
