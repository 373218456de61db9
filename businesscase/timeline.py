"""The time axis of a business case: years, active years of a line, growth and discounting.

Conventions (docs/methodology.md): whole years ``t = 0 .. horizon_years - 1``, ``t = 0`` is
``start_year``; a line is active in ``start <= t < start + duration``, cut at the horizon;
its amount in an active year is ``amount * (1 + growth) ** (t - start)``.

Every function works on arrays with a leading draw axis ``D`` and a line axis ``L``; the year
axis ``T`` comes last. Starts and durations are whole years of shape (L,) when they are the same
in every draw (the masks are then computed once), or (D, L) when they are uncertain (a start
that may slip, docs/uncertainty.md): the masks then have a draw axis too.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from businesscase import fast

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


def year_offsets(horizon_years: int) -> IntArray:
    """Year offsets ``t = 0 .. horizon_years - 1`` [years since start_year]."""
    return np.arange(horizon_years, dtype=np.int64)


def active_mask(start: IntArray, duration: IntArray, horizon_years: int) -> BoolArray:
    """Which years each line is active in.

    Parameters
    ----------
    start : array of int, shape (L,) or (D, L)
        First active year offset of each line [years].
    duration : array of int, shape (L,) or (D, L)
        Number of active years [years]; running past the horizon is cut.
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array of bool, shape (L, T) or (D, L, T)
        ``start <= t < start + duration``.

    Examples
    --------
    >>> active_mask(np.array([[1], [2]]), np.array([[2], [2]]), 4).astype(int)
    array([[[0, 1, 1, 0]],
    <BLANKLINE>
           [[0, 0, 1, 1]]])
    """
    t = year_offsets(horizon_years)
    start = np.asarray(start, dtype=np.int64)[..., None]
    duration = np.asarray(duration, dtype=np.int64)[..., None]
    return (t >= start) & (t < start + duration)


def line_amounts(
    amount: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Yearly amounts of lines that run over time with real growth (docs/methodology.md).

    .. math:: x_{t} = a \\, (1 + g)^{t - s} \\quad \\text{for } s \\le t < s + d

    Parameters
    ----------
    amount : array, shape (D, L)
        Amount in the first active year [EUR or units per year].
    growth : array, shape (D, L)
        Real annual growth of the amount [fraction per year, > -1].
    start, duration : array of int, shape (L,) or (D, L)
        Active years of each line [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T)
        The amount in each year, 0 outside the active years.

    Examples
    --------
    >>> line_amounts(np.array([[100.0]]), np.array([[0.1]]), np.array([1]), np.array([2]), 4)
    array([[[  0., 100., 110.,   0.]]])
    """
    compiled = fast.kernels()
    if compiled is not None:  # a large simulation: the same formula, compiled
        return compiled.line_amounts(amount, growth, start, duration, horizon_years)
    mask = active_mask(start, duration, horizon_years)
    exponent = (year_offsets(horizon_years) - np.asarray(start)[..., None]) * mask
    if mask.ndim == 3:  # years differ by draw: the growth factors of each draw's own years
        factor = np.exp(exponent * np.log1p(growth)[:, :, None])
        factor *= mask
        factor *= amount[:, :, None]
        return factor
    # (1 + g) ** k as exp(k * log1p(g)): a third of the time of a power. When the growth
    # rates are the same in every draw the factors are computed once; the formula is the same
    # either way, so a draw's result does not depend on the other draws evaluated with it.
    rate = np.log1p(growth)
    if np.all(rate == rate[:1]):
        return spread_over_years(amount, np.exp(exponent * rate[:1].T) * mask)
    factor = spread_over_years(rate, exponent)
    np.exp(factor, out=factor)
    factor *= mask
    factor *= amount[:, :, None]
    return factor


def spread_over_years(values: FloatArray, profile: np.ndarray) -> FloatArray:
    """The product ``values[:, :, None] * profile[None, :, :]``: (D, L) by (L, T) -> (D, L, T).

    The same numbers as that expression, several times faster: numpy's loop for a product
    broadcast along two different axes is slow, a broadcast copy and an in-place product are
    not.

    Parameters
    ----------
    values : array, shape (D, L)
        Per draw and line (an amount, a rate).
    profile : array, shape (L, T) or (D, L, T)
        Per line and year (growth factors, an active-year mask, exponents), or per draw too
        when the years differ by draw; bool and int are taken as 0/1 and whole numbers.

    Returns
    -------
    array, shape (D, L, T)

    Examples
    --------
    >>> spread_over_years(np.array([[2.0, 3.0]]), np.array([[1.0, 0.5], [True, False]]))
    array([[[2., 1.],
            [3., 0.]]])
    """
    product = np.empty(values.shape + profile.shape[-1:])
    product[...] = profile
    product *= values[:, :, None]
    return product


def discount_factors(discount_rate: FloatArray, horizon_years: int) -> FloatArray:
    """Discount factors ``1 / (1 + r) ** t`` (docs/methodology.md, Conventions).

    Warnings
    --------
    Year 0 (``start_year``) is not discounted, as in ``numpy_financial.npv``. Excel's ``NPV()``
    discounts its first cell, so a present value here equals ``=B2 + NPV(r, C2:K2)`` in Excel.

    Parameters
    ----------
    discount_rate : array, shape (D,)
        Real discount rate [fraction per year, > -1].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, T)
    """
    return yearly_powers(1.0 + np.asarray(discount_rate, dtype=float), -year_offsets(horizon_years))


def yearly_powers(base: FloatArray, exponents: IntArray) -> FloatArray:
    """``base[d] ** exponents[t]`` for every draw and year, shape (D, T).

    A base that is the same in every draw (a rate that is not uncertain) has its powers
    computed once and copied to each draw: the same numbers, without a power per draw.

    Examples
    --------
    >>> yearly_powers(np.array([1.1, 1.1]), np.array([0, -1, -2]))
    array([[1.        , 0.90909091, 0.82644628],
           [1.        , 0.90909091, 0.82644628]])
    """
    if base.size > 1 and np.all(base == base[0]):
        powers = np.empty((base.size, exponents.size))
        powers[...] = base[:1, None] ** exponents[None, :]
        return powers
    return base[:, None] ** exponents[None, :]
