"""Reading a project from parsed JSON: validate everything, report problems by path, build the model."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..core import limits
from ..core.limits import MAX_AMOUNT, MAX_CRITERIA, MAX_NAME, MAX_OPTIONS
from ..core.model import (
    SCALE_MAX,
    SCALE_MIN,
    Criterion,
    CriterionKind,
    Direction,
    Municipality,
    Option,
    Project,
    Score,
    Tariff,
)
from .checks import Checker, TooManyProblems, describe, join
from .errors import Problem
from .sets_file import read_ranges, read_weight_sets

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
FORMAT_NAME = "ombudscompare-project"
FORMAT_MAJOR = 1
FORMAT_MINOR = 2  # 1.1: scores may be missing (not yet judged), notes, an option's name in a sentence;
# 1.2: weight sets (with swing answers or an order) and ranges of uncertain inputs

TOP_FIELDS = ("format", "version", "title", "notes", "municipality", "options", "criteria", "scores", "weight_sets",
              "ranges")
MUNICIPALITY_FIELDS = ("name", "population", "complaints_per_year", "reference_year", "source")
OPTION_FIELDS = ("id", "name", "in_sentence", "description", "tariff")
TARIFF_FIELDS = (
    "fixed",
    "per_inhabitant",
    "per_complaint",
    "included_complaints",
    "surcharge",
    "indexation_percent",
    "source",
)
CRITERION_FIELDS = (
    "id",
    "name",
    "description",
    "kind",
    "direction",
    "best",
    "worst",
    "weight",
    "enabled",
    "unit",
    "scale_labels",
)
SCORE_FIELDS = ("option", "criterion", "value", "justification", "source")

_VERSION = re.compile(r"^(\d{1,4})\.(\d{1,4})$")


def read_project(data: Any, dropped: list[Problem] | None = None) -> tuple[Project | None, list[Problem]]:
    """Build a Project from parsed JSON, or return the problems that stop it (first ones first). A newer version's
    fields that no file could hold again are left out; each is added to `dropped` by its place, to be told."""
    checker = Checker(strict=True)
    try:
        project = _read(checker, data)
    except TooManyProblems:
        project = None
    if checker.problems:
        return None, checker.problems
    if dropped is not None:
        dropped += checker.dropped
    return project, []


def _read(ck: Checker, data: Any) -> Project | None:
    top = ck.object(data, "")
    if top is None:
        return None
    minor = _read_header(ck, top)
    if minor is None:
        return None
    ck.strict = minor <= FORMAT_MINOR
    project = Project(format_minor=max(minor, FORMAT_MINOR))
    project.title = ck.local_text(top, "title", "", required=False, single_line=True)
    project.notes = ck.text(top, "notes", "")
    project.extra = ck.extra_fields(top, "", TOP_FIELDS)
    if "municipality" not in top:
        ck.problem("municipality", "is missing; it must hold the municipality's name, population and complaints")
    else:
        project.municipality = _read_municipality(ck, top["municipality"], "municipality")
    project.options = _read_list(ck, top, "options", _read_option)
    project.criteria = _read_list(ck, top, "criteria", _read_criterion)
    _check_unique(ck, project.options, "options")
    _check_unique(ck, project.criteria, "criteria")
    _check_weights(ck, project.criteria)
    if ck.problems:
        return None
    if "scores" in top:
        scores = ck.list(top["scores"], "scores")
        for index, item in enumerate(scores or []):
            _read_score(ck, item, join("scores", index), project)
    if ck.problems:
        return None
    project.weight_sets = read_weight_sets(ck, top, project)
    project.ranges = read_ranges(ck, top, project)
    return project


def _read_header(ck: Checker, top: dict[str, Any]) -> int | None:
    fmt = top.get("format")
    if fmt != FORMAT_NAME:
        if "format" not in top:
            ck.problem("format", "is missing: this is not an OmbudsCompare project file")
        else:
            ck.problem("format", "is {got}: this is not an OmbudsCompare project file", got=describe(fmt))
        return None
    version = top.get("version")
    match = _VERSION.match(version) if isinstance(version, str) else None
    if match is None:
        ck.problem("version", "must be a format version such as \"1.0\", got {got}", got=describe(version))
        return None
    major, minor = int(match.group(1)), int(match.group(2))
    if major > FORMAT_MAJOR:
        ck.problem(
            "version",
            "the file was made by a newer OmbudsCompare (format {version}); this version reads format {ours}.x,"
            " please update the program",
            version=version,
            ours=FORMAT_MAJOR,
        )
        return None
    if major < FORMAT_MAJOR:
        ck.problem("version", "format {version} is not supported", version=version)
        return None
    return minor


def _read_list(ck: Checker, top: dict[str, Any], key: str, read_item: Callable[[Checker, Any, str], T | None]
               ) -> list[T]:
    if key not in top:
        ck.problem(key, "is missing; it must be a list with at least one entry")
        return []
    items = ck.list(top[key], key)
    if items is None:
        return []
    if not items:
        ck.problem(key, "must have at least one entry")
    limit = MAX_OPTIONS if key == "options" else MAX_CRITERIA
    if len(items) > limit:
        ck.problem(key, "has {count} entries; OmbudsCompare works with at most {limit}", count=len(items),
                   limit=limit)
        return []
    result = []
    for index, item in enumerate(items):
        value = read_item(ck, item, join(key, index))
        if value is not None:
            result.append(value)
    return result


def _or(value: float | None, default: float) -> float:
    """The value read, or a stand-in when it was wrong (a problem is reported then); 0.0 stays 0.0."""
    return default if value is None else value


def _read_municipality(ck: Checker, value: Any, path: str) -> Municipality:
    data = ck.object(value, path)
    if data is None:
        return Municipality()
    return Municipality(
        name=ck.text(data, "name", path, required=True, single_line=True, max_length=MAX_NAME),
        population=int(_or(ck.ranged(data, "population", path, limits.POPULATION), 1)),
        complaints_per_year=_or(ck.ranged(data, "complaints_per_year", path, limits.COMPLAINTS), 0),
        reference_year=int(_or(ck.ranged(data, "reference_year", path, limits.REFERENCE_YEAR), 2018)),
        source=ck.source(data, "source", path),
        extra=ck.extra_fields(data, path, MUNICIPALITY_FIELDS),
    )


def _read_option(ck: Checker, value: Any, path: str) -> Option | None:
    data = ck.object(value, path)
    if data is None:
        return None
    option_id = ck.identifier(data, "id", path)
    name = ck.local_text(data, "name", path, required=True, single_line=True)
    in_sentence = ck.local_text(data, "in_sentence", path, required=False, single_line=True)
    description = ck.local_text(data, "description", path, required=False, single_line=False)
    tariff = Tariff()
    where = join(path, "tariff")
    if "tariff" not in data:
        ck.problem(where, "is missing; it must hold the option's tariff")
    else:
        tariff = _read_tariff(ck, data["tariff"], where)
    extra = ck.extra_fields(data, path, OPTION_FIELDS)
    if option_id is None:
        return None
    return Option(option_id, name, tariff, description, extra, in_sentence)


def _read_tariff(ck: Checker, value: Any, path: str) -> Tariff:
    data = ck.object(value, path)
    if data is None:
        return Tariff()

    def amount(key: str) -> float:
        return _or(ck.ranged(data, key, path, limits.TARIFF[key], default=0), 0)

    return Tariff(
        fixed=amount("fixed"),
        per_inhabitant=amount("per_inhabitant"),
        per_complaint=amount("per_complaint"),
        included_complaints=amount("included_complaints"),
        surcharge=amount("surcharge"),
        indexation_percent=amount("indexation_percent"),
        source=ck.source(data, "source", path),
        extra=ck.extra_fields(data, path, TARIFF_FIELDS),
    )


def _enum(ck: Checker, data: dict[str, Any], key: str, path: str, enum_type: type[E], default: E | None = None
          ) -> E | None:
    where = join(path, key)
    if key not in data:
        if default is None:
            ck.problem(where, "is missing; it must be one of: {choices}", choices=", ".join(e.value for e in enum_type))
        return default
    try:
        return enum_type(data[key])
    except (ValueError, TypeError):
        ck.problem(
            where,
            "must be one of: {choices}, got {got}",
            choices=", ".join(e.value for e in enum_type),
            got=describe(data[key]),
        )
        return None


def _read_criterion(ck: Checker, value: Any, path: str) -> Criterion | None:
    data = ck.object(value, path)
    if data is None:
        return None
    criterion_id = ck.identifier(data, "id", path)
    name = ck.local_text(data, "name", path, required=True, single_line=True)
    description = ck.local_text(data, "description", path, required=False, single_line=False)
    kind = _enum(ck, data, "kind", path, CriterionKind)
    natural = Direction.LOWER if kind is not None and kind.computed else Direction.HIGHER
    direction = _enum(ck, data, "direction", path, Direction, default=natural)
    weight = ck.ranged(data, "weight", path, limits.WEIGHT)
    enabled = ck.boolean(data, "enabled", path, default=True)
    unit = ck.text(data, "unit", path, single_line=True, max_length=limits.MAX_UNIT)
    best = worst = None
    if kind is not None and kind.scale:
        for key in ("best", "worst"):
            if key in data:
                ck.problem(join(path, key), "is not used for a 1–5 scale: 1 always counts 0 and 5 counts 100"
                           " (or the reverse with direction 'lower'); remove it")
    elif kind is not None:
        best = ck.number(data, "best", path, minimum=-MAX_AMOUNT, maximum=MAX_AMOUNT)
        worst = ck.number(data, "worst", path, minimum=-MAX_AMOUNT, maximum=MAX_AMOUNT)
        if best is not None and worst is not None and direction is not None:
            _check_levels(ck, path, direction, best, worst)
    labels = _read_scale_labels(ck, data, path, kind)
    extra = ck.extra_fields(data, path, CRITERION_FIELDS)
    if criterion_id is None or kind is None or direction is None or weight is None:
        return None
    return Criterion(criterion_id, name, kind, direction, best, worst, weight, enabled, description, unit, labels,
                     extra)


def _check_levels(ck: Checker, path: str, direction: Direction, best: float, worst: float) -> None:
    if best == worst:
        ck.problem(join(path, "worst"), "must differ from best, both are {got}", got=describe(best))
    elif direction is Direction.LOWER and best > worst:
        ck.problem(join(path, "best"), "with direction 'lower' the best level must be below the worst level,"
                   " got best {best} and worst {worst}", best=describe(best), worst=describe(worst))
    elif direction is Direction.HIGHER and best < worst:
        ck.problem(join(path, "best"), "with direction 'higher' the best level must be above the worst level,"
                   " got best {best} and worst {worst}", best=describe(best), worst=describe(worst))


def _read_scale_labels(ck: Checker, data: dict[str, Any], path: str, kind: CriterionKind | None
                       ) -> dict[str, tuple[str, ...]]:
    if "scale_labels" not in data:
        return {}
    where = join(path, "scale_labels")
    if kind is None or not kind.scale:
        ck.problem(where, "is only used by criteria of kind 'scale'")
        return {}
    labels = ck.object(data["scale_labels"], where)
    result = {}
    for lang, items in (labels or {}).items():
        spot = join(where, lang)
        values = ck.list(items, spot)
        if values is None:
            continue
        if len(values) != SCALE_MAX - SCALE_MIN + 1:
            ck.problem(spot, "must list exactly 5 labels, for 1 to 5; got {count}", count=len(values))
            continue
        result[lang] = tuple(ck.text_value(v, join(spot, i), required=True, single_line=True,
                                           max_length=limits.MAX_SCALE_LABEL) for i, v in enumerate(values))
    return result


def _check_unique(ck: Checker, items: Sequence[Option | Criterion], path: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            ck.problem(join(join(path, index), "id"), "'{id}' is used twice; every id must be unique", id=item.id)
        seen.add(item.id)


def _check_weights(ck: Checker, criteria: list[Criterion]) -> None:
    enabled = [c for c in criteria if c.enabled]
    if criteria and not enabled:
        ck.problem("criteria", "no criterion is switched on; switch at least one on")
    elif enabled and sum(c.weight for c in enabled) <= 0:
        ck.problem("criteria", "all weights of the criteria that are switched on are zero")


def _read_score(ck: Checker, value: Any, path: str, project: Project) -> None:
    data = ck.object(value, path)
    if data is None:
        return
    option_id = data.get("option") if isinstance(data.get("option"), str) else None
    criterion_id = data.get("criterion") if isinstance(data.get("criterion"), str) else None
    known_options = {o.id for o in project.options}
    criteria = {c.id: c for c in project.criteria}
    if option_id not in known_options:
        ck.problem(join(path, "option"), "is not the id of an option in this file, got {got}",
                   got=describe(data.get("option")))
    criterion = criteria.get(criterion_id) if criterion_id is not None else None
    if criterion is None:
        ck.problem(join(path, "criterion"), "is not the id of a criterion in this file, got {got}",
                   got=describe(data.get("criterion")))
    elif criterion.kind.computed:
        ck.problem(join(path, "criterion"), "'{id}' is computed from the tariffs and takes no score", id=criterion_id)
        criterion = None
    if criterion is not None and criterion.kind.scale:
        number = ck.number(data, "value", path, minimum=SCALE_MIN, maximum=SCALE_MAX, integer=True)
    else:
        number = ck.number(data, "value", path, minimum=-MAX_AMOUNT, maximum=MAX_AMOUNT)
    justification = ck.text(data, "justification", path)
    source = ck.source(data, "source", path)
    extra = ck.extra_fields(data, path, SCORE_FIELDS)
    if criterion is None or option_id is None or option_id not in known_options or number is None:
        return
    criterion_id = criterion.id
    key = (option_id, criterion_id)
    if key in project.scores:
        ck.problem(path, "a second score for option '{option}' on criterion '{criterion}'", option=option_id,
                   criterion=criterion_id)
        return
    project.scores[key] = Score(option_id, criterion_id, number, justification, source, extra)
