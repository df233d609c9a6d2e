"""Unsaved work survives a killed process: a real child window is killed and its work offered back."""

import os
import signal
import subprocess
import sys
import textwrap

from ombudscompare.examples import haarlem_2018
from ombudscompare.ui.app import offer_recovery
from ombudscompare.ui.document import Document
from ombudscompare.ui.mainwindow import MainWindow
from ombudscompare.ui.recovery import Recovery
from ombudscompare.ui.settings import Settings

from .conftest import answer_next_dialog


def answer_recovery(steps, seen=None):
    """In the recovery list, as a user: choose a row and press a button, step by step ('Restore', 0), ('Later',)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ombudscompare.ui.dialogs.recover import RecoveryDialog

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(10, act)
            return
        if seen is not None:
            seen.append([[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
                         for r in range(dialog.table.rowCount())])
        for button, *row in steps:
            if row:
                dialog.table.selectRow(row[0])
            next(b for b in dialog.buttons.values() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, act)

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ombudscompare.ui.app import application, apply_language
    from ombudscompare.ui.document import Document
    from ombudscompare.ui.mainwindow import MainWindow
    from ombudscompare.ui.recovery import Recovery
    from ombudscompare.ui.settings import Settings
    from ombudscompare.examples import haarlem_2018
    app = application()
    apply_language("nl")
    window = MainWindow(Document(haarlem_2018()), Settings(sys.argv[2]), Recovery(sys.argv[1]))
    window.show()
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "local_involvement")
    row.number.setValue(40.0)
    deadline = time.time() + 20
    while not window.recovery.file.exists() and time.time() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("kept", flush=True)
    time.sleep(60)
    """
)


def test_killed_session_is_offered_back(qtbot, tmp_path, dutch):
    folder = tmp_path / "recovery"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(tmp_path / "child.ini")],
                             stdout=subprocess.PIPE, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        assert child.stdout.readline().strip() == "kept"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert len(list(folder.glob("recovery-*.json"))) == 1

    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), Recovery(folder))
    window.show()
    seen = []
    answer_recovery([("Terugzetten", 0)], seen)
    offer_recovery(window, window.recovery)
    assert len(seen[0]) == 1 and seen[0][0][1] == "nooit opgeslagen"
    assert window.document.evaluation.shares["local_involvement"] == 0.4
    assert window.document.modified and window.isWindowModified()
    assert window.document.evaluation.ranking()[0].option_id == "goma"
    assert [p for p in folder.glob("recovery-*.json") if p != window.recovery.file] == []
    window.document.undo_stack.setClean()
    window.close()


def test_declined_recovery_is_deleted(qtbot, tmp_path, dutch):
    folder = tmp_path / "recovery"
    old = Recovery(folder)
    project = haarlem_2018()
    project.municipality.population = 12345
    old.keep(project, None)
    old.lock.unlock()  # as if that session had died
    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), Recovery(folder))
    answer_recovery([("Verwijderen", 0)])
    offer_recovery(window, window.recovery)
    assert window.document.project.municipality.population == 159717
    assert not old.file.exists()
    window.close()


def test_recovery_file_follows_unsaved_state_and_goes_on_close(window, qtbot, tmp_path):
    recovery = window.recovery
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    row.number.setValue(30.0)
    qtbot.waitUntil(recovery.file.exists, timeout=3000)
    window.files.save_to(str(tmp_path / "saved.json"))
    window.keep_recovery()
    assert not recovery.file.exists(), "nothing unsaved, nothing to recover"
    row.number.setValue(35.0)
    qtbot.waitUntil(recovery.file.exists, timeout=3000)
    window.document.undo_stack.setClean()
    window.close()
    assert not recovery.file.exists()


def test_a_running_window_does_not_see_another_running_windows_file(tmp_path):
    folder = tmp_path / "recovery"
    first, second = Recovery(folder), Recovery(folder)
    first.keep(haarlem_2018(), None)
    assert second.orphans() == []


def answer_dialogs(buttons, seen):
    """Answer the next dialogs in turn, each with its button, noting what each said and offered."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click():
        box = QApplication.activeModalWidget()
        if box is None or getattr(box, "answered", False):
            QTimer.singleShot(10, click)
            return
        box.answered = True
        seen.append(f"{box.text()}\n{box.informativeText()}\n" + " ".join(b.text() for b in box.buttons()))
        wanted = buttons.pop(0)
        next(b for b in box.buttons() if b.text().replace("&", "") == wanted).click()
        if buttons:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def _orphan(folder, population, path=None):
    """A recovery file left by a session that died, with this population in its work."""
    old = Recovery(folder)
    project = haarlem_2018()
    project.municipality.population = population
    assert old.keep(project, path)
    old.lock.unlock()
    return old.file


def test_every_piece_of_kept_work_is_offered_and_none_deleted_unasked(qtbot, tmp_path, dutch):
    folder = tmp_path / "recovery"
    first, second = _orphan(folder, 11111), _orphan(folder, 22222)
    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), Recovery(folder))
    seen = []
    answer_recovery([("Terugzetten", 0), ("Later",)], seen)
    offer_recovery(window, window.recovery)
    assert len(seen) == 1 and len(seen[0]) == 2, "both are offered in one list"
    restored = window.document.project.municipality.population
    assert restored in (11111, 22222)
    left = [p for p in (first, second) if p.exists()]
    assert len(left) == 1, "the one put off till later is still there"
    window.document.undo_stack.setClean()
    window.close()
    again = Recovery(folder)
    assert [r.project.municipality.population for r in again.orphans()] == [33333 - restored]


def test_many_crashed_sessions_are_offered_in_one_list(qtbot, tmp_path, dutch):
    """Twelve killed sessions give one list of twelve, not twelve questions at every start."""
    folder = tmp_path / "recovery"
    for k in range(12):
        _orphan(folder, 1000 + k)
    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), Recovery(folder))
    seen = []
    answer_recovery([("Later",)], seen)
    offer_recovery(window, window.recovery)
    assert len(seen) == 1 and len(seen[0]) == 12
    assert len(Recovery(folder).orphans()) == 12, "kept for the next start"
    window.close()


def test_work_that_cannot_be_saved_is_still_offered_and_says_what_must_change(qtbot, tmp_path, dutch):
    """A broken character in a name (kept from a file) makes the work unsaveable as it stands: it is offered
    anyway, restored, and the window says what must change; the rest of the work is there."""
    folder = tmp_path / "recovery"
    old = Recovery(folder)
    project = haarlem_2018()
    project.municipality.population = 77777
    project.options[0].name.texts["nl"] = "Nationale \udc80 ombudsman"
    assert old.keep(project, None), "a recovery write never fails on the text it keeps"
    old.lock.unlock()
    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), Recovery(folder))
    window.show()
    seen = []
    answer_recovery([("Terugzetten", 0)], seen)
    offer_recovery(window, window.recovery)
    assert "kan zo niet worden opgeslagen" in seen[0][0][3].lower()
    assert window.document.project.municipality.population == 77777
    assert "opgeslagen" in window.statusBar().currentMessage()
    window.document.undo_stack.setClean()
    window.close()


def test_work_saved_just_before_a_crash_is_not_offered(tmp_path):
    from ombudscompare.formats.project_file import save_project

    folder = tmp_path / "recovery"
    saved = tmp_path / "saved.json"
    project = haarlem_2018()
    project.municipality.population = 44444
    save_project(project, saved)
    kept = _orphan(folder, 44444, str(saved))
    assert Recovery(folder).orphans() == []
    assert not kept.exists(), "identical to the file on disk: nothing would be lost"


def test_an_unreadable_recovery_file_is_left_alone(tmp_path):
    folder = tmp_path / "recovery"
    broken = _orphan(folder, 55555)
    broken.write_text("{half a file")
    assert Recovery(folder).orphans() == []
    assert broken.exists()


def test_saving_removes_the_recovery_file_at_once(window, qtbot, tmp_path):
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    row.number.setValue(30.0)
    qtbot.waitUntil(window.recovery.file.exists, timeout=3000)
    window.files.save_to(str(tmp_path / "saved.json"))
    assert not window.recovery.file.exists(), "no wait for the next tick: a crash now offers nothing"


def test_the_window_works_without_a_writable_recovery_folder(qtbot, tmp_path, dutch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    recovery = Recovery(blocker / "recovery")
    assert not recovery.available and recovery.problem
    window = MainWindow(Document(haarlem_2018()), Settings(str(tmp_path / "s.ini")), recovery)
    seen = []
    answer_next_dialog("OK", seen)
    offer_recovery(window, recovery)
    assert "kan niet worden gebruikt" in seen[0] and "Sla vaak op" in seen[0]
    row = next(r for r in window.weights_panel.rows if r.criterion_id == "independence")
    row.number.setValue(30.0)
    window.keep_recovery()
    assert window.document.evaluation.shares["independence"] == 0.3
    window.document.undo_stack.setClean()
    window.close()


def test_leftovers_of_killed_recovery_writes_are_cleaned(tmp_path):
    import time

    folder = tmp_path / "recovery"
    folder.mkdir()
    leftover = folder / ".recovery-0123456789ab.json.abcdefgh.tmp"
    leftover.write_text("{half")
    old = time.time() - 7200
    os.utime(leftover, (old, old))
    Recovery(folder)
    assert not leftover.exists()


def test_keeping_unsaved_work_never_raises_whatever_the_project_holds(tmp_path):
    """Issue 20.10: the recovery write raised (and crash protection was gone for the session) on what a newer file
    brought in; now a write it cannot make is reported as not kept, like a full disk."""
    recovery = Recovery(tmp_path / "recovery")
    project = haarlem_2018()
    value: object = "bottom"
    for _ in range(5000):
        value = [value]
    project.extra["deep"] = value
    assert recovery.keep(project, None) is False
    project.extra = {"future": "x\udc80y", "\udc80": "\ufffe"}
    assert recovery.keep(project, None) is True
    recovery.close()


def test_kept_work_with_a_newer_versions_unkeepable_fields_is_offered_without_them_and_never_crashes(tmp_path):
    """A recovery file an older OmbudsCompare wrote with such fields: one nested 5,000 deep made reading the
    recovery files raise RecursionError at start-up; now it is left alone, and one that can be read is offered
    without the fields, saying so."""
    import json

    from ombudscompare.examples import haarlem_2018_text

    folder = tmp_path / "recovery"
    folder.mkdir()
    project = json.loads(haarlem_2018_text())
    project["version"] = "1.3"
    project["future"] = "x\udc80y"
    kept = {"format": "ombudscompare-recovery", "version": 1, "file": None, "saved_at": "2026-12-06T10:00:00",
            "project": project}
    readable = folder / "recovery-0123456789ab.json"
    readable.write_text(json.dumps(kept).replace('"future"', '"deep": ' + "[" * 300 + "]" * 300 + ', "future"'))
    too_deep = folder / "recovery-ba9876543210.json"
    too_deep.write_text(json.dumps(kept).replace('"future"', '"deep": ' + "[" * 5000 + "]" * 5000 + ', "future"'))
    found = Recovery(folder).orphans()
    assert [f.recovery_file for f in found] == [readable] and too_deep.exists()
    assert "future" not in found[0].project.extra and "deep" not in found[0].project.extra
    assert found[0].dropped.startswith("recovery-0123456789ab.json: opened without 2 fields of a newer")


def test_a_killed_recovery_writes_temporary_goes_at_the_next_start(tmp_path):
    """Issue 20.13: named with its computer and process, a killed recovery write's temporary goes as soon as its
    process is gone, not an hour later."""
    import subprocess

    from ombudscompare.formats.atomic import HOST

    folder = tmp_path / "recovery"
    folder.mkdir()
    with subprocess.Popen([sys.executable, "-c", "pass"]) as child:
        child.wait()
    leftover = folder / f".recovery-0123456789ab.json.{HOST}-{child.pid}.abcdefgh.tmp"
    leftover.write_text("{half")
    Recovery(folder).close()
    assert not leftover.exists()
