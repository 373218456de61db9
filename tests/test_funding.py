"""Funding and loans (docs/methodology.md)."""

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from businesscase.funding import annuity_payment, funding_inflows, loan_schedule


def test_funding_is_scaled_by_probability_and_grows():
    inflows = funding_inflows(
        np.array([[100000.0]]),
        np.array([[0.02]]),
        np.array([[0.5]]),
        np.array([0]),
        np.array([3]),
        4,
    )
    assert_allclose(inflows[0, 0], [50000, 51000, 52020, 0])


def test_loan_annuity_hand_worked():
    # 100,000 at 4% over 10 years: A = 100000 * 0.04 / (1 - 1.04**-10) = 12,329.09
    payout, repayments, outstanding = loan_schedule(
        np.array([[100000.0]]),
        np.array([[1.0]]),
        np.array([[0.04]]),
        np.array([1]),
        np.array([10]),
        6,
    )
    assert_allclose(payout[0, 0], [0, 100000, 0, 0, 0, 0])
    assert_allclose(repayments[0, 0], [0, 0] + [12329.094433586] * 4)
    # after 4 repayments: 100000 * 1.04**4 - A * (1.04**4 - 1) / 0.04
    #   = 116,985.86 - 12,329.09 * 4.246464 = 64,630.80
    assert_allclose(outstanding[0, 0], 64630.8003, rtol=1e-8)
    assert_allclose(outstanding[0, 0], npf.fv(0.04, 4, -12329.094433586, 100000) * -1, rtol=1e-9)


def test_interest_free_loan_and_probability():
    payout, repayments, outstanding = loan_schedule(
        np.array([[60000.0]]),
        np.array([[0.5]]),
        np.array([[0.0]]),
        np.array([0]),
        np.array([3]),
        10,
    )
    assert_allclose(payout[0, 0, 0], 30000)
    assert_allclose(repayments[0, 0, 1:4], [10000] * 3)
    assert repayments[0, 0, 4:].sum() == 0
    assert outstanding[0, 0] == 0


def test_loan_paid_out_in_the_last_year_is_owed_in_full():
    _, repayments, outstanding = loan_schedule(
        np.array([[5000.0]]), np.array([[1.0]]), np.array([[0.03]]), np.array([4]), np.array([5]), 5
    )
    assert repayments.sum() == 0
    assert_allclose(outstanding[0, 0], 5000)


# numpy_financial.pmt returns inf for rates below ~1e-16; ours stays at principal / term
rates = st.one_of(st.just(0.0), st.floats(1e-6, 0.3))


@given(principal=st.floats(1, 1e7), rate=rates, term=st.integers(1, 40))
def test_annuity_equals_numpy_financial_pmt(principal, rate, term):
    expected = -npf.pmt(rate, term, principal)
    got = annuity_payment(np.array([[principal]]), np.array([[rate]]), np.array([term]))[0, 0]
    assert got == pytest.approx(expected, rel=1e-9)


@given(principal=st.floats(1, 1e7), rate=st.floats(0, 0.3), term=st.integers(1, 40))
def test_repayments_within_term_repay_principal_at_pv(principal, rate, term):
    horizon = term + 1
    _, repayments, outstanding = loan_schedule(
        np.array([[principal]]),
        np.array([[1.0]]),
        np.array([[rate]]),
        np.array([0]),
        np.array([term]),
        horizon,
    )
    pv = sum(repayments[0, 0, t] / (1 + rate) ** t for t in range(horizon))
    assert pv == pytest.approx(principal, rel=1e-9)
    assert outstanding[0, 0] == 0
