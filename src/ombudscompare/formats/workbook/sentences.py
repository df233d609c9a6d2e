"""The summary's two sentences as formulas: the conclusion (who ranks first, by how much, who is not ranked yet),
computed live from the calculation sheet's helper columns so that no edit or sort leaves it contradicting the
table; and the app's sentence about the weights, kept only while every figure is as exported (Qt-free)."""

from __future__ import annotations

import string
from dataclasses import dataclass

from ...core.model import Project
from ...core.scoring import Evaluation
from ...i18n import tr
from .cells import capitalised, literal, num, sentence


@dataclass
class Spans:
    """The absolute ranges other sheets' formulas look rows up in."""

    totals: dict[str, str]
    cells: dict[str, str]
    chart_top: int = 0
    chart_series: int = 0
    sentence_at_export: str = ""


def conclusion_formula(project: Project, lang: str, names: dict[str, str], spans: Spans) -> str:
    """Who ranks first, by how much, or who share first place, and which options are not ranked yet, in the
    workbook's language. It finds the options by their place in the ranking (the calculation sheet's helper
    columns), not by row, so sorting any table leaves it as it was; and its length grows by one short lookup per
    option, well inside Excel's 8,192 characters at the largest project."""
    n = len(project.options)
    totals = spans.totals

    def at(key: str, place: int) -> str:
        return f"INDEX({totals[key]},MATCH({place},{totals['place']},0))"

    ranked = f"COUNT({totals['total']})"
    none = literal(tr("No option can be ranked yet: every option still lacks a score.", lang))
    first_total = at("number", 1)
    if n == 1:
        only = _starting_capital(tr("{name} is the only option ({total}).", lang), name=at("in_sentence", 1),
                                 total=f"FIXED({first_total},1)")
        return f"=IF({ranked}=0,{none},{only})"
    leaders = "MID(" + "&".join(at("leader_part", k) for k in range(1, n + 1)) + ",3,32767)"
    tie = _starting_capital(tr("Tie for first place: {names} ({total}).", lang), names=leaders,
                            total=f"FIXED({first_total},1)")
    only_so_far = _starting_capital(tr("{name} is the only option ranked so far ({total}).", lang),
                                    name=at("in_sentence", 1), total=f"FIXED({first_total},1)")
    decimals = at("decimals", 1)  # the fewest decimals at which the first two totals differ (explain.values)
    lead = _starting_capital(tr("{name} ranks first with {total}, ahead of {other} with {other_total}.", lang),
                             name=at("in_sentence", 1), total=f"FIXED({first_total},{decimals})",
                             other=at("in_sentence", 2), other_total=f"FIXED({at('number', 2)},{decimals})")
    missing_names = "MID(" + "&".join(at("missing_part", k) for k in range(1, n + 1)) + ",3,32767)"
    incomplete = sentence(tr("Not ranked yet, because not every score has been given: {names}.", lang),
                          names=missing_names)
    body = f"IF(COUNTIF({totals['rank']},1)>=2,{tie},IF({ranked}=1,{only_so_far},{lead}))"
    return f'=IF({ranked}=0,{none},{body}&IF({ranked}<{n}," "&{incomplete},""))'


def _starting_capital(template: str, **parts: str) -> str:
    """sentence(), with the sentence's first letter a capital: of its text, or of the name it starts with."""
    first = next(iter(string.Formatter().parse(template)))
    if not first[0] and first[1] is not None:
        parts = {**parts, first[1]: capitalised(parts[first[1]])}
    elif template:
        template = template[0].upper() + template[1:]
    return sentence(template, **parts)


def contribution_squares(project: Project, evaluation: Evaluation) -> float:
    """The sum of the squared contributions of every cell the workbook computes one for (ranked or not)."""
    from ...core.scoring import criterion_value, raw_value

    total = 0.0
    for option in project.options:
        for criterion in project.criteria:
            if not criterion.kind.computed and project.score(option.id, criterion.id) is None:
                continue
            value = criterion_value(criterion, raw_value(project, option, criterion))
            total += (value * evaluation.shares.get(criterion.id, 0.0)) ** 2
    return total


def unchanged_formula(project: Project, text_at_export: str, evaluation: Evaluation, lang: str,
                       spans: Spans) -> str:
    """The sentence from the export (in the cell `text_at_export`) while every total and contribution is as
    exported; a plain notice once any figure has changed (the sentence was computed by the app and cannot
    follow)."""
    squares = contribution_squares(project, evaluation)
    totals = spans.totals
    changed = (f"SUMPRODUCT((ABS({totals['number']}-{totals['exported']})>1E-9)*1)+"
               f"IF(ABS(SUMSQ({spans.cells['contribution']})-{num(squares)})>1E-9*MAX(1,{num(squares)}),1,0)")
    notice = tr("(A sentence about the weights stood here; the figures have changed since the export, so open the"
                " workbook in OmbudsCompare to see it for the new figures.)", lang)
    return f"=IF({changed}=0,{text_at_export},{literal(notice)})"
