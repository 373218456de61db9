"""How much work one request may ask for: draws, sweep points and memory, checked up front.

Every engine call holds arrays of shape (draws, lines, years) while it works and keeps a few
numbers per draw afterwards. The limits below are checked *before* anything of that size is
allocated, and each message states the limit, so a request that cannot fit fails at once with
a clear error instead of filling the machine's memory (see ``docs/uncertainty.md``, "Limits
and memory").

- :data:`MEMORY_BUDGET`: the working arrays of one request stay within 1 GiB. Half of it is
  for the chunks being evaluated (:func:`chunk_size` picks how many draws a chunk holds), half
  for what is kept of every draw (the figures, the yearly cash balance, the sampled inputs).
- :data:`MAX_DRAWS`: at most a million Monte Carlo draws, fewer when a draw's results are
  large (:func:`max_draws`).
- :data:`MAX_SWEEP_POINTS`: at most a million variations in one sweep.

The sizes are estimates from the shapes of the arrays the engine builds (:func:`draw_bytes`,
:func:`kept_bytes`), calibrated against the peak memory of fresh processes in
``bench/limits.py``.
"""

from __future__ import annotations

from businesscase.metrics import SCALAR_METRICS
from businesscase.parameters import NUMERIC_FIELDS, section_lines, uncertain_inputs
from businesscase.scenario import Scenario

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

BYTES_PER_NUMBER = 8
"""A float64 [bytes]."""

ARRAYS_PER_LINE_YEAR = 4
"""Arrays of shape (draws, lines, years) alive at once while a chunk is evaluated: a section's
amounts, the outcome cohorts and values, and the temporaries of their sums (measured: a
19,000-line, 200-year scenario peaks at 3 to 4 of them per draw)."""

ARRAYS_PER_YEAR = 48
"""Arrays of shape (draws, years) alive at once: the yearly series (costs, benefits by type,
inflows, cash balance, ...), discount factors and the IRR's work arrays."""

KEPT_COPIES = 2
"""Copies of each kept number at the peak of a simulation: the joined arrays and, while they
are joined or summarised, a chunk's results or a sorted copy (measured: 203,000 draws of
``botu_programma`` keep 180 MB and peak 320 MB above the interpreter's own memory)."""


class LimitError(ValueError):
    """A request larger than the limits of this module; the message states the limit."""


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
    """Memory kept per Monte Carlo draw until the summary is made [bytes].

    ``8 x 2 x (figures + years + uncertain inputs)``: every scalar figure, the cash balance of
    every year and every sampled input, :data:`KEPT_COPIES` times.
    """
    numbers = (
        len(SCALAR_METRICS) + scenario.settings.horizon_years + len(uncertain_inputs(scenario))
    )
    return BYTES_PER_NUMBER * KEPT_COPIES * numbers


def chunk_size(scenario: Scenario, workers: int) -> int:
    """Draws evaluated at once so that ``workers`` chunks fit in half the budget.

    ``min(5,000, (MEMORY_BUDGET / 2) / (workers x draw_bytes))``, at least 1. For the
    benchmark's 50 lines over 30 years this is 5,000; for 19,000 lines over 200 years, 2.

    Parameters
    ----------
    scenario : Scenario
        The scenario evaluated.
    workers : int
        Chunks evaluated side by side (threads).

    Raises
    ------
    LimitError
        When a single draw needs more than half the budget.
    """
    check_scenario_size(scenario)
    fitting = (MEMORY_BUDGET // 2) // (max(workers, 1) * draw_bytes(scenario))
    return int(max(1, min(DEFAULT_CHUNK_SIZE, fitting)))


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
            f"{lines:,} lines over {scenario.settings.horizon_years} years need "
            f"{_size(needed)} for one evaluation, more than the {_size(MEMORY_BUDGET // 2)} "
            "allowed: use fewer lines or a shorter horizon"
        )


def max_draws(scenario: Scenario) -> int:
    """Most Monte Carlo draws of ``scenario``: :data:`MAX_DRAWS`, or fewer when what is kept
    of every draw (:func:`kept_bytes`) would not fit in half the budget."""
    return int(min(MAX_DRAWS, (MEMORY_BUDGET // 2) // kept_bytes(scenario)))


def check_draws(scenario: Scenario, draws: int) -> None:
    """Refuse a number of draws below 1 or above :func:`max_draws`.

    Raises
    ------
    LimitError
        Stating the number asked for and the most allowed for this scenario.
    """
    if draws < 1:
        raise LimitError(f"draws = {draws}: must be at least 1")
    if draws > MAX_DRAWS:
        raise LimitError(f"draws = {draws:,}: at most {MAX_DRAWS:,} draws")
    most = max_draws(scenario)
    if draws > most:
        raise LimitError(
            f"draws = {draws:,}: this scenario allows at most {most:,} draws: each keeps "
            f"{_size(kept_bytes(scenario))} of results, within {_size(MEMORY_BUDGET // 2)}"
        )


def check_evaluations(scenario: Scenario, evaluations: int, what: str) -> None:
    """Refuse an engine call of ``evaluations`` draws whose figures would not fit.

    Sensitivity and switching values evaluate every uncertain input at several values in one
    call; a scenario with thousands of uncertain inputs would keep millions of results.

    Raises
    ------
    LimitError
        Naming ``what`` (``switching values of 19,000 uncertain inputs``) and the limit.
    """
    most = max_draws(scenario)
    if evaluations > most:
        raise LimitError(
            f"{what} need {evaluations:,} evaluations of the scenario; at most {most:,} fit "
            f"in {_size(MEMORY_BUDGET // 2)}: write fewer inputs as distributions"
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
        sizes = " x ".join(f"{count:,}" for count in counts)
        raise LimitError(
            f"the sweep has {sizes} = {points:,} points; at most {MAX_SWEEP_POINTS:,} in one sweep"
        )


def _size(size: int) -> str:
    """Bytes for people: ``512 MiB``, ``1.5 GiB``, ``24 KiB``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"
