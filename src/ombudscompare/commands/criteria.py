"""Commands on the criteria and their weights: names, reference levels, switching, weights, presets, adding and
removing (Qt-free)."""

from __future__ import annotations

from ..core import edits, limits
from ..core.edits import SetField
from ..core.kinds import RULES
from ..core.model import Criterion, CriterionKind, Direction, LocalText, Project
from ..core.scoring import ModelError
from ..core.weightsets import weighs_nothing, without_criterion
from ..core.whatif import Preset, preset_weights, rebalanced_weights
from ..explain.values import amount_text
from ..i18n import N_, Lazy, Message
from ..i18n.numbers import format_percent
from .checks import Command, Refused, checked_name, checked_number, renamed

PRESET_NAMES = {Preset.EQUAL: "Equal", Preset.COST_LED: "Cost-led", Preset.QUALITY_LED: "Quality-led"}


def rename_criterion(project: Project, criterion_id: str, lang: str, text: str) -> Command | None:
    criterion = project.criterion(criterion_id)
    new = checked_name(text)
    old = criterion.name.get(lang)
    if new == old:
        return None
    return Command(renamed(project, "criterion_name", criterion_id, criterion.name, lang, new),
                   Message("Rename criterion {old} → {new}", old=old, new=new))


def set_level(project: Project, criterion_id: str, which: str, value: float) -> Command | None:
    """The best (counts 100) or worst (counts 0) reference level of a numeric criterion."""
    criterion = project.criterion(criterion_id)
    if criterion.best is None or criterion.worst is None:
        return None
    value = checked_number(value, limits.LEVEL)
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


def sets_emptied(project: Project, criterion_id: str) -> list[str]:
    """The names of the weight sets that weigh nothing but this criterion (removing it leaves them weighing nothing)."""
    return [s.name for s in project.weight_sets
            if not weighs_nothing(s) and weighs_nothing(without_criterion(s, criterion_id))]


def remove_criterion(project: Project, criterion_id: str, drop_emptied_sets: bool = False) -> Command:
    """The criterion with its scores, the ranges of its scores and its weight in every set; sets that weighed only it
    go too when `drop_emptied_sets`, else they stay, weighing nothing (the window asks which)."""
    if project.criterion(criterion_id).enabled:
        _check_left_on(project, criterion_id)
    return Command(edits.remove_criterion(project, criterion_id, drop_emptied_sets),
                   Message("Remove criterion {name}", name=project.criterion(criterion_id).name.snapshot()))


