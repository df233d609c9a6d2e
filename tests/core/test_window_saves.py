"""Whatever the window lets a user do, File → Save writes a file that File → Open reads back as the same project.

The window edits only through `commands`; this drives those commands with arbitrary text (control characters,
tabs, line breaks, broken surrogates, HTML, over-long names) and arbitrary numbers (NaN, infinities, huge and
tiny). A command either refuses in words or makes a project that saves and loads back equal. Nothing else."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombudscompare import commands
from ombudscompare.commands import Refused
from ombudscompare.core.model import CriterionKind
from ombudscompare.core.whatif import Preset
from ombudscompare.examples import haarlem_2018
from ombudscompare.formats.project_file import checked_bytes, dumps, parse_project
from ombudscompare.i18n import Message

NASTY = ["\udc80", "a\tb", "regel\nregel", "x" * 201, "y" * 10_001, "<img src='/dev/zero'>", "\u009b[31m",
         "\u202eevil", "  ", "", "\x00", "€ 1.234,5", "=cmd|' /C calc'!A0",
         "\uffff", "a\ufffeb"]
TEXT = st.one_of(st.text(max_size=60), st.sampled_from(NASTY), st.text(alphabet=st.characters(), max_size=30))
NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**16, 10**16),
                   st.sampled_from([0, 1, 5, 0.5, 1e9, 1e12, 1e13, -1, 100_000_000, 100_000_001]))
OPTION = st.sampled_from(["no", "goma"])
CRITERION = st.sampled_from(["cost_per_inhabitant", "surcharge_per_extra_complaint", "independence",
                             "local_involvement", "learning_capacity", "awareness", "scope"])
LANG = st.sampled_from(["nl", "en"])
BOUND = st.one_of(NUMBER, st.sampled_from([math.nan, math.inf, -math.inf, 1, 2.5, 3, 5, 60, 159_717, 400_000]))

OPERATIONS = st.one_of(
    st.tuples(st.just(commands.rename_municipality), TEXT),
    st.tuples(st.just(commands.set_municipality), st.sampled_from(["population", "complaints_per_year",
                                                                    "reference_year"]), NUMBER),
    st.tuples(st.just(commands.rename_option), OPTION, LANG, TEXT),
    st.tuples(st.just(commands.set_option_text), OPTION, st.sampled_from(["description", "in_sentence"]), LANG,
              TEXT),
    st.tuples(st.just(commands.set_source), st.sampled_from([("municipality",), ("tariff", "no")]),
              st.sampled_from(["title", "date", "location", "quote", "url"]), TEXT),
    st.tuples(st.just(commands.set_project_text), st.sampled_from(["title", "notes"]), TEXT, LANG),
    st.tuples(st.just(commands.set_tariff), OPTION, st.sampled_from(["fixed", "per_inhabitant", "per_complaint",
                                                                     "included_complaints", "surcharge",
                                                                     "indexation_percent"]), NUMBER),
    st.tuples(st.just(commands.rename_criterion), CRITERION, LANG, TEXT),
    st.tuples(st.just(commands.set_level), CRITERION, st.sampled_from(["best", "worst"]), NUMBER),
    st.tuples(st.just(commands.switch_criterion), CRITERION, st.booleans()),
    st.tuples(st.just(commands.set_weight), CRITERION, NUMBER),
    st.tuples(st.just(commands.apply_preset), st.sampled_from(list(Preset))),
    st.tuples(st.just(commands.set_score), OPTION, CRITERION, NUMBER),
    st.tuples(st.just(commands.set_justification), OPTION, CRITERION, TEXT),
    st.tuples(st.just(commands.set_score_source), OPTION, CRITERION,
              st.sampled_from(["title", "date", "location", "quote", "url"]), TEXT),
    st.tuples(st.just(commands.add_option), LANG),
    st.tuples(st.just(commands.add_criterion), st.sampled_from(list(CriterionKind)), LANG),
    # weight sets and ranges (the Who chooses what tab, the swing and order dialogs, the range dialog)
    st.tuples(st.just(commands.save_current), TEXT, TEXT),
    st.tuples(st.just(lambda p, i, t: commands.rename_set(p, _set(p, i), t)), st.integers(0, 9), TEXT),
    st.tuples(st.just(lambda p, i, t: commands.set_note(p, _set(p, i), t)), st.integers(0, 9), TEXT),
    st.tuples(st.just(lambda p, i, t: commands.duplicate_set(p, _set(p, i), t)), st.integers(0, 9), TEXT),
    st.tuples(st.just(lambda p, i: commands.delete_set(p, _set(p, i))), st.integers(0, 9)),
    st.tuples(st.just(lambda p, i: commands.apply_set(p, _set(p, i))), st.integers(0, 9)),
    st.tuples(st.just(lambda p, i: commands.update_from_current(p, _set(p, i))), st.integers(0, 9)),
    st.tuples(st.just(commands.from_swings), TEXT, CRITERION, st.dictionaries(CRITERION, NUMBER, max_size=7)),
    st.tuples(st.just(commands.from_order), TEXT, st.lists(CRITERION, max_size=8)),
    st.tuples(st.just(commands.set_range), st.sampled_from([("population",), ("complaints_per_year",),
                                                                 ("tariff", "goma", "surcharge"),
                                                                 ("score", "no", "independence"),
                                                                 ("score", "goma", "awareness")]),
              BOUND, BOUND, st.one_of(st.none(), BOUND)),
    st.tuples(st.just(commands.remove_range), st.sampled_from([("population",), ("score", "no", "independence")])),
    # removing what other things refer to (ranges, weights in sets), then adding anew
    st.tuples(st.just(lambda p, i: commands.remove_option(p, _there(p.options, i))), st.integers(0, 9)),
    st.tuples(st.just(lambda p, i, drop: commands.remove_criterion(p, _there(p.criteria, i), drop)),
              st.integers(0, 9), st.booleans()),
)


def _there(items, index):
    """The option or criterion a user picked (one that is there)."""
    return items[index % len(items)].id


def _set(project, index):
    """The set a user picked in the table (a row that is there)."""
    if not project.weight_sets:
        raise Refused(Message("no set to pick"))
    return project.weight_sets[index % len(project.weight_sets)].id


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATIONS, min_size=1, max_size=12))
def test_anything_the_window_accepts_saves_and_opens_again(operations):
    project = haarlem_2018()
    for make, *args in operations:
        try:
            command = make(project, *args)
        except Refused:
            continue  # the field says why; nothing changed
        except KeyError as gone:
            ids = {o.id for o in project.options} | {c.id for c in project.criteria}
            if gone.args[0] in ids:
                raise
            continue  # an option or criterion removed earlier in this sequence: the window offers it no more
        if command is not None:
            command.edit.apply(project)
    text = dumps(project)  # Save: never an error for a project the window made
    checked_bytes(project, "project.ombuds")  # nor the check before every save and export (XML holds it too)
    again = parse_project(text)  # Open: never an error either
    assert dumps(again) == text
    for option in project.options:
        assert all(math.isfinite(getattr(option.tariff, f)) for f in ("fixed", "per_inhabitant", "surcharge"))
