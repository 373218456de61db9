"""A rough business case from a handful of numbers: the quick start of phase 2.

In phase 2 of Social Impact by Design a team sketches its proposal; a rough case needs only the
yearly cost, the main outcome with its value (a proxy) and the main funders. :func:`rough_case`
turns those numbers into a scenario the team then refines step by step (in the app's guided
build): every line runs from the start year for the same number of years, the outcome is
valued without deadweight or attribution (to be refined), and its value goes to one party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

RESIDENTS = "bewoners"
"""Id of the residents, the party a rough case adds when they benefit."""


@dataclass(frozen=True)
class Funder:
    """A main funder of a rough case.

    Attributes
    ----------
    name : str
        Who pays (``Gemeente Rotterdam``).
    kind : str
        The kind of party (a stakeholder kind: ``public``, ``housing``, ``fund``, ...).
    funding : str
        The kind of funding (``subsidy``, ``grant``, ``budget``, ``contribution``, ...).
    amount : float
        Paid per year [EUR, prices of the start year].
    """

    name: str
    kind: str
    funding: str
    amount: float


def _id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "partij"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def rough_case(
    name: str,
    start_year: int,
    years: int,
    yearly_cost: float,
    outcome: str,
    people: float,
    proxy: float,
    *,
    proxy_source: str = "",
    value_type: str = "social",
    funders: Sequence[Funder] = (),
    beneficiary: str = RESIDENTS,
) -> dict[str, Any]:
    """The rough case as TOML-shaped data (``scenario_from_dict`` validates it).

    Parameters
    ----------
    name : str
        Name of the plan.
    start_year : int
        Calendar year of the first year.
    years : int
        How long the plan runs; also the horizon [years].
    yearly_cost : float
        What the plan costs per year [EUR].
    outcome : str
        The main outcome (``Meer bewoners vinden werk``).
    people : float
        How many reach it per year [persons/year].
    proxy : float
        What it is worth per person per year [EUR].
    proxy_source : str, optional
        Where the proxy comes from.
    value_type : str, optional
        ``fiscal``, ``economic`` or ``social``.
    funders : sequence of Funder, optional
        The main funders, each paying ``amount`` every year.
    beneficiary : str, optional
        Who gets the outcome's value: the name of one of the funders, or the residents
        (:data:`RESIDENTS`, added as a party).

    Returns
    -------
    dict
        ``[scenario]``, stakeholders, one cost line, one outcome, one funding line per funder.

    Examples
    --------
    >>> case = rough_case("Taalcafé", 2027, 4, 65000, "Werk", 3, 16429,
    ...                   funders=[Funder("Gemeente", "public", "subsidy", 60000)],
    ...                   beneficiary="Gemeente")
    >>> case["outcomes"][0]["beneficiaries"], case["funding"][0]["duration"]
    ({'gemeente': 1.0}, 4)
    """
    taken: set[str] = set()
    stakeholders = [
        {"id": _id(funder.name, taken), "name": funder.name, "kind": funder.kind}
        for funder in funders
    ]
    by_name = {holder["name"]: holder["id"] for holder in stakeholders}
    if beneficiary not in by_name:
        stakeholders.append({"id": _id(RESIDENTS, taken), "name": "Bewoners", "kind": "residents"})
        by_name[beneficiary] = stakeholders[-1]["id"]
    return {
        "scenario": {"name": name, "start_year": start_year, "horizon_years": years},
        "stakeholders": stakeholders,
        "costs": [{"name": name, "amount": float(yearly_cost), "duration": years}],
        "outcomes": [
            {
                "name": outcome,
                "quantity": float(people),
                "proxy": float(proxy),
                "proxy_source": proxy_source,
                "value_type": value_type,
                "duration": years,
                "beneficiaries": {by_name[beneficiary]: 1.0},
            }
        ],
        "funding": [
            {
                "name": f"{funder.name}",
                "funder": by_name[funder.name],
                "kind": funder.funding,
                "amount": float(funder.amount),
                "duration": years,
            }
            for funder in funders
        ],
    }
