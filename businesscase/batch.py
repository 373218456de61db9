"""Many scenarios at once: batches, parameter sweeps, comparisons and programme packages.

The analyst's face of the one engine (docs/api.md):

- :func:`evaluate_many`: a tidy table of the docs/figures.md figures, one row per scenario.
  Scenarios of identical structure (the same lines, stakeholders, starts, durations, horizon;
  only numbers differ) are evaluated as the draws of one array computation.
- :func:`sweep`: a grid of variations of one scenario, addressed by the field paths of the
  error messages (``outcomes[0].proxy``); variations of numbers are the draws of one array
  computation, variations of structure (``outcomes[0].duration``) each their own.
- :func:`compare`, :func:`best_per_figure`, :func:`assumption_differences`: scenarios side by
  side, for funders choosing between plans.
- :func:`combine` and :func:`programme_comparison`: several projects as one programme package
  (*investeringspakket*), and which projects carry which.

Every figure comes from :func:`businesscase.uncertainty.run_draws`, the code path of
:func:`businesscase.evaluate` and :func:`businesscase.simulate`; results equal one-by-one
``evaluate`` to rounding (1e-9). Work is cut into tasks (chunks of draws, groups of scenarios)
that run on local threads or, given a ``dask.distributed`` ``client``, on a cluster.

Examples
--------
>>> from businesscase import examples
>>> from businesscase.batch import compare, sweep
>>> west = examples.load_example("west_practice")
>>> table = sweep(west, {"outcomes[0].proxy": [10_000, 20_000]})
>>> list(table.columns[:3]), len(table)
(['outcomes[0].proxy', 'pv_costs', 'pv_benefits'], 2)
>>> bool(table["npv_social"].is_monotonic_increasing)
True
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from businesscase.distributions import base_value, distribution_text, is_distribution
from businesscase.examples import combine_scenarios
from businesscase.limits import check_sweep_points
from businesscase.limits import chunk_size as fitting_chunk_size
from businesscase.metrics import NO_YEAR, SCALAR_METRICS, YEAR_METRICS
from businesscase.parameters import numeric_inputs, section_lines
from businesscase.problems import Message
from businesscase.projects import base_part_cash
from businesscase.result import json_metrics
from businesscase.scenario import (
    NO_VALUE,
    Problem,
    Scenario,
    ScenarioError,
    scenario_from_dict,
    scenario_to_dict,
)
from businesscase.timeline import FloatArray
from businesscase.uncertainty import WORKERS, Progress, run_draws

if TYPE_CHECKING:
    from distributed import Client

FIGURES: tuple[str, ...] = SCALAR_METRICS
"""The figures of every table here: the scalar figures of docs/figures.md, in that page's order
(``cash_balance``, a series per year, is left out)."""

BETTER: dict[str, str] = {
    # more social value per euro, and in total, is better: the point of the exercise
    "pv_benefits": "higher",
    "pv_benefits_fiscal": "higher",
    "pv_benefits_economic": "higher",
    "pv_benefits_social": "higher",
    "npv_social": "higher",
    "sroi_ratio": "higher",
    "net_sroi_ratio": "higher",
    "social_irr": "higher",
    # harms done to residents or others weigh against a plan
    "pv_harms": "lower",
    # the investment is paid back sooner
    "payback_year": "lower",
    # a plan that never runs short of cash, or with a thicker cushion, is sounder
    "min_cash_balance": "higher",
    "closes": "higher",
    "funding_gap": "lower",
    # dependence on subsidies is the programme's main weakness (seed 002); one dominant
    # funder, or a concentrated funder base, is a risk of its own
    "subsidy_dependence": "lower",
    "public_dependence": "lower",
    "largest_funder_share": "lower",
    "funder_hhi": "lower",
    # debt left at the horizon is a burden the figures do not cover
    "loan_outstanding_at_horizon": "lower",
    # the outcome payer gains more, and the investor needs fewer outcomes to get its money back
    "sib_payer_net_pv": "higher",
    "sib_breakeven_share": "lower",
}
"""Per figure whether a higher or a lower value is better, for :func:`best_per_figure`.

Figures without an entry have no direction: ``pv_costs`` and ``pv_financing`` measure size,
not quality; ``first_short_year`` and ``subsidy_cliff_year`` are null in the best case (no
shortfall, no cliff); value capture, SIB payments, the investor's return and the money
multiple are transfers, good for one party and bad for another."""

PROGRAMME_COLUMNS: tuple[str, ...] = (
    "kind",
    "sroi_ratio",
    "npv_social",
    "closes",
    "funding_gap",
    "min_cash_balance",
    "surplus",
    "earmarked",
    "pooled",
    "pool_needed",
)
"""Columns of :func:`programme_comparison`."""

_PATH = re.compile(r"(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?\.(?P<field>[a-z_]+)")
"""A field path as the error messages write it: ``outcomes[0].proxy``, ``sib.cap``."""

_NOT_STRUCTURE = ("name", "area", "description", "themes", "discount_rate", "inflation")
"""``[scenario]`` fields that do not shape the array computation (texts; the rate varies per
draw)."""


# --- many scenarios at once ----------------------------------------------------------------


def evaluate_many(
    scenarios: Mapping[str, Scenario] | Iterable[Scenario],
    *,
    client: Client | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Evaluate many scenarios: the docs/figures.md figures, one row per scenario.

    Scenarios of identical structure (:func:`structure_key`) are evaluated together, their
    numbers as the draws of one array computation (``chunk_size`` draws per task); every other
    scenario on its own. Each scenario's figures equal ``evaluate(scenario).metrics``. A
    scenario the engine cannot evaluate gets empty figures and the reason in its row
    (:func:`evaluate_or_report`); the others are evaluated all the same.

    Parameters
    ----------
    scenarios : mapping of str to Scenario, or iterable of Scenario
        Label -> scenario; an iterable is labelled by each scenario's ``settings.name``.
    client : distributed.Client, optional
        Run the tasks on this Dask cluster instead of local threads.
    chunk_size : int, optional
        Most scenarios of one structure evaluated in one task, >= 1; by default, and at most,
        the number whose working arrays fit in the memory budget
        (:func:`businesscase.limits.chunk_size`).
    progress : callable, optional
        ``progress(done, total)`` in scenarios, after each task.

    Returns
    -------
    pandas.DataFrame
        Column ``scenario`` (the label), then :data:`FIGURES`: floats with NaN where a figure
        does not exist, ``closes`` as nullable booleans, the year figures as nullable integers
        (``Int64``, year offsets ``t``) [EUR, fraction or year, as docs/figures.md]; last,
        ``error``: why the scenario could not be evaluated, None when it was.

    Examples
    --------
    >>> from businesscase import examples
    >>> table = evaluate_many({name: examples.load_example(name)
    ...                        for name in ("nabuurschap", "energiecooperatie")})
    >>> table["scenario"].tolist(), table["closes"].tolist()
    (['nabuurschap', 'energiecooperatie'], [False, True])
    """
    labels, items = _labelled(scenarios)
    figures, errors = _figures_in_order(items, client, chunk_size, progress)
    frame = figure_frame(figures)
    frame.insert(0, "scenario", labels)
    frame["error"] = pd.Series(errors, dtype=object)
    return frame


def _figures_in_order(
    items: list[Scenario],
    client: Client | None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, FloatArray], list[str | None]]:
    """The figures of each scenario, per :data:`FIGURES` an array in the order given, and per
    scenario why it failed (None: it did not): groups of one structure as draws of one
    computation (:func:`evaluate_many`)."""
    groups: dict[str, list[int]] = {}
    for position, scenario in enumerate(items):
        groups.setdefault(structure_key(scenario), []).append(position)
    tasks, rows = [], []
    for positions in groups.values():
        size = _chunk(items[positions[0]], chunk_size)
        for start in range(0, len(positions), size):
            chunk = positions[start : start + size]
            inputs = [numeric_inputs(items[i]) for i in chunk]
            values = {
                path: np.array([base_value(written[path]) for written in inputs], dtype=float)
                for path in inputs[0]
            }
            tasks.append((items[chunk[0]], len(chunk), values))
            rows.extend(chunk)
    figures, errors = _run(tasks, client, progress)
    order = np.argsort(np.array(rows, dtype=int), kind="stable")
    in_order = {name: figures.pop(name)[order] for name in FIGURES}
    return in_order, [errors[i] for i in order]


def sweep(
    scenario: Scenario,
    grid: Mapping[str, Sequence[Any]],
    *,
    client: Client | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Evaluate every combination of the values in ``grid``: a parameter sweep.

    Each key is a field path as the error messages write it (``outcomes[0].proxy``,
    ``scenario.discount_rate``, ``sib.cap``); its values replace the field's value (a
    distribution is replaced by the number). All combinations are evaluated (the full grid,
    the first path varying slowest, as :func:`itertools.product`). Numbers that vary by draw
    (:data:`businesscase.parameters.NUMERIC_FIELDS`) are the draws of one array computation,
    ``chunk_size`` per task; any other field (``outcomes[0].duration``,
    ``scenario.horizon_years``) changes the structure and is evaluated per value.

    Parameters
    ----------
    scenario : Scenario
        The scenario varied.
    grid : mapping of str to sequence
        Field path -> the values it takes, in the field's unit (docs/scenario-format.md). Each value
        is checked by the field's own rule.
    client : distributed.Client, optional
        Run the tasks on this Dask cluster instead of local threads.
    chunk_size : int, optional
        Most variations evaluated in one task, >= 1; by default, and at most, the number whose
        working arrays fit in the memory budget (:func:`businesscase.limits.chunk_size`).
    progress : callable, optional
        ``progress(done, total)`` in variations, after each task.

    Returns
    -------
    pandas.DataFrame
        One row per variation: a column per path of ``grid`` (the value used), then
        :data:`FIGURES` and ``error`` as in :func:`evaluate_many` (a variation the engine
        cannot evaluate gets empty figures and the reason; the others are evaluated).

    Raises
    ------
    ScenarioError
        For a path that names no field, or a value that breaks its field's rule (the message
        names the path, the value and the rule).
    LimitError
        For a grid of more than :data:`businesscase.limits.MAX_SWEEP_POINTS` points, before
        anything is built.

    Examples
    --------
    The gross SROI ratio is linear in an outcome's proxy:

    >>> from businesscase import examples
    >>> table = sweep(examples.load_example("nabuurschap"),
    ...               {"outcomes[0].proxy": [0, 1_000, 2_000], "scenario.discount_rate": [0.0225]})
    >>> ratio = table["sroi_ratio"].to_numpy()
    >>> bool(abs((ratio[2] - ratio[1]) - (ratio[1] - ratio[0])) < 1e-12)
    True
    """
    source = f"sweep of {scenario.settings.name}"
    if not grid:
        raise ValueError("the grid is empty: give at least one field path and its values")
    check_sweep_points([len(values) for values in grid.values()])
    written = scenario_to_dict(scenario)
    numeric = numeric_inputs(scenario)
    columns: dict[str, np.ndarray] = {}
    where: dict[str, Where] = {}
    for path, values in grid.items():
        where[path] = _locate(written, path, source)
        if len(values) == 0:
            raise ScenarioError(source, [Problem(path, NO_VALUE, "no values given to sweep")])
        if path in numeric:
            columns[path] = _checked_numbers(written, where[path], values, source)
        else:
            columns[path] = np.array(list(values), dtype=object)
    shape = tuple(len(values) for values in columns.values())
    index = dict(zip(columns, np.indices(shape).reshape(len(shape), -1), strict=True))
    structural = [path for path in columns if path not in numeric]
    variants: dict[tuple[int, ...], list[int]] = {}
    for row, key in enumerate(zip(*(index[path] for path in structural), strict=True)):
        variants.setdefault(key, []).append(row)
    if not structural:
        variants = {(): list(range(int(np.prod(shape))))}
    tasks, rows = [], []
    for key, members in variants.items():
        varied = scenario
        if structural:
            data = copy.deepcopy(written)
            for path, i in zip(structural, key, strict=True):
                _set(data, where[path], _plain(columns[path][i]))
            varied = scenario_from_dict(data, source=source)
        members_array = np.array(members)
        size = _chunk(varied, chunk_size)
        for start in range(0, len(members), size):
            chunk = members_array[start : start + size]
            values = {
                path: columns[path][index[path][chunk]].astype(float)
                for path in columns
                if path in numeric
            }
            tasks.append((varied, len(chunk), values))
            rows.extend(chunk.tolist())
    figures, errors = _run(tasks, client, progress)
    order = np.argsort(np.array(rows, dtype=int), kind="stable")
    frame = figure_frame({name: figures.pop(name)[order] for name in FIGURES})
    frame["error"] = pd.Series([errors[i] for i in order], dtype=object)
    for position, (path, values) in enumerate(columns.items()):
        column = pd.Series(values[index[path]])
        frame.insert(
            position, path, column.astype(float) if path in numeric else column.infer_objects()
        )
    return frame


def structure_key(scenario: Scenario) -> str:
    """What must be equal for two scenarios to be evaluated as draws of one computation.

    Everything except the numbers that vary by draw
    (:data:`businesscase.parameters.NUMERIC_FIELDS`, the discount rate) and the texts of the
    ``[scenario]`` table: the lines and their names, stakeholders, kinds, starts, durations,
    the horizon, which optional fields are given.

    Returns
    -------
    str
        A canonical text (JSON); equal texts mean identical structure.
    """
    data = scenario.model_dump(by_alias=True)
    data["scenario"] = {
        key: value for key, value in data["scenario"].items() if key not in _NOT_STRUCTURE
    }
    for path in numeric_inputs(scenario):
        if not path.startswith("scenario."):
            *steps, field = [int(i) if i else name for name, i in _STEP.findall(path)]
            entry = data
            for step in steps:
                entry = entry[step]
            entry[field] = "#"
    return json.dumps(data, sort_keys=True)


_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")
"""One step of a field path: a name or an index (``sib[0].metrics[1].price``)."""


def figure_frame(per_draw: Mapping[str, FloatArray]) -> pd.DataFrame:
    """The figures per draw as a table: one row per draw, the columns :data:`FIGURES`.

    Figures that do not exist are NaN (``<NA>`` for the year figures, nullable ``Int64``);
    ``closes`` is a nullable boolean, ``<NA>`` for a draw that failed (NaN figures).
    """
    columns: dict[str, Any] = {}
    for name in FIGURES:
        values = np.asarray(per_draw[name], dtype=float)
        if name in YEAR_METRICS:
            columns[name] = pd.array(np.where(values == NO_YEAR, np.nan, values), dtype="Int64")
        elif name == "closes":
            columns[name] = pd.arrays.BooleanArray(values == 1.0, np.isnan(values))
        else:
            columns[name] = values
    # copy=False: the arrays are the engine's fresh results; a copy would double the peak
    return pd.DataFrame(columns, copy=False)


def _labelled(
    scenarios: Mapping[str, Scenario] | Iterable[Scenario],
) -> tuple[list[str], list[Scenario]]:
    """Labels and scenarios, in order."""
    if isinstance(scenarios, Mapping):
        return [str(label) for label in scenarios], list(scenarios.values())
    items = list(scenarios)
    return [scenario.settings.name for scenario in items], items


def _chunk(scenario: Scenario, chunk_size: int | None) -> int:
    """Draws per task: ``chunk_size``, at most what fits in the memory budget."""
    fitting = fitting_chunk_size(scenario, WORKERS)
    if chunk_size is None:
        return fitting
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    return min(chunk_size, fitting)


def _run(
    tasks: list[tuple[Scenario, int, dict[str, FloatArray]]],
    client: Client | None,
    progress: Progress | None,
) -> tuple[dict[str, FloatArray], list[str | None]]:
    """Evaluate the tasks (scenario, draws, per-draw values) and join their figures in order.

    Local runs use up to :data:`businesscase.uncertainty.WORKERS` threads; with a ``client``
    every task is a Dask task. Each task is computed on its own, so the numbers do not depend
    on where it ran. A draw the engine cannot evaluate does not stop the others
    (:func:`evaluate_or_report`).

    Returns
    -------
    figures : dict of str to array
        Per figure of :data:`FIGURES`, one value per draw of all tasks in order (float; NaN
        for a draw that failed).
    errors : list of str or None
        Per draw, why it failed, or None.
    """
    total = sum(draws for _, draws, _ in tasks)
    sizes = [draws for _, draws, _ in tasks]
    done = 0

    def report(size: int) -> None:
        nonlocal done
        done += size
        if progress is not None:
            progress(done, total)

    if client is None:
        with ThreadPoolExecutor(max_workers=max(1, min(WORKERS, len(tasks)))) as pool:
            results = []
            for size, result in zip(
                sizes, pool.map(lambda task: evaluate_or_report(*task), tasks), strict=True
            ):
                results.append(result)
                report(size)
    else:
        from distributed import as_completed

        futures = [client.submit(evaluate_or_report, *task, pure=False) for task in tasks]
        size_of = {future.key: size for future, size in zip(futures, sizes, strict=True)}
        for future in as_completed(futures):
            report(size_of[future.key])
        results = client.gather(futures)
    if not results:
        return {name: np.empty(0) for name in FIGURES}, []
    # joined a figure at a time, each task's array let go as soon as it is joined
    figures = {
        name: np.concatenate([np.asarray(result.pop(name), dtype=float) for result, _ in results])
        for name in FIGURES
    }
    return figures, [error for _, errors in results for error in errors]


def evaluate_or_report(
    scenario: Scenario, draws: int, values: Mapping[str, FloatArray]
) -> tuple[dict[str, FloatArray], list[str | None]]:
    """:func:`businesscase.uncertainty.run_draws`, but a failure is reported per draw.

    When the engine fails on the draws together, the draws to blame are found: those whose
    figures overflow, when the engine says which
    (:class:`businesscase.overflow.TooLargeToComputeError`), else by splitting the draws in
    halves and evaluating each again, down to the single draws that fail. Those get NaN
    figures and the reason, the others their figures. One bad scenario in a batch (or one
    bad point of a sweep) therefore costs its own row, not the run. ``KeyboardInterrupt``
    still stops all.

    Returns
    -------
    figures : dict of str to array
        Per figure, ``draws`` values (NaN where the draw failed).
    errors : list of str or None
        Per draw the reason it failed (``"OverflowError: ..."``, or a :class:`ScenarioError`'s
        message), else None.
    """
    try:
        figures = run_draws(scenario, draws, values)
        # only the figures: the yearly cash balance (draws x years) is not kept
        return {name: figures[name] for name in FIGURES}, [None] * draws
    except Exception as error:  # any failure of the engine belongs to these draws only
        text = failure_text(error)
        blamed = getattr(error, "draws", None)
    known = blamed is not None and len(blamed) == draws and bool(blamed.any())
    if draws == 1 or (known and blamed.all()):
        return {name: np.full(draws, np.nan) for name in FIGURES}, [text] * draws
    if known:  # the engine says which draws overflow: the others once more, without them
        failed, groups = blamed, [~blamed]
    else:  # halves, each evaluated again, until the draws to blame are found
        failed = np.zeros(draws, dtype=bool)
        groups = [np.arange(draws) < draws // 2, np.arange(draws) >= draws // 2]
    figures = {name: np.full(draws, np.nan) for name in FIGURES}
    errors: list[str | None] = [text if fails else None for fails in failed]
    for group in groups:
        part, reasons = evaluate_or_report(
            scenario, int(group.sum()), {path: v[group] for path, v in values.items()}
        )
        for name in FIGURES:
            figures[name][group] = part[name]
        for position, reason in zip(np.flatnonzero(group), reasons, strict=True):
            errors[position] = reason
    return figures, errors


def failure_text(error: Exception) -> str:
    """Why a scenario could not be evaluated, in one line: a :class:`ScenarioError`'s own
    message, else the kind of failure and its message (``OverflowError: ...``)."""
    if isinstance(error, ScenarioError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# --- sweep paths ---------------------------------------------------------------------------


Where = tuple[str, int | None, str]
"""A parsed field path: section, line index (None for a table), field."""


def _locate(data: Mapping[str, Any], path: str, source: str) -> Where:
    """Parse ``path`` and check that it names a field of a line (or table) that exists."""
    match = _PATH.fullmatch(path)
    lists = ("stakeholders", "costs", "outcomes", "avoided_costs", "value_capture", "funding")
    rule = None
    if match is None:
        rule = "is not a field path; write it as section[index].field, e.g. outcomes[0].proxy"
    elif match["section"] == "sib" and "sib" not in data:
        rule = "the scenario has no [sib]"
    elif match["section"] == "scenario" or (
        match["section"] == "sib" and not isinstance(data["sib"], list)
    ):
        if match["index"] is not None:
            rule = f"[{match['section']}] is one table: write {match['section']}.field"
    elif match["section"] in (*lists, "sib"):
        count = len(data.get(match["section"], []))
        if match["index"] is None:
            rule = f"name a line: {match['section']}[0 .. {count - 1}].{match['field']}"
        elif int(match["index"]) >= count:
            rule = f"there are {count} {match['section']} lines (0 .. {count - 1})"
    else:
        rule = f"unknown section {match['section']!r}"
    if rule is not None or match is None:
        raise ScenarioError(source, [Problem(path, NO_VALUE, rule or "")])
    index = None if match["index"] is None else int(match["index"])
    return match["section"], index, match["field"]


def _set(data: dict[str, Any], where: Where, value: Any) -> None:
    """Write ``value`` at a field of TOML-shaped data (``where`` from :func:`_locate`)."""
    section, index, field = where
    table = data[section] if index is None else data[section][index]
    table[field] = value


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value TOML data holds (a strict int stays an int)."""
    return value.item() if isinstance(value, np.generic) else value


def _checked_numbers(
    data: Mapping[str, Any], where: Where, values: Sequence[Any], source: str
) -> np.ndarray:
    """The values of a numeric path as floats, each checked by the field's rule.

    The rules of numeric fields are ranges, so the smallest and the largest value are checked
    by the scenario's own validation (the same message as in a file); a value that is not a
    number, or not finite, is checked on its own.
    """
    for value in values:
        if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.number):
            _validate_one(data, where, _plain(value), source)
    numbers = np.asarray(values, dtype=float)
    bad = ~np.isfinite(numbers)
    extremes = [numbers[bad][0]] if bad.any() else [numbers.min(), numbers.max()]
    for value in extremes:
        _validate_one(data, where, float(value), source)
    return numbers


def _validate_one(data: Mapping[str, Any], where: Where, value: Any, source: str) -> None:
    """Validate the scenario with ``value`` at ``where``; raise its :class:`ScenarioError`."""
    changed = copy.deepcopy(dict(data))
    _set(changed, where, value)
    scenario_from_dict(changed, source=source)


# --- side by side --------------------------------------------------------------------------


def compare(
    scenarios: Mapping[str, Scenario] | Iterable[Scenario], *, client: Client | None = None
) -> pd.DataFrame:
    """The figures of several scenarios side by side.

    Parameters
    ----------
    scenarios : mapping of str to Scenario, or iterable of Scenario
        Label -> scenario (an iterable is labelled by ``settings.name``); labels must differ.
    client : distributed.Client, optional
        As :func:`evaluate_many`.

    Returns
    -------
    pandas.DataFrame
        Index: :data:`FIGURES` (docs/figures.md, in that page's order); one column per scenario, by
        label, in the order given. Values as ``evaluate(scenario).metrics``: floats, ``bool``
        for ``closes``, ``int`` year offsets, ``None`` where a figure does not exist
        (object dtype). A scenario the engine cannot evaluate has ``None`` throughout, and
        ``table.attrs["errors"]`` maps its label to the reason (empty when all went well).

    Examples
    --------
    >>> from businesscase import examples
    >>> table = compare({name: examples.load_example(name)
    ...                  for name in ("nabuurschap", "energiecooperatie")})
    >>> table.loc["closes"].to_dict()
    {'nabuurschap': False, 'energiecooperatie': True}
    >>> best_per_figure(table)["funding_gap"]
    ('energiecooperatie',)
    """
    labels, items = _labelled(scenarios)
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ValueError(f"scenario labels must differ; given more than once: {duplicates}")
    per_draw, errors = _figures_in_order(items, client)
    # json_metrics also lists the yearly cash balance, which this table leaves out
    per_draw["cash_balance"] = np.zeros((len(items), 0))
    columns = {}
    for draw, label in enumerate(labels):
        metrics = {} if errors[draw] else json_metrics(per_draw, draw)
        columns[label] = [metrics.get(name) for name in FIGURES]
    table = pd.DataFrame(columns, index=pd.Index(FIGURES, name="figure"), dtype=object)
    table.attrs["errors"] = {
        label: error for label, error in zip(labels, errors, strict=True) if error
    }
    return table


def best_per_figure(table: pd.DataFrame) -> pd.Series:
    """Per figure, every scenario with the best value, by the direction in :data:`BETTER`.

    Parameters
    ----------
    table : pandas.DataFrame
        A table as :func:`compare` returns: figures as rows, scenarios as columns.

    Returns
    -------
    pandas.Series
        Same index as ``table``: a tuple of the column labels that share the best value (equal
        within 1e-9 relative), in column order: all of them on a tie (every scenario when all
        are equal), so no best value goes unmarked. An empty tuple for a figure without a
        direction or with fewer than two values to compare (nulls are skipped).

    Examples
    --------
    >>> table = pd.DataFrame({"A": [0.0, 1.95, 2.0], "B": [100.0, 1.95, 2.0], "C": [5.0, 1.2, 2.0]},
    ...                      index=["funding_gap", "sroi_ratio", "npv_social"])
    >>> best_per_figure(table).to_dict()
    {'funding_gap': ('A',), 'sroi_ratio': ('A', 'B'), 'npv_social': ('A', 'B', 'C')}
    """
    best: dict[Any, tuple[Any, ...]] = {}
    for figure, row in table.iterrows():
        direction = BETTER.get(str(figure))
        present = {label: float(value) for label, value in row.items() if _present(value)}
        best[figure] = ()
        if direction is None or len(present) < 2:
            continue
        sign = 1.0 if direction == "higher" else -1.0
        top = max(sign * value for value in present.values())
        best[figure] = tuple(
            label
            for label, value in present.items()
            if np.isclose(sign * value, top, rtol=1e-9, atol=0.0)
        )
    return pd.Series(best, index=table.index, dtype=object, name="best")


def _present(value: Any) -> bool:
    """Whether a table value is a figure that exists (not None, NaN or NA)."""
    return value is not None and not pd.isna(value)


DIFFERENCE_COLUMNS: tuple[str, ...] = ("section", "line", "field")
"""Columns of :func:`assumption_differences` before the scenarios' columns."""


def assumption_differences(scenarios: Mapping[str, Scenario]) -> pd.DataFrame:
    """The inputs in which the scenarios differ, matched by line identity.

    A line is the same line in every scenario when its section and its name agree (a
    stakeholder by its id; the ``[scenario]`` table and the SIB are one line each; a second
    line with the same name is ``name (2)``), wherever it stands in the file: inserting a
    cost line does not make every later line "differ". Every field is compared with its
    defaults filled in (a field left out equals one written with its default value).

    Parameters
    ----------
    scenarios : mapping of str to Scenario
        Label -> scenario.

    Returns
    -------
    pandas.DataFrame
        One row per difference, in file order of the first scenario that has the line, with
        the columns ``section`` (``costs``), ``line`` (the line's name or the stakeholder's
        id; empty for ``scenario`` and ``sib``), ``field`` (``proxy``,
        ``beneficiaries.gemeente``) and one column per scenario. A line that some scenarios
        lack is one row with an empty ``field`` and ``True`` (has the line) or ``False``
        (lacks it) per scenario: an added or a removed line, not eight rows of fields. Values
        as written: numbers, texts, distributions as one line of text as the app writes them
        (``triangular(0.1, 0.25, 0.4)``), lists as comma-separated text.

    Examples
    --------
    >>> from businesscase import examples
    >>> west = examples.load_example("west_practice")
    >>> cheap = west.model_copy(update={
    ...     "costs": [west.costs[0].model_copy(update={"amount": 1.0})] + west.costs[1:]})
    >>> assumption_differences({"base": west, "cheap": cheap}).to_dict(orient="records")
    [{'section': 'costs', 'line': 'Werving en opzet programma', 'field': 'amount', \
'base': 60000.0, 'cheap': 1.0}]
    """
    flat = {label: _by_identity(scenario) for label, scenario in scenarios.items()}
    lines: dict[tuple[str, str], None] = {}
    for fields in flat.values():
        lines.update(dict.fromkeys(fields))
    rows = []
    for line in lines:
        present = [line in fields for fields in flat.values()]
        if not all(present):
            rows.append([*line, "", *present])
            continue
        names: dict[str, None] = {}
        for fields in flat.values():
            names.update(dict.fromkeys(fields[line]))
        for name in names:
            values = [fields[line].get(name) for fields in flat.values()]
            if len({json.dumps(value) for value in values}) > 1:
                rows.append([*line, name, *values])
    return pd.DataFrame(rows, columns=[*DIFFERENCE_COLUMNS, *flat], dtype=object)


def _by_identity(scenario: Scenario) -> dict[tuple[str, str], dict[str, Any]]:
    """Every field of a scenario by line identity (section, name) and field name, defaults
    filled in, values as shown (distributions as text, beneficiary shares one by one)."""
    data = scenario.model_dump(by_alias=True)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for section, content in data.items():
        entries = content if isinstance(content, list) else [content]
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry is None:
                continue
            if section == "correlations":  # a group is known by the inputs it correlates
                name = ", ".join(entry["inputs"])
            else:
                key = "id" if section == "stakeholders" else "name"
                name = str(entry[key]) if isinstance(content, list) else ""
            seen[name] = seen.get(name, 0) + 1
            line = f"{name} ({seen[name]})" if seen[name] > 1 else name
            fields = _shown_fields(entry, section_entry(scenario, section, index))
            for number, metric in enumerate(fields.pop("metrics", None) or []):
                original = section_entry(scenario, section, index).metrics[number]
                shown = _shown_fields(metric, original).items()
                fields.update({f"metrics[{number}].{name}": value for name, value in shown})
            out[section, line] = fields
    return out


def _shown_fields(entry: Mapping[str, Any], model: Any) -> dict[str, Any]:
    """The fields of one dumped entry as :func:`assumption_differences` shows them; a
    contract's ``metrics`` are left as they are."""
    fields: dict[str, Any] = {}
    for field, value in entry.items():
        original = getattr(model, field)
        if is_distribution(original):
            fields[field] = distribution_text(original)
        elif field in ("beneficiaries", "payers") and value is not None:
            fields.update({f"{field}.{key}": share for key, share in value.items()})
        elif field == "metrics":
            fields[field] = value
        elif isinstance(value, list):
            fields[field] = ", ".join(str(item) for item in value)
        elif value is not None:
            fields[field] = value
    return fields


def section_entry(scenario: Scenario, section: str, index: int) -> Any:
    """The model of ``section[index]`` (``scenario`` is the settings table, ``sib`` the bond)."""
    if section == "scenario":
        return scenario.settings
    return section_lines(scenario, section)[index]


# --- programme packages --------------------------------------------------------------------


def combine(
    scenarios: Mapping[str, Scenario] | Iterable[Scenario],
    name: str,
    *,
    area: str = "",
    description: str = "",
    horizon_years: int | None = None,
    discount_rate: float | None = None,
    pool: Iterable[str] = (),
    fund: Mapping[str, Any] | None = None,
) -> Scenario:
    """Merge several project scenarios into one programme scenario (an investment package).

    Each scenario becomes a project of the programme (``[[projects]]``) and every line names
    it, so its money stays earmarked for it unless its label is in ``pool``; ``fund`` adds a
    funding line of the programme itself, pooled (docs/methodology.md, "A programme of
    projects"). Stakeholders are merged by id (one id defined differently is an error); every
    line is copied with its name prefixed by its project's label
    (``"Nabuurschap: Buurtverbinder"``); the themes are the union; at most one project may have
    an SIB (:func:`businesscase.examples.combine_scenarios`). The projects must share currency,
    start year, horizon and discount rate. A different horizon or discount rate is an error,
    unless ``horizon_years`` or ``discount_rate`` chooses one for all projects explicitly.

    Parameters
    ----------
    scenarios : mapping of str to Scenario, or iterable of Scenario
        Project label -> scenario, in the order the lines should appear; an iterable is
        labelled by ``settings.name``.
    name : str
        Name of the programme.
    area, description : str, optional
        The programme's ``[scenario]`` texts.
    horizon_years : int, optional
        Horizon of the programme [years]; by default the projects' common horizon.
    discount_rate : float, optional
        Discount rate of the programme [fraction per year]; by default the projects' common
        rate.
    pool : iterable of str, optional
        Labels of the projects whose money may pay for any project (marked ``pooled``).
    fund : mapping, optional
        A ``[[funding]]`` line (TOML-shaped: ``name``, ``funder``, ``kind``, ``amount``, ...)
        of the programme itself: a neighbourhood fund or programme budget, pooled.

    Returns
    -------
    Scenario
        The programme, validated.

    Raises
    ------
    ScenarioError
        When the projects disagree on a shared setting or a stakeholder, or the programme
        breaks a rule (a line starting beyond a shortened horizon); the source is ``name``.

    Examples
    --------
    >>> from businesscase import evaluate, examples
    >>> parts = {label: examples.load_example(stem) for stem, label in examples.PROJECTS.items()}
    >>> programme = combine(parts, "Veerkrachtig BoTu 2028")
    >>> programme.costs[0].name
    'West Practice: Werving en opzet programma'
    >>> evaluate(programme).metrics["first_short_year"]  # earmarked: the square short in 2028
    1
    """
    labels, items = _labelled(scenarios)
    if not items:
        raise ValueError("nothing to combine: give at least one scenario")
    for key, chosen, option in (
        ("horizon_years", horizon_years, "--horizon"),
        ("discount_rate", discount_rate, "--discount-rate"),
    ):
        given = {
            label: base_value(getattr(scenario.settings, key))
            for label, scenario in zip(labels, items, strict=True)
        }
        if chosen is None and len(set(given.values())) > 1:
            values = ", ".join(f"{label} {value:g}" for label, value in given.items())
            rule = Message("projects_disagree_choose", given=values, field=key, option=option)
            raise ScenarioError(name, [Problem(f"scenario.{key}", NO_VALUE, rule)])
    parts = {}
    for label, scenario in zip(labels, items, strict=True):
        data = scenario_to_dict(scenario)
        head = dict(data["scenario"])
        head["discount_rate"] = base_value(scenario.settings.discount_rate)
        head["horizon_years"] = scenario.settings.horizon_years
        if horizon_years is not None:
            head["horizon_years"] = horizon_years
        if discount_rate is not None:
            head["discount_rate"] = discount_rate
        parts[label] = data | {"scenario": head}
    settings = {"name": name, "area": area, "description": description}
    try:
        combined = combine_scenarios(parts, settings, pool=pool, fund=fund)
    except ScenarioError as error:  # said of the programme being made
        raise ScenarioError(name, error.problems) from None
    return scenario_from_dict(combined, source=name)


def programme_fund(amount: float, funder: str, years: int = 1) -> dict[str, Any]:
    """A pooled funding line of a programme itself, for :func:`combine`'s ``fund``.

    Parameters
    ----------
    amount : float
        Paid each year [EUR a year, constant prices of start_year].
    funder : str
        Stakeholder id of who gives it (a municipal programme budget, a neighbourhood fund).
    years : int, default 1
        Years it pays, from the first year.

    Returns
    -------
    dict
        A ``[[funding]]`` line of kind ``budget`` without project: pooled money.

    Examples
    --------
    >>> programme_fund(50_000.0, "gemeente", 3)["duration"]
    3
    """
    return {
        "name": "Programme fund",
        "funder": funder,
        "kind": "budget",
        "amount": float(amount),
        "duration": years,
    }


def programme_comparison(
    projects: Mapping[str, Scenario],
    programme_name: str = "programme",
    *,
    horizon_years: int | None = None,
    discount_rate: float | None = None,
    pool: Iterable[str] = (),
    fund: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Each project alone and the programme package together: which projects carry which.

    Parameters
    ----------
    projects : mapping of str to Scenario
        Project label -> scenario, as for :func:`combine`.
    programme_name : str, default "programme"
        Label (and name) of the package row.
    horizon_years, discount_rate, pool, fund : optional
        As :func:`combine`.

    Returns
    -------
    pandas.DataFrame
        Index: the project labels, then ``programme_name``. Columns :data:`PROGRAMME_COLUMNS`:
        ``kind`` (``"project"`` or ``"programme"``), ``sroi_ratio`` (gross), ``npv_social``
        [EUR, PV], ``closes``, ``funding_gap`` (the shortfall still to be found [EUR]),
        ``min_cash_balance`` [EUR] and ``surplus`` = ``max(0, min_cash_balance)``: cash the
        plan has to spare in every year [EUR]; then, within the programme, ``earmarked`` (its
        money that only it may spend), ``pooled`` (what it brings to the pool) and
        ``pool_needed`` (the most it draws from the pool at any year end), all over the horizon
        in current euros. The programme row sums ``earmarked`` and ``pooled`` (the fund
        included) and gives the most the parts draw from the pool at once. A surplus that is
        earmarked carries no other project; the package closes only when pooled money covers
        every part's shortfall in time (docs/methodology.md, "A programme of projects").

    Examples
    --------
    >>> from businesscase import examples
    >>> parts = {label: examples.load_example(stem) for stem, label in examples.PROJECTS.items()}
    >>> table = programme_comparison(parts, "BoTu 2028")
    >>> table.loc[["Nabuurschap", "BoTu 2028"], "funding_gap"].round(-3).tolist()
    [452000.0, 477000.0]
    >>> table.loc["Nabuurschap", ["earmarked", "pool_needed"]].round(-3).tolist()
    [394000.0, 452000.0]
    """
    programme = combine(
        projects,
        programme_name,
        horizon_years=horizon_years,
        discount_rate=discount_rate,
        pool=pool,
        fund=fund,
    )
    labels = [*map(str, projects), programme_name]
    frame = evaluate_many(dict(zip(labels, [*projects.values(), programme], strict=True)))
    frame = frame.set_index("scenario").rename_axis(None)
    frame["kind"] = ["project"] * len(projects) + ["programme"]
    frame["surplus"] = frame["min_cash_balance"].clip(lower=0.0)
    use = _pool_use(programme)
    parts = use.iloc[: len(projects)].set_axis(labels[:-1])
    whole = {"earmarked": use["earmarked"].sum(), "pooled": use["pooled"].sum()}
    whole["pool_needed"] = _most_drawn_at_once(programme)
    frame.loc[labels[:-1], list(use.columns)] = parts.to_numpy()
    frame.loc[programme_name, list(whole)] = list(whole.values())
    return frame[list(PROGRAMME_COLUMNS)]


def _pool_use(programme: Scenario) -> pd.DataFrame:
    """Per part of a programme (its projects, then its own lines): money earmarked for it,
    money it brings to the pool and the most it draws from the pool [EUR, current euros]."""
    cash = base_part_cash(programme)
    needed = np.cumsum(cash.outflows - cash.earmarked, axis=2).max(axis=2)
    return pd.DataFrame(
        {
            "earmarked": cash.earmarked[0].sum(axis=1),
            "pooled": cash.own_pooled[0].sum(axis=1),
            "pool_needed": np.maximum(needed[0], 0.0) + 0.0,
        }
    )


def _most_drawn_at_once(programme: Scenario) -> float:
    """``max_t sum_p max(0, C_p(t) - E_p(t))``: the most pooled money lent out at a year end."""
    cash = base_part_cash(programme)
    drawn = np.maximum(np.cumsum(cash.outflows - cash.earmarked, axis=2), 0.0).sum(axis=1)
    return float(drawn[0].max())
