"""Sampling the uncertain inputs of a scenario (docs/uncertainty.md).

Any numeric input may be written as a distribution. Every input has its own random stream,
derived from the seed and the input's field path (:func:`stream`), so

- the same seed gives the same draws whatever the chunk size, the order of the inputs or the
  number of threads that sample them side by side;
- adding, removing or changing one input leaves the draws of every other input as they were: two
  variants of a plan compared with the same seed are compared on the same draws (paired draws).

Draws that leave the field's valid range (docs/scenario-format.md#rules) are clipped to it, and
the clipped draws are counted per field. A simulation makes the same draws with compiled kernels
(:mod:`businesscase.kernels.draws`, inside :func:`businesscase.fast.compiled`): numpy's numbers to
the bit, from the same streams.

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

Inputs are drawn independently; the inputs of a ``[[correlations]]`` group are then reordered
to the rank correlation asked for (:func:`rank_correlate`, Iman and Conover's method).

References
----------
.. [1] D. Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed., Wiley (2008), section 9.1.4
   (PERT distribution).
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from enum import IntEnum
from statistics import NormalDist
from types import ModuleType

import numpy as np

from businesscase import fast
from businesscase.distributions import Lognormal, Normal, Pert, Triangular, Uniform
from businesscase.matmul import rowwise_matmul
from businesscase.timeline import FloatArray
from businesscase.vocabulary import LONGEST_HORIZON, LONGEST_SPAN

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
    "start": (0.0, float(LONGEST_HORIZON - 1)),
    "duration": (1.0, float(LONGEST_SPAN)),
    "lasts": (1.0, float(LONGEST_SPAN)),
}
"""Valid range ``(low, high)`` of every numeric field, by field name
(docs/scenario-format.md#rules): the same name has the same rule in every section. Sampled values
are clipped to it; a ``start`` also to the scenario's last year (:func:`field_range`)."""

WHOLE_YEARS = frozenset({"start", "duration", "lasts"})
"""Fields that are whole numbers of years: each draw is rounded to the nearest whole number,
halves up, before it is clipped (docs/uncertainty.md, "Uncertain timing")."""

Z_95 = NormalDist().inv_cdf(0.95)
"""The standard normal's 95th percentile, 1.6449: P5 and P95 lie ``Z_95`` sd from the mean."""


def field_range(path: str, horizon_years: int | None = None) -> tuple[float, float]:
    """Valid range of the field at ``path`` (``outcomes[0].deadweight`` -> ``(0.0, 1.0)``).

    A ``start`` lies within the horizon: with ``horizon_years`` given, its range ends at
    ``horizon_years - 1``.

    Examples
    --------
    >>> field_range("outcomes[0].deadweight"), field_range("costs[1].start", 10)
    ((0.0, 1.0), (0.0, 9.0))
    """
    name = path.rsplit(".", 1)[-1]
    low, high = FIELD_RANGES[name]
    if name == "start" and horizon_years is not None:
        high = float(horizon_years - 1)
    return low, high


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

    Every distribution is drawn from uniforms, standard normals or standard gammas, the
    generator methods that release the GIL while they fill an array (so inputs can be sampled
    on threads side by side), then transformed with array operations:

    - triangular: the inverse of its distribution function, on the unit triangle with its
      peak at ``c = (mode - low) / (high - low)``: ``sqrt(u c)`` below ``c``,
      ``1 - sqrt((1 - u)(1 - c))`` above, then stretched to ``[low, high]``;
    - PERT: ``B = X / (X + Y)`` with ``X ~ Gamma(alpha)``, ``Y ~ Gamma(beta)`` is
      ``Beta(alpha, beta)``, stretched to ``[low, high]``;
    - uniform: a uniform share stretched to ``[low, high]``;
    - normal: ``mean + sd z``; lognormal: ``exp(mu + sigma z)``.

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
            peak = _share_of_width(low, mode, high)
            share = rng.random(draws)
            below = share < peak
            root = np.sqrt(np.where(below, share * peak, (1.0 - share) * (1.0 - peak)))
            return _stretch(low, high, np.where(below, root, 1.0 - root))
        case Pert(low=low, mode=mode, high=high):
            alpha, beta = pert_shape(low, mode, high)
            first = rng.standard_gamma(alpha, draws)
            second = rng.standard_gamma(beta, draws)
            return _stretch(low, high, first / (first + second))
        case Uniform(low=low, high=high):
            return _stretch(low, high, rng.random(draws))
        case Normal(mean=mean, sd=sd):
            return mean + sd * rng.standard_normal(draws)
        case Lognormal(mean=mean, sd=sd):
            mu, sigma = lognormal_log_parameters(mean, sd)
            return np.exp(mu + sigma * rng.standard_normal(draws))
    raise TypeError(f"not a distribution: {distribution!r}")


class DrawKind(IntEnum):
    """How the compiled draws (:mod:`businesscase.kernels.draws`) make an input's numbers."""

    TRIANGULAR = 0
    PERT = 1
    UNIFORM = 2
    NORMAL = 3
    LOG_OF_LOGNORMAL = 4
    """The normal log of a lognormal value: ``exp`` is taken by numpy afterwards."""


def kernel_parameters(distribution: object) -> tuple[DrawKind, tuple[float, float, float, float]]:
    """The kind of draw and its four parameters for the compiled form of :func:`sample`,
    computed as :func:`sample` computes them (so the draws are the same to the bit):

    - triangular: ``(low, high, peak, 0)``, the peak's share of the width;
    - PERT: ``(low, high, alpha, beta)`` (:func:`pert_shape`);
    - uniform: ``(low, high, 0, 0)``;
    - normal: ``(mean, sd, 0, 0)``; lognormal: ``(mu, sigma, 0, 0)`` of its log.
    """
    match distribution:
        case Triangular(low=low, mode=mode, high=high):
            return DrawKind.TRIANGULAR, (low, high, _share_of_width(low, mode, high), 0.0)
        case Pert(low=low, mode=mode, high=high):
            return DrawKind.PERT, (low, high, *pert_shape(low, mode, high))
        case Uniform(low=low, high=high):
            return DrawKind.UNIFORM, (low, high, 0.0, 0.0)
        case Normal(mean=mean, sd=sd):
            return DrawKind.NORMAL, (mean, sd, 0.0, 0.0)
        case Lognormal(mean=mean, sd=sd):
            return DrawKind.LOG_OF_LOGNORMAL, (*lognormal_log_parameters(mean, sd), 0.0, 0.0)
    raise TypeError(f"not a distribution: {distribution!r}")


def _share_of_width(low: float, point: float, high: float) -> float:
    """``(point - low) / (high - low)``, also for a width beyond float64 (from the halves)."""
    width = high - low
    if math.isfinite(width):
        return (point - low) / width
    return (point / 2 - low / 2) / (high / 2 - low / 2)


def _stretch(low: float, high: float, share: FloatArray) -> FloatArray:
    """Shares in ``[0, 1]`` stretched to ``[low, high]``: ``low (1 - s) + high s``, which stays
    within float64 even where ``high - low`` does not, and gives ``low`` and ``high`` exactly
    at 0 and 1."""
    return low * (1.0 - share) + high * share


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


def clip_to_range(
    path: str, values: FloatArray, horizon_years: int | None = None
) -> tuple[FloatArray, int]:
    """Clip values to the valid range of the field at ``path``; also return how many were.

    Whole years (:data:`WHOLE_YEARS`) are first rounded to the nearest whole number, halves
    up; a draw counts as clipped when its rounded value lies outside the range.
    """
    low, high = field_range(path, horizon_years)
    if path.rsplit(".", 1)[-1] in WHOLE_YEARS:
        values = np.floor(values + 0.5)
    outside = int(np.count_nonzero((values < low) | (values > high)))
    return (np.clip(values, low, high) if outside else values), outside


class Purpose(IntEnum):
    """What a random stream is for: the first word of its spawn key (:func:`stream`)."""

    VALUE = 0
    """The draws of an input written as a distribution."""
    EVENT = 1
    """Whether money comes, or an event happens (docs/uncertainty.md, all-or-nothing money)."""
    ORDER = 2
    """The random order behind the rank correlations of a set of inputs."""


def stream(seed: int, purpose: Purpose, path: str) -> np.random.Generator:
    """The random generator of one input (or one group of inputs) for one purpose.

    A PCG64 generator whose :class:`numpy.random.SeedSequence` has the seed as entropy and,
    as spawn key, the purpose followed by the UTF-8 bytes of the field path. Distinct paths
    give distinct keys (no hash that two paths could share), and a stream depends on nothing
    but the seed, the purpose and the path.

    Examples
    --------
    >>> first = stream(1, Purpose.VALUE, "outcomes[0].proxy").random()
    >>> first == stream(1, Purpose.VALUE, "outcomes[0].proxy").random()
    True
    >>> first == stream(1, Purpose.EVENT, "outcomes[0].proxy").random()
    False
    """
    key = (int(purpose), *path.encode())
    # PCG64 by name, which numpy's default_rng is today: the seeds keep their numbers should
    # that default change, and the compiled draws step this generator (kernels/draws.py)
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy=seed, spawn_key=key)))


_LOW_WORD = 2**64 - 1


def stream_words(generator: np.random.Generator) -> np.ndarray:
    """The PCG64 state of a stream as four 64-bit words (state high and low, increment high
    and low): what the compiled draws (:mod:`businesscase.kernels.draws`) step on."""
    state = generator.bit_generator.state
    if state["bit_generator"] != "PCG64":
        raise TypeError(f"only PCG64 streams are drawn compiled, not {state['bit_generator']}")
    words = [state["state"]["state"], state["state"]["inc"]]
    return np.array([part for w in words for part in (w >> 64, w & _LOW_WORD)], dtype=np.uint64)


def set_stream_words(generator: np.random.Generator, words: np.ndarray) -> None:
    """Put the state :func:`stream_words` gave, stepped on, back into the stream."""
    state = generator.bit_generator.state
    high, low, inc_high, inc_low = (int(w) for w in words)
    state["state"] = {"state": high << 64 | low, "inc": inc_high << 64 | inc_low}
    generator.bit_generator.state = state


def stream_states(seed: int, purpose: Purpose, paths: Sequence[str]) -> np.ndarray:
    """The PCG64 states of the streams of ``paths`` (:func:`stream`) before their first draw,
    as :func:`stream_words` gives them: shape ``(len(paths), 4)``, uint64.

    Inside :func:`businesscase.fast.compiled` they are made by
    :func:`businesscase.kernels.draws.seeded_states` from the 32-bit words a
    :class:`numpy.random.SeedSequence` mixes: the seed's words, the lowest first, padded with
    zeros to the pool of four (numpy pads when a spawn key follows, as it always does here),
    then one word per number of the spawn key (the purpose and the path's bytes). The same
    states as numpy's, some 25 times faster than making the generators (40 us a stream, 8 ms
    for the 162 streams of the benchmark scenario). Elsewhere, for a negative seed (which
    numpy refuses), or with a numpy that seeds differently (checked once, on a probe), they
    are copied out of numpy's generators.
    """
    kernels = fast.kernels()
    if kernels is None or seed < 0 or not _seeding_agrees(kernels):
        return _copied_states(seed, purpose, paths)
    return _seeded_states(kernels, seed, purpose, paths)


def _copied_states(seed: int, purpose: Purpose, paths: Sequence[str]) -> np.ndarray:
    """:func:`stream_states` copied out of numpy's generators."""
    states = [stream_words(stream(seed, purpose, path)) for path in paths]
    return np.array(states, dtype=np.uint64).reshape(len(paths), 4)


def _seeded_states(
    kernels: ModuleType, seed: int, purpose: Purpose, paths: Sequence[str]
) -> np.ndarray:
    """:func:`stream_states` made by the kernel from the words numpy's seed sequence mixes."""
    seed = int(seed)
    shifts = range(0, max(128, seed.bit_length()), 32)  # at least the pool's four words
    seed_words = [(seed >> shift) & 0xFFFFFFFF for shift in shifts]
    keys = [path.encode() for path in paths]
    sizes = np.array([len(seed_words) + 1 + len(key) for key in keys], dtype=np.int64)
    entropy = np.zeros(
        (len(paths), len(seed_words) + 1 + max(map(len, keys), default=0)), np.uint64
    )
    entropy[:, : len(seed_words)] = seed_words
    entropy[:, len(seed_words)] = int(purpose)
    for row, key in zip(entropy, keys, strict=True):
        row[len(seed_words) + 1 : len(seed_words) + 1 + len(key)] = np.frombuffer(key, np.uint8)
    return kernels.seeded_states(entropy, sizes)


@functools.cache
def _seeding_agrees(kernels: ModuleType) -> bool:
    """Whether the kernel seeds a stream as the numpy in use does, on a probe with a seed of
    three words beyond the pool and a path of multi-byte characters: a numpy release that
    changed its seed sequence keeps its own streams (made by numpy, more slowly)."""
    probe = (2**200 + 20261205, Purpose.ORDER, ["outcomes[0].proxy|costs[12].start|€"])
    return bool(np.array_equal(_seeded_states(kernels, *probe), _copied_states(*probe)))


class StreamStates:
    """The streams of some paths for one purpose, held as words while they are drawn compiled.

    :meth:`words` gives the states for the compiled draws to step on in place (made straight
    from the seed, :func:`stream_states`, until numpy has drawn); :meth:`generators` gives the
    streams as numpy's generators, made when first asked and with the stepped states written
    back into them, so the two forms may take turns on the same streams.
    """

    def __init__(self, seed: int, purpose: Purpose, paths: Sequence[str]) -> None:
        self.seed, self.purpose, self.paths = seed, purpose, list(paths)
        self.made: list[np.random.Generator] | None = None
        self.held: np.ndarray | None = None

    def words(self) -> np.ndarray:
        """The states, shape ``(streams, 4)``, uint64, stepped on in place by the kernels."""
        if self.held is None and self.made is None:
            self.held = stream_states(self.seed, self.purpose, self.paths)
        elif self.held is None:
            self.held = np.zeros((len(self.paths), 4), dtype=np.uint64)
            for row, generator in zip(self.held, self.made, strict=True):
                row[:] = stream_words(generator)
        return self.held

    def generators(self) -> list[np.random.Generator]:
        """The streams, for numpy to draw from: made on first use (:func:`stream`), the states
        the kernels stepped on written into them."""
        if self.made is None:
            self.made = [stream(self.seed, self.purpose, path) for path in self.paths]
        if self.held is not None:
            for row, generator in zip(self.held, self.made, strict=True):
                set_stream_words(generator, row)
            self.held = None
        return self.made


SAMPLE_BLOCK = 8_192
"""Draws sampled at a time (docs/uncertainty.md, "Reproducible"): every stream is read a block
of this many draws after the other, and a ``[[correlations]]`` group is reordered within each
block. The blocks are fixed by the number of draws alone, so the chunk size and the threads do
not change a draw; a simulation samples a block while the chunks of the block before are
evaluated, and keeps only the blocks in flight (64 KB per input)."""


def blocks(draws: int) -> list[tuple[int, int]]:
    """The ``(start, stop)`` draws of each block of :data:`SAMPLE_BLOCK`, the last one shorter.

    Examples
    --------
    >>> blocks(20_000)
    [(0, 8192), (8192, 16384), (16384, 20000)]
    """
    return [(start, min(start + SAMPLE_BLOCK, draws)) for start in range(0, draws, SAMPLE_BLOCK)]


def sample_input(
    path: str, distribution: object, draws: int, seed: int, horizon_years: int | None = None
) -> tuple[FloatArray, int]:
    """``draws`` draws of the input at ``path`` from its own stream, a block at a time
    (:func:`blocks`), clipped to the field's valid range (a start to the horizon's last year);
    also the number of draws clipped. These are the draws :func:`simulate` makes of an input
    in no ``[[correlations]]`` group."""
    rng = stream(seed, Purpose.VALUE, path)
    drawn = np.concatenate(
        [sample(distribution, stop - start, rng) for start, stop in blocks(draws)] or [[]]
    )
    return clip_to_range(path, drawn, horizon_years)


def sample_inputs(
    inputs: Mapping[str, object],
    draws: int,
    seed: int,
    *,
    threads: int = 1,
    horizon_years: int | None = None,
) -> tuple[dict[str, FloatArray], dict[str, int]]:
    """Draw every uncertain input for all draws, clipped to its field's valid range.

    Each input is drawn from its own stream (:func:`stream`), so a seed fixes every draw of an
    input whatever the other inputs, their order or the number of threads. The draws are those
    of :class:`InputSampler` before any rank correlation.

    Parameters
    ----------
    inputs : mapping of str to distribution
        Uncertain inputs by field path (:func:`businesscase.parameters.uncertain_inputs`).
    draws : int
        Number of draws ``D``.
    seed : int
        The seed (a non-negative integer) every stream is derived from.
    threads : int, default 1
        Inputs sampled side by side (numpy's generators release the GIL while they fill an
        array); the draws do not depend on it.
    horizon_years : int, optional
        The scenario's horizon: a sampled ``start`` is clipped to its last year.

    Returns
    -------
    values : dict of str to array of shape (D,)
        The clipped draws by path, in sorted path order.
    clipped : dict of str to int
        Per path, the number of draws that were outside the valid range and were clipped.
    """
    paths = sorted(inputs)

    def one(path: str) -> tuple[FloatArray, int]:
        return sample_input(path, inputs[path], draws, seed, horizon_years)

    if threads > 1 and len(paths) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            drawn = list(pool.map(one, paths))
    else:
        drawn = [one(path) for path in paths]
    values = {path: value for path, (value, _) in zip(paths, drawn, strict=True)}
    clipped = {path: count for path, (_, count) in zip(paths, drawn, strict=True)}
    return values, clipped


class InputSampler:
    """Every uncertain input of a simulation, a block of draws at a time (:func:`blocks`).

    Each input's stream (:func:`stream`) is read on from block to block, so the blocks one
    after the other give the draws of :func:`sample_inputs`; then the inputs of the
    ``[[correlations]]`` groups are reordered within the block (:func:`rank_correlate`), their
    order stream also read on. Call :meth:`next_block` for the blocks in order.

    Parameters
    ----------
    inputs : mapping of str to distribution
        Uncertain inputs by field path.
    seed : int
        The seed every stream is derived from.
    horizon_years : int, optional
        The scenario's horizon: a sampled ``start`` is clipped to its last year.
    correlated : (paths, rank), optional
        The inputs of the ``[[correlations]]`` groups and their target rank correlation
        (:func:`rank_correlations`).
    """

    def __init__(
        self,
        inputs: Mapping[str, object],
        seed: int,
        *,
        horizon_years: int | None = None,
        correlated: tuple[Sequence[str], FloatArray] | None = None,
    ) -> None:
        self.inputs = {path: inputs[path] for path in sorted(inputs)}
        self.horizon_years = horizon_years
        self.states = StreamStates(seed, Purpose.VALUE, list(self.inputs))
        self.plan: list[tuple] | None = None
        self.correlated = correlated if correlated and correlated[0] else None
        if self.correlated:
            self.order = stream(seed, Purpose.ORDER, "|".join(self.correlated[0]))

    def next_block(
        self, draws: int, mapper: Callable = map, parts: int = 1
    ) -> tuple[dict[str, FloatArray], dict[str, int]]:
        """The next ``draws`` draws of every input, clipped and rank-correlated, in sorted path
        order; and per input the number of them clipped.

        The inputs are drawn in ``parts`` shares, ``mapper`` mapping over the shares: a thread
        pool's ``map`` draws them side by side. Every input reads its own stream, so the draws
        do not depend on the shares or the threads. Inside :func:`businesscase.fast.compiled`
        the draws are made by :func:`businesscase.kernels.draws.draw_input`: the same numbers.
        """
        paths = list(self.inputs)
        kernels = fast.kernels()
        if kernels is None or not kernels.COMPILED_DRAWS:
            values, clipped = self._drawn(draws, mapper, parts)
        else:
            values, clipped = self._drawn_compiled(kernels, draws, mapper, parts)
        if self.correlated:
            values = _reorder(values, *self.correlated, self.order)
        return values, dict(zip(paths, clipped, strict=True))

    def _drawn(
        self, draws: int, mapper: Callable, parts: int
    ) -> tuple[dict[str, FloatArray], list[int]]:
        """The block's draws and clip counts from numpy's generators (:func:`sample`)."""
        paths = list(self.inputs)
        shares = [paths[part::parts] for part in range(parts)]
        streams = dict(zip(paths, self.states.generators(), strict=True))

        def draw(share: list[str]) -> list[tuple[FloatArray, int]]:
            return [
                clip_to_range(
                    path, sample(self.inputs[path], draws, streams[path]), self.horizon_years
                )
                for path in share
            ]

        drawn = {
            path: made
            for share, share_drawn in zip(shares, mapper(draw, shares), strict=True)
            for path, made in zip(share, share_drawn, strict=True)
        }
        return {path: drawn[path][0] for path in paths}, [drawn[path][1] for path in paths]

    def _drawn_compiled(
        self, kernels: ModuleType, draws: int, mapper: Callable, parts: int
    ) -> tuple[dict[str, FloatArray], list[int]]:
        """The same draws from the compiled kernels (:func:`businesscase.kernels.draws.draw_input`).

        Each input's draws are an array of their own, made on the drawing thread, as numpy's
        are: one array for all inputs (9 MB a block for the benchmark), or arrays made on the
        calling thread, raised a simulation's peak memory by 10 to 20 MB over a few runs (the
        C library serves large arrays differently once one is freed, and keeps each thread's
        freed memory for that thread).
        """
        paths = list(self.inputs)
        if self.plan is None:
            self.plan = []
            for path in paths:
                kind, parameters = kernel_parameters(self.inputs[path])
                low, high = field_range(path, self.horizon_years)
                whole = path.rsplit(".", 1)[-1] in WHOLE_YEARS
                self.plan.append((int(kind), np.array(parameters), low, high, whole))
        words = self.states.words()
        values: list[FloatArray] = [np.empty(0)] * len(paths)
        clipped = [0] * len(paths)

        def draw(share: range) -> None:
            for k in share:
                values[k] = np.empty(draws)
                clipped[k] = kernels.draw_input(*self.plan[k], words[k], values[k])

        list(mapper(draw, [range(part, len(paths), parts) for part in range(parts)]))
        return dict(zip(paths, values, strict=True)), clipped


def draw_events(
    rng: np.random.Generator, chance: FloatArray | float, draws: int, years: int | None = None
) -> np.ndarray:
    """Whether money comes, or an event happens, per draw (and year): all or nothing.

    Money: one uniform ``u`` per draw; it comes when ``u < p``, ``p`` the draw's chance.
    Yearly events: one random 32-bit whole number ``k`` per draw and year (half of one 64-bit
    word of the stream each, the low half first); the event happens when
    ``k < p 2^32``, so with probability ``p`` to within ``2^-32``. Half the work of a uniform
    each: a plan over 30 years draws 30 of them per avoided cost and draw.

    Parameters
    ----------
    rng : numpy.random.Generator
        The event stream of the line (:func:`stream`, :attr:`Purpose.EVENT`), read on from
        block to block.
    chance : float or array of shape (D,)
        The chance, the same in every draw or sampled per draw [fraction 0-1].
    draws : int
        Number of draws ``D``.
    years : int, optional
        With years, one event per draw and year (an avoided cost's yearly shock).

    Returns
    -------
    bool array, shape (D,) or (D, years)
    """
    if years is None:
        return rng.random(draws) < chance
    words = rng.bit_generator.random_raw((draws * years + 1) // 2)
    # each 64-bit word read as two little-endian 32-bit halves, the low half first (a copy
    # that swaps the bytes only on a big-endian processor)
    whole = words.astype("<u8", copy=False).view("<u4")[: draws * years].reshape(draws, years)
    return whole < np.reshape(chance, (-1, 1)) * 2.0**32


# --- rank correlation (Iman and Conover 1982) ----------------------------------------------


def rank_correlations(
    groups: Sequence[tuple[Sequence[str], float]],
) -> tuple[list[str], FloatArray]:
    """The target rank correlation matrix of every input named in ``[[correlations]]``.

    Parameters
    ----------
    groups : sequence of (paths, rho)
        Per group, its inputs' field paths and the rank correlation of every pair of them.

    Returns
    -------
    paths : list of str
        Every input named in a group, sorted.
    matrix : array, shape (K, K)
        1 on the diagonal, ``rho`` for a pair in a group, 0 for a pair in none.
    """
    paths = sorted({path for inputs, _ in groups for path in inputs})
    where = {path: k for k, path in enumerate(paths)}
    matrix = np.eye(len(paths))
    for inputs, rho in groups:
        for first in inputs:
            for second in inputs:
                if first != second:
                    matrix[where[first], where[second]] = rho
    return paths, matrix


def score_correlation(rank: FloatArray) -> FloatArray:
    """The correlation of normal scores that gives the rank correlation ``rank``.

    Two normal variables with correlation ``r`` have the rank (Spearman) correlation
    ``(6 / pi) asin(r / 2)``; the inverse, ``r = 2 sin(pi rho / 6)``, is the target for the
    van der Waerden scores (at most 0.018 away from ``rho``).
    """
    return 2.0 * np.sin(np.pi * rank / 6.0)


def smallest_eigenvalue(matrix: FloatArray) -> float:
    """The smallest eigenvalue of a symmetric matrix: above 0 when it is a valid correlation
    matrix (positive definite)."""
    return float(np.linalg.eigvalsh(matrix)[0])


def is_valid_correlation(rank: FloatArray) -> bool:
    """Whether a target rank correlation matrix, and the score correlation made from it, are
    both positive definite (so a Cholesky factor exists)."""
    return min(smallest_eigenvalue(rank), smallest_eigenvalue(score_correlation(rank))) > 0.0


def rank_correlate(
    samples: Mapping[str, FloatArray], paths: Sequence[str], rank: FloatArray, seed: int
) -> dict[str, FloatArray]:
    """Reorder the samples of ``paths`` so that they reach the rank correlation ``rank``.

    Iman and Conover's method [2]_: with ``D`` draws and ``K`` inputs,

    1. the van der Waerden scores ``a_i = Phi^-1(i / (D + 1))``, each of the ``K`` columns of
       a matrix ``M`` a random permutation of them (from the order stream of the group,
       :func:`stream`);
    2. ``T = M (Q^-1)' P'``, with ``P`` the Cholesky factor of the target score correlation
       (:func:`score_correlation`) and ``Q`` that of ``M``'s own correlation: ``T``'s columns
       have exactly the target correlation;
    3. each input's sorted samples are put in the order of the ranks of its column of ``T``.

    Every input keeps exactly its own values (its marginal distribution), only their order
    changes, so the draws of an input are the same with or without the correlation. With
    fewer than ``K + 2`` draws the scores' correlation may be singular; the samples are
    then left as they are.

    Parameters
    ----------
    samples : mapping of str to array of shape (D,)
        The independently drawn inputs (:func:`sample_inputs`).
    paths : sequence of str
        The inputs to correlate (:func:`rank_correlations`).
    rank : array, shape (K, K)
        Their target rank correlation matrix, positive definite.
    seed : int
        The seed of the order stream.

    Returns
    -------
    dict of str to array of shape (D,)
        ``samples`` with the inputs of ``paths`` reordered.

    References
    ----------
    .. [2] R. L. Iman and W. J. Conover, "A distribution-free approach to inducing rank
       correlation among input variables", *Communications in Statistics - Simulation and
       Computation* 11(3), 311-334 (1982).
    """
    return _reorder(samples, paths, rank, stream(seed, Purpose.ORDER, "|".join(paths)))


def _reorder(
    samples: Mapping[str, FloatArray],
    paths: Sequence[str],
    rank: FloatArray,
    order: np.random.Generator,
) -> dict[str, FloatArray]:
    """:func:`rank_correlate` with the random order of the scores from ``order``."""
    draws = len(samples[paths[0]]) if paths else 0
    if draws < len(paths) + 2:
        return dict(samples)
    scores = van_der_waerden(draws)
    columns = np.column_stack([order.permutation(scores) for _ in paths])
    own = _correlation(columns)
    try:
        target = np.linalg.cholesky(score_correlation(rank))
        current = np.linalg.cholesky(own)
    except np.linalg.LinAlgError:
        return dict(samples)
    arranged = rowwise_matmul(columns, (target @ np.linalg.inv(current)).T)
    kernels = fast.kernels()  # inside a simulation: the compiled sort (the same order)
    reordered = dict(samples)
    for k, path in enumerate(paths):
        order = None if kernels is None else kernels.sort_order(arranged[:, k])
        reordered[path] = np.empty(draws)
        reordered[path][np.argsort(arranged[:, k]) if order is None else order] = np.sort(
            samples[path]
        )
    return reordered


ONE_THREAD = 262_144
"""Multiply-adds up to which OpenBLAS keeps a matrix product on one thread
(:mod:`businesscase.matmul`)."""


def _correlation(columns: FloatArray) -> FloatArray:
    """The correlation matrix of the columns (``np.corrcoef(columns, rowvar=False)`` up to
    rounding), from products of slices of rows that each stay on one thread: BLAS would
    split one large product over threads that wait for the chunks' own threads (ten times
    slower on a busy machine), and the slices are fixed by the shape alone."""
    rows, count = columns.shape
    step = max(1, ONE_THREAD // (count * count))
    slices = -(-rows // step)
    centered = np.zeros((slices * step, count))
    centered[:rows] = columns - columns.mean(axis=0)
    stacked = centered.reshape(slices, step, count)
    gram = np.matmul(stacked.transpose(0, 2, 1), stacked).sum(axis=0)
    scale = np.sqrt(np.diag(gram))
    return gram / np.outer(scale, scale)


@functools.lru_cache(maxsize=4)
def van_der_waerden(draws: int) -> FloatArray:
    """The van der Waerden scores ``Phi^-1(i / (draws + 1))``, ``i = 1 .. draws`` (read-only;
    kept for the sizes last asked: every full block has the same)."""
    normal = NormalDist()
    scores = np.array([normal.inv_cdf(i / (draws + 1)) for i in range(1, draws + 1)])
    scores.flags.writeable = False
    return scores
