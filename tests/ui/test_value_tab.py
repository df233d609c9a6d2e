"""Extra quality per euro, in the window: the chart, the sentences and the table on the Haarlem case, a weight changed
with the keyboard in the weight panel, and a project in which quality cannot be set against cost."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ombudscompare import commands
from ombudscompare.explain.value import value_sentences
from ombudscompare.ui.tabs import ChartTab


def show(window):
    tab = window.chart_tab(ChartTab.VALUE)
    window.chart_tabs.show_tab(ChartTab.VALUE)
    QApplication.processEvents()
    tab.refresh()
    return tab


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_haarlem_case(window):
    tab = show(window)
    assert tab.sentences.text() == ("De Nationale ombudsman is goedkoper én beter op kwaliteit: de Gezamenlijke Ombudsman"
                                    " Metropool Amsterdam biedt niets extra voor € 12.106 per jaar meer (8,3 punten"
                                    " minder kwaliteit).")
    rows = _rows(tab.table)
    assert rows[0][:5] == ["Nationale ombudsman", "75,0", "€ 31.191,17", "€ 0,1953", "ja"]
    assert rows[1][:5] == ["Gezamenlijke Ombudsman Metropool Amsterdam", "66,7", "€ 43.297,29", "€ 0,2711",
                           "nee — verslagen door Nationale ombudsman"]
    assert "zodra Lokale betrokkenheid meer dan 40,0 % van het kwaliteitsgewicht weegt" in tab.changes.text()
    assert tab.chart.data["options"] == ["no", "goma"] and tab.chart.data["frontier"] == [["no"]]
    assert tab.chart.data["leaders"] == ["no"]
    assert tab.sets_table.isVisibleTo(tab) and tab.sets_table.rowCount() == 3
    assert "dezelfde verhouding" in tab.sets_words.text()
    assert window.chart_tabs.tabText(window.chart_tabs.currentIndex()) == "E&xtra kwaliteit per euro"


def test_a_weight_typed_in_the_panel_makes_a_step_with_its_price(window, qtbot):
    tab = show(window)
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.setFocus()
    row.number.selectAll()
    qtbot.keyClicks(row.number, "40")
    qtbot.keyClick(row.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "per jaar per punt kwaliteit" in tab.sentences.text(), timeout=3000)
    project = window.document.project
    assert tab.sentences.text() == "\n".join(value_sentences(project, window.document.analyses.value(), "nl"))
    assert tab.chart.data["frontier"] == [["no"], ["goma"]]
    assert _rows(tab.table)[1][5:] != ["—", "—", "—"]


def test_without_quality_criteria_the_tab_says_why(window):
    tab = show(window)
    document = window.document
    for criterion_id in ("independence", "local_involvement", "learning_capacity"):
        document.run(commands.switch_criterion(document.project, criterion_id, False))
    tab.refresh()
    assert tab.sentences.text().startswith("Er staat geen kwaliteitscriterium aan, dus kwaliteit valt niet tegen")
    assert tab.sentences.text().endswith("."), "a sentence of its own"
    assert tab.table.rowCount() == 0 and not tab.table.isVisibleTo(tab), "no empty table with headings"
    assert "geen kwaliteitscriterium" in tab.chart.shown.message
    message = tab.chart.message
    assert message.sceneBoundingRect().width() <= tab.chart.plot.vb.sceneBoundingRect().width(), "message cut off"
    assert not tab.chart.plot.getAxis("left").style["showValues"], "no figures along an empty chart's axes"
    assert not tab.sets_table.isVisibleTo(tab), "no table of dashes for the weight sets"
    said = tab.sets_words.text()
    assert said.startswith("Onder geen enkele gewichtenset: Er staat geen kwaliteitscriterium aan") and "\n" not in said
    for criterion_id in ("independence", "local_involvement", "learning_capacity"):
        document.run(commands.switch_criterion(document.project, criterion_id, True))
    tab.refresh()
    assert tab.table.isVisibleTo(tab) and tab.sets_table.isVisibleTo(tab)
    assert tab.chart.plot.getAxis("left").style["showValues"]


def test_the_wheel_over_any_chart_is_left_to_the_page(window):
    """A tab taller than its room (1366 × 768) scrolls with the wheel also while the mouse is over a chart: every
    chart's view leaves the wheel untaken, so Qt offers it to the scroll area around it (seen under Xvfb with
    xdotool; before, the page stood still over the value chart)."""
    import pyqtgraph as pg
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    from ombudscompare.ui.charts.style import _WheelToPage

    show(window)
    presentation = window.start_presentation()  # the tabs are made when first shown; the slides all at once
    views = window.findChildren(pg.PlotWidget) + presentation.findChildren(pg.PlotWidget)
    assert len(views) >= 10
    for view in views:
        passing = view.findChildren(_WheelToPage)
        assert passing, f"{view.parent().objectName()}: the chart keeps the wheel"
        event = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        assert passing[0].eventFilter(view.viewport(), event) and not event.isAccepted()
    presentation.close()


def test_no_amount_is_cut_or_broken_from_its_euro_sign(window):
    """Each column of figures is as wide as its widest figure in bold ('€ 31.191,…' at 150 %, '€' on one line and
    '31.191,17' on the next at 1366 × 768)."""
    from PySide6.QtGui import QFont, QFontMetrics

    window.resize(1100, 700)  # about the room at 150 % scaling on a 1920 × 1080 screen
    tab = show(window)
    for table in (tab.table, tab.sets_table):
        font = QFont(table.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        for column in range(1, table.columnCount()):
            texts = [table.item(r, column).text() for r in range(table.rowCount())]
            if all(t[:1] in "€-—0123456789" for t in texts):
                need = max(metrics.horizontalAdvance(t) for t in texts)
                assert table.horizontalHeader().sectionSize(column) >= need, (column, texts)


def test_the_legend_says_what_each_marker_means_and_what_is_not_shown(window):
    """The star, the filled dot and the open square are explained beside the frontier's line — those shown only —
    and an option not yet scored, which has no place on the chart, is named there."""
    tab = show(window)
    legend = tab.chart.legend
    entries = [legend.item(k).text() for k in range(legend.count())]
    assert entries == ["Efficiënte mogelijkheden (de grens)", "niet efficiënt", "nu eerste op de totaalscore"]
    document = window.document
    document.run(commands.add_option(document.project))
    tab.refresh()
    name = document.project.options[-1].name.get("nl")
    assert legend.symbols[-1] == ("", f"niet getoond, nog niet beoordeeld: {name}")
    assert legend.item(legend.count() - 1).text().startswith("niet getoond, nog niet beoordeeld")


def test_a_weight_edit_leaves_the_weight_sets_table_alone_and_a_set_edit_redraws_it(window):
    """The sets' value for money does not depend on the window's weights: a weight edit keeps the table as it is (40
    sets at 30 × 60 took 275 ms a weight edit refilling it), renaming a set shows at once."""
    tab = show(window)
    document = window.document
    first = tab.sets_table.item(0, 0)
    document.try_edit(lambda: commands.set_weight(document.project, "local_involvement", 40.0))
    tab.refresh()
    assert "per jaar per punt kwaliteit" in tab.sentences.text(), "the tab itself follows the weights"
    assert tab.sets_table.item(0, 0) is first, "the sets' table was filled again"
    set_id = document.project.weight_sets[0].id
    document.try_edit(lambda: commands.rename_set(document.project, set_id, "Raadsbreed"))
    tab.refresh()
    assert tab.sets_table.item(0, 0).text() == "Raadsbreed"
