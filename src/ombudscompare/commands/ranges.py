"""Commands on uncertain inputs: give an input a range, change it, remove it (Qt-free)."""

from __future__ import annotations

from ..core import limits
from ..core.edits import SetField
from ..core.model import InputRange, Project
from ..core.uncertainty import range_name, range_problem
from ..i18n import Message
from .checks import Command, Refused


def set_range(project: Project, target: tuple[str, ...], low: float, high: float,
              likely: float | None = None) -> Command:
    """Give an input a range (or change its range); refused in words when it cannot hold."""
    item = InputRange(tuple(target), float(low), float(high), None if likely is None else float(likely))
    problem = range_problem(project, item)
    if problem is not None:
        raise Refused(problem)
    ranges = [r for r in project.ranges if r.target != item.target]
    if len(ranges) >= limits.MAX_RANGES:
        raise Refused(Message("A project holds at most {limit} ranges; remove one first", limit=limits.MAX_RANGES))
    index = next((i for i, r in enumerate(project.ranges) if r.target == item.target), len(ranges))
    ranges.insert(index, item)
    return Command(SetField(("project", "ranges"), list(project.ranges), ranges),
                   Message("Range of {what}", what=range_name(project, item)))


def remove_range(project: Project, target: tuple[str, ...]) -> Command | None:
    item = next((r for r in project.ranges if r.target == tuple(target)), None)
    if item is None:
        return None
    return Command(SetField(("project", "ranges"), list(project.ranges), [r for r in project.ranges if r is not item]),
                   Message("Remove the range of {what}", what=range_name(project, item)))
