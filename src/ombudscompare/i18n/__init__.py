"""Qt-free translation for the core, file formats and command line: English message ids, Dutch catalogue.

The window will use Qt's own pipeline for its widgets; messages that come out of the core
(validation problems, model errors) are `Message` objects rendered in whatever language is
current when they are shown, so switching language never needs the model recomputed.
"""

from __future__ import annotations

import json
import locale
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..resources import read_text

SUPPORTED = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_current = [DEFAULT_LANGUAGE]


@cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid → translation for `lang` (English needs none)."""
    if lang == "en":
        return {}
    texts: dict[str, str] = json.loads(read_text(f"translations/{lang}.json"))
    return texts


def translate(msgid: str, lang: str | None = None) -> str:
    """The translation of `msgid`, or `msgid` itself when there is none."""
    return catalogue(lang or _current[0]).get(msgid, msgid)


def tr(msgid: str, lang: str | None = None, /, **params: Any) -> str:
    """Translate and fill in `{placeholders}`."""
    text = translate(msgid, lang)
    return text.format(**params) if params else text


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message id for translation where it is defined; `tr` translates it where it is shown."""
    return msgid


def set_language(lang: str) -> None:
    if lang not in SUPPORTED:
        raise ValueError(lang)
    _current[0] = lang


def language() -> str:
    return _current[0]


def system_language(environ: dict[str, str] | None = None) -> str:
    """'nl' or 'en' from LC_ALL / LC_MESSAGES / LANG (POSIX) or the Windows locale; Dutch otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            code = value.split(":")[0].split(".")[0].split("_")[0].lower()
            if code in SUPPORTED:
                return code
            if code not in ("c", "posix"):
                return "en"
    if environ is None:
        try:
            code = (_windows_ui_locale() or locale.getlocale()[0] or "").split("_")[0].lower()
        except ValueError:
            code = ""
        code = NAMES.get(code, code)  # Windows says 'English_United States', not 'en_US'
        if code in SUPPORTED:
            return code
        if code:
            return "en"
    return DEFAULT_LANGUAGE


NAMES = {"english": "en", "dutch": "nl", "nederlands": "nl", "flemish": "nl"}


def _windows_ui_locale() -> str | None:
    """The language of Windows' own menus for this user ('nl_NL', 'en_US'), where there is Windows."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        found: str | None = locale.windows_locale.get(int(language_id))
        return found
    except (AttributeError, OSError, ValueError):
        return None


class Lazy:
    """A message parameter worked out in the language the message is shown in (a label, an amount)."""

    __slots__ = ("_render",)

    def __init__(self, render: Callable[[str | None], str]):
        self._render = render

    def render(self, lang: str | None = None) -> str:
        return self._render(lang)

    def __repr__(self) -> str:
        return f"Lazy({self.render('en')!r})"


@dataclass(frozen=True)
class Message:
    """A translatable message with parameters, rendered when shown."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    def __init__(self, msgid: str, /, **params: Any):
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "params", params)

    def render(self, lang: str | None = None) -> str:
        """The text in `lang`; parameters that can render themselves (messages, amounts, names) do so in it too."""
        params = {k: v.render(lang) if hasattr(v, "render") else v for k, v in self.params.items()}
        return tr(self.msgid, lang, **params)

    def replace(self, **params: Any) -> Message:
        """The same message with some parameters changed."""
        return Message(self.msgid, **{**self.params, **params})

    def __str__(self) -> str:
        return self.render()
