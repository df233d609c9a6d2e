"""What a project may hold: one set of rules for the window, the command line and the file readers.

Whatever the window lets a user enter, the reader accepts, and the other way round: both check
against the limits and text rules here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import Lazy, Message

MAX_NAME = 200
MAX_TEXT = 10_000
MAX_UNIT = 40
MAX_SCALE_LABEL = 60
# How many options and criteria a project may hold: every view, chart and analysis stays interactive up to
# these (bench/scale.py: opening under 2 s, a weight edit under 100 ms with any tab shown, under 500 MB).
MAX_OPTIONS = 30
MAX_CRITERIA = 60
MAX_WEIGHT_SETS = 40
MAX_RANGES = 500
MAX_AMOUNT = 1e12
MAX_WEIGHT = 1e9

# C0 and C1 control characters, and the bidirectional overrides and isolates that can make a name
# display as another (U+202A–U+202E, U+2066–U+2069). Line breaks and tabs only where text may span lines.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_A_CHARACTER = re.compile("[\ufffe\uffff]")  # XML, and so a workbook or a Word file, cannot hold them


@dataclass(frozen=True)
class Range:
    """The numbers a field accepts."""

    minimum: float
    maximum: float
    integer: bool = False

    def problem(self, value: float) -> Message | None:
        if self.integer and not float(value).is_integer():
            return Message("must be a whole number, got {got}", got=_shown(value))
        if not self.minimum <= value <= self.maximum:
            return Message("must be a number from {low} to {high}, got {got}", low=_shown(self.minimum),
                           high=_shown(self.maximum), got=_shown(value))
        return None


POPULATION = Range(1, 100_000_000, integer=True)
COMPLAINTS = Range(0, 10_000_000)
REFERENCE_YEAR = Range(1900, 2200, integer=True)
MUNICIPALITY = {"population": POPULATION, "complaints_per_year": COMPLAINTS, "reference_year": REFERENCE_YEAR}
TARIFF = {
    "fixed": Range(0, MAX_AMOUNT),
    "per_inhabitant": Range(0, 1e6),
    "per_complaint": Range(0, MAX_AMOUNT),
    "included_complaints": Range(0, COMPLAINTS.maximum),
    "surcharge": Range(0, MAX_AMOUNT),
    "indexation_percent": Range(-50, 100),
}
LEVEL = Range(-MAX_AMOUNT, MAX_AMOUNT)
NUMBER_SCORE = Range(-MAX_AMOUNT, MAX_AMOUNT)
WEIGHT = Range(0, MAX_WEIGHT)


def figure(number: float) -> Lazy:
    """A number in a message, written the way the message's language writes numbers ('300.000' in Dutch), with
    the decimals it has (up to four)."""
    from ..i18n.numbers import format_number

    decimals = next((d for d in range(5) if abs(round(number, d) - number) <= 1e-9 * max(1.0, abs(number))), 4)
    return Lazy(lambda lang: format_number(number, decimals, lang))


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e15 else repr(number)


def text_problem(text: str, *, single_line: bool, max_length: int, required: bool = False) -> Message | None:
    """Why a text cannot be stored, or None when it can."""
    if required and not text.strip():
        return Message("must not be empty")
    if len(text) > max_length:
        return Message("is too long: {length} characters, at most {limit}", length=len(text), limit=max_length)
    if _SURROGATE.search(text):
        return Message("contains a character that cannot be stored (a broken UTF-16 surrogate)")
    if _NOT_A_CHARACTER.search(text):
        return Message("contains U+FFFE or U+FFFF, which are not characters: a workbook or report cannot store them")
    if (_CONTROL_SINGLE_LINE if single_line else _CONTROL).search(text):
        if single_line:
            return Message("must not contain control characters or line breaks")
        return Message("must not contain control characters")
    return None


def unstorable(text: str) -> int | None:
    """Where the first character is that no file of ours can hold (a broken surrogate, U+FFFE or U+FFFF)."""
    found = _SURROGATE.search(text) or _NOT_A_CHARACTER.search(text)
    return None if found is None else found.start()


def name_problem(text: str) -> Message | None:
    """A name of an option, criterion or municipality: one line, not empty, at most MAX_NAME characters."""
    return text_problem(text, single_line=True, max_length=MAX_NAME, required=True)
