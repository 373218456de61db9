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
import pandas as pd

from businesscase.flows import (
    SOCIAL_COSTS,
    SOCIAL_GAINS,
    SOCIAL_LOSSES,
    FlowBlock,
    Flows,
    build_flows,
)
from businesscase.parameters import compile_parameters
from businesscase.scenario import Scenario
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

PROGRAMME_PART = ""
"""The part id of the programme's own lines in :func:`pool_by_year` and :func:`lending` (a
project's id is never empty)."""

POOL_COLUMNS: tuple[str, ...] = ("year", "t", "part", "brought", "drawn", "net")
"""Columns of :func:`pool_by_year`."""

LENDING_COLUMNS: tuple[str, ...] = ("year", "t", "borrower", "lender", "amount")
"""Columns of :func:`lending`; ``lender`` is None on the part of a need no pooled money covers."""


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


def base_part_cash(scenario: Scenario) -> PartCash:
    """The cash of each part of a programme at base values, one draw (:func:`part_cash`)."""
    from businesscase.overflow import QUIET  # overflow reads the figures of metrics

    with np.errstate(**QUIET):
        return part_cash(build_flows(scenario, compile_parameters(scenario)))


def pool_by_year(scenario: Scenario) -> pd.DataFrame:
    """Each part's position in the pool at the end of each year, at base values.

    Parameters
    ----------
    scenario : Scenario
        A programme (a scenario with ``[[projects]]``); without projects every line is the
        programme's own.

    Returns
    -------
    pandas.DataFrame
        One row per year and part (the declared projects in file order, then the programme's
        own lines, part :data:`PROGRAMME_PART`), columns :data:`POOL_COLUMNS`, cumulative
        amounts up to the end of the year [EUR, current euros]: ``brought``, the pooled money
        of the part's own lines ``P_p(t)``; ``drawn``, what it needs from the pool because it
        spent more than its earmarked money, ``max(0, C_p(t) - E_p(t))``; ``net`` =
        ``brought - drawn``. Per year, ``net`` sums to the programme's free pooled cash
        ``b(t)``, its cash balance (docs/methodology.md, "A programme of projects").

    Examples
    --------
    >>> from businesscase.examples import load_botu
    >>> pool = pool_by_year(load_botu())
    >>> nabuurschap = pool[pool["part"] == "nabuurschap"].set_index("year")
    >>> nabuurschap.loc[[2029, 2030, 2036], "drawn"].round(-3).tolist()
    [0.0, 8000.0, 452000.0]
    """
    cash = base_part_cash(scenario)
    parts = [project.id for project in scenario.projects] + [PROGRAMME_PART]
    brought = np.cumsum(cash.own_pooled[0], axis=1)
    drawn = np.maximum(np.cumsum(cash.outflows[0] - cash.earmarked[0], axis=1), 0.0) + 0.0
    years = np.arange(brought.shape[1])
    return pd.DataFrame(
        {
            "year": np.repeat(scenario.settings.start_year + years, len(parts)),
            "t": np.repeat(years, len(parts)),
            "part": np.tile(np.array(parts, dtype=object), len(years)),
            "brought": brought.T.ravel(),
            "drawn": drawn.T.ravel(),
            "net": (brought - drawn).T.ravel(),
        }
    )


def lending(pool: pd.DataFrame) -> pd.DataFrame:
    """Who lends to whom, each year: whose pooled money covers which part's need.

    Pooled money is one pot, so whose euros a part uses is a convention. This one: a part uses
    its own pooled money first, so a part whose ``net`` (:func:`pool_by_year`) is below zero
    borrows ``-net`` and one above zero lends. Each borrower is covered by every lender in
    proportion to what that lender has to lend; when the lenders have less than the borrowers
    need, every borrower is covered by the same share and the rest of its need is not covered
    (the programme is short by that much). With ``L`` the lenders' total and ``B`` the
    borrowers', lender q covers ``need_p * net_q / max(L, B)`` of borrower p's need and
    ``need_p * max(0, B - L) / B`` stays uncovered.

    Parameters
    ----------
    pool : pandas.DataFrame
        :func:`pool_by_year`'s table.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LENDING_COLUMNS`: one row per year, borrower and lender with an amount
        above half a cent [EUR, current euros, outstanding at the year end], in year order,
        borrowers and lenders in part order; ``lender`` None for the need no pooled money
        covers. Per year the amounts sum to the borrowers' need, the covered rows to
        ``min(L, B)`` and the uncovered rows to ``max(0, -b(t))``.

    Examples
    --------
    Project ``a`` needs 100, project ``b`` has 30 of pooled money to spare and a programme
    fund 50: ``b`` lends 30, the fund 50, and 20 of ``a``'s need is not covered.

    >>> pool = pd.DataFrame({"year": [2027] * 3, "t": [0] * 3, "part": ["a", "b", ""],
    ...                      "brought": [0.0, 30.0, 50.0], "drawn": [100.0, 0.0, 0.0],
    ...                      "net": [-100.0, 30.0, 50.0]})
    >>> lending(pool)[["borrower", "lender", "amount"]].to_numpy().tolist()
    [['a', 'b', 30.0], ['a', '', 50.0], ['a', None, 20.0]]
    """
    rows = []
    for (year, t), parts in pool.groupby(["year", "t"], sort=True):
        net = parts.set_index("part")["net"]
        lent, needed = net.clip(lower=0.0), (-net).clip(lower=0.0)
        scale = max(lent.sum(), needed.sum())
        for borrower, need in needed[needed > CLOSE_TOLERANCE].items():
            for lender, spare in lent[lent > 0.0].items():
                rows.append((year, t, borrower, lender, need * spare / scale))
            rows.append((year, t, borrower, None, need * (scale - lent.sum()) / scale))
    kept = [row for row in rows if row[-1] > CLOSE_TOLERANCE]
    columns = dict(zip(LENDING_COLUMNS, zip(*kept, strict=True), strict=True)) if kept else {}
    return pd.DataFrame(
        {
            "year": pd.Series(columns.get("year", ()), dtype=int),
            "t": pd.Series(columns.get("t", ()), dtype=int),
            "borrower": pd.Series(columns.get("borrower", ()), dtype=object),
            "lender": pd.Series(columns.get("lender", ()), dtype=object),
            "amount": pd.Series(columns.get("amount", ()), dtype=float),
        }
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
