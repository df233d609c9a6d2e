"""`ombudscompare sets`: who chooses what — every weight set's totals and winner, consensus and compromise."""

from __future__ import annotations

from typing import Any

from ..core.model import Project
from ..core.weightsets import SetResult, compare_sets, consensus_words
from ..explain.sets import compromise_sentence, consensus_sentence, sets_table, shares_table
from ..i18n import tr
from .summary import text_table


def render_sets_text(project: Project, lang: str) -> str:
    comparison = compare_sets(project)
    lines = [tr("Who chooses what", lang)]
    lines += text_table(sets_table(project, comparison, lang))
    lines += ["", consensus_sentence(project, comparison, lang), compromise_sentence(project, comparison, lang), "",
              tr("Weights of each set", lang)]
    lines += text_table(shares_table(project, comparison, lang))
    return "\n".join(lines) + "\n"


def render_sets_json(project: Project, lang: str) -> dict[str, Any]:
    comparison = compare_sets(project)

    def one(result: SetResult) -> dict[str, Any]:
        return {
            "id": result.set_id, "name": result.name, "note": result.note,
            "shares": {c: s * 100.0 for c, s in result.shares.items()},
            "totals": {r.option_id: r.total for r in result.evaluation.results},
            "ranks": {r.option_id: r.rank for r in result.evaluation.results},
            "winners": list(result.winners),
            "winner_margin": None if result.margin_criterion is None else {
                "points": result.margin * 100.0, "criterion": result.margin_criterion, "rival": result.rival},
        }

    return {
        "sets": [one(r) for r in comparison.results],
        "consensus": comparison.consensus,
        "consensus_words": tr(consensus_words(comparison.consensus), lang),
        "compromise": one(comparison.compromise),
        "maximin": {"option": comparison.maximin_option, "lowest_total": comparison.maximin_total},
        "sentences": [consensus_sentence(project, comparison, lang), compromise_sentence(project, comparison, lang)],
    }
