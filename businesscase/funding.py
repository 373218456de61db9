"""Financing of the project's costs: grants, budgets, revenue, contributions and loans.

Non-loan funding brings ``amount * (1 + growth) ** (t - start) * probability`` in each active
year, paid by its ``funder`` (docs/methodology.md). A loan pays out ``amount * probability`` in its
``start`` year and is repaid as an annuity over ``term`` years from ``start + 1``; repayments are
project cash outflows, not social costs, and are cut at the horizon (docs/methodology.md, Project
cash).
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import (
    FloatArray,
    IntArray,
    line_amounts,
    spread_over_years,
    year_offsets,
)


def funding_inflows(
    amount: FloatArray,
    growth: FloatArray,
    probability: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Expected inflow per non-loan funding line and year [EUR], shape (D, L, T).

    Parameters
    ----------
    amount : array, shape (D, L)
        Amount per active year [EUR].
    growth : array, shape (D, L)
        Real annual growth [fraction per year].
    probability : array, shape (D, L)
        Chance that the money actually comes [fraction 0-1].
    start, duration : array of int, shape (L,) or (D, L)
        Active years [years].
    horizon_years : int
        Length of the time axis [years].
    """
    return line_amounts(amount * probability, growth, start, duration, horizon_years)


def annuity_payment(principal: FloatArray, interest_rate: FloatArray, term: IntArray) -> FloatArray:
    """Yearly annuity repayment of a loan (interest plus principal).

    .. math:: A = P \\frac{r}{1 - (1 + r)^{-n}}, \\qquad A = P / n \\text{ when } r = 0

    Equal to ``-numpy_financial.pmt(r, n, P)``.

    Parameters
    ----------
    principal : array, shape (D, L)
        Amount paid out [EUR].
    interest_rate : array, shape (D, L)
        Yearly interest rate [fraction per year, >= 0].
    term : array of int, shape (L,)
        Number of yearly repayments [years, >= 1].

    Returns
    -------
    array, shape (D, L) [EUR per year]

    Examples
    --------
    >>> round(float(annuity_payment(np.array([[100000.0]]), np.array([[0.04]]),
    ...                             np.array([10]))[0, 0]), 2)
    12329.09
    """
    term = np.asarray(term, dtype=float)[None, :]
    zero_rate = interest_rate == 0.0
    safe_rate = np.where(zero_rate, 1.0, interest_rate)
    # 1 - (1 + r)**-n, accurate for tiny r as well
    discounted_term = -np.expm1(-term * np.log1p(safe_rate))
    return np.where(zero_rate, principal / term, principal * (safe_rate / discounted_term))


def loan_schedule(
    amount: FloatArray,
    probability: FloatArray,
    interest_rate: FloatArray,
    start: IntArray,
    term: IntArray,
    horizon_years: int,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Payout, repayments and the principal still owed at the horizon, per loan.

    Parameters
    ----------
    amount : array, shape (D, L)
        Principal [EUR].
    probability : array, shape (D, L)
        Chance that the loan is granted [fraction 0-1]; scales payout, repayments and the
        outstanding principal (expected values, docs/methodology.md).
    interest_rate : array, shape (D, L)
        Yearly interest rate [fraction per year].
    start : array of int, shape (L,)
        Year of the payout [years].
    term : array of int, shape (L,)
        Number of yearly repayments, from ``start + 1`` [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    payout : array, shape (D, L, T)
        Inflow in the start year [EUR].
    repayments : array, shape (D, L, T)
        Annuity outflows in years ``start + 1 .. start + term`` within the horizon [EUR].
    outstanding : array, shape (D, L)
        Principal still owed after the repayments within the horizon, undiscounted [EUR].
    """
    start = np.asarray(start, dtype=np.int64)
    term = np.asarray(term, dtype=np.int64)
    t = year_offsets(horizon_years)
    principal = amount * probability
    payment, outstanding = loan_terms(principal, interest_rate, start, term, horizon_years)
    payout = spread_over_years(principal, t[None, :] == start[:, None])
    repaying = (t[None, :] > start[:, None]) & (t[None, :] <= (start + term)[:, None])
    repayments = spread_over_years(payment, repaying)
    return payout, repayments, outstanding


def loan_terms(
    principal: FloatArray,
    interest_rate: FloatArray,
    start: IntArray,
    term: IntArray,
    horizon_years: int,
) -> tuple[FloatArray, FloatArray]:
    """A loan's yearly annuity and the principal still owed at the horizon.

    Parameters
    ----------
    principal : array, shape (D, L)
        Amount paid out in the start year [EUR].
    interest_rate, start, term, horizon_years
        As in :func:`loan_schedule`.

    Returns
    -------
    payment : array, shape (D, L)
        The annuity, repaid in years ``start + 1 .. start + term`` [EUR per year]
        (:func:`annuity_payment`).
    outstanding : array, shape (D, L)
        Principal still owed after the repayments within the horizon, undiscounted [EUR].

    Examples
    --------
    100,000 at 4% over 10 years from year 0, over a 6-year horizon: five repayments made.

    >>> payment, owed = loan_terms(np.array([[100000.0]]), np.array([[0.04]]), np.array([0]),
    ...                            np.array([10]), 6)
    >>> round(float(owed[0, 0]), 2)
    54886.94
    """
    start = np.asarray(start, dtype=np.int64)
    term = np.asarray(term, dtype=np.int64)
    payment = annuity_payment(principal, interest_rate, term)
    made = np.minimum(term, horizon_years - 1 - start)[None, :]
    compound_minus_one = np.expm1(made * np.log1p(interest_rate))  # (1 + r)**k - 1
    safe_rate = np.where(interest_rate == 0.0, 1.0, interest_rate)
    balance = np.where(
        interest_rate == 0.0,
        principal - payment * made,
        principal * (1.0 + compound_minus_one) - payment * (compound_minus_one / safe_rate),
    )
    outstanding = np.where(made >= term[None, :], 0.0, np.maximum(balance, 0.0))
    return payment, outstanding
