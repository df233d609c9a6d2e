"""What an adviser writes about the comparison: the project's title and notes, each option's description,
its name in a sentence and the source of its tariff, the source of the municipality's figures — typed in
the real fields, undoable, saved, and shown in the report."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ombudscompare.formats.project_file import load_project
from ombudscompare.ui.actions import Act
from ombudscompare.ui.models import tariffs
from ombudscompare.ui.tabs import EditTab


def _type(qtbot, field, text, leave=True):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    if leave:
        field.clearFocus()


def test_title_notes_and_municipality_source_in_the_project_details(window, qtbot, tmp_path):
    dialog = window.action(Act.PROJECT_DETAILS).trigger() or window.project_details
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    _type(qtbot, dialog.title_field, "Keuze klachtinstantie 2027")
    _type(qtbot, dialog.notes, "Besproken met de griffie.")
    _type(qtbot, dialog.source.fields["url"], "https://haarlem.nl/cijfers")
    project = window.document.project
    assert project.title.texts == {"nl": "Keuze klachtinstantie 2027", "en": "Haarlem 2018: National Ombudsman or Joint"
                                                                            " Ombudsman Metropool Amsterdam"}
    assert project.notes == "Besproken met de griffie."
    assert project.municipality.source.url == "https://haarlem.nl/cijfers"
    assert window.document.undo_stack.undoText() == "Link van de cijfers van de gemeente"
    window.files.save_to(str(tmp_path / "p.json"))
    again = load_project(tmp_path / "p.json")
    assert (again.title, again.notes, again.municipality.source.url) == (project.title, project.notes,
                                                                         "https://haarlem.nl/cijfers")
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z works here too
    assert project.municipality.source.url == ""
    dialog.close()


def test_a_line_break_pasted_into_the_title_is_refused_in_words(window, qtbot):
    dialog = window.show_project_details()
    qtbot.waitExposed(dialog)
    dialog.title_field.setText("Regel een\nregel twee")
    dialog.title_field.commit()
    from ombudscompare.ui.widgets.numbers import FieldHint

    assert "regeleinden" in FieldHint.shared().text()
    assert window.document.project.title.get("nl").startswith("Haarlem 2018")
    dialog.close()


def test_option_description_name_in_a_sentence_and_tariff_source(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_edit_tab(EditTab.COSTS)
    window.tariff_view.setCurrentIndex(window.tariff_model.index(tariffs.FIXED, 1))
    panel = window.option_detail
    assert panel.title() == "Gezamenlijke Ombudsman Metropool Amsterdam"
    assert panel.in_sentence.text() == "de Gezamenlijke Ombudsman Metropool Amsterdam"
    _type(qtbot, panel.in_sentence, "de GOMA")
    assert "vóór de GOMA met 60,5" in window.result.conclusion.text()
    _type(qtbot, panel.source.fields["date"], "1 januari 2019")
    assert window.document.project.option("goma").tariff.source.date == "1 januari 2019"
    _type(qtbot, panel.description, "Regionale ombudsman van Amsterdam en omgeving.")
    assert window.document.project.option("goma").description.texts["nl"] == ("Regionale ombudsman van Amsterdam"
                                                                               " en omgeving.")
    for _ in range(3):
        window.action(Act.UNDO).trigger()
    assert window.document.project.option("goma").tariff.source.date == "2018"
    assert "vóór de Gezamenlijke Ombudsman" in window.result.conclusion.text()


def test_a_renamed_option_keeps_one_name_where_the_languages_agreed(window):
    window.action(Act.ADD_OPTION).trigger()
    new = window.document.project.options[-1]
    assert new.name.texts == {"nl": "Nieuwe mogelijkheid 3"}, "named in the language shown only"
    assert window.tariff_model.setData(window.tariff_model.index(tariffs.NAME, 2), "Eigen ombudscommissie")
    assert new.name.get("en") == "Eigen ombudscommissie", "English follows until it is set separately"
    no = window.document.project.option("no")
    assert window.tariff_model.setData(window.tariff_model.index(tariffs.NAME, 0), "Nationale Ombudsman (NO)")
    assert no.name.get("en") == "National Ombudsman", "an English name of its own stays"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_shows_notes_descriptions_and_sources(window, tmp_path, lang):
    pypdf = pytest.importorskip("pypdf")
    from ombudscompare import commands
    from ombudscompare.ui.export.report import write_report

    project = window.document.project
    window.document.run(commands.set_project_text(project, "notes", "Besproken met de griffie op 3 maart."))
    window.document.run(commands.set_source(project, ("municipality",), "url", "https://haarlem.nl/cijfers"))
    path = tmp_path / "r.pdf"
    write_report(project, path, lang)
    import unicodedata

    text = unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text().split())
                                                  for p in pypdf.PdfReader(str(path)).pages))  # ﬀ ligatures undone
    assert "Besproken met de griffie op 3 maart." in text
    assert "https://haarlem.nl/cijfers" in text
    assert ("Aansluiten bij de gemeenschappelijke regeling" if lang == "nl" else "Joining the joint arrangement") in text
    QApplication.processEvents()
