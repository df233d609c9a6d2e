"""`ombudscompare sensitivity`: break-even points, multi-year costs, weight intervals and flips, robustness."""

from __future__ import annotations

import math
from typing import Any

from ..core.costs import Crossing, MultiYear, Overlap, PairCosts, multi_year, pair_costs
from ..core.model import Project
from ..core.robustness import RankFrequencies, rank_frequencies
from ..core.scoring import Evaluation
from ..core.sensitivity import WeightSensitivity, weight_sensitivity
from ..core.uncertainty import Uncertainty, analyse
from ..explain.sentences import complaints_sentence, interval_sentence, population_sentence, robustness_sentence
from ..explain.sets import ranges_table, uncertainty_sentences
from ..explain.tables import frequencies_table, intervals_table, multi_year_table
from ..i18n import tr
from .summary import text_table


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
        self.uncertain: Uncertainty | None = analyse(project, evaluation, samples, seed) if project.ranges else None


def render_text(a: Analysis, lang: str) -> str:
    p = a.project
    lines = [tr("Break-even points", lang)]
    for pair in a.pairs:
        lines.append("  " + complaints_sentence(p, pair, lang))
        lines.append("  " + population_sentence(p, pair, lang))
    lines += ["", tr("Costs over {years} years (with indexation)", lang, years=len(a.years.years))]
    lines += text_table(multi_year_table(p, a.years, lang))
    lines += ["", tr("Weights: where first place changes", lang)]
    lines += text_table(intervals_table(p, a.weights, lang))
    telling = a.weights.most_telling()
    lines += ["", interval_sentence(p, telling, lang) if telling else
              tr("No weight of a single criterion changes first place.", lang)]
    for frequencies in filter(None, (a.uniform, a.near)):
        lines += ["", robustness_sentence(p, frequencies, lang)]
        lines += text_table(frequencies_table(p, frequencies, lang))
    if a.uncertain is not None:
        lines += ["", tr("Uncertain inputs", lang)]
        lines += text_table(ranges_table(p, lang))
        lines += ["", *uncertainty_sentences(p, a.uncertain, lang)]
        lines += text_table(frequencies_table(p, a.uncertain.frequencies, lang))
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
        "uncertain_inputs": None if a.uncertain is None else {
            "ranges": [{"target": list(r.target), "low": r.low, "high": r.high, "likely": r.likely}
                       for r in p.ranges],
            "ranks": _frequencies(a.uncertain.frequencies),
            "cheaper": {f"{x}<{y}": a.uncertain.cheaper_share(x, y) for x in a.uncertain.option_ids
                        for y in a.uncertain.option_ids if x != y},
            "sentences": uncertainty_sentences(p, a.uncertain, lang),
        },
    }

