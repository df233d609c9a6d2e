"""Value for money in words, in both languages: the Haarlem sentence, the price of a step up, what would change it, and
the edge cases (equal cost, equal quality, one option, an option not yet scored, no cost criteria, many options)."""

import copy

import pytest

from ombudscompare.core.analyses import Analyses
from ombudscompare.core.model import LocalText, Option, Tariff
from ombudscompare.explain.value import (
    quality_note,
    sets_value_sentences,
    value_sentences,
    value_table,
    what_changes_sentences,
)
from tests.synthetic import generated_project


def words(project, lang):
    analyses = Analyses(project)
    value = analyses.value()
    return value_sentences(project, value, lang), what_changes_sentences(project, value, analyses.pair_costs(), lang)


def test_haarlem_in_dutch(haarlem):
    said, changes = words(haarlem, "nl")
    assert said == ["De Nationale ombudsman is goedkoper én beter op kwaliteit: de Gezamenlijke Ombudsman Metropool"
                    " Amsterdam biedt niets extra voor € 12.106 per jaar meer (8,3 punten minder kwaliteit)."]
    assert changes == [
        "De Gezamenlijke Ombudsman Metropool Amsterdam wordt beter op kwaliteit dan de Nationale ombudsman zodra Lokale"
        " betrokkenheid meer dan 40,0 % van het kwaliteitsgewicht weegt (nu 33,3 %).",
        "Bij 93 klachten per jaar blijft de Nationale ombudsman goedkoper dan de Gezamenlijke Ombudsman Metropool"
        " Amsterdam tot het omslagpunt bij 221.708 inwoners; daarboven is de Gezamenlijke Ombudsman Metropool Amsterdam"
        " goedkoper.",
        "Bij 159.717 inwoners blijft de Nationale ombudsman bij elk aantal klachten goedkoper dan de Gezamenlijke"
        " Ombudsman Metropool Amsterdam.",
    ]


def test_haarlem_in_english(haarlem):
    said, changes = words(haarlem, "en")
    assert said == ["The National Ombudsman is cheaper and better on quality: the Joint Ombudsman Metropool Amsterdam"
                    " offers nothing extra for €12,106 a year more (8.3 points less quality)."]
    assert changes[0].endswith("once Local involvement weighs more than 40.0% of the quality weight (now 33.3%).")


def test_the_flip_and_the_break_even_are_the_exact_ones(haarlem):
    """At 40 % of the quality weight on local involvement both qualities are 70 (NO 100 − 75 w, GOMA 50 + 50 w); the
    population at which both cost € 43,297.29 is 43,297.29 / 0.19529023 = 221,707.4."""
    from ombudscompare.core.value import value_for_money

    haarlem.criterion("local_involvement").weight = 20 * 4 / 3  # 40 % of the quality weight: 26.67 of 66.67
    value = value_for_money(haarlem)
    assert value.option("no").quality == pytest.approx(value.option("goma").quality) == pytest.approx(70.0)
    crossing = Analyses(haarlem).pair_costs()[0].population_crossing
    assert crossing.at == pytest.approx(43_297.29 / 0.19529023) and round(crossing.at, 1) == 221_707.4


def test_a_step_up_the_frontier_has_its_price(haarlem):
    haarlem.criterion("local_involvement").weight = 40
    said, changes = words(haarlem, "nl")
    assert said[-1] == ("De Gezamenlijke Ombudsman Metropool Amsterdam geeft 12,5 punten meer kwaliteit dan de Nationale"
                        " ombudsman voor € 12.106 per jaar meer (€ 968 per jaar per punt kwaliteit).")
    assert said[0].startswith("2 mogelijkheden zijn efficiënt")
    assert changes[0] == ("De Nationale ombudsman wordt beter op kwaliteit dan de Gezamenlijke Ombudsman Metropool"
                          " Amsterdam zodra Lokale betrokkenheid minder dan 40,0 % van het kwaliteitsgewicht weegt"
                          " (nu 50,0 %).")
    table = value_table(haarlem, Analyses(haarlem).value(), "nl")
    assert table.rows[1][5:] == ("€ 12.106", "12,5", "€ 968")


def test_equal_cost_equal_quality_and_both(haarlem):
    haarlem.option("goma").tariff = copy.deepcopy(haarlem.option("no").tariff)
    said, _changes = words(haarlem, "en")
    assert said == ["The National Ombudsman and the Joint Ombudsman Metropool Amsterdam cost the same, but the National"
                    " Ombudsman scores 8.3 points higher on quality: the Joint Ombudsman Metropool Amsterdam offers"
                    " nothing extra."]
    for criterion in ("independence", "local_involvement", "learning_capacity"):
        haarlem.scores[("goma", criterion)].value = haarlem.scores[("no", criterion)].value
    said, changes = words(haarlem, "en")
    assert said == ["The National Ombudsman and the Joint Ombudsman Metropool Amsterdam cost the same and are equally"
                    " good on quality (75.0 for €31,191 a year)."]
    assert changes == []
    haarlem.option("goma").tariff.fixed = 50.0
    said, changes = words(haarlem, "en")
    assert said == ["The National Ombudsman and the Joint Ombudsman Metropool Amsterdam are equally good on quality"
                    " (75.0), but the National Ombudsman is €50.00 a year cheaper: the Joint Ombudsman Metropool"
                    " Amsterdam offers nothing extra for the money."]
    assert "at any number of inhabitants" in changes[0]


def test_one_option_and_an_option_not_yet_scored(haarlem):
    haarlem.options.append(Option("late", LocalText.both("Later"), Tariff(fixed=5.0)))
    said, _changes = words(haarlem, "nl")
    assert said[-1] == "Nog niet gerangschikt, omdat nog niet alle scores zijn gegeven: Later."
    table = value_table(haarlem, Analyses(haarlem).value(), "nl")
    assert table.rows[-1][:2] == ("Later", "niet beoordeeld") and table.muted == frozenset({2})
    haarlem.options = [haarlem.option("no")]
    said, changes = words(haarlem, "en")
    assert said == ["The National Ombudsman is the only option: a quality of 75.0 for €31,191 a year, with nothing to"
                    " set it against."]
    assert changes == []


def test_without_cost_criteria_the_note_says_quality_is_the_total(haarlem):
    assert quality_note(haarlem, Analyses(haarlem).value(), "nl").startswith(
        "De kwaliteitsscore is het gewogen totaal zonder de kostencriteria (Kosten per inwoner en Naheffing per extra"
        " klacht)")
    for criterion in haarlem.criteria:
        if criterion.kind.computed:
            criterion.enabled = False
    value = Analyses(haarlem).value()
    assert quality_note(haarlem, value, "en").startswith("No cost criterion is switched on, so the quality score is the"
                                                         " total score")


def test_many_options_are_summed_up():
    project = generated_project(12, 6, seed=5)
    said, changes = words(project, "en")
    value = Analyses(project).value()
    dominated = [o for o in value.scored if not o.efficient]
    assert any(line.startswith(f"{len(dominated)} options are not efficient") for line in said)
    assert len(said) <= 3 + len(value.steps) + 1
    assert len(changes) <= 3 * 5


def test_weight_sets_that_weigh_the_qualities_alike_agree(haarlem):
    results = Analyses(haarlem).value_sets()
    assert sets_value_sentences(haarlem, results, "en") == [
        "Every weight set weighs the qualities in the same proportions, so the sets agree on quality and on value for"
        " money; they differ only in how much the costs count."]
    from ombudscompare.core.model import WeightSet

    haarlem.weight_sets.append(WeightSet("local", "Lokaal", {"independence": 20, "local_involvement": 60,
                                                             "learning_capacity": 20}))
    lines = sets_value_sentences(haarlem, Analyses(haarlem).value_sets(), "en")
    assert len(lines) == 4 and lines[-1].startswith("Lokaal: 2 options are efficient")


def test_near_the_flip_the_weight_and_its_threshold_never_read_the_same(haarlem):
    """Local involvement just past 40 % of the quality weight (the flip): the sentence must not say 'less than
    40,0 % (now 40,0 %)' but as many decimals as tell the two apart."""
    import re

    for weight in (26.67556, 26.6667, 26.66):
        project = copy.deepcopy(haarlem)
        project.criterion("local_involvement").weight = weight
        _said, changes = words(project, "nl")
        quality = next(s for s in changes if "kwaliteitsgewicht" in s)
        at, now = re.search(r"dan ([\d,]+) % van het kwaliteitsgewicht weegt \(nu ([\d,]+) %\)", quality).groups()
        assert at != now, quality


def test_two_equal_options_that_beat_a_third_are_said_plainly(haarlem):
    """Two options alike in cost and quality and a third that both beat: the two are 'the only efficient choices',
    and the reason says what that means for the third (it read 'no other option is as cheap and as good')."""
    clone = copy.deepcopy(haarlem.option("no"))
    clone.id, clone.name, clone.in_sentence = "twin", LocalText.both("Tweelingombudsman"), LocalText()
    haarlem.options.append(clone)
    for criterion in haarlem.criteria:
        if (score := haarlem.score("no", criterion.id)) is not None:
            haarlem.scores[("twin", criterion.id)] = type(score)("twin", criterion.id, score.value)
    said, _changes = words(haarlem, "nl")
    assert said[0] == ("De Nationale ombudsman en Tweelingombudsman zijn de enige efficiënte keuzes: elke andere"
                       " mogelijkheid kost minstens zoveel, is niet beter op kwaliteit en blijft op een van beide"
                       " achter."), said
