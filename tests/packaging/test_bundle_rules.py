"""What the standalone bundle keeps: the rules the PyInstaller spec applies, checked on their own."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import bundle_rules


@pytest.mark.parametrize(("path", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/translations/qtbase_nl.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtdeclarative_nl.qm", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6QuickWidgets.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
    ("ombudscompare/resources/translations/nl.json", True),
])
def test_what_the_bundle_keeps(path, kept):
    assert bundle_rules.keep(path) is kept


def test_pyqtgraph_modules_the_app_never_loads_are_left_out():
    assert bundle_rules.keep_pyqtgraph_module("pyqtgraph.graphicsItems.PlotItem")
    assert bundle_rules.keep_pyqtgraph_module("pyqtgraph.exporters.SVGExporter")
    assert bundle_rules.keep_pyqtgraph_module("pyqtgraph.parametertree")  # the exporters need it
    assert not bundle_rules.keep_pyqtgraph_module("pyqtgraph.opengl.items.GLMeshItem")
    assert not bundle_rules.keep_pyqtgraph_module("pyqtgraph.examples")
    assert bundle_rules.keep_pyqtgraph_module("pyqtgraph.openglx") is True


def test_libraries_only_a_dropped_plugin_needed_are_dropped():
    links = {
        "/src/QtWidgets.so": ["libQt6Widgets.so.6"],
        "/src/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/libicuuc.so.73": [],
        "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Gui.so.6"],
        "/src/libxcb-cursor.so.0": [],
        "/src/libcairo.so.2": ["libX11.so.6"],
        "/src/libX11.so.6": [],
        "/src/libpython3.11.so.1.0": [],
    }
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # was needed by the dropped GTK theme only
        ("libX11.so.6", "/src/libX11.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        ("libcairo-link.so", "libcairo.so.2", "SYMLINK"),
    ]
    kept = bundle_rules.reachable(binaries, lambda path: {(name, None) for name in links[path]})
    names = {dest.rsplit("/", 1)[-1] for dest, _source, _kind in kept}
    assert names == {"QtWidgets.abi3.so", "libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6",
                     "libicuuc.so.73", "libqxcb.so", "libxcb-cursor.so.0", "libpython3.11.so.1.0"}
    assert ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK") in kept
    assert not any(kind == "SYMLINK" and "cairo" in dest for dest, _s, kind in kept)


def test_an_unreadable_binary_drops_nothing():
    binaries = [("a.so", "/a.so", "EXTENSION"), ("b.so", "/b.so", "BINARY")]

    def broken(_path):
        raise OSError("cannot read")

    assert bundle_rules.reachable(binaries, broken) == binaries
