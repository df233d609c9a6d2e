"""The command line as a user meets it: output, what-if options, and one-line errors with status 2."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ombudscompare.cli.main import main
from ombudscompare.examples import haarlem_2018_text
from ombudscompare.formats.project_file import load_project


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summary_json(capsys, *argv):
    code, out, err = run(capsys, "summary", "--json", *argv)
    assert code == 0, err
    return json.loads(out)


def test_example_writes_an_editable_project_file(tmp_path, capsys):
    target = tmp_path / "haarlem.json"
    code, _, err = run(capsys, "--lang", "en", "example", "-o", str(target))
    assert code == 0
    assert "Wrote the Haarlem 2018 case" in err
    assert target.read_text(encoding="utf-8") == haarlem_2018_text()
    assert load_project(target).municipality.population == 159717


def test_example_does_not_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "mine.json"
    target.write_text("my own work")
    code, _, err = run(capsys, "--lang", "en", "example", "-o", str(target))
    assert code == 2
    assert "already exists" in err and err.count("\n") == 1
    assert target.read_text() == "my own work"
    assert run(capsys, "example", "-o", str(target), "--force")[0] == 0


def test_summary_json_of_the_built_in_case(capsys):
    data = summary_json(capsys, "--lang", "en")
    first, second = data["options"]
    assert (first["id"], first["rank"]) == ("no", 1)
    assert first["total"] == pytest.approx(77.19, abs=0.01)
    assert second["total"] == pytest.approx(60.50, abs=0.01)
    assert round(first["annual_cost"], 2) == 31191.17
    assert first["cost_per_inhabitant"] == pytest.approx(31191.17 / 159717, rel=1e-6)
    weights = {c["id"]: c["weight"] for c in data["criteria"]}
    assert weights["independence"] == pytest.approx(20)
    assert weights["awareness"] == 0
    assert sum(weights.values()) == pytest.approx(100)
    assert first["name"] == "National Ombudsman"


def test_summary_of_a_file_equals_the_built_in(tmp_path, capsys):
    target = tmp_path / "h.json"
    target.write_text(haarlem_2018_text(), encoding="utf-8")
    assert summary_json(capsys, str(target)) == summary_json(capsys)


def test_what_if_options(capsys):
    data = summary_json(capsys, "--complaints", "150", "--population", "200000")
    goma = next(o for o in data["options"] if o["id"] == "goma")
    assert goma["annual_cost"] == pytest.approx(43297.29 + 50 * 432.97)
    no = next(o for o in data["options"] if o["id"] == "no")
    assert no["annual_cost"] == pytest.approx(0.19529023 * 200000)


def test_weight_option_keeps_other_proportions_and_flips_ranking(capsys):
    data = summary_json(capsys, "--weight", "local_involvement=40")
    assert data["options"][0]["id"] == "goma"
    weights = {c["id"]: c["weight"] for c in data["criteria"]}
    assert weights["local_involvement"] == pytest.approx(40)
    assert weights["independence"] == pytest.approx(15)


def test_dutch_text_summary_uses_dutch_numbers(capsys):
    code, out, _ = run(capsys, "--lang", "nl", "summary")
    assert code == 0
    assert "€ 31.191,17" in out and "77,2" in out and "159.717 inwoners" in out
    assert "Lokale betrokkenheid" in out and "20,0 %" in out


def test_english_explanation(capsys):
    code, out, _ = run(capsys, "--lang", "en", "summary", "--explain")
    assert code == 0
    assert "How the total of National Ombudsman comes about" in out
    assert "2 – weak" in out and "€432.97" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["summary", "nowhere.json"], "nowhere.json: file not found"),
        (["summary", "--population", "many"], "'many' is not a number"),
        (["summary", "--population", "-5"], "'-5' is not a whole number of at least 1"),
        (["summary", "--complaints", "-1"], "is negative"),
        (["summary", "--weight", "independence"], "should look like CRITERION=PERCENT"),
        (["summary", "--weight", "charisma=20"], "unknown criterion 'charisma'"),
        (["summary", "--weight", "independence=150"], "from 0 to 100"),
        (["summary", "--frobnicate"], "unknown arguments: --frobnicate"),
        (["sumary"], "invalid choice"),
    ],
)
def test_errors_are_one_line_with_status_2(capsys, argv, words):
    code, out, err = run(capsys, "--lang", "en", *argv)
    assert code == 2
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert out == ""


def test_invalid_file_names_file_place_and_problem(tmp_path, capsys):
    target = tmp_path / "bad.json"
    target.write_text(haarlem_2018_text().replace('"surcharge": 432.97', '"surcharge": -5'), encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "summary", str(target))
    assert code == 2
    assert err == f"ombudscompare: {target}: options[1].tariff.surcharge: must be a number ≥ 0, got -5\n"


def test_dutch_error(tmp_path, capsys):
    code, _, err = run(capsys, "--lang", "nl", "summary", str(tmp_path / "weg.json"))
    assert code == 2 and "weg.json: bestand niet gevonden" in err


def test_installed_command_runs_without_traceback(tmp_path):
    script = shutil.which("ombudscompare", path=str(Path(sys.executable).parent))
    assert script, "the ombudscompare command is installed beside the interpreter"
    env = dict(os.environ, LANG="en_GB.UTF-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    done = subprocess.run([script, "summary", str(broken)], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("ombudscompare: ") and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "ombudscompare", "summary", "--json"], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0
    assert json.loads(done.stdout)["options"][0]["id"] == "no"


def _command_env(**changes):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(changes)
    return env


def test_window_without_a_screen_is_one_clear_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ombudscompare", "--lang", "en"], capture_output=True, text=True,
                          env=_command_env(), timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("ombudscompare: the window cannot start: there is no screen (DISPLAY is not set). The"
                           " command line still works; see 'ombudscompare --help'.\n")


def test_window_opens_on_a_project_file(tmp_path):
    target = tmp_path / "h.json"
    target.write_text(haarlem_2018_text(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ombudscompare", str(target)], capture_output=True, text=True,
                          timeout=60, env=_command_env(QT_QPA_PLATFORM="offscreen", OMBUDSCOMPARE_QUIT_WHEN_SHOWN="1",
                                                       OMBUDSCOMPARE_DATA_DIR=str(tmp_path / "data"),
                                                       XDG_CONFIG_HOME=str(tmp_path / "config")))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "shown\n"


def test_sensitivity_json_for_haarlem(capsys):
    code, out, err = run(capsys, "--lang", "en", "sensitivity", "--json", "--samples", "2000")
    assert code == 0, err
    data = json.loads(out)
    (pair,) = data["break_even"]
    assert pair["population"]["at"] == pytest.approx(43297.29 / 0.19529023)
    assert pair["complaints"] == []
    local = next(w for w in data["weights"] if w["criterion"] == "local_involvement")
    assert local["first_place"]["high"] == pytest.approx(34.563, abs=1e-3)
    assert [round(f["at"], 3) for f in local["flips"]] == [34.563]
    assert data["most_telling"] == "The National Ombudsman stays first as long as Local involvement weighs less than 34.6%."
    assert data["multi_year"]["years"] == [2018, 2019, 2020, 2021]
    uniform = data["robustness"]["uniform"]["options"]
    assert uniform["no"][0] + uniform["goma"][0] == pytest.approx(1.0)


def test_sensitivity_text_in_dutch(capsys):
    code, out, _ = run(capsys, "--lang", "nl", "sensitivity", "--samples", "1000")
    assert code == 0
    assert "De Nationale ombudsman blijft op de eerste plaats zolang Lokale betrokkenheid minder dan 34,6 % weegt." in out
    assert "221.708 inwoners" in out


def test_sensitivity_what_if(capsys):
    code, out, _ = run(capsys, "--lang", "en", "sensitivity", "--json", "--complaints", "150", "--samples", "500")
    assert code == 0
    (pair,) = json.loads(out)["break_even"]
    assert pair["population"]["at"] == pytest.approx((43297.29 + 50 * 432.97) / 0.19529023)


def test_export_writes_a_workbook(tmp_path, capsys):
    import openpyxl

    target = tmp_path / "memo.xlsx"
    code, _, err = run(capsys, "--lang", "nl", "export", "-o", str(target), "--complaints", "120")
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:7] == ["Samenvatting", "Criteria", "Gewichtensets", "Scores", "Kosten", "Bronnen",
                                   "Berekening"]
    assert book["Kosten"]["D5"].value == 120


def test_export_to_an_impossible_place_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "--lang", "en", "export", "-o", str(tmp_path / "no" / "memo.xlsx"))
    assert code == 2
    assert err.endswith("memo.xlsx: cannot be saved: the folder does not exist\n") and err.count("\n") == 1


@pytest.mark.parametrize("kind", ["ranking", "costs-complaints", "sensitivity", "robustness"])
def test_chart_command_writes_slides(kind, tmp_path, capsys):
    from PySide6.QtGui import QImage

    png = tmp_path / f"{kind}.png"
    code, _, err = run(capsys, "--lang", "en", "chart", "--kind", kind, "-o", str(png))
    assert code == 0, err
    assert QImage(str(png)).width() == 1920
    svg = tmp_path / f"{kind}.svg"
    assert run(capsys, "chart", "--kind", kind, "-o", str(svg), "--width", "1280", "--height", "720")[0] == 0
    assert b"<svg" in svg.read_bytes()[:400]


def test_chart_for_an_unknown_criterion_is_one_line(capsys):
    code, _, err = run(capsys, "--lang", "en", "chart", "--kind", "sensitivity", "--criterion", "charisma", "-o",
                       "x.png")
    assert code == 2 and "'charisma' is not a criterion that is switched on" in err and err.count("\n") == 1


def test_report_command(tmp_path, capsys):
    pypdf = pytest.importorskip("pypdf")
    target = tmp_path / "report.pdf"
    code, _, err = run(capsys, "--lang", "nl", "report", "-o", str(target))
    assert code == 0, err
    assert len(pypdf.PdfReader(str(target)).pages) >= 6


def test_a_file_named_like_a_language_is_still_a_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("nl").write_text(haarlem_2018_text(), encoding="utf-8")
    for argv in (("summary", "nl", "--json"), ("--lang", "en", "summary", "nl", "--json"),
                 ("summary", "--lang", "nl", "nl", "--json")):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        assert json.loads(out)["options"][0]["id"] == "no"
    code, out, _ = run(capsys, "--lang", "en", "summary", "nl")
    assert "National Ombudsman ranks first" in out


def test_numbers_in_either_habit_on_the_command_line(capsys):
    for text in ("150000", "150.000", "150,000"):
        options = summary_json(capsys, "--lang", "nl", "--population", text)
        assert sum(o["annual_cost"] for o in options["options"]) > 0
    dutch = summary_json(capsys, "--weight", "local_involvement=34,9")
    english = summary_json(capsys, "--weight", "local_involvement=34.9")
    assert dutch["criteria"] == english["criteria"]


@pytest.mark.parametrize("command", ["export", "chart", "report"])
def test_writing_commands_do_not_overwrite_without_force(command, tmp_path, capsys):
    target = tmp_path / {"export": "x.xlsx", "chart": "x.png", "report": "x.pdf"}[command]
    target.write_bytes(b"my own work")
    extra = ["--kind", "ranking"] if command == "chart" else []
    code, _, err = run(capsys, "--lang", "en", command, "-o", str(target), *extra)
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_bytes() == b"my own work"
    code, _, err = run(capsys, "--lang", "en", command, "-o", str(target), "--force", *extra)
    assert code == 0, err
    assert target.read_bytes() != b"my own work"


@pytest.mark.parametrize("control", ["\u009b", "\u202e", "\x1b"])
def test_control_characters_never_reach_the_terminal(tmp_path, capsys, control):
    """A file name with a terminal command introducer or a right-to-left override is printed escaped."""
    missing = tmp_path / f"plan{control}2[31mred.json"
    code, out, err = run(capsys, "--lang", "en", "summary", str(missing))
    assert code == 2
    assert control not in err and f"\\u{ord(control):04x}" in err


def test_a_name_with_c1_controls_is_refused_on_load(tmp_path, capsys):
    from ombudscompare.examples import haarlem_2018_text

    path = tmp_path / "c1.json"
    path.write_text(haarlem_2018_text().replace('"Haarlem"', '"Haar\\u009blem"', 1))
    code, out, err = run(capsys, "--lang", "en", "summary", str(path))
    assert code == 2 and "municipality.name: must not contain control characters" in err
    assert "\u009b" not in out + err


def test_the_complaints_given_are_the_complaints_written(capsys):
    """Issue 20.9: 93,25 complaints a year read '93,2' in the summary and 'Bij 93 klachten' in the sensitivity."""
    code, out, _ = run(capsys, "--lang", "nl", "summary", "--complaints", "93,25")
    assert code == 0 and " · 93,25 klachten per jaar · " in out
    code, out, _ = run(capsys, "--lang", "nl", "sensitivity", "--complaints", "93,25")
    assert code == 0 and "Bij 93,25 klachten per jaar is " in out


def test_fields_a_newer_file_was_opened_without_are_one_line_on_stderr(tmp_path, capsys):
    """Issue 20.10: the command line says which field of a newer version it left out, in one line, and goes on."""
    data = json.loads(haarlem_2018_text())
    data["version"] = "1.3"
    data["future"] = "x\udc80y"
    data["options"][0]["deep"] = json.loads("[" * 200 + "1" + "]" * 200)
    target = tmp_path / "newer.ombuds"
    target.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "summary", str(target))
    assert code == 0 and "Ranking" in out
    assert err.count("\n") == 1 and err.startswith(f"ombudscompare: {target}: opened without 2 fields of a newer")
    assert "future: holds a broken UTF-16 surrogate; options[0].deep: is nested more than 64 levels deep" in err
    code, _out, err = run(capsys, "export", str(target), "-o", str(tmp_path / "out.xlsx"))
    assert code == 0 and (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize("brk", ["\n", "\u2028", "\u2029"])
def test_a_line_break_in_a_file_name_keeps_the_error_one_line(tmp_path, capsys, brk):
    """Issue 20.12: a newline or U+2028 in a file name split the one-line error, and the rest could pose as
    another 'ombudscompare:' line; every line the program writes about a file stays one line."""
    missing = tmp_path / f"plan{brk}ombudscompare: all is well.json"
    code, _, err = run(capsys, "--lang", "en", "summary", str(missing))
    assert code == 2 and err.count("\n") == 1 and brk not in err[:-1] and f"\\u{ord(brk):04x}" in err
    assert err.startswith("ombudscompare: ") and err.count("ombudscompare:") == 2  # the second one escaped inside
    code, _, err = run(capsys, "example", "-o", str(tmp_path / f"case{brk}ombudscompare: done.json"))
    assert code == 0 and err.count("\n") == 1 and brk not in err[:-1]
