"""Commands on the scores: a score, its justification and its source (Qt-free)."""

from __future__ import annotations

from ..core import edits, limits
from ..core.edits import SetField
from ..core.model import SCALE_MAX, SCALE_MIN, Criterion, Project, Score
from ..explain.values import amount_text
from ..i18n import Lazy, Message
from .checks import SOURCE_NAMES, Command, Refused, checked_number, checked_text


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
        value = checked_number(value, limits.NUMBER_SCORE)
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
    text = checked_text(text, single_line=False)
    if text == score.justification:
        return None
    return Command(SetField(("score", option_id, criterion_id, "justification"), score.justification, text),
                   _of_score(project, "Justification", option_id, criterion_id))


def set_score_source(project: Project, option_id: str, criterion_id: str, field: str, text: str) -> Command | None:
    score = project.score(option_id, criterion_id)
    if score is None:
        return None
    text = checked_text(text.strip(), single_line=field != "quote")
    old = getattr(score.source, field)
    if text == old:
        return None
    return Command(SetField(("score_source", option_id, criterion_id, field), old, text),
                   _of_score(project, SOURCE_NAMES[field], option_id, criterion_id))


