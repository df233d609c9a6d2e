"""Text from a file is shown as text everywhere: labels, tooltips, message boxes and chart titles never read a
name or justification as markup (an <img src=…> would load a local file or hang the window)."""

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from ombudscompare.examples import haarlem_2018
from ombudscompare.ui.document import Document
from ombudscompare.ui.mainwindow import MainWindow
from ombudscompare.ui.recovery import Recovery
from ombudscompare.ui.settings import Settings

# Markup a label or tooltip must never render. The image is one that is not there: with <img src=/dev/zero> (the
# reported case) a regression made the test run read zeros until the kernel's out-of-memory killer stopped it — and
# whatever else ran on the machine; the checks below find the markup by the widget's text format, not by a hang.
EVIL = "<img src='/ombudscompare-probe/not-there.png'><b>x</b>"


def hostile_project():
    project = haarlem_2018()
    project.municipality.name = "Stad " + EVIL
    for option in project.options:
        option.name.texts = {lang: f"{text} {EVIL}" for lang, text in option.name.texts.items()}
        option.description.texts = {"nl": EVIL, "en": EVIL}
        option.tariff.source.title = EVIL
    for criterion in project.criteria:
        criterion.name.texts = {lang: f"{text} {EVIL}" for lang, text in criterion.name.texts.items()}
        criterion.description.texts = {"nl": EVIL, "en": EVIL}
    for score in project.scores.values():
        score.justification = EVIL
        score.source.title = score.source.quote = EVIL
    project.title.texts = {"nl": EVIL, "en": EVIL}
    return project


def _shows_markup(text: str) -> bool:
    """Would Qt render this as rich text with our hostile tag in it, unescaped?"""
    return "<img" in text and QtGui.Qt.mightBeRichText(text)


@pytest.fixture
def hostile_window(qtbot, tmp_path, dutch):
    window = MainWindow(Document(hostile_project()), Settings(str(tmp_path / "s.ini")),
                        Recovery(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()


def test_labels_and_tooltips_never_render_file_text_as_markup(hostile_window, qtbot):
    window = hostile_window
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        for label in window.findChildren(QLabel):
            if label.textFormat() != Qt.TextFormat.PlainText:
                assert not _shows_markup(label.text()), (label.objectName(), label.text()[:80])
            assert not _shows_markup(label.toolTip()), (label.objectName(), label.toolTip()[:80])
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model
            columns = 1
        for row in range(model.rowCount(QModelIndex())):
            for column in range(columns):
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    assert not _shows_markup(tip), (view.objectName(), row, column, tip[:80])
        for section in range(columns):
            tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert not (isinstance(tip, str) and _shows_markup(tip))


def test_chart_titles_and_axis_labels_are_escaped(hostile_window, qtbot):
    import pyqtgraph as pg

    for index in range(hostile_window.chart_tabs.count()):
        hostile_window.chart_tabs.setCurrentIndex(index)
        qtbot.wait(50)
    for item in hostile_window.findChildren(pg.PlotWidget):
        plot = item.getPlotItem()
        assert "<img" not in plot.titleLabel.text
        for name in ("bottom", "left"):
            assert "<img" not in plot.getAxis(name).label.toHtml()


def test_message_boxes_show_file_names_as_text(hostile_window, qtbot, tmp_path):
    from ombudscompare.ui.widgets import plain

    path = tmp_path / "<img src=x onerror=y>.json"
    path.write_text("{broken")
    seen = []
    from .conftest import answer_next_dialog

    def check():
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(label.textFormat() for label in box.findChildren(QLabel) if "<img" in label.text())

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, check)
    answer_next_dialog("OK")
    hostile_window.files.open_path(str(path))
    assert seen and all(fmt == Qt.TextFormat.PlainText for fmt in seen)
    assert plain is not None
