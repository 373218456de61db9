"""Properties of the real engine that hold for every valid scenario (docs/methodology.md,
docs/figures.md).

Unlike the cross-check in ``test_reference.py`` these need no second implementation: they relate
the engine's figures to each other, to a transformed scenario, or to a plain undiscounted total
computed here from the scenario dict.
"""

from __future__ import annotations

import copy
import math

import pytest
from engine_harness import (
    RATE_KEYS,
    YEAR_KEYS,
    engine_figures,
    engine_result,
    money_scale,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import METRIC_KEYS, annuity, base
from strategies import scenarios

from businesscase.vocabulary import CLOSE_TOLERANCE

MONEY_FIELDS = {
    "costs": ("amount",),
    "outcomes": ("proxy",),
    "avoided_costs": ("unit_cost",),
    "value_capture": ("base_value",),
    "funding": ("amount",),
}
SIB_MONEY_FIELDS = ("capital", "price", "cap")
DISTRIBUTION_PARAMETERS = ("low", "mode", "high", "mean", "sd")

SCALED_KEYS = tuple(
    key for key in METRIC_KEYS if key not in (*RATE_KEYS, *YEAR_KEYS, "cash_balance", "closes")
)
"""Money figures: they scale with the money of the scenario."""


def close(actual: float, expected: float, scale: float) -> bool:
    """Equal up to rounding: 1e-9 relative, or 1e-12 of the scenario's money, or 1e-6."""
    return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-6 + 1e-12 * scale)


def scaled(value: object, k: float) -> object:
    if isinstance(value, dict):
        return {key: v * k if key in DISTRIBUTION_PARAMETERS else v for key, v in value.items()}
    return value * k


def scale_money(data: dict, k: float) -> dict:
    """The scenario with every amount of money (not counts, shares or rates) times k."""
    data = copy.deepcopy(data)
    for section, names in MONEY_FIELDS.items():
        for line in data.get(section, []):
            for name in names:
                line[name] = scaled(line[name], k)
    sib = data.get("sib", {})
    for name in SIB_MONEY_FIELDS:
        if name in sib:
            sib[name] = scaled(sib[name], k)
    return data


def with_all_outcomes(data: dict, **fields) -> dict:
    data = copy.deepcopy(data)
    for outcome in data.get("outcomes", []):
        outcome.update(fields)
    return data


def undiscounted_totals(data: dict) -> tuple[float, float, float]:
    """(costs, in-kind costs, inflows - loan repayments) over the horizon, without discounting
    and without inflation (the file's inflation is ignored).

    Counted per line as n active years of a geometric series, where n is how many years of the
    line fall within the horizon; loans as payout minus k annuity payments.
    """
    horizon = data["scenario"]["horizon_years"]

    def years(line: dict) -> int:
        return max(0, min(line.get("duration", 1), horizon - line.get("start", 0)))

    def series(amount: float, line: dict) -> float:
        growth = base(line.get("growth", 0.0))
        return sum(amount * (1 + growth) ** j for j in range(years(line)))

    costs = sum(series(base(line["amount"]), line) for line in data.get("costs", []))
    in_kind = sum(
        series(base(line["amount"]), line)
        for line in data.get("costs", [])
        if line.get("in_kind", False)
    )
    net_inflows = 0.0
    for line in data.get("value_capture", []):
        total = math.prod(base(line[f]) for f in ("units", "base_value", "uplift", "capture_share"))
        net_inflows += total * years(line) / line.get("duration", 1)
    for line in data.get("funding", []):
        amount = base(line["amount"]) * base(line.get("probability", 1.0))
        if line["kind"] != "loan":
            net_inflows += series(amount, line)
            continue
        yearly = annuity(amount, base(line["interest_rate"]), line["term"])
        repaid = min(line["term"], horizon - 1 - line.get("start", 0))
        net_inflows += amount - yearly * repaid
    if "sib" in data:
        net_inflows += base(data["sib"]["capital"])
    return costs, in_kind, net_inflows


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.floats(0.1, 10.0))
def test_money_scales_linearly(data, k):
    """PV is linear: k times every amount gives k times every money figure, the same ratios."""
    before, after = engine_figures(data), engine_figures(scale_money(data, k))
    scale = k * money_scale(before)
    for key in SCALED_KEYS:
        if before[key] is None:
            assert after[key] is None, key
        else:
            assert close(after[key], k * before[key], scale), key
    for t, balance in enumerate(before["cash_balance"]):
        assert close(after["cash_balance"][t], k * balance, scale), t
    for key in RATE_KEYS:
        if before[key] is None:
            assert after[key] is None, key
        else:
            assert after[key] == pytest.approx(before[key], rel=1e-9, abs=1e-8), key
    assert after["subsidy_cliff_year"] == before["subsidy_cliff_year"]


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_figures_are_consistent(data):
    figures = engine_figures(data)
    scale = money_scale(figures)
    # figures.md: "`npv_social` | `pv_benefits - pv_costs`"
    assert close(figures["npv_social"], figures["pv_benefits"] - figures["pv_costs"], scale)
    by_type = sum(figures[f"pv_benefits_{kind}"] for kind in ("fiscal", "economic", "social"))
    assert close(by_type, figures["pv_benefits"], scale)
    # Every euro of benefit goes to a beneficiary (shares sum to 1), a bearer or an owner; the
    # stakeholders also hold the transfers, which society leaves out.
    benefits = sum(row["pv_benefit"] for row in figures["stakeholders"])
    assert close(benefits, figures["pv_benefits"] + figures["pv_transfers"], scale)
    # figures.md: "`net_pv = pv_benefit + pv_received - pv_paid`"
    for row in figures["stakeholders"]:
        net = row["pv_benefit"] + row["pv_received"] - row["pv_paid"]
        assert close(row["net_pv"], net, scale), row["id"]
    # figures.md: closes "when `min_cash_balance >= -0.005`"; funding_gap "`max(0,
    # -min_cash_balance)`"; first_short_year "first `t` with a balance below -0.005; null when it
    # closes".
    balances = figures["cash_balance"]
    assert figures["min_cash_balance"] == min(balances)
    assert figures["closes"] is (figures["min_cash_balance"] >= -CLOSE_TOLERANCE)
    assert figures["funding_gap"] >= 0
    assert figures["funding_gap"] == max(0.0, -figures["min_cash_balance"])
    short = [t for t, balance in enumerate(balances) if balance < -CLOSE_TOLERANCE]
    assert figures["first_short_year"] == (short[0] if short else None)
    assert (figures["first_short_year"] is None) is figures["closes"]


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_last_cash_balance_is_the_undiscounted_total(data):
    """Without inflation the last balance is what came in less what went out in cash (costs
    given in kind are no cash)."""
    data = copy.deepcopy(data)
    data["scenario"].pop("inflation", None)
    figures = engine_figures(data)
    costs, in_kind, net_inflows = undiscounted_totals(data)
    expected = net_inflows - (costs - in_kind)
    assert close(figures["cash_balance"][-1], expected, money_scale(figures))


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_zero_discount_rate_makes_pv_the_plain_sum(data):
    data = copy.deepcopy(data)
    data["scenario"]["discount_rate"] = 0.0
    result = engine_result(data)
    figures = result.metrics
    costs, _, _ = undiscounted_totals(data)
    scale = max(costs, figures["pv_financing"], figures["pv_benefits"])
    assert close(figures["pv_costs"], costs, scale)
    assert close(figures["value_capture_pv"], figures["value_capture_total"], scale)
    flows = result.flows
    assert all(
        close(pv, amount, scale) for pv, amount in zip(flows["pv"], flows["amount"], strict=True)
    )


@pytest.mark.parametrize("share", ["deadweight", "attribution"])
@settings(max_examples=25, deadline=None)
@given(data=scenarios())
def test_a_full_share_elsewhere_leaves_no_outcome_value(share, data):
    """Deadweight 1 (all would have happened anyway) or attribution 1 (all owed to others):
    no outcome value for anyone."""
    data = with_all_outcomes(data, **{share: 1.0})
    data.pop("avoided_costs", None)
    for cost in data.get("costs", []):  # a residual value is a benefit, but no outcome's
        cost.pop("life", None)
        cost.pop("owner", None)
    figures = engine_figures(data)
    assert figures["pv_benefits"] == pytest.approx(0.0, abs=1e-9)
    assert all(row["pv_benefit"] == pytest.approx(0.0, abs=1e-9) for row in figures["stakeholders"])
    if share == "deadweight" and "sib" in data:
        assert figures["sib_total_payments"] == pytest.approx(0.0, abs=1e-9)
