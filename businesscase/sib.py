"""Outcome contracts (social impact bonds): the investor pre-finances, payers pay per result
(docs/methodology.md, "Outcome contracts").

The investor draws ``capital`` in year ``start`` (or ``capital * drawdown[k]`` in year
``start + k``); the drawdowns finance the project. Each metric pays ``price`` per paid-for
outcome of its outcome line: the line's new outcomes in cohort year ``c`` times
``1 - deadweight`` (a comparison group nets out what would have happened anyway), in year
``c + lag``, when the year's count reaches ``threshold``. A contract's payment in a year is the
sum of its metrics' payments; in year order, beyond the horizon included, ``cap`` trims the
cumulative payments first and ``max_irr`` then stops them where the investor's return would pass
it. A trimmed year is split over the metrics in proportion to their untrimmed payments. A
guarantor pays ``guarantee_share`` of the capital not repaid within the horizon in the last year.
Payments go from the payers (and the guarantor) to the investor: transfers, outside the
project's cash and outside social value. All of this applies to a nominal contract's amounts
as written; the division by the price index comes last (:mod:`businesscase.flows`).
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from businesscase import fast
from businesscase.timeline import FloatArray


def _compiled() -> ModuleType | None:
    """The compiled forms of these formulas inside a simulation's chunks (:mod:`fast`;
    :mod:`businesscase.kernels.contract`), else None: the numpy forms below."""
    if fast.kernels() is None:
        return None
    from businesscase.kernels import contract

    return contract


def paid_for_outcomes(cohorts: FloatArray, deadweight: FloatArray) -> FloatArray:
    """Paid-for outcomes per cohort year: new outcomes net of deadweight, shape (D, T).

    Parameters
    ----------
    cohorts : array, shape (D, T)
        New outcomes of the paid-for outcome line per year [outcomes/year].
    deadweight : array, shape (D,)
        The line's deadweight [fraction 0-1].
    """
    return cohorts * (1.0 - deadweight)[:, None]


def raw_payments(
    paid_for: FloatArray, price: FloatArray, threshold: FloatArray, lag: int, years: int
) -> FloatArray:
    """One metric's untrimmed payments by payment year, shape (D, years).

    Parameters
    ----------
    paid_for : array, shape (D, T)
        Paid-for outcomes per cohort year [outcomes].
    price : array, shape (D,)
        Payment per paid-for outcome [EUR].
    threshold : array, shape (D,)
        Minimum paid-for count for a year to pay [outcomes]; counts are not rounded.
    lag : int
        Years between achieving an outcome and its payment [years, >= 0].
    years : int
        Payment years kept, ``>= T + lag``: the horizon and the years beyond it.

    Examples
    --------
    Ten outcomes a year at 100 each, threshold 5, lag 1:

    >>> raw_payments(np.array([[10.0, 4.0, 10.0]]), np.array([100.0]), np.array([5.0]), 1, 4)
    array([[   0., 1000.,    0., 1000.]])
    """
    compiled = _compiled()
    if compiled is not None:
        return compiled.raw_payments(paid_for, price, threshold, lag, years)
    raw = np.where(paid_for >= threshold[:, None], price[:, None] * paid_for, 0.0)
    out = np.zeros((raw.shape[0], years))
    out[:, lag : lag + raw.shape[1]] = raw
    return out


def capped_payments(raw: FloatArray, cap: FloatArray) -> FloatArray:
    """Payments by year after ``cap`` on their cumulative total (the crossing year trimmed).

    Parameters
    ----------
    raw : array, shape (D, Y)
        Untrimmed payments by payment year [EUR].
    cap : array, shape (D,)
        Maximum total of all payments [EUR]; ``inf`` for no cap.

    Examples
    --------
    >>> capped_payments(np.array([[0.0, 1000.0, 0.0, 1000.0]]), np.array([1500.0]))
    array([[   0., 1000.,    0.,  500.]])
    """
    compiled = _compiled()
    if compiled is not None:
        return compiled.capped_payments(raw, cap)
    paid_before = np.cumsum(raw, axis=1) - raw
    return np.clip(cap[:, None] - paid_before, 0.0, raw)


def return_capped_payments(
    payments: FloatArray, drawdowns: FloatArray, max_irr: FloatArray
) -> FloatArray:
    """Payments trimmed so that the investor's return never exceeds ``max_irr``.

    With ``v = 1 / (1 + max_irr)``, the first year ``k`` in which
    ``sum_(t <= k) payment_t v**t - sum_t drawdown_t v**t`` would exceed 0 pays only enough to
    make it 0, and later years pay nothing.

    Parameters
    ----------
    payments : array, shape (D, Y)
        Payments by year, after the cap [EUR].
    drawdowns : array, shape (D, T)
        Capital paid in by the investor by year, ``T <= Y`` [EUR].
    max_irr : array, shape (D,)
        The return cap [fraction per year, >= 0]; ``inf`` for none.

    Examples
    --------
    Capital 1,000 in year 0, 600 paid in years 1 and 2, return capped at 10%: the second
    payment stops where the present value at 10% repays the capital,
    ``(1000 - 600 / 1.1) * 1.1**2 = 550``:

    >>> return_capped_payments(np.array([[0.0, 600.0, 600.0]]), np.array([[1000.0, 0.0, 0.0]]),
    ...                        np.array([0.1])).round(6)
    array([[  0., 600., 550.]])
    """
    capped = np.isfinite(max_irr)
    if not capped.any():
        return payments
    compiled = _compiled()
    if compiled is not None:
        return compiled.return_capped_payments(payments, drawdowns, max_irr)
    rate = np.where(capped, max_irr, 0.0)
    weight = (1.0 / (1.0 + rate))[:, None] ** np.arange(payments.shape[1])[None, :]
    owed = np.sum(drawdowns * weight[:, : drawdowns.shape[1]], axis=1)
    discounted = payments * weight
    before = np.cumsum(discounted, axis=1) - discounted
    with np.errstate(divide="ignore", invalid="ignore"):
        allowed = (owed[:, None] - before) / weight
    allowed = np.nan_to_num(allowed, nan=0.0, posinf=np.inf, neginf=0.0)
    return np.where(capped[:, None], np.clip(allowed, 0.0, payments), payments)


def split_over_metrics(raw: FloatArray, paid: FloatArray) -> FloatArray:
    """Each metric's part of the contract's (trimmed) payments, shape (D, M, Y).

    A trimmed year is split over the metrics in proportion to their untrimmed payments.

    Parameters
    ----------
    raw : array, shape (D, M, Y)
        Untrimmed payments per metric and year [EUR].
    paid : array, shape (D, Y)
        The contract's payments after the cap and the return cap [EUR].
    """
    if raw.shape[1] == 1:
        return paid[:, None, :]
    total = raw.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total[:, None, :] > 0.0, raw / total[:, None, :], 0.0)
    return share * paid[:, None, :]


def guarantee_payment(
    capital: FloatArray, paid_within: FloatArray, share: FloatArray
) -> FloatArray:
    """What the guarantor pays the investor in the last year, shape (D,).

    ``share * max(0, capital - payments within the horizon)``: capital protection.

    >>> guarantee_payment(np.array([1000.0, 1000.0]), np.array([400.0, 1200.0]),
    ...                   np.array([0.5, 0.5]))
    array([300.,   0.])
    """
    return share * np.maximum(capital - paid_within, 0.0)


def breakeven_share(
    paid_for: FloatArray,
    price: FloatArray,
    threshold: FloatArray,
    cap: FloatArray,
    capital: FloatArray,
    lag: int,
    *,
    weights: FloatArray | None = None,
) -> FloatArray:
    """Smallest share ``s >= 0`` of the expected paid-for outcomes that repays the capital.

    Every year's paid-for count is scaled by ``s``; the threshold and the cap apply; only the
    payments within the horizon count, undiscounted (docs/methodology.md, Social impact bond).
    Payments within the horizon come before those beyond it, so their total is ``min(R(s), cap)``
    with ``R(s)`` the untrimmed sum of the years that pay at ``s``. ``R`` is non-decreasing: a year
    ``c`` pays from ``s_c = threshold / paid_for_c`` on, and between these points ``R`` is linear in
    ``s``.

    Parameters
    ----------
    paid_for : array, shape (D, T)
        Expected paid-for outcomes per cohort year [outcomes].
    price, cap, capital : array, shape (D,)
        Contract terms [EUR per outcome, EUR, EUR].
    threshold : array, shape (D,) or (D, T)
        Minimum paid-for count for a year to pay [outcomes], for all years or per year.
    lag : int
        Years between outcome and payment [years].
    weights : array, shape (D, T), optional
        For a nominal contract, the real value of a euro paid in each year,
        ``1 / (1 + inflation) ** t``; ``capital`` is then already real. The cap still applies
        to the payments as written (:func:`weighted_breakeven_share`).

    Returns
    -------
    array, shape (D,)
        The share [fraction, may exceed 1]; NaN where no share repays the capital.
    """
    if weights is not None:
        return weighted_breakeven_share(
            paid_for, price, threshold, cap, capital, lag, weights=weights
        )
    horizon_years = paid_for.shape[1]
    counted = paid_for[:, : max(horizon_years - lag, 0)]
    limit = _per_year(threshold, counted.shape[1])
    compiled = _compiled()
    if compiled is not None:
        return compiled.breakeven_shares(counted, limit, price, cap, capital)
    with np.errstate(divide="ignore", invalid="ignore"):
        pays_from = np.where(
            limit <= 0.0,
            0.0,
            np.where(counted > 0.0, limit / counted, np.inf),
        )
        order = np.argsort(pays_from, axis=1, kind="stable")
        switch_on = np.take_along_axis(pays_from, order, axis=1)
        sorted_counts = np.take_along_axis(counted, order, axis=1)
        paying_total = np.cumsum(sorted_counts, axis=1) * price[:, None]
        reaches = np.where(paying_total > 0.0, capital[:, None] / paying_total, np.inf)
        candidates = np.maximum(switch_on, reaches)
    share = np.min(candidates, axis=1, initial=np.inf)
    share = np.where(capital <= 0.0, 0.0, share)
    share = np.where(cap < capital, np.inf, share)
    return np.where(np.isfinite(share), share, np.nan)


def _per_year(threshold: FloatArray, years: int) -> FloatArray:
    """The threshold of each of the first ``years`` cohort years, shape (D, years) or (D, 1)."""
    return threshold[:, None] if threshold.ndim == 1 else threshold[:, :years]


ROUNDING = 1e-12
"""Relative shortfall of the capital still counted as reached: the rounding of a sum of
payments at a share computed to repay it exactly."""

BREAKEVEN_BLOCK_BYTES = 1 << 24
"""Memory for the pieces of :func:`weighted_breakeven_share` at once [bytes]."""


def weighted_breakeven_share(
    paid_for: FloatArray,
    price: FloatArray,
    threshold: FloatArray,
    cap: FloatArray,
    capital: FloatArray,
    lag: int,
    *,
    weights: FloatArray,
) -> FloatArray:
    """Break-even share of a nominal contract: payments weighted by year, the cap as written.

    The weighted payments within the horizon ``W(s) = sum_c w_(c+lag) pay_c(s)`` are piecewise
    linear in ``s``. Between two shares at which a year starts to pay (``threshold / n_c``) the
    paying years are fixed, and the cumulative payments ``s * price * N(c)`` (``N`` the
    cumulative count of the paying years in year order) reach the cap in one year ``c`` or not
    at all. If in year ``c``, the years before it pay in full, year ``c`` pays the rest of the
    cap and the later years nothing:
    ``W(s) = w_c * cap + s * price * (sum_(j<c) w_j n_j - w_c * N(c-1))`` for
    ``cap / (price * N(c)) <= s < cap / (price * N(c-1))``; if not at all,
    ``W(s) = s * price * sum_c w_c n_c``. Each of these O(T^2) straight pieces gives its
    smallest share reaching the capital in closed form (its start, or where the line crosses
    the capital); the break-even share is the smallest over the pieces. This holds for any
    weights, falling (inflation) or rising (deflation), where ``W`` need not be monotone.

    Parameters and result as :func:`breakeven_share`; ``weights`` has shape (D, T).
    """
    draws, horizon_years = paid_for.shape
    counted = paid_for[:, : max(horizon_years - lag, 0)]
    years = counted.shape[1]
    if years == 0:
        return np.where(capital <= 0.0, 0.0, np.nan)
    weight = weights[:, lag : lag + years]
    limit = _per_year(threshold, years)
    compiled = _compiled()
    if compiled is not None:
        return compiled.weighted_breakeven_shares(counted, limit, weight, price, cap, capital)
    with np.errstate(divide="ignore", invalid="ignore"):
        pays_from = np.where(
            limit <= 0.0,
            0.0,
            np.where(counted > 0.0, limit / counted, np.inf),
        )
    block = max(1, BREAKEVEN_BLOCK_BYTES // (8 * years * (years + 1) * 12))
    share = np.empty(draws)
    for first in range(0, draws, block):
        rows = slice(first, first + block)
        share[rows] = _first_share_reaching(
            counted[rows], pays_from[rows], weight[rows], price[rows], cap[rows], capital[rows]
        )
    return share


def _first_share_reaching(
    counted: FloatArray,
    pays_from: FloatArray,
    weight: FloatArray,
    price: FloatArray,
    cap: FloatArray,
    capital: FloatArray,
) -> FloatArray:
    """:func:`weighted_breakeven_share` for one block of draws.

    Axes of the pieces: draw, paying set ``k`` (the years paying from the ``k``-th smallest
    switch share on), year ``c`` in which the cap is reached, or ``c = T`` for not at all.
    """
    draws = counted.shape[0]
    switch = np.sort(pays_from, axis=1)
    until = np.concatenate([switch[:, 1:], np.full((draws, 1), np.inf)], axis=1)
    paying = pays_from[:, None, :] <= switch[:, :, None]  # (D, k, c)
    euros = np.where(paying, counted[:, None, :] * price[:, None, None], 0.0)  # at s = 1
    real = euros * weight[:, None, :]
    zero = np.zeros((*euros.shape[:2], 1))
    through = np.cumsum(np.concatenate([zero, euros], axis=2), axis=2)  # N(c-1), then N(T-1)
    real_through = np.cumsum(np.concatenate([zero, real], axis=2), axis=2)
    capped = cap[:, None, None]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        reach_cap = capped / through  # the share at which the payments so far reach the cap
        # capped pieces (year c takes the rest of the cap), then the uncapped piece
        low = np.concatenate([reach_cap[:, :, 1:], np.zeros_like(zero)], axis=2)
        high = reach_cap
        level = np.concatenate(
            [np.broadcast_to(weight[:, None, :] * capped, euros.shape), zero], axis=2
        )
        slope = real_through - np.concatenate(
            [weight[:, None, :] * through[:, :, :-1], zero], axis=2
        )
        low = np.maximum(low, switch[:, :, None])
        high = np.minimum(high, until[:, :, None])
        target = capital[:, None, None]
        at_low = level + slope * low
        crossing = (target - level) / slope
        share = np.where(
            at_low >= target * (1.0 - ROUNDING),  # a share computed to reach it may fall short
            low,
            np.where((slope > 0.0) & (crossing <= high), np.maximum(crossing, low), np.inf),
        )
    share = np.where(low < high, share, np.inf)
    share = share.reshape(draws, -1).min(axis=1, initial=np.inf)
    share = np.where(capital <= 0.0, 0.0, share)
    return np.where(np.isfinite(share), share, np.nan)


def contract_breakeven_share(
    paid_for: list[FloatArray],
    price: FloatArray,
    threshold: FloatArray,
    lags: list[int],
    cap: FloatArray,
    capital: FloatArray,
    *,
    weights: FloatArray | None = None,
) -> FloatArray:
    """Break-even share of a contract with one or more metrics, every count scaled by ``s``.

    One metric is :func:`breakeven_share`. With several, each (metric, cohort year) paid
    within the horizon is one payment of ``s * price * count`` from ``s = threshold / count``
    on, in euros at ``s = 1``; in payment-year order the cap applies as for one metric.

    Parameters
    ----------
    paid_for : list of array, shape (D, T) each
        Paid-for outcomes per cohort year of each metric's line [outcomes].
    price, threshold : array, shape (D, M)
        Each metric's price and threshold [EUR per outcome, outcomes].
    lags : list of int
        Each metric's lag [years].
    cap, capital : array, shape (D,)
        The contract's cap and capital (real drawdowns for a nominal contract) [EUR].
    weights : array, shape (D, T), optional
        For a nominal contract, the real value of a euro paid in each year.
    """
    if len(paid_for) == 1:
        return breakeven_share(
            paid_for[0], price[:, 0], threshold[:, 0], cap, capital, lags[0], weights=weights
        )
    horizon = paid_for[0].shape[1]
    pairs = sorted(
        (c + lag, m, c) for m, lag in enumerate(lags) for c in range(max(horizon - lag, 0))
    )
    draws = cap.shape[0]
    metric = np.array([m for _, m, _ in pairs], dtype=int)
    year = np.array([y for y, _, _ in pairs], dtype=int)
    counts = np.zeros((draws, len(pairs)))
    for k, (_, m, c) in enumerate(pairs):
        counts[:, k] = paid_for[m][:, c]
    return breakeven_share(
        counts * price[:, metric],
        np.ones(draws),
        threshold[:, metric] * price[:, metric],
        cap,
        capital,
        0,
        weights=None if weights is None else weights[:, year],
    )
