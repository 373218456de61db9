"""The figures of a simulation's chunk, compiled: from the yearly sums of the fused kernel
(:mod:`businesscase.kernels.model`) to every figure of docs/figures.md and the cash balance,
one draw at a time, written straight into the arrays a simulation keeps.

:func:`businesscase.metrics.compute_metrics` is the reference (and what ``evaluate`` uses): it
computes each figure with a pass of numpy over the chunk, several temporaries of draws x years
each. :func:`chunk_figures` reads each draw's yearly sums once and computes its present values,
cash balance, payback year, funder shares and contract figures in registers, then stores them
in the rows of the draw's column. The same formulas, in the same order of operations, so the
cash balance, ``closes`` and every year figure are the reference's to the last bit, and so are
the sums over the years (numpy's pairwise summation, :func:`_numpy_sum`). Present values differ
in their last bits: numpy's ``einsum`` adds the discounted years in vector lanes with fused
multiply-adds, here they are added one after the other (``tests/test_figures.py``: every
figure equal to 1e-12 of the largest present value). The internal rates of return are those of
:func:`businesscase.irr.irr`, on the series this kernel writes out. Each figure is checked for
overflow as it is written, by the rules of :func:`businesscase.overflow.overflowing`
(:data:`businesscase.overflow.RULES`), so that a chunk beyond float64 goes back to the numpy
engine, whose flows name the field.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np

from businesscase.flows import Flows
from businesscase.irr import irr
from businesscase.kernels.compiling import compiled as _compile
from businesscase.metrics import NO_YEAR, SCALAR_METRICS, Totals, over_contracts
from businesscase.overflow import FINITE_OR_NULL, LARGEST, RULES, UNCHECKED
from businesscase.timeline import FloatArray
from businesscase.vocabulary import CLOSE_TOLERANCE, VALUE_TYPES

RATES: tuple[str, ...] = ("social_irr", "sib_investor_irr")
"""The figures of :func:`businesscase.irr.irr`, computed after the kernel's."""

ORDER: tuple[str, ...] = tuple(name for name in SCALAR_METRICS if name not in RATES)
"""The figures :func:`_figures` computes, in the order it writes them (the order of
:data:`SCALAR_METRICS`, which its code follows; ``tests/test_figures.py`` compares each by
name)."""

_ROWS = np.array([SCALAR_METRICS.index(name) for name in ORDER], dtype=np.int64)
"""The row of each figure of :data:`ORDER` in the arrays kept."""

_SOCIAL_IRR, _INVESTOR_IRR = (SCALAR_METRICS.index(name) for name in RATES)
"""The rows of the rates in the arrays kept."""

_RULES = tuple(rules[_ROWS] for rules in RULES)
"""The overflow rule of each figure of :data:`ORDER`, without and with outcome contracts."""

DISCOUNTED: tuple[str, ...] = (
    "costs",
    "benefits",
    *(f"benefits_{kind}" for kind in VALUE_TYPES),
    "inflows",
    "subsidy_inflows",
    "value_capture",
    "harms",
    "in_kind",
    "residual_value",
    "transfers",
)
"""The yearly totals whose present value is a figure, in the order :func:`_figures` takes
them; ``cash_costs``, ``loan_repayments`` and ``sib_payments`` follow."""

COSTS, BENEFITS, FISCAL, ECONOMIC, SOCIAL, INFLOWS, SUBSIDY, CAPTURED = range(8)
HARMS, IN_KIND, RESIDUAL, TRANSFERS, CASH_COSTS, REPAYMENTS, PAID = range(8, 15)
"""Positions of the totals in :func:`_figures`' ``sums``."""


_BLOCK = 128
"""The most numbers numpy adds in one block of 8 running sums (``PW_BLOCKSIZE``)."""


@_compile
def _block_sum(values, first, count):  # pragma: no cover - compiled
    """numpy's sum of at most :data:`_BLOCK` contiguous numbers: one after the other below 8,
    else 8 running sums added pairwise, then the rest one after the other."""
    if count < 8:
        total = 0.0
        for i in range(first, first + count):
            total += values[i]
        return total
    r0, r1, r2, r3 = values[first], values[first + 1], values[first + 2], values[first + 3]
    r4, r5, r6, r7 = values[first + 4], values[first + 5], values[first + 6], values[first + 7]
    whole = count - count % 8
    for i in range(first + 8, first + whole, 8):
        r0 += values[i]
        r1 += values[i + 1]
        r2 += values[i + 2]
        r3 += values[i + 3]
        r4 += values[i + 4]
        r5 += values[i + 5]
        r6 += values[i + 6]
        r7 += values[i + 7]
    total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    for i in range(first + whole, first + count):
        total += values[i]
    return total


@_compile
def _numpy_sum(values, first, count):  # pragma: no cover - compiled
    """``values[first:first + count].sum()`` as numpy adds a contiguous row (pairwise
    summation) for up to 248 numbers, which covers every horizon (at most 200 years): a block of
    :func:`_block_sum`, or two halves (the first a multiple of 8 long) whose sums are added.
    Longer rows (hundreds of stakeholders) are added a block after the other, which may differ
    from numpy's sum in the last bits."""
    if count <= _BLOCK:
        return _block_sum(values, first, count)
    half = count // 2
    half -= half % 8
    if count - half <= _BLOCK:
        return _block_sum(values, first, half) + _block_sum(values, first + half, count - half)
    total = 0.0
    for at in range(first, first + count, _BLOCK):
        total += _block_sum(values, at, min(_BLOCK, first + count - at))
    return total


@_compile
def _ratio(numerator, denominator):  # pragma: no cover - compiled
    """numerator / denominator, NaN where the denominator is 0 (``metrics._ratio``)."""
    return numerator / denominator if denominator != 0.0 else np.nan


@_compile
def _present_values(sums, discount, d, pv):  # pragma: no cover - compiled
    """The present value of draw ``d`` of each of the first ``pv.size`` yearly totals
    ``sums`` into ``pv``: the years discounted and added one after the other, the totals side
    by side (a loop of its own: within the loop over the years of :func:`_figures` it takes
    twice as long)."""
    pv[:] = 0.0
    for t in range(discount.shape[1]):
        w = discount[d, t]
        for k in range(pv.size):
            pv[k] += sums[k][d, t] * w


@_compile
def _figures(  # pragma: no cover - compiled
    sums, discount, index, by_payer, public, owed, contract, out, rows, rules, start
):
    """Every figure of :data:`ORDER` of each draw into column ``start + d`` of ``out[0]``, in
    its rows ``rows``; its cash balance into the same column of ``out[1]`` (years x draws); the
    series of its internal rates of return into row ``d`` of ``out[2]`` (benefits less costs)
    and, with contracts, ``out[3]`` (the investor's). ``sums`` are the yearly totals
    (:data:`DISCOUNTED`, then cash costs, loan repayments and outcome payments). Returns the
    number of draws whose figures or cash balance do not fit: each figure is checked against
    its rule in ``rules`` (:data:`businesscase.overflow.RULES`) as it is written, as
    :func:`businesscase.overflow.overflowing` checks them."""
    drawn, payer_value, guarantee, breakeven, beyond, trimmed = contract
    kept, balance, social_net, investor = out
    draws, horizon = discount.shape
    payers = by_payer.shape[1]
    with_contracts = drawn.shape[0] > 0
    costs, benefits, inflows, subsidy = sums[COSTS], sums[BENEFITS], sums[INFLOWS], sums[SUBSIDY]
    cash_costs, repayments, paid = sums[CASH_COSTS], sums[REPAYMENTS], sums[PAID]
    pv = np.empty(len(DISCOUNTED))
    row = np.empty(payers)
    figure = np.empty(rows.size)
    overflowing = 0
    for d in range(draws):
        c = start + d
        _present_values(sums, discount, d, pv)
        # payback: the year after the last in which the cumulative discounted net is not >= 0;
        # the project's cash in current euros, cumulated, its lowest (a NaN, once met, stays
        # the lowest, as numpy's min) and its first year short
        payback = 0
        cumulative = cash = lowest = payer_net = 0.0
        first_short = last_subsidy = last_cost = NO_YEAR
        fits = True
        for t in range(horizon):
            w = discount[d, t]
            net = benefits[d, t] - costs[d, t]
            social_net[d, t] = net
            cumulative = net * w if t == 0 else cumulative + net * w
            if not cumulative >= 0.0:
                payback = t + 1
            flow = (inflows[d, t] - (cash_costs[d, t] + repayments[d, t])) * index[d, t]
            cash = flow if t == 0 else cash + flow
            balance[t, c] = cash
            fits &= abs(cash) <= LARGEST
            if t == 0 or ((cash < lowest or cash != cash) and lowest == lowest):
                lowest = cash
            if first_short == NO_YEAR and cash < -CLOSE_TOLERANCE:
                first_short = t
            if subsidy[d, t] > 0.0:
                last_subsidy = t
            if cash_costs[d, t] > 0.0:
                last_cost = t
            if with_contracts:
                payer_net += (payer_value[d, t] - paid[d, t]) * w
                investor[d, t] = paid[d, t] - drawn[d, t]
        # the funders' shares of the financing, NaN without financing
        financing = pv[INFLOWS]
        share_missing = np.nan if financing == 0.0 else 0.0
        largest = 0.0
        for s in range(payers):
            share = _ratio(by_payer[d, s], financing)
            if largest == largest and not share <= largest:  # a NaN is the largest (numpy's max)
                largest = share
            row[s] = share * share
        hhi = _numpy_sum(row, 0, payers)
        chosen = 0
        for s in range(payers):
            if public[s]:
                row[chosen] = by_payer[d, s]
                chosen += 1
        public_financing = _numpy_sum(row, 0, chosen)
        # the outcome contracts' figures, NaN without contracts
        total = multiple = guaranteed = shares = later = removed = np.nan
        if with_contracts:
            total = _numpy_sum(paid[d], 0, horizon)
            investor[d, horizon - 1] += guarantee[d]
            multiple = _ratio(total + guarantee[d], _numpy_sum(drawn[d], 0, horizon))
            guaranteed, shares, later, removed = guarantee[d], breakeven[d], beyond[d], trimmed[d]
        gap = -lowest
        if gap < 0.0:
            gap = 0.0
        cliff = last_subsidy >= 0 and last_cost > last_subsidy
        npv = pv[BENEFITS] - pv[COSTS]
        figure[0] = pv[COSTS]
        figure[1] = pv[BENEFITS]
        figure[2] = pv[FISCAL]
        figure[3] = pv[ECONOMIC]
        figure[4] = pv[SOCIAL]
        figure[5] = npv
        figure[6] = _ratio(pv[BENEFITS], pv[COSTS])
        figure[7] = _ratio(npv, pv[COSTS])
        figure[8] = payback if payback < horizon else NO_YEAR
        figure[9] = financing
        figure[10] = lowest
        figure[11] = 1.0 if lowest >= -CLOSE_TOLERANCE else 0.0
        figure[12] = gap + 0.0  # + 0.0 turns -0.0 into 0.0
        figure[13] = first_short
        figure[14] = _ratio(pv[SUBSIDY], financing)
        figure[15] = largest + share_missing
        figure[16] = hhi + share_missing
        figure[17] = last_subsidy + 1 if cliff else NO_YEAR
        figure[18] = total
        figure[19] = multiple
        figure[20] = payer_net if with_contracts else np.nan
        figure[21] = shares
        figure[22] = _numpy_sum(sums[CAPTURED][d], 0, horizon)
        figure[23] = pv[CAPTURED]
        figure[24] = owed[d]
        figure[25] = later
        figure[26] = pv[HARMS]
        figure[27] = pv[IN_KIND]
        figure[28] = pv[RESIDUAL]
        figure[29] = pv[TRANSFERS]
        figure[30] = _ratio(public_financing, financing)
        figure[31] = guaranteed
        figure[32] = removed
        for i in range(rows.size):
            value = figure[i]
            kept[rows[i], c] = value
            if rules[i] != UNCHECKED and not abs(value) <= LARGEST:
                fits &= rules[i] == FINITE_OR_NULL and value != value
        if not fits:
            overflowing += 1
    return overflowing


def chunk_figures(
    flows: Flows, totals: Totals, kept: FloatArray, balance: FloatArray, start: int
) -> bool:
    """Every figure of a chunk's draws into columns ``start`` on of the arrays a simulation
    keeps; whether they all fit (:func:`businesscase.overflow.check_finite`).

    Parameters
    ----------
    flows : Flows
        The chunk's flows from the fused kernel (:func:`businesscase.kernels.fused_flows`),
        without projects.
    totals : Totals
        Their yearly sums, the flow blocks included (:func:`businesscase.metrics.block_totals`).
    kept : array, shape (len(SCALAR_METRICS), N)
        One row per figure, in :data:`businesscase.metrics.SCALAR_METRICS` order: ``closes``
        as 1.0 or 0.0, a missing year as :data:`businesscase.metrics.NO_YEAR`; written to.
    balance : array, shape (T, N)
        The cash balance at the end of each year [EUR, current]; written to.
    start : int
        The column of the chunk's first draw.

    Returns
    -------
    bool
        False when a figure is beyond :data:`businesscase.overflow.LARGEST`, infinite, or NaN
        although it always has a value: the chunk is then to be computed by the numpy engine,
        whose flows name the field.
    """
    draws, horizon = flows.discount.shape
    by_name = {
        **{name.name: getattr(totals, name.name) for name in fields(Totals)},
        **{f"benefits_{kind}": totals.benefits_by_type[kind] for kind in VALUE_TYPES},
        "value_capture": flows.value_capture,
    }
    sums = tuple(
        _plain(by_name[name])
        for name in (*DISCOUNTED, "cash_costs", "loan_repayments", "sib_payments")
    )
    bonds = flows.contracts
    if bonds:
        contract = (
            _plain(over_contracts([bond.drawdowns for bond in bonds])),
            _plain(flows.payer_value),
            _plain(over_contracts([bond.guarantee for bond in bonds])),
            _plain(bonds[0].breakeven if len(bonds) == 1 else np.full(draws, np.nan)),
            _plain(over_contracts([bond.payments_beyond for bond in bonds])),
            _plain(over_contracts([bond.trimmed_by_return_cap for bond in bonds])),
        )
    else:
        contract = (np.zeros((0, horizon)), np.zeros((0, horizon)), *[np.zeros(0)] * 4)
    social_net = np.empty((draws, horizon))
    investor = np.empty((draws, horizon) if bonds else (0, horizon))
    public = np.array([kind == "public" for kind in flows.stakeholder_kinds], dtype=np.bool_)
    overflowing = _figures(
        sums,
        _plain(flows.discount),
        _plain(flows.price_index),
        _plain(totals.financing_by_payer),
        public.reshape(public.size),
        _plain(flows.loan_outstanding),
        contract,
        (kept, balance, social_net, investor),
        _ROWS,
        _RULES[bool(bonds)],
        start,
    )
    if overflowing:
        return False
    columns = slice(start, start + draws)
    kept[_SOCIAL_IRR, columns] = irr(social_net)
    kept[_INVESTOR_IRR, columns] = irr(investor) if bonds else np.nan
    # a rate is a number or null (businesscase.overflow.MAY_BE_NULL)
    return not (np.abs(kept[[_SOCIAL_IRR, _INVESTOR_IRR], columns]) > LARGEST).any()


def _plain(array: np.ndarray) -> np.ndarray:
    """The array as float64, C-ordered (a copy only where it is not): one compiled form."""
    return np.ascontiguousarray(array, dtype=np.float64)
