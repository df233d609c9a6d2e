"""The JSON project file: load with clear errors, save atomically and byte-for-byte stably."""

from __future__ import annotations

import json
import os
from typing import Any

from ..core.limits import unstorable
from ..core.model import LANGUAGES, Criterion, LocalText, Municipality, Option, Project, Score, Source, Tariff
from ..i18n import N_, Message
from .atomic import write_bytes_atomic
from .checks import SOURCE_FIELDS
from .errors import FileError, Problem
from .project_reader import FORMAT_MAJOR, FORMAT_MINOR, FORMAT_NAME, read_project
from .reading import read_regular_file
from .sets_file import ranges_to_data, sets_to_data

MAX_FILE_BYTES = 20 * 1024 * 1024


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def load_project(path: str | os.PathLike[str], dropped: list[Problem] | None = None) -> Project:
    """Read and validate a project file; any problem raises FileError naming the file and place. A newer version's
    fields that no file could hold again are left out and listed in `dropped` (errors.dropped_line says it)."""
    name = str(path)
    raw = read_regular_file(name, MAX_FILE_BYTES, N_("is too large for a project file ({size} MB; at most {limit}"
                                                     " MB)"))
    return parse_project(raw, name, dropped)


def parse_project(raw: bytes | str, name: str = "", dropped: list[Problem] | None = None) -> Project:
    """Parse project-file text (bytes are read as UTF-8, a BOM allowed)."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileError.single(name, "", "is not a text file in UTF-8 (unreadable byte at position {pos})",
                                   pos=exc.start) from None
    else:
        text = raw
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise FileError.single(name, _line_col(exc.lineno, exc.colno), "is not valid JSON: {reason}",
                               reason=exc.msg) from None
    except _DuplicateKey as exc:
        raise FileError.single(name, "", "the key '{key}' appears twice in one object", key=exc.key) from None
    except RecursionError:
        raise FileError.single(name, "", "is nested too deeply to be a project file") from None
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        raise FileError.single(name, "", "holds a number with far too many digits to be a project file") from None
    project, problems = read_project(data, dropped)
    if problems:
        raise FileError(name, problems)
    assert project is not None
    return project


def _line_col(line: int, column: int) -> Message:
    return Message("line {line}, column {column}", line=line, column=column)


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the project atomically; a failure raises FileError and leaves any old file intact.

    The text is checked by the reader first: a project that could not be opened again is not written
    (whatever put it in that state), and the message says what and where."""
    write_bytes_atomic(path, checked_bytes(project, str(path)))


def checked_bytes(project: Project, name: str) -> bytes:
    """The project file's bytes, once the reader has accepted them; FileError ('cannot be saved: …') if not."""
    try:
        text = dumps(project)
    except RecursionError:  # only a newer version's field can nest (deep ones are left out on opening)
        raise FileError.single(name, "", "cannot be saved: a field of a newer version is nested too deeply to be"
                                         " written") from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FileError.single(name, "", "cannot be saved: a text holds a character that cannot be stored (a broken"
                                         " UTF-16 surrogate, at character {position}); change that text first",
                               position=exc.start) from None
    position = unstorable(text)
    if position is not None:  # in a text the program does not know (a newer version's field): a known one is checked
        raise FileError.single(name, "", "cannot be saved: a text holds U+FFFE or U+FFFF, which are not characters"
                                         " (at character {position} of the file); change that text first",
                               position=position)
    _project, problems = read_project(json.loads(text))
    if problems:
        first = problems[0]
        raise FileError(name, [Problem(first.place, Message("cannot be saved: {reason}", reason=first.message))])
    return data


def dumps(project: Project) -> str:
    """The file text: fixed key order, two-space indent, UTF-8 kept readable, newline at the end."""
    return json.dumps(project_to_data(project), indent=2, ensure_ascii=False) + "\n"


def project_to_data(project: Project) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": f"{FORMAT_MAJOR}.{max(project.format_minor, FORMAT_MINOR)}",
    }
    if project.title:
        data["title"] = _local(project.title)
    if project.notes:
        data["notes"] = project.notes
    data["municipality"] = _municipality(project.municipality)
    data["options"] = [_option(o) for o in project.options]
    data["criteria"] = [_criterion(c) for c in project.criteria]
    data["scores"] = [_score(s) for s in _ordered_scores(project)]
    if project.weight_sets:
        data["weight_sets"] = sets_to_data(project)
    if project.ranges:
        data["ranges"] = ranges_to_data(project)
    data.update(project.extra)
    return data


def _ordered_scores(project: Project) -> list[Score]:
    ordered = []
    for option in project.options:
        for criterion in project.criteria:
            score = project.scores.get((option.id, criterion.id))
            if score is not None:
                ordered.append(score)
    return ordered


def _local(text: LocalText) -> dict[str, str]:
    order = [lang for lang in LANGUAGES if lang in text.texts] + [k for k in text.texts if k not in LANGUAGES]
    return {lang: text.texts[lang] for lang in order}


def _source(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(source, name) for name in SOURCE_FIELDS if getattr(source, name)}
    data.update(source.extra)
    return data


def _with_source(data: dict[str, Any], source: Source, extra: dict[str, Any]) -> dict[str, Any]:
    if not source.is_empty() or source.extra:
        data["source"] = _source(source)
    data.update(extra)
    return data


def _municipality(town: Municipality) -> dict[str, Any]:
    data = {
        "name": town.name,
        "population": town.population,
        "complaints_per_year": town.complaints_per_year,
        "reference_year": town.reference_year,
    }
    return _with_source(data, town.source, town.extra)


def _option(option: Option) -> dict[str, Any]:
    data: dict[str, Any] = {"id": option.id, "name": _local(option.name)}
    if option.in_sentence.texts:
        data["in_sentence"] = _local(option.in_sentence)
    if option.description.texts:
        data["description"] = _local(option.description)
    data["tariff"] = _tariff(option.tariff)
    data.update(option.extra)
    return data


def _tariff(tariff: Tariff) -> dict[str, Any]:
    data = {
        "fixed": tariff.fixed,
        "per_inhabitant": tariff.per_inhabitant,
        "per_complaint": tariff.per_complaint,
        "included_complaints": tariff.included_complaints,
        "surcharge": tariff.surcharge,
        "indexation_percent": tariff.indexation_percent,
    }
    return _with_source(data, tariff.source, tariff.extra)


def _criterion(criterion: Criterion) -> dict[str, Any]:
    data: dict[str, Any] = {"id": criterion.id, "name": _local(criterion.name)}
    if criterion.description.texts:
        data["description"] = _local(criterion.description)
    data["kind"] = criterion.kind.value
    data["direction"] = criterion.direction.value
    if criterion.best is not None:
        data["best"] = criterion.best
    if criterion.worst is not None:
        data["worst"] = criterion.worst
    data["weight"] = criterion.weight
    data["enabled"] = criterion.enabled
    if criterion.unit:
        data["unit"] = criterion.unit
    if criterion.scale_labels:
        data["scale_labels"] = {lang: list(labels) for lang, labels in criterion.scale_labels.items()}
    data.update(criterion.extra)
    return data


def _score(score: Score) -> dict[str, Any]:
    data: dict[str, Any] = {"option": score.option, "criterion": score.criterion, "value": score.value}
    if score.justification:
        data["justification"] = score.justification
    return _with_source(data, score.source, score.extra)
