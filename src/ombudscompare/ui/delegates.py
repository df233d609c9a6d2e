"""One delegate for every table: spin boxes and combo boxes as the model's editor hint asks."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate

from .models.base import EDITOR_ROLE, ChoiceEditor, NumberEditor


class EditorDelegate(QStyledItemDelegate):
    """Numbers in the language's locale with sensible limits; scale scores from their labels."""

    def createEditor(self, parent, option, index):  # noqa: N802
        spec = index.data(EDITOR_ROLE)
        if isinstance(spec, NumberEditor):
            spin = QDoubleSpinBox(parent)
            spin.setLocale(QLocale())
            spin.setRange(spec.minimum, spec.maximum)
            spin.setDecimals(spec.decimals)
            spin.setSuffix(spec.suffix)
            spin.setGroupSeparatorShown(True)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setFrame(False)
            return spin
        if isinstance(spec, ChoiceEditor):
            combo = QComboBox(parent)
            combo.addItems(list(spec.labels))
            combo.setFrame(False)
            combo.activated.connect(lambda _i, e=combo: self.commitData.emit(e))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802
        spec = index.data(EDITOR_ROLE)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(spec, NumberEditor) and isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
            editor.selectAll()
        elif isinstance(spec, ChoiceEditor) and isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(value) - spec.offset if value is not None else -1)  # nothing guessed
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        spec = index.data(EDITOR_ROLE)
        if isinstance(spec, NumberEditor) and isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(spec, ChoiceEditor) and isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.currentIndex() + spec.offset, Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
