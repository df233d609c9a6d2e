"""Standalone app figures: `python bench/bundle.py` (after `python packaging/build.py`) prints one JSON object.

Size of the zip and the unpacked folder with its largest parts, and the cold start of the bundled
window to shown against the same app started from its virtual environment (`python -m ombudscompare`),
measured alternately in one run so both share the machine's noise.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402 - packaging/build.py: the same size summary the build prints

import gui  # noqa: E402 - bench/gui.py: start a program and time it until its window is shown


def cold_start(program: Path, runs: int = 15) -> dict[str, object]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the virtual environment's start with cached bytecode, like the bundle's
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["OMBUDSCOMPARE_QUIT_WHEN_SHOWN"] = "1"
    env["OMBUDSCOMPARE_DATA_DIR"] = tempfile.mkdtemp(prefix="ombudscompare-bench-")
    bundled_cmd = [str(program)]
    venv_cmd = [sys.executable, "-m", "ombudscompare"]
    gui._until_shown(bundled_cmd, env), gui._until_shown(venv_cmd, env)  # warm the file cache
    bundled, venv = [], []
    for _ in range(runs):
        bundled.append(gui._until_shown(bundled_cmd, env))
        venv.append(gui._until_shown(venv_cmd, env))
    return {
        "platform": env["QT_QPA_PLATFORM"],
        "bundled_median_ms": round(statistics.median(bundled), 1),
        "virtual_environment_median_ms": round(statistics.median(venv), 1),
        "ratio": round(statistics.median(bundled) / statistics.median(venv), 3),
        "goal_ratio": 1.3,
        "runs": runs,
    }


def main() -> int:
    program = build.FOLDER / ("OmbudsCompare.exe" if sys.platform == "win32" else "OmbudsCompare")
    zips = sorted((ROOT / "dist").glob("OmbudsCompare-*.zip"))
    if not program.exists() or not zips:
        print("no bundle: run python packaging/build.py first", file=sys.stderr)
        return 2
    results = {"size": {**build.sizes(zips[-1]), "goal_zip_mb": 80, "goal_folder_mb": 200},
               "cold_start": cold_start(program)}
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
