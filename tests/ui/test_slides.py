"""Slide-ready charts: a title larger than the labels and clear of the top edge, axis titles clear of the tick
labels, point labels that hide no line, totals that stay on the axis, and all of it at 800 × 450 as at 1920 × 1080."""

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QFontMetricsF, QPainterPathStroker

from ombudscompare.core.model import LocalText, Option, Tariff
from ombudscompare.explain.kinds import KINDS
from ombudscompare.ui.export.charts import _lay_out, chart_widget

SIZES = [QSize(1920, 1080), QSize(800, 450)]


def _chart(kind, project, size):
    widget = chart_widget(kind, project, "nl", size=size)
    _lay_out(widget, size)
    return widget


@pytest.mark.parametrize("size", SIZES, ids=["1920", "800"])
@pytest.mark.parametrize("kind", KINDS)
def test_title_and_axis_titles_have_room(qapp, haarlem, kind, size):
    widget = _chart(kind, haarlem, size)
    plot = widget.plot
    title = plot.titleLabel
    bounds = QRectF(widget.rect())
    text = title.item.sceneBoundingRect()
    assert text.top() >= 0 and text.bottom() <= title.sceneBoundingRect().bottom() + 1, "title clipped"
    tick_font = plot.getAxis("bottom").style["tickFont"] or plot.getAxis("bottom").font()
    assert title.opts.get("bold") is True
    assert text.height() > QFontMetricsF(tick_font).height() * 1.2, "the title is no larger than the labels"
    assert bounds.contains(plot.vb.sceneBoundingRect()) and plot.vb.sceneBoundingRect().width() > size.width() / 2
    bottom = plot.getAxis("bottom")
    if bottom.label.isVisible():
        ticks_end = bottom.sceneBoundingRect().top() + abs(bottom.style["tickLength"]) + \
            bottom.style["tickTextOffset"][1] + QFontMetricsF(tick_font).height()
        assert bottom.label.sceneBoundingRect().top() >= ticks_end - 1, "axis title on the tick labels"
        assert bottom.label.sceneBoundingRect().bottom() <= bounds.bottom()


def _curve_outlines(widget):
    stroker = QPainterPathStroker()
    stroker.setWidth(2.0)
    for curve in widget.curves:
        path = curve.curve.mapToScene(curve.curve.getPath())
        yield stroker.createStroke(path)


@pytest.mark.parametrize("size", SIZES, ids=["1920", "800"])
@pytest.mark.parametrize("kind", ["costs-population", "sensitivity", "costs-complaints"])
def test_point_labels_hide_no_line(qapp, haarlem, kind, size):
    widget = _chart(kind, haarlem, size)
    area = widget.plot.vb.sceneBoundingRect()
    for _dot, label in widget.points:
        rect = label.sceneBoundingRect()
        assert area.contains(rect), "label outside the plot"
        for outline in _curve_outlines(widget):
            assert not outline.intersects(rect), f"'{label.toPlainText()}' covers a line"


@pytest.mark.parametrize("size", SIZES, ids=["1920", "800"])
def test_no_point_label_covers_a_marker_not_even_its_own(qapp, haarlem, size):
    """The value chart's star (the option first on the total) is larger than a ring: its own label once ran into it.
    Measured where Qt draws them: each label's box against every marker's."""
    widget = _chart("value", haarlem, size)
    to_view = widget.view.viewportTransform()

    def drawn(item):  # where the item is drawn in the view, in pixels (markers ignore the chart's scaling)
        return item.deviceTransform(to_view).mapRect(item.boundingRect())

    markers = [drawn(dot).adjusted(1, 1, -1, -1) for dot, _label in widget.points]
    assert all(4 < marker.width() < 80 for marker in markers)
    for _dot, label in widget.points:
        for marker in markers:
            assert not drawn(label).intersects(marker), f"'{label.toPlainText()}' covers a marker"


def test_a_crossing_in_the_middle_of_two_lines_still_gets_a_free_place(qapp, haarlem):
    """Two lines crossing at their middle leave no free corner: the label goes into the wedge above or below."""
    widget = _chart("sensitivity", haarlem, SIZES[0])
    (_dot, label), = widget.points
    assert label.side[0] is None


@pytest.mark.parametrize("size", SIZES, ids=["1920", "800"])
def test_a_total_near_the_end_of_the_axis_stays_on_it(qapp, haarlem, size):
    """A total of 87 is written after its bar by the data, but at 800 px that would run past 100: inside."""
    for criterion in haarlem.criteria:
        if criterion.id in ("local_involvement", "awareness", "scope"):
            criterion.enabled = False
    haarlem.option("no").tariff = Tariff(per_inhabitant=0.13)
    widget = _chart("ranking", haarlem, size)
    area = widget.plot.vb.sceneBoundingRect()
    for item in widget.texts:
        assert area.contains(item.sceneBoundingRect()), item.toPlainText()


def test_many_options_still_lay_out_at_800(qapp, haarlem):
    for number in range(4):
        haarlem.options.append(Option(f"extra{number}", LocalText.both(f"Extra mogelijkheid {number}"),
                                      haarlem.option("goma").tariff))
        for criterion in haarlem.criteria:
            score = haarlem.score("goma", criterion.id)
            if score is not None:
                haarlem.scores[(f"extra{number}", criterion.id)] = type(score)(f"extra{number}", criterion.id,
                                                                                score.value)
    for kind in KINDS:
        widget = _chart(kind, haarlem, SIZES[1])
        assert QRectF(widget.rect()).contains(widget.plot.vb.sceneBoundingRect())
        assert widget.plot.vb.sceneBoundingRect().height() > 120, kind


@pytest.mark.parametrize("size", SIZES + [QSize(640, 460)], ids=["1920", "800", "window"])
def test_point_labels_keep_off_the_now_line(qapp, haarlem, size):
    """Also at the window's type size (a chart beside the tables on a 1920 × 1080 screen)."""
    widget = chart_widget("costs-population", haarlem, "nl", zoom=1.0 if size.width() < 800 else None, size=size)
    _lay_out(widget, size)
    (line,) = widget.vlines
    at = widget.plot.vb.mapViewToScene(QPointF(line.value(), 0)).x()
    for _dot, label in widget.points:
        rect = label.sceneBoundingRect()
        assert not rect.left() <= at <= rect.right(), "the break-even label covers the 'now' line"


def _tick_labels_apart(axis) -> bool:
    """The major tick labels of a horizontal axis, as pyqtgraph will write them, leave room between each other."""
    low, high = axis.range
    spacing = axis.tickSpacing(low, high, axis.width())[0][0]
    metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
    widest = max(metrics.horizontalAdvance(t) for t in axis.tickStrings([low, high], 1.0, spacing))
    return spacing * axis.width() / (high - low) > widest


@pytest.mark.parametrize("panel", [False, True], ids=["alone", "with-weights"])
def test_every_slide_fits_its_room_at_1366_with_the_weights_panel(qapp, qtbot, window, panel):
    """The W panel takes up to 40 % of the screen: every slide's chart is laid out in the room left (a title fitted
    to the full width used to hold the plot wide, so the panel drew over the chart) and its tick labels stay apart."""
    show = window.start_presentation()
    show.resize(1366, 768)
    qtbot.waitExposed(show)
    for index, (kind, widget) in enumerate(show.slides):
        show.show_slide(index)
        show.weights_frame.setVisible(panel)

        def laid_out(kind=kind, widget=widget):  # pyqtgraph lays out lazily: on a busy machine, a while later
            room = widget.width()
            assert widget.plot.geometry().width() <= room + 1, f"{kind}: plot {widget.plot.geometry().width()} > {room}"
            if hasattr(widget, "view"):
                assert _tick_labels_apart(widget.plot.getAxis("bottom")), f"{kind}: tick labels run together"
            if panel:
                assert widget.mapTo(show, widget.rect().topRight()).x() < show.weights_frame.geometry().left()

        qtbot.waitUntil(laid_out, timeout=3000)
    show.close()
