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

    Returns
    -------
    array, shape (D,)
        The share [fraction, may exceed 1]; NaN where no share repays the capital.
    """
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
