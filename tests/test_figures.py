"""The compiled figures of a simulation's chunk (businesscase/kernels/figures.py) against
:func:`businesscase.metrics.compute_metrics`: the same figures, written straight into the
arrays a simulation keeps (docs/uncertainty.md, "Compiled hot spots")."""

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from strategies import scenarios as scenario_dicts
from test_fused import FUSED_EXAMPLES, HAND_WORKED, assert_same_figures, draws_of

from businesscase import examples, fast, kernels
from businesscase.irr import irr
from businesscase.kernels.figures import _numpy_sum
from businesscase.metrics import (
    SCALAR_METRICS,
    YEAR_METRICS,
    block_totals,
    compute_metrics,
    yearly_series,
)
from businesscase.overflow import (
    FINITE,
    FINITE_OR_NULL,
    QUIET,
    RULES,
    UNCHECKED,
    TooLargeToComputeError,
    check_finite,
)
from businesscase.parameters import compile_parameters
from businesscase.scenario import scenario_from_dict
from businesscase.uncertainty import simulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_scenario  # noqa: E402

OFFSET = 3
"""Columns before the chunk's own in the arrays kept: they must stay as they were."""

EXACT = (
    "cash_balance",
    "min_cash_balance",
    "closes",
    "funding_gap",
    *YEAR_METRICS,
    "social_irr",
    "sib_investor_irr",
    "value_capture_total",
    "loan_outstanding_at_horizon",
    "sib_total_payments",
    "sib_money_multiple",
    "sib_breakeven_share",
    "sib_payments_beyond_horizon",
    "sib_guarantee_payments",
    "sib_trimmed_by_return_cap",
)
"""Figures computed in the reference's order of operations: equal to the last bit."""


def kernel_and_reference(scenario, values, yearly, draws):
    """The figures of one chunk by :func:`kernels.chunk_figures` (as compute_metrics gives
    them) and by compute_metrics, from the same fused flows; whether the kernel's fit."""
    params = compile_parameters(scenario, draws=draws, values=values, yearly=yearly)
    horizon = scenario.settings.horizon_years
    with fast.compiled(), np.errstate(**QUIET):
        flows, lines = kernels.fused_flows(scenario, params)
        kept = np.full((len(SCALAR_METRICS), OFFSET + draws + 2), 7.0)
        balance = np.full((horizon, OFFSET + draws + 2), 7.0)
        fits = kernels.chunk_figures(flows, block_totals(flows, lines), kept, balance, OFFSET)
        flows, lines = kernels.fused_flows(scenario, params)
        reference = compute_metrics(flows, yearly_series(flows, lines))
    untouched = np.r_[0:OFFSET, OFFSET + draws : OFFSET + draws + 2]
    assert (kept[:, untouched] == 7.0).all() and (balance[:, untouched] == 7.0).all()
    found = dict(zip(SCALAR_METRICS, kept[:, OFFSET : OFFSET + draws], strict=True))
    found["closes"] = found["closes"] == 1.0
    found["cash_balance"] = balance[:, OFFSET : OFFSET + draws].T
    expected = {
        name: numbers if numbers.dtype == bool else numbers.astype(float)
        for name, numbers in reference.items()
    }
    return found, expected, fits, flows


@pytest.mark.parametrize(
    "scenario",
    [synthetic_scenario(), *(examples.load_example(name) for name in FUSED_EXAMPLES)],
    ids=["50x30", *FUSED_EXAMPLES],
)
def test_every_figure_of_the_kernel_is_compute_metrics(scenario):
    values, yearly = draws_of(scenario, 400)
    found, expected, fits, _ = kernel_and_reference(scenario, values, yearly, 400)
    assert fits
    assert_same_figures(expected, found)
    for name in EXACT:
        assert np.array_equal(found[name], expected[name], equal_nan=True), name


def test_a_hand_worked_case():
    """Costs 100 and 110, benefits 400, 300 and 170 (a residual value of 80 included), no
    discounting: pv_costs 210, pv_benefits 870, npv 660, SROI 870 / 210; the discounted net
    400 - 100 = 300 is positive from year 0, so the payback year is 0. Cash: a subsidy of 300
    and a loan of 100 in year 0, repaid 50 and 50; balance 300, 140, 90, never short. The
    municipality paid 300 of 400 financing, the bank 100: shares 0.75 and 0.25, HHI 0.625;
    the subsidy ends in year 0 while costs go on in year 1, so the cliff is year 1."""
    scenario = scenario_from_dict(HAND_WORKED, source="hand.toml")
    found, expected, fits, _ = kernel_and_reference(scenario, {}, {}, 1)
    assert fits
    assert_same_figures(expected, found)
    assert found["pv_costs"][0] == pytest.approx(210.0, rel=1e-15)
    assert found["pv_benefits"][0] == pytest.approx(870.0, rel=1e-15)
    assert found["npv_social"][0] == pytest.approx(660.0, rel=1e-15)
    assert found["sroi_ratio"][0] == pytest.approx(870.0 / 210.0, rel=1e-15)
    assert found["payback_year"][0] == 0
    np.testing.assert_allclose(found["cash_balance"][0], [300.0, 140.0, 90.0], rtol=1e-15)
    assert found["closes"][0] and found["first_short_year"][0] == -1
    assert found["largest_funder_share"][0] == pytest.approx(0.75, rel=1e-15)
    assert found["funder_hhi"][0] == pytest.approx(0.625, rel=1e-15)
    assert found["subsidy_cliff_year"][0] == 1


def test_without_financing_the_shares_are_null_and_without_payback_the_year_is_missing():
    """No funding at all: every share of the financing is null, the plan is short of cash
    from year 0 (balance -100, -200), the benefits never catch up (payback -1)."""
    data = {
        "scenario": {"name": "Kaal", "start_year": 2027, "horizon_years": 2, "discount_rate": 0},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Huur", "amount": 100, "duration": 2}],
        "outcomes": [
            {
                "name": "Iets",
                "quantity": 1,
                "proxy": 10,
                "value_type": "social",
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
    }
    found, expected, fits, _ = kernel_and_reference(scenario_from_dict(data), {}, {}, 1)
    assert fits
    assert_same_figures(expected, found)
    for name in ("subsidy_dependence", "largest_funder_share", "funder_hhi", "public_dependence"):
        assert np.isnan(found[name][0]), name
    np.testing.assert_array_equal(found["cash_balance"][0], [-100.0, -200.0])
    assert found["first_short_year"][0] == 0 and found["funding_gap"][0] == 200.0
    assert found["payback_year"][0] == -1
    assert all(np.isnan(found[name][0]) for name in SCALAR_METRICS if name.startswith("sib_"))


@pytest.mark.parametrize("count", [*range(0, 20), 127, 128, 129, 136, 200, 247, 248])
def test_the_sums_over_years_add_as_numpy_does(count):
    rows = np.random.default_rng(count).standard_normal((30, count))
    rows *= 10.0 ** np.random.default_rng(1).integers(-8, 8, rows.shape)
    found = [_numpy_sum(row, 0, count) for row in rows]
    np.testing.assert_array_equal(found, rows.sum(axis=1))


def test_the_rates_are_those_of_irr_with_one_sign_change_or_several():
    """-100, 60, 60 changes sign once: 13.0662% (``-100 + 60 x + 60 x^2 = 0``,
    ``x = 1 / (1 + r)``); -100, 230, -132 twice, with roots at 10% and 20%
    (``-100 + 230 / 1.1 - 132 / 1.21 = 0``), of which irr takes the one nearest to 0; 100,
    100, 100 never: no rate. The compiled rates of the first kind and irr's own of the second
    are irr's of every row, to the bit."""
    rows = np.array([[-100.0, 60.0, 60.0], [-100.0, 230.0, -132.0], [100.0, 100.0, 100.0]])
    rows = np.concatenate([rows, rows[::-1]])
    with fast.compiled():
        found = irr(rows)
    np.testing.assert_array_equal(found, irr(rows))
    assert found[0] == pytest.approx(0.130662, abs=1e-6)
    assert found[1] == pytest.approx(0.1, rel=1e-12)
    assert np.isnan(found[2])


HOSTILE = st.sampled_from((1e150, 1e200, 1e299, 1e306, 1e308))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=scenario_dicts(contracts=True), size=HOSTILE, where=st.integers(0, 3))
def test_random_and_hostile_scenarios_give_compute_metrics_figures(data, size, where):
    """Random valid scenarios, one number made huge (an outcome's proxy, a cost, a funding
    amount or the horizon's discounting): the kernel's figures are compute_metrics', and it
    refuses a chunk exactly when check_finite refuses compute_metrics' figures."""
    section, field = (("outcomes", "proxy"), ("costs", "amount"), ("funding", "amount"))[where % 3]
    if where == 3:
        data["scenario"]["discount_rate"] = -0.95
    elif data.get(section):
        data[section][0][field] = size
    scenario = scenario_from_dict(data, source="random.toml")
    values, yearly = draws_of(scenario, 12, seed=2)
    found, expected, fits, flows = kernel_and_reference(scenario, values, yearly, 12)
    try:
        check_finite(scenario, flows, expected)
    except TooLargeToComputeError:
        event("refused")
        assert not fits
        return
    event("computed")
    assert fits
    assert_same_figures(expected, found)
    for name in EXACT:
        assert np.array_equal(found[name], expected[name], equal_nan=True), name


def test_a_simulation_beyond_float64_names_the_field():
    """A proxy of 1e299 over ten years: the compiled figures overflow, the chunk is computed
    again by the numpy engine, whose error names the outcome."""
    data = {**HAND_WORKED, "outcomes": [{**HAND_WORKED["outcomes"][0], "proxy": 1e299}]}
    data["outcomes"][0]["quantity"] = {"dist": "uniform", "low": 10, "high": 20}
    with pytest.raises(TooLargeToComputeError) as refused:
        simulate(scenario_from_dict(data, source="huge.toml"), 50, seed=1)
    assert refused.value.problems[0].path == "outcomes[0]"


def test_one_draw_beyond_float64_refuses_its_chunk_and_only_that_draw_overflows():
    """Three draws of the hand-worked case with proxies of 50, 1e305 and 50: the middle
    draw's outcome value (10 x 0.8 x 1e305 = 8e305) is beyond 1e300, so the kernel refuses
    the chunk, as check_finite refuses the middle draw alone; without it the chunk fits."""
    scenario = scenario_from_dict(HAND_WORKED, source="hand.toml")
    values = {"outcomes[0].proxy": np.array([50.0, 1e305, 50.0])}
    _, expected, fits, flows = kernel_and_reference(scenario, values, {}, 3)
    assert not fits
    with pytest.raises(TooLargeToComputeError) as refused:
        check_finite(scenario, flows, expected)
    assert refused.value.draws.tolist() == [False, True, False]
    fine = {"outcomes[0].proxy": np.array([50.0, 50.0])}
    assert kernel_and_reference(scenario, fine, {}, 2)[2]


def test_the_overflow_rules_ask_a_number_of_money_figures_and_allow_null_where_it_may_be():
    """A present value must be a number within 1e300, a ratio or a rate may also be null,
    years are not checked, nor the outcome-contract figures of a plan without contracts."""
    for contracts in (False, True):
        rule = dict(zip(SCALAR_METRICS, RULES[contracts], strict=True))
        assert rule["pv_costs"] == rule["min_cash_balance"] == FINITE
        assert rule["sroi_ratio"] == rule["social_irr"] == FINITE_OR_NULL
        assert rule["payback_year"] == rule["first_short_year"] == UNCHECKED
    assert RULES[False][SCALAR_METRICS.index("sib_investor_irr")] == UNCHECKED
    assert RULES[True][SCALAR_METRICS.index("sib_investor_irr")] == FINITE_OR_NULL
    assert RULES[True][SCALAR_METRICS.index("sib_total_payments")] == FINITE
