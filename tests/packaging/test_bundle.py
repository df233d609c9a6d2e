"""The standalone app, built as IT would build it and used as a person would: self-test, command line,
a bad file, and nothing written beside the program. Slow (a PyInstaller build); .ci/run runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "dist" / "OmbudsCompare"
PROGRAM = FOLDER / ("OmbudsCompare.exe" if sys.platform == "win32" else "OmbudsCompare")
CLI = FOLDER / ("ombudscompare-cli.exe" if sys.platform == "win32" else "OmbudsCompare")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle():
    pytest.importorskip("PyInstaller", reason='the standalone build needs pip install ".[bundle]"')
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--json"], capture_output=True,
                          text=True, timeout=1800, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout[done.stdout.index("{"):])
    return summary


def _clean_env(home: Path, **changes) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), **changes)
    return env


def _listing() -> dict[str, int]:
    return {str(p.relative_to(FOLDER)): p.stat().st_mtime_ns for p in FOLDER.rglob("*") if p.is_file()}


def test_the_bundle_passes_its_self_test_and_writes_nothing(bundle, tmp_path):
    before = _listing()
    done = subprocess.run([str(CLI), "--self-test"], capture_output=True, text=True, timeout=300,
                          env=_clean_env(tmp_path / "home"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("self-test passed (") and done.stdout.count("\n") == 1
    assert _listing() == before, "nothing is written beside the program"
    assert not (tmp_path / "home").exists(), "the self-test leaves the profile alone"


def test_the_bundled_command_line_gives_the_haarlem_totals(bundle, tmp_path):
    done = subprocess.run([str(CLI), "--lang", "en", "summary", "--json"], capture_output=True, text=True,
                          timeout=120, env=_clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    totals = {o["id"]: round(o["total"], 2) for o in json.loads(done.stdout)["options"]}
    assert totals == {"no": 77.19, "goma": 60.5}


def test_the_bundled_window_refuses_a_missing_file_in_one_line(bundle, tmp_path):
    done = subprocess.run([str(CLI), "--lang", "en", str(tmp_path / "missing.json")], capture_output=True, text=True,
                          timeout=120, env=_clean_env(tmp_path, QT_QPA_PLATFORM="offscreen",
                                                      OMBUDSCOMPARE_QUIT_WHEN_SHOWN="1"))
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("ombudscompare:")]
    assert lines == [f"ombudscompare: {tmp_path / 'missing.json'}: file not found"]
    assert "Traceback" not in done.stderr


def test_the_bundled_window_starts_on_the_haarlem_case(bundle, tmp_path):
    done = subprocess.run([str(CLI)], capture_output=True, text=True, timeout=120,
                          env=_clean_env(tmp_path, QT_QPA_PLATFORM="offscreen", OMBUDSCOMPARE_QUIT_WHEN_SHOWN="1",
                                         OMBUDSCOMPARE_DATA_DIR=str(tmp_path / "data")))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "shown\n"


def test_the_bundle_leaves_out_what_the_app_does_not_use(bundle):
    names = [str(p.relative_to(FOLDER)).replace("\\", "/") for p in FOLDER.rglob("*")]
    assert not [n for n in names if any(part in n for part in ("Qt6Qml", "Qt6Quick", "WebEngine", "qml/"))]
    translations = [n.rsplit("/", 1)[-1] for n in names if n.endswith(".qm")]
    assert translations == ["qtbase_nl.qm"]
    assert not [n for n in names if "/plugins/imageformats/" in n]
    assert any(n.endswith("ombudscompare/resources/translations/nl.json") for n in names)
    assert bundle["zip"].startswith("OmbudsCompare-") and (ROOT / "dist" / bundle["zip"]).is_file()
