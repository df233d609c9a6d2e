"""Every edit a user can make, as a command that owns its undo text and its merge rule (Qt-free).

A command is built from the project as it is now and the user's new value; it either describes a
change (`Command`), says nothing changes (None), or refuses the value with a reason (`Refused`).
Descriptions are messages whose parameters render in the language shown, so the Edit menu can be
retranslated. The window's Document runs commands on its undo stack; a drag runs them with
`merge=True` and the document merges steps with the same `merge_key` into one flat step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .core import edits, limits
from .core.edits import Edit, SetField
from .core.kinds import RULES
from .core.model import (
    SCALE_MAX,
    SCALE_MIN,
    Criterion,
    CriterionKind,
    Direction,
    LocalText,
    Project,
    Score,
)
from .core.scoring import ModelError
from .core.whatif import Preset, preset_weights, rebalanced_weights
from .explain.values import amount_text
from .i18n import N_, Lazy, Message
from .i18n.numbers import format_money, format_number, format_percent


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


TARIFF_NAMES = {
    "fixed": "fixed amount",
    "per_inhabitant": "amount per inhabitant",
    "per_complaint": "amount per complaint",
    "included_complaints": "complaints included",
    "surcharge": "surcharge",
    "indexation_percent": "indexation",
}
MUNICIPALITY_NAMES = {
    "population": "Inhabitants",
    "complaints_per_year": "Complaints a year",
    "reference_year": "Reference year",
}
SOURCE_NAMES = {"title": "Source", "date": "Date", "location": "Where in it", "quote": "Quote", "url": "Link"}
PRESET_NAMES = {Preset.EQUAL: "Equal", Preset.COST_LED: "Cost-led", Preset.QUALITY_LED: "Quality-led"}


def _checked_number(value: float, rng: limits.Range) -> float:
    problem = rng.problem(value)
    if problem is not None:
        raise Refused(problem)
    return value


def _checked_name(text: str) -> str:
    text = text.strip()
    problem = limits.name_problem(text)
    if problem is not None:
        raise Refused(problem)
    return text


def _checked_text(text: str, single_line: bool, max_length: int = limits.MAX_TEXT) -> str:
    problem = limits.text_problem(text, single_line=single_line, max_length=max_length)
    if problem is not None:
        raise Refused(problem)
    return text


def _tariff_shown(field: str, value: float) -> Lazy:
    if field == "per_inhabitant":
        return Lazy(lambda lang: format_money(value, lang, 4))
    if field == "included_complaints":
        return Lazy(lambda lang: format_number(value, 0, lang))
    if field == "indexation_percent":
        return Lazy(lambda lang: format_percent(value / 100.0, 1, lang))
    return Lazy(lambda lang: format_money(value, lang))


def _count_shown(value: float) -> Lazy:
    return Lazy(lambda lang: format_number(value, 0 if float(value).is_integer() else 1, lang))


# --- municipality --------------------------------------------------------------------------------
def rename_municipality(project: Project, text: str) -> Command | None:
    town = project.municipality
    new = _checked_name(text)
    if new == town.name:
        return None
    return Command(SetField(("municipality", "name"), town.name, new),
                   Message("Municipality {old} → {new}", old=town.name, new=new))


def set_municipality(project: Project, field: str, value: float) -> Command | None:
    """Population, complaints a year or reference year."""
    town = project.municipality
    rng = limits.MUNICIPALITY[field]
    value = _checked_number(value, rng)
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


# --- options and tariffs -------------------------------------------------------------------------
def _renamed(project: Project, kind: str, item_id: str, texts: LocalText, lang: str, new: str) -> Edit:
    """The name in `lang`, and in every other language whose name was the same text (it followed along);
    a language without a name of its own keeps following."""
    old = texts.get(lang)
    changes: list[Edit] = [SetField.of(project, (kind, item_id, lang), new)]
    changes += [SetField.of(project, (kind, item_id, other), new) for other, text in texts.texts.items()
                if other != lang and text == old]
    return edits.Compound(changes)


def rename_option(project: Project, option_id: str, lang: str, text: str) -> Command | None:
    option = project.option(option_id)
    new = _checked_name(text)
    old = option.name.get(lang)
    if new == old:
        return None
    return Command(_renamed(project, "option_name", option_id, option.name, lang, new),
                   Message("Rename option {old} → {new}", old=old, new=new))


def set_option_text(project: Project, option_id: str, field: str, lang: str, text: str) -> Command | None:
    """An option's description ('description') or its name in a sentence ('in_sentence'), in one language."""
    option = project.option(option_id)
    single = field == "in_sentence"
    text = _checked_text(text.strip() if single else text, single_line=single,
                         max_length=limits.MAX_NAME if single else limits.MAX_TEXT)
    target = (f"option_{field}", option_id, lang)
    new = text or None
    if new == edits.get_value(project, target):
        return None
    what = N_("Description") if field == "description" else N_("Name in a sentence")
    return Command(SetField.of(project, target, new),
                   Message("{what} of {option}", what=Message(what), option=option.name.snapshot()))


def set_source(project: Project, owner: tuple[str, ...], field: str, text: str) -> Command | None:
    """A field of the source of the municipality's figures (owner ('municipality',)) or of an option's tariff
    (owner ('tariff', option_id))."""
    text = _checked_text(text.strip(), single_line=field != "quote")
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
    text = _checked_text(text.strip() if single else text, single_line=single,
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


def set_tariff(project: Project, option_id: str, field: str, value: float) -> Command | None:
    option = project.option(option_id)
    value = _checked_number(value, limits.TARIFF[field])
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


# --- criteria and weights ------------------------------------------------------------------------
def rename_criterion(project: Project, criterion_id: str, lang: str, text: str) -> Command | None:
    criterion = project.criterion(criterion_id)
    new = _checked_name(text)
    old = criterion.name.get(lang)
    if new == old:
        return None
    return Command(_renamed(project, "criterion_name", criterion_id, criterion.name, lang, new),
                   Message("Rename criterion {old} → {new}", old=old, new=new))


def set_level(project: Project, criterion_id: str, which: str, value: float) -> Command | None:
    """The best (counts 100) or worst (counts 0) reference level of a numeric criterion."""
    criterion = project.criterion(criterion_id)
    if criterion.best is None or criterion.worst is None:
        return None
    value = _checked_number(value, limits.LEVEL)
    old = getattr(criterion, which)
    if value == old:
        return None
    best, worst = (value, criterion.worst) if which == "best" else (criterion.best, value)
    if best == worst:
        raise Refused(Message("the best and the worst level must differ"))
    if criterion.direction is Direction.LOWER and best > worst:
        raise Refused(Message("with lower is better, the best level must be below the worst level"))
    if criterion.direction is Direction.HIGHER and best < worst:
        raise Refused(Message("with higher is better, the best level must be above the worst level"))
    snapshot = Criterion(criterion.id, criterion.name, criterion.kind, criterion.direction, best, worst,
                         unit=criterion.unit)
    return Command(SetField(("criterion", criterion_id, which), old, value),
                   Message("{criterion}: {level} {old} → {new}", criterion=criterion.name.snapshot(),
                           level=Message(N_("best level") if which == "best" else N_("worst level")),
                           old=Lazy(lambda lang: amount_text(snapshot, old, lang)),
                           new=Lazy(lambda lang: amount_text(snapshot, value, lang))))


def switch_criterion(project: Project, criterion_id: str, on: bool) -> Command | None:
    criterion = project.criterion(criterion_id)
    if criterion.enabled == on:
        return None
    if not on:
        _check_left_on(project, criterion_id)
    msgid = N_("Switch on {criterion}") if on else N_("Switch off {criterion}")
    return Command(edits.set_enabled(project, criterion_id, on), Message(msgid, criterion=criterion.name.snapshot()))


def set_weight(project: Project, criterion_id: str, percent: float) -> Command | None:
    """Give one criterion this share (percent) of the weight; the others keep their proportions."""
    criterion = project.criterion(criterion_id)
    enabled = project.enabled_criteria()
    total = sum(c.weight for c in enabled)
    before = (criterion.weight / total * 100.0) if criterion.enabled and total > 0 else 0.0
    if abs(before - percent) < 1e-9:
        return None
    try:
        weights = rebalanced_weights(project, {criterion_id: percent})
    except ModelError as error:
        raise Refused(error.message) from None
    return Command(edits.set_weights(project, weights),
                   Message("Weight {criterion} {old} → {new}", criterion=criterion.name.snapshot(),
                           old=Lazy(lambda lang: format_percent(before / 100.0, 1, lang)),
                           new=Lazy(lambda lang: format_percent(percent / 100.0, 1, lang))),
                   merge_key=("weight", criterion_id))


def apply_preset(project: Project, preset: Preset) -> Command | None:
    weights = preset_weights(project, preset)
    edit = edits.set_weights(project, weights)
    if not weights or not edit.edits:
        return None
    return Command(edit, Message("Weights: {preset}", preset=Message(PRESET_NAMES[preset])))


NEW_CRITERION = {"nl": "Nieuw criterium {number}", "en": "New criterion {number}"}


def add_criterion(project: Project, kind: CriterionKind, lang: str = "nl") -> Command:
    """A new criterion with weight 0; one that needs scores starts switched off, so no option loses its rank
    before anyone has scored it."""
    if len(project.criteria) >= limits.MAX_CRITERIA:
        raise Refused(Message("A project holds at most {limit} criteria; remove one first",
                              limit=limits.MAX_CRITERIA))
    number = len(project.criteria) + 1
    rule = RULES[kind]
    best, worst = rule.levels or (None, None)
    criterion = Criterion("new", LocalText({lang: NEW_CRITERION.get(lang, NEW_CRITERION["en"]).format(number=number)}),
                          kind, rule.direction, best, worst, weight=0.0, enabled=rule.computed)
    return Command(edits.add_criterion(project, criterion), Message("Add criterion"))


def _check_left_on(project: Project, criterion_id: str) -> None:
    """Without this criterion, something must still count: a project with nothing to weigh cannot be saved."""
    left = [c for c in project.criteria if c.enabled and c.id != criterion_id]
    if not left:
        raise Refused(Message("at least one criterion must stay switched on"))
    if sum(c.weight for c in left) <= 0:
        raise Refused(Message("the criteria that stay switched on all weigh 0 %; give one of them a weight first"))


def remove_criterion(project: Project, criterion_id: str) -> Command:
    if project.criterion(criterion_id).enabled:
        _check_left_on(project, criterion_id)
    return Command(edits.remove_criterion(project, criterion_id),
                   Message("Remove criterion {name}", name=project.criterion(criterion_id).name.snapshot()))


# --- scores --------------------------------------------------------------------------------------
def _score_label(criterion: Criterion, value: float) -> Lazy:
    snapshot = Criterion(criterion.id, criterion.name, criterion.kind, criterion.direction, criterion.best,
                         criterion.worst, unit=criterion.unit, scale_labels=dict(criterion.scale_labels))

    def render(lang: str | None) -> str:
        if snapshot.kind.scale:
            return snapshot.scale_label(int(value), lang or "nl")
        return amount_text(snapshot, value, lang)

    return Lazy(render)


def set_score(project: Project, option_id: str, criterion_id: str, value: float) -> Command | None:
    """A score on a scale or a number; for an option not yet judged on the criterion, its first score."""
    criterion = project.criterion(criterion_id)
    score = project.score(option_id, criterion_id)
    if criterion.kind.computed:
        return None
    if criterion.kind.scale:
        problem = limits.Range(SCALE_MIN, SCALE_MAX, integer=True).problem(value)
        if problem is not None:
            raise Refused(problem)
        value = int(value)
    else:
        value = _checked_number(value, limits.NUMBER_SCORE)
    if score is None:
        return Command(edits.AddScores([Score(option_id, criterion_id, value)]),
                       Message("Score {option} on {criterion}: {old} → {new}",
                               option=project.option(option_id).name.snapshot(),
                               criterion=criterion.name.snapshot(), old=Message("not yet judged"),
                               new=_score_label(criterion, value)))
    if value == score.value:
        return None
    return Command(SetField(("score", option_id, criterion_id, "value"), score.value, value),
                   Message("Score {option} on {criterion}: {old} → {new}",
                           option=project.option(option_id).name.snapshot(), criterion=criterion.name.snapshot(),
                           old=_score_label(criterion, score.value), new=_score_label(criterion, value)))


def _of_score(project: Project, what: str, option_id: str, criterion_id: str) -> Message:
    return Message("{what} of {option} on {criterion}", what=Message(what),
                   option=project.option(option_id).name.snapshot(),
                   criterion=project.criterion(criterion_id).name.snapshot())


def set_justification(project: Project, option_id: str, criterion_id: str, text: str) -> Command | None:
    score = project.score(option_id, criterion_id)
    if score is None:
        return None
    text = _checked_text(text, single_line=False)
    if text == score.justification:
        return None
    return Command(SetField(("score", option_id, criterion_id, "justification"), score.justification, text),
                   _of_score(project, "Justification", option_id, criterion_id))


def set_score_source(project: Project, option_id: str, criterion_id: str, field: str, text: str) -> Command | None:
    score = project.score(option_id, criterion_id)
    if score is None:
        return None
    text = _checked_text(text.strip(), single_line=field != "quote")
    old = getattr(score.source, field)
    if text == old:
        return None
    return Command(SetField(("score_source", option_id, criterion_id, field), old, text),
                   _of_score(project, SOURCE_NAMES[field], option_id, criterion_id))


# --- merging -------------------------------------------------------------------------------------
def merged(first: Command, later: Command) -> Command:
    """One step for a drag: the first old value and the last new value, however many ticks came between."""
    description = later.description
    if (first.description.msgid == later.description.msgid and "new" in later.description.params
            and "old" in first.description.params):
        description = first.description.replace(new=later.description.params["new"])
    return Command(edits.merged(first.edit, later.edit), description, first.merge_key)


def is_noop(command: Command) -> bool:
    return edits.is_noop(command.edit)
