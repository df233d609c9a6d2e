"""What the standalone bundle keeps and leaves out (read by the PyInstaller spec and by the tests).

The app uses QtCore, QtGui, QtWidgets and QtSvg (SVG export), and pyqtgraph loads QtOpenGL(Widgets)
whether or not it draws with OpenGL. It needs a platform plugin to show a window (and the offscreen
one for --self-test), input-method plugins to type accented letters on Linux, and Qt's own Dutch
strings. Platform themes (GTK, the desktop portal) stay out: they would pull in GTK and GLib, and
Qt's own dialogs do the job. Everything else Qt ships — QML, Quick, WebEngine, 3D, multimedia, image
formats (PNG is built in), SQL, TLS, printing — stays out.
"""

from __future__ import annotations

EXCLUDED_MODULES = [
    "tkinter", "unittest", "doctest", "pytest", "IPython", "jupyter_client", "matplotlib", "scipy",
    "pandas", "PyQt5", "PyQt6", "PySide2", "cupy", "numba", "h5py", "OpenGL", "metaarray",
    "ssl", "_ssl", "_hashlib",  # no network: hashlib falls back to Python's own hashes, and libssl stays out
    "PIL",  # openpyxl reads images with Pillow if it is there; the workbooks hold none (15 MB in a test env)
    *(f"PySide6.{name}" for name in (
        "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtWebEngineCore", "QtWebEngineWidgets",
        "QtWebChannel", "QtNetwork", "QtMultimedia", "QtSql", "QtTest", "QtDesigner", "QtPrintSupport", "QtHelp",
        "QtUiTools", "QtXml", "QtConcurrent", "QtDBus", "QtPdf", "QtPdfWidgets", "QtSvgWidgets", "QtStateMachine",
        "QtCharts", "QtDataVisualization", "QtGraphs", "Qt3DCore")),
]
# pyqtgraph parts the app never loads (OpenGL, Jupyter, the flowchart and console widgets, examples)
_PYQTGRAPH_SKIPPED = ("pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.examples", "pyqtgraph.flowchart",
                      "pyqtgraph.console", "pyqtgraph.canvas", "pyqtgraph.dockarea")
PYQTGRAPH_DATA_EXCLUDES = ["**/examples/**", "**/opengl/**", "**/*.ui", "**/icons/*.svg"]

# Qt plugins by folder: the ones named are kept (a name fragment), any other folder goes entirely.
KEPT_PLUGINS = {
    "platforms": ("qxcb", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"),
    "platforminputcontexts": ("compose", "ibus"),
    "styles": ("modernwindowsstyle", "windowsvista", "macstyle"),
}
KEPT_TRANSLATIONS = ("qtbase_nl.qm",)
DROPPED_LIBRARIES = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Pdf", "Qt6Network", "Qt6Sql",
                     "Qt6VirtualKeyboard", "Qt6Designer", "Qt6Multimedia", "Qt6WaylandClient",
                     "Qt6WaylandEgl", "Qt6EglFS", "Qt6ShaderTools", "Qt63D", "Qt6Charts", "Qt6Graphs")


def keep_pyqtgraph_module(name: str) -> bool:
    return not any(name == skipped or name.startswith(skipped + ".") for skipped in _PYQTGRAPH_SKIPPED)


def keep(destination: str) -> bool:
    """Whether a file at this place in the bundle is needed."""
    path = destination.replace("\\", "/")
    parts = path.split("/")
    if "plugins" in parts:
        at = parts.index("plugins")
        if len(parts) > at + 2 and at > 0 and parts[at - 1] in ("Qt", "PySide6"):  # Linux/macOS: PySide6/Qt/plugins
            folder, name = parts[at + 1], parts[-1]
            return any(fragment in name for fragment in KEPT_PLUGINS.get(folder, ()))
    if "translations" in parts and parts[-1].endswith(".qm"):
        return parts[-1] in KEPT_TRANSLATIONS
    name = parts[-1]
    return not any(library in name for library in DROPPED_LIBRARIES)


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def reachable(binaries: list, imports) -> list:
    """Only the libraries something kept still loads: leaving out a plugin leaves out what it alone needed.

    `binaries` is PyInstaller's list of (destination, source, kind); `imports(path)` gives the names a
    binary links against. The roots are Python's own library, every extension module and every kept
    plugin; libraries nothing reaches (those of the GTK theme, D-Bus, Wayland, …) are dropped. If a
    binary cannot be read, nothing is dropped.
    """
    links = [entry for entry in binaries if entry[2] == "SYMLINK"]
    binaries = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {_base(dest): (dest, source, kind) for dest, source, kind in binaries}
    roots = [entry for entry in binaries if entry[2] == "EXTENSION" or "/plugins/" in entry[0].replace("\\", "/")
             or _base(entry[0]).startswith(("libpython", "python3", "python"))]
    seen = {_base(entry[0]) for entry in roots}
    queue = [entry[1] for entry in roots]
    while queue:
        try:
            names = imports(queue.pop())
        except Exception:  # an unreadable binary: keep everything rather than guess
            return binaries
        for name, _path in names:
            key = _base(name)
            if key in by_name and key not in seen:
                seen.add(key)
                queue.append(by_name[key][1])
    kept = [entry for entry in binaries if _base(entry[0]) in seen]
    return kept + without_dangling_links(links, kept)


def without_dangling_links(entries: list, binaries: list) -> list:
    """Symbolic links (kind SYMLINK) stay only while what they point to is in the bundle."""
    places = {_normal(entry[0].replace("\\", "/")) for entry in binaries}
    kept = []
    for dest, target, kind in entries:
        if kind == "SYMLINK":
            folder = dest.replace("\\", "/").rsplit("/", 1)[0] if "/" in dest.replace("\\", "/") else ""
            if _normal(f"{folder}/{target}" if folder else target) not in places:
                continue
        kept.append((dest, target, kind))
    return kept


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
