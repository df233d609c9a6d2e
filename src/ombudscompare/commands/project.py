"""Commands on the project as a whole: the municipality, the title and notes, the sources of figures (Qt-free)."""

from __future__ import annotations

from typing import Any

from ..core import edits, limits
from ..core.edits import Edit, SetField
from ..core.model import Project
from ..i18n import N_, Lazy, Message
from ..i18n.numbers import format_number
from .checks import SOURCE_NAMES, Command, checked_name, checked_number, checked_text

MUNICIPALITY_NAMES = {
    "population": "Inhabitants",
    "complaints_per_year": "Complaints a year",
    "reference_year": "Reference year",
}


def _count_shown(value: float) -> Lazy:
    return Lazy(lambda lang: format_number(value, 0 if float(value).is_integer() else 1, lang))


# --- municipality --------------------------------------------------------------------------------
def rename_municipality(project: Project, text: str) -> Command | None:
    town = project.municipality
    new = checked_name(text)
    if new == town.name:
        return None
    return Command(SetField(("municipality", "name"), town.name, new),
                   Message("Municipality {old} → {new}", old=town.name, new=new))


def set_municipality(project: Project, field: str, value: float) -> Command | None:
    """Population, complaints a year or reference year."""
    town = project.municipality
    rng = limits.MUNICIPALITY[field]
    value = checked_number(value, rng)
    new: float = int(value) if rng.integer or float(value).is_integer() else value
    old = getattr(town, field)
    if new == old:
        return None
    if field == "reference_year":
        shown_old: Any = str(old)
        shown_new: Any = str(new)
    else:
        shown_old, shown_new = _count_shown(old), _count_shown(new)
    return Command(SetField(("municipality", field), old, new),
                   Message("{what} {old} → {new}", what=Message(MUNICIPALITY_NAMES[field]), old=shown_old,
                           new=shown_new))




def set_source(project: Project, owner: tuple[str, ...], field: str, text: str) -> Command | None:
    """A field of the source of the municipality's figures (owner ('municipality',)) or of an option's tariff
    (owner ('tariff', option_id))."""
    text = checked_text(text.strip(), single_line=field != "quote")
    target = (f"{owner[0]}_source", *owner[1:], field)
    old = edits.get_value(project, target)
    if text == old:
        return None
    of = (Message("the municipality's figures") if owner[0] == "municipality"
          else project.option(owner[1]).name.snapshot())
    return Command(SetField(target, old, text),
                   Message("{what} of {owner}", what=Message(SOURCE_NAMES[field]), owner=of))


def set_project_text(project: Project, field: str, text: str, lang: str = "nl") -> Command | None:
    """The project's title in `lang` (one line; other languages whose title was the same follow along) or its
    notes (free text for the memo)."""
    single = field == "title"
    text = checked_text(text.strip() if single else text, single_line=single,
                         max_length=limits.MAX_NAME if single else limits.MAX_TEXT)
    if single:
        if text == project.title.get(lang):
            return None
        old = project.title.get(lang)
        changes: list[Edit] = [SetField.of(project, ("project_title", lang), text or None)]
        changes += [SetField.of(project, ("project_title", other), text or None)
                    for other, value in project.title.texts.items() if other != lang and value == old]
        return Command(edits.Compound(changes), Message(N_("Project title")))
    old = getattr(project, field)
    if text == old:
        return None
    return Command(SetField(("project", field), old, text), Message(N_("Project notes")))


