"""`ombudscompare sets` and the uncertain inputs in `sensitivity`, as a user runs them."""

import json

from ombudscompare.cli.main import main
from ombudscompare.core.model import InputRange
from ombudscompare.core.scoring import evaluate
from ombudscompare.core.weightsets import compare_sets, with_weights
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.project_file import save_project


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sets_of_the_haarlem_case(capsys):
    code, out, err = run(capsys, "--lang", "nl", "sets")
    assert code == 0, err
    assert "Memo: vijf criteria gelijk" in out and "77,2 (1) ★" in out and "60,5 (2)" in out
    assert "14,6 procentpunt op Lokale betrokkenheid" in out
    assert "Elke set zet de Nationale ombudsman op de eerste plaats." in out
    code, out, _ = run(capsys, "--lang", "en", "sets", "--json")
    data = json.loads(out)
    project = haarlem_2018()
    for entry, weight_set in zip(data["sets"], project.weight_sets):
        independent = evaluate(with_weights(project, weight_set.weights))
        assert entry["totals"] == {r.option_id: r.total for r in independent.results}
    assert data["consensus"] == compare_sets(project).consensus
    # the memo's set: GOMA leads from local involvement 34.563… % on (README), 14.563… points away
    assert abs(data["sets"][0]["winner_margin"]["points"] - (34.563034063 - 20)) < 1e-6


def test_sets_without_sets_says_so(tmp_path, capsys):
    project = haarlem_2018()
    project.weight_sets = []
    save_project(project, tmp_path / "plain.json")
    code, out, err = run(capsys, "--lang", "en", "sets", str(tmp_path / "plain.json"))
    assert code == 2 and out == ""
    assert "has no weight sets yet" in err and "Traceback" not in err


def test_sensitivity_reports_uncertain_inputs(tmp_path, capsys):
    project = haarlem_2018()
    project.ranges = [InputRange(("complaints_per_year",), 60, 200, 93),
                      InputRange(("score", "goma", "independence"), 2, 4)]
    save_project(project, tmp_path / "ranges.json")
    code, out, err = run(capsys, "--lang", "nl", "sensitivity", str(tmp_path / "ranges.json"))
    assert code == 0, err
    assert "Onzekere invoer" in out and "Het aantal klachten per jaar" in out
    assert "De Nationale ombudsman is in 100 % van de gevallen goedkoper dan de Gezamenlijke" in out
    code, out, _ = run(capsys, "sensitivity", "--json", str(tmp_path / "ranges.json"))
    uncertain = json.loads(out)["uncertain_inputs"]
    assert uncertain["cheaper"]["no<goma"] == 1.0
    assert abs(sum(uncertain["ranks"]["options"]["no"]) - 1.0) < 1e-12
    code, out, _ = run(capsys, "sensitivity", "--json")
    assert json.loads(out)["uncertain_inputs"] is None
