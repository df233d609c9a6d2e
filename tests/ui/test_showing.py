"""Charts out of the window: slide-sized PNG and SVG, the clipboard, the PDF report, and presentation mode."""

import html
import unicodedata
import xml.etree.ElementTree as ET

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ombudscompare.explain.kinds import KINDS, SLIDES
from ombudscompare.formats.project_file import dumps
from ombudscompare.ui.actions import Act
from ombudscompare.ui.export.charts import chart_widget, png_bytes, save_chart, svg_bytes
from ombudscompare.ui.export.report import write_report

pypdf = pytest.importorskip("pypdf")


def _text(reader) -> str:
    """The PDF's words, ligatures (ﬁ) undone, whitespace normalised."""
    return unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text().split()) for p in reader.pages))


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for x in range(0, image.width(), 37):
        for y in range(0, image.height(), 29):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_chart_kind_as_png_and_svg(kind, haarlem, tmp_path, dutch):
    widget = chart_widget(kind, haarlem, "nl")
    png = tmp_path / f"{kind}.png"
    save_chart(widget, png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(5, 5).name() == "#ffffff", "white background"
    assert _distinct_colours(image) > 4, "not blank"
    svg = tmp_path / f"{kind}.svg"
    save_chart(widget, svg, title=kind)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 20


def test_slide_size_is_configurable(haarlem, dutch):
    widget = chart_widget("ranking", haarlem, "nl")
    image = QImage.fromData(png_bytes(widget, QSize(2560, 1440)))
    assert image.width() == 2560
    assert b"<svg" in svg_bytes(widget)


def test_copy_chart_to_the_clipboard(window):
    window.chart_tabs.setCurrentIndex(2)  # one chart on the tab: nothing to choose
    window.action(Act.COPY_CHART).trigger()
    image = QApplication.clipboard().image()
    assert image.width() == 1920 and not image.isNull()


def test_export_current_chart_from_the_window(window, tmp_path):
    window.chart_tabs.setCurrentIndex(2)
    (request,) = window.showing.shown_charts()
    assert (request.kind, request.criterion) == ("sensitivity", "local_involvement")
    assert window.files.export_chart(request, str(tmp_path / "s.png"))
    assert QImage(str(tmp_path / "s.png")).width() == 1920


def test_pdf_report_has_the_pages_and_words(haarlem, tmp_path, dutch):
    path = tmp_path / "report.pdf"
    write_report(haarlem, path, "nl")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) >= 6
    text = _text(reader)
    for words in ("Nationale ombudsman", "Gezamenlijke Ombudsman Metropool Amsterdam", "Lokale betrokkenheid",
                  "Onafhankelijkheid", "Vergoedingenbesluit", "Een vergelijk", "34,6 %", "€ 31.191,17",
                  "Mate van afhankelijkheid"):
        assert words in text, words
    assert reader.metadata.title.startswith("Haarlem 2018")
    assert f"Pagina 2 van {len(reader.pages)}" in text


def test_report_in_english(haarlem, tmp_path, dutch):
    path = tmp_path / "report-en.pdf"
    write_report(haarlem, path, "en")
    text = _text(pypdf.PdfReader(str(path)))
    assert "National Ombudsman ranks first with 77.2" in text
    assert "Scores with their justification and source" in text


def test_presentation_steps_through_every_chart_and_returns(window, qtbot):
    before = dumps(window.document.project)
    geometry = window.geometry()
    show = window.start_presentation()
    qtbot.waitExposed(show)
    qtbot.waitUntil(lambda: bool(show.windowState() & Qt.WindowState.WindowFullScreen)
                    or show.geometry() == show.screen().geometry(), timeout=2000)
    seen = []
    for _ in SLIDES:
        seen.append(show.slides[show.index][0])
        assert show.title.text()
        qtbot.keyClick(show, Qt.Key.Key_Right)
    assert seen == list(SLIDES)
    assert show.index == len(SLIDES) - 1, "stops at the last chart"
    qtbot.keyClick(show, Qt.Key.Key_PageUp)
    assert show.index == len(SLIDES) - 2
    qtbot.keyClick(show, Qt.Key.Key_Home)
    assert show.index == 0
    for kind, widget in show.slides:
        assert widget.zoom == 2.0, kind
    title_px = show.title.fontInfo().pixelSize()
    assert title_px >= 24
    qtbot.keyClick(show, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(show) or not show.isVisible(), timeout=2000)
    assert dumps(window.document.project) == before
    assert window.geometry() == geometry


def test_presentation_weight_panel_changes_a_weight_live(window, qtbot):
    show = window.start_presentation()
    qtbot.waitExposed(show)
    qtbot.keyClick(show, Qt.Key.Key_W)
    assert show.weights_frame.isVisible()
    row = next(r for r in show.weights.rows if r.criterion_id == "local_involvement")
    row.number.setValue(40.0)
    qtbot.waitUntil(lambda: show.slides[0][1].data["options"] == ["goma", "no"], timeout=2000)
    qtbot.keyClick(show, Qt.Key.Key_W)
    assert not show.weights_frame.isVisible()
    show.close()
    assert window.document.undo_stack.undoText().startswith("Gewicht Lokale betrokkenheid")


def _presenting(window, qtbot):
    show = window.start_presentation()
    qtbot.waitExposed(show)
    show.activateWindow()
    qtbot.waitUntil(show.isActiveWindow, timeout=2000)
    show.setFocus()
    return show


@pytest.mark.parametrize("key", [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down])
def test_clicker_keys_change_slides_even_with_the_focus_in_the_weight_panel(window, qtbot, key):
    before = dumps(window.document.project)
    show = _presenting(window, qtbot)
    qtbot.keyClick(show, Qt.Key.Key_W)
    row = next(r for r in show.weights.rows if r.criterion_id == "local_involvement")
    for widget in (row.slider, row.number, row.check):
        show.show_slide(1)
        widget.setFocus()
        assert show.in_panel(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert show.index == 2, widget
        back = Qt.Key.Key_PageUp if key != Qt.Key.Key_Right else Qt.Key.Key_Left
        qtbot.keyClick(QApplication.focusWidget(), back)
        assert show.index == 1
    assert dumps(window.document.project) == before, "a clicker never edits data"
    assert window.document.undo_stack.count() == 0
    show.close()


def test_a_weight_typed_in_the_panel_then_enter_hands_the_keys_back(window, qtbot):
    show = _presenting(window, qtbot)
    qtbot.keyClick(show, Qt.Key.Key_W)
    row = next(r for r in show.weights.rows if r.criterion_id == "local_involvement")
    row.number.setFocus()
    row.number.lineEdit().selectAll()
    qtbot.keyClicks(row.number.lineEdit(), "41")
    qtbot.keyClick(row.number.lineEdit(), Qt.Key.Key_Backspace)  # a typing correction stays a correction
    qtbot.keyClicks(row.number.lineEdit(), "0")
    qtbot.keyClick(row.number, Qt.Key.Key_Return)
    assert window.document.evaluation.shares["local_involvement"] == pytest.approx(0.40)
    qtbot.waitUntil(lambda: not show.in_panel(QApplication.focusWidget()), timeout=2000)
    index = show.index
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert show.index == index + 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(show) or not show.isVisible(), timeout=2000)


def test_escape_in_the_panel_leaves_the_panel_not_the_presentation(window, qtbot):
    show = _presenting(window, qtbot)
    qtbot.keyClick(show, Qt.Key.Key_W)
    row = next(r for r in show.weights.rows if r.criterion_id == "independence")
    row.slider.setFocus()
    qtbot.keyClick(row.slider, Qt.Key.Key_Escape)
    assert show.isVisible() and not show.in_panel(QApplication.focusWidget())
    show.close()


def test_the_weights_panel_beside_a_slide_shortens_long_names_and_keeps_every_slider_usable(window, qtbot):
    """At 1366 the W panel takes at most 40 % of the screen: a long criterion name ends in "…" (whole in its
    accessible name and tooltip) so each slider keeps room to be dragged; sliders were squeezed to a 10 px knob."""
    from ombudscompare import commands

    long_name = "Lange criteriumnaam " * 4 + "<b>&amp;</b>"
    window.document.run(commands.rename_criterion(window.document.project, "independence", "nl", long_name))
    show = _presenting(window, qtbot)
    show.resize(1366, 768)
    qtbot.keyClick(show, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: show.weights_frame.isVisible())
    panel = show.weights_frame
    for row in show.weights.rows:
        assert row.slider.width() >= 16 * row.slider.fontMetrics().averageCharWidth(), row.criterion_id
        right = row.number.mapTo(panel, row.number.rect().topRight()).x()
        assert right <= panel.width(), f"{row.criterion_id}: the number runs out of the panel"
    row = next(r for r in show.weights.rows if r.criterion_id == "independence")
    shown = row.check.text().replace("&&", "&")
    assert shown.endswith("…") and long_name.startswith(shown[:-1])
    assert row.check.accessibleName() == long_name and long_name in html.unescape(row.check.toolTip())
    show.weights_frame.hide()
    window.show_edit_tab(window.edit_tab().__class__("criteria"))
    qtbot.waitUntil(lambda: window.weights_panel.isVisible())
    others = [r for r in window.weights_panel.rows if r.criterion_id != "independence"]
    assert all(r.check.text().replace("&&", "&") == r.check.name() for r in others), "room enough: names whole"
    show.close()
