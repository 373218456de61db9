"""Costs of the intervention: the investment side of the SROI ratio (docs/methodology.md).

A cost line costs ``amount * (1 + growth) ** (t - start)`` in each active year, in constant
prices of ``start_year``. Costs are both social costs (``pv_costs``) and project cash outflows.
"""

from __future__ import annotations

from businesscase.timeline import FloatArray, IntArray, line_amounts


def cost_amounts(
    amount: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Yearly cost of each cost line.

    Parameters
    ----------
    amount : array, shape (D, L)
        Cost in the first active year [EUR, constant prices of start_year].
    growth : array, shape (D, L)
        Real annual growth [fraction per year].
    start, duration : array of int, shape (L,)
        Active years [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T)
        Cost per line and year [EUR].
    """
    return line_amounts(amount, growth, start, duration, horizon_years)
