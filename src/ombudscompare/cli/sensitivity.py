"""`ombudscompare sensitivity`: break-even points, multi-year costs, weight intervals and flips, robustness."""

from __future__ import annotations

import math
from typing import Any

from ..analysis_text import complaints_sentence, interval_sentence, population_sentence, robustness_sentence
from ..core.costs import Crossing, MultiYear, Overlap, PairCosts, multi_year, pair_costs
from ..core.model import Project
from ..core.robustness import RankFrequencies, rank_frequencies
from ..core.scoring import Evaluation
from ..core.sensitivity import WeightSensitivity, weight_sensitivity
from ..i18n import tr
from ..i18n.numbers import format_money, format_percent
from .summary import _table


class Analysis:
    """Everything the command reports, computed once."""

    def __init__(self, project: Project, evaluation: Evaluation, samples: int, seed: int, spread: float,
                 years: int):
        self.project = project
        self.pairs: list[PairCosts] = pair_costs(project)
        self.years: MultiYear = multi_year(project, years)
        self.weights: WeightSensitivity = weight_sensitivity(evaluation)
        self.uniform: RankFrequencies = rank_frequencies(evaluation, samples, seed)
        self.near: RankFrequencies | None = rank_frequencies(evaluation, samples, seed, spread) if spread > 0 else None


def render_text(a: Analysis, lang: str) -> str:
    p = a.project
    lines = [tr("Break-even points", lang)]
    for pair in a.pairs:
        lines.append("  " + complaints_sentence(p, pair, lang))
        lines.append("  " + population_sentence(p, pair, lang))
    lines += ["", tr("Costs over {years} years (with indexation)", lang, years=len(a.years.years))]
    rows = [[tr("Option", lang)] + [str(y) for y in a.years.years] + [tr("Total", lang)]]
    for option in p.options:
        costs = a.years.costs[option.id]
        rows.append([option.name.get(lang)] + [format_money(c, lang) for c in costs]
                    + [format_money(sum(costs), lang)])
    lines += _table(rows, right=set(range(1, len(rows[0]))))
    lines += ["", tr("Weights: where first place changes", lang)]
    rows = [[tr("Criterion", lang), tr("Weight", lang), tr("First place unchanged", lang),
             tr("Ranking changes at", lang)]]
    for criterion_id, interval in a.weights.intervals.items():
        flips = a.weights.flips[criterion_id]
        rows.append([
            p.criterion(criterion_id).name.get(lang),
            format_percent(interval.current, 1, lang),
            f"{format_percent(interval.low, 1, lang)} – {format_percent(interval.high, 1, lang)}",
            ", ".join(format_percent(f.at, 1, lang) for f in flips) or "—",
        ])
    lines += _table(rows, right={1})
    telling = a.weights.most_telling()
    lines += ["", interval_sentence(p, telling, lang) if telling else
              tr("No weight of a single criterion changes first place.", lang)]
    for frequencies in filter(None, (a.uniform, a.near)):
        lines += ["", robustness_sentence(p, frequencies, lang)]
        n = len(frequencies.option_ids)
        rows = [[tr("Option", lang)] + [tr("rank {rank}", lang, rank=k + 1) for k in range(n)]]
        for i, option_id in enumerate(frequencies.option_ids):
            rows.append([p.option(option_id).name.get(lang)]
                        + [format_percent(float(frequencies.shares[i, k]), 1, lang) for k in range(n)])
        lines += _table(rows, right=set(range(1, n + 1)))
    return "\n".join(lines) + "\n"


def _point(item: Crossing | Overlap | None) -> dict[str, Any] | None:
    if item is None:
        return None
    if isinstance(item, Overlap):
        return {"equal_from": item.start, "equal_to": None if math.isinf(item.end) else item.end}
    return {"at": item.at, "cost": item.cost, "cheaper_after": item.cheaper_after}


def _frequencies(frequencies: RankFrequencies | None) -> dict[str, Any] | None:
    if frequencies is None:
        return None
    return {
        "samples": frequencies.samples,
        "seed": frequencies.seed,
        "spread_percentage_points": frequencies.spread,
        "options": {oid: [float(x) for x in frequencies.shares[i]] for i, oid in enumerate(frequencies.option_ids)},
    }


def render_json(a: Analysis, lang: str) -> dict[str, Any]:
    p = a.project
    telling = a.weights.most_telling()
    return {
        "break_even": [
            {
                "first": pair.first,
                "second": pair.second,
                "cheaper_now": pair.cheaper_now,
                "complaints": [_point(c) for c in pair.complaint_crossings],
                "complaints_equal": [_point(o) for o in pair.complaint_overlaps],
                "population": _point(pair.population_crossing),
                "sentences": [complaints_sentence(p, pair, lang), population_sentence(p, pair, lang)],
            }
            for pair in a.pairs
        ],
        "multi_year": {
            "years": list(a.years.years),
            "costs": {oid: list(costs) for oid, costs in a.years.costs.items()},
            "totals": {oid: a.years.total(oid) for oid in a.years.costs},
        },
        "weights": [
            {
                "criterion": cid,
                "weight": interval.current * 100.0,
                "first_place": {
                    "leader": interval.leader,
                    "low": interval.low * 100.0,
                    "high": interval.high * 100.0,
                    "lower_rival": interval.lower_rival,
                    "upper_rival": interval.upper_rival,
                },
                "flips": [{"at": f.at * 100.0, "above": f.above, "below": f.below} for f in a.weights.flips[cid]],
                "sentence": interval_sentence(p, interval, lang),
            }
            for cid, interval in a.weights.intervals.items()
        ],
        "most_telling": interval_sentence(p, telling, lang) if telling else None,
        "robustness": {"uniform": _frequencies(a.uniform), "near_current": _frequencies(a.near)},
    }
