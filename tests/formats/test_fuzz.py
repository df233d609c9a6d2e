"""Random mutations and truncations of a valid file only ever raise the loader's own clear error."""

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombudscompare.examples import haarlem_2018_text
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import parse_project

TEXT = haarlem_2018_text()
DATA = json.loads(TEXT)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


PATHS = list(_paths(DATA))[1:]


def _load_or_clear_error(text):
    try:
        parse_project(text, "fuzz.json")
    except FileError as error:
        line = error.render("en")
        assert line.startswith("fuzz.json: ") and "\n" not in line and "Traceback" not in line
        assert error.render("nl")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(TEXT)))
def test_truncations(cut):
    _load_or_clear_error(TEXT[:cut])


@settings()
@given(position=st.integers(0, len(TEXT) - 1), junk=st.text(min_size=1, max_size=5))
def test_character_damage(position, junk):
    _load_or_clear_error(TEXT[:position] + junk + TEXT[position + len(junk):])


@settings()
@given(index=st.integers(0, len(PATHS) - 1), value=json_values, delete=st.booleans())
def test_value_replacements(index, value, delete):
    data = json.loads(TEXT)
    path = PATHS[index]
    node = data
    for key in path[:-1]:
        node = node[key]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    _load_or_clear_error(json.dumps(data))


@settings()
@given(seed=st.integers(0, 2**32 - 1))
def test_shuffled_lists_and_dropped_entries(seed):
    rng = random.Random(seed)
    data = json.loads(TEXT)
    for key in ("options", "criteria", "scores"):
        rng.shuffle(data[key])
        if rng.random() < 0.5 and data[key]:
            data[key].pop(rng.randrange(len(data[key])))
    _load_or_clear_error(json.dumps(data))
