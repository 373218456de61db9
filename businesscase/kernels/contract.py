"""An outcome contract's payments and break-even share, compiled (see
:mod:`businesscase.kernels`): the formulas of :mod:`businesscase.sib`, one draw at a time.

Each ``*_of`` function works on one draw's rows and may be called from other compiled loops;
the function of the same name without it is the per-chunk form that :mod:`businesscase.sib`
uses inside a simulation's chunks. The arithmetic is the numpy form's, step by step (the same
sums in the same order, the same stable order of the years), so the numbers are the same to
the last bits; only a power (the return cap's discount factors) and a sum over years (the
capital it owes) may round differently.
"""

from __future__ import annotations

import math

import numpy as np

from businesscase.kernels.compiling import compiled as _compile
from businesscase.sib import ROUNDING
from businesscase.timeline import FloatArray


def _floats(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each array as contiguous float64, as the compiled loops take them."""
    return tuple(np.ascontiguousarray(array, dtype=np.float64) for array in arrays)


@_compile
def _divide(a, b):  # pragma: no cover - compiled
    """``a / b`` as numpy divides: ``inf`` with the signs' sign, or NaN, for ``b == 0``."""
    if b != 0.0:
        return a / b
    if a == 0.0 or math.isnan(a):
        return np.nan
    return np.inf if (a > 0.0) == (math.copysign(1.0, b) > 0.0) else -np.inf


@_compile
def _maximum(a, b):  # pragma: no cover - compiled
    """``np.maximum``: NaN when either is NaN."""
    if math.isnan(a) or math.isnan(b):
        return np.nan
    return a if a >= b else b


@_compile
def _minimum(a, b):  # pragma: no cover - compiled
    """``np.minimum``: NaN when either is NaN."""
    if math.isnan(a) or math.isnan(b):
        return np.nan
    return a if a <= b else b


@_compile
def _before(a, b):  # pragma: no cover - compiled
    """Whether ``a`` sorts before ``b`` in numpy's order (NaN last)."""
    return a < b or (math.isnan(b) and not math.isnan(a))


@_compile
def _stable_order(keys, order):  # pragma: no cover - compiled
    """``order[:] = np.argsort(keys, kind="stable")``: insertion sort (a few dozen years)."""
    for i in range(keys.size):
        j = i
        while j > 0 and _before(keys[i], keys[order[j - 1]]):
            order[j] = order[j - 1]
            j -= 1
        order[j] = i


@_compile
def _sort(values):  # pragma: no cover - compiled
    """``values[:] = np.sort(values)`` (NaN last): insertion sort (a few dozen years)."""
    for i in range(1, values.size):
        key = values[i]
        j = i
        while j > 0 and _before(key, values[j - 1]):
            values[j] = values[j - 1]
            j -= 1
        values[j] = key


@_compile
def _pays_from(counted, limit, out):  # pragma: no cover - compiled
    """The share from which each cohort year pays: 0 without a threshold, else
    ``threshold / count``, never (``inf``) without outcomes."""
    for c in range(counted.size):
        if limit[c] <= 0.0:
            out[c] = 0.0
        elif counted[c] > 0.0:
            out[c] = limit[c] / counted[c]
        else:
            out[c] = np.inf


@_compile
def raw_payments_of(paid_for, price, threshold, lag, out):  # pragma: no cover - compiled
    """:func:`businesscase.sib.raw_payments` of one draw: ``paid_for`` (T,) into ``out``
    (years >= T + lag), which holds zeros outside the payment years."""
    for c in range(paid_for.size):
        count = paid_for[c]
        out[lag + c] = price * count if count >= threshold else 0.0


@_compile
def _raw_payments(paid_for, price, threshold, lag, years):  # pragma: no cover - compiled
    out = np.zeros((paid_for.shape[0], years))
    for d in range(paid_for.shape[0]):
        raw_payments_of(paid_for[d], price[d], threshold[d], lag, out[d])
    return out


def raw_payments(
    paid_for: FloatArray, price: FloatArray, threshold: FloatArray, lag: int, years: int
) -> FloatArray:
    """:func:`businesscase.sib.raw_payments` per draw; parameters and result as there."""
    return _raw_payments(*_floats(paid_for, price, threshold), lag, years)


@_compile
def capped_payments_of(raw, cap, out):  # pragma: no cover - compiled
    """:func:`businesscase.sib.capped_payments` of one draw: ``raw`` (Y,) into ``out``."""
    total = 0.0
    for t in range(raw.size):
        total += raw[t]
        out[t] = _minimum(_maximum(cap - (total - raw[t]), 0.0), raw[t])


@_compile
def _capped_payments(raw, cap):  # pragma: no cover - compiled
    out = np.empty_like(raw)
    for d in range(raw.shape[0]):
        capped_payments_of(raw[d], cap[d], out[d])
    return out


def capped_payments(raw: FloatArray, cap: FloatArray) -> FloatArray:
    """:func:`businesscase.sib.capped_payments` per draw; parameters and result as there."""
    return _capped_payments(*_floats(raw, cap))


@_compile
def return_capped_payments_of(payments, drawdowns, max_irr, out):  # pragma: no cover
    """:func:`businesscase.sib.return_capped_payments` of one draw with a return cap:
    ``payments`` (Y,) and ``drawdowns`` (T,) into ``out`` (Y,)."""
    factor = 1.0 / (1.0 + max_irr)
    owed = 0.0
    for t in range(drawdowns.size):
        owed += drawdowns[t] * factor ** float(t)
    total = 0.0
    for t in range(payments.size):
        weight = factor ** float(t)
        discounted = payments[t] * weight
        total += discounted
        allowed = _divide(owed - (total - discounted), weight)
        if math.isnan(allowed) or allowed == -np.inf:
            allowed = 0.0
        out[t] = _minimum(_maximum(allowed, 0.0), payments[t])


@_compile
def _return_capped_payments(payments, drawdowns, max_irr):  # pragma: no cover - compiled
    out = np.empty_like(payments)
    for d in range(payments.shape[0]):
        if np.isfinite(max_irr[d]):
            return_capped_payments_of(payments[d], drawdowns[d], max_irr[d], out[d])
        else:
            out[d] = payments[d]
    return out


def return_capped_payments(
    payments: FloatArray, drawdowns: FloatArray, max_irr: FloatArray
) -> FloatArray:
    """:func:`businesscase.sib.return_capped_payments` per draw; parameters and result as
    there."""
    return _return_capped_payments(*_floats(payments, drawdowns, max_irr))


@_compile
def _closing(share, cap, capital):  # pragma: no cover - compiled
    """A break-even share as the numpy form finishes it: 0 without capital, NaN where none."""
    if capital <= 0.0:
        share = 0.0
    if cap < capital:
        share = np.inf
    return share if np.isfinite(share) else np.nan


@_compile
def breakeven_of(counted, limit, price, cap, capital, pays_from, order):  # pragma: no cover
    """:func:`businesscase.sib.breakeven_share` of one draw, undiscounted: ``counted`` the
    paid-for outcomes of the cohort years paid within the horizon, ``limit`` their thresholds
    (both (C,)); ``pays_from`` (float) and ``order`` (int) are room for C numbers."""
    _pays_from(counted, limit, pays_from)
    _stable_order(pays_from, order)
    share = np.inf
    total = 0.0
    for j in range(counted.size):
        c = order[j]
        total += counted[c]
        paying_total = total * price
        reaches = capital / paying_total if paying_total > 0.0 else np.inf
        share = _minimum(share, _maximum(pays_from[c], reaches))
    return share


@_compile
def _breakeven_shares(counted, limit, price, cap, capital):  # pragma: no cover - compiled
    draws, years = counted.shape
    out = np.empty(draws)
    pays_from = np.empty(years)
    order = np.empty(years, dtype=np.int64)
    for d in range(draws):
        share = breakeven_of(counted[d], limit[d], price[d], cap[d], capital[d], pays_from, order)
        out[d] = _closing(share, cap[d], capital[d])
    return out


def breakeven_shares(
    counted: FloatArray, limit: FloatArray, price: FloatArray, cap: FloatArray, capital: FloatArray
) -> FloatArray:
    """:func:`businesscase.sib.breakeven_share` without weights, per draw.

    Parameters
    ----------
    counted : array, shape (D, C)
        Paid-for outcomes of the cohort years paid within the horizon [outcomes].
    limit : array, shape (D, C) or (D, 1)
        Their thresholds [outcomes].
    price, cap, capital : array, shape (D,)
        Contract terms [EUR per outcome, EUR, EUR].

    Returns
    -------
    array, shape (D,)
        The share [fraction]; NaN where none repays the capital.
    """
    limit = np.broadcast_to(limit, counted.shape)
    return _breakeven_shares(*_floats(counted, limit, price, cap, capital))


@_compile
def weighted_breakeven_of(
    counted, limit, weight, price, cap, capital, pays_from, switch, through, real_through
):  # pragma: no cover - compiled
    """:func:`businesscase.sib.weighted_breakeven_share` of one draw (before its closing):
    ``counted``, ``limit`` and ``weight`` (C,) the paid-for outcomes of the cohort years paid
    within the horizon, their thresholds and the real value of a euro in their payment years;
    ``pays_from`` and ``switch`` are room for C numbers, ``through`` and ``real_through`` for
    C + 1. The pieces are those of the numpy form, in the same order."""
    years = counted.size
    _pays_from(counted, limit, pays_from)
    switch[:] = pays_from
    _sort(switch)
    target = capital
    share = np.inf
    for k in range(years):
        until = switch[k + 1] if k + 1 < years else np.inf
        through[0] = 0.0
        real_through[0] = 0.0
        for c in range(years):
            euros = counted[c] * price if pays_from[c] <= switch[k] else 0.0
            through[c + 1] = through[c] + euros
            real_through[c + 1] = real_through[c] + euros * weight[c]
        for c in range(years + 1):
            # the cap reached in year c (the years before it pay in full), or not at all
            low = _divide(cap, through[c + 1]) if c < years else 0.0
            high = _divide(cap, through[c])
            level = weight[c] * cap if c < years else 0.0
            slope = real_through[c] - (weight[c] * through[c] if c < years else 0.0)
            low = _maximum(low, switch[k])
            high = _minimum(high, until)
            at_low = level + slope * low
            crossing = _divide(target - level, slope)
            if at_low >= target * (1.0 - ROUNDING):
                piece = low
            elif slope > 0.0 and crossing <= high:
                piece = _maximum(crossing, low)
            else:
                piece = np.inf
            if not low < high:
                piece = np.inf
            share = _minimum(share, piece)
    return share


@_compile
def _weighted_breakeven_shares(counted, limit, weight, price, cap, capital):  # pragma: no cover
    draws, years = counted.shape
    out = np.empty(draws)
    pays_from = np.empty(years)
    switch = np.empty(years)
    through = np.empty(years + 1)
    real_through = np.empty(years + 1)
    for d in range(draws):
        share = weighted_breakeven_of(
            counted[d],
            limit[d],
            weight[d],
            price[d],
            cap[d],
            capital[d],
            pays_from,
            switch,
            through,
            real_through,
        )
        if capital[d] <= 0.0:
            share = 0.0
        out[d] = share if np.isfinite(share) else np.nan
    return out


def weighted_breakeven_shares(
    counted: FloatArray,
    limit: FloatArray,
    weight: FloatArray,
    price: FloatArray,
    cap: FloatArray,
    capital: FloatArray,
) -> FloatArray:
    """:func:`businesscase.sib.weighted_breakeven_share` per draw: as
    :func:`breakeven_shares`, with ``weight`` (D, C) the real value of a euro in each cohort
    year's payment year."""
    limit = np.broadcast_to(limit, counted.shape)
    return _weighted_breakeven_shares(*_floats(counted, limit, weight, price, cap, capital))
