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
- ``outcome_payment``: SIB payments from the outcome payer to the investor, outside the
  project's cash and outside social value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase import avoided_costs, costs, funding, outcomes, sib, value_capture
from businesscase.actuals import Actuals
from businesscase.parameters import Parameters
from businesscase.scenario import Scenario
from businesscase.timeline import FloatArray, discount_factors

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


@dataclass(frozen=True)
class SibFlows:
    """What the SIB figures need beyond the flow blocks.

    Attributes
    ----------
    payments : array, shape (D, T)
        Outcome payments by payment year within the horizon [EUR].
    payments_beyond : array, shape (D,)
        Sum of the outcome payments falling beyond the horizon [EUR].
    paid_for : array, shape (D, T)
        Paid-for outcomes per cohort year [outcomes].
    capital, price, threshold, cap : array, shape (D,)
        The SIB's terms [EUR, EUR per outcome, outcomes, EUR].
    start, lag : int
        Year the capital comes in; years between outcome and payment [years].
    payer_value : array, shape (D, T)
        Cashable value of the paid-for outcome line for the outcome payer [EUR].
    nominal : bool
        Whether the terms are in euros of the year paid; then ``payments`` and ``capital``
        are already divided by the price index.
    """

    payments: FloatArray
    payments_beyond: FloatArray
    paid_for: FloatArray
    capital: FloatArray
    price: FloatArray
    threshold: FloatArray
    cap: FloatArray
    start: int
    lag: int
    payer_value: FloatArray
    nominal: bool


@dataclass(frozen=True)
class Flows:
    """All flows of one scenario for D draws over T years, ready for the figures.

    ``discount`` holds the discount factors ``1 / (1 + r) ** t`` and ``price_index`` the
    factors ``(1 + inflation) ** t`` that turn real euros into current euros, both (D, T).
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
    sib: SibFlows | None

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
    labeller = _Labeller(ids, params.draws)
    p = params.lines
    index = price_index(params.inflation, horizon)
    blocks: list[FlowBlock] = []

    lines = scenario.costs
    if lines:
        spent = costs.cost_amounts(
            p["costs"]["amount"], p["costs"]["growth"], *_timing(lines), horizon
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
        cohorts = outcomes.cohort_sizes(q["quantity"], q["growth"], *_timing(lines), horizon)
        if actuals is not None:
            actuals.replace("outcomes", cohorts, index)
        unit_value = outcomes.net_unit_value(
            q["proxy"], q["deadweight"], q["displacement"], q["attribution"]
        )
        lasts = np.array([line.lasts for line in lines])
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
            a["probability"],
            a["growth"],
            *_timing(lines),
            horizon,
        )
        if actuals is not None:
            actuals.replace("avoided_costs", gross, index)
        amounts = avoided_costs.net_avoided_amounts(
            gross,
            _timing(lines)[0],
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
            v["units"], v["base_value"], v["uplift"], v["capture_share"], *_timing(lines), horizon
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
            g["amount"], g["growth"], g["probability"], *_timing(grants), horizon
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

    sib_flows = None
    if scenario.sib is not None:
        sib_flows = _sib_flows(scenario, params, cohorts, outcome_value, labeller, blocks)

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
        sib=sib_flows,
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
    return (1.0 + np.asarray(inflation, dtype=float))[:, None] ** np.arange(years)[None, :]


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


def _sib_flows(
    scenario: Scenario,
    params: Parameters,
    cohorts: FloatArray,
    outcome_value: FloatArray,
    labeller: _Labeller,
    blocks: list[FlowBlock],
) -> SibFlows:
    """Capital and outcome payments of the SIB; appends their blocks to ``blocks``."""
    bond = scenario.sib
    horizon = scenario.settings.horizon_years
    terms = {field: array[:, 0] for field, array in params.lines["sib"].items()}
    line = next(i for i, o in enumerate(scenario.outcomes) if o.name == bond.outcome)
    paid_for = sib.paid_for_outcomes(
        cohorts[:, line, :], params.lines["outcomes"]["deadweight"][:, line]
    )
    payments, beyond = sib.outcome_payments(
        paid_for, terms["price"], terms["threshold"], terms["cap"], bond.lag
    )
    real_capital = terms["capital"]
    if bond.nominal:  # caps apply to the contract's amounts as written; the division comes last
        payments = payments / price_index(params.inflation, payments.shape[1])
        real_capital = real_capital / (1.0 + params.inflation) ** bond.start
    capital = np.zeros((params.draws, 1, horizon))
    capital[:, 0, bond.start] = real_capital
    investor = labeller.one_each([bond.investor])
    blocks.append(
        labeller.block(
            "sib",
            "financing",
            [bond],
            capital,
            payers=investor,
            kinds=("sib",),
            label="SIB capital",
        )
    )
    blocks.append(
        labeller.block(
            "sib",
            "outcome_payment",
            [bond],
            payments[:, None, :],
            payers=labeller.one_each([bond.outcome_payer]),
            receivers=investor,
            label="SIB outcome payments",
        )
    )
    outcome_line = scenario.outcomes[line]
    payer_share = outcome_line.beneficiaries.get(bond.outcome_payer, 0.0)
    cashable = params.lines["outcomes"]["cashable_share"][:, line]
    return SibFlows(
        payments=payments,
        payments_beyond=beyond,
        paid_for=paid_for,
        capital=real_capital,
        price=terms["price"],
        threshold=terms["threshold"],
        cap=terms["cap"],
        start=bond.start,
        lag=bond.lag,
        payer_value=outcome_value[:, line, :] * payer_share * cashable[:, None],
        nominal=bond.nominal,
    )


def _timing(lines: list) -> tuple[np.ndarray, np.ndarray]:
    """Starts and durations of lines, shape (L,) each."""
    return np.array([line.start for line in lines]), np.array([line.duration for line in lines])


class _Labeller:
    """Builds :class:`FlowBlock` objects, filling the labels a block does not need."""

    def __init__(self, ids: tuple[str, ...], draws: int) -> None:
        self.index = {holder: i for i, holder in enumerate(ids)}
        self.draws = draws

    def one_each(self, holders: list[str]) -> FloatArray:
        """Share matrix (L, S) in which each line belongs wholly to one stakeholder."""
        shares = np.zeros((len(holders), len(self.index)))
        shares[np.arange(len(holders)), [self.index[h] for h in holders]] = 1.0
        return shares

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
        label: str = "",
    ) -> FlowBlock:
        count = len(lines)
        nobody = np.zeros((count, len(self.index)))
        return FlowBlock(
            section=section,
            flow=flow,
            lines=tuple(getattr(line, "name", label) for line in lines),
            amounts=amounts,
            payers=nobody if payers is None else payers,
            receivers=nobody if receivers is None else receivers,
            value_types=value_types or ("",) * count,
            cashable=np.zeros((self.draws, count)) if cashable is None else cashable,
            kinds=kinds or ("",) * count,
        )
