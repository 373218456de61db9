"""Avoided costs: spending that no longer has to be made thanks to prevention (docs/methodology.md).

In an active year a line saves ``incidents * reduction * unit_cost * probability`` (times
``(1 + growth) ** (t - start)``), a benefit of its ``bearer``: who would otherwise have paid.
Like an outcome it is netted for deadweight, displacement and attribution and declines by its
drop-off (see ``docs/methodology.md``); a line marked ``transfer`` only moves money between
parties.
``probability`` is the yearly chance of a shock that may or may not happen (seed 003: "Upfront
investeren (preventie) om herstelkosten door potentieel incident ... te voorkomen"): ``evaluate``
counts its expected yearly value, a Monte Carlo draw counts the whole avoided cost in the years
the event happens and nothing in the others (docs/uncertainty.md).
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import FloatArray, IntArray, line_amounts, year_offsets


def gross_avoided_amounts(
    incidents: FloatArray,
    reduction: FloatArray,
    unit_cost: FloatArray,
    probability: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Expected amount avoided per line and year, before additionality.

    .. math:: n \\cdot r \\cdot c \\cdot P \\, (1 + g)^{t - s}

    A reported actual replaces this amount (docs/monitoring.md); :func:`net_avoided_amounts`
    then takes off what the intervention cannot claim.

    Parameters
    ----------
    incidents : array, shape (D, L)
        Baseline incidents per year without the intervention [incidents/year].
    reduction : array, shape (D, L)
        Share of incidents prevented [fraction 0-1].
    unit_cost : array, shape (D, L)
        Cost of one incident [EUR].
    probability : array, shape (D, L) or (D, L, T)
        Yearly chance of the event [fraction 0-1]; or per year whether it happens (1 or 0),
        the events a Monte Carlo draws (docs/uncertainty.md).
    growth : array, shape (D, L)
        Real annual growth [fraction per year].
    start, duration : array of int, shape (L,) or (D, L)
        Active years [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T) [EUR]
    """
    if probability.ndim == 2:
        amount = incidents * reduction * unit_cost * probability
        return line_amounts(amount, growth, start, duration, horizon_years)
    amounts = line_amounts(
        incidents * reduction * unit_cost, growth, start, duration, horizon_years
    )
    amounts *= probability
    return amounts


def net_avoided_amounts(
    gross: FloatArray,
    start: IntArray,
    *,
    deadweight: FloatArray,
    displacement: FloatArray,
    attribution: FloatArray,
    drop_off: FloatArray,
) -> FloatArray:
    """The avoided cost a line may claim: the gross amount net of deadweight, displacement
    and attribution, declining by its drop-off.

    .. math:: A_t (1 - dw)(1 - disp)(1 - attr)(1 - do)^{t - s}

    The deflators are those of an outcome (the SROI guide's deadweight, displacement,
    attribution and drop-off); drop-off counts from the line's own start, as growth does.

    Parameters
    ----------
    gross : array, shape (D, L, T)
        :func:`gross_avoided_amounts`, or the actuals in their place [EUR].
    start : array of int, shape (L,) or (D, L)
        First active year [years].
    deadweight, displacement, attribution : array, shape (D, L)
        Shares that would have been avoided anyway, merely moved elsewhere, or are owed to
        others [fraction 0-1].
    drop_off : array, shape (D, L)
        Yearly decline of the avoided cost after its first active year [fraction 0-1].

    Returns
    -------
    array, shape (D, L, T) [EUR]

    Examples
    --------
    100 incidents of 50 euro, all prevented, 20% deadweight, 50% drop-off, from year 1:

    >>> one, none = np.array([[1.0]]), np.array([[0.0]])
    >>> gross = gross_avoided_amounts(np.array([[100.0]]), one, np.array([[50.0]]), one, none,
    ...                               np.array([1]), np.array([3]), 4)
    >>> net_avoided_amounts(gross, np.array([1]), deadweight=np.array([[0.2]]),
    ...                     displacement=none, attribution=none, drop_off=np.array([[0.5]]))
    array([[[   0., 4000., 2000., 1000.]]])
    """
    amounts = gross * claimable_share(deadweight, displacement, attribution)[:, :, None]
    if np.any(drop_off != 0.0):
        age = np.maximum(year_offsets(gross.shape[2]) - np.asarray(start)[..., None], 0)
        amounts *= (1.0 - drop_off)[:, :, None] ** age
    return amounts


def claimable_share(
    deadweight: FloatArray, displacement: FloatArray, attribution: FloatArray
) -> FloatArray:
    """The share of an avoided cost the intervention may claim: ``(1 - dw)(1 - disp)(1 - attr)``.

    Parameters
    ----------
    deadweight, displacement, attribution : array, shape (D, L)
        As in :func:`net_avoided_amounts` [fraction 0-1].

    Returns
    -------
    array, shape (D, L) [fraction 0-1]

    Examples
    --------
    >>> claimable_share(np.array([[0.2]]), np.array([[0.5]]), np.array([[0.0]]))
    array([[0.4]])
    """
    return (1.0 - deadweight) * (1.0 - displacement) * (1.0 - attribution)
