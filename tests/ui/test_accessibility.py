"""What a screen reader and a keyboard user meet (EN 301 549): every focusable control has a name in both
languages, charts have a description and can be read as a table, Tab follows the visual order, and the
colours of text are readable."""

import pytest
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QWidget

from ombudscompare.ui.app import switch_language
from ombudscompare.ui.tabs import CHART_TABS, EDIT_TABS


def _nameless_focusable(root: QWidget) -> list[str]:
    """Walk the accessibility tree from `root`; every focusable, visible element must have a name."""
    missing = []
    seen = set()

    def walk(iface, depth=0):
        if iface is None or not iface.isValid() or depth > 40:
            return
        key = (id(iface.object()), iface.role(), iface.text(QAccessible.Text.Name))
        if key in seen:
            return
        seen.add(key)
        state = iface.state()
        widget = iface.object()
        shown = state.focusable and not state.invisible and not state.disabled and isinstance(widget, QWidget)
        if shown and not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} role={iface.role()}")
        for index in range(iface.childCount()):
            walk(iface.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root))
    return missing


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_focusable_control_has_a_name(window, lang):
    switch_language(window, lang)
    for spec in CHART_TABS:
        if spec.builder:
            window.chart_tab(spec.id)
    problems = {}
    for edit in EDIT_TABS:
        for chart in CHART_TABS:
            window.tabs.show_tab(edit.id)
            window.chart_tabs.show_tab(chart.id)
            QApplication.processEvents()
            missing = _nameless_focusable(window)
            if missing:
                problems[(edit.id.value, chart.id.value)] = sorted(set(missing))
    switch_language(window, "nl")
    assert problems == {}


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_we_ship_have_a_contrast_of_at_least_4_5():
    from ombudscompare.ui.charts import style
    from ombudscompare.ui.models import results, scores

    white = QColor("#FFFFFF")
    pairs = {
        "chart text": (style.FOREGROUND, white),
        "switched-off criterion": (scores.OFF_COLOUR, white),
        "not yet judged": (scores.UNJUDGED_COLOUR, white),
        "computed cell": (QColor("#000000"), scores.COMPUTED_BACKGROUND),
        "not ranked yet": (results.MUTED, white),
        "field hint": (QColor("#1F1F1F"), QColor("#FFF4CE")),
    }
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < 4.5}
    assert low == {}


def test_tab_goes_through_the_weights_before_the_presets(window):
    panel = window.weights_panel
    first = panel.rows[0].check
    order, widget = [], first
    for _ in range(1000):
        order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is first:
            break
    index = {id(w): i for i, w in enumerate(order)}
    last_row = panel.rows[-1].number
    for button in panel.preset_buttons.values():
        assert index[id(button)] > index[id(last_row)]
    assert index[id(panel.rows[0].slider)] < index[id(panel.rows[1].check)]


def test_charts_are_described_and_can_be_read_as_a_table(window, qtbot):
    from ombudscompare.ui.actions import Act
    from ombudscompare.ui.tabs import ChartTab

    assert window.totals_chart.accessibleName() == "Rangorde"
    assert "Nationale ombudsman 77,2" in window.totals_chart.accessibleDescription()
    assert not window.totals_chart.focusPolicy() & 0x1 and not window.totals_chart.view.viewport().focusPolicy() & 0x1
    window.chart_tabs.show_tab(ChartTab.COSTS)
    window.action(Act.CHART_TABLE).trigger()
    dialog = window.findChild(QWidget, "chart_table")
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.tables) == 2, "both charts of the tab, each as a table"
    assert dialog.tables[0].horizontalHeaderItem(0).text() == "Klachten per jaar"
    table = dialog.tables[1]
    assert table.horizontalHeaderItem(0).text() == "Inwoners"
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["0", "159.717", "221.708", "319.434"]
    assert table.item(2, 1).text() == "€ 43.297,41" and table.item(2, 2).text() == "€ 43.297,29", (
        "from the first whole inhabitant past the break-even the joint ombudsman is cheaper")
    assert "221.708 inwoners" in dialog.descriptions[1].text()
    dialog.close()
