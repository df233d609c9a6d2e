"""A figure the user gave is written as given in every sentence and line that names it (issue 20.9): 93,5
complaints a year never read as 94, nor 93,25 as 93,2 — in the window's sentences, the charts' marks, the report,
the Word appendix and the command line."""

from __future__ import annotations

import pytest

from ombudscompare.core.analyses import Analyses
from ombudscompare.core.costs import pair_costs
from ombudscompare.core.model import InputRange
from ombudscompare.examples import haarlem_2018
from ombudscompare.explain.appendix import facts_line, key_sentences
from ombudscompare.explain.kinds import ChartRequest, build
from ombudscompare.explain.sentences import population_sentence
from ombudscompare.explain.sets import ranges_table

CASES = [(93.5, "93,5", "93.5"), (93.25, "93,25", "93.25"), (0.125, "0,125", "0.125"), (94.0, "94", "94")]


def _project(complaints: float):
    project = haarlem_2018()
    project.municipality.complaints_per_year = complaints
    return project


@pytest.mark.parametrize("complaints, dutch, english", CASES)
def test_the_population_sentence_says_the_complaints_given(complaints, dutch, english):
    project = _project(complaints)
    pair = pair_costs(project)[0]
    assert population_sentence(project, pair, "nl").startswith(f"Bij {dutch} klachten per jaar ")
    assert population_sentence(project, pair, "en").startswith(f"At {english} complaints a year ")


@pytest.mark.parametrize("complaints, dutch, english", CASES)
def test_the_facts_line_and_the_key_sentences_say_the_complaints_given(complaints, dutch, english):
    project = _project(complaints)
    assert f" · {dutch} klachten per jaar · " in facts_line(project, "nl")
    assert f" · {english} complaints a year · " in facts_line(project, "en")
    assert any(s.startswith(f"Bij {dutch} klachten per jaar ") for s in key_sentences(Analyses(project), "nl"))


@pytest.mark.parametrize("complaints, dutch, english", CASES)
def test_the_cost_chart_marks_the_complaints_given(complaints, dutch, english):
    data = build(ChartRequest("costs-complaints"), Analyses(_project(complaints)), "nl")
    assert any(label == f"verwacht: {dutch}" for _x, label in data.marks), data.marks


def test_an_uncertain_input_is_shown_as_given():
    project = haarlem_2018()
    project.ranges = [InputRange(("complaints_per_year",), 93.125, 120.5, 100.0625),
                      InputRange(("options", "no", "tariff", "per_inhabitant"), 0.19529023, 0.3)]
    rows = ranges_table(project, "nl").rows
    assert rows[0][1:] == ("93,125", "100,0625", "120,5")
    assert rows[1][1] == "0,19529023"


@pytest.mark.parametrize("complaints, dutch, english", CASES)
def test_the_value_for_money_turns_say_the_complaints_given(complaints, dutch, english):
    from ombudscompare.explain.value import what_changes_sentences

    analyses = Analyses(_project(complaints))
    for lang, start in (("nl", f"Bij {dutch} klachten per jaar "), ("en", f"At {english} complaints a year ")):
        said = what_changes_sentences(analyses.project, analyses.value(), analyses.pair_costs(), lang)
        assert any(s.startswith(start) for s in said), said


def test_an_option_that_costs_nothing_is_cheaper_at_any_population():
    """A new option with no tariff yet costs € 0 at any size: equal to the National Ombudsman at 0 inhabitants only,
    which is no break-even ('becomes cheaper only above 0 inhabitants (€ 0,00 a year each)' said nothing)."""
    from ombudscompare.core.model import LocalText, Option, Tariff

    project = haarlem_2018()
    project.options.append(Option("new", LocalText.both("Eigen ombudsman"), Tariff()))
    pair = next(p for p in pair_costs(project) if {p.first, p.second} == {"no", "new"})
    assert pair.population_crossing is None
    said = population_sentence(project, pair, "nl")
    assert said == "Bij 93 klachten per jaar is Eigen ombudsman bij elk aantal inwoners goedkoper dan de Nationale" \
                   " ombudsman.", said
