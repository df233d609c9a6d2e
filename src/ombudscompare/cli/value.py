"""`ombudscompare value`: quality against cost — the efficient options, the price of every extra quality point, what
would change it, and the same per weight set."""

from __future__ import annotations

from typing import Any

from ..core.analyses import Analyses
from ..core.model import Project
from ..core.value import ValueForMoney
from ..explain.value import (
    quality_note,
    sets_value_sentences,
    sets_value_table,
    value_sentences,
    value_table,
    what_changes_sentences,
)
from ..i18n import Message, tr
from .summary import text_table


def render_value_text(project: Project, lang: str) -> str:
    analyses = Analyses(project)
    value = analyses.value()
    lines = [tr("Value for money", lang), quality_note(project, value, lang), ""]
    lines += text_table(value_table(project, value, lang))
    lines += ["", *value_sentences(project, value, lang)]
    changes = what_changes_sentences(project, value, analyses.pair_costs(), lang)
    if changes:
        lines += ["", tr("What would change it", lang), *changes]
    if project.weight_sets:
        results = analyses.value_sets()
        lines += ["", tr("Who chooses what", lang)]
        lines += text_table(sets_value_table(project, results, lang))
        lines += ["", *sets_value_sentences(project, results, lang)]
    return "\n".join(lines) + "\n"


def value_json(project: Project, value: ValueForMoney, lang: str) -> dict[str, Any]:
    """One value-for-money result as plain data: numbers unrounded, shares in percent of the quality weight."""
    return {
        "options": [{
            "id": o.option_id,
            "name": project.option(o.option_id).name.get(lang),
            "quality": o.quality,
            "annual_cost": o.annual_cost,
            "cost_per_inhabitant": o.cost_per_inhabitant,
            "efficient": o.efficient if o.scored else None,
            "dominated_by": list(o.dominated_by),
            "missing": list(o.missing),
            "contributions": [{"criterion": c.criterion_id, "value": c.value, "weight": c.share * 100.0,
                               "contribution": c.contribution} for c in o.cells],
        } for o in value.options],
        "frontier": [list(point) for point in value.frontier],
        "steps": [{"from": list(s.cheaper), "to": list(s.dearer), "extra_cost": s.extra_cost,
                   "extra_quality": s.extra_quality, "cost_per_point": s.cost_per_point} for s in value.steps],
        "quality_weights": {c: share * 100.0 for c, share in value.shares.items()},
        "cost_criteria": list(value.cost_criteria),
        "sentences": value_sentences(project, value, lang),
    }


def render_value_json(project: Project, lang: str) -> dict[str, Any]:
    analyses = Analyses(project)
    value = analyses.value()
    result = value_json(project, value, lang)
    result["note"] = quality_note(project, value, lang)
    result["what_would_change_it"] = what_changes_sentences(project, value, analyses.pair_costs(), lang)
    sets = []
    for set_id, found in analyses.value_sets():
        entry: dict[str, Any] = {"id": set_id, "name": project.weight_set(set_id).name}
        if isinstance(found, Message):
            entry["problem"] = found.render(lang)
        else:
            entry.update(value_json(project, found, lang))
        sets.append(entry)
    result["sets"] = sets
    return result
