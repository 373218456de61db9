"""Sampling the uncertain inputs of a scenario (docs/uncertainty.md).

Any numeric input may be written as a distribution. The Monte Carlo draws every one of them from
one random generator, in a fixed order (field paths sorted), so the same seed gives the same
draws whatever the chunk size used to evaluate them. Draws that leave the field's valid range
(docs/scenario-format.md#rules) are clipped to it, and the clipped draws are counted per field.

The five distributions (``low``, ``mode``, ``high``, ``mean``, ``sd`` as written in the file):

- ``triangular``: density rising linearly from ``low`` to ``mode`` and falling to ``high``;
  mean ``(low + mode + high) / 3``.
- ``pert``: the Beta-PERT distribution with weight 4 on the mode [1]_: ``low + (high - low) B``
  with ``B ~ Beta(alpha, beta)``,

  .. math:: \\alpha = 1 + 4 \\frac{mode - low}{high - low}, \\quad
            \\beta = 1 + 4 \\frac{high - mode}{high - low},

  mean ``(low + 4 mode + high) / 6``.
- ``uniform``: flat on ``[low, high]``.
- ``normal``: mean ``mean``, standard deviation ``sd``.
- ``lognormal``: the *value* has mean ``mean`` and standard deviation ``sd``; its log is normal
  with

  .. math:: \\sigma^2 = \\ln\\left(1 + \\frac{sd^2}{mean^2}\\right), \\quad
            \\mu = \\ln(mean) - \\frac{\\sigma^2}{2}.

Correlation between inputs is not modelled: every input is drawn independently. (A shared
driver can still be modelled by writing one line instead of two.)

References
----------
.. [1] D. Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed., Wiley (2008), section 9.1.4
   (PERT distribution).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from statistics import NormalDist

import numpy as np

from businesscase.distributions import Lognormal, Normal, Pert, Triangular, Uniform
from businesscase.timeline import FloatArray

RATE_FLOOR = -0.999
"""Lowest value a sampled ``growth`` or ``discount_rate`` is clipped to: a fall of 99.9% a
year. The rule is "> -1" (docs/scenario-format.md#rules); at -1 itself discount factors and growth
factors break down, and a floor much closer to -1 overflows ``(1 + r) ** -t`` on long horizons."""

SHARE = (0.0, 1.0)
NON_NEGATIVE = (0.0, math.inf)
RATE = (RATE_FLOOR, math.inf)

FIELD_RANGES: dict[str, tuple[float, float]] = {
    "deadweight": SHARE,
    "displacement": SHARE,
    "attribution": SHARE,
    "drop_off": SHARE,
    "cashable_share": SHARE,
    "reduction": SHARE,
    "probability": SHARE,
    "capture_share": SHARE,
    "amount": NON_NEGATIVE,
    "quantity": NON_NEGATIVE,
    "proxy": NON_NEGATIVE,
    "incidents": NON_NEGATIVE,
    "unit_cost": NON_NEGATIVE,
    "units": NON_NEGATIVE,
    "base_value": NON_NEGATIVE,
    "uplift": NON_NEGATIVE,
    "capital": NON_NEGATIVE,
    "price": NON_NEGATIVE,
    "cap": NON_NEGATIVE,
    "threshold": NON_NEGATIVE,
    "max_irr": NON_NEGATIVE,
    "guarantee_share": SHARE,
    "interest_rate": NON_NEGATIVE,
    "growth": RATE,
    "discount_rate": RATE,
    "inflation": RATE,
}
"""Valid range ``(low, high)`` of every numeric field, by field name
(docs/scenario-format.md#rules): the same name has the same rule in every section. Sampled values
are clipped to it."""

Z_95 = NormalDist().inv_cdf(0.95)
"""The standard normal's 95th percentile, 1.6449: P5 and P95 lie ``Z_95`` sd from the mean."""


def field_range(path: str) -> tuple[float, float]:
    """Valid range of the field at ``path`` (``outcomes[0].deadweight`` -> ``(0.0, 1.0)``)."""
    return FIELD_RANGES[path.rsplit(".", 1)[-1]]


def lognormal_log_parameters(mean: float, sd: float) -> tuple[float, float]:
    """``(mu, sigma)`` of the log of a lognormal value with the given mean and sd.

    Examples
    --------
    >>> mu, sigma = lognormal_log_parameters(1.0, 0.5)
    >>> round(math.exp(mu + sigma**2 / 2), 12)
    1.0
    """
    ratio = sd / mean
    if ratio < 1e150:
        variance = math.log1p(ratio**2)
    else:  # ln(1 + r^2) = 2 ln r + ln(1 + r^-2): r^2 would be beyond float64
        log_ratio = math.log(sd) - math.log(mean)
        variance = 2.0 * log_ratio + math.log1p(math.exp(-2.0 * log_ratio))
    sigma = math.sqrt(variance)
    return math.log(mean) - variance / 2, sigma


def pert_shape(low: float, mode: float, high: float) -> tuple[float, float]:
    """``(alpha, beta)`` of the Beta behind a PERT distribution (weight 4 on the mode)."""
    width = high - low
    if math.isfinite(width):  # never 0 for low < high: subtraction underflows gradually
        return 1.0 + 4.0 * (mode - low) / width, 1.0 + 4.0 * (high - mode) / width
    # a width beyond float64: the same ratios from the halves (halving a huge number is exact)
    width = high / 2 - low / 2
    return 1.0 + 4.0 * ((mode / 2 - low / 2) / width), 1.0 + 4.0 * ((high / 2 - mode / 2) / width)


def sample(distribution: object, draws: int, rng: np.random.Generator) -> FloatArray:
    """``draws`` independent draws of one distribution, not clipped.

    Parameters
    ----------
    distribution : Triangular, Pert, Uniform, Normal or Lognormal
        As written in the scenario.
    draws : int
        Number of draws.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    array, shape (draws,)
    """
    match distribution:
        case Triangular(low=low, mode=mode, high=high):
            return rng.triangular(low, mode, high, draws)
        case Pert(low=low, mode=mode, high=high):
            return low + (high - low) * rng.beta(*pert_shape(low, mode, high), draws)
        case Uniform(low=low, high=high):
            if math.isinf(high - low):  # wider than float64 reaches: numpy refuses the width
                share = rng.random(draws)
                return low * (1.0 - share) + high * share
            return rng.uniform(low, high, draws)
        case Normal(mean=mean, sd=sd):
            return rng.normal(mean, sd, draws)
        case Lognormal(mean=mean, sd=sd):
            return rng.lognormal(*lognormal_log_parameters(mean, sd), draws)
    raise TypeError(f"not a distribution: {distribution!r}")


def low_high(distribution: object) -> tuple[float, float]:
    """The low and high value of a distribution for the tornado (docs/uncertainty.md), unclipped.

    ``low`` and ``high`` for triangular, PERT and uniform; the 5th and 95th percentiles for
    normal (``mean -/+ 1.645 sd``) and lognormal (``exp(mu -/+ 1.645 sigma)``).
    """
    match distribution:
        case (
            Triangular(low=low, high=high) | Pert(low=low, high=high) | Uniform(low=low, high=high)
        ):
            return low, high
        case Normal(mean=mean, sd=sd):
            return mean - Z_95 * sd, mean + Z_95 * sd
        case Lognormal(mean=mean, sd=sd):
            mu, sigma = lognormal_log_parameters(mean, sd)
            return _exp(mu - Z_95 * sigma), _exp(mu + Z_95 * sigma)
    raise TypeError(f"not a distribution: {distribution!r}")


def _exp(power: float) -> float:
    """``e ** power``, ``inf`` beyond float64 (where ``math.exp`` raises OverflowError)."""
    return math.exp(power) if power < LARGEST_POWER else math.inf


LARGEST_POWER = math.log(sys.float_info.max)
"""The largest power of e that float64 holds (about 709.78)."""


def clip_to_range(path: str, values: FloatArray) -> tuple[FloatArray, int]:
    """Clip values to the valid range of the field at ``path``; also return how many were."""
    low, high = field_range(path)
    outside = int(np.count_nonzero((values < low) | (values > high)))
    return (np.clip(values, low, high) if outside else values), outside


def sample_inputs(
    inputs: Mapping[str, object], draws: int, seed: int | None
) -> tuple[dict[str, FloatArray], dict[str, int]]:
    """Draw every uncertain input for all draws, clipped to its field's valid range.

    The inputs are drawn one after the other from one ``numpy.random.default_rng(seed)``, in
    sorted path order, so a seed fixes every draw.

    Parameters
    ----------
    inputs : mapping of str to distribution
        Uncertain inputs by field path (:func:`businesscase.parameters.uncertain_inputs`).
    draws : int
        Number of draws ``D``.
    seed : int or None
        Seed of the generator; None draws fresh entropy from the operating system.

    Returns
    -------
    values : dict of str to array of shape (D,)
        The clipped draws by path, in sorted path order.
    clipped : dict of str to int
        Per path, the number of draws that were outside the valid range and were clipped.
    """
    rng = np.random.default_rng(seed)
    values: dict[str, FloatArray] = {}
    clipped: dict[str, int] = {}
    for path in sorted(inputs):
        values[path], clipped[path] = clip_to_range(path, sample(inputs[path], draws, rng))
    return values, clipped
