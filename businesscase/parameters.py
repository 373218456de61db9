"""Compile a scenario into parameter arrays with a leading draw axis (ARCHITECTURE).

Structure (which lines exist, who pays, loans' starts, contracts) is fixed per scenario;
numbers vary by draw, and so may the whole years of :data:`TIMING_FIELDS` (a start that may
slip). Every input has an address, the same field path that error messages use
(``outcomes[0].proxy``, ``scenario.discount_rate``), so one scenario, a Monte Carlo sample and a
sweep grid are all "a value per draw for some of these paths" fed to the same engine.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

import numpy as np

from businesscase.distributions import (
    Distribution,
    base_value,
    is_distribution,
    whole_base_value,
)
from businesscase.scenario import Scenario
from businesscase.timeline import FloatArray, IntArray

NUMERIC_FIELDS: dict[str, tuple[str, ...]] = {
    "costs": ("amount", "growth"),
    "outcomes": (
        "quantity",
        "proxy",
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
        "cashable_share",
        "growth",
    ),
    "avoided_costs": (
        "incidents",
        "reduction",
        "unit_cost",
        "probability",
        "cashable_share",
        "growth",
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
    ),
    "value_capture": ("units", "base_value", "uplift", "capture_share"),
    "funding": ("amount", "growth", "probability", "interest_rate"),
    "sib": ("capital", "cap", "max_irr", "guarantee_share"),
    "sib_metrics": ("price", "threshold"),
}
"""Per section, the fields that may vary by draw (numbers or distributions). ``sib`` holds the
outcome contracts, ``sib_metrics`` the metrics of all contracts in turn (a contract written in
the shorthand has one, with its price and threshold on the contract itself)."""

TIMING_FIELDS: dict[str, tuple[str, ...]] = {
    "costs": ("start", "duration"),
    "outcomes": ("start", "duration", "lasts"),
    "avoided_costs": ("start", "duration"),
    "value_capture": ("start", "duration"),
    "funding": ("start", "duration"),
}
"""Per section, the whole-year fields that may be written as distributions (a start that may
slip, docs/uncertainty.md). Each draw is a whole number of years: a sampled value is rounded
to the nearest whole number (:func:`whole_years`). A loan's start stays fixed (its contract
fixes the payout year), and so do an outcome contract's start and lags."""

DISCOUNT_RATE_PATH = "scenario.discount_rate"
INFLATION_PATH = "scenario.inflation"

_ABSENT_DEFAULTS = {"cap": np.inf, "max_irr": np.inf, "guarantee_share": 0.0, "interest_rate": 0.0}
"""Values for optional fields left out: no cap and no return cap on a contract, no guarantee;
no interest on non-loan funding."""


@dataclass(frozen=True)
class Parameters:
    """Numeric inputs of one scenario for ``draws`` draws.

    Attributes
    ----------
    draws : int
        Number of draws ``D``.
    discount_rate : array, shape (D,)
        Real discount rate [fraction per year].
    inflation : array, shape (D,)
        Yearly price inflation [fraction per year].
    lines : mapping of mapping of array
        ``lines[section][field]`` has shape (D, L) with L the number of lines of the section
        (the contracts for ``sib``, all their metrics for ``sib_metrics``). A field that no
        draw changes is one row of base values seen from every draw: read-only. Each field is
        built when first read (:class:`_Fields`).
    timing : mapping of mapping of int array
        ``timing[section][field]`` of :data:`TIMING_FIELDS`: whole years, shape (D, L) [years];
        read-only where no draw changes them.
    events : bool array, shape (K, D, T), or None
        For each of the K avoided cost lines of ``event_lines``, per draw and year, whether
        the line's event happens that year, in place of its ``probability``: the yearly events
        a Monte Carlo draws (docs/uncertainty.md), a line's draws together (each copied in
        whole rows; by draw first, a chunk's events took a tenth of a us a draw to copy).
        None: every probability is applied as an expected share.
    event_lines : tuple of int
        The avoided cost lines with yearly events, by position, in the order of ``events``.
    drawn : tuple of (str, str, int, array of shape (D,))
        The per-draw values the fields of ``lines`` and ``timing`` were built from, as given
        (timing not yet whole years): section, field and line of each, and its values. With
        the base values (:func:`base_values`) they are every input of every draw; the fused
        kernel of a simulation reads them so, without building the fields
        (:mod:`businesscase.kernels.model`).
    """

    draws: int
    discount_rate: FloatArray
    inflation: FloatArray
    lines: Mapping[str, Mapping[str, FloatArray]]
    timing: Mapping[str, Mapping[str, IntArray]]
    events: np.ndarray | None = None
    event_lines: tuple[int, ...] = ()
    drawn: tuple[tuple[str, str, int, FloatArray], ...] = ()

    @cached_property
    def avoided_cost_years(self) -> FloatArray | None:
        """Per draw, avoided cost line and year, the share of the line's amount counted: 1 or 0
        for a line with yearly events (:attr:`events`), its ``probability`` every year for the
        others; shape (D, L, T). None without events."""
        if self.events is None:
            return None
        chance = self.lines["avoided_costs"]["probability"]
        years = np.empty((self.draws, chance.shape[1], self.events.shape[2]))
        years[...] = chance[:, :, None]
        years[:, list(self.event_lines)] = self.events.transpose(1, 0, 2)
        return years

    def columns(self, section: str, name: str, chosen: list[int]) -> FloatArray:
        """One number field of some of a section's lines, shape (D, len(chosen)): its columns
        ``chosen`` (positions), without building the other lines' columns."""
        return self.lines[section].columns(name, chosen)

    def years(self, section: str, name: str, chosen: object = slice(None)) -> IntArray:
        """One timing field of a section's lines (the ``chosen`` ones: an index or a mask):
        shape (L,) when every draw has the same years (masks are then computed once), else
        (D, L) [years]."""
        years = self.timing[section][name][:, chosen]
        return years[0] if np.all(years == years[:1]) else years


def section_lines(scenario: Scenario, section: str) -> list:
    """The lines of one section as a list (``sib``: the contracts; ``sib_metrics``: their
    metrics, contract after contract)."""
    return [line for _, line in _entries(scenario, section)]


def _entries(scenario: Scenario, section: str) -> list[tuple[str, object]]:
    """The lines of a section with the field path of each (``costs[2]``, ``sib[1].metrics[0]``).

    A metric written in the shorthand has the path of its contract (``sib.price``).
    """
    if section == "sib":
        return [(scenario.contract_path(k), bond) for k, bond in enumerate(scenario.contracts)]
    if section == "sib_metrics":
        return [
            (
                prefix if bond.metrics is None else f"{prefix}.metrics[{m}]",
                metric,
            )
            for k, bond in enumerate(scenario.contracts)
            for prefix in [scenario.contract_path(k)]
            for m, metric in enumerate(bond.metric_list())
        ]
    return [(f"{section}[{i}]", line) for i, line in enumerate(getattr(scenario, section))]


def numeric_inputs(scenario: Scenario) -> dict[str, float | Distribution]:
    """Every numeric input of the scenario by field path, as written (number or distribution).

    Optional fields that were left out (no SIB cap, no interest rate) are not listed.
    """
    inputs: dict[str, float | Distribution] = {
        DISCOUNT_RATE_PATH: scenario.settings.discount_rate,
        INFLATION_PATH: scenario.settings.inflation,
    }
    for section, fields in NUMERIC_FIELDS.items():
        for prefix, line in _entries(scenario, section):
            for field in fields:
                value = getattr(line, field)
                if value is not None:
                    inputs[f"{prefix}.{field}"] = value
    return inputs


def timing_inputs(scenario: Scenario) -> dict[str, int | Distribution]:
    """Every timing input of :data:`TIMING_FIELDS` by field path, as written (whole number or
    distribution)."""
    return {
        f"{prefix}.{name}": getattr(line, name)
        for section, names in TIMING_FIELDS.items()
        for prefix, line in _entries(scenario, section)
        for name in names
    }


def uncertain_inputs(scenario: Scenario) -> dict[str, Distribution]:
    """The inputs written as distributions, by field path: numbers, then timing."""
    written = numeric_inputs(scenario) | timing_inputs(scenario)
    return {path: value for path, value in written.items() if is_distribution(value)}


def is_timing(path: str) -> bool:
    """Whether the input at ``path`` is a whole number of years (``outcomes[0].start``)."""
    section, _, name = path.partition("[")
    return name.rsplit(".", 1)[-1] in TIMING_FIELDS.get(section, ())


def whole_years(values: FloatArray) -> IntArray:
    """Sampled years as whole numbers: each rounded to the nearest, halves up
    (:func:`businesscase.distributions.nearest_whole`).

    Examples
    --------
    >>> whole_years(np.array([0.49, 0.5, 2.5, 3.7]))
    array([0, 1, 3, 4])
    """
    return np.floor(np.asarray(values, dtype=float) + 0.5).astype(np.int64)


def compile_parameters(
    scenario: Scenario,
    *,
    draws: int = 1,
    values: Mapping[str, FloatArray] | None = None,
    yearly: Mapping[str, np.ndarray] | None = None,
) -> Parameters:
    """Parameter arrays for ``draws`` draws: base values, with some paths set per draw.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    draws : int, default 1
        Number of draws ``D``.
    values : mapping of str to array of shape (D,), optional
        Per-draw values for some field paths (samples, a sweep grid); every other input takes
        its base value (a distribution's ``base``).
    yearly : mapping of str to bool array of shape (D, T), optional
        Per avoided cost's ``probability`` path (``avoided_costs[1].probability``), whether its
        event happens in each draw and year (:attr:`Parameters.avoided_cost_years`); the other
        avoided costs keep their probability, the same every year.

    Returns
    -------
    Parameters
    """
    layout = _layout(scenario)
    values = dict(values or {})
    unknown = set(values) - layout.places.keys() - {DISCOUNT_RATE_PATH, INFLATION_PATH}
    unknown |= {
        path
        for path in yearly or {}
        if not _AVOIDED_PROBABILITY.fullmatch(path) or path not in layout.places
    }
    if unknown:
        raise KeyError(f"no numeric input at {', '.join(sorted(unknown))}")
    drawn = tuple(
        (*layout.places[path], np.asarray(per_draw, dtype=float))
        for path, per_draw in values.items()
        if path in layout.places
    )
    by_field: dict[tuple[str, str], list[tuple[int, np.ndarray]]] = {}
    for section, field, line, per_draw in drawn:
        by_field.setdefault((section, field), []).append((line, per_draw))
    lines = {
        section: _Fields(draws, fields, by_field, section)
        for section, fields in layout.numbers.items()
    }
    timing = {
        section: _Fields(draws, names, by_field, section, whole_years)
        for section, names in layout.years.items()
    }
    settings = scenario.settings
    rate = np.empty(draws)
    rate[...] = values.get(DISCOUNT_RATE_PATH, base_value(settings.discount_rate))
    inflation = np.empty(draws)
    inflation[...] = values.get(INFLATION_PATH, base_value(settings.inflation))
    events = None
    by_line = {int(_AVOIDED_PROBABILITY.fullmatch(path)["line"]): path for path in yearly or {}}
    if by_line:
        events = np.empty((len(by_line), draws, settings.horizon_years), dtype=bool)
        for k, line in enumerate(sorted(by_line)):
            events[k] = yearly[by_line[line]]
    return Parameters(
        draws=draws,
        discount_rate=rate,
        inflation=inflation,
        lines=lines,
        timing=timing,
        events=events,
        event_lines=tuple(sorted(by_line)),
        drawn=drawn,
    )


class _Fields(Mapping):
    """The fields of one section's lines for ``draws`` draws, by name, each built when first
    read (:func:`_by_line`) and then kept: the fused kernel of a simulation reads only a few.

    Parameters
    ----------
    draws : int
        Number of draws ``D``.
    bases : dict of str to array of shape (L,)
        The lines' base values by field.
    drawn : dict of (str, str) to list of (int, array of shape (D,))
        By section and field, the lines with per-draw values and these values.
    section : str
        The section of these fields.
    whole : callable, optional
        Turns per-draw values into whole years (:func:`whole_years`) for timing fields.
    """

    def __init__(
        self,
        draws: int,
        bases: dict[str, np.ndarray],
        drawn: dict[tuple[str, str], list[tuple[int, np.ndarray]]],
        section: str,
        whole: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> None:
        self._draws, self._bases, self._drawn = draws, bases, drawn
        self._section, self._whole = section, whole
        self._built: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        built = self._built.get(name)
        if built is None:
            base = self._bases[name]  # a KeyError for a field that is not there
            drawn = self._drawn.get((self._section, name), [])
            built = self._built[name] = _by_line(self._draws, base, drawn, self._whole)
        return built

    def columns(self, name: str, chosen: list[int]) -> np.ndarray:
        """The field of the ``chosen`` lines (positions), shape (D, len(chosen)); the other
        lines' columns are not built when the field was not read whole."""
        built = self._built.get(name)
        if built is not None:
            return built[:, chosen]
        drawn = [
            (k, per_draw)
            for line, per_draw in self._drawn.get((self._section, name), [])
            for k, wanted in enumerate(chosen)
            if wanted == line
        ]
        return _by_line(self._draws, self._bases[name][chosen], drawn, self._whole)

    def __iter__(self) -> Iterator[str]:
        return iter(self._bases)

    def __len__(self) -> int:
        return len(self._bases)


@dataclass(frozen=True)
class _Layout:
    """Where a scenario's inputs go in :class:`Parameters`.

    Attributes
    ----------
    numbers, years : dict of dict of array
        Per section and field of :data:`NUMERIC_FIELDS` (:data:`TIMING_FIELDS`), the base
        value of each line, shape (L,) (read-only).
    places : dict of str to (str, str, int)
        Per field path that may take per-draw values, its section, field and line (an
        optional number left out has no place).
    """

    numbers: dict[str, dict[str, FloatArray]]
    years: dict[str, dict[str, IntArray]]
    places: dict[str, tuple[str, str, int]]


def _new_layout(scenario: Scenario) -> _Layout:
    """The :class:`_Layout` of a scenario: every input's base value and place."""
    numbers: dict[str, dict[str, FloatArray]] = {}
    years: dict[str, dict[str, IntArray]] = {}
    places: dict[str, tuple[str, str, int]] = {}
    for section in NUMERIC_FIELDS.keys() | TIMING_FIELDS.keys():
        items = _entries(scenario, section)
        for field in NUMERIC_FIELDS.get(section, ()):
            written = [getattr(line, field) for _, line in items]
            numbers.setdefault(section, {})[field] = _read_only(
                [
                    _ABSENT_DEFAULTS[field] if value is None else base_value(value)
                    for value in written
                ]
            )
            for i, ((prefix, _), value) in enumerate(zip(items, written, strict=True)):
                if value is not None:
                    places[f"{prefix}.{field}"] = (section, field, i)
        for name in TIMING_FIELDS.get(section, ()):
            years.setdefault(section, {})[name] = _read_only(
                [whole_base_value(getattr(line, name)) for _, line in items], np.int64
            )
            for i, (prefix, _) in enumerate(items):
                places[f"{prefix}.{name}"] = (section, name, i)
    numbers = {section: numbers[section] for section in NUMERIC_FIELDS}
    years = {section: years[section] for section in TIMING_FIELDS}
    return _Layout(numbers=numbers, years=years, places=places)


def _read_only(values: list, dtype: type = np.float64) -> np.ndarray:
    """``values`` as an array that cannot be changed."""
    array = np.array(values, dtype=dtype)
    array.flags.writeable = False
    return array


Made = TypeVar("Made")


class PerScenario(Generic[Made]):
    """``make(scenario)`` computed once per scenario and kept while the scenario lives (by
    ``id``): a scenario cannot change (its models are frozen), and a simulation needs what is
    made of it once per chunk.

    Attributes
    ----------
    kept : dict of int to (weakref, object)
        What was made so far, by the scenario's ``id``, with a weak reference to the scenario.
    """

    def __init__(self, make: Callable[[Scenario], Made]) -> None:
        self.make = make
        self.kept: dict[int, tuple[weakref.ref, Made]] = {}

    def __call__(self, scenario: Scenario) -> Made:
        key = id(scenario)
        found = self.kept.get(key)
        if found is not None and found[0]() is scenario:
            return found[1]
        made = self.make(scenario)
        self.kept[key] = (weakref.ref(scenario, lambda _, key=key: self.kept.pop(key, None)), made)
        return made


_layout = PerScenario(_new_layout)
"""The :class:`_Layout` of a scenario, made once per scenario."""


def base_values(
    scenario: Scenario,
) -> tuple[dict[str, dict[str, FloatArray]], dict[str, dict[str, IntArray]]]:
    """Every input's base value by section and field, shape (L,) (read-only): the numbers of
    :data:`NUMERIC_FIELDS` and the years of :data:`TIMING_FIELDS`; made once per scenario."""
    layout = _layout(scenario)
    return layout.numbers, layout.years


def _by_line(
    draws: int,
    base: np.ndarray,
    drawn: list[tuple[int, np.ndarray]],
    whole: Callable[[np.ndarray], np.ndarray] | None = None,
) -> np.ndarray:
    """One field of a section's lines for ``draws`` draws, shape (D, L).

    Parameters
    ----------
    base : array, shape (L,)
        The lines' base values.
    drawn : list of (int, array of shape (D,))
        The lines with per-draw values, and these values.
    whole : callable, optional
        Turns per-draw values into whole years (:func:`whole_years`) for a timing field.

    Returns
    -------
    array, shape (D, L)
        A field that no draw changes is its base values seen from every draw (a read-only
        view, nothing copied per draw); otherwise every row starts as the base values and the
        drawn lines overwrite their column.
    """
    if not drawn:
        return np.broadcast_to(base, (draws, base.size))
    out = np.empty((draws, base.size), dtype=base.dtype)
    out[...] = base
    for line, per_draw in drawn:
        out[:, line] = per_draw if whole is None else whole(per_draw)
    return out


_AVOIDED_PROBABILITY = re.compile(r"avoided_costs\[(?P<line>\d+)\]\.probability")
"""The path of an avoided cost's yearly chance, with its line number."""


def risky_lines(scenario: Scenario, section: str) -> dict[int, str]:
    """The lines of ``funding`` or ``avoided_costs`` whose ``probability`` leaves something to
    draw (uncertain, or a number strictly between 0 and 1), with the path of their
    probability, by line number."""
    found = {}
    for line, written in enumerate(getattr(scenario, section)):
        chance = written.probability
        if is_distribution(chance) or 0.0 < chance < 1.0:
            found[line] = f"{section}[{line}].probability"
    return found
