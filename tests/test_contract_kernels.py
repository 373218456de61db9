"""The compiled outcome-contract formulas against the numpy ones (businesscase/kernels/
contract.py; docs/uncertainty.md, "Compiled hot spots"): the same numbers, NaN in the same
draws. Where the arithmetic is the numpy form's step by step the numbers are equal to the bit;
the return cap's discount factors are powers, which may round differently (1e-12)."""

from dataclasses import fields

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from strategies import scenarios as scenario_dicts

from businesscase import fast, sib
from businesscase.distributions import base_value
from businesscase.flows import contract_flows, paid_lines, price_index
from businesscase.kernels import contract
from businesscase.parameters import compile_parameters, numeric_inputs
from businesscase.scenario import scenario_from_dict


def floats(shape, low, high, *, zero=True):
    """Arrays of normal floats, with exact zeros mixed in (no outcomes, no threshold)."""
    element = st.floats(low, high, allow_subnormal=False)
    return hnp.arrays(
        np.float64, shape, elements=st.one_of(st.just(0.0), element) if zero else element
    )


@st.composite
def contracts(draw):
    """Draws of one metric's paid-for outcomes and a contract's terms."""
    draws, years = draw(st.integers(1, 6)), draw(st.integers(1, 14))
    lag = draw(st.integers(0, 3))
    paid_for = draw(floats((draws, years), 0.5, 80.0))
    price = draw(floats((draws,), 1.0, 9_000.0, zero=False))
    threshold = draw(st.one_of(floats((draws,), 0.1, 60.0), floats((draws, years), 0.1, 60.0)))
    cap = draw(
        hnp.arrays(np.float64, draws, elements=st.one_of(st.just(np.inf), st.floats(100.0, 1e6)))
    )
    capital = draw(floats((draws,), 100.0, 1e6))
    inflation = draw(hnp.arrays(np.float64, draws, elements=st.floats(-0.05, 0.2)))
    weights = (1.0 + inflation[:, None]) ** -np.arange(years, dtype=float)
    return paid_for, price, threshold, cap, capital, lag, weights


def numpy_and_compiled(function, *args, **kwargs):
    return getattr(sib, function)(*args, **kwargs), getattr(contract, function)(*args, **kwargs)


@settings(max_examples=200, deadline=None)
@given(terms=contracts())
def test_payments_and_their_cap_compiled_are_the_numpy_forms_to_the_bit(terms):
    paid_for, price, _, cap, _, lag, _ = terms
    threshold = paid_for[:, 0] * 0.9
    years = paid_for.shape[1] + lag
    expected, found = numpy_and_compiled("raw_payments", paid_for, price, threshold, lag, years)
    np.testing.assert_array_equal(found, expected)
    expected, found = numpy_and_compiled("capped_payments", expected, cap)
    np.testing.assert_array_equal(found, expected)


@settings(max_examples=200, deadline=None)
@given(
    terms=contracts(),
    max_irr=st.lists(st.one_of(st.just(np.inf), st.floats(0.0, 0.5)), min_size=6, max_size=6),
)
def test_the_return_cap_compiled_is_the_numpy_form(terms, max_irr):
    paid_for, price, _, _, capital, lag, _ = terms
    draws, years = paid_for.shape
    payments = paid_for * price[:, None]
    drawdowns = np.zeros((draws, max(years - lag, 1)))
    drawdowns[:, 0] = capital
    rate = np.array(max_irr[:draws])
    expected, found = numpy_and_compiled("return_capped_payments", payments, drawdowns, rate)
    np.testing.assert_allclose(found, expected, rtol=1e-12, atol=1e-9 * capital.max())


@settings(max_examples=300, deadline=None)
@given(terms=contracts())
def test_the_breakeven_share_compiled_is_the_numpy_form_to_the_bit(terms):
    paid_for, price, threshold, cap, capital, lag, _ = terms
    counted = paid_for[:, : max(paid_for.shape[1] - lag, 0)]
    limit = threshold[:, None] if threshold.ndim == 1 else threshold[:, : counted.shape[1]]
    expected = sib.breakeven_share(paid_for, price, threshold, cap, capital, lag)
    found = contract.breakeven_shares(counted, limit, price, cap, capital)
    np.testing.assert_array_equal(found, expected)


@settings(max_examples=300, deadline=None)
@given(terms=contracts())
def test_the_nominal_breakeven_share_compiled_is_the_numpy_form_to_the_bit(terms):
    paid_for, price, threshold, cap, capital, lag, weights = terms
    years = paid_for.shape[1] - lag
    if years <= 0:  # nothing paid within the horizon: answered before any kernel
        return
    limit = threshold[:, None] if threshold.ndim == 1 else threshold[:, :years]
    expected = sib.weighted_breakeven_share(
        paid_for, price, threshold, cap, capital, lag, weights=weights
    )
    found = contract.weighted_breakeven_shares(
        paid_for[:, :years], limit, weights[:, lag : lag + years], price, cap, capital
    )
    np.testing.assert_array_equal(found, expected)


def test_tied_years_are_taken_in_year_order_as_numpy_does():
    """Years that start paying at the same share are summed in year order (a stable sort),
    so the sums round as the numpy form's: 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1."""
    paid_for = np.array([[0.1, 0.2, 0.3, 0.0]])  # no threshold: every year pays from 0
    price, cap, capital = np.array([3.0]), np.array([np.inf]), np.array([1.8])
    expected = sib.breakeven_share(paid_for, price, np.array([0.0]), cap, capital, lag=0)
    found = contract.breakeven_shares(paid_for, np.zeros((1, 1)), price, cap, capital)
    np.testing.assert_array_equal(found, expected)
    assert found[0] == 1.8 / ((0.1 + 0.2 + 0.3 + 0.0) * 3.0) != 1.8 / ((0.3 + 0.2 + 0.1) * 3.0)


# --- Every contract of a fused chunk at once (contract.chunk_contracts) ------------------------


def contract_flows_both_ways(scenario, params, cohorts, values):
    """:func:`businesscase.flows.contract_flows` as the fused chunks called it (inside
    :func:`businesscase.fast.compiled`) and :func:`contract.chunk_contracts`, from the same
    rows of the outcome lines paid for."""
    paid = paid_lines(scenario)
    index = price_index(params.inflation, scenario.settings.horizon_years)
    with fast.compiled():
        expected = contract_flows(
            scenario,
            params,
            {line: cohorts[:, k] for k, line in enumerate(paid)},
            {line: values[:, k] for k, line in enumerate(paid)},
            index,
        )
        found = contract.chunk_contracts(scenario, params, cohorts, values, index)
    return expected, found


def assert_identical(expected, found):
    """Every array of the contracts, the payers' value and the blocks equal to the bit (the
    sign of a zero too), NaN in the same places; every label the same."""
    (want_contracts, want_value, want_blocks), (contracts, value, blocks) = expected, found
    np.testing.assert_array_equal(value, want_value)
    np.testing.assert_array_equal(np.signbit(value), np.signbit(want_value))  # -0.0 too
    pairs = [*zip(want_contracts, contracts, strict=True), *zip(want_blocks, blocks, strict=True)]
    for want, got in pairs:
        for field in fields(want):
            a, b = getattr(want, field.name), getattr(got, field.name)
            if isinstance(a, np.ndarray):
                assert a.shape == b.shape, field.name
                np.testing.assert_array_equal(b, a, err_msg=field.name)
                if a.dtype.kind == "f":
                    np.testing.assert_array_equal(np.signbit(b), np.signbit(a), field.name)
            else:
                assert a == b, field.name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=scenario_dicts(with_sib=True, contracts=True), seed=st.integers(0, 2**16))
def test_every_contract_of_a_chunk_compiled_is_contract_flows_to_the_bit(data, seed):
    """Random contracts (one to three, several metrics and payers, lags, drawdowns, caps,
    return caps, guarantees, nominal ones with inflation) with their inputs drawn, and hostile
    rows of the lines paid for: no outcomes, a few, huge ones, values of either sign."""
    scenario = scenario_from_dict(data, source="random.toml")
    draws, horizon = 7, scenario.settings.horizon_years
    rng = np.random.default_rng(seed)
    values = {
        path: base_value(written) * rng.uniform(0.0, 2.0, draws)
        for path, written in numeric_inputs(scenario).items()
    }
    params = compile_parameters(scenario, draws=draws, values=values)
    shape = (draws, len(paid_lines(scenario)), horizon)
    scale = 10.0 ** rng.integers(-3, 12, shape)
    cohorts = np.where(rng.random(shape) < 0.3, 0.0, rng.uniform(0.0, 50.0, shape) * scale)
    worth = rng.normal(0.0, 1e4, shape) * scale
    assert_identical(*contract_flows_both_ways(scenario, params, cohorts, worth))


def test_a_hand_worked_contract_through_the_compiled_chunk():
    """Capital 1,000 in year 0; 10, 0, 20 and 12 outcomes in years 0-3 with a deadweight of
    1/4 are 7.5, 0, 15 and 9 paid for; at 100 each above a threshold of 8, paid a year later:
    nothing for year 0 (7.5 < 8), 1,500 in year 3 and 900 beyond the horizon; a cap of 2,000
    trims the 900 to 500 (not a return cap's trim: that is none). The guarantor pays half the
    capital not repaid within the horizon: none. Half the line's value of 50 a year belongs to
    the payer, 40% of it cashable: 10 a year. Break-even: the share that makes the years paid
    within the horizon (15 in year 2, paid in year 3) repay 1,000 at 100 each: 1,000 / 1,500
    = 2/3, above the threshold's 8 / 15."""
    data = {
        "scenario": {"name": "Hand", "start_year": 2027, "horizon_years": 4},
        "stakeholders": [
            {"id": "gemeente", "name": "Gemeente", "kind": "public"},
            {"id": "bank", "name": "Bank", "kind": "investor"},
        ],
        "outcomes": [
            {
                "name": "Werk",
                "quantity": 10.0,
                "proxy": 100.0,
                "deadweight": 0.25,
                "cashable_share": 0.4,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 0.5, "bank": 0.5},
            }
        ],
        "sib": {
            "investor": "bank",
            "outcome_payer": "gemeente",
            "capital": 1000.0,
            "outcome": "Werk",
            "price": 100.0,
            "threshold": 8.0,
            "cap": 2000.0,
            "guarantor": "gemeente",
            "guarantee_share": 0.5,
        },
    }
    scenario = scenario_from_dict(data, source="hand.toml")
    params = compile_parameters(scenario)
    cohorts = np.array([[[10.0, 0.0, 20.0, 12.0]]])
    values = np.full((1, 1, 4), 50.0)
    index = price_index(params.inflation, 4)
    with fast.compiled():
        (bond,), payer_value, blocks = contract.chunk_contracts(
            scenario, params, cohorts, values, index
        )
    np.testing.assert_array_equal(bond.drawdowns, [[1000.0, 0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(bond.payments, [[0.0, 0.0, 0.0, 1500.0]])
    assert bond.payments_beyond[0] == 500.0 and bond.trimmed_by_return_cap[0] == 0.0
    assert bond.guarantee[0] == 0.0
    assert bond.breakeven[0] == 1000.0 / 1500.0
    np.testing.assert_allclose(payer_value, [[10.0] * 4], rtol=1e-15)
    np.testing.assert_array_equal(bond.payer_value, payer_value)
    assert [block.flow for block in blocks] == ["financing", "outcome_payment", "guarantee_payment"]
    np.testing.assert_array_equal(blocks[1].amounts, bond.payments[:, None, :])
