"""Numbers, money and percentages written the way the language's readers expect (€ 43.297,29 in Dutch)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import language

_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


_MARKS = {"nl": str.maketrans({",": ".", ".": ","}), "en": str.maketrans({})}


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """Grouped thousands and the language's decimal mark; never '-0'."""
    lang = lang or language()
    if not math.isfinite(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if text[0] == "-" and not text.strip("-0.,"):
        text = text[1:]  # -0,0 is 0,0
    return text.translate(_MARKS.get(lang) or _MARKS["en"])


def decimals_of(value: float, fewest: int = 0, most: int = 4) -> int:
    """How many decimals a figure has (at least `fewest`, at most `most`): 93,5 has one, 93 none."""
    for decimals in range(fewest, most + 1):
        if abs(round(value, decimals) - value) <= 1e-12 * max(1.0, abs(value)):
            return decimals
    return most


def format_exact(value: float, lang: str | None = None, most: int = 4) -> str:
    """A figure the user gave, as given: with the decimals it has (93,5 complaints never reads as 94)."""
    return format_number(value, decimals_of(value, 0, most), lang)


def format_money(value: float, lang: str | None = None, decimals: int = 2) -> str:
    """'€ 43.297,29' in Dutch, '€43,297.29' in English."""
    lang = lang or language()
    number = format_number(value, decimals, lang)
    if lang == "nl":
        return f"€ {number}"
    if number.startswith("-"):
        return f"-€{number[1:]}"
    return f"€{number}"


def format_percent(share: float, decimals: int = 1, lang: str | None = None) -> str:
    """A share (0.2) as a percentage: '20,0 %' in Dutch, '20.0%' in English."""
    lang = lang or language()
    number = format_number(share * 100.0, decimals, lang)
    return f"{number} %" if lang == "nl" else f"{number}%"


@dataclass(frozen=True)
class ReadNumber:
    """A number read from text, and whether the text could also have meant another number.

    `ambiguous` is set for '1.234' or '1,234' — a thousands separator in one habit, a decimal mark in
    the other; the value then follows the language (`other` is the other habit's reading), and a careful
    front end shows it before using it.
    """

    value: float
    ambiguous: bool = False
    other: float | None = None


_PLAIN = re.compile(r"^[+-]?\d+$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[.,]\d{3})+$")


def read_number(text: str, lang: str | None = None) -> ReadNumber:
    """Read a number typed in either habit: '500.50', '500,50', '€ 1.234,56', '1,234.56', '1,5e3', '-5'.

    Where both marks appear, the last one is the decimal mark. A single mark followed by other than
    three digits, or after a leading 0 or more than three digits, can only be a decimal mark. A single
    mark followed by exactly three digits ('1.234') is ambiguous and read as the language reads it.
    ValueError if the text is not a finite number.
    """
    lang = lang or language()
    group = _SEPARATORS.get(lang, _SEPARATORS["en"])[0]
    cleaned = text.strip()
    for junk in ("€", "%", "\u00a0", "\u202f", " ", "'"):
        cleaned = cleaned.replace(junk, "")
    mantissa, exponent = _split_exponent(cleaned)
    ambiguous = False
    other = ""
    marks = [c for c in mantissa if c in ".,"]
    if not marks:
        normal = mantissa
    elif "." in marks and "," in marks:
        decimal = marks[-1]
        if marks.count(decimal) != 1:
            raise ValueError(text)
        whole, _, fraction = mantissa.rpartition(decimal)
        if not _GROUPED.match(whole) and not _PLAIN.match(whole):
            raise ValueError(text)
        normal = whole.replace(".", "").replace(",", "") + "." + fraction
    elif len(marks) > 1:  # one kind, several times: only grouping makes sense ('1.234.567')
        if not _GROUPED.match(mantissa):
            raise ValueError(text)
        normal = mantissa.replace(marks[0], "")
    else:
        mark = marks[0]
        whole, _, fraction = mantissa.partition(mark)
        digits = whole.lstrip("+-")
        if len(fraction) == 3 and fraction.isdigit() and 1 <= len(digits) <= 3 and digits != "0" and not exponent:
            ambiguous = True
            normal = whole + fraction if mark == group else whole + "." + fraction
            other = whole + "." + fraction if mark == group else whole + fraction
        else:
            normal = whole + "." + fraction
    try:
        value = float(normal + exponent)
    except ValueError:
        raise ValueError(text) from None
    if not math.isfinite(value):
        raise ValueError(text)
    return ReadNumber(value, ambiguous, float(other) if ambiguous else None)


def _split_exponent(text: str) -> tuple[str, str]:
    lower = text.lower()
    at = lower.find("e")
    if at <= 0:
        return text, ""
    return text[:at], lower[at:]


def parse_number(text: str, lang: str | None = None) -> float:
    """The value of `read_number` (ambiguous text read as the language reads it); ValueError if not a number."""
    return read_number(text, lang).value
