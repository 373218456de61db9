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
contract pays for are written out whole, for the contract's own formulas
(:func:`businesscase.flows.contract_flows`).

The numpy engine is the reference: every figure of a simulation through this kernel equals
the numpy engine's to 1e-12 of the largest present value (``tests/test_fused.py``). What is
per draw and line, not per year (a net unit value, an annuity, a loan's outstanding principal)
is computed by the numpy function of the section's module, so each formula is written once.
"""

from __future__ import annotations

import numpy as np

from businesscase import avoided_costs, funding, outcomes, value_capture
from businesscase.flows import Flows, contract_flows, paid_lines, price_index
from businesscase.kernels.compiling import compiled as _compile
from businesscase.metrics import Totals
from businesscase.parameters import Parameters
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


@_compile
def _of(values, d, line):  # pragma: no cover - compiled
    """An input by draw and line for draw ``d``: its row ``d``, or its only row when no draw
    changes it (the base values seen from every draw: nothing copied per draw). Each section
    below reads its inputs by draw and line from ``by_draw`` this way; its other arguments are
    per line."""
    return values[d if values.shape[0] > 1 else 0, line]


@_compile
def _unsigned(years):  # pragma: no cover - compiled
    """Whole years as an unsigned index. numba checks a signed index for being negative
    (``a[-1]`` is the last element) in every pass of a loop, which keeps the processor from
    doing four years at once; a view that starts at the line's first year avoids the check too,
    but numba counts the references to every view, two calls of its runtime each."""
    return np.uint64(max(years, 0))


@_compile
def _active(start, duration, d, line, horizon):  # pragma: no cover - compiled
    """A line's active years in draw ``d``: its first year (not before year 0), as a number and
    as an unsigned index, and how many of its ``duration`` years fall within the horizon."""
    begins = max(_of(start, d, line), 0)
    return (
        begins,
        _unsigned(begins),
        _unsigned(min(begins + _of(duration, d, line), horizon) - begins),
    )


@_compile
def _costs(d, acc, by_draw, in_kind, life):  # pragma: no cover - compiled
    """A draw's cost lines (``by_draw``: amount, growth factor, start, duration): growth
    carried from year to year, the residual value of a line with a ``life`` at the horizon
    (:func:`businesscase.costs.residual_values`)."""
    horizon = acc.shape[1]
    amount, factor, start, duration = by_draw
    for line in range(amount.shape[1]):
        begins, first, years = _active(start, duration, d, line, horizon)
        kind = IN_KIND if in_kind[line] else CASH_COSTS
        value, grows = _of(amount, d, line), _of(factor, d, line)
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


@_compile
def _add_values(acc, values, first, years, kind, value_type):  # pragma: no cover - compiled
    """The values of an outcome or avoided-cost line in ``years`` years from year ``first``
    into the sums of its kind of flow."""
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
    d, acc, paid, cohorts, values, by_draw, kind, value_type, slot
):  # pragma: no cover - compiled
    """A draw's outcome lines (``by_draw``: quantity, growth factor, net unit value, the share
    kept from one year to the next, start, duration, lasts): cohorts with growth, each year's
    value summed over the cohorts still lasting, youngest first
    (:func:`businesscase.outcomes.outcome_values`); the lines a contract pays for written out
    in their ``slot`` of ``paid`` (cohorts, values)."""
    horizon = acc.shape[1]
    paid_cohorts, paid_values = paid
    quantity, factor, unit_value, keep, start, duration, lasts = by_draw
    for line in range(quantity.shape[1]):
        begins = max(_of(start, d, line), 0)
        ages = min(_of(lasts, d, line), horizon)
        ends = begins + _of(duration, d, line)  # after the last cohort
        first = _unsigned(begins)
        born = _unsigned(min(ends, horizon) - begins)  # years with a new cohort
        years = _unsigned(min(ends + ages - 1, horizon) - begins)  # years with a value
        size, grows = _of(quantity, d, line), _of(factor, d, line)
        for t in range(born):
            cohorts[first + t] = size
            size *= grows
        for t in range(born, years):
            cohorts[first + t] = 0.0
        weight, kept = _of(unit_value, d, line), _of(keep, d, line)
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
    d, acc, values, by_draw, events, event_of, kind, value_type
):  # pragma: no cover - compiled
    """A draw's avoided costs (``by_draw``: the claimable amount of the first year, the factor
    of growth and drop-off, start, duration), the event of each year when drawn
    (``event_of``: the line's row of ``events``, or -1) (:mod:`businesscase.avoided_costs`)."""
    horizon = acc.shape[1]
    amount, factor, start, duration = by_draw
    for line in range(amount.shape[1]):
        _, first, years = _active(start, duration, d, line, horizon)
        value, grows = _of(amount, d, line), _of(factor, d, line)
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
    d, acc, paying, discount, index, by_draw, nominal, payer, also
):  # pragma: no cover - compiled
    """A draw's value capture or non-loan funding (``by_draw``: yearly amount, growth factor,
    start, duration): yearly amounts with growth (none for value capture), a nominal line
    divided by the price index (:func:`businesscase.flows.build_flows`); each an inflow and the
    payer's financing (PV), and ``also`` the subsidies' or the captured value's sum
    (``INFLOWS``: no other)."""
    horizon = acc.shape[1]
    captured, factor, start, duration = by_draw
    for line in range(captured.shape[1]):
        _, first, years = _active(start, duration, d, line, horizon)
        sums = _unsigned(also[line])
        value, grows = _of(captured, d, line), _of(factor, d, line)
        financed = paying[payer[line]]
        for t in range(years):
            amount = value / index[d, first + t] if nominal[line] else value
            if sums != INFLOWS:  # a subsidy or grant, or captured value
                acc[sums, first + t] += amount
            acc[INFLOWS, first + t] += amount
            financed += amount * discount[d, first + t]
            value *= grows
        paying[payer[line]] = financed


@_compile
def _loans(
    d, acc, paying, discount, index, by_draw, start, term, nominal, lender
):  # pragma: no cover - compiled
    """A draw's loans (``by_draw``: principal, annuity, principal owed at the horizon): the
    payout in the start year, the annuity from the next year on, the principal still owed
    (:func:`businesscase.funding.loan_schedule`); returns the sum owed."""
    horizon = acc.shape[1]
    principal, payment, outstanding = by_draw
    owed = 0.0
    for line in range(principal.shape[1]):
        first = start[line]
        if first < horizon:
            deflator = index[d, first] if nominal[line] else 1.0
            amount = _of(principal, d, line) / deflator
            acc[INFLOWS, first] += amount
            paying[lender[line]] += amount * discount[d, first]
        for t in range(first + 1, min(first + term[line] + 1, horizon)):
            deflator = index[d, t] if nominal[line] else 1.0
            acc[REPAYMENTS, t] += _of(payment, d, line) / deflator
        deflator = index[d, horizon - 1] if nominal[line] else 1.0
        owed += _of(outstanding, d, line) / deflator
    return owed


@_compile
def _chunk(outputs, discount, index, sections):  # pragma: no cover - compiled
    """Every draw of a chunk: its sums built in the cache (``acc``), then copied to its rows."""
    out, payers, owed, paid_cohorts, paid_values = outputs
    costs, outcomes, avoided, captured, grants, loans = sections
    draws, horizon = discount.shape
    cohorts, values = np.empty(horizon), np.empty(horizon)
    acc, paying = np.empty((YEARLY, horizon)), np.empty(payers.shape[1])
    for d in range(draws):
        for k in range(YEARLY):
            for t in range(horizon):
                acc[k, t] = 0.0
        for s in range(paying.size):
            paying[s] = 0.0
        _costs(d, acc, *costs)
        _outcomes(d, acc, (paid_cohorts, paid_values), cohorts, values, *outcomes)
        _avoided_costs(d, acc, values, *avoided)
        _money(d, acc, paying, discount, index, *captured)
        _money(d, acc, paying, discount, index, *grants)
        owed[d] = _loans(d, acc, paying, discount, index, *loans)
        for k in range(YEARLY):
            for t in range(horizon):
                out[k, d, t] = acc[k, t]
        for s in range(paying.size):
            payers[d, s] = paying[s]


def fused_flows(scenario: Scenario, params: Parameters) -> tuple[Flows, Totals]:
    """The flows of a chunk of draws as the figures need them: the outcome contracts' blocks,
    and the sums of every other line.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario without projects (:func:`businesscase.flows.fusable`).
    params : Parameters
        Its numeric inputs for D draws.

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
    ids = [holder.id for holder in scenario.stakeholders]
    position = {holder: i for i, holder in enumerate(ids)}
    # a field that no draw changes is one row for every draw (as the kernel reads it)
    p = {
        section: {name: _rows(field) for name, field in fields.items()}
        for section, fields in params.lines.items()
    }
    timing = {
        section: {name: _rows(field) for name, field in fields.items()}
        for section, fields in params.timing.items()
    }
    discount = discount_factors(params.discount_rate, horizon)
    index = price_index(params.inflation, horizon)

    def years(section: str, name: str, chosen: object = slice(None)) -> np.ndarray:
        return timing[section][name][:, chosen]

    def each(values: list) -> np.ndarray:
        return np.array(values, dtype=np.int64).reshape(len(values))

    def flags(values: list) -> np.ndarray:
        return np.array(values, dtype=bool).reshape(len(values))

    c, o, a, v, f = (
        p[section] for section in ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
    )
    costs = (
        (c["amount"], 1.0 + c["growth"], years("costs", "start"), years("costs", "duration")),
        flags([line.in_kind for line in scenario.costs]),
        each([line.life or 0 for line in scenario.costs]),
    )
    paid = paid_lines(scenario)
    lines = scenario.outcomes
    outcome_lines = (
        (
            o["quantity"],
            1.0 + o["growth"],
            outcomes.net_unit_value(
                o["proxy"], o["deadweight"], o["displacement"], o["attribution"]
            ),
            1.0 - o["drop_off"],
            years("outcomes", "start"),
            years("outcomes", "duration"),
            years("outcomes", "lasts"),
        ),
        each([_kind(line.transfer, line.harm) for line in lines]),
        each([VALUE_TYPES.index(line.value_type) for line in lines]),
        each([paid.index(i) if i in paid else -1 for i in range(len(lines))]),
    )
    lines = scenario.avoided_costs
    events = np.zeros((0, 0, 0), dtype=bool) if params.events is None else params.events
    event_of = each([-1] * len(lines))
    event_of[list(params.event_lines)] = range(len(params.event_lines))
    avoided = a["incidents"] * a["reduction"] * a["unit_cost"]
    avoided_lines = (
        (
            np.where(event_of >= 0, avoided, avoided * a["probability"])
            * avoided_costs.claimable_share(a["deadweight"], a["displacement"], a["attribution"]),
            (1.0 + a["growth"]) * (1.0 - a["drop_off"]),
            years("avoided_costs", "start"),
            years("avoided_costs", "duration"),
        ),
        events,
        event_of,
        each([_kind(line.transfer, harm=False) for line in lines]),
        each([VALUE_TYPES.index(line.value_type) for line in lines]),
    )
    lines = scenario.value_capture
    captured = (
        (
            value_capture.yearly_capture(
                v["units"],
                v["base_value"],
                v["uplift"],
                v["capture_share"],
                years("value_capture", "duration"),
            ),
            np.ones((1, len(lines))),
            years("value_capture", "start"),
            years("value_capture", "duration"),
        ),
        flags([line.nominal for line in lines]),
        each([position[line.payer] for line in lines]),
        each([CAPTURED] * len(lines)),
    )
    loan = np.array([line.kind == "loan" for line in scenario.funding], dtype=bool)
    lines = [line for line in scenario.funding if line.kind != "loan"]
    grants = (
        (
            f["amount"][:, ~loan] * f["probability"][:, ~loan],
            1.0 + f["growth"][:, ~loan],
            years("funding", "start", ~loan),
            years("funding", "duration", ~loan),
        ),
        flags([line.nominal for line in lines]),
        each([position[line.funder] for line in lines]),
        each([SUBSIDY if line.kind in SUBSIDY_KINDS else INFLOWS for line in lines]),
    )
    lines = [line for line in scenario.funding if line.kind == "loan"]
    starts = each([line.start for line in lines])
    terms = each([line.term for line in lines])
    principal = f["amount"][:, loan] * f["probability"][:, loan]
    payment, outstanding = funding.loan_terms(
        principal, f["interest_rate"][:, loan], starts, terms, horizon
    )
    loans = (
        (principal, payment, outstanding),
        starts,
        terms,
        flags([line.nominal for line in lines]),
        each([position[line.funder] for line in lines]),
    )
    # numpy's buffers, not numba's: a freed numpy buffer of this size is given again to the next
    # chunk, numba's are new memory each time (ten times slower to fill on a virtual machine)
    out = np.empty((YEARLY, draws, horizon))
    payers = np.empty((draws, len(ids)))
    owed = np.empty(draws)
    paid_cohorts = np.empty((draws, len(paid), horizon))
    paid_values = np.empty((draws, len(paid), horizon))
    # every input C-ordered and writable: one compiled form for every scenario, not one per
    # combination of layouts
    sections = tuple(
        (tuple(_plain(array) for array in section[0]), *(_plain(array) for array in section[1:]))
        for section in (costs, outcome_lines, avoided_lines, captured, grants, loans)
    )
    _chunk((out, payers, owed, paid_cohorts, paid_values), discount, index, sections)
    contracts, payer_value, blocks = contract_flows(
        scenario,
        params,
        {line: paid_cohorts[:, k] for k, line in enumerate(paid)},
        {line: paid_values[:, k] for k, line in enumerate(paid)},
        index,
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


def _rows(field: np.ndarray) -> np.ndarray:
    """A field by draw and line as the kernel reads it: its one row when no draw changes it
    (the base values seen from every draw), else the field itself."""
    if field.shape[0] > 1 and field.strides[0] == 0:
        return field[:1]
    return field


def _plain(array: np.ndarray) -> np.ndarray:
    """The array itself when C-ordered and writable, else a copy that is."""
    flags = array.flags
    return array if flags.c_contiguous and flags.writeable else np.array(array, order="C")
