"""The comparison as text for a terminal and as one JSON object for scripts."""

from __future__ import annotations

from typing import Any

from ..core.model import Project
from ..core.scoring import Evaluation
from ..explain.appendix import facts_line
from ..explain.tables import Table, explanation_table, ranking_table, weights_table
from ..explain.values import conclusion
from ..i18n import tr


def text_table(table: Table) -> list[str]:
    """A table for a terminal: columns padded, figures right-aligned, indented by two spaces."""
    rows = [list(table.headers)] + [list(row) for row in table.rows] if table.headers else [list(r) for r in table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in table.right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def render_text(project: Project, evaluation: Evaluation, lang: str, explain: bool = False) -> str:
    lines = []
    if project.title:
        lines.append(project.title.get(lang))
    lines.append(facts_line(project, lang))
    lines += ["", tr("Ranking", lang)]
    lines += text_table(ranking_table(project, evaluation, lang))
    lines += ["", conclusion(project, evaluation, lang)]
    lines += ["", tr("Weights", lang)]
    weights = weights_table(project, evaluation, lang)
    lines += text_table(Table((), weights.rows, weights.right))
    if explain:
        for result in evaluation.ranking():
            lines += ["", tr("How the total of {name} comes about", lang,
                             name=project.option(result.option_id).name.get(lang))]
            lines += text_table(explanation_table(project, evaluation, result.option_id, lang))
    return "\n".join(lines) + "\n"


def render_json(project: Project, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The comparison as plain data; weights in percent of the enabled total, numbers unrounded."""
    town = project.municipality
    return {
        "title": project.title.get(lang),
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
        "incomplete": [
            {
                "id": i.option_id,
                "name": project.option(i.option_id).name.get(lang),
                "missing": list(i.missing),
                "annual_cost": i.annual_cost,
                "cost_per_inhabitant": i.cost_per_inhabitant,
            }
            for i in evaluation.incomplete
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
