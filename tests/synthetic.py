"""Generated projects of any size, for benchmarks and tests (deterministic for a given seed)."""

from __future__ import annotations

import random

from ombudscompare.core.model import (
    Criterion,
    CriterionKind,
    Direction,
    LocalText,
    Municipality,
    Option,
    Project,
    Score,
    Source,
    Tariff,
)

_COMPUTED = (
    (CriterionKind.COST_PER_INHABITANT, 0.0, 0.5),
    (CriterionKind.SURCHARGE_PER_EXTRA_COMPLAINT, 0.0, 1000.0),
    (CriterionKind.ANNUAL_COST, 0.0, 100_000.0),
)


def generated_project(n_options: int, n_criteria: int, seed: int = 0) -> Project:
    """A valid project with `n_options` options and `n_criteria` criteria of every kind."""
    rng = random.Random(seed)
    project = Project(
        title=LocalText.both(f"Gegenereerd {n_options} × {n_criteria}", f"Generated {n_options} × {n_criteria}"),
        municipality=Municipality("Voorbeeldstad", rng.randint(5_000, 900_000), rng.randint(0, 400), 2018),
    )
    for i in range(n_options):
        tariff = Tariff(
            fixed=round(rng.uniform(0, 80_000), 2),
            per_inhabitant=round(rng.uniform(0, 0.4), 6),
            per_complaint=round(rng.uniform(0, 300), 2),
            included_complaints=rng.randint(0, 200),
            surcharge=round(rng.uniform(0, 900), 2),
            indexation_percent=round(rng.uniform(0, 4), 1),
        )
        project.options.append(Option(f"option{i}", LocalText.both(f"Optie {i + 1}", f"Option {i + 1}"), tariff))
    for j in range(n_criteria):
        weight = rng.randint(1, 30)
        if j < len(_COMPUTED):
            kind, best, worst = _COMPUTED[j]
            criterion = Criterion(f"crit{j}", LocalText.both(f"Criterium {j + 1}", f"Criterion {j + 1}"), kind,
                                  Direction.LOWER, best, worst, weight)
        elif j % 3 == 0:
            criterion = Criterion(f"crit{j}", LocalText.both(f"Getal {j + 1}", f"Number {j + 1}"),
                                  CriterionKind.NUMBER, Direction.HIGHER, 100.0, 0.0, weight, unit="%")
        else:
            criterion = Criterion(f"crit{j}", LocalText.both(f"Kwaliteit {j + 1}", f"Quality {j + 1}"),
                                  CriterionKind.SCALE, Direction.HIGHER, weight=weight)
        criterion.enabled = rng.random() > 0.1 or j == 0
        project.criteria.append(criterion)
    for option in project.options:
        for criterion in project.criteria:
            if criterion.kind is CriterionKind.SCALE:
                value: float = rng.randint(1, 5)
            elif criterion.kind is CriterionKind.NUMBER:
                value = round(rng.uniform(-10, 110), 1)
            else:
                continue
            project.scores[(option.id, criterion.id)] = Score(
                option.id, criterion.id, value, "Gegenereerd voor een test.", Source(title="Generator", date="2026")
            )
    return project
