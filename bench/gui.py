"""Window figures: cold start against a bare PySide6 + pyqtgraph window, and weight-change latency."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1366, 740)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _until_shown(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.stdout.close()
    child.wait()
    if line.strip() != "shown":
        raise RuntimeError(f"{command[:3]} did not show a window")
    return elapsed * 1000.0


def cold_start(runs: int = 15) -> dict[str, object]:
    """Median milliseconds from starting the process to a shown window; runs alternate to share the noise."""
    env = dict(os.environ)
    # as installed for a user: bytecode cached (pip compiles it; an editable checkout caches it on the warm-up
    # start below). With PYTHONDONTWRITEBYTECODE set, every start recompiled ~70 of the app's modules (~70 ms)
    # while the bare window's pyqtgraph came precompiled, which is no like-for-like comparison.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["OMBUDSCOMPARE_QUIT_WHEN_SHOWN"] = "1"
    env["OMBUDSCOMPARE_DATA_DIR"] = tempfile.mkdtemp(prefix="ombudscompare-bench-")
    app_cmd = [sys.executable, "-m", "ombudscompare"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    _until_shown(app_cmd, env), _until_shown(bare_cmd, env)  # warm the file cache
    app, bare = [], []
    for _ in range(runs):
        app.append(_until_shown(app_cmd, env))
        bare.append(_until_shown(bare_cmd, env))
    return {
        "platform": env["QT_QPA_PLATFORM"],
        "app_median_ms": round(statistics.median(app), 1),
        "bare_pyside6_pyqtgraph_median_ms": round(statistics.median(bare), 1),
        "ratio": round(statistics.median(app) / statistics.median(bare), 3),
        "goal_ratio": 1.5,
        "runs": runs,
    }


def _redraw_counter():
    """Counts chart redraws (show_data calls) so hidden charts doing work would show up."""
    from ombudscompare.ui.charts.base import BarChart
    from ombudscompare.ui.charts.lines import LineChart

    counts = {"redraws": 0}
    for cls in (BarChart, LineChart):
        original = cls.show_data

        def counted(self, data, _original=original):
            counts["redraws"] += 1
            return _original(self, data)

        cls.show_data = counted
    return counts


def _binders(window, extra=()):
    """Every view bound to the document (found once: looking them up costs more than some redraws)."""
    from ombudscompare.ui.binding import Binder

    return [binder for root in (window, *extra) for binder in root.findChildren(Binder)]


def _flush(window, extra=(), binders=None):
    """Everything visible redrawn now: pending (debounced) visible views refreshed, charts repainted."""
    from PySide6.QtWidgets import QApplication

    for binder in binders if binders is not None else _binders(window, extra):
        if binder.timer is not None and binder.timer.isActive():
            binder.refresh()
    for chart in (window.totals_chart, window.profile_chart):
        chart.view.repaint()
    for root in extra:
        current = root.stack.currentWidget()
        current.view.repaint()
    QApplication.processEvents()


def weight_latency(changes: int = 240) -> list[dict[str, object]]:
    """Milliseconds from a weight change to everything visible redrawn (median, 95th percentile).

    Cases: Haarlem, Haarlem with the presentation open (its current slide redrawn too; hidden slides must
    stay idle) and a generated 30 × 30 project. `redraws_per_change` counts chart redraws per change.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ombudscompare.examples import haarlem_2018
    from ombudscompare.explain.kinds import SLIDES
    from ombudscompare.ui.app import application, apply_language, settle_after_start
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings
    from tests.synthetic import generated_project

    application()
    apply_language("nl")
    counts = _redraw_counter()
    folder = tempfile.mkdtemp(prefix="ombudscompare-bench-")
    results = []
    # goals: the frame budgets of issue 18 on a 2-core machine
    cases = (("haarlem-2018", haarlem_2018, False, 10), ("haarlem-2018-presentation-open", haarlem_2018, True, 16),
             ("generated-30x30", lambda: generated_project(30, 30, 7), False, 25))
    for name, make, present, goal in cases:
        window = MainWindow(Document(make()), Settings(os.path.join(folder, f"{name}.ini")),
                            Recovery(os.path.join(folder, name)))
        window.show()
        extra = ()
        if present:
            show = window.start_presentation()
            # the sensitivity slide (the costliest to draw), found by its kind: slides added before it moved it
            show.show_slide(SLIDES.index("sensitivity"))
            extra = (show,)
        QApplication.processEvents()
        settle_after_start()  # as ombudscompare.ui.app.run does once the window is shown
        row = next(r for r in window.weights_panel.rows if r.number.isEnabled())
        samples = []
        counts["redraws"] = 0
        binders = _binders(window, extra)
        for i in range(changes):
            value = 10.0 + (i % 40)
            start = time.perf_counter()
            row.number.setValue(value)
            _flush(window, extra, binders)
            samples.append((time.perf_counter() - start) * 1000.0)
        redraws = counts["redraws"] / changes
        samples.sort()
        results.append({
            "case": name,
            "changes": changes,
            "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(0.95 * len(samples)) - 1], 2),
            "goal_p95_ms": goal,
            "redraws_per_change": round(redraws, 2),
        })
        for show in extra:
            show.close()
        window.document.undo_stack.setClean()
        window.close()
    return results


def long_drag(ticks: int = 5000) -> dict[str, object]:
    """A slider drag of `ticks` ticks on the real weights panel: the undo step it leaves, and undoing it."""
    import pickle

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ombudscompare.core.edits import Compound
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.ui.app import application, apply_language
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.widgets.weights import SLIDER_STEPS, WeightsPanel

    application()
    apply_language("nl")
    document = Document(haarlem_2018())
    panel = WeightsPanel(document)
    row = next(r for r in panel.rows if r.criterion_id == "local_involvement")
    row.slider.setSliderDown(True)
    start = time.perf_counter()
    for tick in range(ticks):
        row.slider.setValue(50 + (tick * 37) % (SLIDER_STEPS - 100))
    took = time.perf_counter() - start
    row.slider.setSliderDown(False)
    step = document.undo_stack.command(0)
    edit = step.command.edit

    def depth(e):
        return 1 + max((depth(x) for x in e.edits), default=0) if isinstance(e, Compound) else 1

    undo_start = time.perf_counter()
    document.undo_stack.undo()
    undo_ms = (time.perf_counter() - undo_start) * 1000.0
    return {
        "ticks": ticks,
        "undo_steps": document.undo_stack.count(),
        "step_field_changes": len(edit.edits),
        "step_depth": depth(edit),
        "step_pickled_bytes": len(pickle.dumps(edit)),
        "drag_ms_per_tick": round(took * 1000.0 / ticks, 3),
        "undo_ms": round(undo_ms, 2),
        "undo_text": step.text(),
    }


def sets_redraw(changes: int = 200) -> dict[str, object]:
    """The 'Who chooses what' tab shown with 8 sets on the Haarlem case: milliseconds from a weight change to
    everything visible redrawn (the window's ranking, the tab's matrix, sentences, chart and shares), median and
    95th percentile; goal a frame (16 ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    try:
        from ombudscompare import commands
        commands.add_set  # noqa: B018 - the commands package (before it: set_commands)
    except AttributeError:
        from ombudscompare import set_commands as commands  # the same benchmark on older code, for before/after
    from ombudscompare.core.model import WeightSet
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.ui.app import application, apply_language
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings
    from ombudscompare.ui.tabs import ChartTab

    application()
    apply_language("nl")
    project = haarlem_2018()
    ids = [c.id for c in project.enabled_criteria()]
    for k in range(8 - len(project.weight_sets)):
        commands.add_set(project, WeightSet("", f"Fractie {k + 1}", {c: 10.0 + (k * 7 + i * 13) % 40 for i, c in
                                                                           enumerate(ids)})).edit.apply(project)
    folder = tempfile.mkdtemp(prefix="ombudscompare-bench-")
    window = MainWindow(Document(project), Settings(os.path.join(folder, "s.ini")), Recovery(os.path.join(folder, "r")))
    window.show()
    tab = window.chart_tab(ChartTab.SETS)
    window.chart_tabs.setCurrentWidget(tab.parentWidget())
    QApplication.processEvents()
    row = next(r for r in window.weights_panel.rows if r.number.isEnabled())
    samples = []
    binders = _binders(window)
    for i in range(changes):
        start = time.perf_counter()
        row.number.setValue(10.0 + (i % 40))
        _flush(window, (), binders)
        tab.chart.view.repaint()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000.0)
    window.document.undo_stack.setClean()
    window.close()
    samples.sort()
    return {"sets": len(project.weight_sets), "changes": changes, "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(0.95 * len(samples)) - 1], 2), "goal_p95_ms": 16}
