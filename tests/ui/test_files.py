"""Files through the window: save and open, the unsaved-changes prompt, broken files, recent files, title."""

import json

from ombudscompare.formats.project_file import dumps, load_project
from ombudscompare.ui.models import tariffs

from .conftest import answer_next_dialog


def change_something(window):
    assert window.tariff_model.setData(window.tariff_model.index(tariffs.FIXED, 0), 1000.0)


def test_save_and_open_round_trip(window, tmp_path):
    change_something(window)
    assert window.isWindowModified()
    target = tmp_path / "haarlem-edit.json"
    assert window.files.save_to(str(target))
    assert not window.isWindowModified()
    assert window.windowTitle() == "haarlem-edit.json[*] — OmbudsCompare"
    saved = dumps(window.document.project)
    assert target.read_text(encoding="utf-8") == saved
    assert window.files.new_example()
    assert window.document.project.option("no").tariff.fixed == 0
    assert window.files.open_path(str(target))
    assert dumps(window.document.project) == saved
    assert window.document.path == str(target)
    assert window.settings.recent_files[0] == str(target)
    assert not window.document.undo_stack.canUndo(), "a freshly opened file has no history"


def test_unsaved_prompt_cancel_keeps_the_work(window):
    change_something(window)
    answer_next_dialog("Annuleren")
    assert not window.files.new_example()
    assert window.document.project.option("no").tariff.fixed == 1000
    assert window.isWindowModified()


def test_unsaved_prompt_dont_save_discards(window):
    change_something(window)
    seen = []
    answer_next_dialog("Niet opslaan", seen)
    assert window.files.new_blank()
    assert "niet zijn opgeslagen" in seen[0]
    assert [o.name.get("nl") for o in window.document.project.options] == ["Mogelijkheid A", "Mogelijkheid B"]
    assert not window.isWindowModified()


def test_unsaved_prompt_save_writes_the_file(window, tmp_path):
    target = tmp_path / "p.json"
    assert window.files.save_to(str(target))
    change_something(window)
    answer_next_dialog("Opslaan")
    assert window.files.new_example()
    assert load_project(target).option("no").tariff.fixed == 1000


def test_closing_with_changes_asks(window):
    change_something(window)
    answer_next_dialog("Annuleren")
    assert not window.close()
    assert window.isVisible()


def test_broken_file_shows_the_problem_and_keeps_the_project(window, tmp_path):
    change_something(window)
    before = dumps(window.document.project)
    broken = tmp_path / "broken.json"
    data = json.loads(before)
    data["options"][1]["tariff"]["surcharge"] = -5
    broken.write_text(json.dumps(data), encoding="utf-8")
    seen = []
    answer_next_dialog("Niet opslaan")  # the unsaved-changes question comes first
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, lambda: answer_next_dialog("OK", seen))
    assert not window.files.open_path(str(broken))
    assert seen and "options[1].tariff.surcharge: moet een getal ≥ 0 zijn, gevonden: -5" in seen[0]
    assert dumps(window.document.project) == before
    assert window.isWindowModified(), "the open work is untouched, still unsaved"


def test_unwritable_target_shows_the_problem_and_keeps_the_work(window, tmp_path):
    change_something(window)
    seen = []
    answer_next_dialog("OK", seen)
    assert not window.files.save_to(str(tmp_path / "no-such-folder" / "p.json"))
    assert "kan niet worden opgeslagen: de map bestaat niet" in seen[0]
    assert window.isWindowModified()
    assert window.document.path is None


def test_export_to_excel_from_the_window(window, tmp_path):
    import openpyxl

    change_something(window)
    target = tmp_path / "memo.xlsx"
    assert window.files.export_excel(str(target))
    from ombudscompare.formats.workbook.geometry import TARIFFS

    book = openpyxl.load_workbook(target)
    assert book["Kosten"][TARIFFS.cell("fixed", TARIFFS.first_row)].value == 1000
    assert window.isWindowModified(), "exporting is not saving the project"


def test_export_failure_is_shown(window, tmp_path):
    seen = []
    answer_next_dialog("OK", seen)
    assert not window.files.export_excel(str(tmp_path / "missing" / "memo.xlsx"))
    assert "de map bestaat niet" in seen[0]


def test_open_an_exported_workbook_in_the_window(window, tmp_path):
    import openpyxl

    from ombudscompare.formats.workbook import export_workbook
    from ombudscompare.formats.workbook.geometry import TOWN

    path = tmp_path / "memo.xlsx"
    export_workbook(window.document.project, path, "nl")
    book = openpyxl.load_workbook(path)
    book["Kosten"][TOWN.cell("population", TOWN.first_row)] = 200_000
    book.save(path)
    assert window.files.open_path(str(path))
    assert window.document.project.municipality.population == 200_000
    assert window.document.path is None and window.isWindowModified(), "saving asks for a project file name"


def test_saves_and_exports_are_confirmed_with_their_path(window, tmp_path):
    assert window.files.save_to(str(tmp_path / "haarlem.json"))
    assert window.statusBar().currentMessage() == f"Opgeslagen: {tmp_path / 'haarlem.json'}"
    assert window.files.export_excel(str(tmp_path / "haarlem.xlsx"))
    assert window.statusBar().currentMessage() == f"Geschreven: {tmp_path / 'haarlem.xlsx'}"
    assert window.files.export_chart("ranking", str(tmp_path / "r.png"))
    assert window.statusBar().currentMessage().endswith("r.png")


def test_suggested_chart_names_are_in_the_language_shown(window):
    from ombudscompare.ui.app import switch_language
    from ombudscompare.ui.files import chart_file_name

    assert chart_file_name("ranking") == "rangorde.png"
    assert chart_file_name("costs-population") == "kosten-inwoners.png"
    switch_language(window, "en")
    assert chart_file_name("ranking") == "ranking.png"
    switch_language(window, "nl")


def test_opening_a_project_explains_its_own_first_place(window, tmp_path):
    """The explanation showed the National Ombudsman (first in Haarlem); a project in which GOMA is first opens
    with GOMA explained, not the option that happened to be selected before."""
    from ombudscompare.examples import haarlem_2018
    from ombudscompare.formats.project_file import save_project

    assert window.result.explanation_model.option_id == "no"
    project = haarlem_2018()
    project.criterion("local_involvement").weight = 200
    path = tmp_path / "goma-first.json"
    save_project(project, path)
    assert window.files.open_path(str(path))
    assert window.result.explanation_model.option_id == "goma"
    assert "Gezamenlijke Ombudsman Metropool Amsterdam" in window.result.explanation_title.text()


def test_a_newer_files_fields_that_cannot_be_kept_are_named_on_opening_and_saving_works(window, tmp_path):
    """Issue 20.10: opened silently, then every save and export said 'change that text first' about a text the
    window cannot show. Now opening says which field is left out, and saving and exporting work."""
    data = json.loads(dumps(window.document.project))
    data["version"] = "1.3"
    data["future"] = "x\udc80y"
    data["kept"] = {"date": "2026-12-01"}
    path = tmp_path / "newer.ombuds"
    path.write_text(json.dumps(data), encoding="utf-8")
    seen = []
    answer_next_dialog("OK", seen)
    assert window.files.open_path(str(path), ask=False)
    assert seen and "geopend zonder een veld van een nieuwere OmbudsCompare" in seen[0]
    assert "future: bevat een los UTF-16-surrogaat" in seen[0]
    assert window.files.save_to(str(tmp_path / "saved.ombuds"))
    assert window.files.export_excel(str(tmp_path / "saved.xlsx"))
    again = json.loads((tmp_path / "saved.ombuds").read_text(encoding="utf-8"))
    assert again["kept"] == {"date": "2026-12-01"} and "future" not in again


def test_an_export_that_cannot_write_what_the_project_holds_says_so_and_gives_the_cursor_back(window, tmp_path):
    """However a project came to hold it, a RecursionError or UnicodeEncodeError of a writer is shown in words and
    the busy cursor does not stay."""
    from PySide6.QtWidgets import QApplication

    def deep():
        raise RecursionError("maximum recursion depth exceeded")

    seen = []
    answer_next_dialog("OK", seen)
    assert not window.files._guarded("Cannot export", deep, str(tmp_path / "x.pdf"), "…")
    assert seen and "kan niet worden geschreven" in seen[0]
    assert QApplication.overrideCursor() is None


def test_a_figure_typed_over_a_computed_cell_is_said_when_the_workbook_opens(window, haarlem, tmp_path):
    """The user typed over the Joint Ombudsman's quality in 'Waar voor ons geld': opening says that it is not used
    (the program computes it from the inputs) in a box the user closes, and the project opens as exported."""
    import openpyxl

    from ombudscompare.formats.workbook import export_workbook

    path = tmp_path / "typed.xlsx"
    export_workbook(haarlem, path, "nl")
    book = openpyxl.load_workbook(path)
    book["Waar voor ons geld"]["C12"] = "negentig"
    book.save(path)
    seen = []
    answer_next_dialog("OK", seen)
    assert window.files.open_path(str(path), ask=False)
    assert len(seen) == 1 and "een cel die de werkmap berekent bevat een cijfer dat over de formule heen is getypt" \
        in seen[0] and 'Waar voor ons geld!C12: bevat "negentig" waar de werkmap een cijfer berekent' in seen[0]
    assert dumps(window.document.project) == dumps(haarlem)

