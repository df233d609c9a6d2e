"""`ombudscompare value` as a user runs it: the text, the JSON fields a script reads, the weight sets, and one line
with status 2 when quality cannot be set against cost."""

import json

import pytest

from ombudscompare.cli.main import main
from ombudscompare.core.model import WeightSet
from ombudscompare.core.value import value_for_money
from ombudscompare.core.weightsets import with_weights
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.project_file import save_project


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_value_of_the_haarlem_case_in_dutch(capsys):
    code, out, err = run(capsys, "--lang", "nl", "value")
    assert code == 0, err
    assert out.startswith("Waar voor ons geld\n")
    assert ("De Nationale ombudsman is goedkoper én beter op kwaliteit: de Gezamenlijke Ombudsman Metropool Amsterdam"
            " biedt niets extra voor € 12.106 per jaar meer (8,3 punten minder kwaliteit).") in out
    assert "Wat het zou veranderen" in out and "tot het omslagpunt bij 221.708 inwoners" in out
    assert "Wie kiest wat" in out and "Elke gewichtenset weegt de kwaliteiten in dezelfde verhouding" in out


def test_value_json_has_every_field_a_script_reads(capsys):
    code, out, err = run(capsys, "--lang", "en", "value", "--json", "--weight", "local_involvement=40")
    assert code == 0, err
    data = json.loads(out)
    by_id = {o["id"]: o for o in data["options"]}
    for option in data["options"]:
        assert {"quality", "annual_cost", "cost_per_inhabitant", "efficient", "dominated_by"} <= set(option)
    assert by_id["no"]["efficient"] and by_id["goma"]["efficient"]
    (step,) = data["steps"]
    assert (step["from"], step["to"]) == (["no"], ["goma"])
    assert step["cost_per_point"] == pytest.approx(step["extra_cost"] / step["extra_quality"])
    assert {"extra_cost", "extra_quality", "cost_per_point"} <= set(step)
    assert data["frontier"] == [["no"], ["goma"]]
    assert sum(data["quality_weights"].values()) == pytest.approx(100.0)
    assert data["sentences"] and data["what_would_change_it"]


def test_value_json_per_weight_set(tmp_path, capsys):
    project = haarlem_2018()
    project.weight_sets.append(WeightSet("local", "Lokaal", {"independence": 20, "local_involvement": 60,
                                                             "learning_capacity": 20}))
    project.weight_sets.append(WeightSet("money", "Alleen geld", {"cost_per_inhabitant": 1}))
    path = tmp_path / "sets.ombuds"
    save_project(project, path)
    code, out, err = run(capsys, "--lang", "en", "value", str(path), "--json")
    assert code == 0, err
    sets = {s["id"]: s for s in json.loads(out)["sets"]}
    independent = value_for_money(with_weights(project, project.weight_set("local").weights))
    assert {o["id"]: o["quality"] for o in sets["local"]["options"]} == {
        o.option_id: o.quality for o in independent.options}
    assert sets["local"]["steps"][0]["cost_per_point"] == pytest.approx(independent.steps[0].cost_per_point)
    assert "no quality criterion" in sets["money"]["problem"] or "weighs 0" in sets["money"]["problem"]


def test_value_without_quality_criteria_is_one_line(tmp_path, capsys):
    project = haarlem_2018()
    for criterion in project.criteria:
        if not criterion.kind.computed:
            criterion.enabled = False
    path = tmp_path / "costs-only.ombuds"
    save_project(project, path)
    code, out, err = run(capsys, "--lang", "en", "value", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no quality criterion is switched on" in err
