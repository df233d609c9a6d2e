"""The machine a benchmark ran on, printed with its figures: timings mean little without it."""

from __future__ import annotations

import os
import platform
import sys


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
            "python": sys.version.split()[0], "pyside6": qt}
