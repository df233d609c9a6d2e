"""Field-level checks for reading untrusted data: every problem gets a path and a plain reason."""

from __future__ import annotations

import datetime
import difflib
import json
import math
import re
from typing import Any

from ..core.limits import MAX_NAME, MAX_TEXT, Range, text_problem, unstorable
from ..core.model import LANGUAGES, LocalText, Source
from ..i18n import Message
from .errors import Problem

MAX_PROBLEMS = 20
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SOURCE_FIELDS = ("title", "date", "location", "quote", "url")
MAX_KEPT_DEPTH = 64  # a newer version's field nested deeper is not kept: writing it back would exhaust the stack


class TooManyProblems(Exception):
    """Raised to stop reading once enough problems are known."""


def describe(value: Any) -> Message | str:
    """A found value for a message, in words where its own notation would not say what it is — -5, "abc", a list,
    a yes/no value (TRUE), a date (2026-01-02), an array formula (=SUM(…)) — rendered in the message's language,
    whether it came from a project file or a workbook's cell."""
    if isinstance(value, bool):
        return Message("a yes/no value ({value})", value=Message("TRUE") if value else Message("FALSE"))
    if isinstance(value, dict):
        return Message("an object")
    if isinstance(value, list):
        return Message("a list")
    if value is None:
        return Message("an empty value (null)")
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (int, float)):
        return _short(json.dumps(value))
    if isinstance(value, str):
        if value.startswith("=") and len(value) > 1:  # a workbook cell's formula
            return Message("a formula ({formula})", formula=_short(value))
        return _short(json.dumps(value, ensure_ascii=False))
    return _kind(value)


def _kind(value: Any) -> Message:
    """What a spreadsheet cell may hold besides numbers and texts (openpyxl's objects are known by name, so that
    reading a project file needs no openpyxl)."""
    kind = type(value).__name__
    if kind == "ArrayFormula":
        return Message("an array formula ({formula})", formula=_short(str(getattr(value, "text", "") or "")))
    if kind == "DataTableFormula":
        return Message("a data table formula")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return Message("a date ({date})", date=value.strftime("%Y-%m-%d"))
        return Message("a date and time ({date})", date=value.strftime("%Y-%m-%d %H:%M"))
    if isinstance(value, datetime.date):
        return Message("a date ({date})", date=value.strftime("%Y-%m-%d"))
    if isinstance(value, datetime.time):
        return Message("a time ({time})", time=value.strftime("%H:%M"))
    if isinstance(value, datetime.timedelta):
        return Message("a duration ({duration})", duration=str(value))
    return Message("a value of another kind ({kind})", kind=_short(kind))


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def unkeepable(key: str, value: Any) -> Message | None:
    """Why a newer version's field could not be written back as it is — a broken UTF-16 surrogate or U+FFFE/U+FFFF
    in its name or a text, or more than MAX_KEPT_DEPTH levels of nesting — or None when it can be kept. Walked
    without recursion, however deep the value is."""
    stack: list[tuple[Any, int]] = [(key, 0), (value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            at = unstorable(item)
            if at is not None:
                if "\ud800" <= item[at] <= "\udfff":
                    return Message("holds a broken UTF-16 surrogate")
                return Message("holds U+FFFE or U+FFFF, which are not characters")
        elif isinstance(item, (dict, list)):
            if depth >= MAX_KEPT_DEPTH:
                return Message("is nested more than {limit} levels deep", limit=MAX_KEPT_DEPTH)
            if isinstance(item, dict):
                stack += [(k, depth) for k in item]
            stack += [(v, depth + 1) for v in (item.values() if isinstance(item, dict) else item)]
    return None


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def join(path: str, key: str | int) -> str:
    """'options[1].tariff'; odd keys (spaces, line breaks, very long) are quoted: 'x["a b"]'."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not _PLAIN_KEY.match(key):
        quoted = json.dumps(key if len(key) <= 40 else key[:37] + "…")
        return f"{path}[{quoted}]"
    return f"{path}.{key}" if path else key


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e15 else repr(number)


class Checker:
    """Collects problems while reading; `strict` reports unknown fields instead of keeping them, and `dropped` has
    the unknown fields that could not be kept (they could not be written back)."""

    def __init__(self, strict: bool = True):
        self.problems: list[Problem] = []
        self.dropped: list[Problem] = []
        self.strict = strict

    def problem(self, path: str, msgid: str, **params: Any) -> None:
        self.problems.append(Problem(path, Message(msgid, **params)))
        if len(self.problems) >= MAX_PROBLEMS:
            raise TooManyProblems

    def object(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, "must be an object (between curly braces), got {got}", got=describe(value))
            return None
        return value

    def list(self, value: Any, path: str) -> list[Any] | None:
        if not isinstance(value, list):
            self.problem(path, "must be a list (between square brackets), got {got}", got=describe(value))
            return None
        return value

    def extra_fields(self, data: dict[str, Any], path: str, known: tuple[str, ...]) -> dict[str, Any]:
        """Fields this version does not know: kept for a newer file (unless no file could hold them again: those
        are left out and noted in `dropped`), reported as likely typos otherwise."""
        extra = {k: v for k, v in data.items() if k not in known}
        if not extra:
            return extra
        if not self.strict:
            kept = {}
            for key, value in extra.items():
                reason = unkeepable(key, value)
                if reason is None:
                    kept[key] = value
                else:
                    self.dropped.append(Problem(join(path, key), reason))
            return kept
        for key in extra:
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if hint:
                self.problem(join(path, key), "unknown field; did you mean '{hint}'?", hint=hint[0])
            else:
                self.problem(join(path, key), "unknown field; expected one of: {known}", known=", ".join(known))
        return {}

    def number(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        integer: bool = False,
        default: float | None = None,
    ) -> float | None:
        """A finite JSON number within bounds; `default` makes the field optional."""
        where = join(path, key)
        if key not in data:
            if default is None:
                self.problem(where, "is missing; it must be a number")
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(where, "must be a number, got {got}", got=describe(value))
            return default
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, "must be a finite number, got {got}", got=describe(value))
            return default
        if isinstance(value, int) and abs(value) > 10**15:
            self.problem(where, "is too large a number, got {got}", got=describe(value))
            return default
        if integer and not float(value).is_integer():
            self.problem(where, "must be a whole number, got {got}", got=describe(value))
            return default
        low_ok = minimum is None or value >= minimum
        high_ok = maximum is None or value <= maximum
        if not (low_ok and high_ok):
            if minimum is not None and maximum is not None and maximum - minimum <= 1000:
                self.problem(
                    where,
                    "must be a number from {low} to {high}, got {got}",
                    low=_fmt(minimum),
                    high=_fmt(maximum),
                    got=describe(value),
                )
            elif not low_ok and minimum is not None:
                self.problem(where, "must be a number ≥ {low}, got {got}", low=_fmt(minimum), got=describe(value))
            elif maximum is not None:
                self.problem(where, "must be a number ≤ {high}, got {got}", high=_fmt(maximum), got=describe(value))
            return default
        return int(value) if integer else value

    def ranged(self, data: dict[str, Any], key: str, path: str, rng: Range,
               default: float | None = None) -> float | None:
        """A number within one of the shared limits (core.limits)."""
        return self.number(data, key, path, minimum=rng.minimum, maximum=rng.maximum, integer=rng.integer,
                           default=default)

    def boolean(self, data: dict[str, Any], key: str, path: str, default: bool) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.problem(join(path, key), "must be true or false, got {got}", got=describe(value))
            return default
        return value

    def text(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        single_line: bool = False,
        max_length: int = MAX_TEXT,
    ) -> str:
        where = join(path, key)
        if key not in data:
            if required:
                self.problem(where, "is missing; it must be a text")
            return ""
        return self.text_value(data[key], where, required=required, single_line=single_line, max_length=max_length)

    def text_value(
        self, value: Any, where: str, *, required: bool = False, single_line: bool = False, max_length: int = MAX_TEXT
    ) -> str:
        if not isinstance(value, str):
            self.problem(where, "must be a text (between double quotes), got {got}", got=describe(value))
            return ""
        problem = text_problem(value, single_line=single_line, max_length=max_length, required=required)
        if problem is not None:
            self.problems.append(Problem(where, problem))
            if len(self.problems) >= MAX_PROBLEMS:
                raise TooManyProblems
        return value

    def identifier(self, data: dict[str, Any], key: str, path: str) -> str | None:
        where = join(path, key)
        if key not in data:
            self.problem(where, "is missing; it must be an identifier such as 'independence'")
            return None
        value = data[key]
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(
                where,
                "must be an identifier of letters, digits, '_', '-' or '.', starting with a letter or digit"
                " (at most 64 characters), got {got}",
                got=describe(value),
            )
            return None
        return value

    def local_text(self, data: dict[str, Any], key: str, path: str, *, required: bool, single_line: bool) -> LocalText:
        """A text per language, {"nl": "…", "en": "…"}; a plain text counts as Dutch."""
        where = join(path, key)
        if key not in data:
            if required:
                self.problem(where, "is missing; it must be a text per language, such as {example}",
                             example='{"nl": "…", "en": "…"}')
            return LocalText()
        value = data[key]
        limit = MAX_NAME if single_line else MAX_TEXT
        if isinstance(value, str):
            return LocalText({"nl": self.text_value(value, where, required=required, single_line=single_line,
                                                    max_length=limit)})
        texts = self.object(value, where)
        if texts is None:
            return LocalText()
        result = {}
        for lang, text in texts.items():
            if lang not in LANGUAGES and self.strict:
                self.problem(join(where, lang), "unknown language; use {languages}", languages=" or ".join(LANGUAGES))
                continue
            result[lang] = self.text_value(text, join(where, lang), single_line=single_line, max_length=limit)
        if required and not any(t.strip() for t in result.values()):
            self.problem(where, "must have a text in at least one language")
        return LocalText(result)

    def source(self, data: dict[str, Any], key: str, path: str) -> Source:
        if key not in data:
            return Source()
        where = join(path, key)
        value = self.object(data[key], where)
        if value is None:
            return Source()
        fields = {name: self.text(value, name, where) for name in SOURCE_FIELDS}
        extra = self.extra_fields(value, where, SOURCE_FIELDS)
        return Source(**fields, extra=extra)
