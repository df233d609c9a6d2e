"""Commands on the options: names, descriptions, tariffs, adding and removing (Qt-free)."""

from __future__ import annotations

from ..core import edits, limits
from ..core.edits import SetField
from ..core.model import LocalText, Project
from ..i18n import N_, Lazy, Message
from ..i18n.numbers import format_money, format_number, format_percent
from .checks import Command, Refused, checked_name, checked_number, checked_text, renamed

TARIFF_NAMES = {
    "fixed": "fixed amount",
    "per_inhabitant": "amount per inhabitant",
    "per_complaint": "amount per complaint",
    "included_complaints": "complaints included",
    "surcharge": "surcharge",
    "indexation_percent": "indexation",
}


def _tariff_shown(field: str, value: float) -> Lazy:
    if field == "per_inhabitant":
        return Lazy(lambda lang: format_money(value, lang, 4))
    if field == "included_complaints":
        return Lazy(lambda lang: format_number(value, 0, lang))
    if field == "indexation_percent":
        return Lazy(lambda lang: format_percent(value / 100.0, 1, lang))
    return Lazy(lambda lang: format_money(value, lang))




def rename_option(project: Project, option_id: str, lang: str, text: str) -> Command | None:
    option = project.option(option_id)
    new = checked_name(text)
    old = option.name.get(lang)
    if new == old:
        return None
    return Command(renamed(project, "option_name", option_id, option.name, lang, new),
                   Message("Rename option {old} → {new}", old=old, new=new))


def set_option_text(project: Project, option_id: str, field: str, lang: str, text: str) -> Command | None:
    """An option's description ('description') or its name in a sentence ('in_sentence'), in one language."""
    option = project.option(option_id)
    single = field == "in_sentence"
    text = checked_text(text.strip() if single else text, single_line=single,
                         max_length=limits.MAX_NAME if single else limits.MAX_TEXT)
    target = (f"option_{field}", option_id, lang)
    new = text or None
    if new == edits.get_value(project, target):
        return None
    what = N_("Description") if field == "description" else N_("Name in a sentence")
    return Command(SetField.of(project, target, new),
                   Message("{what} of {option}", what=Message(what), option=option.name.snapshot()))




def set_tariff(project: Project, option_id: str, field: str, value: float) -> Command | None:
    option = project.option(option_id)
    value = checked_number(value, limits.TARIFF[field])
    if field == "included_complaints":
        value = round(value)
    old = getattr(option.tariff, field)
    if value == old:
        return None
    return Command(SetField(("tariff", option_id, field), old, value),
                   Message("{option}: {part} {old} → {new}", option=option.name.snapshot(),
                           part=Message(TARIFF_NAMES[field]), old=_tariff_shown(field, old),
                           new=_tariff_shown(field, value)))


NEW_OPTION = {"nl": "Nieuwe mogelijkheid {number}", "en": "New option {number}"}


def add_option(project: Project, lang: str = "nl") -> Command:
    """A new option named in the language shown; other languages follow that name until given their own."""
    if len(project.options) >= limits.MAX_OPTIONS:
        raise Refused(Message("A project holds at most {limit} options; remove one first", limit=limits.MAX_OPTIONS))
    number = len(project.options) + 1
    edit = edits.add_option(project, LocalText({lang: NEW_OPTION.get(lang, NEW_OPTION["en"]).format(number=number)}))
    return Command(edit, Message("Add option"))


def remove_option(project: Project, option_id: str) -> Command:
    if len(project.options) <= 1:
        raise Refused(Message("a comparison needs at least one option"))
    return Command(edits.remove_option(project, option_id),
                   Message("Remove option {name}", name=project.option(option_id).name.snapshot()))


