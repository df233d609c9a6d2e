"""Benchmarks anyone can run: `python bench/bench.py [core|gui]` prints one JSON object of figures (ms).

Machines are noisy, so every figure is a median over repeated runs, and each is also given as a
ratio to a baseline measured in the same run: json.loads of the same project text (what the
standard library needs merely to parse the data the model is built from).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests.synthetic

from ombudscompare.core.costs import multi_year, pair_costs
from ombudscompare.core.model import InputRange
from ombudscompare.core.robustness import rank_frequencies
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.sensitivity import weight_sensitivity
from ombudscompare.core.uncertainty import analyse, range_problem
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.project_file import dumps, parse_project
from tests.synthetic import generated_project


def timed(func, repeats: int) -> dict[str, float]:
    """Median and 95th percentile of `repeats` calls, in milliseconds (after one warm-up call)."""
    func()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000.0)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 4),
        "p95_ms": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 4),
        "runs": repeats,
    }


def case(name: str, project, repeats: int) -> dict[str, object]:
    text = dumps(project)
    baseline = timed(lambda: json.loads(text), repeats)
    score = timed(lambda: evaluate(project), repeats)
    load = timed(lambda: parse_project(text), max(5, repeats // 4))
    return {
        "case": name,
        "options": len(project.options),
        "criteria": len(project.criteria),
        "score": score,
        "load_and_validate": load,
        "baseline_json_loads": baseline,
        "score_vs_baseline": round(score["median_ms"] / baseline["median_ms"], 3),
        "load_vs_baseline": round(load["median_ms"] / baseline["median_ms"], 3),
    }


def analysis() -> dict[str, object]:
    """Monte Carlo throughput (10 options × 10 criteria) and recomputing every sensitivity result (30 × 30)."""
    small = evaluate(generated_project(10, 10, seed=5))
    samples = 100_000
    mc = timed(lambda: rank_frequencies(small, samples, seed=1), 7)
    big = generated_project(30, 30, seed=7)

    def everything():
        evaluation = evaluate(big)
        pair_costs(big)
        multi_year(big)
        weight_sensitivity(evaluation)
        rank_frequencies(evaluation, 10_000, seed=1)
        rank_frequencies(evaluation, 10_000, seed=1, spread=10)

    # weights and uncertain inputs drawn together: population, complaints, every tariff part of every option and
    # ten scores have a range; the same run's weights-only sampling is the baseline
    joint = generated_project(10, 10, seed=5)
    joint.ranges = [InputRange(("population",), 5_000, 900_000), InputRange(("complaints_per_year",), 0, 400, 90)]
    joint.ranges += [InputRange(("tariff", o.id, part), 0, 2 * getattr(o.tariff, part) + 1) for o in joint.options
                     for part in ("fixed", "per_inhabitant", "per_complaint", "surcharge")]
    joint.ranges += [InputRange(key, 1, 5) for key in list(joint.scores)[:10]
                     if joint.criterion(key[1]).kind.value == "scale"]
    joint.ranges = [r for r in joint.ranges if range_problem(joint, r) is None]
    joint_evaluation = evaluate(joint)
    draws = 1_000_000
    together = timed(lambda: analyse(joint, joint_evaluation, draws, 1), 5)
    alone = timed(lambda: rank_frequencies(joint_evaluation, draws, seed=1), 5)
    recompute = timed(everything, 15)
    score_only = timed(lambda: evaluate(big), 15)
    return {
        "monte_carlo_10x10": {
            "samples": samples,
            "median_ms": mc["median_ms"],
            "samples_per_second": round(samples / (mc["median_ms"] / 1000.0)),
            "goal": "100,000 samples well under a second",
        },
        "monte_carlo_inputs_and_weights_10x10": {
            "samples": draws,
            "uncertain_inputs": len(joint.ranges),
            "median_ms": together["median_ms"],
            "samples_per_second": round(draws / (together["median_ms"] / 1000.0)),
            "weights_only_samples_per_second": round(draws / (alone["median_ms"] / 1000.0)),
            "ratio_to_weights_only": round(together["median_ms"] / alone["median_ms"], 2),
            "goal": "at least 1,000,000 samples a second",
        },
        "all_sensitivity_results_30x30": {
            **recompute,
            "includes": "break-even pairs, multi-year, weight lines/flips/intervals, 2 × 10,000 Monte Carlo samples",
            "baseline_scoring_only_median_ms": score_only["median_ms"],
            "ratio_to_scoring": round(recompute["median_ms"] / score_only["median_ms"], 2),
        },
    }


def excel_export() -> list[dict[str, object]]:
    """Time to build and save the workbook in memory, against saving the same project as JSON."""
    import io

    from ombudscompare.formats.workbook import build_workbook

    def export(project):
        workbook = build_workbook(project, "nl")
        workbook.save(io.BytesIO())

    figures = []
    for name, project, runs, goal in (("haarlem-2018", haarlem_2018(), 15, 500),
                                      ("generated-30x60", generated_project(30, 60, seed=1), 5, 3000)):
        took = timed(lambda p=project: export(p), runs)
        baseline = timed(lambda p=project: dumps(p), runs)
        figures.append({"case": name, **took, "goal_ms": goal, "baseline_json_dumps_median_ms": baseline["median_ms"],
                        "ratio_to_json": round(took["median_ms"] / baseline["median_ms"], 1)})
    return figures


def main() -> int:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from machine import machine

    only = sys.argv[1] if len(sys.argv) > 1 else "all"
    results: dict[str, object] = {"machine": machine()}
    if only in ("all", "core"):
        results["scoring"] = [
            case("haarlem-2018", haarlem_2018(), 500),
            case("generated-30x60", generated_project(30, 60, seed=1), 100),
        ]
        results["analysis"] = analysis()
        results["excel_export"] = excel_export()
    if only in ("all", "gui"):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import gui

        results["cold_start"] = gui.cold_start()
        results["weight_change_to_redrawn"] = gui.weight_latency()
        results["long_drag_undo_step"] = gui.long_drag()
        results["who_chooses_what_redraw"] = gui.sets_redraw()
    results["load_average_after"] = machine()["load_average_1_5_15_min"]
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
