"""Fixtures for window tests: the real MainWindow on the Haarlem case, settings and recovery under tmp_path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ombudscompare.examples import haarlem_2018
from ombudscompare.ui.app import application, apply_language
from ombudscompare.ui.document import Document
from ombudscompare.ui.mainwindow import MainWindow
from ombudscompare.ui.recovery import Recovery
from ombudscompare.ui.settings import Settings


@pytest.fixture
def dutch(qapp):
    application()
    apply_language("nl")
    yield
    apply_language("en")


@pytest.fixture
def window(qtbot, tmp_path, dutch):
    document = Document(haarlem_2018())
    win = MainWindow(document, Settings(str(tmp_path / "settings.ini")), Recovery(tmp_path / "recovery"))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()  # closing after a test must not prompt
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, not at some later loop


def answer_next_dialog(button_text: str, seen: list | None = None) -> None:
    """Click the button with this text in the next modal dialog, as a user would."""

    def click():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, click)
            return
        if seen is not None:
            seen.append(f"{box.text()}\n{box.informativeText()}" if isinstance(box, QMessageBox)
                        else box.windowTitle())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` into `widget` key by key, as a keyboard would (QTest types ASCII only; '€' comes as its text)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
