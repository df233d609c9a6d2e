"""Qt's own dialogs speak Dutch too, including the file dialog's labels Qt's catalogue misses."""

from PySide6.QtWidgets import QFileDialog, QLabel


def test_the_file_dialog_is_dutch(dutch, qtbot):
    dialog = QFileDialog(None, "Project openen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestanden van &type:", "Bestands&naam:"} <= texts, texts
    assert not {"&Look in:", "Files of &type:"} & texts
