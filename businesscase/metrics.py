"""The figures of docs/figures.md, per draw, from the flows.

Three views of one scenario:

- **society** (SROI, social cost-benefit): costs (in kind included) against outcome values,
  avoided costs and residual values, less harms; transfers (funding, value capture, SIB
  payments, lines marked ``transfer``) excluded;
- **project cash** (does it close?): inflows (funding incl. loan payouts, value capture, SIB
  capital) against outflows (costs not given in kind, loan repayments), undiscounted, year by
  year, in current euros (real amounts times ``(1 + inflation) ** t``);
- **stakeholders** (who pays, who benefits: the "wrong pocket" view).

Present values discount year ``t`` by ``1 / (1 + r) ** t`` (year 0 undiscounted, as
``numpy_financial.npv``); Excel users get the same number with ``=B2 + NPV(r, C2:K2)``.

Every figure is an array over draws; NaN stands for "does not exist" (null in JSON) and
year figures use -1 for null.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from businesscase import fast, projects
from businesscase.flows import (
    SOCIAL_COSTS,
    SOCIAL_GAINS,
    SOCIAL_LOSSES,
    STAKEHOLDER_GAINS,
    STAKEHOLDER_LOSSES,
    FlowBlock,
    Flows,
)
from businesscase.irr import irr
from businesscase.timeline import FloatArray
from businesscase.vocabulary import CLOSE_TOLERANCE, SUBSIDY_KINDS, VALUE_TYPES

NO_YEAR = -1
"""Marker for a year figure that does not exist (null in JSON)."""

SCALAR_METRICS: tuple[str, ...] = (
    "pv_costs",
    "pv_benefits",
    "pv_benefits_fiscal",
    "pv_benefits_economic",
    "pv_benefits_social",
    "npv_social",
    "sroi_ratio",
    "net_sroi_ratio",
    "social_irr",
    "payback_year",
    "pv_financing",
    "min_cash_balance",
    "closes",
    "funding_gap",
    "first_short_year",
    "subsidy_dependence",
    "largest_funder_share",
    "funder_hhi",
    "subsidy_cliff_year",
    "sib_total_payments",
    "sib_investor_irr",
    "sib_money_multiple",
    "sib_payer_net_pv",
    "sib_breakeven_share",
    "value_capture_total",
    "value_capture_pv",
    "loan_outstanding_at_horizon",
    "sib_payments_beyond_horizon",
    "pv_harms",
    "pv_in_kind",
    "pv_residual_value",
    "pv_transfers",
    "public_dependence",
    "sib_guarantee_payments",
    "sib_trimmed_by_return_cap",
)
"""Figures with one value per draw, in docs/figures.md order (``cash_balance``: one per year)."""

YEAR_METRICS: frozenset[str] = frozenset({"payback_year", "first_short_year", "subsidy_cliff_year"})
SIB_METRICS: frozenset[str] = frozenset(name for name in SCALAR_METRICS if name.startswith("sib_"))

CONTRACT_COLUMNS: tuple[str, ...] = (
    "total_payments",
    "payments_beyond_horizon",
    "guarantee_payment",
    "trimmed_by_return_cap",
    "investor_irr",
    "money_multiple",
    "breakeven_share",
    "payer_net_pv",
)
"""Figures of each outcome contract (``sib_contracts``), besides its name, investor and
capital."""

STAKEHOLDER_COLUMNS: tuple[str, ...] = (
    "pv_benefit",
    "pv_cashable_benefit",
    "pv_paid",
    "pv_received",
    "net_pv",
)


@dataclass(frozen=True)
class Totals:
    """The flows summed by kind, the sums behind the yearly series: each (D, T) [EUR, real],
    besides ``financing_by_payer``.

    ``costs`` are the social costs (in kind included), ``cash_costs`` the costs the project
    pays; ``benefits`` are net of harms; ``transfers`` is the value of transfer lines, a loss
    counted negative; ``financing_by_payer`` (D, S) is the present value of the financing each
    stakeholder pays [EUR, PV].

    In a simulation the fused kernel (:mod:`businesscase.kernels.model`) sums the lines of the
    sections, and :func:`block_totals` adds the flow blocks of the outcome contracts to them.
    """

    costs: FloatArray
    cash_costs: FloatArray
    in_kind: FloatArray
    benefits: FloatArray
    benefits_by_type: dict[str, FloatArray]
    harms: FloatArray
    residual_value: FloatArray
    transfers: FloatArray
    inflows: FloatArray
    subsidy_inflows: FloatArray
    loan_repayments: FloatArray
    sib_payments: FloatArray
    financing_by_payer: FloatArray


@dataclass(frozen=True)
class Series(Totals):
    """Yearly totals behind the figures: the :class:`Totals` and what follows from them, each
    of shape (D, T) [EUR, real; the cash balance in current euros].

    ``outflows`` are the cash costs and loan repayments, ``cash_balance`` the cumulative
    balance of the project's cash, ``discounted_net_benefit`` the discounted benefits less
    costs of each year.
    """

    outflows: FloatArray
    cash_balance: FloatArray
    discounted_net_benefit: FloatArray


def present_values(amounts: FloatArray, discount: FloatArray) -> FloatArray:
    """PV at start_year of yearly amounts: shape (D, ..., T) with discount (D, T) -> (D, ...)."""
    return np.einsum("d...t,dt->d...", amounts, discount)


def yearly_series(flows: Flows, lines: Totals | None = None) -> Series:
    """The yearly series of each view: the flow blocks summed, then the cash balance.

    Parameters
    ----------
    flows : Flows
        The scenario's flows for D draws.
    lines : Totals, optional
        Sums of lines that are not among ``flows.blocks`` (the fused kernel's,
        :mod:`businesscase.kernels.model`); the blocks are added to them, in place.

    Returns
    -------
    Series
    """
    totals = block_totals(flows, lines)
    outflows = totals.cash_costs + totals.loan_repayments
    if flows.project_ids:  # earmarked money stays in its project
        balance = projects.pooled_balance(projects.part_cash(flows))
    else:
        balance = totals.inflows - outflows
        balance *= flows.price_index  # current euros of each year
        np.cumsum(balance, axis=1, out=balance)
    discounted_net = totals.benefits - totals.costs
    discounted_net *= flows.discount
    return Series(
        **{name.name: getattr(totals, name.name) for name in fields(Totals)},
        outflows=outflows,
        cash_balance=balance,
        discounted_net_benefit=discounted_net,
    )


def block_totals(flows: Flows, start: Totals | None = None) -> Totals:
    """Sum the flow blocks by kind of flow, from zero or onto the sums ``start`` (in place)."""
    draws, horizon = flows.discount.shape
    scratch = np.empty((draws, horizon))

    def add_lines(out: FloatArray, block: FlowBlock, chosen: np.ndarray | None = None) -> None:
        """``out += `` the sum over the (chosen) lines of a block.

        The lines are summed in their order, as ``block.amounts.sum(axis=1, where=...)``
        would, but without its slow masked loop: over all lines, or over a copy of the chosen
        ones (faster than a masked or a strided sum). With a single year numpy may add runs
        of lines pairwise instead, so there the masked sum is kept, to give the same numbers.
        """
        compiled = fast.kernels()
        if compiled is not None:  # a large simulation: one pass, no copy of the chosen lines
            if chosen is None or chosen.any():
                everything = np.ones(block.amounts.shape[1], dtype=bool)
                compiled.add_lines(out, block.amounts, everything if chosen is None else chosen)
        elif chosen is None or chosen.all():
            out += block.amounts.sum(axis=1, out=scratch)
        elif horizon == 1:
            out += block.amounts.sum(axis=1, where=chosen[None, :, None])
        elif chosen.any():
            out += block.amounts[:, chosen].sum(axis=1, out=scratch)

    def total(blocks: list, name: str | None = None) -> FloatArray:
        """The blocks' lines added up, onto ``start``'s sum ``name`` when there is one."""
        out = np.zeros((draws, horizon)) if start is None or name is None else getattr(start, name)
        for block in blocks:
            add_lines(out, block)
        return out

    benefits_by_type = (
        {kind: np.zeros((draws, horizon)) for kind in VALUE_TYPES}
        if start is None
        else start.benefits_by_type
    )
    for block in flows.of(*SOCIAL_GAINS):
        for kind in VALUE_TYPES:
            add_lines(
                benefits_by_type[kind],
                block,
                np.array([value_type == kind for value_type in block.value_types], dtype=bool),
            )
    for block in flows.of(*SOCIAL_LOSSES):
        for kind in VALUE_TYPES:
            loss = np.zeros((draws, horizon))
            add_lines(loss, block, np.array([t == kind for t in block.value_types], dtype=bool))
            benefits_by_type[kind] -= loss
    subsidy = total([], "subsidy_inflows")
    for block in flows.of("financing"):
        add_lines(subsidy, block, np.array([kind in SUBSIDY_KINDS for kind in block.kinds], bool))

    cash_costs = total(flows.of("cost"), "cash_costs")
    losses = flows.of(*SOCIAL_LOSSES)
    # the blocks' harms (``start``'s are netted already), then ``start``'s added
    harms = total(losses) if losses or start is None else start.harms
    benefits = total(flows.of(*SOCIAL_GAINS), "benefits")
    if losses:
        benefits -= harms
    paying = _stakeholder_sum(flows, ("financing",), "payers")
    if start is not None:
        if losses:
            harms += start.harms
        paying += start.financing_by_payer
    transfers = total(flows.of("transfer"), "transfers")
    if flows.of("transfer_harm"):
        transfers = transfers - total(flows.of("transfer_harm"))
    with_in_kind = flows.of("in_kind") or start is not None
    return Totals(
        costs=total(flows.of(*SOCIAL_COSTS), "costs") if with_in_kind else cash_costs,
        cash_costs=cash_costs,
        in_kind=total(flows.of("in_kind"), "in_kind"),
        benefits=benefits,
        benefits_by_type=benefits_by_type,
        harms=harms,
        residual_value=total(flows.of("residual_value"), "residual_value"),
        transfers=transfers,
        inflows=total(flows.of("financing"), "inflows"),
        subsidy_inflows=subsidy,
        loan_repayments=total(flows.of("repayment"), "loan_repayments"),
        sib_payments=total(flows.of("outcome_payment"), "sib_payments"),
        financing_by_payer=paying,
    )


def compute_metrics(flows: Flows, series: Series) -> dict[str, FloatArray]:
    """Every figure of docs/figures.md per draw.

    Parameters
    ----------
    flows : Flows
        The scenario's flows for D draws.
    series : Series
        Their yearly totals (:func:`yearly_series`).

    Returns
    -------
    dict of str to array of shape (D,)
        The keys of :data:`SCALAR_METRICS` plus ``cash_balance`` (shape (D, T)). Ratios with a
        zero denominator and missing IRRs are NaN; missing years are :data:`NO_YEAR`; ``closes``
        is boolean.
    """
    discount = flows.discount
    pv_costs = present_values(series.costs, discount)
    pv_benefits = present_values(series.benefits, discount)
    npv_social = pv_benefits - pv_costs
    pv_financing = present_values(series.inflows, discount)
    balance = series.cash_balance
    min_balance = balance.min(axis=1)
    short = balance < -CLOSE_TOLERANCE

    funder_pv = series.financing_by_payer
    funder_share = _ratio(funder_pv, pv_financing[:, None])
    nan_without_inflow = np.where(pv_financing == 0.0, np.nan, 0.0)

    metrics: dict[str, FloatArray] = {
        "pv_costs": pv_costs,
        "pv_benefits": pv_benefits,
        **{
            f"pv_benefits_{kind}": present_values(series.benefits_by_type[kind], discount)
            for kind in VALUE_TYPES
        },
        "npv_social": npv_social,
        "sroi_ratio": _ratio(pv_benefits, pv_costs),
        "net_sroi_ratio": _ratio(npv_social, pv_costs),
        "social_irr": irr(series.benefits - series.costs),
        "payback_year": _payback_year(series.discounted_net_benefit),
        "pv_financing": pv_financing,
        "cash_balance": balance,
        "min_cash_balance": min_balance,
        "closes": min_balance >= -CLOSE_TOLERANCE,
        "funding_gap": np.maximum(-min_balance, 0.0) + 0.0,  # + 0.0 turns -0.0 into 0.0
        "first_short_year": np.where(short.any(axis=1), np.argmax(short, axis=1), NO_YEAR),
        "subsidy_dependence": _ratio(
            present_values(series.subsidy_inflows, discount), pv_financing
        ),
        "largest_funder_share": np.max(funder_share, axis=1, initial=0.0) + nan_without_inflow,
        "funder_hhi": np.sum(funder_share**2, axis=1) + nan_without_inflow,
        "subsidy_cliff_year": subsidy_cliff_year(series.subsidy_inflows, series.cash_costs),
        "value_capture_total": flows.value_capture.sum(axis=1),
        "value_capture_pv": present_values(flows.value_capture, discount),
        "loan_outstanding_at_horizon": flows.loan_outstanding,
        "pv_harms": present_values(series.harms, discount),
        "pv_in_kind": present_values(series.in_kind, discount),
        "pv_residual_value": present_values(series.residual_value, discount),
        "pv_transfers": present_values(series.transfers, discount),
        "public_dependence": _ratio(
            funder_pv[:, np.array([k == "public" for k in flows.stakeholder_kinds], bool)].sum(1),
            pv_financing,
        ),
    }
    metrics.update(_sib_metrics(flows, series))
    return metrics


def stakeholder_table(flows: Flows) -> dict[str, FloatArray]:
    """Who pays and who benefits, per draw and stakeholder: arrays of shape (D, S) [EUR, PV].

    ``pv_benefit``: outcome values by beneficiary share plus avoided costs of the bearer plus
    the residual value of the owner, transfer lines included, harms counted negative;
    ``pv_cashable_benefit``: the same times each line's cashable share; ``pv_paid``: funding
    given (incl. loan payouts and revenue paid by customers), value capture paid, SIB capital
    and outcome payments made, costs given in kind; ``pv_received``: SIB payments and loan
    repayments received; ``net_pv = pv_benefit + pv_received - pv_paid``.
    """
    benefit = _stakeholder_sum(flows, STAKEHOLDER_GAINS, "receivers")
    cashable = _stakeholder_sum(flows, STAKEHOLDER_GAINS, "receivers", cashable_only=True)
    if flows.of(*STAKEHOLDER_LOSSES):
        benefit -= _stakeholder_sum(flows, STAKEHOLDER_LOSSES, "receivers")
        cashable -= _stakeholder_sum(flows, STAKEHOLDER_LOSSES, "receivers", cashable_only=True)
    paid = _stakeholder_sum(
        flows, ("financing", "outcome_payment", "guarantee_payment", "in_kind"), "payers"
    )
    received = _stakeholder_sum(
        flows, ("repayment", "outcome_payment", "guarantee_payment"), "receivers"
    )
    return {
        "pv_benefit": benefit,
        "pv_cashable_benefit": cashable,
        "pv_paid": paid,
        "pv_received": received,
        "net_pv": benefit + received - paid,
    }


def _stakeholder_sum(
    flows: Flows, kinds: tuple[str, ...], side: str, *, cashable_only: bool = False
) -> FloatArray:
    """PV per draw and stakeholder of the blocks of ``kinds``, by their payer/receiver shares.

    Summed with ``einsum``, not BLAS ``@``: a BLAS product may add the lines in an order that
    depends on the number of draws, so results would change in the last bit with the chunk size.
    """
    draws = flows.discount.shape[0]
    out = np.zeros((draws, len(flows.stakeholder_ids)))
    for block in flows.of(*kinds):
        line_pv = present_values(block.amounts, flows.discount)
        if cashable_only:
            line_pv = line_pv * block.cashable
        out += np.einsum("dl,ls->ds", line_pv, getattr(block, side))
    return out


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, NaN where the denominator is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator == 0.0, np.nan, numerator / denominator)


def _payback_year(discounted_net: FloatArray) -> FloatArray:
    """First t from which cumulative discounted (benefits - costs) stays >= 0 to the horizon."""
    cumulative = np.cumsum(discounted_net, axis=1)
    stays = np.minimum.accumulate(cumulative[:, ::-1], axis=1)[:, ::-1] >= 0.0
    return np.where(stays[:, -1], np.argmax(stays, axis=1), NO_YEAR)


def subsidy_cliff_year(subsidy_inflows: FloatArray, cash_costs: FloatArray) -> FloatArray:
    """Last year with a subsidy or grant inflow + 1, when a later year still carries costs.

    Parameters
    ----------
    subsidy_inflows, cash_costs : array, shape (..., T)
        Yearly subsidy and grant inflows, and costs that need cash [EUR].

    Returns
    -------
    array, shape (...)
        The year [t], or :data:`NO_YEAR`.
    """
    horizon = cash_costs.shape[-1]
    t = np.arange(horizon)
    has_subsidy = subsidy_inflows > 0.0
    last = np.where(
        has_subsidy.any(axis=-1), horizon - 1 - np.argmax(has_subsidy[..., ::-1], -1), -1
    )
    later_costs = ((cash_costs > 0.0) & (t > last[..., None])).any(axis=-1)
    return np.where((last >= 0) & later_costs, last + 1, NO_YEAR)


def _sib_metrics(flows: Flows, series: Series) -> dict[str, FloatArray]:
    """The outcome-contract figures over all contracts; NaN for every draw without contracts."""
    draws = flows.discount.shape[0]
    if not flows.contracts:
        return {name: np.full(draws, np.nan) for name in SIB_METRICS}
    within = series.sib_payments
    total = within.sum(axis=1)
    guarantee = over_contracts([bond.guarantee for bond in flows.contracts])
    drawn = over_contracts([bond.drawdowns for bond in flows.contracts])
    investor = within - drawn
    investor[:, -1] += guarantee
    return {
        "sib_total_payments": total,
        "sib_investor_irr": irr(investor),
        "sib_money_multiple": _ratio(total + guarantee, drawn.sum(axis=1)),
        "sib_payer_net_pv": present_values(flows.payer_value - within, flows.discount),
        "sib_breakeven_share": (
            flows.contracts[0].breakeven if len(flows.contracts) == 1 else np.full(draws, np.nan)
        ),
        "sib_payments_beyond_horizon": over_contracts(
            [bond.payments_beyond for bond in flows.contracts]
        ),
        "sib_guarantee_payments": guarantee,
        "sib_trimmed_by_return_cap": over_contracts(
            [bond.trimmed_by_return_cap for bond in flows.contracts]
        ),
    }


def contract_table(flows: Flows) -> dict[str, FloatArray]:
    """Each outcome contract's figures per draw: arrays of shape (D, K), the columns of
    :data:`CONTRACT_COLUMNS` and ``capital`` (as written)."""
    columns: dict[str, list[FloatArray]] = {c: [] for c in ("capital", *CONTRACT_COLUMNS)}
    for bond in flows.contracts:
        investor = bond.payments - bond.drawdowns
        investor[:, -1] += bond.guarantee
        total = bond.payments.sum(axis=1)
        figures = {
            "capital": bond.capital,
            "total_payments": total,
            "payments_beyond_horizon": bond.payments_beyond,
            "guarantee_payment": bond.guarantee,
            "trimmed_by_return_cap": bond.trimmed_by_return_cap,
            "investor_irr": irr(investor),
            "money_multiple": _ratio(total + bond.guarantee, bond.drawdowns.sum(axis=1)),
            "breakeven_share": bond.breakeven,
            "payer_net_pv": present_values(bond.payer_value - bond.payments, flows.discount),
        }
        for column, values in columns.items():
            values.append(figures[column])
    draws = flows.discount.shape[0]
    return {
        column: np.stack(values, axis=1) if values else np.zeros((draws, 0))
        for column, values in columns.items()
    }


def over_contracts(arrays: list[FloatArray]) -> FloatArray:
    """The sum of the contracts' arrays; one contract's as it is."""
    return arrays[0] if len(arrays) == 1 else np.sum(arrays, axis=0)
