"""Annual cost from a tariff, and the cost figures that cost criteria are computed from."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports the criterion kinds, which compute with these functions
    from .model import Municipality, Tariff


def annual_cost(tariff: Tariff, population: float, complaints: float) -> float:
    """fixed + per_inhabitant × population + per_complaint × complaints
    + surcharge × max(0, complaints − included_complaints)  (PRODUCT.md)."""
    extra = max(0.0, complaints - tariff.included_complaints)
    return (
        tariff.fixed
        + tariff.per_inhabitant * population
        + tariff.per_complaint * complaints
        + tariff.surcharge * extra
    )


def cost_per_inhabitant(tariff: Tariff, municipality: Municipality) -> float:
    """Annual cost divided by the population."""
    cost = annual_cost(tariff, municipality.population, municipality.complaints_per_year)
    return cost / municipality.population


def extra_complaint_cost(tariff: Tariff) -> float:
    """What one complaint above those included in the fixed amount costs."""
    return tariff.per_complaint + tariff.surcharge


def indexed_annual_cost(tariff: Tariff, population: float, complaints: float, years_after: int) -> float:
    """Annual cost `years_after` years after the reference year, with yearly indexation."""
    factor = (1.0 + tariff.indexation_percent / 100.0) ** years_after
    return annual_cost(tariff, population, complaints) * factor
