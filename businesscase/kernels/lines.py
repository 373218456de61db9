"""A line's yearly amounts, the outcome cohorts' values and the sums of a block's lines,
compiled (see :mod:`businesscase.kernels`)."""

from __future__ import annotations

import numpy as np

from businesscase.kernels.compiling import compiled as _compile
from businesscase.timeline import FloatArray, IntArray


@_compile
def _line_amounts(amount, growth, start, duration, horizon_years):  # pragma: no cover - compiled
    draws, lines = amount.shape
    out = np.zeros((draws, lines, horizon_years))
    for d in range(draws):
        for line in range(lines):
            first = start[d, line]
            end = min(first + duration[d, line], horizon_years)
            factor = 1.0 + growth[d, line]
            value = amount[d, line]
            for t in range(first, end):
                out[d, line, t] = value
                value *= factor
    return out


def line_amounts(
    amount: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """:func:`businesscase.timeline.line_amounts`: ``a (1 + g) ** (t - s)`` in the active
    years, the growth factor carried from year to year.

    Parameters and result as there: amount, growth (D, L); start, duration (L,) or (D, L);
    returns (D, L, T).
    """
    shape = amount.shape
    return _line_amounts(
        np.ascontiguousarray(amount, dtype=np.float64),
        np.ascontiguousarray(np.broadcast_to(growth, shape), dtype=np.float64),
        np.ascontiguousarray(np.broadcast_to(start, shape), dtype=np.int64),
        np.ascontiguousarray(np.broadcast_to(duration, shape), dtype=np.int64),
        horizon_years,
    )


@_compile
def _outcome_values(cohorts, unit_value, drop_off, lasts):  # pragma: no cover - compiled
    draws, lines, horizon_years = cohorts.shape
    out = np.zeros_like(cohorts)
    weight = np.empty(horizon_years)
    for d in range(draws):
        for line in range(lines):
            ages = min(lasts[d, line], horizon_years)
            keep = 1.0 - drop_off[d, line]
            for age in range(ages):
                weight[age] = unit_value[d, line] * keep**age
            for t in range(horizon_years):
                value = 0.0
                for age in range(min(ages, t + 1)):
                    value += cohorts[d, line, t - age] * weight[age]
                out[d, line, t] = value
    return out


def outcome_values(
    cohorts: FloatArray, unit_value: FloatArray, drop_off: FloatArray, lasts: IntArray
) -> FloatArray:
    """:func:`businesscase.outcomes.outcome_values`: each year's value summed over the cohorts
    still lasting, youngest first.

    Parameters and result as there: cohorts (D, L, T); unit_value, drop_off (D, L); lasts
    (L,) or (D, L); returns (D, L, T).
    """
    shape = unit_value.shape
    return _outcome_values(
        np.ascontiguousarray(cohorts, dtype=np.float64),
        np.ascontiguousarray(unit_value, dtype=np.float64),
        np.ascontiguousarray(np.broadcast_to(drop_off, shape), dtype=np.float64),
        np.ascontiguousarray(np.broadcast_to(lasts, shape), dtype=np.int64),
    )


@_compile
def _add_lines(out, amounts, chosen):  # pragma: no cover - compiled
    draws, lines, horizon_years = amounts.shape
    total = np.empty(horizon_years)
    for d in range(draws):
        total[:] = 0.0
        for line in range(lines):
            if chosen[line]:
                for t in range(horizon_years):
                    total[t] += amounts[d, line, t]
        for t in range(horizon_years):
            out[d, t] += total[t]


def add_lines(out: FloatArray, amounts: FloatArray, chosen: np.ndarray) -> None:
    """``out += amounts[:, chosen].sum(axis=1)`` in place: the chosen lines summed in their
    order, then added (as :func:`businesscase.metrics.yearly_series` adds a block's lines).

    Parameters
    ----------
    out : array, shape (D, T)
        Yearly totals, added to [EUR].
    amounts : array, shape (D, L, T)
        A block's amounts [EUR].
    chosen : array of bool, shape (L,)
        The lines to add.
    """
    _add_lines(out, np.ascontiguousarray(amounts), np.ascontiguousarray(chosen, dtype=np.bool_))
