"""Numbers, money and percentages written the way the language's readers expect (€ 43.297,29 in Dutch)."""

from __future__ import annotations

import math

from . import language

_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """Grouped thousands and the language's decimal mark; never '-0'."""
    lang = lang or language()
    if not math.isfinite(value):
        return "—"
    group, point = _SEPARATORS.get(lang, _SEPARATORS["en"])
    text = f"{abs(value):,.{decimals}f}"
    if round(abs(value), decimals) == 0:
        negative = False
    else:
        negative = value < 0
    text = text.replace(",", "\x00").replace(".", point).replace("\x00", group)
    return ("-" if negative else "") + text


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


def parse_number(text: str, lang: str | None = None) -> float:
    """Read a number typed in the language's style ('159.717', '0,1953', '1,5e3' too); ValueError if not."""
    lang = lang or language()
    group, point = _SEPARATORS.get(lang, _SEPARATORS["en"])
    cleaned = text.strip().replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise ValueError(text)
    if point in cleaned or group not in cleaned or cleaned.count(group) > 1 or _looks_grouped(cleaned, group):
        cleaned = cleaned.replace(group, "")
    cleaned = cleaned.replace(point, ".")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _looks_grouped(text: str, group: str) -> bool:
    head, _, tail = text.partition(group)
    return len(tail) == 3 and tail.isdigit() and head.lstrip("-+").isdigit()
