"""Workbooks built to exhaust a careless reader: each opens (its inputs are intact) or is refused with a message,
in a separate process held to 1 GB and 60 s so a regression cannot take the machine down with it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import dumps
from tests.formats.hostile import make

CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))
from ombudscompare.formats.loading import load_any
from ombudscompare.formats.project_file import dumps
from ombudscompare.formats.errors import FileError
try:
    print(json.dumps({"opened": dumps(load_any(sys.argv[1]))}))
except FileError as error:
    print(json.dumps({"refused": error.render("en")}))
"""


def load_apart(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-1500:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", ["merged", "hyperlink", "far-rows"])
def test_enormous_ranges_outside_the_inputs_cost_nothing(tmp_path, kind):
    """A merged range or hyperlink over the whole sheet, or rows a million down: only the tables are read."""
    normal = load_any(make("normal", tmp_path))
    assert load_apart(make(kind, tmp_path)) == {"opened": dumps(normal)}


@pytest.mark.parametrize("kind, message", [
    ("strings", "was refused: it holds more than 250,000 different texts"),
    ("meta-range", "Costs!A1:XFD1048576: the workbook's hidden sheet names no single cell here"),
    ("meta-rows", "is damaged: its hidden sheet '_ombudscompare' does not describe this workbook"),
    ("meta-no-sheets", "is damaged: its hidden sheet '_ombudscompare' cannot be read"),
    ("meta-wide", "_ombudscompare: criteria: has 200007 entries; OmbudsCompare works with at most 60"),
])
def test_hostile_workbooks_are_refused_in_words(tmp_path, kind, message):
    outcome = load_apart(make(kind, tmp_path))
    assert "refused" in outcome and message in outcome["refused"], outcome
    assert "\n" not in outcome["refused"]
