"""The test oracle: hand-worked numbers for the reference, then the engine checked against it.

Part (a) makes the reference trustworthy: every figure below is worked out by hand in the
comments. Part (b) runs the real public API (``load_scenario`` + ``evaluate``) and part (c) the
command line on random valid scenarios, and compares every docs/figures.md figure with the
reference.
"""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
import tempfile

import numpy_financial as npf
import pytest
from engine_harness import (
    engine_figures,
    mismatches,
    write_toml,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import (
    METRIC_KEYS,
    annuity,
    base,
    irr,
    reference_evaluate,
)
from strategies import scenarios

STAKEHOLDERS = ("gemeente", "bewoners", "investeerder", "bank")


def scenario(horizon: int, rate: float = 0.0, **sections) -> dict:
    """A hand-written scenario over ``horizon`` years with the four stakeholders above."""
    return {
        "scenario": {
            "name": "hand-worked",
            "start_year": 2026,
            "horizon_years": horizon,
            "discount_rate": rate,
        },
        "stakeholders": [{"id": i, "name": i.title(), "kind": "other"} for i in STAKEHOLDERS],
        **sections,
    }


def row(figures: dict, stakeholder: str) -> dict:
    return next(r for r in figures["stakeholders"] if r["id"] == stakeholder)


approx = pytest.approx


# --- (a) hand-worked numbers for the reference ------------------------------------------------


def one_cohort() -> dict:
    # One cohort of 10 outcomes at 100, deadweight 20%, attribution 25%, lasting 3 years with a
    # drop-off of 50%: 10 * 100 * 0.8 * 0.75 = 600 in year 0, 300 in year 1, 150 in year 2.
    # At 10%: PV = 600 + 300/1.1 + 150/1.21 = (72600 + 33000 + 15000)/121 = 120600/121.
    # The investment is 1000 in year 0: NPV = -400/121, SROI = 120600/121000.
    outcome = {
        "name": "Work",
        "quantity": 10,
        "proxy": 100.0,
        "value_type": "social",
        "deadweight": 0.2,
        "attribution": 0.25,
        "drop_off": 0.5,
        "lasts": 3,
        "cashable_share": 0.4,
        "beneficiaries": {"gemeente": 0.75, "bewoners": 0.25},
    }
    return scenario(3, 0.1, costs=[{"name": "Coaching", "amount": 1000.0}], outcomes=[outcome])


def test_one_cohort_sroi():
    figures = reference_evaluate(one_cohort())
    assert figures["pv_costs"] == approx(1000.0)
    assert figures["pv_benefits"] == approx(120600 / 121)
    assert figures["pv_benefits_social"] == approx(120600 / 121)
    assert figures["pv_benefits_fiscal"] == figures["pv_benefits_economic"] == 0.0
    assert figures["npv_social"] == approx(-400 / 121)
    assert figures["sroi_ratio"] == approx(120600 / 121000)
    assert figures["net_sroi_ratio"] == approx(-400 / 121000)
    # Series -400, 300, 150: -400 y^2 + 300 y + 150 = 0 with y = 1 + r.
    assert figures["social_irr"] == approx((300 + math.sqrt(300**2 + 4 * 400 * 150)) / 800 - 1)
    # Cumulative discounted: -400, -127.3, -3.3: never paid back.
    assert figures["payback_year"] is None
    # 75% of the value to the municipality, 40% of that cashable.
    assert row(figures, "gemeente")["pv_benefit"] == approx(0.75 * 120600 / 121)
    assert row(figures, "gemeente")["pv_cashable_benefit"] == approx(0.3 * 120600 / 121)
    assert row(figures, "bewoners")["net_pv"] == approx(0.25 * 120600 / 121)
    # No financing at all: short by 1000 from year 0 on.
    assert figures["cash_balance"] == [-1000.0] * 3
    assert figures["closes"] is False
    assert figures["funding_gap"] == 1000.0
    assert figures["first_short_year"] == 0
    assert figures["pv_financing"] == 0.0
    assert figures["subsidy_dependence"] is figures["largest_funder_share"] is None
    assert figures["funder_hhi"] is figures["sib_total_payments"] is None
    assert set(figures) == {*METRIC_KEYS, "stakeholders", "sib_contracts", "projects"}


def growing_cohorts(horizon: int) -> dict:
    # Cohorts in years 1 and 2; quantity doubles per cohort (growth 100%): 10 and 20 outcomes
    # at 1 each, lasting 2 years with 50% drop-off. Cohort 1: 10 in year 1, 5 in year 2.
    # Cohort 2: 20 in year 2, 10 in year 3 (cut when the horizon ends after year 2).
    outcome = {
        "name": "Cohesion",
        "quantity": 10.0,
        "proxy": 1.0,
        "value_type": "economic",
        "drop_off": 0.5,
        "lasts": 2,
        "start": 1,
        "duration": 2,
        "growth": 1.0,
        "beneficiaries": {"bewoners": 1.0},
    }
    return scenario(horizon, outcomes=[outcome])


@pytest.mark.parametrize(("horizon", "values"), [(4, [0, 10, 25, 10]), (3, [0, 10, 25])])
def test_drop_off_over_growing_cohorts(horizon, values):
    figures = reference_evaluate(growing_cohorts(horizon))
    assert figures["pv_benefits_economic"] == approx(sum(values))
    assert figures["pv_costs"] == 0.0
    assert figures["sroi_ratio"] is figures["net_sroi_ratio"] is None
    assert figures["social_irr"] is None  # all benefits: no sign change
    assert figures["payback_year"] == 0


def annuity_loan() -> dict:
    # A principal of 2000 with a 50% chance: expected payout 1000 in year 0. At 10% over 2 years
    # the annuity is 1000 * 0.1 / (1 - 1.1**-2) = 12100/21 = 576.19. Only year 1 falls within
    # the 2-year horizon; still owed after it: 1000 * 1.1 - 12100/21 = 11000/21.
    loan = {
        "name": "Bank",
        "funder": "bank",
        "kind": "loan",
        "amount": 2000.0,
        "probability": 0.5,
        "interest_rate": 0.1,
        "term": 2,
    }
    return scenario(2, funding=[loan])


def test_loan_annuity_cut_at_the_horizon():
    figures = reference_evaluate(annuity_loan())
    assert figures["cash_balance"] == approx([1000.0, 1000.0 - 12100 / 21])
    assert figures["loan_outstanding_at_horizon"] == approx(11000 / 21)
    assert figures["pv_financing"] == approx(1000.0)
    assert figures["pv_costs"] == 0.0  # repayments are no social cost
    assert row(figures, "bank")["pv_paid"] == approx(1000.0)
    assert row(figures, "bank")["pv_received"] == approx(12100 / 21)
    assert figures["subsidy_dependence"] == 0.0
    assert figures["largest_funder_share"] == figures["funder_hhi"] == 1.0


@settings(max_examples=100, deadline=None)
@given(st.floats(1e-6, 0.5), st.integers(1, 40), st.floats(1.0, 1e7))
def test_annuity_is_numpy_financial_pmt(rate, term, principal):
    assert annuity(principal, rate, term) == approx(-npf.pmt(rate, term, principal), rel=1e-9)


@pytest.mark.parametrize("rate", [5e-324, 1e-300, 1e-16, 1e-12, 1e-9])
def test_annuity_at_tiny_rates(rate):
    # pmt gives infinity (below about 1e-16) or loses digits here. To first order in the rate
    # the annuity is P/n * (1 + (n + 1)/2 * rate): 1e7 over 30 years is 333333.33 plus a hair.
    expected = 1e7 / 30 * (1 + 31 / 2 * rate)
    assert annuity(1e7, rate, 30) == approx(expected, rel=1e-14)


def interest_free_loan(start: int) -> dict:
    loan = {
        "name": "Fund",
        "funder": "bank",
        "kind": "loan",
        "amount": 900.0,
        "interest_rate": 0.0,
        "term": 3,
        "start": start,
    }
    return scenario(10, funding=[loan])


@pytest.mark.parametrize(
    ("start", "outstanding", "repaid"),
    [
        (8, 600.0, [300.0]),  # 900 over 3 years at 0%: 300 in year 9, 600 still owed
        (9, 900.0, []),  # paid out in the last year: owed in full
        (0, 0.0, [300.0] * 3),  # repaid in years 1-3
    ],
)
def test_loan_without_interest(start, outstanding, repaid):
    figures = reference_evaluate(interest_free_loan(start))
    assert figures["loan_outstanding_at_horizon"] == approx(outstanding, abs=1e-9)
    assert row(figures, "bank")["pv_received"] == approx(sum(repaid))
    assert figures["cash_balance"][-1] == approx(900.0 - sum(repaid))


SIB_OUTCOME = {
    # 10 outcomes growing 50% a year over years 0-3: 10, 15, 22.5, 33.75; with 20% deadweight the
    # paid-for counts are 8, 12, 18, 27. Value 100 each, one year: 800, 1200, 1800, 2700 = 6500.
    "name": "Work",
    "quantity": 10.0,
    "proxy": 100.0,
    "value_type": "fiscal",
    "deadweight": 0.2,
    "growth": 0.5,
    "duration": 4,
    "cashable_share": 0.5,
    "beneficiaries": {"gemeente": 0.6, "bewoners": 0.4},
}


def sib_scenario(**terms) -> dict:
    sib = {
        "investor": "investeerder",
        "outcome_payer": "gemeente",
        "capital": 2000.0,
        "outcome": "Work",
        "price": 100.0,
    } | terms
    return scenario(5, outcomes=[SIB_OUTCOME], sib=sib)


def test_sib_with_lag_threshold_and_cap():
    # Threshold 10: year 0 (8 paid-for) pays nothing. Payments 1200 (c=1), 1800 (c=2), 2700
    # (c=3) fall 2 years later, in years 3, 4 and 5. Cap 3500: 1200 + 1800 = 3000, then 2700 is
    # trimmed to 500, and year 5 is beyond the 5-year horizon.
    figures = reference_evaluate(sib_scenario(threshold=10.0, cap=3500.0, lag=2))
    assert figures["sib_total_payments"] == approx(3000.0)
    assert figures["sib_payments_beyond_horizon"] == approx(500.0)
    assert figures["sib_money_multiple"] == approx(1.5)
    # Capital 2000 in year 0, payments 1200 and 1800 in years 3 and 4: one sign change.
    expected_irr = npf.irr([-2000.0, 0.0, 0.0, 1200.0, 1800.0])
    assert figures["sib_investor_irr"] == approx(expected_irr)
    # The payer gets 60% of 6500, half of it cashable (1950), and pays 3000.
    assert figures["sib_payer_net_pv"] == approx(1950.0 - 3000.0)
    assert row(figures, "gemeente")["pv_paid"] == approx(3000.0)
    assert row(figures, "gemeente")["pv_benefit"] == approx(0.6 * 6500)
    assert row(figures, "investeerder")["pv_paid"] == approx(2000.0)
    assert row(figures, "investeerder")["pv_received"] == approx(3000.0)
    # Breakeven: at share s a year pays once s * count >= 10. Within the horizon only c=1
    # (count 12, pays from s = 10/12) and c=2 (count 18, from s = 10/18) count. For s in
    # [10/18, 10/12) only c=2 pays: 1800 s <= 1000 < 2000. From s = 10/12 both pay 3000 s =
    # 2500 >= 2000 at once: the smallest s is 10/12.
    assert figures["sib_breakeven_share"] == approx(10 / 12)
    # The capital is the only inflow and the payments are transfers outside the project's cash.
    assert figures["cash_balance"] == [2000.0] * 5
    assert figures["pv_benefits"] == approx(6500.0)


def test_sib_cap_below_one_payment():
    # The first payment (800 in year 1, lag 1) is trimmed to the cap of 500; nothing follows.
    # 500 can never return a capital of 2000: no breakeven share.
    figures = reference_evaluate(sib_scenario(cap=500.0))
    assert figures["sib_total_payments"] == approx(500.0)
    assert figures["sib_payments_beyond_horizon"] == 0.0
    assert figures["sib_breakeven_share"] is None


def test_sib_without_cap_or_lag():
    # Every year pays in its own year: 800 + 1200 + 1800 + 2700 = 6500; the investor breaks even
    # at 2000 / 6500 of the expected outcomes.
    figures = reference_evaluate(sib_scenario(lag=0))
    assert figures["sib_total_payments"] == approx(6500.0)
    assert figures["sib_breakeven_share"] == approx(2000 / 6500)
    assert figures["sib_investor_irr"] == approx(npf.irr([-1200.0, 1200, 1800, 2700, 0]))


def inflation_of(data: dict) -> float:
    return base(data["scenario"].get("inflation", 0.0))


def paid_within_horizon(data: dict, share: float) -> float:
    """SIB payments within the horizon when `share` of the expected outcomes are achieved (real:
    a nominal contract's payments divided by the price index)."""
    fewer = copy.deepcopy(data)
    outcome = next(o for o in fewer["outcomes"] if o["name"] == data["sib"]["outcome"])
    outcome["quantity"] = base(outcome["quantity"]) * share
    return reference_evaluate(fewer)["sib_total_payments"]


@settings(max_examples=100, deadline=None)
@given(scenarios(with_sib=True))
def test_breakeven_share_is_the_smallest_that_returns_the_capital(data):
    # Checked by brute force: at s the payments reach the capital, a hair below s they do not.
    share = reference_evaluate(data)["sib_breakeven_share"]
    capital = base(data["sib"]["capital"])
    if data["sib"].get("nominal", False):
        capital /= (1 + inflation_of(data)) ** data["sib"].get("start", 0)
    if share is None:
        assert paid_within_horizon(data, 1e6) < capital * (1 - 1e-12)
    else:
        # a hair above s: at s itself threshold / count * count may round just below threshold
        assert paid_within_horizon(data, share * (1 + 1e-12)) >= capital * (1 - 1e-12)
        assert share == 0 or paid_within_horizon(data, share * (1 - 1e-9)) < capital


def short_from_year_two() -> dict:
    # Costs 100 a year for 4 years; a subsidy of 250 in year 0 and revenue of 50 in year 3.
    # Balances: 150, 50, -50, -100: short from year 2, 100 must still be found. The subsidy stops
    # after year 0 while costs go on: the cliff is year 1.
    return scenario(
        4,
        costs=[{"name": "Staff", "amount": 100.0, "duration": 4}],
        funding=[
            {"name": "City", "funder": "gemeente", "kind": "subsidy", "amount": 250.0},
            {"name": "Sales", "funder": "bewoners", "kind": "revenue", "amount": 50.0, "start": 3},
        ],
    )


def test_does_not_close_and_its_first_short_year():
    figures = reference_evaluate(short_from_year_two())
    assert figures["cash_balance"] == [150.0, 50.0, -50.0, -100.0]
    assert figures["min_cash_balance"] == -100.0
    assert figures["closes"] is False
    assert figures["funding_gap"] == 100.0
    assert figures["first_short_year"] == 2
    assert figures["subsidy_cliff_year"] == 1
    assert figures["pv_financing"] == 300.0
    assert figures["subsidy_dependence"] == approx(250 / 300)
    assert figures["largest_funder_share"] == approx(250 / 300)
    assert figures["funder_hhi"] == approx((250**2 + 50**2) / 300**2)
    assert row(figures, "bewoners")["pv_paid"] == 50.0


def granted(cost: float) -> dict:
    return scenario(
        1,
        costs=[{"name": "Staff", "amount": cost}],
        funding=[{"name": "City", "funder": "gemeente", "kind": "grant", "amount": 100.0}],
    )


@pytest.mark.parametrize(
    ("cost", "closes", "first_short_year"),
    [(100.004, True, None), (100.006, False, 0)],
)
def test_half_a_cent_tolerance(cost, closes, first_short_year):
    figures = reference_evaluate(granted(cost))
    assert figures["closes"] is closes
    assert figures["first_short_year"] == first_short_year
    assert figures["funding_gap"] == approx(cost - 100.0)
    assert figures["subsidy_cliff_year"] is None  # no year after the grant


def avoided(amount: float, start: int) -> dict:
    return {
        "name": "Repairs",
        "bearer": "gemeente",
        "incidents": 1.0,
        "reduction": 1.0,
        "unit_cost": amount,
        "start": start,
    }


PAYBACKS = [
    # Cumulative -100, -40, 20.
    ([(100.0, 0)], [(60.0, 1), (60.0, 2)], 2),
    # Cumulative 150, -50, 50: positive, dips, recovers; it stays >= 0 only from year 2.
    ([(200.0, 1)], [(150.0, 0), (100.0, 2)], 2),
    # Cumulative -100, 0, 0: exactly 0 counts.
    ([(100.0, 0)], [(100.0, 1)], 1),
    # Cumulative -100, -50, -1: never.
    ([(100.0, 0)], [(50.0, 1), (49.0, 2)], None),
]


def paying_back(costs: list[tuple[float, int]], benefits: list[tuple[float, int]]) -> dict:
    """One-year costs and avoided costs as (amount, year) pairs over 3 years at 0%."""
    return scenario(
        3,
        costs=[{"name": "Work", "amount": a, "start": s} for a, s in costs],
        avoided_costs=[avoided(a, s) for a, s in benefits],
    )


@pytest.mark.parametrize(("costs", "benefits", "payback"), PAYBACKS)
def test_payback_year(costs, benefits, payback):
    assert reference_evaluate(paying_back(costs, benefits))["payback_year"] == payback


def prevention_and_capture() -> dict:
    # Avoided: 10 incidents * 50% * 100 * probability 0.5 = 250, growing 10%: 250 in year 1,
    # 275 in year 2; bearer gemeente, fiscal by default, fully cashable by default.
    # Value capture: 10 * 1000 * 0.1 * 0.5 = 500 spread over 4 years from year 2: 125 in years 2
    # and 3 within the horizon. Funding 100 growing 10% with probability 0.5 from year 1: 50, 55.
    # At 10%: avoided PV = 250/1.1 + 275/1.21 = 2*250/1.1; capture PV = 125/1.21 + 125/1.331.
    return scenario(
        4,
        0.1,
        avoided_costs=[
            {
                "name": "Repairs",
                "bearer": "gemeente",
                "incidents": 10,
                "reduction": 0.5,
                "unit_cost": 100.0,
                "probability": 0.5,
                "growth": 0.1,
                "start": 1,
                "duration": 2,
            }
        ],
        value_capture=[
            {
                "name": "Lease",
                "units": 10,
                "base_value": 1000.0,
                "uplift": 0.1,
                "capture_share": 0.5,
                "payer": "bewoners",
                "start": 2,
                "duration": 4,
            }
        ],
        funding=[
            {
                "name": "Fund",
                "funder": "gemeente",
                "kind": "budget",
                "amount": 100.0,
                "growth": 0.1,
                "probability": 0.5,
                "start": 1,
                "duration": 2,
            }
        ],
    )


def test_avoided_costs_value_capture_and_growing_funding():
    figures = reference_evaluate(prevention_and_capture())
    assert figures["pv_benefits_fiscal"] == approx(500 / 1.1)
    assert row(figures, "gemeente")["pv_cashable_benefit"] == approx(500 / 1.1)
    assert figures["value_capture_total"] == approx(250.0)
    assert figures["value_capture_pv"] == approx(125 / 1.21 + 125 / 1.331)
    assert row(figures, "bewoners")["pv_paid"] == approx(125 / 1.21 + 125 / 1.331)
    assert figures["cash_balance"] == approx([0.0, 50.0, 230.0, 355.0])
    assert figures["subsidy_dependence"] == 0.0
    assert figures["subsidy_cliff_year"] is None  # no subsidy or grant at all


def with_distributions() -> dict:
    # Triangular -> mode 2, uniform -> midpoint 0.5, normal -> mean 100; the discount rate is
    # left out, so the Dutch standard 2.25% applies to the cost of 100 in year 1.
    data = scenario(
        2,
        costs=[
            {"name": "Staff", "amount": {"dist": "normal", "mean": 100.0, "sd": 10.0}, "start": 1}
        ],
        avoided_costs=[
            {
                "name": "Repairs",
                "bearer": "gemeente",
                "incidents": {"dist": "triangular", "low": 1, "mode": 2, "high": 5},
                "reduction": {"dist": "uniform", "low": 0.25, "high": 0.75},
                "unit_cost": 10.0,
            }
        ],
    )
    del data["scenario"]["discount_rate"]
    return data


def test_distributions_use_base_values_and_defaults_apply():
    figures = reference_evaluate(with_distributions())
    assert figures["pv_costs"] == approx(100 / 1.0225)
    assert figures["pv_benefits"] == approx(10.0)


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ([-100.0, 110.0], 0.1),
        ([-1.0, 2.3, -1.32], 0.1),  # -(y - 1.1)(y - 1.2): roots 10% and 20%, 10% is closer to 0
        ([-1.0, 2.05, -1.045], -0.05),  # -(y - 0.95)(y - 1.1): roots -5% and 10%
        ([0.0, -100.0, 0.0, 121.0], 0.1),  # a leading zero changes nothing
        ([1.0, 2.0], None),  # no sign change
        ([0.0, 0.0], None),
        ([1.0, -1.0, 1.0], None),  # y^2 - y + 1 has no real root
        ([-1.0, 1e-15], 1e-15 - 1),  # -1 + 1e-15 / y = 0: y = 1e-15
        ([-1.0, 1e-17], None),  # y = 1e-17: r = -1 + 1e-17 is -1.0 in floating point, not > -1
        ([1e-300, 0.0, -1.0], 1e150 - 1),  # y**2 = 1e300: no overflow on the way there
        ([-1.0, 0.0, 1e-20, 0.0], 1e-10 - 1),  # -y**3 + 1e-20 y: the root y = 0 is no rate
    ],
)
def test_irr_hand_worked(series, expected):
    assert irr(series) == (None if expected is None else approx(expected))


@settings(max_examples=100, deadline=None)
@given(
    st.floats(-1e6, -1e4),  # returns up to 100 times the outlay: rates up to about 10000%
    st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 1e6)), min_size=1, max_size=29).filter(
        lambda returns: max(returns) > 0
    ),
)
def test_irr_agrees_with_numpy_financial_on_one_sign_change(outlay, returns):
    # One sign change: exactly one root r > -1 (Descartes), which numpy_financial also finds.
    # numpy_financial takes np.roots unpolished (a few 1e-9 off at times); ours is polished.
    assert irr([outlay, *returns]) == approx(npf.irr([outlay, *returns]), rel=1e-7, abs=1e-8)


# --- (b) the engine's public API against the reference ----------------------------------------


def assert_engine_agrees(data: dict) -> None:
    problems = mismatches(engine_figures(data), reference_evaluate(data))
    assert not problems, "\n".join(problems)


HAND_WORKED = {
    "one cohort": one_cohort(),
    "growing cohorts": growing_cohorts(4),
    "growing cohorts cut": growing_cohorts(3),
    "annuity loan": annuity_loan(),
    **{f"interest-free loan from {start}": interest_free_loan(start) for start in (0, 8, 9)},
    "sib lag threshold cap": sib_scenario(threshold=10.0, cap=3500.0, lag=2),
    "sib cap below one payment": sib_scenario(cap=500.0),
    "sib without cap or lag": sib_scenario(lag=0),
    "short from year 2": short_from_year_two(),
    "just closes": granted(100.004),
    "just short": granted(100.006),
    **{
        f"payback {i}": paying_back(costs, benefits)
        for i, (costs, benefits, _) in enumerate(PAYBACKS)
    },
    # Regressions: minimal scenarios where the engine and the reference once disagreed.
    "sib returning almost nothing": scenario(
        2,
        outcomes=[
            {
                "name": "Work",
                "quantity": 1.0,
                "proxy": 0.0,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
        sib={
            "investor": "investeerder",
            "outcome_payer": "gemeente",
            "capital": 1.0,
            "outcome": "Work",
            "price": 1e-17,
        },
    ),
    "loan at the smallest positive rate": scenario(
        30,
        funding=[
            {
                "name": "Bank",
                "funder": "bank",
                "kind": "loan",
                "amount": 1e7,
                "interest_rate": 5e-324,
                "term": 7,
                "start": 26,
            }
        ],
    ),
    "prevention and capture": prevention_and_capture(),
    "distributions": with_distributions(),
}
"""The scenarios worked out by hand in part (a)."""


@pytest.mark.parametrize("data", HAND_WORKED.values(), ids=HAND_WORKED.keys())
def test_engine_agrees_on_hand_worked_scenarios(data):
    assert_engine_agrees(data)


ROOT_AT_MINUS_ONE = scenario(
    13,
    costs=[{"name": "Start", "amount": 1.0}, {"name": "Dust", "amount": 1e-250, "start": 12}],
    avoided_costs=[avoided(40.6, 1)],
)
"""Series -1, 40.6, 0, ..., 0, -1e-250: roots r = 39.6 and r = -1 + 1e-23, which is -1.0 in
floating point and so not a rate > -1: both say 39.6 (the engine once reported -1.0)."""


def test_engine_skips_a_root_that_rounds_to_minus_one():
    assert_engine_agrees(ROOT_AT_MINUS_ONE)


EXTREME_RATES = {
    # Series 1e-133, 0, -1: y**2 = 1e133, r = 10**66.5 - 1 = 3.16e66 (the engine once said
    # 1.6e63: its Newton steps only halved 1 / y before they ran out).
    "irr of 3e66": scenario(
        3, costs=[{"name": "C", "amount": 1.0, "start": 2}], avoided_costs=[avoided(1e-133, 0)]
    ),
}
"""Valid but absurd magnitudes, where the IRR's root lies many orders of magnitude from the
rates the engine first looks at."""


@pytest.mark.parametrize("data", EXTREME_RATES.values(), ids=EXTREME_RATES.keys())
def test_engine_irr_at_extreme_magnitudes(data):
    assert_engine_agrees(data)


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_engine_agrees_with_reference(data):
    assert_engine_agrees(data)


@settings(max_examples=60, deadline=None)
@given(scenarios(with_sib=True))
def test_engine_agrees_with_reference_on_impact_bonds(data):
    assert_engine_agrees(data)


# --- (c) the command line against the reference -----------------------------------------------


@settings(max_examples=10, deadline=None)
@given(scenarios())
def test_cli_json_agrees_with_reference(data):
    from typer.testing import CliRunner

    from businesscase.cli import app

    with tempfile.TemporaryDirectory() as folder:
        path = write_toml(data, folder)
        outcome = CliRunner().invoke(app, ["evaluate", str(path), "--json"])
    assert outcome.exit_code == 0, outcome.output
    problems = mismatches(json.loads(outcome.stdout), reference_evaluate(data))
    assert not problems, "\n".join(problems)


def test_installed_command_json_agrees_with_reference(tmp_path):
    # The real entry point in a fresh interpreter, as a user's script would call it.
    data = HAND_WORKED["sib lag threshold cap"]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "businesscase",
            "evaluate",
            str(write_toml(data, tmp_path)),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    problems = mismatches(json.loads(run.stdout), reference_evaluate(data))
    assert not problems, "\n".join(problems)
