"""Every exported workbook stays inside Excel's own limits (tests/formats/excel_limits.py): the Haarlem case and
generated projects at the size limits, with names of the longest length and quotes in them, in both languages —
Excel refuses and 'repairs' away anything beyond them."""

import pytest

from ombudscompare.core.limits import MAX_CRITERIA, MAX_NAME, MAX_OPTIONS, MAX_WEIGHT_SETS
from ombudscompare.core.model import WeightSet
from ombudscompare.formats.workbook import build_workbook
from tests.synthetic import generated_project

from .excel_limits import problems


def _long_names(project):
    """Every name as long as a name may be, with quotes that a formula would double."""
    for item in (*project.options, *project.criteria):
        for lang in ("nl", "en"):
            stem = f'"{item.id}" {lang} '
            item.name.texts[lang] = (stem + "lang" * MAX_NAME)[:MAX_NAME]
    for option in project.options:
        option.in_sentence.texts = {lang: ('de "' + option.id + '" ' + "x" * MAX_NAME)[:MAX_NAME]
                                    for lang in ("nl", "en")}
    return project


def _with_sets(project, count):
    ids = [c.id for c in project.criteria]
    project.weight_sets = [WeightSet(f"set{k}", (f'Fractie "{k}" ' + "n" * MAX_NAME)[:MAX_NAME],
                                     {c: float(1 + (k * 7 + i * 13) % 40) for i, c in enumerate(ids)})
                           for k in range(count)]
    return project


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_haarlem_workbook_is_inside_excels_limits(haarlem, lang):
    assert problems(build_workbook(haarlem, lang)) == []


@pytest.mark.parametrize(("options", "criteria", "sets"), [(MAX_OPTIONS, 8, 3), (MAX_OPTIONS, MAX_CRITERIA, 0),
                                                           (26, 12, MAX_WEIGHT_SETS), (2, 3, 1)])
def test_workbooks_at_the_size_limits_with_the_longest_names(options, criteria, sets):
    project = _with_sets(_long_names(generated_project(options, criteria, seed=options + criteria)), sets)
    assert problems(build_workbook(project, "nl")) == []
