"""Costs of the intervention: the investment side of the SROI ratio (docs/methodology.md).

A cost line costs ``amount * (1 + growth) ** (t - start)`` in each active year, in constant
prices of ``start_year``. Costs are both social costs (``pv_costs``) and project cash outflows;
a cost given in kind (volunteer hours, a donated room) is a social cost only, paid by its
provider. A capex line with a useful ``life`` leaves a residual value at the horizon.
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import FloatArray, IntArray, line_amounts, year_offsets


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
    start, duration : array of int, shape (L,) or (D, L)
        Active years [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T)
        Cost per line and year [EUR].
    """
    return line_amounts(amount, growth, start, duration, horizon_years)


def residual_values(spent: FloatArray, life: IntArray, horizon_years: int) -> FloatArray:
    """What capex lines are still worth at the end of the horizon, as a benefit of its last year.

    Straight-line depreciation over the useful life: an amount ``A_s`` spent in year ``s`` keeps
    the share ``max(0, 1 - (H - s) / life)`` of its value after the last year ``H - 1``, so

    .. math:: R = \\sum_s A_s \\max\\left(0, 1 - \\frac{H - s}{life}\\right)

    falls in year ``t = H - 1``. Without it, a 25-year asset evaluated over 10 years would
    count its whole cost and only 10 years of its use (HM Treasury, *The Green Book* (2022),
    "residual values"; Werkwijzer MKBA in het sociale domein: restwaarde).

    Parameters
    ----------
    spent : array, shape (D, L, T)
        Amount spent per capex line and year [EUR] (:func:`cost_amounts`).
    life : array of int, shape (L,)
        Useful life of each line's asset [years, >= 1].
    horizon_years : int
        Length of the time axis ``H`` [years].

    Returns
    -------
    array, shape (D, L, T)
        The residual value in the last year, 0 in the others [EUR].

    Examples
    --------
    100,000 spent in year 0 on panels that last 25 years, over a 10-year horizon:

    >>> residual_values(np.array([[[100000.0] + [0.0] * 9]]), np.array([25]), 10)[0, 0, -1]
    np.float64(60000.0)
    """
    t = year_offsets(horizon_years)
    life = np.asarray(life, dtype=float)[:, None]
    share = np.maximum(0.0, 1.0 - (horizon_years - t)[None, :] / life)
    values = np.zeros_like(spent)
    values[:, :, -1] = np.einsum("dlt,lt->dl", spent, share)
    return values
