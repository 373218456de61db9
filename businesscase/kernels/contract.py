"""An outcome contract's payments and break-even share, compiled (see
:mod:`businesscase.kernels`): the formulas of :mod:`businesscase.sib`, one draw at a time.

Each ``*_of`` function works on one draw's rows and may be called from other compiled loops;
the function of the same name without it is the per-chunk form that :mod:`businesscase.sib`
uses inside a simulation's chunks. The arithmetic is the numpy form's, step by step (the same
sums in the same order, the same stable order of the years), so the numbers are the same to
the last bits; only a power (the return cap's discount factors) and a sum over years (the
capital it owes) may round differently.

:func:`chunk_contracts` is :func:`businesscase.flows.contract_flows` of a fused chunk: every
contract of every draw in one compiled pass over the rows the fused kernel writes out, with
these functions, and every sum in numpy's order, so its numbers are those of
``contract_flows`` with the compiled forms above to the bit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import numpy as np

from businesscase.flows import ContractFlows, FlowBlock, Labeller, contract_blocks, paid_lines
from businesscase.kernels import figures
from businesscase.kernels.compiling import compiled as _compile
from businesscase.parameters import Parameters, PerScenario
from businesscase.scenario import Scenario
from businesscase.sib import ROUNDING
from businesscase.timeline import FloatArray

_numpy_sum = _compile(figures._numpy_sum.py_func, inline="always")
"""numpy's sum of a row (:func:`businesscase.kernels.figures._numpy_sum`), written into the
contract's loop (``inline``): a compiled function handed an array costs its caller two atomic
calls of numba's runtime per array and call, and the helpers below are inlined for the same
reason. numpy adds a row from 0.0, so its sum of -0.0s is 0.0: each sum below is ``0.0 +``
this one."""


def _floats(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each array as contiguous float64, as the compiled loops take them."""
    return tuple(np.ascontiguousarray(array, dtype=np.float64) for array in arrays)


@_compile
def _divide(a, b):  # pragma: no cover - compiled
    """``a / b`` as numpy divides: ``inf`` with the signs' sign, or NaN, for ``b == 0``."""
    if b != 0.0:
        return a / b
    if a == 0.0 or math.isnan(a):
        return np.nan
    return np.inf if (a > 0.0) == (math.copysign(1.0, b) > 0.0) else -np.inf


@partial(_compile, inline="always")
def _maximum(a, b):  # pragma: no cover - compiled
    """``np.maximum``: NaN when either is NaN."""
    if math.isnan(a) or math.isnan(b):
        return np.nan
    return a if a >= b else b


@partial(_compile, inline="always")
def _minimum(a, b):  # pragma: no cover - compiled
    """``np.minimum``: NaN when either is NaN."""
    if math.isnan(a) or math.isnan(b):
        return np.nan
    return a if a <= b else b


@partial(_compile, inline="always")
def _before(a, b):  # pragma: no cover - compiled
    """Whether ``a`` sorts before ``b`` in numpy's order (NaN last)."""
    return a < b or (math.isnan(b) and not math.isnan(a))


@partial(_compile, inline="always")
def _stable_order(keys, order):  # pragma: no cover - compiled
    """``order[:] = np.argsort(keys, kind="stable")``: insertion sort (a few dozen years)."""
    for i in range(keys.size):
        j = i
        while j > 0 and _before(keys[i], keys[order[j - 1]]):
            order[j] = order[j - 1]
            j -= 1
        order[j] = i


@_compile
def _sort(values):  # pragma: no cover - compiled
    """``values[:] = np.sort(values)`` (NaN last): insertion sort (a few dozen years)."""
    for i in range(1, values.size):
        key = values[i]
        j = i
        while j > 0 and _before(key, values[j - 1]):
            values[j] = values[j - 1]
            j -= 1
        values[j] = key


@partial(_compile, inline="always")
def _pays_from(counted, limit, out):  # pragma: no cover - compiled
    """The share from which each cohort year pays: 0 without a threshold, else
    ``threshold / count``, never (``inf``) without outcomes."""
    for c in range(counted.size):
        if limit[c] <= 0.0:
            out[c] = 0.0
        elif counted[c] > 0.0:
            out[c] = limit[c] / counted[c]
        else:
            out[c] = np.inf


@partial(_compile, inline="always")
def raw_payments_of(paid_for, price, threshold, lag, out):  # pragma: no cover - compiled
    """:func:`businesscase.sib.raw_payments` of one draw: ``paid_for`` (T,) into ``out``
    (years >= T + lag), which holds zeros outside the payment years."""
    for c in range(paid_for.size):
        count = paid_for[c]
        out[lag + c] = price * count if count >= threshold else 0.0


@_compile
def _raw_payments(paid_for, price, threshold, lag, years):  # pragma: no cover - compiled
    out = np.zeros((paid_for.shape[0], years))
    for d in range(paid_for.shape[0]):
        raw_payments_of(paid_for[d], price[d], threshold[d], lag, out[d])
    return out


def raw_payments(
    paid_for: FloatArray, price: FloatArray, threshold: FloatArray, lag: int, years: int
) -> FloatArray:
    """:func:`businesscase.sib.raw_payments` per draw; parameters and result as there."""
    return _raw_payments(*_floats(paid_for, price, threshold), lag, years)


@partial(_compile, inline="always")
def capped_payments_of(raw, cap, out):  # pragma: no cover - compiled
    """:func:`businesscase.sib.capped_payments` of one draw: ``raw`` (Y,) into ``out``."""
    total = 0.0
    for t in range(raw.size):
        total += raw[t]
        out[t] = _minimum(_maximum(cap - (total - raw[t]), 0.0), raw[t])


@_compile
def _capped_payments(raw, cap):  # pragma: no cover - compiled
    out = np.empty_like(raw)
    for d in range(raw.shape[0]):
        capped_payments_of(raw[d], cap[d], out[d])
    return out


def capped_payments(raw: FloatArray, cap: FloatArray) -> FloatArray:
    """:func:`businesscase.sib.capped_payments` per draw; parameters and result as there."""
    return _capped_payments(*_floats(raw, cap))


@_compile
def return_capped_payments_of(payments, drawdowns, max_irr, out):  # pragma: no cover
    """:func:`businesscase.sib.return_capped_payments` of one draw with a return cap:
    ``payments`` (Y,) and ``drawdowns`` (T,) into ``out`` (Y,)."""
    factor = 1.0 / (1.0 + max_irr)
    owed = 0.0
    for t in range(drawdowns.size):
        owed += drawdowns[t] * factor ** float(t)
    total = 0.0
    for t in range(payments.size):
        weight = factor ** float(t)
        discounted = payments[t] * weight
        total += discounted
        allowed = _divide(owed - (total - discounted), weight)
        if math.isnan(allowed) or allowed == -np.inf:
            allowed = 0.0
        out[t] = _minimum(_maximum(allowed, 0.0), payments[t])


@_compile
def _return_capped_payments(payments, drawdowns, max_irr):  # pragma: no cover - compiled
    out = np.empty_like(payments)
    for d in range(payments.shape[0]):
        if np.isfinite(max_irr[d]):
            return_capped_payments_of(payments[d], drawdowns[d], max_irr[d], out[d])
        else:
            out[d] = payments[d]
    return out


def return_capped_payments(
    payments: FloatArray, drawdowns: FloatArray, max_irr: FloatArray
) -> FloatArray:
    """:func:`businesscase.sib.return_capped_payments` per draw; parameters and result as
    there."""
    return _return_capped_payments(*_floats(payments, drawdowns, max_irr))


@partial(_compile, inline="always")
def _closing(share, cap, capital):  # pragma: no cover - compiled
    """A break-even share as the numpy form finishes it: 0 without capital, NaN where none."""
    if capital <= 0.0:
        share = 0.0
    if cap < capital:
        share = np.inf
    return share if np.isfinite(share) else np.nan


@partial(_compile, inline="always")
def breakeven_of(counted, limit, price, cap, capital, pays_from, order):  # pragma: no cover
    """:func:`businesscase.sib.breakeven_share` of one draw, undiscounted: ``counted`` the
    paid-for outcomes of the cohort years paid within the horizon, ``limit`` their thresholds
    (both (C,)); ``pays_from`` (float) and ``order`` (int) are room for C numbers."""
    _pays_from(counted, limit, pays_from)
    _stable_order(pays_from, order)
    share = np.inf
    total = 0.0
    for j in range(counted.size):
        c = order[j]
        total += counted[c]
        paying_total = total * price
        reaches = capital / paying_total if paying_total > 0.0 else np.inf
        share = _minimum(share, _maximum(pays_from[c], reaches))
    return share


@_compile
def _breakeven_shares(counted, limit, price, cap, capital):  # pragma: no cover - compiled
    draws, years = counted.shape
    out = np.empty(draws)
    pays_from = np.empty(years)
    order = np.empty(years, dtype=np.int64)
    for d in range(draws):
        share = breakeven_of(counted[d], limit[d], price[d], cap[d], capital[d], pays_from, order)
        out[d] = _closing(share, cap[d], capital[d])
    return out


def breakeven_shares(
    counted: FloatArray, limit: FloatArray, price: FloatArray, cap: FloatArray, capital: FloatArray
) -> FloatArray:
    """:func:`businesscase.sib.breakeven_share` without weights, per draw.

    Parameters
    ----------
    counted : array, shape (D, C)
        Paid-for outcomes of the cohort years paid within the horizon [outcomes].
    limit : array, shape (D, C) or (D, 1)
        Their thresholds [outcomes].
    price, cap, capital : array, shape (D,)
        Contract terms [EUR per outcome, EUR, EUR].

    Returns
    -------
    array, shape (D,)
        The share [fraction]; NaN where none repays the capital.
    """
    limit = np.broadcast_to(limit, counted.shape)
    return _breakeven_shares(*_floats(counted, limit, price, cap, capital))


@_compile
def weighted_breakeven_of(
    counted, limit, weight, price, cap, capital, pays_from, switch, through, real_through
):  # pragma: no cover - compiled
    """:func:`businesscase.sib.weighted_breakeven_share` of one draw (before its closing):
    ``counted``, ``limit`` and ``weight`` (C,) the paid-for outcomes of the cohort years paid
    within the horizon, their thresholds and the real value of a euro in their payment years;
    ``pays_from`` and ``switch`` are room for C numbers, ``through`` and ``real_through`` for
    C + 1. The pieces are those of the numpy form, in the same order."""
    years = counted.size
    _pays_from(counted, limit, pays_from)
    switch[:] = pays_from
    _sort(switch)
    target = capital
    share = np.inf
    for k in range(years):
        until = switch[k + 1] if k + 1 < years else np.inf
        through[0] = 0.0
        real_through[0] = 0.0
        for c in range(years):
            euros = counted[c] * price if pays_from[c] <= switch[k] else 0.0
            through[c + 1] = through[c] + euros
            real_through[c + 1] = real_through[c] + euros * weight[c]
        for c in range(years + 1):
            # the cap reached in year c (the years before it pay in full), or not at all
            low = _divide(cap, through[c + 1]) if c < years else 0.0
            high = _divide(cap, through[c])
            level = weight[c] * cap if c < years else 0.0
            slope = real_through[c] - (weight[c] * through[c] if c < years else 0.0)
            low = _maximum(low, switch[k])
            high = _minimum(high, until)
            at_low = level + slope * low
            crossing = _divide(target - level, slope)
            if at_low >= target * (1.0 - ROUNDING):
                piece = low
            elif slope > 0.0 and crossing <= high:
                piece = _maximum(crossing, low)
            else:
                piece = np.inf
            if not low < high:
                piece = np.inf
            share = _minimum(share, piece)
    return share


@_compile
def _weighted_breakeven_shares(counted, limit, weight, price, cap, capital):  # pragma: no cover
    draws, years = counted.shape
    out = np.empty(draws)
    pays_from = np.empty(years)
    switch = np.empty(years)
    through = np.empty(years + 1)
    real_through = np.empty(years + 1)
    for d in range(draws):
        share = weighted_breakeven_of(
            counted[d],
            limit[d],
            weight[d],
            price[d],
            cap[d],
            capital[d],
            pays_from,
            switch,
            through,
            real_through,
        )
        if capital[d] <= 0.0:
            share = 0.0
        out[d] = share if np.isfinite(share) else np.nan
    return out


def weighted_breakeven_shares(
    counted: FloatArray,
    limit: FloatArray,
    weight: FloatArray,
    price: FloatArray,
    cap: FloatArray,
    capital: FloatArray,
) -> FloatArray:
    """:func:`businesscase.sib.weighted_breakeven_share` per draw: as
    :func:`breakeven_shares`, with ``weight`` (D, C) the real value of a euro in each cohort
    year's payment year."""
    limit = np.broadcast_to(limit, counted.shape)
    return _weighted_breakeven_shares(*_floats(counted, limit, weight, price, cap, capital))


# --- The outcome contracts of a fused chunk ----------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """What :func:`chunk_contracts` reads of a scenario's outcome contracts that no draw
    changes, made once per scenario. Metrics are numbered contract after contract (as
    ``sib_metrics``); an outcome line paid for is known by its slot in
    :func:`businesscase.flows.paid_lines`.

    Attributes
    ----------
    metrics : tuple of int arrays, shape (M,) each
        Per metric, the slot of its outcome line and its lag [years].
    contracts : tuple of arrays
        Per contract (K of them): its first metric (K + 1 offsets), the years of its payments
        (the horizon and its longest lag) and whether it is nominal; the capital's share drawn
        in each year (K, T) and whether that year draws (K, T); the row of its guarantor's
        yearly payments among the contracts with a guarantor, or -1.
    pairs : tuple of int arrays
        The (payment year, metric, cohort year) of a contract of several metrics in the order
        of its break-even share (:func:`businesscase.sib.contract_breakeven_share`): offsets
        per contract (K + 1), then the metric (within the contract), cohort year and payment
        year of each.
    payers : tuple of arrays
        The (payer, line) pairs whose cashable value a contract counts: offsets per contract
        (K + 1), then per pair the line's slot and the payer's share of it; first each
        contract's own pairs, then those no earlier contract counted.
    """

    metrics: tuple
    contracts: tuple
    pairs: tuple
    payers: tuple


def _new_plan(scenario: Scenario) -> _Plan:
    """The :class:`_Plan` of a scenario."""
    horizon = scenario.settings.horizon_years
    paid = paid_lines(scenario)
    position = {line.name: i for i, line in enumerate(scenario.outcomes)}
    slots, lags, first, years, nominal = [], [], [0], [], []
    rows = [-1] * len(scenario.contracts)
    shares = np.zeros((len(scenario.contracts), horizon))
    drawing = np.zeros((len(scenario.contracts), horizon), dtype=bool)
    pair_first, pair_metric, pair_cohort, pair_year = [0], [], [], []
    own, new, counted, fresh = ([0], [], []), ([0], [], []), set(), []
    for k, bond in enumerate(scenario.contracts):
        metrics = bond.metric_list()
        line_of = [position[metric.outcome] for metric in metrics]
        slots += [paid.index(line) for line in line_of]
        lags += [metric.lag for metric in metrics]
        first.append(first[-1] + len(metrics))
        years.append(horizon + max(metric.lag for metric in metrics))
        nominal.append(bond.nominal)
        if bond.guarantor is not None:
            rows[k] = max(rows) + 1
        for offset, share in enumerate(bond.drawdown_shares()):
            shares[k, bond.start + offset] = share
            drawing[k, bond.start + offset] = True
        if len(metrics) > 1:
            found = sorted(
                (c + metric.lag, m, c)
                for m, metric in enumerate(metrics)
                for c in range(max(horizon - metric.lag, 0))
            )
            pair_metric += [m for _, m, _ in found]
            pair_cohort += [c for _, _, c in found]
            pair_year += [year for year, _, _ in found]
        pair_first.append(len(pair_metric))
        pairs: set[tuple[str, int]] = set()
        fresh.append(not counted)  # no earlier pairs: it adds its own
        for chosen, seen in ((own, pairs), (new, counted)):
            if seen is counted and fresh[-1]:
                chosen[0].append(len(chosen[1]))
                continue
            for metric, line in zip(metrics, line_of, strict=True):
                for payer in metric.payer_shares():
                    if (payer, line) not in seen:
                        seen.add((payer, line))
                        chosen[1].append(paid.index(line))
                        chosen[2].append(scenario.outcomes[line].beneficiaries.get(payer, 0.0))
            chosen[0].append(len(chosen[1]))
        counted |= pairs

    def each(values: list) -> np.ndarray:
        return np.array(values, dtype=np.int64).reshape(len(values))

    return _Plan(
        metrics=(each(slots), each(lags)),
        contracts=(
            each(first),
            each(years),
            np.array(nominal, dtype=bool).reshape(len(nominal)),
            shares,
            drawing,
            each(rows),
        ),
        pairs=(each(pair_first), each(pair_metric), each(pair_cohort), each(pair_year)),
        payers=(
            each(own[0]),
            each(own[1]),
            np.array(own[2], dtype=np.float64).reshape(len(own[2])),
            np.array(fresh, dtype=bool).reshape(len(fresh)),
            each(new[0]),
            each(new[1]),
            np.array(new[2], dtype=np.float64).reshape(len(new[2])),
        ),
    )


_plan = PerScenario(_new_plan)
"""The :class:`_Plan` of a scenario, made once per scenario."""


@partial(_compile, inline="always")
def _payer_value_of(values, d, first, last, slot, share, cashable, out):  # pragma: no cover
    """The cashable value of draw ``d`` for the (payer, line) pairs ``first`` to ``last`` into
    ``out`` (T,): each line's values times the payer's share, times the line's cashable share,
    added pair after pair (:func:`businesscase.flows.contract_flows`)."""
    out[:] = 0.0
    for p in range(first, last):
        for t in range(out.size):
            out[t] += values[d, slot[p], t] * share[p] * cashable[d, slot[p]]


@_compile
def _contract(k, outputs, inputs, terms, plan, room):  # pragma: no cover - compiled
    """Contract ``k`` of every draw: the steps of :func:`businesscase.flows.contract_flows`
    in their order, each sum in numpy's order (a sum over metrics one after the other, over
    years pairwise: :func:`businesscase.kernels.figures._numpy_sum`)."""
    drawdowns, by_metric, payments, guarantee, guaranteed, beyond, trimmed, breakeven = outputs[:8]
    own, payer_value = outputs[8:]
    cohorts, values, index, inflation = inputs
    price, threshold, capital, cap, max_irr, guarantee_share, deadweight, cashable = terms
    (slot, lag), (first, years_of, nominal, shares, drawing, row), pairs, payers = plan
    pair_first, pair_metric, pair_cohort, pair_year = pairs
    own_first, own_slot, own_share, fresh, new_first, new_slot, new_share = payers
    paid_for, raw, split, summed, capped, returned, removed, scratch = room[:8]
    counted, limit, weight, pays_from, switch, through, real_through, order = room[8:]
    horizon = index.shape[1]
    years = years_of[k]
    metrics = first[k + 1] - first[k]
    for d in range(index.shape[0]):
        for m in range(metrics):
            g = first[k] + m
            kept = 1.0 - deadweight[d, slot[g]]
            for t in range(horizon):
                paid_for[m, t] = cohorts[d, slot[g], t] * kept
            raw[m, :years] = 0.0
            raw_payments_of(paid_for[m], price[d, g], threshold[d, g], lag[g], raw[m])
        # a contract of one metric has the metric's rows, not copies of them
        total = raw[0]
        if metrics > 1:
            total = summed
            total[:years] = 0.0  # numpy's sums start from 0.0: a sum of -0.0s is 0.0
            for m in range(metrics):
                for t in range(years):
                    total[t] += raw[m, t]
        capped_payments_of(total[:years], cap[d, k], capped[:years])
        drawn = drawdowns[d, k]
        for t in range(horizon):
            drawn[t] = capital[d, k] * shares[k, t] if drawing[k, t] else 0.0
        paid = capped
        if np.isfinite(max_irr[d, k]):
            paid = returned
            return_capped_payments_of(capped[:years], drawn, max_irr[d, k], paid[:years])
        for m in range(metrics if metrics > 1 else 0):
            for t in range(years):
                part = raw[m, t] / total[t] if total[t] > 0.0 else 0.0
                split[m, t] = part * paid[t]
        within = 0.0 + _numpy_sum(paid, 0, horizon)
        last = guarantee_share[d, k] * _maximum(capital[d, k] - within, 0.0)
        for t in range(years):
            removed[t] = capped[t] - paid[t]
        if nominal[k]:
            grows = 1.0 + inflation[d]
            for t in range(years):
                deflator = index[d, t] if t < horizon else grows ** float(t)
                removed[t] /= deflator
                paid[t] /= deflator
                for m in range(metrics if metrics > 1 else 0):
                    split[m, t] /= deflator
            for t in range(horizon):
                drawn[t] /= index[d, t]
        guaranteed[d, k] = last / index[d, horizon - 1] if nominal[k] else last
        if row[k] >= 0:  # the guarantor's yearly payments, for its flow block
            for t in range(horizon):
                owed = last if t == horizon - 1 else 0.0
                guarantee[d, row[k], t] = owed / index[d, t] if nominal[k] else owed
        paying = paid
        if metrics > 1:
            paying = summed
            for t in range(years):
                paying[t] = 0.0
                for m in range(metrics):
                    paying[t] += split[m, t]
                if t < horizon:
                    for m in range(metrics):
                        by_metric[d, first[k] + m, t] = split[m, t]
        payments[d, k, :] = paying[:horizon]
        beyond[d, k] = 0.0 + _numpy_sum(paying, horizon, years - horizon)
        trimmed[d, k] = 0.0 + _numpy_sum(removed, 0, years)
        # the break-even share: of the capital as drawn, real, for a nominal contract
        repaid = 0.0 + _numpy_sum(drawn, 0, horizon) if nominal[k] else capital[d, k]
        if metrics == 1:
            g = first[k]
            count = max(horizon - lag[g], 0)
            unit = price[d, g]
            for c in range(count):
                counted[c] = paid_for[0, c]
                limit[c] = threshold[d, g]
                if nominal[k]:
                    weight[c] = 1.0 / index[d, lag[g] + c]
        else:
            count = pair_first[k + 1] - pair_first[k]
            unit = 1.0
            for j in range(count):
                p = pair_first[k] + j
                g = first[k] + pair_metric[p]
                counted[j] = paid_for[pair_metric[p], pair_cohort[p]] * price[d, g]
                limit[j] = threshold[d, g] * price[d, g]
                if nominal[k]:
                    weight[j] = 1.0 / index[d, pair_year[p]]
        if not nominal[k]:
            share = breakeven_of(
                counted[:count],
                limit[:count],
                unit,
                cap[d, k],
                repaid,
                pays_from[:count],
                order[:count],
            )
            breakeven[d, k] = _closing(share, cap[d, k], repaid)
        elif count == 0:
            breakeven[d, k] = 0.0 if repaid <= 0.0 else np.nan
        else:
            share = weighted_breakeven_of(
                counted[:count],
                limit[:count],
                weight[:count],
                unit,
                cap[d, k],
                repaid,
                pays_from[:count],
                switch[:count],
                through[: count + 1],
                real_through[: count + 1],
            )
            if repaid <= 0.0:
                share = 0.0
            breakeven[d, k] = share if np.isfinite(share) else np.nan
        _payer_value_of(
            values, d, own_first[k], own_first[k + 1], own_slot, own_share, cashable, own[d, k]
        )
        if payer_value.shape[0] == 0:  # one contract: the sum is its own (chunk_contracts)
            continue
        if fresh[k]:
            for t in range(horizon):
                payer_value[d, t] += own[d, k, t]
        else:
            _payer_value_of(
                values,
                d,
                new_first[k],
                new_first[k + 1],
                new_slot,
                new_share,
                cashable,
                scratch[:horizon],
            )
            for t in range(horizon):
                payer_value[d, t] += scratch[t]


@_compile
def _chunk_contracts(outputs, inputs, terms, plan):  # pragma: no cover - compiled
    """Every outcome contract of every draw of a chunk (:func:`_contract`), with room for
    one contract's rows made once."""
    payer_value = outputs[-1]
    years = plan[1][1]
    pair_first = plan[2][0]
    draws, horizon = payer_value.shape
    widest = max(horizon, np.max(years)) if years.size else horizon
    most = 1
    for k in range(years.size):
        most = max(most, plan[1][0][k + 1] - plan[1][0][k])
    counts = max(horizon, np.max(np.diff(pair_first))) if pair_first.size > 1 else horizon
    room = (
        np.empty((most, horizon)),
        np.empty((most, widest)),
        np.empty((most, widest)),
        np.empty(widest),
        np.empty(widest),
        np.empty(widest),
        np.empty(widest),
        np.empty(widest),
        np.empty(counts),
        np.empty(counts),
        np.empty(counts),
        np.empty(counts),
        np.empty(counts),
        np.empty(counts + 1),
        np.empty(counts + 1),
        np.empty(counts, dtype=np.int64),
    )
    payer_value[:] = 0.0
    for k in range(years.size):
        _contract(k, outputs, inputs, terms, plan, room)


def chunk_contracts(
    scenario: Scenario,
    params: Parameters,
    cohorts: FloatArray,
    values: FloatArray,
    index: FloatArray,
) -> tuple[tuple[ContractFlows, ...], FloatArray, list[FlowBlock]]:
    """:func:`businesscase.flows.contract_flows` of a fused chunk, compiled: every contract
    of every draw at once, from the rows of the outcome lines they pay for.

    Parameters
    ----------
    scenario : Scenario
        The validated scenario.
    params : Parameters
        Its numeric inputs for D draws.
    cohorts, values : array, shape (D, P, T)
        The cohorts [outcomes/year] and net values [EUR] of the P outcome lines of
        :func:`businesscase.flows.paid_lines`, in that order (the fused kernel's).
    index : array, shape (D, T)
        The price index (:func:`businesscase.flows.price_index`).

    Returns
    -------
    As :func:`businesscase.flows.contract_flows`, the same numbers to the bit.
    """
    plan = _plan(scenario)
    draws, horizon = index.shape
    paid = paid_lines(scenario)
    bonds, metrics = len(scenario.contracts), plan.metrics[0].size
    first, row = plan.contracts[0], plan.contracts[-1]
    outputs = (
        np.empty((draws, bonds, horizon)),
        np.empty((draws, metrics if np.any(np.diff(first) > 1) else 0, horizon)),
        np.empty((draws, bonds, horizon)),
        np.empty((draws, int(np.sum(row >= 0)), horizon)),
        np.empty((draws, bonds)),
        np.empty((draws, bonds)),
        np.empty((draws, bonds)),
        np.empty((draws, bonds)),
        np.empty((draws, bonds, horizon)),
        np.empty((draws if bonds != 1 else 0, horizon)),
    )
    contract = params.lines["sib"]
    metric = params.lines["sib_metrics"]
    terms = _floats(
        metric["price"],
        metric["threshold"],
        contract["capital"],
        contract["cap"],
        contract["max_irr"],
        contract["guarantee_share"],
        params.columns("outcomes", "deadweight", paid),
        params.columns("outcomes", "cashable_share", paid),
    )
    _chunk_contracts(
        outputs,
        _floats(cohorts, values, index, params.inflation),
        terms,
        (plan.metrics, plan.contracts, plan.pairs, plan.payers),
    )
    drawdowns, by_metric, payments, guarantee, guaranteed, beyond, trimmed, breakeven = outputs[:8]
    own, payer_value = outputs[8:]
    labeller = Labeller(tuple(holder.id for holder in scenario.stakeholders), draws)
    found, blocks = [], []
    for k, bond in enumerate(scenario.contracts):
        found.append(
            ContractFlows(
                name=bond.name,
                investor=bond.investor,
                capital=contract["capital"][:, k],
                drawdowns=drawdowns[:, k],
                payments=payments[:, k],
                payments_beyond=beyond[:, k],
                guarantee=guaranteed[:, k],
                trimmed_by_return_cap=trimmed[:, k],
                payer_value=own[:, k],
                breakeven=breakeven[:, k],
            )
        )
        blocks += contract_blocks(
            bond,
            bond.metric_list(),
            drawdowns[:, k],
            by_metric[:, first[k] : first[k + 1]]
            if first[k + 1] - first[k] > 1
            else payments[:, k : k + 1],
            guarantee[:, row[k]] if row[k] >= 0 else None,
            labeller,
        )
    # one contract's pairs are the sum's: 0.0 + its value is its value to the bit (a value
    # added up from 0.0 is never -0.0)
    return tuple(found), own[:, 0] if bonds == 1 else payer_value, blocks
