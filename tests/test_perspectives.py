"""Society's view and who pays, who benefits (businesscase/perspectives.py): a hand-worked case,
the plain case without honest-value lines, and the property that the views differ by exactly
the transfers on random scenarios."""

from __future__ import annotations

import pytest
from engine_harness import engine_result, money_scale
from hypothesis import given, settings
from strategies import scenarios

from businesscase import evaluate, examples
from businesscase.perspectives import ROWS, value_by_perspective

approx = pytest.approx


def case(**sections) -> dict:
    stakeholders = [
        {"id": "gemeente", "name": "Gemeente", "kind": "public"},
        {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
    ]
    settings_table = {"name": "views", "start_year": 2027, "horizon_years": 2, "discount_rate": 0.0}
    return {"scenario": settings_table, "stakeholders": stakeholders, **sections}


def line(name: str, value: float, **flags) -> dict:
    """An outcome worth ``value`` in year 1 for the residents (or whom ``flags`` say)."""
    return {
        "name": name,
        "quantity": 1,
        "proxy": value,
        "value_type": "social",
        "start": 1,
        "beneficiaries": {"bewoners": 1.0},
    } | flags


def test_a_hand_worked_case_in_both_views():
    # Horizon 2 at 0%. Capex 1,000 in year 0 with a life of 4 (owner gemeente): 1 - 2/4 = 50%
    # left, a residual value of 500. Volunteers 200 in year 1, in kind. Outcomes 1,000, a harm of
    # 100, a saved allowance of 300 that is a transfer to the gemeente.
    # Society: 1,000 - 100 + 500 + 0 = 1,400 of benefits; costs 1,000 + 200; net 200.
    # Who pays, who benefits: 1,400 + 300 = 1,700; net 500.
    data = case(
        costs=[
            {
                "name": "Square",
                "amount": 1000.0,
                "category": "capex",
                "life": 4,
                "owner": "gemeente",
            },
            {
                "name": "Volunteers",
                "amount": 200.0,
                "start": 1,
                "in_kind": True,
                "provider": "bewoners",
            },
        ],
        outcomes=[
            line("Cohesion", 1000.0),
            line("Noise", 100.0, harm=True),
            line("Allowance", 300.0, transfer=True, beneficiaries={"gemeente": 1.0}),
        ],
    )
    table = value_by_perspective(engine_result(data))
    assert list(table.index) == list(ROWS)
    assert table["society"].to_dict() == approx(
        {
            "benefit": 1000.0,
            "harm": -100.0,
            "residual_value": 500.0,
            "transfer": 0.0,
            "benefits": 1400.0,
            "cost": -1000.0,
            "in_kind": -200.0,
            "net": 200.0,
        }
    )
    assert table["stakeholders"].to_dict() == approx(
        table["society"].to_dict() | {"transfer": 300.0, "benefits": 1700.0, "net": 500.0}
    )


def test_a_case_without_honest_value_lines_shows_benefits_and_costs_only():
    # 1,000 of outcomes in year 1, 600 of costs in year 0, at 0%: the same in both views.
    data = case(costs=[{"name": "Coach", "amount": 600.0}], outcomes=[line("Work", 1000.0)])
    table = value_by_perspective(engine_result(data))
    assert list(table.index) == ["benefit", "benefits", "cost", "net"]
    assert table["society"].tolist() == approx([1000.0, 1000.0, -600.0, 400.0])
    assert table["stakeholders"].tolist() == table["society"].tolist()


def test_the_programme_agrees_with_its_figures():
    result = evaluate(examples.load_botu())
    m = result.metrics
    table = value_by_perspective(result)
    assert "harm" not in table.index  # no harms in the examples
    assert table.loc["benefits", "society"] == approx(m["pv_benefits"], rel=1e-12)
    assert table.loc["net", "society"] == approx(m["npv_social"], rel=1e-12)
    assert table.loc["transfer", "stakeholders"] == approx(m["pv_transfers"], rel=1e-12)
    assert table.loc["in_kind", "society"] == approx(-m["pv_in_kind"], rel=1e-12)
    assert table.loc["residual_value", "society"] == approx(m["pv_residual_value"], rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_the_views_differ_by_exactly_the_transfers(data):
    result = engine_result(data)
    m = result.metrics
    table = value_by_perspective(result)
    figures = dict(m) | {"stakeholders": result.stakeholders.to_dict("records")}
    scale = 1e-9 * max(1.0, money_scale(figures), float(table.abs().to_numpy().max()))
    difference = table["stakeholders"] - table["society"]
    transfers = m["pv_transfers"]
    moved = ("transfer", "benefits", "net")
    expected = {row: transfers if row in moved else 0.0 for row in table.index}
    assert difference.to_dict() == approx(expected, abs=scale)
    assert table.loc["benefits", "society"] == approx(m["pv_benefits"], rel=1e-9, abs=scale)
    assert table.loc["net", "society"] == approx(m["npv_social"], rel=1e-9, abs=scale)
    holders = result.stakeholders["pv_benefit"].sum()
    assert table.loc["benefits", "stakeholders"] == approx(holders, rel=1e-9, abs=scale)
    costs = table.loc[[row for row in ("cost", "in_kind") if row in table.index]].sum()
    assert costs.tolist() == approx([-m["pv_costs"]] * 2, rel=1e-9, abs=scale)
