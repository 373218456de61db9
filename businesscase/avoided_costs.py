"""Avoided costs: spending that no longer has to be made thanks to prevention (docs/methodology.md).

In an active year a line saves ``incidents * reduction * unit_cost * probability`` (times
``(1 + growth) ** (t - start)``), a benefit of its ``bearer``: who would otherwise have paid.
``probability`` turns a shock that may or may not happen into its expected yearly value (seed
003: "Upfront investeren (preventie) om herstelkosten door potentieel incident ... te
voorkomen").
"""

from __future__ import annotations

from businesscase.timeline import FloatArray, IntArray, line_amounts


def avoided_cost_amounts(
    incidents: FloatArray,
    reduction: FloatArray,
    unit_cost: FloatArray,
    probability: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Expected avoided cost per line and year.

    .. math:: n \\cdot r \\cdot c \\cdot P \\, (1 + g)^{t - s}

    Parameters
    ----------
    incidents : array, shape (D, L)
        Baseline incidents per year without the intervention [incidents/year].
    reduction : array, shape (D, L)
        Share of incidents prevented [fraction 0-1].
    unit_cost : array, shape (D, L)
        Cost of one incident [EUR].
    probability : array, shape (D, L)
        Yearly chance of the event [fraction 0-1].
    growth : array, shape (D, L)
        Real annual growth [fraction per year].
    start, duration : array of int, shape (L,)
        Active years [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T) [EUR]
    """
    amount = incidents * reduction * unit_cost * probability
    return line_amounts(amount, growth, start, duration, horizon_years)
