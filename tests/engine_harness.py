"""Run the real engine on a scenario dict the way a user does, and compare figures with care.

Shared by the cross-check against the reference (``test_reference.py``) and the property tests
(``test_properties.py``).
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import tomli_w
from reference import METRIC_KEYS, STAKEHOLDER_COLUMNS

from businesscase import evaluate
from businesscase.scenario import load_scenario

YEAR_KEYS = ("payback_year", "first_short_year", "subsidy_cliff_year")
RATE_KEYS = (
    "sroi_ratio",
    "net_sroi_ratio",
    "social_irr",
    "subsidy_dependence",
    "largest_funder_share",
    "funder_hhi",
    "sib_investor_irr",
    "sib_money_multiple",
    "sib_breakeven_share",
    "public_dependence",
)
"""Dimensionless figures; every other float is money."""

RELATIVE = 1e-9
MONEY_ABSOLUTE = 1e-6
RATE_ABSOLUTE = 1e-8
ROUNDING = 1e-12
"""Sums of many large terms lose about this share of the largest term to rounding: a difference
of two PVs of 1e10 is only known to 1e-2, whoever computes it."""


def write_toml(data: dict, folder: str | Path) -> Path:
    path = Path(folder) / "scenario.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def engine_result(data: dict):
    """``evaluate(load_scenario(file))`` of the dict written as a TOML file: the user's route."""
    with tempfile.TemporaryDirectory() as folder:
        return evaluate(load_scenario(write_toml(data, folder)))


def engine_figures(data: dict) -> dict:
    """The engine's figures of the dict, in the reference's shape."""
    result = engine_result(data)
    frame = result.stakeholders
    if "id" not in frame.columns:
        frame = frame.reset_index()
    figures = dict(result.metrics) | {"stakeholders": frame.to_dict("records")}
    return figures | {"projects": result.to_json_dict()["projects"]}


def money_scale(figures: dict) -> float:
    """The size of the money in a scenario, for the rounding allowance on differences."""
    amounts = [abs(figures[key] or 0.0) for key in ("pv_costs", "pv_benefits", "pv_financing")]
    amounts += [abs(b) for b in figures["cash_balance"]]
    for row in figures["stakeholders"]:
        amounts += [abs(row[column]) for column in STAKEHOLDER_COLUMNS]
    return max(amounts)


def mismatches(actual: dict, expected: dict) -> list[str]:
    """Every figure where ``actual`` (engine) and ``expected`` (reference) disagree, as text."""
    money = MONEY_ABSOLUTE + ROUNDING * money_scale(expected)
    problems = []
    for key in METRIC_KEYS:
        if key not in actual:
            problems.append(f"{key}: missing")
        elif not _same(actual[key], expected[key], RATE_ABSOLUTE if key in RATE_KEYS else money):
            problems.append(f"{key}: engine {actual[key]!r} != reference {expected[key]!r}")
    engine_rows = {row["id"]: row for row in actual["stakeholders"]}
    if list(engine_rows) != [row["id"] for row in expected["stakeholders"]]:
        problems.append(f"stakeholders: engine ids {list(engine_rows)}")
    for row in expected["stakeholders"]:
        engine_row = engine_rows.get(row["id"], {})
        for column in ("name", *STAKEHOLDER_COLUMNS):
            if not _same(engine_row.get(column), row[column], money):
                problems.append(
                    f"stakeholders[{row['id']}].{column}: engine {engine_row.get(column)!r}"
                    f" != reference {row[column]!r}"
                )
    # callers that give no projects table compare programmes without projects
    engine_projects = actual.get("projects", [])
    if [row["id"] for row in engine_projects] != [row["id"] for row in expected["projects"]]:
        problems.append(f"projects: engine ids {[row['id'] for row in engine_projects]}")
    for engine_row, row in zip(engine_projects, expected["projects"], strict=False):
        for column, value in row.items():
            absolute = RATE_ABSOLUTE if column == "sroi_ratio" else money
            if not _same(engine_row[column], value, absolute):
                problems.append(
                    f"projects[{row['id']}].{column}: engine {engine_row[column]!r}"
                    f" != reference {value!r}"
                )
    return problems


def _same(actual: object, expected: object, absolute: float) -> bool:
    """None matches None only; booleans and years exactly; floats within tolerance; lists
    element by element."""
    if expected is None or isinstance(expected, bool | str):
        return actual is expected or (isinstance(expected, str) and actual == expected)
    if isinstance(expected, int):
        return isinstance(actual, int) and not isinstance(actual, bool) and actual == expected
    if isinstance(expected, list):
        return (
            isinstance(actual, list | tuple)
            and len(actual) == len(expected)
            and all(_same(a, e, absolute) for a, e in zip(actual, expected, strict=True))
        )
    return (
        isinstance(actual, float | int)
        and not isinstance(actual, bool)
        and math.isclose(actual, expected, rel_tol=RELATIVE, abs_tol=absolute)
    )
