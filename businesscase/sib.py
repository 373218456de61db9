"""Social impact bond: investor pre-finances, outcome payer pays per result (docs/methodology.md).

``capital`` finances the project in year ``start``, paid by the investor. Paid-for outcomes in
cohort year ``c`` are the outcome line's new outcomes times ``1 - deadweight`` (a comparison
group nets out what would have happened anyway). A year pays ``price * paid_for`` when its count
reaches ``threshold``, in year ``c + lag``, until the cumulative payments reach ``cap`` (the
payment that crosses it is trimmed). Payments go from the outcome payer to the investor:
transfers, outside the project's cash and outside social value.
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import FloatArray


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


def outcome_payments(
    paid_for: FloatArray,
    price: FloatArray,
    threshold: FloatArray,
    cap: FloatArray,
    lag: int,
) -> tuple[FloatArray, FloatArray]:
    """Outcome payments by payment year within the horizon, and their total beyond it.

    Only horizon-sized arrays are built, whatever the lag: a payment for cohort year ``c``
    falls in year ``c + lag``, within the horizon when ``c < T - lag``.

    Parameters
    ----------
    paid_for : array, shape (D, T)
        Paid-for outcomes per cohort year [outcomes].
    price : array, shape (D,)
        Payment per paid-for outcome [EUR].
    threshold : array, shape (D,)
        Minimum paid-for count for a year to pay [outcomes]; counts are not rounded.
    cap : array, shape (D,)
        Maximum total of all payments [EUR]; ``inf`` for no cap.
    lag : int
        Years between achieving an outcome and its payment [years, >= 0].

    Returns
    -------
    within : array, shape (D, T)
        Payment in year ``t`` of the horizon [EUR].
    beyond : array, shape (D,)
        Sum of the payments falling beyond the horizon [EUR].

    Examples
    --------
    Ten outcomes a year at 100 each, threshold 5, cap 1,500, lag 1 (the 500 of the last year
    falls beyond the horizon):

    >>> outcome_payments(np.array([[10.0, 4.0, 10.0]]), np.array([100.0]), np.array([5.0]),
    ...                  np.array([1500.0]), 1)
    (array([[   0., 1000.,    0.]]), array([500.]))
    """
    raw = np.where(paid_for >= threshold[:, None], price[:, None] * paid_for, 0.0)
    paid_before = np.cumsum(raw, axis=1) - raw
    trimmed = np.clip(cap[:, None] - paid_before, 0.0, raw)
    horizon_years = trimmed.shape[1]
    paid_in_horizon = max(horizon_years - lag, 0)
    within = np.zeros_like(trimmed)
    within[:, horizon_years - paid_in_horizon :] = trimmed[:, :paid_in_horizon]
    return within, trimmed[:, paid_in_horizon:].sum(axis=1)


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
    price, threshold, cap, capital : array, shape (D,)
        SIB terms [EUR per outcome, outcomes, EUR, EUR].
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
    with np.errstate(divide="ignore", invalid="ignore"):
        pays_from = np.where(
            threshold[:, None] <= 0.0,
            0.0,
            np.where(counted > 0.0, threshold[:, None] / counted, np.inf),
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


ROUNDING = 1e-12
"""Relative shortfall of the capital still counted as reached: the rounding of a sum of
payments at a share computed to repay it exactly."""

BREAKEVEN_BLOCK_BYTES = 1 << 24
"""Memory for the candidate shares of :func:`weighted_breakeven_share` at once [bytes]."""


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
    linear in ``s``. Their pieces end where a year starts to pay (``threshold / n_c``) or where
    the cumulative payments reach the cap (``cap / (price * N)`` for a cumulative count ``N``
    of the years paying by then), and an uncapped last piece reaches the capital at
    ``capital / (price * sum of w n)``. ``W`` is evaluated at all these candidates, from
    the right and from the left; the smallest ``s`` with ``W(s) >= capital`` lies on the first
    candidate that reaches it, or on the straight piece just before it. This holds for any
    weights, falling (inflation) or rising (deflation).

    Parameters and result as :func:`breakeven_share`; ``weights`` has shape (D, T).
    """
    draws, horizon_years = paid_for.shape
    counted = paid_for[:, : max(horizon_years - lag, 0)]
    years = counted.shape[1]
    if years == 0:
        return np.where(capital <= 0.0, 0.0, np.nan)
    weight = weights[:, lag : lag + years]
    with np.errstate(divide="ignore", invalid="ignore"):
        pays_from = np.where(
            threshold[:, None] <= 0.0,
            0.0,
            np.where(counted > 0.0, threshold[:, None] / counted, np.inf),
        )
    candidates = years * (years + 2) + 1
    block = max(1, BREAKEVEN_BLOCK_BYTES // (8 * candidates * years * 4))
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
    """:func:`weighted_breakeven_share` for one block of draws."""
    draws, years = counted.shape
    switch = np.sort(pays_from, axis=1)
    paying = pays_from[:, None, :] <= switch[:, :, None]  # (D, k, c): paying once switch k is on
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        cumulative = np.cumsum(counted[:, None, :] * paying, axis=2) * price[:, None, None]
        cap_points = (cap[:, None, None] / cumulative).reshape(draws, -1)
        weighted = np.sum(counted[:, None, :] * paying * weight[:, None, :], axis=2)
        reach_points = capital[:, None] / (price[:, None] * weighted)
    points = np.concatenate([np.zeros((draws, 1)), switch, cap_points, reach_points], axis=1)
    points = np.where(np.isfinite(points) & (points >= 0.0), points, np.inf)
    points.sort(axis=1)

    def weighted_total(share: FloatArray, *, left: bool) -> FloatArray:
        on = (
            pays_from[:, None, :] < share[:, :, None]
            if left
            else (pays_from[:, None, :] <= share[:, :, None])
        )
        with np.errstate(invalid="ignore"):
            raw = np.where(on, share[:, :, None] * counted[:, None, :] * price[:, None, None], 0.0)
        raw = np.nan_to_num(raw, nan=0.0, posinf=np.inf)
        before = np.cumsum(raw, axis=2) - raw
        paid = np.clip(cap[:, None, None] - before, 0.0, raw)
        paid = np.where(np.isfinite(paid), paid, 0.0)
        return np.sum(paid * weight[:, None, :], axis=2)

    finite = np.isfinite(points)
    safe = np.where(finite, points, 0.0)
    right = np.where(finite, weighted_total(safe, left=False), -np.inf)
    from_left = np.where(finite, weighted_total(safe, left=True), -np.inf)
    target = capital[:, None] * (1.0 - ROUNDING)  # a candidate computed to reach it may fall short
    reached = (right >= target) | (from_left >= target)
    found = reached.any(axis=1)
    k = np.argmax(reached, axis=1)
    rows = np.arange(draws)
    at = safe[rows, k]
    before_k = np.maximum(k - 1, 0)
    start, start_value = safe[rows, before_k], right[rows, before_k]
    end_value = from_left[rows, k]
    inside = (k > 0) & (end_value >= capital) & (start_value < capital)
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = start + (capital - start_value) * (at - start) / (end_value - start_value)
    share = np.where(inside, np.minimum(crossing, at), at)
    share = np.where(capital <= 0.0, 0.0, share)
    return np.where(found | (capital <= 0.0), share, np.nan)
