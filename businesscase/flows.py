"""From parameter arrays to flow arrays: every money flow, per draw (docs/methodology.md).

Each section's formulas live in their own module (:mod:`costs`, :mod:`outcomes`,
:mod:`avoided_costs`, :mod:`value_capture`, :mod:`funding`, :mod:`sib`); this module calls them
and labels the results: which section, what kind of flow, and which stakeholders pay or receive
what share of each line.

Kinds of flow (``FlowBlock.flow``), every amount >= 0:

- ``cost``: a social cost and a project cash outflow (cost lines);
- ``in_kind``: a social cost given in kind by its provider, no project cash (cost lines with
  ``in_kind``);
- ``benefit``: social value received by stakeholders (outcomes, avoided costs);
- ``harm``: social value lost by stakeholders, counted against the benefits (outcomes with
  ``harm``);
- ``residual_value``: what a capex line with a ``life`` is still worth after the last year, a
  benefit of its owner in that year;
- ``transfer`` and ``transfer_harm``: money that only moves between parties (outcomes and
  avoided costs with ``transfer``): a gain or a loss of its stakeholders, outside social value;
- ``financing``: a project cash inflow paid by a stakeholder (funding incl. loan payouts,
  value capture, SIB capital) — a transfer, outside social value;
- ``repayment``: a project cash outflow received by a lender (loan annuities);
- ``outcome_payment``: an outcome contract's payments from its payers to the investor, outside
  the project's cash and outside social value;
- ``guarantee_payment``: what a contract's guarantor pays the investor in the last year, a
  transfer like the outcome payments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from businesscase import avoided_costs, costs, funding, outcomes, sib, value_capture
from businesscase.actuals import Actuals
from businesscase.parameters import Parameters
from businesscase.scenario import Scenario
from businesscase.timeline import (
    FloatArray,
    IntArray,
    discount_factors,
    year_offsets,
    yearly_powers,
)

FLOW_KINDS: tuple[str, ...] = (
    "cost",
    "in_kind",
    "benefit",
    "harm",
    "residual_value",
    "transfer",
    "transfer_harm",
    "financing",
    "repayment",
    "outcome_payment",
    "guarantee_payment",
)

SOCIAL_COSTS: tuple[str, ...] = ("cost", "in_kind")
"""Kinds of flow that are social costs (``pv_costs``)."""
SOCIAL_GAINS: tuple[str, ...] = ("benefit", "residual_value")
"""Kinds of flow that add to the society figures (``pv_benefits``)."""
SOCIAL_LOSSES: tuple[str, ...] = ("harm",)
"""Kinds of flow that count against the society figures."""
STAKEHOLDER_GAINS: tuple[str, ...] = (*SOCIAL_GAINS, "transfer")
"""Kinds of flow in a stakeholder's ``pv_benefit``."""
STAKEHOLDER_LOSSES: tuple[str, ...] = (*SOCIAL_LOSSES, "transfer_harm")
"""Kinds of flow that count against a stakeholder's ``pv_benefit``."""


@dataclass(frozen=True)
class FlowBlock:
    """The flows of a group of lines of one section and one kind.

    Attributes
    ----------
    section : str
        section of the scenario file (``costs``, ``outcomes``, ``avoided_costs``, ``value_capture``,
        ``funding``, ``sib``).
    flow : str
        One of :data:`FLOW_KINDS`.
    lines : tuple of str
        Line names, L of them.
    amounts : array, shape (D, L, T)
        Amount per draw, line and year [EUR, constant prices of start_year], >= 0.
    payers, receivers : array, shape (L, S)
        Share of each line paid, or received, by each stakeholder [fraction]; rows of zeros
        where the project itself pays or receives.
    value_types : tuple of str
        Value type per line (benefits), "" otherwise.
    cashable : array, shape (D, L)
        Cashable share per line (benefits), 0 otherwise [fraction 0-1].
    kinds : tuple of str
        Funding kind per line (financing), "" otherwise.
    projects : tuple of str
        Project id per line, "" for a line of the programme itself.
    pooled : tuple of bool
        Per line: money that may pay for any part of the programme (inflows: as marked, by
        default pooled on programme lines and earmarked on a project's lines); False otherwise.
    """

    section: str
    flow: str
    lines: tuple[str, ...]
    amounts: FloatArray
    payers: FloatArray
    receivers: FloatArray
    value_types: tuple[str, ...]
    cashable: FloatArray
    kinds: tuple[str, ...]
    projects: tuple[str, ...]
    pooled: tuple[bool, ...]


@dataclass(frozen=True)
class ContractFlows:
    """What the figures of one outcome contract need beyond the flow blocks.

    Money is real (a nominal contract's amounts already divided by the price index).

    Attributes
    ----------
    name : str
        The contract's name.
    investor : str
        The investor's stakeholder id.
    capital : array, shape (D,)
        The capital as written [EUR].
    drawdowns : array, shape (D, T)
        Capital paid in by the investor by year [EUR].
    payments : array, shape (D, T)
        Outcome payments by payment year within the horizon, all metrics [EUR].
    payments_beyond : array, shape (D,)
        Sum of the outcome payments falling beyond the horizon [EUR].
    guarantee : array, shape (D,)
        What the guarantor pays the investor in the last year [EUR].
    trimmed_by_return_cap : array, shape (D,)
        The sum ``max_irr`` removed, beyond the horizon included [EUR].
    payer_value : array, shape (D, T)
        Cashable value for the contract's payers of the outcome lines it pays for, each line
        once per payer [EUR].
    breakeven : array, shape (D,)
        Break-even share of the expected paid-for outcomes [fraction]; NaN when unreachable.
    """

    name: str
    investor: str
    capital: FloatArray
    drawdowns: FloatArray
    payments: FloatArray
    payments_beyond: FloatArray
    guarantee: FloatArray
    trimmed_by_return_cap: FloatArray
    payer_value: FloatArray
    breakeven: FloatArray


@dataclass(frozen=True)
class Flows:
    """All flows of one scenario for D draws over T years, ready for the figures.

    ``discount`` holds the discount factors ``1 / (1 + r) ** t`` and ``price_index`` the
    factors ``(1 + inflation) ** t`` that turn real euros into current euros, both (D, T).
    ``payer_value`` (D, T) is the cashable value of the outcome lines the contracts pay for,
    for each payer from each line it pays for once, summed over the payers.
    ``project_ids`` and ``project_names`` are the declared projects of a programme, in file
    order (empty without ``[[projects]]``).
    """

    start_year: int
    horizon_years: int
    stakeholder_ids: tuple[str, ...]
    stakeholder_names: tuple[str, ...]
    stakeholder_kinds: tuple[str, ...]
    discount: FloatArray
    price_index: FloatArray
    blocks: tuple[FlowBlock, ...]
    loan_outstanding: FloatArray
    value_capture: FloatArray
    contracts: tuple[ContractFlows, ...]
    payer_value: FloatArray
    project_ids: tuple[str, ...] = ()
    project_names: tuple[str, ...] = ()

    def of(self, *flow_kinds: str) -> list[FlowBlock]:
        """The blocks of the given kinds of flow."""
        return [block for block in self.blocks if block.flow in flow_kinds]


def build_flows(scenario: Scenario, params: Parameters, actuals: Actuals | None = None) -> Flows:
    """Every flow of ``scenario`` for the draws in ``params``.

    Parameters
    ----------
    scenario : Scenario
        The validated scenario (structure: lines, stakeholders, years).
    params : Parameters
        Numeric inputs per draw (:func:`businesscase.parameters.compile_parameters`).
    actuals : Actuals, optional
        What happened (:class:`businesscase.actuals.Actuals`): each reported year and line
        replaces the planned yearly value right after its section's values are computed
        (costs spent, outcome cohorts, avoided costs before additionality, money received, a
        loan's payout), in every draw (docs/monitoring.md).

    Returns
    -------
    Flows
    """
    horizon = scenario.settings.horizon_years
    ids = tuple(holder.id for holder in scenario.stakeholders)
    labeller = Labeller(ids, params.draws)
    p = params.lines
    index = price_index(params.inflation, horizon)
    blocks: list[FlowBlock] = []

    lines = scenario.costs
    if lines:
        spent = costs.cost_amounts(
            p["costs"]["amount"], p["costs"]["growth"], *_timing(params, "costs"), horizon
        )
        if actuals is not None:
            actuals.replace("costs", spent, index)
        in_kind = [line.in_kind for line in lines]
        for flow, chosen in _groups(["in_kind" if kind else "cost" for kind in in_kind]):
            providers = [lines[i].provider for i in chosen] if flow == "in_kind" else None
            blocks.append(
                labeller.block(
                    "costs",
                    flow,
                    [lines[i] for i in chosen],
                    _take(spent, chosen),
                    payers=None if providers is None else labeller.one_each(providers),
                )
            )
        lasting = [i for i, line in enumerate(lines) if line.life is not None]
        if lasting:
            residual = costs.residual_values(
                spent[:, lasting], np.array([lines[i].life for i in lasting]), horizon
            )
            blocks.append(
                labeller.block(
                    "costs",
                    "residual_value",
                    [lines[i] for i in lasting],
                    residual,
                    receivers=labeller.one_each([lines[i].owner for i in lasting]),
                    value_types=("economic",) * len(lasting),
                )
            )

    lines = scenario.outcomes
    outcome_value = np.zeros((params.draws, 0, horizon))
    cohorts = outcome_value
    if lines:
        q = p["outcomes"]
        cohorts = outcomes.cohort_sizes(
            q["quantity"], q["growth"], *_timing(params, "outcomes"), horizon
        )
        if actuals is not None:
            actuals.replace("outcomes", cohorts, index)
        unit_value = outcomes.net_unit_value(
            q["proxy"], q["deadweight"], q["displacement"], q["attribution"]
        )
        lasts = params.years("outcomes", "lasts")
        outcome_value = outcomes.outcome_values(cohorts, unit_value, q["drop_off"], lasts)
        shares = np.array([[line.beneficiaries.get(i, 0.0) for i in ids] for line in lines])
        blocks += labeller.value_blocks(
            "outcomes", lines, outcome_value, shares, q["cashable_share"]
        )

    lines = scenario.avoided_costs
    if lines:
        a = p["avoided_costs"]
        gross = avoided_costs.gross_avoided_amounts(
            a["incidents"],
            a["reduction"],
            a["unit_cost"],
            a["probability"] if params.avoided_cost_years is None else params.avoided_cost_years,
            a["growth"],
            *_timing(params, "avoided_costs"),
            horizon,
        )
        if actuals is not None:
            actuals.replace("avoided_costs", gross, index)
        amounts = avoided_costs.net_avoided_amounts(
            gross,
            params.years("avoided_costs", "start"),
            deadweight=a["deadweight"],
            displacement=a["displacement"],
            attribution=a["attribution"],
            drop_off=a["drop_off"],
        )
        bearers = labeller.one_each([line.bearer for line in lines])
        blocks += labeller.value_blocks(
            "avoided_costs", lines, amounts, bearers, a["cashable_share"]
        )

    lines = scenario.value_capture
    captured = np.zeros((params.draws, 0, horizon))
    if lines:
        v = p["value_capture"]
        captured = value_capture.captured_amounts(
            v["units"],
            v["base_value"],
            v["uplift"],
            v["capture_share"],
            *_timing(params, "value_capture"),
            horizon,
        )
        _deflate(captured, lines, index)
        if actuals is not None:
            actuals.replace("value_capture", captured, index)
        blocks.append(
            labeller.block(
                "value_capture",
                "financing",
                lines,
                captured,
                payers=labeller.one_each([line.payer for line in lines]),
                kinds=("value_capture",) * len(lines),
            )
        )

    f = p["funding"]
    is_loan = np.array([line.kind == "loan" for line in scenario.funding], dtype=bool)
    grants = [line for line in scenario.funding if line.kind != "loan"]
    if grants:
        g = {field: array[:, ~is_loan] for field, array in f.items()}
        amounts = funding.funding_inflows(
            g["amount"],
            g["growth"],
            g["probability"],
            *_timing(params, "funding", ~is_loan),
            horizon,
        )
        _deflate(amounts, grants, index)
        if actuals is not None:
            actuals.replace("funding", amounts, index, np.flatnonzero(~is_loan).tolist())
        blocks.append(
            labeller.block(
                "funding",
                "financing",
                grants,
                amounts,
                payers=labeller.one_each([line.funder for line in grants]),
                kinds=tuple(line.kind for line in grants),
            )
        )
    loans = [line for line in scenario.funding if line.kind == "loan"]
    loan_outstanding = np.zeros(params.draws)
    if loans:
        g = {field: array[:, is_loan] for field, array in f.items()}
        if actuals is not None:
            g["amount"], g["probability"] = actuals.loan_terms(
                loans, np.flatnonzero(is_loan).tolist(), g["amount"], g["probability"], index
            )
        payout, repayments, outstanding = funding.loan_schedule(
            g["amount"],
            g["probability"],
            g["interest_rate"],
            np.array([line.start for line in loans]),
            np.array([line.term for line in loans]),
            horizon,
        )
        _deflate(payout, loans, index)
        _deflate(repayments, loans, index)
        _deflate(outstanding[:, :, None], loans, index[:, -1:])
        lenders = labeller.one_each([line.funder for line in loans])
        blocks.append(
            labeller.block(
                "funding", "financing", loans, payout, payers=lenders, kinds=("loan",) * len(loans)
            )
        )
        blocks.append(labeller.block("funding", "repayment", loans, repayments, receivers=lenders))
        loan_outstanding = outstanding.sum(axis=1)

    paid = paid_lines(scenario)
    contracts, payer_value, bond_blocks = contract_flows(
        scenario,
        params,
        {i: cohorts[:, i, :] for i in paid},
        {i: outcome_value[:, i, :] for i in paid},
        index,
    )
    blocks += bond_blocks

    return Flows(
        start_year=scenario.settings.start_year,
        horizon_years=horizon,
        stakeholder_ids=ids,
        stakeholder_names=tuple(holder.name for holder in scenario.stakeholders),
        stakeholder_kinds=tuple(holder.kind for holder in scenario.stakeholders),
        discount=discount_factors(params.discount_rate, horizon),
        price_index=index,
        blocks=tuple(blocks),
        loan_outstanding=loan_outstanding,
        value_capture=captured.sum(axis=1),
        contracts=contracts,
        payer_value=payer_value,
        project_ids=tuple(project.id for project in scenario.projects),
        project_names=tuple(project.name for project in scenario.projects),
    )


def price_index(inflation: FloatArray, years: int) -> FloatArray:
    """Price index ``(1 + inflation) ** t`` for ``t = 0 .. years - 1``, shape (D, years).

    A nominal amount (fixed in euros of the year it is paid) is a real amount divided by it;
    a real amount times it is current euros. With no inflation every factor is exactly 1.

    Examples
    --------
    >>> price_index(np.array([0.02]), 3)
    array([[1.    , 1.02  , 1.0404]])
    """
    return yearly_powers(1.0 + np.asarray(inflation, dtype=float), year_offsets(years))


def _deflate(amounts: FloatArray, lines: list, index: FloatArray) -> None:
    """Divide the amounts (D, L, T) of the lines marked ``nominal`` by the price index, in place."""
    nominal = [i for i, line in enumerate(lines) if line.nominal]
    if nominal:
        amounts[:, nominal] /= index[:, None, : amounts.shape[2]]


def _value_kind(transfer: bool, harm: bool) -> str:
    """The kind of flow of an outcome or avoided-cost line."""
    if transfer:
        return "transfer_harm" if harm else "transfer"
    return "harm" if harm else "benefit"


def _groups(kinds: list[str]) -> list[tuple[str, list[int]]]:
    """The positions of each kind, kinds in order of first appearance."""
    groups: dict[str, list[int]] = {}
    for position, kind in enumerate(kinds):
        groups.setdefault(kind, []).append(position)
    return list(groups.items())


def _take(array: FloatArray, chosen: list[int]) -> FloatArray:
    """The chosen lines (axis 1) of an array; the array itself when all are chosen."""
    return array if len(chosen) == array.shape[1] else array[:, chosen]


def fusable(scenario: Scenario, actuals: Actuals | None = None) -> bool:
    """Whether a simulation's chunks may use the fused kernel (:mod:`businesscase.kernels.model`),
    which sums every line straight into the yearly series: not for a programme of projects
    (earmarked money needs each project's own cash) or a plan with actuals (reported years
    replace planned ones line by line); those keep :func:`build_flows` (docs/uncertainty.md)."""
    return actuals is None and not scenario.projects


def paid_lines(scenario: Scenario) -> list[int]:
    """The outcome lines the outcome contracts pay for, by position, in order of first
    mention."""
    position = {line.name: i for i, line in enumerate(scenario.outcomes)}
    found = [position[m.outcome] for bond in scenario.contracts for m in bond.metric_list()]
    return list(dict.fromkeys(found))


def contract_flows(
    scenario: Scenario,
    params: Parameters,
    cohorts: Mapping[int, FloatArray],
    outcome_value: Mapping[int, FloatArray],
    index: FloatArray,
) -> tuple[tuple[ContractFlows, ...], FloatArray, list[FlowBlock]]:
    """Every outcome contract's drawdowns, payments and guarantee, and their flow blocks.

    Parameters
    ----------
    scenario : Scenario
        The validated scenario.
    params : Parameters
        Its numeric inputs per draw.
    cohorts, outcome_value : mapping of int to array of shape (D, T)
        For each outcome line of :func:`paid_lines` (by position), its cohorts
        [outcomes/year] and its net value [EUR].
    index : array, shape (D, T)
        The price index (:func:`price_index`).

    Returns
    -------
    contracts : tuple of ContractFlows
        The contracts' figures.
    payer_value : array, shape (D, T)
        The payers' cashable value of the lines paid for, each (payer, line) once however many
        contracts pay for it [EUR].
    blocks : list of FlowBlock
        The contracts' drawdowns, payments and guarantees.
    """
    draws, horizon = params.draws, scenario.settings.horizon_years
    labeller = Labeller(tuple(holder.id for holder in scenario.stakeholders), draws)
    blocks: list[FlowBlock] = []
    lines = {line.name: i for i, line in enumerate(scenario.outcomes)}
    q = params.lines["outcomes"]
    terms = params.lines["sib"]
    prices, thresholds = (
        params.lines["sib_metrics"]["price"],
        params.lines["sib_metrics"]["threshold"],
    )
    contracts = []
    payer_value = np.zeros((draws, horizon))
    counted: set[tuple[str, int]] = set()
    first_metric = 0
    for k, bond in enumerate(scenario.contracts):
        metrics = bond.metric_list()
        chosen = slice(first_metric, first_metric + len(metrics))
        first_metric += len(metrics)
        line_of = [lines[metric.outcome] for metric in metrics]
        deadweight = params.columns("outcomes", "deadweight", line_of)
        paid_for = [
            sib.paid_for_outcomes(cohorts[i], deadweight[:, m]) for m, i in enumerate(line_of)
        ]
        years = horizon + max(metric.lag for metric in metrics)
        price, threshold = prices[:, chosen], thresholds[:, chosen]
        raw = np.stack(
            [
                sib.raw_payments(counts, price[:, m], threshold[:, m], metric.lag, years)
                for m, (counts, metric) in enumerate(zip(paid_for, metrics, strict=True))
            ],
            axis=1,
        )
        total_raw = _over_metrics(raw)
        capped = sib.capped_payments(total_raw, terms["cap"][:, k])
        drawn = _drawdowns(bond, terms["capital"][:, k], draws, horizon)
        paid = sib.return_capped_payments(capped, drawn, terms["max_irr"][:, k])
        by_metric = sib.split_over_metrics(raw, paid)
        within_written = paid[:, :horizon].sum(axis=1)
        guarantee = np.zeros((draws, horizon))
        guarantee[:, -1] = sib.guarantee_payment(
            terms["capital"][:, k], within_written, terms["guarantee_share"][:, k]
        )
        removed = capped - paid
        pairs: set[tuple[str, int]] = set()
        own_payers = _payer_value(
            scenario, metrics, line_of, outcome_value, q["cashable_share"], pairs
        )
        if bond.nominal:  # caps apply to the contract's amounts as written; the division comes last
            beyond_index = (1.0 + params.inflation)[:, None] ** np.arange(horizon, years)[None, :]
            by_metric = np.concatenate(
                [
                    by_metric[:, :, :horizon] / index[:, None, :],
                    by_metric[:, :, horizon:] / beyond_index[:, None, :],
                ],
                axis=2,
            )
            removed = np.concatenate(
                [removed[:, :horizon] / index, removed[:, horizon:] / beyond_index], axis=1
            )
            drawn = drawn / index
            guarantee = guarantee / index
        payments = by_metric[:, :, :horizon]
        contracts.append(
            ContractFlows(
                name=bond.name,
                investor=bond.investor,
                capital=terms["capital"][:, k],
                drawdowns=drawn,
                payments=_over_metrics(payments),
                payments_beyond=_over_metrics(by_metric[:, :, horizon:]).sum(axis=1),
                guarantee=guarantee[:, -1],
                trimmed_by_return_cap=removed.sum(axis=1),
                payer_value=own_payers,
                breakeven=sib.contract_breakeven_share(
                    paid_for,
                    price,
                    threshold,
                    [metric.lag for metric in metrics],
                    terms["cap"][:, k],
                    drawn.sum(axis=1) if bond.nominal else terms["capital"][:, k],
                    weights=1.0 / index if bond.nominal else None,
                ),
            )
        )
        # the first contract counts each of its (payer, line) pairs for the first time
        payer_value += (
            _payer_value(scenario, metrics, line_of, outcome_value, q["cashable_share"], counted)
            if counted
            else own_payers
        )
        counted |= pairs
        blocks += contract_blocks(bond, metrics, drawn, payments, guarantee, labeller)
    return tuple(contracts), payer_value, blocks


def _over_metrics(amounts: FloatArray) -> FloatArray:
    """Sum over the metrics axis of (D, M, Y); one metric as it is (the figures of a contract
    written in the shorthand stay exactly what they were)."""
    return amounts[:, 0] if amounts.shape[1] == 1 else amounts.sum(axis=1)


def _drawdowns(bond, capital: FloatArray, draws: int, horizon: int) -> FloatArray:
    """Capital paid in by year as written, shape (D, T): ``capital * drawdown[k]`` in
    ``start + k``."""
    drawn = np.zeros((draws, horizon))
    for offset, share in enumerate(bond.drawdown_shares()):
        drawn[:, bond.start + offset] = capital * share
    return drawn


def _payer_value(
    scenario: Scenario,
    metrics: list,
    line_of: list[int],
    outcome_value: Mapping[int, FloatArray],
    cashable: FloatArray,
    counted: set[tuple[str, int]],
) -> FloatArray:
    """Cashable value for the payers of ``metrics`` of the lines they pay for, (D, T).

    Each payer counts each line once: a (payer, line) pair already in ``counted`` is left
    out, and the pairs used are added to it.
    """
    value = np.zeros(outcome_value[line_of[0]].shape)
    for metric, line in zip(metrics, line_of, strict=True):
        for payer in metric.payer_shares():
            if (payer, line) in counted:
                continue
            counted.add((payer, line))
            share = scenario.outcomes[line].beneficiaries.get(payer, 0.0)
            value += outcome_value[line] * share * cashable[:, line][:, None]
    return value


def contract_blocks(
    bond,
    metrics: list,
    drawn: FloatArray,
    payments: FloatArray,
    guarantee: FloatArray | None,
    labeller: Labeller,
) -> list[FlowBlock]:
    """The flow blocks of one contract: its drawdowns, its payments per metric and its
    guarantee (when it has a guarantor; ``guarantee`` may be None without one)."""
    investor = labeller.one_each([bond.investor])
    label = f"{bond.name} outcome payments"
    payers = np.stack([labeller.shares(metric.payer_shares()) for metric in metrics])
    found = [
        labeller.block(
            "sib",
            "financing",
            [bond],
            drawn[:, None, :],
            payers=investor,
            kinds=("sib",),
            labels=(f"{bond.name} capital",),
        ),
        labeller.block(
            "sib",
            "outcome_payment",
            [bond] * len(metrics),
            payments,
            payers=payers,
            receivers=np.repeat(investor, len(metrics), axis=0),
            labels=tuple(
                label if len(metrics) == 1 else f"{label}: {metric.outcome}" for metric in metrics
            ),
        ),
    ]
    if bond.guarantor is not None:
        found.append(
            labeller.block(
                "sib",
                "guarantee_payment",
                [bond],
                guarantee[:, None, :],
                payers=labeller.one_each([bond.guarantor]),
                receivers=investor,
                labels=(f"{bond.name} guarantee",),
            )
        )
    return found


def _timing(
    params: Parameters, section: str, chosen: object = slice(None)
) -> tuple[IntArray, IntArray]:
    """Starts and durations of a section's (chosen) lines: (L,) each when the same in every
    draw, else (D, L) [years] (:meth:`Parameters.years`)."""
    return params.years(section, "start", chosen), params.years(section, "duration", chosen)


class Labeller:
    """Builds :class:`FlowBlock` objects, filling the labels a block does not need."""

    def __init__(self, ids: tuple[str, ...], draws: int) -> None:
        self.index = {holder: i for i, holder in enumerate(ids)}
        self.draws = draws

    def one_each(self, holders: list[str]) -> FloatArray:
        """Share matrix (L, S) in which each line belongs wholly to one stakeholder."""
        shares = np.zeros((len(holders), len(self.index)))
        shares[np.arange(len(holders)), [self.index[h] for h in holders]] = 1.0
        return shares

    def shares(self, holders: dict[str, float]) -> FloatArray:
        """Share row (S,) of one line split over stakeholders by the given shares."""
        row = np.zeros(len(self.index))
        for holder, share in holders.items():
            row[self.index[holder]] = share
        return row

    def value_blocks(
        self,
        section: str,
        lines: list,
        amounts: FloatArray,
        receivers: FloatArray,
        cashable: FloatArray,
    ) -> list[FlowBlock]:
        """Blocks of outcome or avoided-cost lines, one per kind: benefit, harm, transfer..."""
        kinds = [_value_kind(line.transfer, getattr(line, "harm", False)) for line in lines]
        return [
            self.block(
                section,
                flow,
                [lines[i] for i in chosen],
                _take(amounts, chosen),
                receivers=receivers[chosen],
                value_types=tuple(lines[i].value_type for i in chosen),
                cashable=_take(cashable, chosen),
            )
            for flow, chosen in _groups(kinds)
        ]

    def block(
        self,
        section: str,
        flow: str,
        lines: list,
        amounts: FloatArray,
        *,
        payers: FloatArray | None = None,
        receivers: FloatArray | None = None,
        value_types: tuple[str, ...] | None = None,
        cashable: FloatArray | None = None,
        kinds: tuple[str, ...] | None = None,
        labels: tuple[str, ...] | None = None,
    ) -> FlowBlock:
        count = len(lines)
        nobody = np.zeros((count, len(self.index)))
        return FlowBlock(
            section=section,
            flow=flow,
            lines=labels or tuple(line.name for line in lines),
            amounts=amounts,
            payers=nobody if payers is None else payers,
            receivers=nobody if receivers is None else receivers,
            value_types=value_types or ("",) * count,
            cashable=np.zeros((self.draws, count)) if cashable is None else cashable,
            kinds=kinds or ("",) * count,
            projects=tuple(getattr(line, "project", None) or "" for line in lines),
            pooled=tuple(_pooled(line) if flow == "financing" else False for line in lines),
        )


def _pooled(line: object) -> bool:
    """Whether an inflow line's money is pooled: as marked, else only on programme lines."""
    marked = getattr(line, "pooled", None)
    return getattr(line, "project", None) is None if marked is None else marked
