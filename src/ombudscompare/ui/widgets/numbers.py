"""A number field that never stores a number the user did not see.

It reads both habits ('500.50' and '500,50', '€ 1.234,56' and '1,234.56'). Text that could mean two
numbers ('1.234': thousands in Dutch, decimals in English) is read the way the language reads it,
but the field first shows what it read and takes it only at a second Enter. Text it cannot take
('abc', '-5' where amounts start at 0) is refused with the reason shown next to the field; leaving
the field then restores the number it had.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QMainWindow, QWidget

from ...core.limits import Range
from ...i18n import language, tr
from ...i18n.numbers import format_number, read_number

HINT_MS = 9000


@dataclass(frozen=True)
class Reading:
    """What the field makes of its text: a value, or why not; `ambiguous` asks for a second Enter, showing
    `other` — the reading the other decimal habit would give — beside the value taken."""

    value: float | None
    problem: str = ""
    ambiguous: bool = False
    other: float | None = None


class FieldHint(QLabel):
    """A small note under a field: why a value was refused, or how ambiguous text was read."""

    _shared: FieldHint | None = None

    def __init__(self):
        super().__init__(None, Qt.WindowType.ToolTip)
        self.setObjectName("field_hint")
        self.setWordWrap(True)
        self.setMaximumWidth(420)
        self.setMargin(6)
        self.setStyleSheet("QLabel { background: #FFF4CE; color: #1F1F1F; border: 1px solid #8A6D00; }")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)

    @classmethod
    def shared(cls) -> FieldHint:
        if cls._shared is None:
            cls._shared = FieldHint()
        return cls._shared

    @classmethod
    def show_for(cls, widget: QWidget, text: str, anchor: QWidget | None = None) -> None:
        """Show `text` under `widget` (or `anchor`) and in the window's status bar, for a few seconds."""
        hint = cls.shared()
        place = anchor or widget
        hint.setText(text)
        hint.adjustSize()
        hint.move(place.mapToGlobal(QPoint(0, place.height() + 2)))
        hint.show()
        hint.timer.start(HINT_MS)
        widget.setAccessibleDescription(text)
        window = widget.window()
        if isinstance(window, QMainWindow) and window.statusBar() is not None:
            window.statusBar().showMessage(text, HINT_MS)

    @classmethod
    def hide_shared(cls) -> None:
        if cls._shared is not None:
            cls._shared.hide()


class NumberBox(QDoubleSpinBox):
    """A spin box for amounts, counts and percentages that reads both decimal habits and refuses in words."""

    def __init__(self, parent: QWidget | None = None, *, integer: bool = False, tidy: bool = False,
                 grouped: bool = True):
        super().__init__(parent)
        self.integer = integer
        self.tidy = tidy  # one decimal only when there is one: '93', but '93,5'
        self._shown = ""  # ambiguous text whose reading the field has shown
        self._confirmed = ""  # ambiguous text the user then confirmed with a second Enter
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(grouped)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        if integer:
            self.setDecimals(0)
        self.lineEdit().textEdited.connect(self._edited)

    # --- reading ------------------------------------------------------------------------------
    def _bare(self, text: str) -> str:
        text = text.strip()
        if self.prefix() and text.startswith(self.prefix().strip()):
            text = text[len(self.prefix().strip()):]
        suffix = self.suffix().strip()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip()

    def reading(self, text: str | None = None) -> Reading:
        """How the field reads `text` (its current text by default).

        Text that could mean two numbers ('150,000': 150 in Dutch, 150000 in English) is ambiguous whenever both
        readings fit the field; when only one fits, that one is read, still shown before it is taken. A number
        the field cannot hold as it is (more decimals than it shows, a fraction where it counts whole things,
        outside its range) is refused, never rounded."""
        text = self._bare(self.text() if text is None else text)
        if not text:
            return Reading(None, tr("type a number"))
        if text == self._bare(self.textFromValue(self.value())):
            return Reading(self.value())  # what the field itself shows: its own number, never in doubt
        try:
            read = read_number(text, language())
        except ValueError:
            return Reading(None, tr("'{text}' is not a number", text=text))
        problem = self._problem(read.value)
        if not read.ambiguous or read.other is None:
            return Reading(None, problem) if problem else Reading(read.value)
        other_problem = self._problem(read.other)
        if problem and other_problem:
            return Reading(None, problem)
        if problem:  # only the other habit's reading fits this field
            return Reading(read.other, "", True, read.value)
        return Reading(read.value, "", True, None if other_problem else read.other)

    def _problem(self, value: float) -> str:
        """Why the field cannot hold `value` exactly ('' when it can)."""
        problem = Range(self.minimum(), self.maximum(), self.integer or self.decimals() == 0).problem(value)
        if problem is not None:
            return problem.render()
        if abs(round(value, self.decimals()) - value) > 1e-9 * max(1.0, abs(value)):
            return tr("this field takes at most {decimals} decimals, got {got}", decimals=self.decimals(),
                      got=format_number(value, min(8, self.decimals() + 4), language()).rstrip("0"))
        return ""

    def shown(self, value: float) -> str:
        """A value as the field shows it, with every decimal place: '1.234,00' or '1,234'."""
        return self.prefix() + format_number(value, self.decimals(), language()) + self.suffix()

    # --- Qt's spin box hooks -----------------------------------------------------------------
    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        reading = self.reading(text)
        if reading.value is not None and (not reading.ambiguous or self._confirmed == text):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos  # never block a key: say why on Enter instead

    def fixup(self, text: str) -> str:
        """No silent repair: Qt's own would drop a '.' and turn '1.234' into 1234 unseen."""
        return text

    def valueFromText(self, text: str) -> float:
        reading = self.reading(text)
        return self.value() if reading.value is None else reading.value

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(float(value), "f", self.decimals())
        if not self.isGroupSeparatorShown():
            text = text.replace(self.locale().groupSeparator(), "")
        if self.tidy and self.decimals():
            zero = self.locale().decimalPoint() + "0" * self.decimals()
            if text.endswith(zero):
                text = text[: -len(zero)]
        return text

    # --- the user's keys ------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self._shown = self._confirmed = ""
        FieldHint.hide_shared()

    def awaiting_confirmation(self) -> bool:
        """It has shown how it read text that could mean two numbers and waits for a second Enter."""
        return bool(self._shown) and self._shown == self.text() and self._confirmed != self.text()

    def ready(self) -> bool:
        """The text can be taken as it stands: a number in range, read one way or confirmed."""
        reading = self.reading()
        return reading.value is not None and (not reading.ambiguous or self._confirmed == self.text())

    def check_before_commit(self) -> bool:
        """True when the text may be taken now; otherwise say why (or how it was read) and keep it."""
        text = self.text()
        reading = self.reading(text)
        if reading.value is None:
            FieldHint.show_for(self, tr("Not taken: {reason}.", reason=reading.problem))
            return False
        if reading.ambiguous and self._confirmed != text:
            if self._shown == text:  # seen, and Enter again: taken
                self._confirmed = text
                return True
            self._shown = text
            if reading.other is not None:
                words = tr("Read as {value}, not {other}. Press Enter again to take it, or type it differently.",
                           value=self.shown(reading.value), other=self.shown(reading.other))
            else:
                words = tr("Read as {value}. Press Enter again to take it, or type it differently.",
                           value=self.shown(reading.value))
            FieldHint.show_for(self, words)
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.check_before_commit():
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.leave()
        super().focusOutEvent(event)

    def leave(self) -> None:
        """Leaving the field: text that cannot be taken (or was not confirmed) gives way to the old number."""
        text = self.text()
        reading = self.reading(text)
        if self.textFromValue(self.value()) == self._bare(text):
            return
        if reading.value is None or (reading.ambiguous and self._confirmed != text):
            reason = reading.problem or tr("it could mean two numbers; type it without a thousands separator")
            FieldHint.show_for(self, tr("'{text}' not taken: {reason}. The field shows its number again.",
                                        text=self._bare(text), reason=reason))
            self.lineEdit().setText(self.textFromValue(self.value()))
