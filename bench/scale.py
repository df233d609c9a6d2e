"""Figures at the size limits: a project of 30 options × 60 criteria (core/limits.py) against Haarlem.

For each size, in a fresh process (so peak memory is its own): reading the project file, computing every
analysis the window shows (scores, break-evens, multi-year costs, weight sensitivity, 10,000-sample
robustness), opening the window on it, and the time from a weight change to everything visible redrawn
with each tab of both tab books shown in turn (95th percentile of `changes` changes per tab); then the
process's peak resident memory (VmHWM). Goals for the limit: opening ≤ 2 s, sensitivity ≤ 2 s, a weight
edit ≤ 100 ms p95 with any tab shown, memory ≤ 500 MB.

    python bench/scale.py            # Haarlem, 15 × 30, the limit, and the limit with 40 weight sets, 20 changes
                                     # per tab
    python bench/scale.py --json     # the same as JSON
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOALS = {"open_s": 2.0, "sensitivity_s": 2.0, "edit_p95_ms": 100.0, "peak_mb": 500.0}


def _median_time(run, times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(size: str, changes: int) -> dict[str, object]:
    """Everything for one size, in this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, ROOT)
    from ombudscompare.core.costs import multi_year, pair_costs
    from ombudscompare.core.robustness import rank_frequencies
    from ombudscompare.core.scoring import evaluate
    from ombudscompare.core.sensitivity import weight_sensitivity
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.formats.project_file import dumps, parse_project
    from tests.synthetic import generated_project

    if size == "haarlem":
        made = haarlem_2018()
    else:
        shape, _, sets = size.partition("s")
        n, m = (int(part) for part in shape.split("x"))
        made = generated_project(n, m, seed=11)
        if sets:  # that many weight sets (the limit is 40), each weighing every criterion differently
            from ombudscompare.core.model import WeightSet

            ids = [c.id for c in made.criteria]
            made.weight_sets = [WeightSet(f"set{k}", f"Fractie {k}", {c: float(1 + (k * 7 + i * 13) % 40)
                                                                      for i, c in enumerate(ids)})
                                for k in range(1, int(sets) + 1)]
    text = dumps(made)
    load_s = _median_time(lambda: parse_project(text), 5)
    project = parse_project(text)

    def analyses() -> None:
        evaluation = evaluate(project)
        pair_costs(project)
        multi_year(project)
        weight_sensitivity(evaluation)
        rank_frequencies(evaluation, 10_000, 2018)

    sensitivity_s = _median_time(analyses, 3)

    from PySide6.QtWidgets import QApplication

    from ombudscompare.ui.app import application, apply_language, settle_after_start
    from ombudscompare.ui.binding import Binder
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings

    application()
    apply_language("nl")
    folder = tempfile.mkdtemp(prefix="ombudscompare-scale-")
    opened = []
    window = None
    for k in range(3):
        if window is not None:
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        start = time.perf_counter()
        window = MainWindow(Document(parse_project(text)), Settings(os.path.join(folder, f"{k}.ini")),
                            Recovery(os.path.join(folder, str(k))))
        window.resize(1366, 740)
        window.show()
        QApplication.processEvents()
        opened.append(time.perf_counter() - start)
    settle_after_start()
    QApplication.processEvents()

    binders: list = []

    def flush() -> None:
        for binder in binders:  # found once per tab: looking them up costs more than some redraws
            if binder.timer is not None and binder.timer.isActive():
                binder.refresh()
        QApplication.processEvents()

    row = next(r for r in window.weights_panel.rows if r.number.isEnabled())
    edits: dict[str, float] = {}
    step = 0
    for book in (window.tabs, window.chart_tabs):
        for index in range(book.count()):
            book.setCurrentIndex(index)
            QApplication.processEvents()
            binders[:] = window.findChildren(Binder)
            flush()
            samples = []
            for _ in range(changes):
                step += 1
                start = time.perf_counter()
                row.number.setValue(10.0 + step % 40)
                flush()
                samples.append((time.perf_counter() - start) * 1000.0)
            edits[f"{book.objectName()}:{book.tabText(index).replace('&', '')}"] = round(_p95(samples), 1)
    window.document.undo_stack.setClean()
    window.close()
    with open("/proc/self/status", encoding="ascii") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    return {
        "size": size, "options": len(project.options), "criteria": len(project.criteria),
        "load_median_s": round(load_s, 4), "sensitivity_median_s": round(sensitivity_s, 4),
        "open_median_s": round(statistics.median(opened), 3), "edit_p95_ms_per_tab": edits,
        "edit_p95_ms_worst": max(edits.values()), "peak_mb": round(peak_kb / 1024.0),
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return
    from ombudscompare.core.limits import MAX_CRITERIA, MAX_OPTIONS, MAX_WEIGHT_SETS

    sys.path.insert(0, HERE)
    from machine import machine

    limit = f"{MAX_OPTIONS}x{MAX_CRITERIA}"
    rows = []
    for size in ("haarlem", f"{MAX_OPTIONS // 2}x{MAX_CRITERIA // 2}", limit, f"{limit}s{MAX_WEIGHT_SETS}"):
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", size, "20"], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base, top = rows[0], rows[-2]
    report = {
        "machine": machine(),
        "sizes": rows,
        "limit": limit,
        "goals": GOALS,
        "at_limit_vs_haarlem": {
            "open_ratio": round(float(top["open_median_s"]) / float(base["open_median_s"]), 2),
            "edit_worst_ratio": round(float(top["edit_p95_ms_worst"]) / float(base["edit_p95_ms_worst"]), 2),
        },
        "limit_meets_goals": (top["open_median_s"] <= GOALS["open_s"]
                              and top["sensitivity_median_s"] <= GOALS["sensitivity_s"]
                              and top["edit_p95_ms_worst"] <= GOALS["edit_p95_ms"]
                              and top["peak_mb"] <= GOALS["peak_mb"]),
        "with_every_weight_set_meets_goals": rows[-1]["edit_p95_ms_worst"] <= GOALS["edit_p95_ms"],
    }
    if "--json" in sys.argv:
        print(json.dumps(report, indent=1))
        return
    for row in rows:
        print(f"{row['size']:>8}: load {row['load_median_s']:.3f} s, analyses {row['sensitivity_median_s']:.3f} s, "
              f"open {row['open_median_s']:.2f} s, weight edit p95 worst {row['edit_p95_ms_worst']} ms, "
              f"peak {row['peak_mb']} MB")
        print("          per tab:", ", ".join(f"{k} {v}" for k, v in row["edit_p95_ms_per_tab"].items()))
    print("limit", limit, "vs Haarlem:", report["at_limit_vs_haarlem"], "meets goals:", report["limit_meets_goals"],
          "with 40 weight sets:", report["with_every_weight_set_meets_goals"])
    print("machine:", report["machine"])


if __name__ == "__main__":
    main()
