"""How sure is the business case? Monte Carlo, tornado and switching values (docs/uncertainty.md).

All three run the one engine of :func:`businesscase.evaluate` with a leading draw axis: a
Monte Carlo sample, the tornado's low/high settings and the switching-value search grid are
each "a value per draw for some field paths" given to
:func:`~businesscase.parameters.compile_parameters`, so one engine call evaluates all of them
at once. The deterministic figures are the one-draw case of the same code path.

- :func:`simulate`: sample every distribution, evaluate all draws in chunks that bound memory,
  summarise each figure (mean, P5, P50, P95), ``p_closes`` and ``p_sroi_above_1``.
- :func:`sensitivity`: the tornado table, each uncertain input at its low and its high with the
  others at base.
- :func:`switching_values`: per uncertain input, the value at which ``npv_social`` crosses 0
  and the value at which ``closes`` flips, within a wide search range.

Inputs are drawn independently, except the groups of ``[[correlations]]``, which get the rank
correlation asked for (:mod:`businesscase.sampling`).
"""

from __future__ import annotations

import math
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from businesscase import fast, limits
from businesscase.actuals import Actuals
from businesscase.distributions import base_value, nearest_whole
from businesscase.flows import build_flows, fusable
from businesscase.metrics import (
    NO_YEAR,
    SCALAR_METRICS,
    YEAR_METRICS,
    block_totals,
    compute_metrics,
    yearly_series,
)
from businesscase.overflow import QUIET, check_finite
from businesscase.parameters import compile_parameters, is_timing, risky_lines, uncertain_inputs
from businesscase.sampling import (
    NON_NEGATIVE,
    SHARE,
    InputSampler,
    Purpose,
    StreamStates,
    blocks,
    draw_events,
    field_range,
    low_high,
    rank_correlations,
)
from businesscase.scenario import Scenario
from businesscase.timeline import FloatArray

if TYPE_CHECKING:
    from distributed import Client

PERCENTILES: tuple[int, ...] = (5, 50, 95)
"""Percentiles in the Monte Carlo summary (docs/uncertainty.md)."""

FAN_PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)
"""Percentiles of the yearly cash balance, for a fan chart."""

LARGEST = float(np.finfo(np.float64).max)
"""The largest float64, about 1.8e308: the widest end of a search range."""

MONEY_SEARCH_FACTOR = 10.0
"""Switching values of amounts, quantities and prices are searched in ``[0, 10 x v]``, with
``v`` the larger of the base value and the distribution's high."""

RATE_SEARCH_RANGE = (-0.9, 1.0)
"""Search range of switching values for ``growth`` and ``discount_rate``: from a fall of 90%
a year to a doubling every year."""

SEARCH_GRID_POINTS = 101
"""Evenly spaced points of the bracketing grid of a switching-value search (plus the base)."""

SEARCH_TOLERANCE = 1e-10
"""Bisection stops when every bracket is narrower than this share of its search range."""

WORKERS = min(os.cpu_count() or 1, 4)
"""Threads that evaluate chunks side by side (numpy releases the GIL in its array operations;
on 2 cores this takes a third off the wall time). Each chunk is computed on its own, so the
numbers do not depend on the number of threads."""

Progress = Callable[[int, int], None]
"""Called after each chunk with (draws done, draws in total)."""


def run_draws(
    scenario: Scenario,
    draws: int,
    values: Mapping[str, FloatArray] | None = None,
    actuals: Actuals | None = None,
    yearly: Mapping[str, np.ndarray] | None = None,
) -> dict[str, FloatArray]:
    """Every figure per draw: the engine for ``draws`` draws with some inputs set per draw.

    The draws are evaluated in chunks of :func:`businesscase.limits.chunk_size` (one after the
    other), so the working arrays stay within the memory budget whatever ``draws`` is; each
    chunk is computed on its own, so the numbers do not depend on the chunking.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    draws : int
        Number of draws ``D``.
    values : mapping of str to array of shape (D,), optional
        Per-draw values by field path; other inputs take their base value.
    actuals : Actuals, optional
        Reported values that replace the plan's in every draw (docs/monitoring.md).
    yearly : mapping of str to bool array of shape (D, T), optional
        Per avoided cost, whether its event happens in each draw and year
        (:func:`businesscase.parameters.compile_parameters`).

    Returns
    -------
    dict of str to array
        :func:`businesscase.metrics.compute_metrics` of the draws.

    Raises
    ------
    TooLargeToComputeError
        When figures overflow (:func:`businesscase.overflow.check_finite`).
    LimitError
        When one draw alone does not fit in the memory budget.
    """
    size = limits.chunk_size(scenario, workers=1)
    kept = _Kept(draws, scenario.settings.horizon_years)
    for start in range(0, draws, size):
        stop = min(start + size, draws)
        rows = (start, stop)
        _evaluate_draws(
            kept, start, scenario, stop - start, _rows(values, *rows), actuals, _rows(yearly, *rows)
        )
    return kept.figures()


def _rows(
    per_draw: Mapping[str, np.ndarray] | None, start: int, stop: int
) -> dict[str, np.ndarray]:
    """Draws ``start`` to ``stop`` of every per-draw array (the first axis)."""
    return {path: value[start:stop] for path, value in (per_draw or {}).items()}


def _evaluate_draws(
    kept: _Kept,
    start: int,
    scenario: Scenario,
    draws: int,
    values: Mapping[str, FloatArray] | None,
    actuals: Actuals | None = None,
    yearly: Mapping[str, np.ndarray] | None = None,
) -> None:
    """The engine for one chunk of draws, its figures checked for overflow and kept from draw
    ``start`` on.

    Inside :func:`businesscase.fast.compiled` a scenario the fused kernel handles
    (:func:`businesscase.flows.fusable`) goes through it, and its figures are computed by the
    compiled form of :func:`businesscase.metrics.compute_metrics`
    (:mod:`businesscase.kernels.figures`) straight into ``kept``; when they overflow, the
    chunk is computed again by the numpy engine, whose flows name the field.
    """
    with np.errstate(**QUIET):
        params = compile_parameters(scenario, draws=draws, values=values, yearly=yearly)
        compiled = fast.kernels()
        if compiled is not None and fusable(scenario, actuals):
            flows, lines = compiled.fused_flows(scenario, params)
            totals = block_totals(flows, lines)
            if compiled.chunk_figures(flows, totals, kept.numbers, kept.balance, start):
                return
        flows = build_flows(scenario, params, actuals)
        figures = compute_metrics(flows, yearly_series(flows))
    check_finite(scenario, flows, figures)
    kept.store(start, figures)


def input_label(scenario: Scenario, path: str) -> str:
    """A readable name for an input: ``outcomes[0].proxy`` -> ``Minder eenzaamheid: proxy``."""
    head, field = path.rsplit(".", 1)
    if head == "scenario":
        return f"scenario: {field}"
    if head.startswith("sib"):
        return f"{contract_line_name(scenario, head)}: {field}"
    section, index = head.rstrip("]").split("[")
    return f"{getattr(scenario, section)[int(index)].name}: {field}"


_CONTRACT_PATH = re.compile(r"sib(?:\[(?P<contract>\d+)\])?(?:\.metrics\[(?P<metric>\d+)\])?")


def contract_line_name(scenario: Scenario, head: str) -> str:
    """A contract or one of its metrics by name: ``sib[1]`` -> ``Werkfonds``,
    ``sib.metrics[0]`` -> ``SIB, Young people in work``."""
    match = _CONTRACT_PATH.fullmatch(head)
    bond = scenario.contracts[int(match["contract"] or 0)]
    if match["metric"] is None:
        return bond.name
    return f"{bond.name}, {bond.metric_list()[int(match['metric'])].outcome}"


# --- Monte Carlo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SimulationResult:
    """What :func:`simulate` found.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per figure of docs/figures.md (index: their names, in that page's order); columns
        ``mean``, ``p5``, ``p50``, ``p95`` over the draws in which the figure exists, and
        ``share_null``: the share of draws in which it does not (no IRR, no payback year, a
        ratio with a zero denominator, no SIB). ``closes`` counts as 0/1. [units of the figure]
    p_closes : float
        Share of draws in which the plan closes (never short of cash) [fraction 0-1].
    p_sroi_above_1 : float
        Share of draws with ``sroi_ratio > 1``; a draw without the ratio counts as not above
        [fraction 0-1].
    per_draw : mapping of str to array of shape (D,)
        Every figure (NaN where it does not exist, ``closes`` boolean) and every sampled input
        by its field path (after clipping; drawn again from the seed when first asked for,
        :class:`DrawTable`); :attr:`draws` as a table.
    cash_balance_percentiles : pandas.DataFrame
        One row per year (columns ``t``, ``year``) with the P5, P25, P50, P75 and P95 of the
        cash balance at the end of the year [EUR, undiscounted].
    clipped : dict of str to int
        Per uncertain input, the number of draws clipped to its field's valid range.
    seed : int
        The seed that reproduces these draws (drawn from the OS when none was given).
    events : {"drawn", "expected"}
        How money that may not come and yearly events were counted (:func:`simulate`).
    """

    summary: pd.DataFrame
    p_closes: float
    p_sroi_above_1: float
    per_draw: Mapping[str, np.ndarray] = field(repr=False)
    cash_balance_percentiles: pd.DataFrame
    clipped: dict[str, int]
    seed: int
    events: str = "drawn"

    @cached_property
    def draws(self) -> pd.DataFrame:
        """One row per draw: the figures, then the sampled inputs (built on first use)."""
        return pd.DataFrame(dict(self.per_draw))

    def to_json_dict(self) -> dict[str, Any]:
        """The summary as JSON-safe data (None for a figure without any draw): no per-draw rows."""
        return {
            "draws": len(self.per_draw["closes"]),
            "seed": self.seed,
            "events": self.events,
            "p_closes": self.p_closes,
            "p_sroi_above_1": self.p_sroi_above_1,
            "summary": {
                metric: {column: _json_float(value) for column, value in row.items()}
                for metric, row in self.summary.to_dict(orient="index").items()
            },
            "cash_balance_percentiles": records(self.cash_balance_percentiles),
            "clipped": dict(self.clipped),
        }


def simulate(
    scenario: Scenario,
    draws: int = 10_000,
    *,
    seed: int | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
    actuals: Actuals | None = None,
    events: str = "drawn",
    client: Client | None = None,
) -> SimulationResult:
    """Monte Carlo: the engine evaluated for ``draws`` samples of the uncertain inputs.

    Every distribution is sampled from its own stream derived from ``seed`` and its field
    path, a block of draws at a time (:class:`businesscase.sampling.InputSampler`, blocks of
    :data:`businesscase.sampling.SAMPLE_BLOCK`); draws outside a field's valid range are
    clipped and counted, and the inputs of each ``[[correlations]]`` group are put in an order
    that gives them the rank correlation asked for, within the block, each keeping its own
    values. Each block is evaluated ``chunk_size`` draws at a time on up to :data:`WORKERS`
    threads while the next block is sampled, which bounds memory and leaves the results
    independent of the chunk size and the threads: the same seed gives the same numbers. The
    chunks run the engine with its hot spots compiled (:mod:`businesscase.fast`,
    :mod:`businesscase.kernels`): the same formulas, the same numbers to 1e-12, several times
    faster. The number of draws is checked against the limits of :mod:`businesscase.limits`
    before anything is sampled. The result keeps every figure of every draw; the sampled
    inputs are drawn again from the seed when asked for (:class:`DrawTable`).

    Money that may not come and shocks that may not happen are drawn, all or nothing
    (:class:`MoneyAndEvents`): a funding line with a ``probability`` below 1 (or
    uncertain) pays in full in some draws and not at all in the others, an avoided cost's
    event happens in some years of a draw and not in others. ``events="expected"`` counts their
    expected values instead, as :func:`businesscase.evaluate` does.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario; inputs written as numbers stay fixed.
    draws : int, default 10,000
        Number of draws, from 1 to :func:`businesscase.limits.max_draws` (at most 1,000,000).
    seed : int, optional
        Seed of the random generator; None takes fresh entropy (reported in the result).
    chunk_size : int, optional
        Most draws evaluated at once, >= 1; by default, and at most, the number whose
        working arrays fit in the memory budget (:func:`businesscase.limits.chunk_size`).
    progress : callable, optional
        ``progress(done, total)`` after each chunk.
    actuals : Actuals, optional
        What happened so far: every draw takes the reported values, so the draws vary only
        what is still to come (the reforecast's Monte Carlo, docs/monitoring.md).
    events : {"drawn", "expected"}, default "drawn"
        "drawn": all-or-nothing money and yearly events; "expected": a funding line brings
        ``probability`` times its amount and an avoided cost counts ``probability`` times its
        value every year, in every draw.
    client : distributed.Client, optional
        Evaluate the chunks as tasks on this Dask cluster instead of local threads. The draws
        are sampled here and each chunk ships its own (two chunks per worker thread in flight);
        the numbers equal those of a run on this machine with the same seed.

    Returns
    -------
    SimulationResult

    Raises
    ------
    LimitError
        When ``draws`` is below 1 or above the limit; the message states the limit.
    TooLargeToComputeError
        When the figures of some draws overflow; the message names the field.

    Examples
    --------
    >>> from businesscase import examples
    >>> result = simulate(examples.load_example("nabuurschap"), 2_000, seed=1)
    >>> 0.0 <= result.p_closes <= 1.0, list(result.summary.columns)
    (True, ['mean', 'p5', 'p50', 'p95', 'share_null'])
    """
    if events not in EVENTS:
        raise ValueError(f"events must be one of {', '.join(EVENTS)}, not {events!r}")
    limits.check_draws(scenario, draws)
    fitting = limits.chunk_size(scenario, WORKERS, limits.SIMULATION_CHUNK_SIZE)
    if chunk_size is not None and chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    chunk_size = fitting if chunk_size is None else min(chunk_size, fitting)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)
    kept = _Kept(draws, scenario.settings.horizon_years)
    clipped = dict.fromkeys(sorted(uncertain_inputs(scenario)), 0)
    with ThreadPoolExecutor(WORKERS) as pool, ThreadPoolExecutor(WORKERS) as drawing:

        def sample_map(function: Callable, shares: list) -> Iterator:
            return drawing.map(_quietly(function), shares)

        chunks = _chunks(scenario, draws, seed, events, actuals, chunk_size, clipped, sample_map)
        if client is None:  # the threads write each chunk's figures into ``kept``
            in_flight = 2 * WORKERS

            def submit(start: int, arguments: tuple) -> Any:
                return pool.submit(_run_into, kept, start, *arguments)

        else:  # the workers send them back
            in_flight = 2 * max(sum(client.nthreads().values()), 1)

            def submit(start: int, arguments: tuple) -> Any:
                return client.submit(run_compiled, *arguments, pure=False)

        pending: deque[tuple[int, Any]] = deque()
        done = 0

        def collect() -> None:
            """Wait for the oldest chunk in flight (and keep its figures, from a cluster)."""
            nonlocal done
            start, future = pending.popleft()
            figures = future.result()
            if client is not None:
                kept.store(start, figures)
                future.release()
            done += len(figures["closes"]) if client is not None else figures
            if progress is not None:
                progress(done, draws)

        # the chunks are sampled here, in order, while the chunks before them are evaluated
        for start, arguments in chunks:
            pending.append((start, submit(start, arguments)))
            if len(pending) > in_flight:
                collect()
        while pending:
            collect()
        table = kept.table()
        # the percentiles (sorting) run on the same threads, a figure or a year at a time
        summary = _summary(table, pool.map)
        fan = _fan(kept.balance, scenario.settings.start_year, pool.map)
    return SimulationResult(
        summary=summary,
        p_closes=float(np.mean(table["closes"])),
        p_sroi_above_1=float(np.mean(table["sroi_ratio"] > 1.0)),
        per_draw=DrawTable(table, list(clipped), _Resample(scenario, draws, seed)),
        cash_balance_percentiles=fan,
        clipped=clipped,
        seed=seed,
        events=events,
    )


def _chunks(
    scenario: Scenario,
    draws: int,
    seed: int,
    events: str,
    actuals: Actuals | None,
    chunk_size: int,
    clipped: dict[str, int],
    sample_map: Callable = map,
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The chunks of a simulation, in order: the first draw of each and the arguments of
    :func:`run_compiled` for it.

    The draws are made a block at a time (:func:`businesscase.sampling.blocks`): the inputs
    (:class:`businesscase.sampling.InputSampler`), then the money and events
    (:class:`MoneyAndEvents`); ``sample_map`` maps the drawing of the inputs over
    :data:`WORKERS` shares of them, and of the events over the avoided costs (a thread pool's
    ``map`` draws them side by side). A block
    is cut into chunks of at most ``chunk_size`` draws, never across blocks, so the draws do
    not depend on the chunk size. The draws clipped are added to ``clipped``.
    """
    inputs = input_sampler(scenario, seed)
    money = MoneyAndEvents(scenario, seed, actuals) if events == "drawn" else None
    for first, stop in blocks(draws):
        # draws beyond float64 become inf: refused by check_finite; the draws are compiled
        # (numpy's numbers, businesscase/kernels/draws.py); no yield inside: the switch is
        # this thread's, and the consumer would run with it
        with np.errstate(**QUIET), fast.compiled():
            values, block_clipped = inputs.next_block(stop - first, sample_map, WORKERS)
            came, yearly = (
                ({}, {}) if money is None else money.next_block(values, stop - first, sample_map)
            )
        for path, count in block_clipped.items():
            clipped[path] += count
        values = values | came
        for start in range(first, stop, chunk_size):
            end = min(start + chunk_size, stop)
            rows = (start - first, end - first)
            arguments = (scenario, end - start, _rows(values, *rows), actuals, _rows(yearly, *rows))
            yield start, arguments


def input_sampler(scenario: Scenario, seed: int) -> InputSampler:
    """The sampler of every uncertain input of ``scenario``, its correlation groups included."""
    groups = [(group.inputs, group.rho) for group in scenario.correlations]
    return InputSampler(
        uncertain_inputs(scenario),
        seed,
        horizon_years=scenario.settings.horizon_years,
        correlated=rank_correlations(groups) if groups else None,
    )


def _quietly(function: Callable) -> Callable:
    """``function`` run with the engine's ``np.errstate`` (numpy keeps it per thread): a draw
    beyond float64 becomes inf, refused later by :func:`businesscase.overflow.check_finite`."""

    def quiet(*arguments: Any) -> Any:
        with np.errstate(**QUIET):
            return function(*arguments)

    return quiet


class _Kept:
    """What is kept of every draw: each figure (one row per figure of :data:`SCALAR_METRICS`,
    ``closes`` as 1.0 or 0.0, a missing year as :data:`NO_YEAR`), and the cash balance year by
    year (one row per year, so that each year's percentiles sort one contiguous row), filled
    in chunk by chunk: by the compiled figures (:mod:`businesscase.kernels.figures`) straight
    into their columns, or from the numpy engine's figures (:meth:`store`)."""

    def __init__(self, draws: int, years: int) -> None:
        self.numbers = np.empty((len(SCALAR_METRICS), draws))
        self.balance = np.empty((years, draws))

    def store(self, start: int, computed: Mapping[str, np.ndarray]) -> None:
        """Keep a chunk's figures (:func:`businesscase.metrics.compute_metrics`) from draw
        ``start`` on."""
        stop = start + len(computed["closes"])
        for row, name in enumerate(SCALAR_METRICS):
            self.numbers[row, start:stop] = computed[name]
        self.balance[:, start:stop] = computed["cash_balance"].T

    def figures(self) -> dict[str, np.ndarray]:
        """Every figure per draw as :func:`businesscase.metrics.compute_metrics` gives them:
        ``closes`` boolean, years whole numbers, ``cash_balance`` (draws, years)."""
        figures = self._rows()
        for name in YEAR_METRICS:
            figures[name] = figures[name].astype(np.int64)
        return figures | {"cash_balance": self.balance.T}

    def table(self) -> dict[str, np.ndarray]:
        """Every figure per draw as the draws table shows it: NaN for a missing year."""
        figures = self._rows()
        for name in YEAR_METRICS:
            values = figures[name]
            values[values == NO_YEAR] = np.nan
        return figures

    def _rows(self) -> dict[str, np.ndarray]:
        """Each figure's row, ``closes`` as booleans."""
        figures = dict(zip(SCALAR_METRICS, self.numbers, strict=True))
        figures["closes"] = figures["closes"] == 1.0
        return figures


def _run_into(kept: _Kept, start: int, *arguments: Any) -> int:
    """:func:`run_compiled` of a chunk, its figures kept in ``kept`` from draw ``start`` on;
    the number of draws."""
    with fast.compiled():
        _evaluate_draws(kept, start, *arguments)
    return arguments[1]


class _Resample:
    """The sampled inputs of a simulation, drawn again from its seed: the same numbers."""

    def __init__(self, scenario: Scenario, draws: int, seed: int) -> None:
        self.scenario, self.draws, self.seed = scenario, draws, seed

    def __call__(self) -> dict[str, FloatArray]:
        sampler = input_sampler(self.scenario, self.seed)
        parts = [sampler.next_block(stop - start)[0] for start, stop in blocks(self.draws)]
        with np.errstate(**QUIET):
            return {path: np.concatenate([part[path] for part in parts]) for path in parts[0]}


class DrawTable(Mapping):
    """Every figure and every sampled input of every draw, by name or field path
    (:attr:`SimulationResult.per_draw`).

    The figures are kept; the sampled inputs (for the benchmark scenario 144 numbers a draw,
    115 MB for 100,000 draws) are drawn again from the seed the first time one is asked for,
    which gives the same numbers, and kept from then on.

    Parameters
    ----------
    figures : dict of str to array of shape (D,)
        Every figure per draw.
    paths : list of str
        The field paths of the sampled inputs, sorted.
    resample : callable
        Returns every sampled input by path.
    """

    def __init__(
        self,
        figures: dict[str, np.ndarray],
        paths: list[str],
        resample: Callable[[], dict[str, FloatArray]],
    ) -> None:
        self.figures, self.paths, self.resample = figures, paths, resample
        self.inputs: dict[str, FloatArray] | None = None

    def __getitem__(self, name: str) -> np.ndarray:
        if name in self.figures:
            return self.figures[name]
        if name not in self.paths:
            raise KeyError(name)
        if self.inputs is None:
            self.inputs = self.resample()
        return self.inputs[name]

    def __iter__(self) -> Iterator[str]:
        yield from self.figures
        yield from self.paths

    def __len__(self) -> int:
        return len(self.figures) + len(self.paths)


EVENTS: tuple[str, ...] = ("drawn", "expected")
"""How :func:`simulate` counts money that may not come and events that may not happen."""


def draw_money_and_events(
    scenario: Scenario,
    samples: Mapping[str, FloatArray],
    draws: int,
    seed: int,
    actuals: Actuals | None = None,
) -> tuple[dict[str, FloatArray], dict[str, np.ndarray]]:
    """All-or-nothing money and yearly events for ``draws`` draws (docs/uncertainty.md): the
    blocks of :class:`MoneyAndEvents` one after the other, as :func:`simulate` draws them.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    samples : mapping of str to array of shape (D,)
        The sampled inputs (an uncertain ``probability`` is the draw's chance).
    draws : int
        Number of draws ``D``.
    seed : int
        The seed of the streams.
    actuals : Actuals, optional
        What happened so far (docs/monitoring.md).

    Returns
    -------
    money : dict of str to array of shape (D,)
        Per funding line's ``probability`` path: 1.0 in the draws in which the money comes,
        0.0 in the others (the probability the engine uses for that draw).
    yearly : dict of str to bool array of shape (D, T)
        Per avoided cost's ``probability`` path: whether its event happens, by draw and year.
    """
    drawer = MoneyAndEvents(scenario, seed, actuals)
    parts = [
        drawer.next_block(_rows(samples, start, stop), stop - start)
        for start, stop in blocks(draws)
    ]
    joined = [
        {path: np.concatenate([part[kind][path] for part in parts]) for path in parts[0][kind]}
        for kind in (0, 1)
    ]
    return joined[0], joined[1]


class MoneyAndEvents:
    """All-or-nothing money and yearly events, a block of draws at a time (docs/uncertainty.md).

    A funding line comes in full or not at all: per draw, one uniform from the line's own
    event stream against that draw's ``probability``. An avoided cost's event happens, or not,
    in each year of each draw, with its ``probability`` as the yearly chance
    (:func:`businesscase.sampling.draw_events`). Lines whose probability is a number 0 or 1
    have nothing to draw. A funding line with a reported actual has come: it pays in every
    draw. Each stream is read on from block to block, so the draws do not depend on the chunk
    size or the other inputs.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    seed : int
        The seed of the streams.
    actuals : Actuals, optional
        What happened so far (docs/monitoring.md).
    """

    def __init__(self, scenario: Scenario, seed: int, actuals: Actuals | None = None) -> None:
        reported = actuals.rows if actuals else []
        self.came = {row.index for row in reported if row.section == "funding"}
        self.scenario = scenario
        self.lines = {
            section: risky_lines(scenario, section) for section in ("funding", "avoided_costs")
        }
        self.states = {
            section: StreamStates(seed, Purpose.EVENT, list(lines.values()))
            for section, lines in self.lines.items()
        }

    def next_block(
        self, samples: Mapping[str, FloatArray], draws: int, mapper: Callable = map
    ) -> tuple[dict[str, FloatArray], dict[str, np.ndarray]]:
        """The next ``draws`` draws: per funding line's ``probability`` path 1.0 where its
        money comes and 0.0 where not; per avoided cost's, whether its event happens, by draw
        and year (bool, shape (draws, T)). ``samples`` holds the block's sampled inputs;
        ``mapper`` maps over the avoided costs (a thread pool's ``map`` draws their events
        side by side, each from its own stream). Inside :func:`businesscase.fast.compiled`
        the draws are made by :mod:`businesscase.kernels.draws`: the same numbers."""
        kernels = fast.kernels()
        if kernels is not None and kernels.COMPILED_DRAWS:
            return self._drawn_compiled(kernels, samples, draws, mapper)
        streams = {
            path: generator
            for section, lines in self.lines.items()
            for path, generator in zip(
                lines.values(), self.states[section].generators(), strict=True
            )
        }
        years = self.scenario.settings.horizon_years
        money = {
            path: np.ones(draws)
            if line in self.came
            else draw_events(streams[path], self._chance(samples, "funding", line), draws) * 1.0
            for line, path in self.lines["funding"].items()
        }
        lines = self.lines["avoided_costs"]

        def happens(line: int) -> np.ndarray:
            chance = self._chance(samples, "avoided_costs", line)
            return draw_events(streams[lines[line]], chance, draws, years)

        return money, dict(zip(lines.values(), mapper(happens, lines), strict=True))

    def _chance(
        self, samples: Mapping[str, FloatArray], section: str, line: int
    ) -> FloatArray | float:
        """The chance of a line's money or event: its draws when sampled, else its number."""
        path = f"{section}[{line}].probability"
        written = getattr(self.scenario, section)[line].probability
        return samples[path] if path in samples else base_value(written)

    def _drawn_compiled(
        self, kernels: ModuleType, samples: Mapping[str, FloatArray], draws: int, mapper: Callable
    ) -> tuple[dict[str, FloatArray], dict[str, np.ndarray]]:
        """:meth:`next_block` from the compiled kernels, an array per line as numpy makes."""
        words = self.states["funding"].words()
        money = {}
        for row, (line, path) in enumerate(self.lines["funding"].items()):
            money[path] = np.ones(draws)
            if line not in self.came:
                chance = self._per_draw(self._chance(samples, "funding", line), draws)
                kernels.draw_money(words[row], chance, money[path])
        lines = list(self.lines["avoided_costs"])
        words = self.states["avoided_costs"].words()
        years = self.scenario.settings.horizon_years

        def happens(row: int) -> np.ndarray:
            chance = self._per_draw(self._chance(samples, "avoided_costs", lines[row]), draws)
            out = np.empty((draws, years), dtype=bool)
            kernels.draw_yearly(words[row], chance, out)
            return out

        yearly = mapper(happens, range(len(lines)))
        return money, dict(zip(self.lines["avoided_costs"].values(), yearly, strict=True))

    @staticmethod
    def _per_draw(chance: FloatArray | float, draws: int) -> FloatArray:
        """The chance of every draw as a contiguous float64 array."""
        return np.ascontiguousarray(np.broadcast_to(chance, (draws,)), dtype=np.float64)


def risks_in_draws(scenario: Scenario, events: str = "drawn") -> dict[str, int]:
    """Which risks a Monte Carlo of ``scenario`` includes, and how many of each.

    Returns
    -------
    dict of str to int
        ``distributions``: numbers written as distributions; ``timing``: starts, durations
        and ``lasts`` written as distributions (whole years that may slip);
        ``correlations``: groups of inputs that move together (``[[correlations]]``);
        ``money``: funding lines that come all or nothing; ``events``: avoided costs whose
        event happens or not each year (both 0 with ``events="expected"``). Only the kinds
        with a count above 0 are listed.
    """
    timing = [path for path in uncertain_inputs(scenario) if is_timing(path)]
    counts = {
        "distributions": len(uncertain_inputs(scenario)) - len(timing),
        "timing": len(timing),
        "correlations": len(scenario.correlations),
    }
    if events == "drawn":
        counts["money"] = len(risky_lines(scenario, "funding"))
        counts["events"] = len(risky_lines(scenario, "avoided_costs"))
    return {kind: count for kind, count in counts.items() if count}


def run_compiled(*arguments: Any) -> dict[str, FloatArray]:
    """:func:`run_draws` with the engine's hot spots compiled (:mod:`businesscase.fast`): the
    same formulas and numbers to 1e-12, on this thread or this cluster worker."""
    with fast.compiled():
        return run_draws(*arguments)


def _figure_stats(values: FloatArray) -> list[float]:
    """Mean, percentiles and share of draws without it, of one figure."""
    values = np.asarray(values, dtype=float)
    missing = np.isnan(values)
    present = values[~missing] if missing.any() else values
    if present.size:
        stats = [present.mean(), *_percentiles(present, PERCENTILES)]
    else:
        stats = [np.nan] * (1 + len(PERCENTILES))
    return [*stats, 1.0 - present.size / values.size]


def _summary(table: Mapping[str, FloatArray], mapper: Callable = map) -> pd.DataFrame:
    """Mean and percentiles of each figure over the draws in which it exists.

    ``mapper`` maps over the figures (``map``, or a thread pool's ``map``).
    """
    rows = dict(zip(table, mapper(_figure_stats, table.values()), strict=True))
    columns = ["mean", *(f"p{p}" for p in PERCENTILES), "share_null"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _fan(balance: FloatArray, start_year: int, mapper: Callable = map) -> pd.DataFrame:
    """Percentiles of the cash balance per year, one row per year.

    ``balance`` has one row per year and one column per draw; ``mapper`` maps over the years
    (``map``, or a thread pool's ``map``).
    """
    t = np.arange(balance.shape[0])
    bands = np.array(list(mapper(_fan_year, balance))).reshape(t.size, len(FAN_PERCENTILES)).T
    return pd.DataFrame(
        {"t": t, "year": start_year + t}
        | {f"p{p}": band for p, band in zip(FAN_PERCENTILES, bands, strict=True)}
    )


def _fan_year(balance: FloatArray) -> FloatArray:
    """The :data:`FAN_PERCENTILES` of one year's cash balance over the draws."""
    return _percentiles(balance, FAN_PERCENTILES)


def _percentiles(values: FloatArray, percentiles: tuple[int, ...]) -> FloatArray:
    """``np.percentile(values, percentiles)``, the same numbers to the bit.

    numpy's default ("linear", method 7 of Hyndman and Fan): percentile ``p`` of ``n`` sorted
    values lies at the fractional rank ``h = (n - 1) x p / 100``, between the values ``a`` and
    ``b`` at ranks ``floor(h)`` and ``floor(h) + 1``; with ``g = h - floor(h)`` it is
    ``a + (b - a) x g``, or ``b - (b - a) x (1 - g)`` when ``g >= 0.5`` (the form numpy
    uses there, so that the last bits agree); from rank ``n - 1`` on, the largest value. NaN
    when a value is NaN. The values at those ranks come from :func:`_order_statistics`
    (``tests/test_uncertainty.py`` compares with numpy).
    """
    count = values.size
    rank = (count - 1) * np.true_divide(percentiles, 100)
    below = np.floor(rank)
    below[rank >= count - 1] = -1  # the last value (the rank -1), as numpy does
    above = np.where(below == -1, -1, below + 1).astype(np.intp)
    ranks = np.concatenate([below.astype(np.intp), above]) % count
    ranked = _order_statistics(values, ranks)
    low, high = ranked[: below.size], ranked[below.size :]
    share = rank - below
    step = high - low
    return np.where(share >= 0.5, high - step * (1 - share), low + step * share)


PARTITION_FROM = 16_384
"""Values of a figure from which :func:`_order_statistics` may partition rather than sort:
below it a sort is as fast (10,000 draws: 0.09 ms against 0.11)."""

SAMPLE = 1_024
"""Evenly spaced values of a figure that :func:`_order_statistics` looks at first."""


def _order_statistics(values: FloatArray, ranks: np.ndarray) -> FloatArray:
    """``np.sort(values)[ranks]`` for a few ranks, without sorting ``values`` when that pays;
    NaN at every rank when a value is NaN.

    Sorting 100,000 draws of a figure takes about 1 ms, and a simulation's summary and fan sort
    65 such rows. numpy's partition puts one rank in its place in about 0.15 ms, so from
    :data:`PARTITION_FROM` values on the ranks are found by partitioning a copy: at the middle
    rank, then each side for the ranks on it (:func:`_select`). Partitioning is 5 to 10 times
    slower than sorting when the rank falls in a long run of equal values (a figure that is 0
    in most draws), so ``values`` are sorted instead when a sorted sample of :data:`SAMPLE`
    evenly spaced values holds one value twice. The values at the ranks are the same either
    way.
    """
    if values.size < PARTITION_FROM:
        ordered = np.sort(values)  # NaN sorts last
        return np.full(ranks.size, np.nan) if np.isnan(ordered[-1]) else ordered[ranks]
    if np.isnan(values).any():
        return np.full(ranks.size, np.nan)
    sample = np.sort(values[:: values.size // SAMPLE])
    if (sample[1:] == sample[:-1]).any():
        return np.sort(values)[ranks]
    work = values.copy()
    found: dict[int, float] = {}
    _select(work, 0, work.size, sorted(set(ranks.tolist())), found)
    return np.array([found[rank] for rank in ranks.tolist()])


def _select(
    work: FloatArray, first: int, stop: int, ranks: list[int], found: dict[int, float]
) -> None:
    """Put the values of ``work[first:stop]`` at ``ranks`` (sorted, each in ``first``..
    ``stop - 1``) in their sorted places, in place, and note each in ``found``.

    The middle rank first: the part's smallest or largest value when the rank is its first or
    last place, else numpy's partition; then the values before it and after it, each for the
    ranks on its side.
    """
    if not ranks:
        return
    middle = ranks[len(ranks) // 2]
    part = work[first:stop]
    if middle in (first, stop - 1):
        end = first if middle == first else stop - 1
        extreme = first + int(part.argmin() if middle == first else part.argmax())
        work[end], work[extreme] = work[extreme], work[end]
    else:
        part.partition(middle - first)
    found[middle] = float(work[middle])
    _select(work, first, middle, [rank for rank in ranks if rank < middle], found)
    _select(work, middle + 1, stop, [rank for rank in ranks if rank > middle], found)


# --- tornado -------------------------------------------------------------------------------

TORNADO_FIGURES: tuple[str, ...] = ("npv_social", "funding_gap")
"""The figures whose change the tornado shows (docs/uncertainty.md)."""


@dataclass(frozen=True)
class SensitivityResult:
    """The tornado of :func:`sensitivity`.

    Attributes
    ----------
    base : dict of str to float
        ``npv_social`` and ``funding_gap`` with every input at its base value [EUR].
    table : pandas.DataFrame
        One row per uncertain input, the largest swing first. Columns: ``path`` (field path),
        ``label`` (line name and field), ``dist``, ``low``, ``base``, ``high`` (the input's
        values, low/high clipped to the field's valid range), and per figure F of
        :data:`TORNADO_FIGURES`: ``F_low`` and ``F_high`` (change of F from its base value with
        the input at its low and its high [EUR]) and ``F_swing`` (``|F_high - F_low|``).
    """

    base: dict[str, float]
    table: pd.DataFrame

    def to_json_dict(self) -> dict[str, Any]:
        """Base figures and the tornado rows as JSON-safe data."""
        return {"base": dict(self.base), "tornado": records(self.table)}


def sensitivity(
    scenario: Scenario, *, by: str = "npv_social", actuals: Actuals | None = None
) -> SensitivityResult:
    """The tornado table: each uncertain input at its low and high, the others at base.

    The low and high are ``low`` and ``high`` for triangular, PERT and uniform distributions
    and the 5th and 95th percentiles for normal and lognormal ones
    (:func:`businesscase.sampling.low_high`), clipped to the field's valid range; uncertain
    timing (``start``, ``duration``, ``lasts``) takes them rounded to whole years, as a draw
    does, and its rounded base. One engine call evaluates the base and the 2 x n settings of
    the n uncertain inputs.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    by : {"npv_social", "funding_gap"}, default "npv_social"
        The figure whose swing orders the rows (ties by the other figure's swing).
    actuals : Actuals, optional
        Reported values that stay fixed: the tornado of the reforecast (docs/monitoring.md).

    Returns
    -------
    SensitivityResult
        Empty table when the scenario has no distributions.
    """
    if by not in TORNADO_FIGURES:
        raise ValueError(f"by must be one of {', '.join(TORNADO_FIGURES)}, not {by!r}")
    inputs = dict(sorted(uncertain_inputs(scenario).items()))
    count = len(inputs)
    limits.check_evaluations(scenario, "tornado", count, 1 + 2 * count)
    horizon = scenario.settings.horizon_years
    values = {}
    bounds = {}
    bases = {}
    for index, (path, distribution) in enumerate(inputs.items()):
        whole = is_timing(path)
        ends = low_high(distribution)
        if whole:  # whole years: the first and last year a draw rounds to (docs/uncertainty.md)
            ends = (float(nearest_whole(ends[0])), float(math.ceil(ends[1] - 0.5)))
        low, high = np.clip(ends, *field_range(path, horizon))
        bounds[path] = (low, high)
        bases[path] = base_value(distribution, whole=whole)
        values[path] = np.full(1 + 2 * count, bases[path], dtype=float)
        values[path][1 + 2 * index : 3 + 2 * index] = (low, high)
    figures = run_draws(scenario, 1 + 2 * count, values, actuals)
    table = pd.DataFrame(
        {
            "path": list(inputs),
            "label": [input_label(scenario, path) for path in inputs],
            "dist": [distribution.dist for distribution in inputs.values()],
            "low": [bounds[path][0] for path in inputs],
            "base": [bases[path] for path in inputs],
            "high": [bounds[path][1] for path in inputs],
        }
    )
    for name in TORNADO_FIGURES:
        change = figures[name][1:] - figures[name][0]
        table[f"{name}_low"] = change[0::2]
        table[f"{name}_high"] = change[1::2]
        table[f"{name}_swing"] = np.abs(change[1::2] - change[0::2])
    other = next(name for name in TORNADO_FIGURES if name != by)
    table = table.sort_values(
        [f"{by}_swing", f"{other}_swing"], ascending=False, kind="stable", ignore_index=True
    )
    return SensitivityResult(
        base={name: float(figures[name][0]) for name in TORNADO_FIGURES}, table=table
    )


# --- switching values ----------------------------------------------------------------------


def search_range(path: str, distribution: object) -> tuple[float, float]:
    """The range in which :func:`switching_values` looks for a switching value of an input.

    - shares (``deadweight``, ``probability``, ...): ``[0, 1]``;
    - amounts, quantities, prices and counts: ``[0, 10 v]``, ``v`` the larger of the base
      value and the distribution's high (:data:`MONEY_SEARCH_FACTOR`);
    - ``interest_rate``: ``[0, 1]``;
    - ``growth`` and ``discount_rate``: ``[-0.9, 1]`` (:data:`RATE_SEARCH_RANGE`).

    The range is widened to include the base value if needed.
    """
    valid = field_range(path)
    base = base_value(distribution)
    if valid == SHARE:
        low, high = SHARE
    elif path.endswith(".interest_rate"):
        low, high = 0.0, 1.0
    elif valid == NON_NEGATIVE:
        widest = MONEY_SEARCH_FACTOR * max(base, low_high(distribution)[1])
        low, high = 0.0, min(widest, LARGEST)  # 10 x 1e308 is beyond float64
    else:
        low, high = RATE_SEARCH_RANGE
    return min(low, base), max(high, base)


SWITCHING_VERDICTS: dict[str, Callable[[dict[str, FloatArray]], np.ndarray]] = {
    "npv_social": lambda figures: figures["npv_social"] >= 0.0,
    "closes": lambda figures: figures["closes"],
}
"""The verdicts whose switching values are searched: ``npv_social >= 0`` and ``closes``."""

SWITCHING_COLUMNS: tuple[str, ...] = ("path", "label", "base", "search_low", "search_high")
"""The columns of :func:`switching_values` before the verdicts' own."""

BISECTION_STEPS = math.ceil(math.log2(1.0 / (SEARCH_TOLERANCE * (SEARCH_GRID_POINTS - 1))))
"""Bisection steps that narrow a grid interval to :data:`SEARCH_TOLERANCE` of the range."""


def switching_values(scenario: Scenario) -> pd.DataFrame:
    """Per uncertain input, the value at which ``npv_social`` crosses 0 and ``closes`` flips.

    Each input is varied alone over its search range (:func:`search_range`), the others at
    their base values. A grid of :data:`SEARCH_GRID_POINTS` evenly spaced points plus the base
    value brackets every change of the verdict (one engine call for all inputs); the bracket
    nearest to the base value is then narrowed by bisection, all inputs and both verdicts at
    once (one engine call per step), to :data:`SEARCH_TOLERANCE` of the search range. A
    verdict that changes and changes back between two grid points, and changes further from
    the base than the nearest, are not reported. Uncertain timing (``start``, ``duration``,
    ``lasts``) is left out: whole years have no point where a verdict flips, only a year
    before and a year after, which the tornado shows at the rounded low and high.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.

    Returns
    -------
    pandas.DataFrame
        One row per uncertain input (sorted by path): ``path``, ``label``, ``base``,
        ``search_low``, ``search_high`` and per verdict V (``npv_social``, ``closes``):
        ``V_at_base`` (whether ``npv_social >= 0``, or the plan closes, at the base values),
        ``V_switch`` (the switching value, NaN when there is none in the range) and
        ``V_note`` (why there is none; "" when there is one).

    Examples
    --------
    >>> from businesscase import examples
    >>> table = switching_values(examples.load_example("nabuurschap"))
    >>> list(table.columns[-3:])
    ['closes_at_base', 'closes_switch', 'closes_note']
    """
    inputs = {
        path: distribution
        for path, distribution in sorted(uncertain_inputs(scenario).items())
        if not is_timing(path)
    }
    paths = list(inputs)
    count = len(paths)
    if not count:
        parts = ("at_base", "switch", "note")
        verdict_columns = [f"{name}_{part}" for name in SWITCHING_VERDICTS for part in parts]
        return pd.DataFrame(columns=[*SWITCHING_COLUMNS, *verdict_columns])
    limits.check_evaluations(scenario, "switching", count, count * (SEARCH_GRID_POINTS + 1))
    base = np.array([base_value(d) for d in inputs.values()], dtype=float)
    ranges = np.array([search_range(path, d) for path, d in inputs.items()]).reshape(count, 2)
    # start + width x k / 100, never beyond the range's end (numpy's linspace multiplies by
    # the step first, which overflows for ranges reaching 1e308)
    fractions = np.linspace(0.0, 1.0, SEARCH_GRID_POINTS)
    evenly = ranges[:, :1] + (ranges[:, 1:] - ranges[:, :1]) * fractions
    grid = np.sort(np.column_stack([evenly, base]), axis=1)
    points = grid.shape[1]
    which = np.repeat(np.arange(count), points)
    holds = _verdicts(
        run_draws(scenario, count * points, _set_one(paths, base, which, grid.ravel()))
    )
    holds = holds.reshape(len(SWITCHING_VERDICTS), count, points)
    brackets = [_nearest_bracket(grid, verdict_holds, base) for verdict_holds in holds]
    switches = _bisect(scenario, paths, base, brackets)
    table = pd.DataFrame(
        {
            "path": paths,
            "label": [input_label(scenario, path) for path in paths],
            "base": base,
            "search_low": ranges[:, 0],
            "search_high": ranges[:, 1],
        }
    )
    at_base = holds[:, np.arange(count), np.argmax(grid == base[:, None], axis=1)]
    for kind, name in enumerate(SWITCHING_VERDICTS):
        table[f"{name}_at_base"] = at_base[kind]
        table[f"{name}_switch"] = switches[kind]
        table[f"{name}_note"] = [
            _no_switch_note(name, bool(now), low, high) if np.isnan(switch) else ""
            for switch, now, low, high in zip(
                switches[kind], at_base[kind], ranges[:, 0], ranges[:, 1], strict=True
            )
        ]
    return table


def _verdicts(figures: dict[str, FloatArray]) -> np.ndarray:
    """Every verdict of :data:`SWITCHING_VERDICTS` per draw: bool array, shape (V, D)."""
    return np.stack([verdict(figures) for verdict in SWITCHING_VERDICTS.values()])


def _set_one(
    paths: list[str], base: FloatArray, which: np.ndarray, settings: FloatArray
) -> dict[str, FloatArray]:
    """Per-draw values in which draw k sets input ``which[k]`` to ``settings[k]``, the
    other inputs staying at their base values."""
    values = np.repeat(base[:, None], which.size, axis=1)
    values[which, np.arange(which.size)] = settings
    return dict(zip(paths, values, strict=True))


def _nearest_bracket(
    grid: FloatArray, holds: np.ndarray, base: FloatArray
) -> tuple[FloatArray, FloatArray, np.ndarray]:
    """Per input, the grid interval nearest to the base value in which the verdict changes.

    Returns its ends (NaN where the verdict never changes) and the verdict at its low end.
    """
    changes = holds[:, 1:] != holds[:, :-1]
    left, right = grid[:, :-1], grid[:, 1:]
    distance = np.maximum(np.maximum(left - base[:, None], base[:, None] - right), 0.0)
    nearest = np.argmin(np.where(changes, distance, np.inf), axis=1, keepdims=True)
    found = changes.any(axis=1)
    pick = np.take_along_axis
    return (
        np.where(found, pick(left, nearest, 1)[:, 0], np.nan),
        np.where(found, pick(right, nearest, 1)[:, 0], np.nan),
        pick(holds[:, :-1], nearest, 1)[:, 0],
    )


def _bisect(
    scenario: Scenario,
    paths: list[str],
    base: FloatArray,
    brackets: list[tuple[FloatArray, FloatArray, np.ndarray]],
) -> FloatArray:
    """Narrow every bracket in which a verdict changes, all inputs and verdicts at once.

    Returns the midpoints of the narrowed brackets, shape (V, n); NaN where there was none.
    """
    low, high, holds_low = (np.stack(parts) for parts in zip(*brackets, strict=True))
    kind, which = np.nonzero(~np.isnan(low))
    lower, upper, reference = low[kind, which], high[kind, which], holds_low[kind, which]
    for _ in range(BISECTION_STEPS if kind.size else 0):
        middle = (lower + upper) / 2
        figures = run_draws(scenario, middle.size, _set_one(paths, base, which, middle))
        same = _verdicts(figures)[kind, np.arange(kind.size)] == reference
        lower, upper = np.where(same, middle, lower), np.where(same, upper, middle)
    switches = np.full(low.shape, np.nan)
    switches[kind, which] = (lower + upper) / 2
    return switches


def _no_switch_note(name: str, holds: bool, low: float, high: float) -> str:
    """Why there is no switching value: the verdict holds, or fails, over the whole range."""
    where = f"[{low:.6g}, {high:.6g}]"
    if name == "npv_social":
        return f"npv_social stays {'>= 0' if holds else 'below 0'} over the search range {where}"
    if holds:
        return f"closes everywhere in the search range {where}"
    return f"does not close anywhere in the search range {where}"


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a table as JSON-safe dicts: NaN as None, numpy scalars as Python values."""
    return [
        {key: _json_float(value) for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def _json_float(value: Any) -> Any:
    """A JSON-safe value: floats with NaN/inf as None; bools, ints and text unchanged."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    return value
