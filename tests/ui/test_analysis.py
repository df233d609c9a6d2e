"""The analysis tabs follow every edit: break-even points, weight flips and robustness, in the window."""

import pytest

from ombudscompare.ui.models import tariffs
from ombudscompare.ui.tabs import ChartTab


def show(window, tab):
    window.chart_tabs.setCurrentWidget(tab.parentWidget())
    tab.refresh()
    return tab


def test_costs_tab_marks_the_break_even_population(window):
    tab = show(window, window.chart_tab(ChartTab.COSTS))
    crossings = tab.by_population.data["crossings"]
    assert len(crossings) == 1
    assert crossings[0][0] == pytest.approx(43297.29 / 0.19529023)
    assert tab.by_complaints.data["crossings"] == []
    assert ("is de Gezamenlijke Ombudsman Metropool Amsterdam goedkoper dan de Nationale ombudsman vanaf 221.708"
            " inwoners (bij 221.707,4 inwoners kosten beide € 43.297,29 per jaar)") in tab.sentences.text()
    assert tab.years.rowCount() == 2 and tab.years.columnCount() == 6
    assert tab.years.item(0, 5).text() == "€ 124.764,68"


def test_costs_follow_a_tariff_edit(window, qtbot):
    tab = show(window, window.chart_tab(ChartTab.COSTS))
    window.tariff_model.setData(window.tariff_model.index(tariffs.PER_COMPLAINT, 0), 400.0)
    qtbot.waitUntil(lambda: not tab.stale and bool(tab.by_complaints.data["crossings"]), timeout=3000)
    (first, first_cost), (second, _) = tab.by_complaints.data["crossings"]
    no_fixed = 31191.16966491
    # NO: no_fixed + 400 c  ==  GOMA: 43297.29 below 100 complaints ...
    assert first == pytest.approx((43297.29 - no_fixed) / 400)
    assert first_cost == pytest.approx(43297.29)
    # ... and == 43297.29 + 432.97 (c − 100) once the surcharge runs faster than 400 a complaint
    assert second == pytest.approx((no_fixed - 43297.29 + 43297.0) / (432.97 - 400))
    assert "boven 30,3 klachten per jaar" in tab.sentences.text()


def test_horizon_changes_the_multi_year_table(window):
    tab = show(window, window.chart_tab(ChartTab.COSTS))
    tab.horizon.setValue(6)
    assert tab.years.columnCount() == 8


def test_weight_sensitivity_shows_the_flip(window):
    tab = show(window, window.chart_tab(ChartTab.WEIGHTS))
    assert tab.chart.data["criterion"] == "local_involvement"
    assert [round(a, 5) for a in tab.chart.data["flips"]] == [0.34563]
    assert tab.telling.text() == "De Nationale ombudsman blijft op de eerste plaats zolang Lokale betrokkenheid minder dan 34,6 % weegt."
    assert tab.table.rowCount() == 5


def test_weight_sensitivity_follows_a_weight_change(window, qtbot):
    tab = show(window, window.chart_tab(ChartTab.WEIGHTS))
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.setValue(30.0)
    qtbot.waitUntil(lambda: not tab.stale, timeout=3000)
    assert tab.chart.data["current"] == pytest.approx(0.30)
    assert [round(a, 5) for a in tab.chart.data["flips"]] == [0.34563], "the flip point does not move"


def test_robustness_tab_counts_ranks(window):
    tab = show(window, window.chart_tab(ChartTab.ROBUSTNESS))
    uniform = tab.frequencies.first("no")
    assert 0.75 < uniform < 0.87
    tab.near.setChecked(True)
    assert tab.frequencies.spread == 10
    assert tab.frequencies.first("no") > 0.95
    assert "procentpunt" in tab.sentence.text()
    assert tab.chart.bars.bar_count() == 4


def test_analysis_in_english(window):
    from ombudscompare.ui.app import switch_language

    switch_language(window, "en")
    tab = show(window, window.chart_tab(ChartTab.WEIGHTS))
    assert tab.telling.text() == "The National Ombudsman stays first as long as Local involvement weighs less than 34.6%."
    assert window.chart_tabs.tabText(3) == "Rob&ustness"
    switch_language(window, "nl")
