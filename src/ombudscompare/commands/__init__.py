"""Every edit a user can make, as a command that owns its undo text and its merge rule (Qt-free).

A command is built from the project as it is now and the user's new value; it either describes a
change (`Command`), says nothing changes (None), or refuses the value with a reason (`Refused`).
Descriptions are messages whose parameters render in the language shown, so the Edit menu can be
retranslated. The window's Document runs commands on its undo stack; a drag runs them with
`merge=True` and the document merges steps with the same `merge_key` into one flat step.

By what they change: `project` (municipality, title, notes, sources), `options` (names, tariffs, adding and
removing), `criteria` (names, levels, weights, adding and removing), `scores`, `sets` (weight sets), `ranges`
(uncertain inputs); what they share is in `checks`.
"""

from .checks import Command, Refused, is_noop, merged
from .criteria import (
    add_criterion,
    apply_preset,
    remove_criterion,
    rename_criterion,
    set_level,
    set_weight,
    switch_criterion,
)
from .options import add_option, remove_option, rename_option, set_option_text, set_tariff
from .project import rename_municipality, set_municipality, set_project_text, set_source
from .ranges import remove_range, set_range
from .scores import set_justification, set_score, set_score_source
from .sets import (
    add_set,
    apply_set,
    current_weights,
    delete_set,
    duplicate_set,
    from_order,
    from_preset,
    from_swings,
    rename_set,
    save_current,
    set_note,
    update_from_current,
)

__all__ = ["Command", "Refused", "add_criterion", "add_option", "add_set", "apply_preset", "apply_set",
           "current_weights", "delete_set", "duplicate_set", "from_order", "from_preset", "from_swings", "is_noop",
           "merged", "remove_criterion", "remove_option", "remove_range", "rename_criterion", "rename_municipality",
           "rename_option", "rename_set", "save_current", "set_justification", "set_level", "set_municipality",
           "set_note", "set_option_text", "set_project_text", "set_range", "set_score", "set_score_source",
           "set_source", "set_tariff", "set_weight", "switch_criterion", "update_from_current"]
