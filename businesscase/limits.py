"""How much work one request may ask for: draws, sweep points and memory, checked up front.

Every engine call holds arrays of shape (draws, lines, years) while it works and keeps a few
numbers per draw afterwards. The limits below are checked *before* anything of that size is
allocated, and each message states the limit, so a request that cannot fit fails at once with
a clear error instead of filling the machine's memory (see ``docs/uncertainty.md``, "Limits
and memory").

- :data:`MEMORY_BUDGET`: the working arrays of one request stay within 1 GiB. Half of it is
  for the chunks being evaluated (:func:`chunk_size` picks how many draws a chunk holds), half
  for what is kept of every draw (the figures and the yearly cash balance); once the chunks
  are done, the whole of it for these and the sampled inputs, drawn again when asked for.
- :data:`MAX_DRAWS`: at most a million Monte Carlo draws, fewer when a draw's results are
  large (:func:`max_draws`).
- :data:`MAX_SWEEP_POINTS`: at most a million variations in one sweep.

The sizes are estimates from the shapes of the arrays the engine builds (:func:`draw_bytes`,
:func:`kept_bytes`, :func:`input_bytes`), calibrated against the peak memory of fresh
processes (``bench/limits.py``; docs/uncertainty.md, "Limits and memory").
"""

from __future__ import annotations

from businesscase import formatting as fmt
from businesscase.metrics import SCALAR_METRICS
from businesscase.parameters import NUMERIC_FIELDS, section_lines, uncertain_inputs
from businesscase.scenario import Scenario
from businesscase.text import t

MEMORY_BUDGET = 1 << 30
"""Working memory one request may use [bytes]: 1 GiB, half for the chunks being evaluated,
half for the numbers kept per draw. Fits next to the app and the other work of a laptop with
8 GB."""

MAX_DRAWS = 1_000_000
"""Most Monte Carlo draws of one simulation: P5 and P95 are then known to about 0.05
percentage point; more draws add nothing a business case can use."""

MAX_SWEEP_POINTS = 1_000_000
"""Most variations of one sweep (the product of the numbers of values per field)."""

DEFAULT_CHUNK_SIZE = 5_000
"""Most draws evaluated at once: 5,000-10,000 is faster than one big block, and small
scenarios reach it long before the memory budget does."""

SIMULATION_CHUNK_SIZE = 2_048
"""Most draws a Monte Carlo evaluates at once per thread. A chunk through the compiled kernels
(:mod:`businesscase.kernels`) holds about 10 KB a draw of the bench scenario (its parameters,
the fused kernel's yearly totals, the contract's arrays). Measured on 100,000 draws of the
bench scenario (docs/uncertainty.md, "Chunk size"): chunks of 2,048 draws take 10 to 25% less
time than chunks of 1,000 (less Python work per draw, so the two threads overlap more) and peak
at 375 MB against 351; chunks of 3,072 and 4,096 peak at 412 and 449 MB, above the 400 MB the
benchmark allows, for no further gain."""

BYTES_PER_NUMBER = 8
"""A float64 [bytes]."""

ARRAYS_PER_LINE_YEAR = 4
"""Arrays of shape (draws, lines, years) alive at once while a chunk is evaluated: a section's
amounts, the outcome cohorts and values, and the temporaries of their sums (measured: a
19,000-line, 200-year scenario peaks at 3 to 4 of them per draw)."""

ARRAYS_PER_YEAR = 48
"""Arrays of shape (draws, years) alive at once: the yearly series (costs, benefits by type,
inflows, cash balance, ...), discount factors and the IRR's work arrays."""

INPUT_COPIES = 3
"""Copies of each sampled input held at once when the inputs of a simulation are drawn again
(:attr:`businesscase.uncertainty.SimulationResult.per_draw`): the blocks drawn and their
joined arrays, two by the code. Measured in fresh processes: 1.75 to 1.86 copies for
321,000 draws of the benchmark scenario (144 inputs), 1.84 to 1.99 for 300,000 and 504,000
draws of ``botu_programma`` (115 inputs); three leave a third of margin."""


class LimitError(ValueError):
    """A request larger than the limits of this module; the message states the limit.

    ``str(error)`` is the message in English; :meth:`text` gives it in Dutch or English (the
    texts live in :mod:`businesscase.text`, keys ``limit_*``).

    Attributes
    ----------
    key : str
        The key of the message in :data:`businesscase.text.TEXT`.
    values : dict
        Its numbers, tuples of numbers (``100,000 x 1,000``) and sizes in bytes (names ending
        in ``_bytes``), written in the language when the text is made.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``nl`` or ``en``), numbers written as that language writes
        them (``1.000.000`` in Dutch)."""
        return t(
            self.key,
            lang,
            **{name: _shown(name, value, lang) for name, value in self.values.items()},
        )


def draw_bytes(scenario: Scenario) -> int:
    """Working memory of one draw while it is evaluated [bytes].

    ``8 x years x (4 x lines + 48)``: :data:`ARRAYS_PER_LINE_YEAR` arrays over lines and
    years, :data:`ARRAYS_PER_YEAR` over years. A SIB adds nothing beyond the horizon: its
    payments are kept per year within the horizon plus one total beyond it.
    """
    lines = sum(len(section_lines(scenario, section)) for section in NUMERIC_FIELDS)
    years = scenario.settings.horizon_years
    return BYTES_PER_NUMBER * years * (ARRAYS_PER_LINE_YEAR * lines + ARRAYS_PER_YEAR)


def kept_bytes(scenario: Scenario) -> int:
    """Memory a simulation keeps per draw while its chunks are evaluated [bytes].

    ``8 x (figures + years)``: every scalar figure and the cash balance of every year. The
    sampled inputs are not kept (:func:`input_bytes`), nor the money and events drawn: those
    are held a block of draws at a time. Measured (fresh processes, 50,000 to 1,000,000
    draws): 373 bytes a draw of ``botu_programma`` (360 by this count) and 533 of the
    benchmark scenario (520), on top of about 40 MB for the chunks in flight.
    """
    years = scenario.settings.horizon_years
    return BYTES_PER_NUMBER * (len(SCALAR_METRICS) + years)


def input_bytes(scenario: Scenario) -> int:
    """Memory per draw of the sampled inputs when they are drawn again [bytes]:
    ``8 x 3 x uncertain inputs`` (:data:`INPUT_COPIES`)."""
    return BYTES_PER_NUMBER * INPUT_COPIES * len(uncertain_inputs(scenario))


def chunk_size(scenario: Scenario, workers: int, most: int = DEFAULT_CHUNK_SIZE) -> int:
    """Draws evaluated at once so that ``workers`` chunks fit in half the budget.

    ``min(most, (MEMORY_BUDGET / 2) / (workers x draw_bytes))``, at least 1. On two threads
    this is 4,438 for the benchmark's 50 lines over 30 years (``most`` 5,000), and 13 for
    3,000 lines (the most a scenario may have) over 200 years.

    Parameters
    ----------
    scenario : Scenario
        The scenario evaluated.
    workers : int
        Chunks evaluated side by side (threads).
    most : int, default :data:`DEFAULT_CHUNK_SIZE`
        Most draws in a chunk (a Monte Carlo takes :data:`SIMULATION_CHUNK_SIZE`).

    Raises
    ------
    LimitError
        When a single draw needs more than half the budget.
    """
    check_scenario_size(scenario)
    fitting = (MEMORY_BUDGET // 2) // (max(workers, 1) * draw_bytes(scenario))
    return int(max(1, min(most, fitting)))


def check_scenario_size(scenario: Scenario) -> None:
    """Refuse a scenario of which a single evaluation needs more than half the budget.

    Raises
    ------
    LimitError
        Naming the number of lines and years, the memory needed and the budget.
    """
    needed = draw_bytes(scenario)
    if needed > MEMORY_BUDGET // 2:
        lines = sum(len(section_lines(scenario, section)) for section in NUMERIC_FIELDS)
        raise LimitError(
            "limit_scenario_size",
            lines=lines,
            years=scenario.settings.horizon_years,
            needed_bytes=needed,
            budget_bytes=MEMORY_BUDGET // 2,
        )


def max_draws(scenario: Scenario) -> int:
    """Most Monte Carlo draws of ``scenario``: :data:`MAX_DRAWS`, or fewer when what is kept
    of every draw would not fit (:func:`kept_within`)."""
    size, budget = kept_within(scenario)
    return int(min(MAX_DRAWS, budget // size))


def kept_within(scenario: Scenario) -> tuple[int, int]:
    """What a draw holds at the peak that limits the number of draws, and the memory it must
    fit in [bytes]: its figures and cash balance (:func:`kept_bytes`) in half the budget while
    the chunks are evaluated in the other half, or these and its sampled inputs drawn again
    (:func:`input_bytes`) in the whole budget, once the chunks are done; whichever allows
    fewer draws."""
    kept = kept_bytes(scenario)
    evaluating, asked = (kept, MEMORY_BUDGET // 2), (kept + input_bytes(scenario), MEMORY_BUDGET)
    return min(evaluating, asked, key=lambda pair: pair[1] // pair[0])


def check_draws(scenario: Scenario, draws: int) -> None:
    """Refuse a number of draws below 1 or above :func:`max_draws`.

    Raises
    ------
    LimitError
        Stating the number asked for and the most allowed for this scenario.
    """
    if draws < 1:
        raise LimitError("limit_draws_below_one", draws=draws)
    if draws > MAX_DRAWS:
        raise LimitError("limit_draws", draws=draws, most=MAX_DRAWS)
    most = max_draws(scenario)
    if draws > most:
        size, budget = kept_within(scenario)
        raise LimitError(
            "limit_draws_scenario", draws=draws, most=most, kept_bytes=size, budget_bytes=budget
        )


def check_evaluations(scenario: Scenario, analysis: str, inputs: int, evaluations: int) -> None:
    """Refuse an engine call of ``evaluations`` draws whose figures would not fit.

    Sensitivity and switching values evaluate every uncertain input at several values in one
    call; a scenario with thousands of uncertain inputs would keep millions of results.

    Parameters
    ----------
    scenario : Scenario
        The scenario analysed.
    analysis : {"tornado", "switching"}
        Which analysis asks.
    inputs : int
        Its number of uncertain inputs.
    evaluations : int
        The draws of its engine call.

    Raises
    ------
    LimitError
        Naming the analysis, the number of inputs and evaluations, and the limit.
    """
    most = max_draws(scenario)
    if evaluations > most:
        raise LimitError(
            f"limit_evaluations_{analysis}",
            inputs=inputs,
            evaluations=evaluations,
            most=most,
            budget_bytes=kept_within(scenario)[1],
        )


def check_sweep_points(counts: list[int]) -> None:
    """Refuse a sweep whose grid has more than :data:`MAX_SWEEP_POINTS` points.

    Parameters
    ----------
    counts : list of int
        The number of values per swept field; the grid has their product of points (computed
        with Python integers, so it cannot overflow).

    Raises
    ------
    LimitError
        Stating the number of points and the limit.
    """
    points = 1
    for count in counts:
        points *= count
    if points > MAX_SWEEP_POINTS:
        raise LimitError(
            "limit_sweep_points",
            sizes=tuple(counts),
            points=points,
            most=MAX_SWEEP_POINTS,
        )


def _shown(name: str, value: object, lang: str) -> str:
    """A value of a :class:`LimitError` as ``lang`` writes it."""
    if name.endswith("_bytes") and isinstance(value, int):
        return _size(value, lang)
    if isinstance(value, tuple):
        return " x ".join(fmt.number(count, lang, 0) for count in value)
    if isinstance(value, int):
        return fmt.number(value, lang, 0)
    return str(value)


def _size(size: int, lang: str) -> str:
    """Bytes for people: ``512 MiB``, ``12.3 MiB``, ``3.58 KiB`` (``3,58 KiB`` in Dutch)."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            amount = size / scale
            decimals = 2 if amount < 10 else 1 if amount < 100 else 0
            return f"{fmt.number(amount, lang, decimals)} {unit}"
    return f"{fmt.number(size, lang, 0)} bytes"
