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
    total = units * base_value * uplift * capture_share
    per_year = total / np.asarray(duration, dtype=float)
    return spread_over_years(per_year, active_mask(start, duration, horizon_years))
