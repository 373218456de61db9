"""The fused kernel of a simulation's chunk: from the compiled parameters straight to the sums
behind the figures (see :mod:`businesscase.kernels` and docs/uncertainty.md).

:func:`businesscase.flows.build_flows` builds an array of draws x lines x years per section
and :func:`businesscase.metrics.yearly_series` sums them again; for a chunk of 10,000 draws of
50 lines over 30 years that is a hundred passes over arrays of 100 MB. :func:`fused_flows`
computes the same formulas one draw at a time instead, each line's years in a few registers,
and adds every line straight into the draw's yearly sums (:class:`businesscase.metrics.Totals`):
costs with their growth, in kind and residual values; outcome cohorts and their values (harms
and transfers included); avoided costs with their yearly events, additionality and drop-off;
value capture, grants and loans, nominal lines deflated. Only the outcome lines an outcome
contract pays for are written out whole, for the contracts' formulas, compiled too
(:func:`businesscase.kernels.contract.chunk_contracts`).

The numpy engine is the reference: every figure of a simulation through this kernel equals
the numpy engine's to 1e-12 of the largest present value (``tests/test_fused.py``). What is
per draw and line, not per year (a net unit value, an annuity, a loan's outstanding principal)
is computed by the numpy function of the section's module, so each formula is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import numpy as np

from businesscase import avoided_costs, funding, outcomes, value_capture
from businesscase.flows import Flows, paid_lines, price_index
from businesscase.kernels.compiling import compiled as _compile
from businesscase.kernels.contract import chunk_contracts
from businesscase.metrics import Totals
from businesscase.parameters import TIMING_FIELDS, Parameters, PerScenario, base_values
from businesscase.scenario import Scenario
from businesscase.timeline import discount_factors
from businesscase.vocabulary import SUBSIDY_KINDS, VALUE_TYPES

BENEFIT, HARM, TRANSFER, TRANSFER_HARM = 0, 1, 2, 3
"""Codes of the kinds of flow of an outcome or avoided-cost line (``flows.FLOW_KINDS``)."""

ECONOMIC = VALUE_TYPES.index("economic")
"""The value type of a residual value."""

# Positions of the yearly sums in the kernel's output, (YEARLY, D, T).
COSTS, CASH_COSTS, IN_KIND, GAINS, HARMS, RESIDUAL, TRANSFERS = range(7)
INFLOWS, SUBSIDY, REPAYMENTS, CAPTURED = range(7, 11)
BY_TYPE = 11
YEARLY = BY_TYPE + len(VALUE_TYPES)


FIELDS = {
    "costs": ("amount", "growth", "start", "duration"),
    "outcomes": (
        "quantity",
        "growth",
        "proxy",
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
        "start",
        "duration",
        "lasts",
    ),
    "avoided_costs": (
        "incidents",
        "reduction",
        "unit_cost",
        "probability",
        "deadweight",
        "displacement",
        "attribution",
        "growth",
        "drop_off",
        "start",
        "duration",
    ),
    "value_capture": ("units", "base_value", "uplift", "capture_share", "start", "duration"),
    "funding": ("amount", "probability", "growth", "start", "duration"),
}
"""The inputs the kernel computes a draw's lines from, by section: numbers of
:data:`businesscase.parameters.NUMERIC_FIELDS` and years of ``TIMING_FIELDS``."""
ROW = {
    (section, name): row
    for row, (section, name) in enumerate(
        (section, name) for section, names in FIELDS.items() for name in names
    )
}
"""The row of each input (section, field) in a draw's inputs (``x``: rows by line)."""
C_AMOUNT, C_GROWTH, C_START, C_DURATION = (ROW["costs", name] for name in FIELDS["costs"])
(
    O_QUANTITY,
    O_GROWTH,
    O_PROXY,
    O_DEADWEIGHT,
    O_DISPLACEMENT,
    O_ATTRIBUTION,
    O_DROP_OFF,
    O_START,
    O_DURATION,
    O_LASTS,
) = (ROW["outcomes", name] for name in FIELDS["outcomes"])
(
    A_INCIDENTS,
    A_REDUCTION,
    A_UNIT_COST,
    A_PROBABILITY,
    A_DEADWEIGHT,
    A_DISPLACEMENT,
    A_ATTRIBUTION,
    A_GROWTH,
    A_DROP_OFF,
    A_START,
    A_DURATION,
) = (ROW["avoided_costs", name] for name in FIELDS["avoided_costs"])
V_UNITS, V_BASE_VALUE, V_UPLIFT, V_CAPTURE_SHARE, V_START, V_DURATION = (
    ROW["value_capture", name] for name in FIELDS["value_capture"]
)
F_AMOUNT, F_PROBABILITY, F_GROWTH, F_START, F_DURATION = (
    ROW["funding", name] for name in FIELDS["funding"]
)

_net_unit_value = _compile(outcomes.net_unit_value)
_claimable_share = _compile(avoided_costs.claimable_share)
_yearly_capture = _compile(value_capture.yearly_capture)


BLOCK = 32
"""Draws whose drawn inputs and yearly events are gathered at once (:func:`_gather`,
:func:`_gather_events`)."""


@_compile
def _gather(block, table, first):  # pragma: no cover - compiled
    """The drawn inputs of the draws from ``first`` on (``table``: by input and draw) by draw
    and input in ``block``, a block of draws at a time: read one draw at a time, every input
    would be on a memory page of its own."""
    for p in range(table.shape[0]):
        for j in range(min(block.shape[0], table.shape[1] - first)):
            block[j, p] = table[p, first + j]


@_compile
def _gather_events(block, events, first):  # pragma: no cover - compiled
    """The yearly events of the draws from ``first`` on (``events``: by line, draw and year)
    by draw, line and year in ``block``, a block of draws at a time, each line's rows read
    one after the other."""
    for k in range(events.shape[0]):
        for j in range(min(block.shape[0], events.shape[1] - first)):
            for t in range(events.shape[2]):
                block[j, k, t] = events[k, first + j, t]


@_compile
def _draw_inputs(x, block, j, place, whole_from):  # pragma: no cover - compiled
    """The inputs of draw ``j`` of ``block`` in ``x`` (the base values, rows by line, flat):
    each drawn input in its ``place``; those from ``whole_from`` on are whole years, rounded
    (:func:`businesscase.parameters.whole_years`)."""
    for p in range(whole_from):
        x[place[p]] = block[j, p]
    for p in range(whole_from, place.size):
        x[place[p]] = np.floor(block[j, p] + 0.5)


@_compile
def _unsigned(years):  # pragma: no cover - compiled
    """Whole years as an unsigned index. numba checks a signed index for being negative
    (``a[-1]`` is the last element) in every pass of a loop, which keeps the processor from
    doing four years at once; a view that starts at the line's first year avoids the check too,
    but numba counts the references to every view, two calls of its runtime each."""
    return np.uint64(max(years, 0))


@_compile
def _active(x, start, duration, line, horizon):  # pragma: no cover - compiled
    """A line's active years: its first year (row ``start`` of ``x``, not before year 0), as a
    number and as an unsigned index, and how many of its ``duration`` years fall within the
    horizon."""
    begins = max(np.int64(x[start, line]), 0)
    return (
        begins,
        _unsigned(begins),
        _unsigned(min(begins + np.int64(x[duration, line]), horizon) - begins),
    )


@_compile
def _costs(acc, x, in_kind, life):  # pragma: no cover - compiled
    """A draw's cost lines: growth carried from year to year, the residual value of a line
    with a ``life`` at the horizon (:func:`businesscase.costs.residual_values`)."""
    horizon = acc.shape[1]
    for line in range(in_kind.size):
        begins, first, years = _active(x, C_START, C_DURATION, line, horizon)
        kind = IN_KIND if in_kind[line] else CASH_COSTS
        value, grows = x[C_AMOUNT, line], 1.0 + x[C_GROWTH, line]
        residual = 0.0
        for t in range(years):
            acc[COSTS, first + t] += value
            acc[kind, first + t] += value
            if life[line] > 0:  # straight-line depreciation
                left = horizon - begins - np.int64(t)
                residual += value * max(0.0, 1.0 - left / life[line])
            value *= grows
        if life[line] > 0:
            acc[GAINS, horizon - 1] += residual
            acc[RESIDUAL, horizon - 1] += residual
            acc[BY_TYPE + ECONOMIC, horizon - 1] += residual


@partial(_compile, inline="always")
def _add_values(acc, values, first, years, kind, value_type):  # pragma: no cover - compiled
    """The values of an outcome or avoided-cost line in ``years`` years from year ``first``
    into the sums of its kind of flow.

    Written into its callers by numba (``inline``): a compiled function that is passed arrays
    keeps its caller counting references to every array it was given, two calls of numba's
    runtime per array and call."""
    total = GAINS if kind == BENEFIT else HARMS if kind == HARM else TRANSFERS
    sign = -1.0 if kind == TRANSFER_HARM else 1.0
    for t in range(years):  # a row at a time: the processor vectorises a loop of one row
        acc[total, first + t] += sign * values[first + t]
    if kind == BENEFIT or kind == HARM:
        by_type = _unsigned(BY_TYPE + value_type)
        sign = -1.0 if kind == HARM else 1.0
        for t in range(years):
            acc[by_type, first + t] += sign * values[first + t]


@_compile
def _outcomes(
    d, acc, paid_cohorts, paid_values, cohorts, values, x, kind, value_type, slot
):  # pragma: no cover - compiled
    """A draw's outcome lines: cohorts with growth, each year's value at the net unit value
    summed over the cohorts still lasting, youngest first
    (:func:`businesscase.outcomes.outcome_values`); the lines a contract pays for written out
    in their ``slot`` of ``paid_cohorts`` and ``paid_values``."""
    horizon = acc.shape[1]
    for line in range(kind.size):
        begins = max(np.int64(x[O_START, line]), 0)
        ages = min(np.int64(x[O_LASTS, line]), horizon)
        ends = begins + np.int64(x[O_DURATION, line])  # after the last cohort
        first = _unsigned(begins)
        born = _unsigned(min(ends, horizon) - begins)  # years with a new cohort
        years = _unsigned(min(ends + ages - 1, horizon) - begins)  # years with a value
        size, grows = x[O_QUANTITY, line], 1.0 + x[O_GROWTH, line]
        for t in range(born):
            cohorts[first + t] = size
            size *= grows
        for t in range(born, years):
            cohorts[first + t] = 0.0
        weight = _net_unit_value(
            x[O_PROXY, line], x[O_DEADWEIGHT, line], x[O_DISPLACEMENT, line], x[O_ATTRIBUTION, line]
        )
        kept = 1.0 - x[O_DROP_OFF, line]
        for t in range(years):  # the youngest cohort, then one age at a time
            values[first + t] = cohorts[first + t] * weight
        for age in range(_unsigned(1), _unsigned(min(ages, np.int64(years)))):
            weight *= kept
            for t in range(years - age):
                values[first + age + t] += cohorts[first + t] * weight
        _add_values(acc, values, first, years, kind[line], value_type[line])
        if slot[line] >= 0:
            for t in range(horizon):
                paid_cohorts[d, slot[line], t] = 0.0
                paid_values[d, slot[line], t] = 0.0
            for t in range(years):
                paid_cohorts[d, slot[line], first + t] = cohorts[first + t]
                paid_values[d, slot[line], first + t] = values[first + t]


@_compile
def _avoided_costs(
    d, acc, values, x, events, event_of, kind, value_type
):  # pragma: no cover - compiled
    """A draw's avoided costs: the claimable amount of the first year, times the line's
    probability unless its events are drawn (``event_of``: the line's row of ``events``, or -1),
    carried with growth and drop-off (:mod:`businesscase.avoided_costs`)."""
    horizon = acc.shape[1]
    for line in range(kind.size):
        _, first, years = _active(x, A_START, A_DURATION, line, horizon)
        value = x[A_INCIDENTS, line] * x[A_REDUCTION, line] * x[A_UNIT_COST, line]
        if event_of[line] < 0:
            value = value * x[A_PROBABILITY, line]
        value *= _claimable_share(
            x[A_DEADWEIGHT, line], x[A_DISPLACEMENT, line], x[A_ATTRIBUTION, line]
        )
        grows = (1.0 + x[A_GROWTH, line]) * (1.0 - x[A_DROP_OFF, line])
        for t in range(years):
            values[first + t] = value
            value *= grows
        if event_of[line] >= 0:
            row = _unsigned(event_of[line])
            for t in range(years):
                values[first + t] *= 1.0 if events[d, row, first + t] else 0.0
        _add_values(acc, values, first, years, kind[line], value_type[line])


@_compile
def _money(
    d, acc, paying, discount, index, x, capture, lines, nominal, payer, also
):  # pragma: no cover - compiled
    """A draw's value capture (``capture``) or non-loan funding (``lines``: their positions in
    their section): the captured money spread over its years
    (:func:`businesscase.value_capture.yearly_capture`), or a yearly amount times its
    probability with growth; a nominal line divided by the price index
    (:func:`businesscase.flows.build_flows`); each an inflow and the payer's financing (PV),
    and ``also`` the subsidies' or the captured value's sum (``INFLOWS``: no other)."""
    horizon = acc.shape[1]
    start, duration = (V_START, V_DURATION) if capture else (F_START, F_DURATION)
    for i in range(lines.size):
        line = lines[i]
        _, first, years = _active(x, start, duration, line, horizon)
        if capture:
            value, grows = 0.0, 1.0
            if years > 0:  # a duration of at least a year: no division by zero
                value = _yearly_capture(
                    x[V_UNITS, line],
                    x[V_BASE_VALUE, line],
                    x[V_UPLIFT, line],
                    x[V_CAPTURE_SHARE, line],
                    x[V_DURATION, line],
                )
        else:
            value = x[F_AMOUNT, line] * x[F_PROBABILITY, line]
            grows = 1.0 + x[F_GROWTH, line]
        sums = _unsigned(also[i])
        financed = paying[payer[i]]
        for t in range(years):
            amount = value / index[d, first + t] if nominal[i] else value
            if sums != INFLOWS:  # a subsidy or grant, or captured value
                acc[sums, first + t] += amount
            acc[INFLOWS, first + t] += amount
            financed += amount * discount[d, first + t]
            value *= grows
        paying[payer[i]] = financed


@_compile
def _loans(
    d, acc, paying, discount, index, principal, payment, outstanding, start, term, nominal, lender
):  # pragma: no cover - compiled
    """A draw's loans (``principal``, ``payment``: the annuity, ``outstanding``: the principal
    owed at the horizon, each by draw and loan): the payout in the start year, the annuity from
    the next year on, the principal still owed (:func:`businesscase.funding.loan_schedule`);
    returns the sum owed."""
    horizon = acc.shape[1]
    owed = 0.0
    for line in range(principal.shape[1]):
        first = start[line]
        if first < horizon:
            deflator = index[d, first] if nominal[line] else 1.0
            amount = principal[d, line] / deflator
            acc[INFLOWS, first] += amount
            paying[lender[line]] += amount * discount[d, first]
        for t in range(first + 1, min(first + term[line] + 1, horizon)):
            deflator = index[d, t] if nominal[line] else 1.0
            acc[REPAYMENTS, t] += payment[d, line] / deflator
        deflator = index[d, horizon - 1] if nominal[line] else 1.0
        owed += outstanding[d, line] / deflator
    return owed


@_compile
def _chunk(outputs, discount, index, inputs, sections):  # pragma: no cover - compiled
    """Every draw of a chunk: its inputs in place (``inputs``: the base values, rows by line;
    the drawn ones by input and draw, the place of each and where whole years begin; the
    yearly events by line, draw and year, gathered by draw), its sums built in the cache
    (``acc``), then copied to its rows.

    Every array is taken out of its tuple once, before the draws: an array taken out of a tuple
    is counted as one more reference to it, two calls of numba's runtime each time."""
    out, payers, owed, paid_cohorts, paid_values = outputs
    base, table, place, whole_from = inputs
    costs, outcomes, avoided, captured, grants, loans = sections
    in_kind, life = costs
    kind, value_type, slot = outcomes
    events, event_of, avoided_kind, avoided_type = avoided
    captured_lines, captured_nominal, captured_payer, captured_sum = captured
    grant_lines, grant_nominal, grant_payer, grant_sum = grants
    principal, payment, outstanding, loan_start, loan_term, loan_nominal, lender = loans
    draws, horizon = discount.shape
    x = base.copy()
    flat = x.reshape(x.size)
    block = np.empty((BLOCK, table.shape[0]))
    happens = np.empty((BLOCK, events.shape[0], events.shape[2]), dtype=np.bool_)
    cohorts, values = np.empty(horizon), np.empty(horizon)
    acc, paying = np.empty((YEARLY, horizon)), np.empty(payers.shape[1])
    for d in range(draws):
        if d % BLOCK == 0:
            _gather(block, table, d)
            _gather_events(happens, events, d)
        _draw_inputs(flat, block, d % BLOCK, place, whole_from)
        for k in range(YEARLY):
            for t in range(horizon):
                acc[k, t] = 0.0
        for s in range(paying.size):
            paying[s] = 0.0
        _costs(acc, x, in_kind, life)
        _outcomes(d, acc, paid_cohorts, paid_values, cohorts, values, x, kind, value_type, slot)
        _avoided_costs(d % BLOCK, acc, values, x, happens, event_of, avoided_kind, avoided_type)
        _money(
            d,
            acc,
            paying,
            discount,
            index,
            x,
            True,
            captured_lines,
            captured_nominal,
            captured_payer,
            captured_sum,
        )
        _money(
            d,
            acc,
            paying,
            discount,
            index,
            x,
            False,
            grant_lines,
            grant_nominal,
            grant_payer,
            grant_sum,
        )
        owed[d] = _loans(
            d,
            acc,
            paying,
            discount,
            index,
            principal,
            payment,
            outstanding,
            loan_start,
            loan_term,
            loan_nominal,
            lender,
        )
        for k in range(YEARLY):
            for t in range(horizon):
                out[k, d, t] = acc[k, t]
        for s in range(paying.size):
            payers[d, s] = paying[s]


@dataclass(frozen=True)
class _Plan:
    """What the kernel reads of a scenario that no draw changes, made once per scenario.

    Attributes
    ----------
    base : array, shape (len(ROW), L)
        Every input of :data:`FIELDS` at its base value, rows by line (L: the most lines of a
        section); timing as whole numbers.
    sections : tuple
        Per section of the kernel, what it reads besides a draw's inputs: costs (in kind,
        life); outcomes (kind of flow, value type, slot of a line a contract pays for, or -1);
        avoided costs (kind of flow, value type); value capture and other funding (positions,
        nominal, payer's position, the sum it is also counted in); loans (start, term,
        nominal, lender's position).
    paid : list of int
        The outcome lines the contracts pay for (:func:`businesscase.flows.paid_lines`).
    loans : list of int
        The funding lines that are loans, by position.
    reading : dict
        What the kernel reads of the drawn inputs (:func:`_reading`) by the inputs drawn (a
        tuple of section, field and line each), filled by the chunks.
    """

    base: np.ndarray
    sections: tuple
    paid: list[int]
    loans: list[int]
    reading: dict = field(default_factory=dict)


def _new_plan(scenario: Scenario) -> _Plan:
    """The :class:`_Plan` of a scenario."""
    numbers, years = base_values(scenario)
    known = {section: numbers[section] | years[section] for section in FIELDS}
    sizes = [len(getattr(scenario, section)) for section in FIELDS]
    base = np.zeros((len(ROW), max(sizes, default=0)))
    for (section, name), row in ROW.items():
        values = known[section][name]
        base[row, : values.size] = values
    position = {holder.id: i for i, holder in enumerate(scenario.stakeholders)}

    def each(values: list) -> np.ndarray:
        return np.array(values, dtype=np.int64).reshape(len(values))

    def flags(values: list) -> np.ndarray:
        return np.array(values, dtype=bool).reshape(len(values))

    paid = paid_lines(scenario)
    lines = scenario.outcomes
    outcome_lines = (
        each([_kind(line.transfer, line.harm) for line in lines]),
        each([VALUE_TYPES.index(line.value_type) for line in lines]),
        each([paid.index(i) if i in paid else -1 for i in range(len(lines))]),
    )
    avoided = [
        each([_kind(line.transfer, harm=False) for line in scenario.avoided_costs]),
        each([VALUE_TYPES.index(line.value_type) for line in scenario.avoided_costs]),
    ]
    lines = scenario.value_capture
    captured = (
        each(list(range(len(lines)))),
        flags([line.nominal for line in lines]),
        each([position[line.payer] for line in lines]),
        each([CAPTURED] * len(lines)),
    )
    loan = flags([line.kind == "loan" for line in scenario.funding])
    lines = [line for line in scenario.funding if line.kind != "loan"]
    grants = (
        each(list(np.flatnonzero(~loan))),
        flags([line.nominal for line in lines]),
        each([position[line.funder] for line in lines]),
        each([SUBSIDY if line.kind in SUBSIDY_KINDS else INFLOWS for line in lines]),
    )
    lines = [line for line in scenario.funding if line.kind == "loan"]
    loans = (
        each([line.start for line in lines]),
        each([line.term for line in lines]),
        flags([line.nominal for line in lines]),
        each([position[line.funder] for line in lines]),
    )
    costs = (
        flags([line.in_kind for line in scenario.costs]),
        each([line.life or 0 for line in scenario.costs]),
    )
    return _Plan(
        base=base,
        sections=(costs, outcome_lines, avoided, captured, grants, loans),
        paid=paid,
        loans=[int(line) for line in np.flatnonzero(loan)],
    )


_plan = PerScenario(_new_plan)
"""The :class:`_Plan` of a scenario, made once per scenario."""

WHOLE = tuple(name in TIMING_FIELDS.get(section, ()) for section, name in ROW)
"""Per row of :data:`ROW`, whether its input is whole years."""


def _reading(inputs: tuple, lines: int) -> tuple[list[int], np.ndarray, int]:
    """Which drawn inputs (section, field and line each, in :attr:`Parameters.drawn` order)
    the kernel reads, by position, numbers first, then whole years (sorted by a plain tuple,
    :data:`WHOLE`: by numpy scalars a chunk's 150 inputs took a tenth of the kernel's time);
    the place of each in a draw's inputs (rows by line, ``lines`` a row, flat); where the
    whole years begin."""
    row = {
        i: ROW[section, name]
        for i, (section, name, _) in enumerate(inputs)
        if (section, name) in ROW
    }
    chosen = sorted(row, key=lambda i: WHOLE[row[i]])
    place = [row[i] * lines + inputs[i][2] for i in chosen]
    whole_from = len(chosen) - sum(WHOLE[row[i]] for i in chosen)
    return chosen, np.array(place, dtype=np.int64).reshape(len(place)), whole_from


def fused_flows(scenario: Scenario, params: Parameters) -> tuple[Flows, Totals]:
    """The flows of a chunk of draws as the figures need them: the outcome contracts' blocks,
    and the sums of every other line.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario without projects (:func:`businesscase.flows.fusable`).
    params : Parameters
        Its numeric inputs for D draws: the kernel reads the drawn values as given
        (:attr:`Parameters.drawn`) and builds no field of a section's lines, except the few the
        outcome contracts and loans read.

    Returns
    -------
    flows : Flows
        The chunk's flows with only the outcome contracts' blocks (``blocks``), and
        everything else the figures read: discount factors, price index, value capture, the
        loans' outstanding principal, the contracts and their payers' value.
    lines : Totals
        The sums of every other line, for :func:`businesscase.metrics.yearly_series`.
    """
    horizon, draws = scenario.settings.horizon_years, params.draws
    plan = _plan(scenario)
    discount = discount_factors(params.discount_rate, horizon)
    index = price_index(params.inflation, horizon)
    costs, outcome_lines, avoided, captured, grants, (starts, terms, *loan_lines) = plan.sections
    inputs = tuple(drawn[:3] for drawn in params.drawn)
    reading = plan.reading.get(inputs)
    if reading is None:  # the same inputs in every chunk of a simulation: worked out once
        reading = plan.reading[inputs] = _reading(inputs, plan.base.shape[1])
    chosen, place, whole_from = reading
    table = np.empty((len(chosen), draws))
    for p, i in enumerate(chosen):
        table[p] = params.drawn[i][3]
    events = np.zeros((0, 0, 0), dtype=bool) if params.events is None else params.events
    event_of = np.full(len(scenario.avoided_costs), -1, dtype=np.int64)
    event_of[list(params.event_lines)] = range(len(params.event_lines))
    principal = payment = outstanding = np.zeros((draws, 0))
    if plan.loans:
        loans = plan.loans
        principal = params.columns("funding", "amount", loans) * params.columns(
            "funding", "probability", loans
        )
        payment, outstanding = funding.loan_terms(
            principal, params.columns("funding", "interest_rate", loans), starts, terms, horizon
        )
    sections = (
        costs,
        outcome_lines,
        (events, event_of, *avoided),
        captured,
        grants,
        (principal, payment, outstanding, starts, terms, *loan_lines),
    )
    # numpy's buffers, not numba's: a freed numpy buffer of this size is given again to the next
    # chunk, numba's are new memory each time (ten times slower to fill on a virtual machine)
    ids = [holder.id for holder in scenario.stakeholders]
    paid = plan.paid
    out = np.empty((YEARLY, draws, horizon))
    payers = np.empty((draws, len(ids)))
    owed = np.empty(draws)
    paid_cohorts = np.empty((draws, len(paid), horizon))
    paid_values = np.empty((draws, len(paid), horizon))
    _chunk(
        (out, payers, owed, paid_cohorts, paid_values),
        discount,
        index,
        (plan.base, table, place, whole_from),
        sections,
    )
    contracts, payer_value, blocks = chunk_contracts(
        scenario, params, paid_cohorts, paid_values, index
    )
    flows = Flows(
        start_year=scenario.settings.start_year,
        horizon_years=horizon,
        stakeholder_ids=tuple(ids),
        stakeholder_names=tuple(holder.name for holder in scenario.stakeholders),
        stakeholder_kinds=tuple(holder.kind for holder in scenario.stakeholders),
        discount=discount,
        price_index=index,
        blocks=tuple(blocks),
        loan_outstanding=owed,
        value_capture=out[CAPTURED],
        contracts=contracts,
        payer_value=payer_value,
    )
    sums = Totals(
        costs=out[COSTS],
        cash_costs=out[CASH_COSTS],
        in_kind=out[IN_KIND],
        benefits=out[GAINS] - out[HARMS],
        benefits_by_type={kind: out[BY_TYPE + i] for i, kind in enumerate(VALUE_TYPES)},
        harms=out[HARMS],
        residual_value=out[RESIDUAL],
        transfers=out[TRANSFERS],
        inflows=out[INFLOWS],
        subsidy_inflows=out[SUBSIDY],
        loan_repayments=out[REPAYMENTS],
        sib_payments=np.zeros((draws, horizon)),
        financing_by_payer=payers,
    )
    return flows, sums


def _kind(transfer: bool, harm: bool) -> int:
    """The kind-of-flow code of an outcome or avoided-cost line (an avoided cost is no harm)."""
    if transfer:
        return TRANSFER_HARM if harm else TRANSFER
    return HARM if harm else BENEFIT
