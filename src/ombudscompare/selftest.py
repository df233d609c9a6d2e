"""`ombudscompare --self-test`: does this installation (a virtual environment or the standalone bundle) work?

Builds the main window offscreen on the Haarlem case, checks its totals, renders every chart kind,
writes the Excel workbook and reads it back, and writes the PDF report and the Word appendix — everything in a temporary
folder, nothing beside the program. One line of output: how many checks passed, or the first step
that failed and why.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from .core.model import Project

EXPECTED_TOTALS = {"no": 77.19, "goma": 60.50}
PASSED, FAILED = 0, 1


class Failure(Exception):
    """A check that did not hold, in words."""


class SelfTest:
    """Runs named steps in order; each step makes one or more checks."""

    def __init__(self, folder: Path, lang: str):
        self.folder = folder
        self.lang = lang
        self.checks = 0
        from .examples import haarlem_2018

        self.project: Project = haarlem_2018()

    def check(self, condition: bool, what: str) -> None:
        if not condition:
            raise Failure(what)
        self.checks += 1

    # --- the steps ------------------------------------------------------------------------------
    def model(self) -> None:
        from .core.scoring import evaluate

        evaluation = evaluate(self.project)
        for option_id, expected in EXPECTED_TOTALS.items():
            total = round(evaluation.result(option_id).total, 2)
            self.check(total == expected, f"{option_id} scores {total}, expected {expected}")
        self.check(evaluation.ranking()[0].option_id == "no", "the Nationale ombudsman should rank first")

    def qt(self) -> None:
        from .ui.environment import use_offscreen

        use_offscreen()
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

        from .ui.app import application, apply_language

        app = application()
        apply_language(self.lang)
        self.check(not app.windowIcon().isNull(), "the app has no icon")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        self.check(translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder),
                   f"Qt's Dutch translations are missing from {folder}")

    def window(self) -> None:
        from PySide6.QtWidgets import QApplication

        from .ui.document import Document
        from .ui.mainwindow import MainWindow
        from .ui.recovery import Recovery
        from .ui.settings import Settings

        window = MainWindow(Document(self.project), Settings(str(self.folder / "settings.ini")),
                            Recovery(self.folder / "recovery"))
        window.show()
        QApplication.processEvents()
        self.check(window.isVisible(), "the main window does not show")
        ranking = window.result.ranking_model
        self.check(ranking.rowCount() == 2, "the ranking should list two options")
        self.check(ranking.index(0, 2).data() in ("77,2", "77.2"), f"the ranking shows {ranking.index(0, 2).data()}")
        self.check(window.totals_chart.data.get("options") == ["no", "goma"], "the ranking chart is not drawn")
        self.check(not window.windowIcon().isNull(), "the window has no icon")
        window.document.undo_stack.setClean()
        window.close()

    def charts(self) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QImage

        from .explain.kinds import KINDS
        from .ui.export.charts import chart_widget, png_bytes, svg_bytes

        for kind in KINDS:
            widget = chart_widget(kind, self.project, self.lang)
            image = QImage.fromData(png_bytes(widget, QSize(960, 540)))
            self.check(image.width() == 960 and not image.isNull(), f"the {kind} chart did not render")
            colours = {image.pixel(x, y) for x in range(0, 960, 48) for y in range(0, 540, 27)}
            self.check(len(colours) > 3, f"the {kind} chart is blank")
            if kind == "ranking":
                self.check(b"<svg" in svg_bytes(widget, QSize(960, 540)), "SVG export does not work")
            widget.deleteLater()

    def workbook(self) -> None:
        from .formats.loading import load_any
        from .formats.workbook import export_workbook

        path = self.folder / "self-test.xlsx"
        export_workbook(self.project, path, self.lang)
        self.check(path.stat().st_size > 5_000, "the workbook is too small")
        again = load_any(path)
        self.check(len(again.options) == 2 and again.municipality.population == 159_717,
                   "the workbook does not read back")

    def report(self) -> None:
        from .ui.export.report import write_report

        path = self.folder / "self-test.pdf"
        write_report(self.project, path, self.lang)
        data = path.read_bytes()
        self.check(data.startswith(b"%PDF") and len(data) > 50_000, "the PDF report is not written")
        self.check(b'pdfaid:part="1"' in data, "the PDF report is not PDF/A")

    def word(self) -> None:
        import zipfile

        from .ui.export.word import write_word

        path = self.folder / "self-test.docx"
        write_word(self.project, path, self.lang)
        with zipfile.ZipFile(path) as package:
            document = package.read("word/document.xml").decode("utf-8")
            pictures = [n for n in package.namelist() if n.startswith("word/media/")]
        self.check("Metropool Amsterdam" in document and "tblHeader" in document,
                   "the Word appendix lacks its comparison table")
        self.check(len(pictures) >= 4, f"the Word appendix has {len(pictures)} charts")

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        return [("scoring the Haarlem case", self.model), ("starting Qt", self.qt), ("the main window", self.window),
                ("rendering the charts", self.charts), ("the Excel workbook", self.workbook),
                ("the PDF report", self.report), ("the Word appendix", self.word)]


def self_test(lang: str) -> int:
    """Run every step; print one line; 0 when all passed, 1 with the first failing step named.

    The line is English whatever the language (IT staff and scripts look for it); Qt's own notes about
    the offscreen screen are kept out of the output.
    """
    from .ui.environment import use_offscreen

    use_offscreen()
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(lambda *_message: None)
    try:
        with tempfile.TemporaryDirectory(prefix="ombudscompare-self-test-") as folder:
            test = SelfTest(Path(folder), lang)
            for name, step in test.steps():
                try:
                    step()
                except Failure as failure:
                    return _report(f"self-test failed at {name}: {failure}", FAILED)
                except Exception as error:  # the self-test reports whatever broke, in one line
                    where = traceback.extract_tb(error.__traceback__)[-1]
                    detail = " ".join(str(error).split())[:200]
                    return _report(f"self-test failed at {name}: {type(error).__name__}: {detail}"
                                   f" ({Path(where.filename).name}:{where.lineno})", FAILED)
            return _report(f"self-test passed ({test.checks} checks)", PASSED)
    finally:
        qInstallMessageHandler(previous)


def _report(line: str, code: int) -> int:
    print(line)
    sys.stdout.flush()
    return code
