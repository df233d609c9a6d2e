"""What every command shares: the command and the refusal, the checks of a user's value, merging a drag (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core import edits, limits
from ..core.edits import Edit, SetField
from ..core.model import LocalText, Project
from ..i18n import Message


class Refused(Exception):
    """The value cannot be taken; `message` says why, in words for the user."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


@dataclass(frozen=True)
class Command:
    """An edit with the words that describe it; commands with equal `merge_key` may merge while dragging."""

    edit: Edit
    description: Message
    merge_key: tuple[Any, ...] | None = None



SOURCE_NAMES = {"title": "Source", "date": "Date", "location": "Where in it", "quote": "Quote", "url": "Link"}


def checked_number(value: float, rng: limits.Range) -> float:
    problem = rng.problem(value)
    if problem is not None:
        raise Refused(problem)
    return value


def checked_name(text: str) -> str:
    text = text.strip()
    problem = limits.name_problem(text)
    if problem is not None:
        raise Refused(problem)
    return text


def checked_text(text: str, single_line: bool, max_length: int = limits.MAX_TEXT) -> str:
    problem = limits.text_problem(text, single_line=single_line, max_length=max_length)
    if problem is not None:
        raise Refused(problem)
    return text



def renamed(project: Project, kind: str, item_id: str, texts: LocalText, lang: str, new: str) -> Edit:
    """The name in `lang`, and in every other language whose name was the same text (it followed along);
    a language without a name of its own keeps following."""
    old = texts.get(lang)
    changes: list[Edit] = [SetField.of(project, (kind, item_id, lang), new)]
    changes += [SetField.of(project, (kind, item_id, other), new) for other, text in texts.texts.items()
                if other != lang and text == old]
    return edits.Compound(changes)



def merged(first: Command, later: Command) -> Command:
    """One step for a drag: the first old value and the last new value, however many ticks came between."""
    description = later.description
    if (first.description.msgid == later.description.msgid and "new" in later.description.params
            and "old" in first.description.params):
        description = first.description.replace(new=later.description.params["new"])
    return Command(edits.merged(first.edit, later.edit), description, first.merge_key)


def is_noop(command: Command) -> bool:
    return edits.is_noop(command.edit)

