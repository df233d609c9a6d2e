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
