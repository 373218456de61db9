"""A synthetic scenario of 50 lines over 30 years for the benchmark.

Twelve cost lines, fifteen outcomes, ten avoided costs, three value capture lines, nine funding
lines (one of them a loan) and a social impact bond: 50 lines, each with its most uncertain
inputs written as distributions of all five kinds. A third of the cost and outcome lines may
start up to two years late (a start written as a distribution of years), and a third of the
outcomes last an uncertain number of years. The risks of a real plan are in: grants that come
in full or not at all (their ``probability``), avoided costs whose events happen or not each
year, and two correlation groups (three outcomes that share their participants; the start of
the first cost line and of the first outcome, which slip together). Every number is
illustrative; the mix of sections and distributions is what matters for timing.
"""

from __future__ import annotations

from typing import Any

from businesscase.scenario import Scenario, scenario_from_dict

HORIZON = 30
STAKEHOLDERS = (
    "gemeente",
    "woonstad",
    "zorgverzekeraar",
    "bewoners",
    "fonds",
    "rijk",
    "investeerder",
    "eigenaren",
)


def _pert(mode: float, spread: float = 0.2) -> dict[str, Any]:
    return {"dist": "pert", "low": mode * (1 - spread), "mode": mode, "high": mode * (1 + spread)}


def _triangular(low: float, mode: float, high: float) -> dict[str, Any]:
    return {"dist": "triangular", "low": low, "mode": mode, "high": high}


def _may_slip(start: int) -> dict[str, Any]:
    """A start that may slip up to two years: ``triangular(start, start, start + 2)``."""
    return _triangular(start, start, start + 2)


def synthetic_scenario() -> Scenario:
    """The 50-line, 30-year benchmark scenario (validated like any scenario file)."""
    costs = [
        {
            "name": f"Kosten {i}",
            "amount": _pert(40_000 + 5_000 * i),
            "start": _may_slip(i % 5) if i % 3 == 0 else i % 5,
            "duration": HORIZON - i % 5,
            "growth": 0.01 * (i % 3),
        }
        for i in range(12)
    ]
    outcomes = [
        {
            "name": f"Resultaat {i}",
            "quantity": {"dist": "normal", "mean": 20.0 + i, "sd": 4.0},
            "proxy": {"dist": "lognormal", "mean": 3_000.0 + 200 * i, "sd": 900.0},
            "value_type": ("fiscal", "economic", "social")[i % 3],
            "deadweight": _triangular(0.1, 0.25, 0.45),
            "attribution": {"dist": "uniform", "low": 0.1, "high": 0.4},
            "displacement": 0.05,
            "drop_off": 0.2,
            "lasts": _triangular(2, 3 + i % 3, 6) if i % 3 == 1 else 3 + i % 3,
            "cashable_share": 0.3,
            "start": _may_slip(1 + i % 3) if i % 3 == 0 else 1 + i % 3,
            "duration": HORIZON - 1 - i % 3,
            "growth": {"dist": "normal", "mean": 0.01, "sd": 0.02},
            "beneficiaries": {STAKEHOLDERS[i % 4]: 0.6, "bewoners": 0.4}
            if i % 4 != 3
            else {"bewoners": 1.0},
        }
        for i in range(15)
    ]
    avoided = [
        {
            "name": f"Vermeden kosten {i}",
            "bearer": STAKEHOLDERS[i % 3],
            "incidents": _pert(100.0 + 10 * i),
            "reduction": _triangular(0.05, 0.15, 0.3),
            "unit_cost": {"dist": "lognormal", "mean": 1_500.0, "sd": 400.0},
            "probability": 0.9,
            "start": 1,
            "duration": HORIZON - 1,
        }
        for i in range(10)
    ]
    capture = [
        {
            "name": f"Waardeafroming {i}",
            "units": 500.0,
            "base_value": 200_000.0,
            "uplift": _triangular(0.01, 0.03, 0.05),
            "capture_share": 0.1,
            "payer": "eigenaren",
            "start": 3 + i,
            "duration": 3,
        }
        for i in range(3)
    ]
    funding = [
        {
            "name": f"Subsidie {i}",
            "funder": ("gemeente", "fonds", "rijk")[i % 3],
            "kind": ("subsidy", "grant", "budget", "contribution")[i % 4],
            "amount": 80_000.0 + 10_000 * i,
            "start": 0,
            "duration": 5 + 3 * i,
            "probability": _triangular(0.5, 0.9, 1.0),
        }
        for i in range(8)
    ]
    funding.append(
        {
            "name": "Lening",
            "funder": "investeerder",
            "kind": "loan",
            "amount": 1_000_000.0,
            "start": 0,
            "interest_rate": {"dist": "uniform", "low": 0.02, "high": 0.05},
            "term": 15,
        }
    )
    data = {
        "scenario": {
            "name": "Synthetisch: 50 regels, 30 jaar",
            "start_year": 2027,
            "horizon_years": HORIZON,
        },
        "stakeholders": [{"id": i, "name": i.capitalize(), "kind": "other"} for i in STAKEHOLDERS],
        "costs": costs,
        "outcomes": outcomes,
        "avoided_costs": avoided,
        "value_capture": capture,
        "funding": funding,
        "correlations": [
            {
                "inputs": ["outcomes[0].quantity", "outcomes[1].quantity", "outcomes[2].quantity"],
                "rho": 0.6,
            },
            {"inputs": ["costs[0].start", "outcomes[0].start"], "rho": 0.8},
        ],
        "sib": {
            "investor": "investeerder",
            "outcome_payer": "gemeente",
            "capital": 500_000.0,
            "outcome": "Resultaat 0",
            "price": _pert(4_000.0),
            "cap": 2_000_000.0,
        },
    }
    return scenario_from_dict(data, source="synthetic")
