"""The compiled outcome-contract formulas against the numpy ones (businesscase/kernels/
contract.py; docs/uncertainty.md, "Compiled hot spots"): the same numbers, NaN in the same
draws. Where the arithmetic is the numpy form's step by step the numbers are equal to the bit;
the return cap's discount factors are powers, which may round differently (1e-12)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from businesscase import sib
from businesscase.kernels import contract


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
