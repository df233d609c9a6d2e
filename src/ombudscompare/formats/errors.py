"""The one error a file reader raises: what file, where in it, and what is wrong — translatable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import Message, tr


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, at a place such as 'options[1].tariff.surcharge' or 'line 3, column 5'."""

    place: str | Message
    message: Message

    def render(self, lang: str | None = None) -> str:
        text = self.message.render(lang)
        place = self.place.render(lang) if isinstance(self.place, Message) else self.place
        return f"{place}: {text}" if place else text


class FileError(Exception):
    """A file could not be read or written; carries every problem found, first one first."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(self.render("en"))

    @classmethod
    def single(cls, path: str, place: str | Message, msgid: str, **params: Any) -> FileError:
        return cls(path, [Problem(place, Message(msgid, **params))])

    def render(self, lang: str | None = None) -> str:
        """One line: 'file: place: problem' and how many more there are."""
        first = self.problems[0].render(lang) if self.problems else tr("unknown problem", lang)
        line = f"{self.path}: {first}" if self.path else first
        more = len(self.problems) - 1
        if more == 1:
            line += " " + tr("(and 1 more problem)", lang)
        elif more > 1:
            line += " " + tr("(and {count} more problems)", lang, count=more)
        return line

    def render_all(self, lang: str | None = None) -> list[str]:
        return [p.render(lang) for p in self.problems]


SHOWN_DROPPED = 3


def dropped_line(path: str, dropped: list[Problem], lang: str | None = None) -> str:
    """One line on the fields of a newer version that a file was opened without (no file could hold them again):
    the file, how many, and the first few by place and reason."""
    fields = "; ".join(p.render(lang) for p in dropped[:SHOWN_DROPPED]) + ("; …" if len(dropped) > SHOWN_DROPPED
                                                                            else "")
    if len(dropped) == 1:
        line = tr("opened without a field of a newer OmbudsCompare that no file could hold again (saving writes the"
                  " project without it): {field}", lang, field=fields)
    else:
        line = tr("opened without {count} fields of a newer OmbudsCompare that no file could hold again (saving"
                  " writes the project without them): {fields}", lang, count=len(dropped), fields=fields)
    return f"{path}: {line}" if path else line


def typed_line(path: str, typed: list[Problem], lang: str | None = None) -> str:
    """One line on a workbook's computed cells that hold a typed figure: not used, and why; the first few by place."""
    cells = "; ".join(p.render(lang) for p in typed[:SHOWN_DROPPED]) + ("; …" if len(typed) > SHOWN_DROPPED else "")
    line = tr("{count} cells that the workbook computes hold a figure typed over their formula, which is not used:"
              " the program computes these figures again from the input cells (change those instead): {cells}",
              lang, count=len(typed), cells=cells) if len(typed) > 1 else \
        tr("a cell that the workbook computes holds a figure typed over its formula, which is not used: the program"
           " computes this figure again from the input cells (change those instead): {cells}", lang, cells=cells)
    return f"{path}: {line}" if path else line
