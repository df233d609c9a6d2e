"""The machine a benchmark ran on, printed with its figures: timings mean little without it."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time


def machine() -> dict[str, object]:
    """CPU model, cores, the load average at the time (a busy machine makes every figure worse), Python and Qt."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    except OSError:
        pass
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "not installed"
    return {"cpu": model, "cores": os.cpu_count(), "load_average_1_5_15_min": load, "system": platform.platform(),
            "python": sys.version.split()[0], "pyside6": qt, "steadiness": steadiness()}


def steadiness(samples: int = 150) -> dict[str, float]:
    """The same fixed pure-Python work timed again and again: how far this machine's own 95th percentile lies above
    its median (a shared virtual machine's can lie 1.5–2 × above), so that a p95 next to it can be read."""
    work = range(40_000)
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        sum(i * i for i in work)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    median, p95 = statistics.median(times), times[int(0.95 * len(times)) - 1]
    return {"fixed_work_median_ms": round(median, 2), "fixed_work_p95_ms": round(p95, 2),
            "p95_over_median": round(p95 / median, 2)}
