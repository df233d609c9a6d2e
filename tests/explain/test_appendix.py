"""The appendix designed once (Qt-free): the sentences as the window words them, the comparison as the memo's
table, sources numbered in the order the text refers to them, who chooses what only when there are sets."""

from __future__ import annotations

from ombudscompare.core.analyses import Analyses
from ombudscompare.core.model import InputRange
from ombudscompare.examples import haarlem_2018
from ombudscompare.explain.appendix import (
    ChartBlock,
    Citations,
    Heading,
    Paragraph,
    SourceList,
    build_appendix,
    key_sentences,
)
from ombudscompare.explain.kinds import CHART_KINDS
from ombudscompare.explain.tables import comparison_table
from tests.synthetic import generated_project


def test_the_key_sentences_are_the_windows():
    sentences = key_sentences(Analyses(haarlem_2018()), "nl")
    assert sentences[0] == ("De Nationale ombudsman staat op de eerste plaats met 77,2, vóór de Gezamenlijke Ombudsman"
                            " Metropool Amsterdam met 60,5.")
    assert "De Nationale ombudsman blijft op de eerste plaats zolang Lokale betrokkenheid minder dan 34,6 % weegt." \
        in sentences
    assert any("vanaf 221.708 inwoners" in s for s in sentences)
    assert any(s.startswith("Met willekeurig gekozen gewichten") for s in sentences)


def test_how_sure_replaces_robustness_when_inputs_are_uncertain():
    project = haarlem_2018()
    project.ranges = [InputRange(("population",), 100_000, 400_000, 159_717)]
    sentences = key_sentences(Analyses(project), "nl")
    assert any("onzekere invoerwaarde" in s for s in sentences)
    assert any("van de gevallen goedkoper" in s for s in sentences)


def test_many_options_write_out_only_the_cheapest_options_break_evens():
    sentences = key_sentences(Analyses(generated_project(6, 8, seed=3)), "en")
    assert any(s.startswith("With more than 5 options only the comparisons with today's cheapest option") for s in
               sentences)


def test_the_comparison_is_the_memos_table():
    project = haarlem_2018()
    analyses = Analyses(project)
    table = comparison_table(project, analyses.evaluation, "nl")
    assert table.headers == ("Criterium", "Gewicht", "Nationale ombudsman", "Gezamenlijke Ombudsman Metropool Amsterdam")
    assert table.keys[:2] == ("annual_cost", "cost_per_inhabitant") and table.keys[-2:] == ("total", "rank")
    rows = dict(zip(table.keys, table.rows))
    assert rows["annual_cost"][2:] == ("€ 31.191,17", "€ 43.297,29")
    assert rows["independence"][2].startswith("5 – zeer goed\n") and "“Onafhankelijk”" in rows["independence"][2]
    assert rows["awareness"][1] == "uit: telt niet mee"
    assert rows["total"][2:] == ("77,2", "60,5") and rows["rank"][2:] == ("1", "2")
    assert "[" not in "".join(rows["independence"])  # no references without a list to refer to


def test_sources_are_numbered_in_order_of_first_reference():
    appendix = build_appendix(Analyses(haarlem_2018()), "nl")
    sources = next(b for b in appendix.blocks if isinstance(b, SourceList))
    assert appendix.subtitle.endswith("[1]") and sources.items[0].startswith("Gemeente Haarlem: inwonertal")
    text = " ".join(b.text for b in appendix.blocks if isinstance(b, Paragraph))
    text += " ".join(cell for t in appendix.tables() for row in t.table.rows for cell in row)
    for number in range(1, len(sources.items) + 1):
        assert f"[{number}]" in text or (number == 1 and appendix.subtitle.endswith("[1]"))
    citations = Citations()
    assert citations.cite(haarlem_2018().municipality.source) == " [1]"
    assert citations.cite(haarlem_2018().municipality.source) == " [1]"


def test_every_report_chart_with_its_description_and_sets_only_when_there_are_some():
    project = haarlem_2018()
    appendix = build_appendix(Analyses(project), "en")
    charts = [b for b in appendix.blocks if isinstance(b, ChartBlock)]
    assert [c.request.kind for c in charts] == [k.id for k in CHART_KINDS if k.in_report(Analyses(project))]
    assert all(c.alt_text and c.alt_text != c.caption for c in charts)
    assert next(c for c in charts if c.request.kind == "sensitivity").request.criterion == "local_involvement"
    headings = [b.text for b in appendix.blocks if isinstance(b, Heading)]
    assert "Who chooses what" in headings
    project.weight_sets = []
    headings = [b.text for b in build_appendix(Analyses(project), "en").blocks if isinstance(b, Heading)]
    assert "Who chooses what" not in headings
