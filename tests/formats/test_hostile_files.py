"""Files that would crash or hang a careless reader: each gives the one-line message, never an internal error."""

import json
import os

import pytest

from ombudscompare.examples import haarlem_2018_text
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.loading import load_any


def test_an_integer_of_thousands_of_digits_is_a_message(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(haarlem_2018_text().replace('"population": 159717', '"population": ' + "9" * 5000))
    with pytest.raises(FileError, match="holds a number with far too many digits"):
        load_any(path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("name", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_reading(name):
    with pytest.raises(FileError, match="is not an ordinary file"):
        load_any(name)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, suffix):
    path = tmp_path / f"pipe{suffix}"
    os.mkfifo(path)
    with pytest.raises(FileError, match="is not an ordinary file"):
        load_any(path)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "project.json"
    folder.mkdir()
    with pytest.raises(FileError, match="is a folder"):
        load_any(folder)


def test_a_scale_score_as_a_huge_float_is_a_message(tmp_path):
    data = json.loads(haarlem_2018_text())
    data["scores"][0]["value"] = 1e308 * 10  # inf: not valid JSON when written, so the reader sees Infinity
    path = tmp_path / "inf.json"
    path.write_text(json.dumps(data))
    with pytest.raises(FileError, match="must be a finite number"):
        load_any(path)
