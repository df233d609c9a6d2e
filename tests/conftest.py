"""Shared fixtures: a fixed language per test and the built-in Haarlem case."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile("default")

from ombudscompare import i18n  # noqa: E402
from ombudscompare.examples import haarlem_2018  # noqa: E402


@pytest.fixture(autouse=True)
def english():
    """Messages in English unless a test switches; restored afterwards."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def haarlem():
    return haarlem_2018()


def pytest_collection_modifyitems(items):
    """Window tests are marked `gui`, so `pytest -m "not gui"` runs the Qt-free suite alone."""
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
