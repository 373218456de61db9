"""A programme of projects with earmarked money: the pooled cash and the projects table.

A programme (an integral investment package) declares its projects; each line belongs to one
of them or to the programme itself. Money that comes in is either *earmarked* for its
project (the default on a project's line: a baatbelasting for the facility it was levied for,
an investor's capital for its contract's project) or *pooled* (the default on a programme line:
a neighbourhood fund that may pay for any part). Earmarked money never leaves its project;
pooled money may be lent to any part and paid back from that part's later earmarked money.

With cumulative current-euro sums up to year t, ``E_p(t)`` the earmarked inflows of part p,
``C_p(t)`` its cash outflows (costs not given in kind, loan repayments) and ``P(t)`` all pooled
inflows, the programme's free pooled cash at the end of year t is

    b(t) = P(t) - sum_p max(0, C_p(t) - E_p(t)),

the sum over the projects and the programme's own part (docs/methodology.md, "A programme of
projects"). It is the programme's cash balance; ``closes`` and the gap follow from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase.flows import SOCIAL_COSTS, SOCIAL_GAINS, SOCIAL_LOSSES, FlowBlock, Flows
from businesscase.timeline import FloatArray
from businesscase.vocabulary import CLOSE_TOLERANCE, SUBSIDY_KINDS

PROJECT_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "pv_costs",
    "pv_benefits",
    "sroi_ratio",
    "closes_alone",
    "gap_alone",
    "first_short_year_alone",
    "pool_needed",
    "subsidy_cliff_year",
)
"""Columns of the projects table (docs/figures.md, "The projects table")."""

NUMBER_COLUMNS: tuple[str, ...] = (
    "pv_costs",
    "pv_benefits",
    "sroi_ratio",
    "gap_alone",
    "pool_needed",
)
YEAR_COLUMNS: tuple[str, ...] = ("first_short_year_alone", "subsidy_cliff_year")


@dataclass(frozen=True)
class PartCash:
    """Yearly cash of each part of a programme, per draw [EUR, current euros, not cumulative].

    Parts are the declared projects in file order, then the programme's own part (last).

    Attributes
    ----------
    earmarked : array, shape (D, K + 1, T)
        Inflows earmarked for the part.
    own_pooled : array, shape (D, K + 1, T)
        Pooled inflows of the part's own lines.
    outflows : array, shape (D, K + 1, T)
        Costs that need cash and loan repayments of the part.
    subsidy : array, shape (D, K + 1, T)
        Subsidy and grant inflows of the part (real euros, for its subsidy cliff).
    cash_costs : array, shape (D, K + 1, T)
        Costs that need cash of the part (real euros, for its subsidy cliff).
    """

    earmarked: FloatArray
    own_pooled: FloatArray
    outflows: FloatArray
    subsidy: FloatArray
    cash_costs: FloatArray


def part_cash(flows: Flows) -> PartCash:
    """Split the programme's cash flows over its parts (projects, then the programme)."""
    draws, horizon = flows.discount.shape
    parts = len(flows.project_ids) + 1

    def by_part(kinds: tuple[str, ...], chosen=lambda block: np.ones(len(block.lines), bool)):
        out = np.zeros((draws, parts, horizon))
        for block in flows.of(*kinds):
            out += np.einsum("dlt,lk->dkt", block.amounts, _membership(flows, block, chosen(block)))
        return out

    def pooled(block: FlowBlock) -> np.ndarray:
        return np.array(block.pooled, dtype=bool)

    def subsidy(block: FlowBlock) -> np.ndarray:
        return np.array([kind in SUBSIDY_KINDS for kind in block.kinds], dtype=bool)

    index = flows.price_index[:, None, :]
    cash_costs = by_part(("cost",))
    return PartCash(
        earmarked=by_part(("financing",), lambda block: ~pooled(block)) * index,
        own_pooled=by_part(("financing",), pooled) * index,
        outflows=(cash_costs + by_part(("repayment",))) * index,
        subsidy=by_part(("financing",), subsidy),
        cash_costs=cash_costs,
    )


def pooled_balance(cash: PartCash) -> FloatArray:
    """The free pooled cash ``b(t)`` at the end of each year, shape (D, T) [EUR, current].

    Examples
    --------
    A project whose subsidy of 100 comes a year after its cost of 100, bridged by a pooled
    fund of 60 (programme part, last): the fund lends 100 in year 0 and is paid back in year 1.

    >>> z = np.zeros((1, 2, 2))
    >>> cash = PartCash(
    ...     earmarked=np.array([[[0.0, 100.0], [0.0, 0.0]]]),
    ...     own_pooled=np.array([[[0.0, 0.0], [60.0, 0.0]]]),
    ...     outflows=np.array([[[100.0, 0.0], [0.0, 0.0]]]),
    ...     subsidy=z,
    ...     cash_costs=z,
    ... )
    >>> pooled_balance(cash)
    array([[-40.,  60.]])
    """
    pooled = np.cumsum(cash.own_pooled.sum(axis=1), axis=1)
    lent = np.maximum(np.cumsum(cash.outflows - cash.earmarked, axis=2), 0.0)
    return pooled - lent.sum(axis=1)


def project_table(flows: Flows, cash: PartCash) -> dict[str, FloatArray]:
    """The projects table per draw: each column of :data:`NUMBER_COLUMNS`, :data:`YEAR_COLUMNS`
    and ``closes_alone`` as an array of shape (D, K), one column per declared project.

    ``closes_alone`` and ``gap_alone`` weigh the project's own inflows, earmarked and pooled,
    against its own outflows as if it stood alone; ``pool_needed`` is the most pooled money it
    needs at any year end, ``max_t max(0, C_p(t) - E_p(t))`` [EUR, current euros]; the PVs are
    real, with the society rules (in kind a cost, harms against, transfers out).
    """
    from businesscase.metrics import NO_YEAR, present_values, subsidy_cliff_year

    count = len(flows.project_ids)
    draws = flows.discount.shape[0]

    def pv_by_part(kinds: tuple[str, ...]) -> FloatArray:
        out = np.zeros((draws, count + 1))
        for block in flows.of(*kinds):
            every = np.ones(len(block.lines), dtype=bool)
            line_pv = present_values(block.amounts, flows.discount)
            out += np.einsum("dl,lk->dk", line_pv, _membership(flows, block, every))
        return out[:, :count]

    pv_costs = pv_by_part(SOCIAL_COSTS)
    pv_benefits = pv_by_part(SOCIAL_GAINS) - pv_by_part(SOCIAL_LOSSES)
    alone = np.cumsum(cash.earmarked + cash.own_pooled - cash.outflows, axis=2)[:, :count]
    lowest = alone.min(axis=2)
    short = alone < -CLOSE_TOLERANCE
    needed = np.cumsum(cash.outflows - cash.earmarked, axis=2)[:, :count]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(pv_costs == 0.0, np.nan, pv_benefits / pv_costs)
    cliffs = subsidy_cliff_year(cash.subsidy[:, :count], cash.cash_costs[:, :count])
    return {
        "pv_costs": pv_costs,
        "pv_benefits": pv_benefits,
        "sroi_ratio": ratio,
        "closes_alone": lowest >= -CLOSE_TOLERANCE,
        "gap_alone": np.maximum(-lowest, 0.0) + 0.0,
        "first_short_year_alone": np.where(short.any(axis=2), np.argmax(short, axis=2), NO_YEAR),
        "pool_needed": np.maximum(needed.max(axis=2), 0.0) + 0.0,
        "subsidy_cliff_year": cliffs,
    }


def _membership(flows: Flows, block: FlowBlock, chosen: np.ndarray) -> FloatArray:
    """Matrix (L, K + 1): 1 where a chosen line belongs to a part (the programme is last)."""
    position = {project: k for k, project in enumerate(flows.project_ids)}
    parts = [position.get(project, len(position)) for project in block.projects]
    matrix = np.zeros((len(block.lines), len(position) + 1))
    matrix[np.arange(len(parts)), parts] = chosen.astype(float)
    return matrix
