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


def weight_latency(changes: int = 240) -> list[dict[str, object]]:
    """Milliseconds from a weight change to totals, tables and both charts redrawn (median, 95th percentile)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tests.synthetic import generated_project
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.ui.app import apply_language, application, settle_after_start
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings

    application()
    apply_language("nl")
    folder = tempfile.mkdtemp(prefix="ombudscompare-bench-")
    results = []
    for name, project, goal in (("haarlem-2018", haarlem_2018(), 16), ("generated-30x30", generated_project(30, 30, 7), 50)):
        window = MainWindow(Document(project), Settings(os.path.join(folder, f"{name}.ini")),
                            Recovery(os.path.join(folder, name)))
        window.show()
        QApplication.processEvents()
        settle_after_start()  # as ombudscompare.ui.app.run does once the window is shown
        row = next(r for r in window.weights_panel.rows if r.number.isEnabled())
        samples = []
        for i in range(changes):
            value = 10.0 + (i % 40)
            start = time.perf_counter()
            row.number.setValue(value)
            window.totals_chart.view.repaint()
            window.profile_chart.view.repaint()
            QApplication.processEvents()
            samples.append((time.perf_counter() - start) * 1000.0)
        samples.sort()
        results.append({
            "case": name,
            "changes": changes,
            "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(0.95 * len(samples)) - 1], 2),
            "goal_p95_ms": goal,
        })
        window.document.undo_stack.setClean()
        window.close()
    return results
