"""Value capture: skimming off the property value rise the programme causes (docs/methodology.md).

The captured total ``units * base_value * uplift * capture_share`` is financing for the project,
paid by ``payer``, spread evenly over the line's active years (years past the horizon are cut).
It is a transfer: the uplift itself is not counted as a benefit, because it mostly capitalises
the outcomes already counted (seed 003: "Valuecapturing: het afromen van waarde stijging ten
gevolge van investeringen in resilience").
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import FloatArray, IntArray, active_mask, spread_over_years


def captured_amounts(
    units: FloatArray,
    base_value: FloatArray,
    uplift: FloatArray,
    capture_share: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """Captured money per line and year.

    .. math:: \\frac{u \\cdot V \\cdot \\Delta \\cdot k}{d} \\quad \\text{in each active year}

    Parameters
    ----------
    units : array, shape (D, L)
        Dwellings or other properties [units].
    base_value : array, shape (D, L)
        Value of one unit before the programme [EUR].
    uplift : array, shape (D, L)
        Value increase caused by the programme, as a share of the base value [fraction].
    capture_share : array, shape (D, L)
        Share of the increase that is captured [fraction 0-1].
    start, duration : array of int, shape (L,) or (D, L)
        Year the money comes in and the number of years it is spread over [years].
    horizon_years : int
        Length of the time axis [years].

    Returns
    -------
    array, shape (D, L, T) [EUR]
    """
    per_year = yearly_capture(units, base_value, uplift, capture_share, duration)
    return spread_over_years(per_year, active_mask(start, duration, horizon_years))


def yearly_capture(
    units: FloatArray,
    base_value: FloatArray,
    uplift: FloatArray,
    capture_share: FloatArray,
    duration: IntArray,
) -> FloatArray:
    """Captured money in each active year: the captured total spread evenly over the years.

    .. math:: \\frac{u \\cdot V \\cdot \\Delta \\cdot k}{d}

    Parameters as :func:`captured_amounts`; returns shape (D, L) [EUR per year].

    Examples
    --------
    >>> yearly_capture(np.array([[500.0]]), np.array([[200000.0]]), np.array([[0.03]]),
    ...                np.array([[0.1]]), np.array([3]))
    array([[100000.]])
    """
    total = units * base_value * uplift * capture_share
    # numpy's division for plain numbers too: compiled for one line at a time (the fused
    # kernel), ``/`` would check every divisor for zero, to raise an error nobody reads
    return np.divide(total, duration)
