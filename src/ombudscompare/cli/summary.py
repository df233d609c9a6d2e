"""The comparison as text for a terminal and as one JSON object for scripts."""

from __future__ import annotations

from typing import Any

from ..core.model import Project
from ..core.scoring import Evaluation, rounded_percentages
from ..i18n import tr
from ..i18n.numbers import format_money, format_number, format_percent
from ..presentation import conclusion, raw_text


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def render_text(project: Project, evaluation: Evaluation, lang: str, explain: bool = False) -> str:
    town = project.municipality
    lines = []
    if project.title:
        lines.append(project.title)
    lines.append(
        tr(
            "{name} · {population} inhabitants · {complaints} complaints a year · reference year {year}",
            lang,
            name=town.name,
            population=format_number(town.population, 0, lang),
            complaints=format_number(town.complaints_per_year, 0 if float(town.complaints_per_year).is_integer()
                                     else 1, lang),
            year=town.reference_year,
        )
    )
    lines += ["", tr("Ranking", lang)]
    rows = [[tr("Rank", lang), tr("Option", lang), tr("Score", lang), tr("Annual cost", lang),
             tr("Per inhabitant", lang)]]
    for result in evaluation.ranking():
        rank = f"{result.rank}=" if result.tied else str(result.rank)
        rows.append([rank, project.option(result.option_id).name.get(lang), format_number(result.total, 1, lang),
                     format_money(result.annual_cost, lang), format_money(result.cost_per_inhabitant, lang, 4)])
    lines += _table(rows, right={0, 2, 3, 4})
    lines += ["", conclusion(project, evaluation, lang)]
    lines += ["", tr("Weights", lang)]
    rows = []
    shown = rounded_percentages(evaluation.shares, 1)
    for criterion in project.criteria:
        percent = shown.get(criterion.id)
        rows.append([criterion.name.get(lang),
                     format_percent(percent / 100.0, 1, lang) if percent is not None else tr("off", lang)])
    lines += _table(rows, right={1})
    if explain:
        lines += _explanation(project, evaluation, lang)
    return "\n".join(lines) + "\n"


def _explanation(project: Project, evaluation: Evaluation, lang: str) -> list[str]:
    lines = []
    for result in evaluation.ranking():
        lines += ["", tr("How the total of {name} comes about", lang, name=project.option(result.option_id).name.get(lang))]
        rows = [[tr("Criterion", lang), tr("Raw value", lang), tr("Value 0–100", lang), tr("Weight", lang),
                 tr("Contribution", lang)]]
        for cell in result.cells:
            rows.append([
                project.criterion(cell.criterion_id).name.get(lang),
                raw_text(project, cell.criterion_id, cell.raw, lang),
                format_number(cell.value, 1, lang),
                format_percent(cell.share, 1, lang),
                format_number(cell.contribution, 2, lang),
            ])
        rows.append([tr("Total", lang), "", "", "", format_number(result.total, 2, lang)])
        lines += _table(rows, right={2, 3, 4})
    return lines


def render_json(project: Project, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The comparison as plain data; weights in percent of the enabled total, numbers unrounded."""
    town = project.municipality
    return {
        "title": project.title,
        "language": lang,
        "municipality": {
            "name": town.name,
            "population": town.population,
            "complaints_per_year": town.complaints_per_year,
            "reference_year": town.reference_year,
        },
        "options": [
            {
                "id": r.option_id,
                "name": project.option(r.option_id).name.get(lang),
                "total": r.total,
                "rank": r.rank,
                "tied": r.tied,
                "annual_cost": r.annual_cost,
                "cost_per_inhabitant": r.cost_per_inhabitant,
                "contributions": [
                    {
                        "criterion": c.criterion_id,
                        "raw": c.raw,
                        "value": c.value,
                        "weight": c.share * 100.0,
                        "contribution": c.contribution,
                    }
                    for c in r.cells
                ],
            }
            for r in evaluation.ranking()
        ],
        "criteria": [
            {
                "id": c.id,
                "name": c.name.get(lang),
                "kind": c.kind.value,
                "enabled": c.enabled,
                "weight": evaluation.shares.get(c.id, 0.0) * 100.0,
            }
            for c in project.criteria
        ],
        "conclusion": conclusion(project, evaluation, lang),
    }
