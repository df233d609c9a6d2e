"""Starting the window: the application, language and translators, recovery, then the main window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTimer, QTranslator
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from ..examples import haarlem_2018
from ..formats.errors import FileError, Problem
from ..formats.loading import is_workbook, load_any
from ..i18n import set_language, system_language, tr
from ..resources import read_bytes
from . import keys
from .charts import style
from .document import Document
from .mainwindow import MainWindow
from .recovery import Recovery
from .settings import Settings
from .widgets.plain import plain_box

LOCALES = {"nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_translators: list[QTranslator] = []
SETTLE_DELAY_MS = 500


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so that settings and recovery files have a home."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("OmbudsCompare")
    app.setApplicationName("OmbudsCompare")
    app.setDesktopFileName("nl.ombudscompare.OmbudsCompare")  # Linux: the task bar finds the .desktop entry
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    style.configure()
    keys.install(app)
    return app


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app's icon in every size it ships (made from resources/icons/ombudscompare.svg)."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(read_bytes(f"icons/ombudscompare-{size}.png"), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def apply_language(lang: str) -> None:
    """Our catalogue, Qt's own strings (buttons, dialogs) and the number locale, all in `lang`."""
    set_language(lang)
    QLocale.setDefault(LOCALES[lang])
    app = application()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if lang != "en":
        translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(LOCALES[lang], "qtbase", "_", folder):
            app.installTranslator(translator)
            _translators.append(translator)
        gaps = QtGaps(lang)
        app.installTranslator(gaps)  # installed last: asked first
        _translators.append(gaps)


class QtGaps(QTranslator):
    """Labels of Qt's own file dialog that its Dutch catalogue lacks in the form the dialog asks for (it has
    'Look in:', the dialog asks for '&Look in:'): Qt's own words, with a shortcut letter."""

    WORDS = {"nl": {"&Look in:": "&Zoeken in:", "Files of &type:": "Bestanden van &type:"}}

    def __init__(self, lang: str):
        super().__init__()
        self.words = self.WORDS.get(lang, {})

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context == "QFileDialog" and source_text in self.words:
            return self.words[source_text]
        return None  # a null string: Qt asks the next translator

    def isEmpty(self) -> bool:
        return not self.words


def recovery_folder() -> Path:
    """Where unsaved work is kept: the user's local (not roaming) application data — %LOCALAPPDATA% on Windows, so
    recovery files are not copied to the server at every logon — in a folder of its own."""
    override = os.environ.get("OMBUDSCOMPARE_DATA_DIR")
    if override:
        return Path(override) / "recovery"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "OmbudsCompare" / "recovery"


def offer_recovery(window: MainWindow, recovery: Recovery) -> None:
    """After a crash: every piece of unsaved work that was kept, in one list (dialogs/recover.py); nothing is
    deleted unless the user says so."""
    if not recovery.available:
        warn_unprotected(window, recovery.problem)
        return
    kept = recovery.orphans()
    if kept:
        from .dialogs.recover import RecoveryDialog

        RecoveryDialog(window, kept).exec()


def warn_unprotected(window: MainWindow, reason: str) -> None:
    """Once: without a folder for recovery files, unsaved work is lost if the program is killed."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved work cannot be protected"),
                      tr("The folder for keeping unsaved work cannot be used ({reason}). OmbudsCompare works as"
                         " usual, but if it is closed unexpectedly, changes since the last save are lost. Save"
                         " often.", reason=reason), QMessageBox.StandardButton.Ok, window)
    plain_box(box)
    box.setObjectName("recovery_unavailable")
    if os.environ.get("OMBUDSCOMPARE_QUIT_WHEN_SHOWN"):
        QTimer.singleShot(0, box.accept)
    box.exec()


def settle_after_start() -> None:
    """Move everything made at start-up out of the garbage collector's way.

    Qt wrappers, modules and the project live for the whole session; without this, every full
    collection walks them all and shows up as stutter in the 95th percentile of redraws.
    """
    gc.collect()
    gc.freeze()


def refuse_start(title: str, line: str) -> int:
    """The window cannot start with what it was given: one line on stderr, the same in a message box, status 2."""
    if sys.stderr is not None:
        print(f"ombudscompare: {line}", file=sys.stderr, flush=True)
    box = QMessageBox(QMessageBox.Icon.Critical, title, line, QMessageBox.StandardButton.Ok)
    plain_box(box)
    box.setObjectName("start_refused")
    if os.environ.get("OMBUDSCOMPARE_QUIT_WHEN_SHOWN"):  # tests and benchmarks: the box is shown, then closed
        QTimer.singleShot(0, box.accept)
    box.exec()
    return 2


def run(path: str | None = None, lang: str | None = None, settings_path: str | None = None) -> int:
    """Open the window on `path` (or the Haarlem case) and run until it closes."""
    app = application()
    settings = Settings(settings_path)
    apply_language(lang or settings.language or system_language())
    project, opened = haarlem_2018(), None
    dropped: list[Problem] = []
    typed: list[Problem] = []
    if path is not None:
        try:
            project, opened = load_any(path, dropped, typed), (None if is_workbook(path) else os.path.abspath(path))
        except FileError as error:
            return refuse_start(tr("Cannot open the project"), error.render())
    document = Document(project, opened)
    recovery = Recovery(recovery_folder())
    window = MainWindow(document, settings, recovery)
    window.language_requested.connect(lambda code: switch_language(window, code))
    if opened:
        settings.add_recent(opened)
    if window.small_screen and not window.restored:
        window.showMaximized()  # every pixel of a 1366 × 768 laptop
    else:
        window.show()
    QTimer.singleShot(SETTLE_DELAY_MS, settle_after_start)  # once the window is up, not before
    if os.environ.get("OMBUDSCOMPARE_QUIT_WHEN_SHOWN"):  # for bench/bench.py: start-up time to a shown window
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
        return app.exec()
    if path is not None:
        window.files.tell_dropped(path, dropped, typed)
    offer_recovery(window, recovery)
    return app.exec()


def switch_language(window: MainWindow, lang: str) -> None:
    apply_language(lang)
    window.settings.language = lang
    window.retranslate()
