"""Honest value (docs/methodology.md): additionality on avoided costs, harms, in-kind costs,
residual values, transfers, inflation with nominal contracts, and public money.

Each formula alone and in combination with a number worked out by hand in the comments, checked
on the engine and on the independent reference; then the invariants as hypothesis properties;
then a bad input for every new field.
"""

from __future__ import annotations

import copy
import re

import pytest
from engine_harness import engine_figures, engine_result, mismatches, money_scale
from hypothesis import given, settings
from reference import reference_evaluate
from strategies import scenarios

from businesscase import evaluate, parse_scenario, simulate
from businesscase.scenario import ScenarioError, scenario_from_dict

approx = pytest.approx
IDS = ("gemeente", "bewoners", "fonds", "coop")
KINDS = {"gemeente": "public", "bewoners": "residents", "fonds": "fund", "coop": "other"}


def scenario(horizon: int, rate: float = 0.0, inflation: float | None = None, **sections) -> dict:
    settings_table = {
        "name": "hand-worked",
        "start_year": 2026,
        "horizon_years": horizon,
        "discount_rate": rate,
    }
    if inflation is not None:
        settings_table["inflation"] = inflation
    stakeholders = [{"id": i, "name": i.title(), "kind": KINDS[i]} for i in IDS]
    return {"scenario": settings_table, "stakeholders": stakeholders, **sections}


def both(data: dict) -> dict:
    """The engine's figures, after checking that the reference agrees on every one."""
    figures = engine_figures(data)
    assert mismatches(figures, reference_evaluate(data)) == []
    return figures


def row(figures: dict, stakeholder: str) -> dict:
    return next(r for r in figures["stakeholders"] if r["id"] == stakeholder)


# --- additionality and drop-off on avoided costs -------------------------------------------------


def test_avoided_costs_are_netted_like_outcomes():
    # 100 incidents of 50 euro, 60% prevented: 3,000 a year gross, for 3 years from year 1.
    # Deadweight 20%, displacement 10%, attribution 25%: 3000 * 0.8 * 0.9 * 0.75 = 1,620 in year 1;
    # drop-off 50% a year from the line's start: 810 in year 2, 405 in year 3. At 0%: 2,835.
    line = {
        "name": "Less repair",
        "bearer": "gemeente",
        "incidents": 100,
        "reduction": 0.6,
        "unit_cost": 50.0,
        "start": 1,
        "duration": 3,
        "deadweight": 0.2,
        "displacement": 0.1,
        "attribution": 0.25,
        "drop_off": 0.5,
        "cashable_share": 0.5,
    }
    figures = both(scenario(4, avoided_costs=[line]))
    assert figures["pv_benefits"] == approx(2835.0)
    assert figures["pv_benefits_fiscal"] == approx(2835.0)
    assert row(figures, "gemeente")["pv_cashable_benefit"] == approx(1417.5)
    flows = evaluate(scenario_from_dict(scenario(4, avoided_costs=[line]))).flows
    assert flows["amount"].tolist() == approx([1620.0, 810.0, 405.0])


def test_an_avoided_cost_without_deflators_gets_the_over_claiming_warning():
    line = {"name": "Less repair", "bearer": "gemeente", "incidents": 1, "reduction": 1.0}
    line["unit_cost"] = 10.0
    warnings = engine_result(scenario(2, avoided_costs=[line])).warnings
    assert any("avoided_costs[0] (Less repair)" in w and "over-claiming" in w for w in warnings)
    netted = engine_result(scenario(2, avoided_costs=[line | {"deadweight": 0.1}])).warnings
    assert not any("over-claiming" in w for w in netted)


# --- harms ---------------------------------------------------------------------------------------


def test_a_harm_counts_against_the_benefits_everywhere():
    # Benefit: 10 outcomes of 100 a year in years 0 and 1 (social, to bewoners): 1,000 a year.
    # Harm: 4 nuisances of 50 in years 0 and 1 (social, to bewoners, 50% cashable): 200 a year.
    # Cost 1,500 in year 0. At 0%: benefits 2,000 - 400 = 1,600; NPV 100; SROI 1600/1500.
    # Series benefits - costs: -700, +800: IRR = 800/700 - 1; payback in year 1.
    benefit = {
        "name": "Fewer lonely residents",
        "quantity": 10,
        "proxy": 100.0,
        "value_type": "social",
        "duration": 2,
        "beneficiaries": {"bewoners": 1.0},
    }
    harm = benefit | {
        "name": "Noise at night",
        "quantity": 4,
        "proxy": 50.0,
        "harm": True,
        "cashable_share": 0.5,
    }
    figures = both(
        scenario(2, costs=[{"name": "Staff", "amount": 1500.0}], outcomes=[benefit, harm])
    )
    assert figures["pv_harms"] == approx(400.0)
    assert figures["pv_benefits"] == approx(1600.0)
    assert figures["pv_benefits_social"] == approx(1600.0)
    assert figures["npv_social"] == approx(100.0)
    assert figures["sroi_ratio"] == approx(1600 / 1500)
    assert figures["social_irr"] == approx(800 / 700 - 1)
    assert figures["payback_year"] == 1
    assert row(figures, "bewoners")["pv_benefit"] == approx(1600.0)
    assert row(figures, "bewoners")["pv_cashable_benefit"] == approx(-200.0)


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_a_harm_with_the_numbers_of_a_benefit_cancels_it(data):
    """Every outcome line doubled as a harm: no outcome value is left for society or anyone."""
    data = copy.deepcopy(data)
    data.pop("avoided_costs", None)
    data.pop("sib", None)
    for line in data.get("costs", []):
        line.pop("life", None)
        line.pop("owner", None)
    data["outcomes"] = [o | {"harm": False} for o in data.get("outcomes", [])]
    harms = [o | {"name": o["name"] + " (harm)", "harm": True} for o in data["outcomes"]]
    figures = engine_figures(data | {"outcomes": data["outcomes"] + harms})
    scale = 1e-9 * max(1.0, money_scale(engine_figures(data)))
    for key in ("pv_benefits", "pv_benefits_fiscal", "pv_benefits_economic", "pv_benefits_social"):
        assert figures[key] == approx(0.0, abs=scale), key
    for holder in figures["stakeholders"]:
        assert holder["pv_benefit"] == approx(0.0, abs=scale)
        assert holder["pv_cashable_benefit"] == approx(0.0, abs=scale)


# --- in-kind costs -------------------------------------------------------------------------------


def test_an_in_kind_cost_is_a_social_cost_but_no_cash():
    # Staff 1,000 a year for 2 years, paid in cash; volunteers 500 a year for 2 years, in kind
    # from bewoners. A subsidy of 1,000 in year 0 only. At 0%: pv_costs 3,000, pv_in_kind 1,000.
    # Cash: +1000 - 1000 = 0, then -1000: balance 0, -1000 (the volunteers are no outflow).
    # The cliff: the subsidy stops after year 0 while staff still costs cash: year 1.
    data = scenario(
        2,
        costs=[
            {"name": "Staff", "amount": 1000.0, "duration": 2},
            {
                "name": "Volunteers",
                "amount": 500.0,
                "duration": 2,
                "in_kind": True,
                "provider": "bewoners",
            },
        ],
        funding=[{"name": "City", "funder": "gemeente", "kind": "subsidy", "amount": 1000.0}],
    )
    figures = both(data)
    assert figures["pv_costs"] == approx(3000.0)
    assert figures["pv_in_kind"] == approx(1000.0)
    assert figures["cash_balance"] == approx([0.0, -1000.0])
    assert figures["funding_gap"] == approx(1000.0)
    assert figures["subsidy_cliff_year"] == 1
    assert row(figures, "bewoners")["pv_paid"] == approx(1000.0)
    assert figures["largest_funder_share"] == 1.0  # the provider is no funder
    # Only volunteers after the subsidy: no cash is needed, no cliff.
    data["costs"][0]["duration"] = 1
    assert both(data)["subsidy_cliff_year"] is None
    flows = engine_result(data).flows
    volunteers = flows[flows["line"] == "Volunteers"]
    assert set(volunteers["flow"]) == {"in_kind"} and set(volunteers["stakeholder"]) == {"bewoners"}


# --- residual value ------------------------------------------------------------------------------


def test_panels_with_a_25_year_life_keep_their_value_after_a_10_year_horizon():
    # 100,000 in year 0 and 50,000 in year 2 on panels that last 25 years, owned by coop.
    # After the last year (horizon 10) the first keeps 1 - 10/25 = 60%: 60,000; the second
    # 1 - 8/25 = 68%: 34,000. Residual 94,000 in year 9, economic. At 5%: 94000 / 1.05**9.
    panels = {"name": "Panels", "amount": 100000.0, "category": "capex", "life": 25}
    extension = panels | {"name": "More panels", "amount": 50000.0, "start": 2}
    data = scenario(10, 0.05, costs=[panels | {"owner": "coop"}, extension | {"owner": "coop"}])
    figures = both(data)
    assert figures["pv_residual_value"] == approx(94000 / 1.05**9)
    assert figures["pv_benefits"] == approx(94000 / 1.05**9)
    assert figures["pv_benefits_economic"] == approx(94000 / 1.05**9)
    assert row(figures, "coop")["pv_benefit"] == approx(94000 / 1.05**9)
    assert row(figures, "coop")["pv_cashable_benefit"] == 0.0
    # A life shorter than the years left: nothing remains.
    short = scenario(10, costs=[panels | {"life": 10, "owner": "coop"}])
    assert both(short)["pv_residual_value"] == 0.0
    # In kind and with a life: a residual value too (a donated roof's panels).
    given_panels = panels | {"owner": "coop", "in_kind": True, "provider": "fonds"}
    assert both(scenario(10, costs=[given_panels]))["pv_residual_value"] == approx(60000.0)


# --- transfers -----------------------------------------------------------------------------------


def test_a_transfer_moves_only_the_stakeholder_table():
    # Saved benefit payments: 10 people a year * 1,000 for the municipality (fiscal, cashable),
    # a transfer; the same amount lost by the residents, a transfer harm. Society: nothing.
    saved = {
        "name": "Bijstand bespaard",
        "quantity": 10,
        "proxy": 1000.0,
        "value_type": "fiscal",
        "cashable_share": 1.0,
        "transfer": True,
        "beneficiaries": {"gemeente": 1.0},
    }
    lost = saved | {"name": "Uitkering minder", "harm": True, "beneficiaries": {"bewoners": 1.0}}
    work = saved | {"name": "Werk", "transfer": False, "value_type": "social"}
    figures = both(scenario(1, costs=[{"name": "Coach", "amount": 5000.0}], outcomes=[work, saved]))
    assert figures["pv_benefits"] == approx(10000.0)
    assert figures["pv_benefits_fiscal"] == 0.0
    assert figures["pv_transfers"] == approx(10000.0)
    assert row(figures, "gemeente")["pv_benefit"] == approx(20000.0)
    both_sides = both(scenario(1, outcomes=[saved, lost]))
    assert both_sides["pv_transfers"] == approx(0.0)
    assert both_sides["pv_harms"] == 0.0
    assert row(both_sides, "bewoners")["pv_benefit"] == approx(-10000.0)


SOCIETY_KEYS = (
    "pv_costs",
    "pv_benefits",
    "pv_benefits_fiscal",
    "pv_benefits_economic",
    "pv_benefits_social",
    "npv_social",
    "sroi_ratio",
    "net_sroi_ratio",
    "social_irr",
    "payback_year",
    "pv_harms",
)


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_transfers_leave_society_unchanged_and_move_only_the_stakeholder_table(data):
    """Marking lines as transfers gives the society figures of the scenario without them, and
    the stakeholder table of the scenario with them as ordinary lines."""
    data = copy.deepcopy(data)
    data.pop("sib", None)
    for section in ("outcomes", "avoided_costs"):
        data[section] = [line | {"transfer": False} for line in data.get(section, [])]
    marked = copy.deepcopy(data)
    for section in ("outcomes", "avoided_costs"):
        for line in marked[section][::2]:
            line["transfer"] = True
    without = copy.deepcopy(data)
    for section in ("outcomes", "avoided_costs"):
        without[section] = data[section][1::2]
    figures, plain, society = engine_figures(marked), engine_figures(data), engine_figures(without)
    scale = 1e-9 * max(1.0, money_scale(plain))
    for key in SOCIETY_KEYS:
        if isinstance(society[key], float):
            assert figures[key] == approx(society[key], rel=1e-9, abs=scale), key
        else:
            assert figures[key] == society[key], key
    for ours, theirs in zip(figures["stakeholders"], plain["stakeholders"], strict=True):
        for column in ("pv_benefit", "pv_cashable_benefit", "pv_paid", "pv_received", "net_pv"):
            assert ours[column] == approx(theirs[column], rel=1e-9, abs=scale), column


# --- inflation and nominal contracts ----------------------------------------------------------


def test_an_unindexed_subsidy_falls_short_in_current_euros():
    # Costs 100 a year (real) for 3 years; a subsidy of 102 a year fixed in euros (nominal);
    # inflation 2%. Real subsidy: 102, 100, 98.0392. Net real: 2, 0, -1.9608; in current euros
    # times 1.02**t: 2, 0, -2.04: balance 2, 2, -0.04. Short in year 2 by 4 cents.
    data = scenario(
        3,
        inflation=0.02,
        costs=[{"name": "Staff", "amount": 100.0, "duration": 3}],
        funding=[
            {
                "name": "City",
                "funder": "gemeente",
                "kind": "subsidy",
                "amount": 102.0,
                "duration": 3,
                "nominal": True,
            }
        ],
    )
    figures = both(data)
    assert figures["cash_balance"] == approx([2.0, 2.0, -0.04])
    assert figures["closes"] is False and figures["first_short_year"] == 2
    assert figures["funding_gap"] == approx(0.04)
    assert figures["pv_financing"] == approx(102 + 100 + 102 / 1.02**2)
    # Indexed (not nominal): real 102 every year, always 2 ahead.
    data["funding"][0]["nominal"] = False
    assert both(data)["cash_balance"] == approx([2.0, 2 + 2 * 1.02, 2 + 2 * 1.02 + 2 * 1.0404])


def test_a_nominal_loan_is_repaid_in_the_euros_of_its_contract():
    # A loan of 1,000 at 5% over 2 years, nominal, inflation 10%: annuity 537.80 in years 1
    # and 2 as written. Real: 537.80 / 1.1 and 537.80 / 1.21. The cash balance is in current
    # euros, so it shows the contract's own amounts: 1000, 462.20, -75.61.
    annuity = 1000 * 0.05 / (1 - 1.05**-2)
    data = scenario(
        3,
        inflation=0.1,
        funding=[
            {
                "name": "Bank",
                "funder": "fonds",
                "kind": "loan",
                "amount": 1000.0,
                "interest_rate": 0.05,
                "term": 2,
                "nominal": True,
            }
        ],
    )
    figures = both(data)
    assert figures["cash_balance"] == approx([1000.0, 1000 - annuity, 1000 - 2 * annuity])
    assert row(figures, "fonds")["pv_received"] == approx(annuity / 1.1 + annuity / 1.21)
    # The same loan over 3 years, horizon 3: after 2 repayments the last one is owed; in real
    # terms of the last year: (principal left) / 1.1**2.
    data["funding"][0]["term"] = 3
    annuity3 = 1000 * 0.05 / (1 - 1.05**-3)
    owed = (1000 * 1.05 - annuity3) * 1.05 - annuity3
    assert both(data)["loan_outstanding_at_horizon"] == approx(owed / 1.21)


def test_a_nominal_impact_bond_is_worth_less_in_real_terms():
    # Capital 1,000 in year 0; 10 outcomes in year 0 and year 1 (no deadweight), price 60, lag 1:
    # 600 paid in years 1 and 2 as written. Inflation 20%: real 500 and 416.67. Money multiple
    # (500 + 416.67) / 1000; the break-even share s: 600 s / 1.2 + 600 s / 1.44 = 1000, so
    # s = 1000 / (500 + 416.67) = 1.0909.
    work = {
        "name": "Work",
        "quantity": 10,
        "proxy": 100.0,
        "value_type": "fiscal",
        "duration": 2,
        "deadweight": 0.1,
        "beneficiaries": {"gemeente": 1.0},
    }
    bond = {
        "investor": "fonds",
        "outcome_payer": "gemeente",
        "capital": 1000.0,
        "outcome": "Work",
        "price": 60.0 / 0.9,
        "nominal": True,
    }
    data = scenario(3, inflation=0.2, outcomes=[work], sib=bond)
    figures = both(data)
    real = 600 / 1.2 + 600 / 1.44
    assert figures["sib_total_payments"] == approx(real)
    assert figures["sib_money_multiple"] == approx(real / 1000)
    assert figures["sib_breakeven_share"] == approx(1000 / real)
    # A cap of 900 as written trims the second payment to 300: real 500 + 250.
    capped = both(scenario(3, inflation=0.2, outcomes=[work], sib=bond | {"cap": 900.0}))
    assert capped["sib_total_payments"] == approx(500 + 300 / 1.44)
    # Break-even under the cap: for s <= 0.75 nothing is trimmed, real 916.67 s <= 687.5; up to
    # s = 1.5 the second year gets 900 - 600 s: real 500 s + (900 - 600 s) / 1.44, at most 750;
    # beyond, the first year alone reaches the cap: real 900 / 1.2 = 750. Never 1,000.
    assert capped["sib_breakeven_share"] is None


def test_value_capture_can_be_nominal():
    # 1,000 captured over 2 years from year 1, nominal, inflation 25%: 500 / 1.25 + 500 / 1.5625.
    capture = {
        "name": "Erfpacht",
        "units": 10,
        "base_value": 1000.0,
        "uplift": 0.5,
        "capture_share": 0.2,
        "payer": "coop",
        "start": 1,
        "duration": 2,
        "nominal": True,
    }
    figures = both(scenario(3, inflation=0.25, value_capture=[capture]))
    assert figures["value_capture_total"] == approx(400 + 320)
    assert figures["cash_balance"] == approx([0.0, 500.0, 1000.0])


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_inflation_zero_changes_nothing(data):
    """Inflation 0 with every contract nominal gives the figures of the real scenario."""
    data = copy.deepcopy(data)
    data["scenario"].pop("inflation", None)
    nominal = copy.deepcopy(data)
    nominal["scenario"]["inflation"] = 0.0
    for section in ("value_capture", "funding"):
        for line in nominal.get(section, []):
            line["nominal"] = True
    if "sib" in nominal:
        nominal["sib"]["nominal"] = True
    assert mismatches(engine_figures(nominal), engine_figures(data)) == []


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_all_flags_off_gives_the_figures_of_a_file_without_them(data):
    """Writing every new field at its default changes no figure, to the last digit."""
    defaults = {
        "costs": {"in_kind": False},
        "outcomes": {"harm": False, "transfer": False},
        "avoided_costs": {"transfer": False, "deadweight": 0.0, "displacement": 0.0},
        "value_capture": {"nominal": False},
        "funding": {"nominal": False},
    }
    data = copy.deepcopy(data)
    data["scenario"].pop("inflation", None)
    data.pop("sib", None)
    for section, fields in defaults.items():
        for line in data.get(section, []):
            for key in fields:
                line.pop(key, None)
            if section == "costs" and line.get("provider"):
                line.pop("provider")
    explicit = copy.deepcopy(data)
    explicit["scenario"]["inflation"] = 0.0
    for section, fields in defaults.items():
        for line in explicit.get(section, []):
            line |= fields
    assert engine_figures(explicit) == engine_figures(data)


def test_inflation_and_new_shares_may_be_uncertain():
    text = """
[scenario]
name = "uncertain"
start_year = 2026
horizon_years = 3
inflation = { dist = "uniform", low = 0.0, high = 0.1 }

[[stakeholders]]
id = "gemeente"
name = "Gemeente"
kind = "public"

[[costs]]
name = "Staff"
amount = 100
duration = 3

[[avoided_costs]]
name = "Less repair"
bearer = "gemeente"
incidents = 10
reduction = 0.5
unit_cost = 30
duration = 3
deadweight = { dist = "triangular", low = 0.0, mode = 0.2, high = 0.6 }

[[funding]]
name = "City"
funder = "gemeente"
kind = "subsidy"
amount = 102
duration = 3
nominal = true
"""
    result = simulate(parse_scenario(text), 2000, seed=4)
    summary = result.summary
    # Inflation from 0 to 10%: in some draws the unindexed subsidy still covers year 2, in
    # others it falls short; the avoided cost's deadweight moves the benefits.
    assert 0.0 < result.p_closes < 1.0
    assert summary.loc["pv_benefits", "p5"] < summary.loc["pv_benefits", "p95"]
    assert summary.loc["public_dependence", "mean"] == approx(1.0)


# --- public money --------------------------------------------------------------------------------


def test_public_dependence_counts_every_inflow_from_a_public_stakeholder():
    # 300 budget from gemeente (public, not a subsidy), 100 grant from fonds: public 75%,
    # subsidy dependence 25%. Without inflows: null. Without public inflows: 0.
    funding = [
        {"name": "Budget", "funder": "gemeente", "kind": "budget", "amount": 300.0},
        {"name": "Fund", "funder": "fonds", "kind": "grant", "amount": 100.0},
    ]
    figures = both(scenario(1, funding=funding))
    assert figures["public_dependence"] == approx(0.75)
    assert figures["subsidy_dependence"] == approx(0.25)
    assert both(scenario(1))["public_dependence"] is None
    assert both(scenario(1, funding=funding[1:]))["public_dependence"] == 0.0


# --- all together --------------------------------------------------------------------------------


def test_every_rule_at_once_hand_worked():
    # Horizon 2 at 0%, inflation 10%. Cash cost 1,000 in year 0 (capex, life 4, owner coop:
    # keeps 1 - 2/4 = 50%: residual 500 in year 1). Volunteers 200 in year 1, in kind (bewoners).
    # Outcome 10 * 100 in year 1 (social); harm 2 * 50 in year 1; a transfer of 300 to gemeente.
    # Avoided cost 100 * 0.5 * 10 = 500 in year 1, deadweight 40%: 300.
    # Society: costs 1,200; benefits 500 + 1000 - 100 + 300 = 1,700; NPV 500.
    # Cash: nominal subsidy 1,100 in year 0 (real 1,100) and nothing else: 1100 - 1000 = 100.
    data = scenario(
        2,
        inflation=0.1,
        costs=[
            {"name": "Build", "amount": 1000.0, "category": "capex", "life": 4, "owner": "coop"},
            {
                "name": "Volunteers",
                "amount": 200.0,
                "start": 1,
                "in_kind": True,
                "provider": "bewoners",
            },
        ],
        outcomes=[
            {
                "name": "Cohesion",
                "quantity": 10,
                "proxy": 100.0,
                "value_type": "social",
                "start": 1,
                "beneficiaries": {"bewoners": 1.0},
            },
            {
                "name": "Noise",
                "quantity": 2,
                "proxy": 50.0,
                "value_type": "social",
                "start": 1,
                "harm": True,
                "beneficiaries": {"bewoners": 1.0},
            },
            {
                "name": "Saved allowance",
                "quantity": 1,
                "proxy": 300.0,
                "value_type": "fiscal",
                "start": 1,
                "transfer": True,
                "beneficiaries": {"gemeente": 1.0},
            },
        ],
        avoided_costs=[
            {
                "name": "Repairs",
                "bearer": "gemeente",
                "incidents": 100,
                "reduction": 0.5,
                "unit_cost": 10.0,
                "start": 1,
                "deadweight": 0.4,
            }
        ],
        funding=[
            {
                "name": "City",
                "funder": "gemeente",
                "kind": "subsidy",
                "amount": 1100.0,
                "nominal": True,
            }
        ],
    )
    figures = both(data)
    assert figures["pv_costs"] == approx(1200.0)
    assert figures["pv_benefits"] == approx(1700.0)
    assert figures["npv_social"] == approx(500.0)
    assert figures["pv_harms"] == approx(100.0)
    assert figures["pv_in_kind"] == approx(200.0)
    assert figures["pv_residual_value"] == approx(500.0)
    assert figures["pv_transfers"] == approx(300.0)
    assert figures["public_dependence"] == 1.0
    assert figures["cash_balance"] == approx([100.0, 100.0])
    assert row(figures, "bewoners")["net_pv"] == approx(1000 - 100 - 200)
    assert row(figures, "gemeente")["pv_benefit"] == approx(600.0)
    assert row(figures, "coop")["pv_benefit"] == approx(500.0)


# --- bad input ------------------------------------------------------------------------------------

BASE = scenario(
    3,
    costs=[{"name": "Panels", "amount": 100.0, "category": "capex"}],
    outcomes=[
        {
            "name": "Work",
            "quantity": 1,
            "proxy": 10.0,
            "value_type": "social",
            "beneficiaries": {"bewoners": 1.0},
        }
    ],
    avoided_costs=[
        {"name": "Repair", "bearer": "gemeente", "incidents": 1, "reduction": 0.5, "unit_cost": 1.0}
    ],
    funding=[{"name": "City", "funder": "gemeente", "kind": "subsidy", "amount": 1.0}],
)

BAD = [
    ("scenario", "inflation", -1.0, "scenario.inflation = -1.0", "must be > -1"),
    ("scenario", "inflation", "2%", 'scenario.inflation = "2%"', "must be a number"),
    ("costs", "in_kind", 1, "costs[0].in_kind = 1", "must be true or false"),
    ("costs", "in_kind", True, "costs[0].provider", "is required for an in-kind cost"),
    ("costs", "provider", "bewoners", 'costs[0].provider = "bewoners"', "only an in-kind cost"),
    ("costs", "life", 0, "costs[0].life = 0", "must be >= 1"),
    ("costs", "life", 2.5, "costs[0].life = 2.5", "must be a whole number"),
    ("costs", "life", 25, "costs[0].owner", "is required with life"),
    ("costs", "owner", "coop", 'costs[0].owner = "coop"', "goes with life"),
    ("outcomes", "harm", "yes", 'outcomes[0].harm = "yes"', "must be true or false"),
    ("outcomes", "transfer", 0, "outcomes[0].transfer = 0", "must be true or false"),
    ("avoided_costs", "deadweight", 1.5, "avoided_costs[0].deadweight = 1.5", "between 0 and 1"),
    ("avoided_costs", "drop_off", -0.1, "avoided_costs[0].drop_off = -0.1", "between 0 and 1"),
    ("avoided_costs", "attribution", 2, "avoided_costs[0].attribution = 2", "between 0 and 1"),
    ("avoided_costs", "displacement", True, "avoided_costs[0].displacement = true", "number"),
    ("avoided_costs", "transfer", "no", 'avoided_costs[0].transfer = "no"', "true or false"),
    ("avoided_costs", "harm", True, "avoided_costs[0].harm = true", "unknown field"),
    ("funding", "nominal", "true", 'funding[0].nominal = "true"', "must be true or false"),
]


@pytest.mark.parametrize(("section", "key", "value", "where", "rule"), BAD, ids=[b[3] for b in BAD])
def test_each_new_field_names_path_value_and_rule(section, key, value, where, rule):
    data = copy.deepcopy(BASE)
    target = data[section] if section == "scenario" else data[section][0]
    target[key] = value
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="case.toml")
    lines = caught.value.lines()
    assert any(line.startswith(f"case.toml: {where}") and rule in line for line in lines), lines


def test_cross_field_rules_of_the_new_fields():
    data = copy.deepcopy(BASE)
    data["costs"].append(
        {"name": "Rent", "amount": 1.0, "life": 5, "owner": "coop", "provider": "nobody"}
    )
    data["costs"].append({"name": "Roof", "amount": 1.0, "in_kind": True, "provider": "nobdy"})
    data["value_capture"] = [
        {
            "name": "Lease",
            "units": 1,
            "base_value": 1.0,
            "uplift": 0.1,
            "capture_share": 0.5,
            "payer": "coop",
            "nominal": 1,
        }
    ]
    data["outcomes"][0]["harm"] = True
    data["sib"] = {
        "investor": "fonds",
        "outcome_payer": "gemeente",
        "capital": 1.0,
        "outcome": "Work",
        "price": 1.0,
        "nominal": True,
    }
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="case.toml")
    text = "\n".join(caught.value.lines())
    assert "value_capture[0].nominal = 1: must be true or false" in text
    data["value_capture"][0]["nominal"] = True
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="case.toml")
    text = "\n".join(caught.value.lines())
    assert re.search(r"costs\[1\]\.provider = \"nobody\": only an in-kind cost", text)
    assert re.search(r"costs\[1\]\.life = 5: only a capex cost takes life", text)
    assert re.search(r"costs\[1\]\.owner = \"coop\": only a capex cost takes owner", text)
    assert re.search(r"costs\[2\]\.provider = \"nobdy\": unknown stakeholder id", text)
    assert 'sib.outcome = "Work": names a harm; an impact bond pays only for benefits' in text


def test_closing_the_gap_with_inflation_proposes_current_euros():
    # Costs 100 a year (real) for 3 years, nothing comes in; inflation 10%: the balance in
    # current euros is -100, -210, -331. The municipality benefits (cashable) enough to pay.
    # The proposal's lines are nominal, and the plan then closes in current euros.
    from businesscase.gap import close_the_gap

    benefit = {
        "name": "Savings",
        "quantity": 1,
        "proxy": 1000.0,
        "value_type": "fiscal",
        "duration": 3,
        "cashable_share": 1.0,
        "beneficiaries": {"gemeente": 1.0},
    }
    data = scenario(
        3,
        inflation=0.1,
        costs=[{"name": "Staff", "amount": 100.0, "duration": 3}],
        outcomes=[benefit],
    )
    assert both(data)["cash_balance"] == approx([-100.0, -210.0, -331.0])
    proposal = close_the_gap(scenario_from_dict(data))
    assert proposal.closes
    assert proposal.contributions["amount"].tolist() == [101.0, 110.0, 121.0]
    assert all(line.nominal for line in proposal.scenario.funding)
    assert evaluate(proposal.scenario).metrics["closes"]
    assert proposal.pv_needed == approx(101 + 100 + 100)
