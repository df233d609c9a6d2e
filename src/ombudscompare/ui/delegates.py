"""One delegate for every table: number fields and label choices as the model's editor hint asks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from .models.base import EDITOR_ROLE, ChoiceEditor, NumberEditor
from .widgets.numbers import NumberBox


class EditorDelegate(QStyledItemDelegate):
    """Numbers in either decimal habit with sensible limits; scale scores from their labels.

    A number the field cannot take, or ambiguous text not yet confirmed, is not written to the model:
    the field says why and the cell keeps its value. A value the model refuses says why too.
    """

    def createEditor(self, parent, option, index):
        spec = index.data(EDITOR_ROLE)
        if isinstance(spec, NumberEditor):
            box = NumberBox(parent, integer=spec.decimals == 0)
            box.setObjectName("cell_number")
            box.setLocale(QLocale())
            box.setDecimals(spec.decimals)
            box.setRange(spec.minimum, spec.maximum)
            box.setSuffix(spec.suffix)
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.setFrame(False)
            box.setButtonSymbols(NumberBox.ButtonSymbols.NoButtons)
            return box
        if isinstance(spec, ChoiceEditor):
            combo = QComboBox(parent)
            combo.setObjectName("cell_choice")
            combo.addItems(list(spec.labels))
            combo.setFrame(False)
            combo.activated.connect(lambda _i, e=combo: self.commitData.emit(e))
            return combo
        return super().createEditor(parent, option, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (isinstance(watched, NumberBox) and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not watched.check_before_commit()):
            return True  # keep the editor open: the field has said why
        return super().eventFilter(watched, event)

    def setEditorData(self, editor, index):
        spec = index.data(EDITOR_ROLE)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(spec, NumberEditor) and isinstance(editor, NumberBox):
            editor.setValue(float(value or 0))
            editor.selectAll()
        elif isinstance(spec, ChoiceEditor) and isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(value) - spec.offset if value is not None else -1)  # nothing guessed
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        spec = index.data(EDITOR_ROLE)
        if isinstance(spec, NumberEditor) and isinstance(editor, NumberBox):
            reading = editor.reading()
            if editor.textFromValue(float(index.data(Qt.ItemDataRole.EditRole) or 0)) == editor.cleanText():
                return  # nothing typed
            if not editor.ready() or reading.value is None:
                editor.leave()
                return
            self._set(editor, model, index, reading.value)
        elif isinstance(spec, ChoiceEditor) and isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                self._set(editor, model, index, editor.currentIndex() + spec.offset)
        else:
            super().setModelData(editor, model, index)

    @staticmethod
    def _set(editor, model, index, value) -> None:
        model.setData(index, value, Qt.ItemDataRole.EditRole)  # a refusal is said by the window (Document.try_edit)
