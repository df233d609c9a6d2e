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
    answer_next_dialog("Terugzetten", seen)
    offer_recovery(window, window.recovery)
    assert "onverwacht afgesloten" in seen[0]
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
    answer_next_dialog("Verwijderen")
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
