"""Guards against Qt bindings that drop references to None (PySide6 6.12.0 did; it aborts Python < 3.12)."""

import gc
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")


def test_redrawing_does_not_leak_references_to_none(window):
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    gc.collect()
    before = sys.getrefcount(None)
    for percent in range(21, 41):
        row.number.setValue(float(percent))
    window.retranslate()
    gc.collect()
    assert sys.getrefcount(None) - before > -100, "the Qt bindings drop references to None; see pyproject.toml"
