"""Social value of outcomes: one SROI impact-map row per outcome line (docs/methodology.md).

Each active year ``c`` of an outcome line starts a cohort of ``quantity * (1 + growth) ** (c -
start)`` new outcomes. A cohort's net value in year ``t`` (``c <= t < c + lasts``) is

.. math:: q_c \\, p \\, (1 - dw)(1 - disp)(1 - attr)(1 - do)^{t - c}

with proxy ``p``, deadweight ``dw``, displacement ``disp``, attribution ``attr`` (the share owed
to others) and drop-off ``do``. The line's value in year ``t`` is the sum over cohorts, cut at
the horizon: a convolution of the cohort sizes with the drop-off profile. With one active year
this is the calculation of the SROI guide.

References
----------
.. [1] Social Value UK, *A Guide to Social Return on Investment* (2012), stage 4: "Establishing
   impact" (deadweight, displacement, attribution, drop-off).
"""

from __future__ import annotations

import numpy as np

from businesscase import fast
from businesscase.timeline import FloatArray, IntArray, line_amounts


def cohort_sizes(
    quantity: FloatArray,
    growth: FloatArray,
    start: IntArray,
    duration: IntArray,
    horizon_years: int,
) -> FloatArray:
    """New outcomes achieved in each year: the cohorts [outcomes/year], shape (D, L, T).

    ``growth`` scales ``quantity`` per cohort, counted from the line's own ``start``.
    """
    return line_amounts(quantity, growth, start, duration, horizon_years)


def net_unit_value(
    proxy: FloatArray,
    deadweight: FloatArray,
    displacement: FloatArray,
    attribution: FloatArray,
) -> FloatArray:
    """Value of one outcome in its first year net of the deflators.

    .. math:: p \\, (1 - dw)(1 - disp)(1 - attr)

    Parameters
    ----------
    proxy : array, shape (D, L)
        Financial proxy: value of one outcome for one year [EUR].
    deadweight, displacement, attribution : array, shape (D, L)
        Shares that would have happened anyway, merely moved elsewhere, or are owed to others
        [fraction 0-1].

    Returns
    -------
    array, shape (D, L) [EUR per outcome]
    """
    return proxy * (1.0 - deadweight) * (1.0 - displacement) * (1.0 - attribution)


CACHE_BYTES = 1 << 20
"""Size of the blocks of draws :func:`outcome_values` convolves at once [bytes]: small enough
to stay in a core's cache over all cohort ages (twice as fast as whole chunks of draws)."""


def outcome_values(
    cohorts: FloatArray,
    unit_value: FloatArray,
    drop_off: FloatArray,
    lasts: IntArray,
) -> FloatArray:
    """Net social value per outcome line and year, summed over cohorts.

    Parameters
    ----------
    cohorts : array, shape (D, L, T)
        New outcomes per year [outcomes/year] (:func:`cohort_sizes`).
    unit_value : array, shape (D, L)
        Net value of one outcome in its first year [EUR] (:func:`net_unit_value`).
    drop_off : array, shape (D, L)
        Yearly decline of a cohort's outcome after its first year [fraction 0-1].
    lasts : array of int, shape (L,) or (D, L)
        Years one cohort's outcome lasts [years, >= 1].

    Returns
    -------
    array, shape (D, L, T)
        Value in each year [EUR]; nothing is valued beyond the horizon.

    Examples
    --------
    One cohort of 10 outcomes worth 1,000 each, lasting 3 years with 20% drop-off:

    >>> outcome_values(np.array([[[10.0, 0, 0, 0]]]), np.array([[1000.0]]),
    ...                np.array([[0.2]]), np.array([3]))
    array([[[10000.,  8000.,  6400.,     0.]]])
    """
    compiled = fast.kernels()
    if compiled is not None:  # a large simulation: the same formula, compiled
        return compiled.outcome_values(cohorts, unit_value, drop_off, lasts)
    draws, lines, horizon_years = cohorts.shape
    ages = min(int(np.max(lasts, initial=0)), horizon_years)
    weights = [unit_value * (1.0 - drop_off) ** age * (age < lasts) for age in range(ages)]
    values = np.zeros_like(cohorts)
    # Direct convolution over the cohort age k: each step is one array operation over draws,
    # lines and years (ages run to the longest `lasts`, at most the horizon). The draws go
    # through in blocks that stay in the processor's cache over all ages, into a reused buffer.
    block = max(1, CACHE_BYTES // (8 * max(lines * horizon_years, 1)))
    scratch = np.empty((min(block, draws), lines, horizon_years))
    for first in range(0, draws, block):
        rows = slice(first, first + block)
        count = min(block, draws - first)
        for age, weight in enumerate(weights):
            aged = scratch[:count, :, : horizon_years - age]
            np.multiply(cohorts[rows, :, : horizon_years - age], weight[rows, :, None], out=aged)
            values[rows, :, age:] += aged
    return values
