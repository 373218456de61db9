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

from businesscase import formatting as fmt
from businesscase.metrics import SCALAR_METRICS
from businesscase.parameters import NUMERIC_FIELDS, risky_lines, section_lines, uncertain_inputs
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

KEPT_COPIES = 2
"""Copies of each kept number at the peak of a simulation: the joined arrays and, while they
are joined or summarised, a chunk's results or a sorted copy (measured: 203,000 draws of
``botu_programma`` keep 180 MB and peak 320 MB above the interpreter's own memory)."""


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
    """Memory kept per Monte Carlo draw until the summary is made [bytes].

    ``8 x 2 x (figures + years + uncertain inputs) + 8 x risky funding lines + years x risky
    avoided costs``: every scalar figure, the cash balance of every year and every sampled
    input, :data:`KEPT_COPIES` times; and the events a Monte Carlo holds for all draws
    (docs/uncertainty.md): whether a funding line's money comes (a number per line) and whether
    an avoided cost's event happens (a byte per line and year), for the lines whose chance
    leaves something to draw (:func:`businesscase.parameters.risky_lines`).
    """
    years = scenario.settings.horizon_years
    numbers = len(SCALAR_METRICS) + years + len(uncertain_inputs(scenario))
    money, events = (len(risky_lines(scenario, s)) for s in ("funding", "avoided_costs"))
    events = BYTES_PER_NUMBER * money + years * events
    return BYTES_PER_NUMBER * KEPT_COPIES * numbers + events


def chunk_size(scenario: Scenario, workers: int, most: int = DEFAULT_CHUNK_SIZE) -> int:
    """Draws evaluated at once so that ``workers`` chunks fit in half the budget.

    ``min(most, (MEMORY_BUDGET / 2) / (workers x draw_bytes))``, at least 1. For the
    benchmark's 50 lines over 30 years this is 4,190 (``most`` 5,000); for 19,000 lines over
    200 years, 2.

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
        raise LimitError("limit_draws_below_one", draws=draws)
    if draws > MAX_DRAWS:
        raise LimitError("limit_draws", draws=draws, most=MAX_DRAWS)
    most = max_draws(scenario)
    if draws > most:
        raise LimitError(
            "limit_draws_scenario",
            draws=draws,
            most=most,
            kept_bytes=kept_bytes(scenario),
            budget_bytes=MEMORY_BUDGET // 2,
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
            budget_bytes=MEMORY_BUDGET // 2,
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
