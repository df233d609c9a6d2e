"""Time and peak memory to refuse each hostile workbook, next to opening a normal one.

    python bench/hostile.py            # one JSON object: per kind, seconds and peak MB (median of 3)

Each attempt runs in a fresh Python process limited to 2 GB of address space and 120 s, so a reader
that would exhaust the machine shows up as 'memory limit' or 'timeout' instead.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.formats.hostile import KINDS, make  # noqa: E402

CHILD = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.errors import FileError
start = time.perf_counter()
try:
    load_any(sys.argv[1])
    outcome = "opened"
except FileError as error:
    outcome = "refused: " + error.render("en").split(": ", 1)[1][:90]
except MemoryError:
    outcome = "memory limit"
took = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(took, peak / 1024, outcome, sep="\\t")  # VmHWM: this process's own peak (ru_maxrss survives exec)
"""


def attempt(path: Path) -> tuple[float, float, str]:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return 120.0, float("nan"), "timeout"
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return float("nan"), float("nan"), f"crashed: {last[:90]}"
    seconds, megabytes, outcome = done.stdout.strip().split("\t", 2)
    return float(seconds), float(megabytes), outcome


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind in KINDS:
            path = make(kind, Path(folder))
            runs = [attempt(path) for _ in range(3)]
            results[kind] = {"file_kb": round(path.stat().st_size / 1024, 1),
                             "median_s": round(statistics.median(r[0] for r in runs), 3),
                             "peak_mb": round(max(r[1] for r in runs), 1), "outcome": runs[-1][2]}
    print(json.dumps(results, indent=2).replace("NaN", "null"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
