"""Closing the gap: who could pay what, and when, so that the plan closes (docs/uncertainty.md).

A plan that is short of cash in some year does not close. The stakeholders whose budgets the
plan relieves (their *cashable* benefits: avoided spending, income) have a reason to pay. The
proposal asks each of them for an extra ``contribution``:

- **When.** Amounts in the euros of the cash balance (constant prices of ``start_year``; with
  ``inflation`` set, current euros, and the proposed lines are ``nominal``) in the years the
  money is needed: with ``s_t = max(0, -balance_t)`` the shortfall at the end of year
  ``t``, the cumulative top-up must reach ``R_t = max(s_0 .. s_t)``, so year ``t`` gets
  ``R_t - R_{t-1}``: the increments of the running maximum of the shortfall. That is the
  least money, as late as possible, that keeps the cash balance >= 0 in every year. Cumulative
  top-ups are rounded up to whole euros with at least a cent of headroom
  (``ceil(R_t + 0.01)``), so the engine's rounding can never leave the plan a fraction of a cent
  short.
- **Who.** Each year's top-up is split over the stakeholders in proportion to their PV
  cashable benefit ``B_s`` (the stakeholder table of :func:`businesscase.evaluate`), in whole
  euros (largest remainders). A team may leave parties out (residents, for instance): they are
  asked nothing, and the rest share the top-ups in proportion to their own ``B_s``.
- **How much at most.** A stakeholder pays at most its cashable benefit, compared in present
  value at the scenario's discount rate: ``PV(contributions_s) <= B_s``. With proportional
  shares that holds for everyone exactly when the PV of all top-ups is at most ``sum B_s``.
  The cap counts the whole cashable benefit; what a stakeholder already pays is not deducted
  (docs/uncertainty.md), it is shown next to it in the stakeholder table of the result.

Everything is computed at the base values (distributions at their base). When the cashable
benefits fall short, no scenario is proposed: the result says by how much (in PV).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from businesscase.actuals import Actuals
from businesscase.engine import evaluate
from businesscase.scenario import Scenario, scenario_from_dict, scenario_to_dict
from businesscase.timeline import FloatArray

HEADROOM = 0.01
"""Extra cash kept in every year the top-ups cover [EUR]: one cent."""

LINE_NAME = "Aanvullende bijdrage {name} {year}"
"""Name of a proposed funding line (Dutch, like the scenario files): stakeholder and year."""


@dataclass(frozen=True)
class GapProposal:
    """The outcome of :func:`close_the_gap`.

    Attributes
    ----------
    closes : bool
        True when the proposal (or the plan as it is) closes within every stakeholder's cap.
    funding_gap : float
        The plan's funding gap before the proposal [EUR, undiscounted].
    pv_needed : float
        PV of the yearly top-ups that make the plan close [EUR, PV at start_year].
    pv_cashable_total : float
        Sum of the PV cashable benefits of the stakeholders asked (all but those left out): the
        most they could pay [EUR, PV].
    shortfall : float
        What the cashable benefits cannot cover: ``pv_needed`` minus what the stakeholders can
        pay within their caps (``pv_needed - pv_cashable_total`` when the benefits fall short);
        0 when the proposal closes [EUR, PV].
    stakeholders : pandas.DataFrame
        One row per stakeholder: ``id``, ``name``, ``pv_cashable_benefit`` (the most it pays),
        ``pv_paid`` (what it already pays) and ``pv_contribution`` (PV of its share of the
        top-ups, in proportion to its cashable benefit, in whole euros) [EUR, PV].
    contributions : pandas.DataFrame
        The proposed funding lines: ``stakeholder`` (id), ``name`` (line name), ``t``,
        ``year``, ``amount`` [EUR, whole euros]; empty when nothing is needed or the benefits
        fall short.
    scenario : Scenario or None
        The scenario with the contributions added as ``contribution`` funding lines (the
        input itself when it already has no gap); None when the benefits fall short.
    """

    closes: bool
    funding_gap: float
    pv_needed: float
    pv_cashable_total: float
    shortfall: float
    stakeholders: pd.DataFrame
    contributions: pd.DataFrame
    scenario: Scenario | None


def yearly_top_ups(cash_balance: FloatArray) -> FloatArray:
    """Top-ups per year that keep the cash balance >= 0: increments of the running maximum
    of the shortfall, on cumulative amounts rounded up to whole euros with a cent of headroom.

    Parameters
    ----------
    cash_balance : array, shape (T,)
        Cash balance at the end of each year [EUR].

    Returns
    -------
    array, shape (T,)
        Whole euros to add in each year [EUR, nominal].

    Examples
    --------
    Short by 100 in year 1, by 40 in year 2 (already covered), by 250 in year 3:

    >>> yearly_top_ups(np.array([50.0, -100.0, -40.0, -250.0]))
    array([  0., 101.,   0., 150.])
    """
    needed = np.maximum.accumulate(np.maximum(-cash_balance, 0.0))
    cumulative = np.where(needed > 0.0, np.ceil(needed + HEADROOM), 0.0)
    return np.diff(cumulative, prepend=0.0)


def split_whole_euros(total: FloatArray, weights: FloatArray) -> FloatArray:
    """Split whole-euro amounts in proportion to weights, in whole euros that add up exactly.

    Each part is rounded down and the euros left over go to the largest remainders (Hamilton's
    method).

    Parameters
    ----------
    total : array, shape (T,)
        Whole euros to split per year.
    weights : array, shape (S,)
        Non-negative weights with a positive sum.

    Returns
    -------
    array, shape (S, T)
        Whole euros per weight and year; columns sum to ``total``.

    Examples
    --------
    >>> split_whole_euros(np.array([10.0]), np.array([1.0, 1.0, 1.0]))
    array([[4.],
           [3.],
           [3.]])
    """
    exact = weights[:, None] / weights.sum() * total[None, :]
    parts = np.floor(exact)
    left = np.rint(total - parts.sum(axis=0))
    rank = np.argsort(np.argsort(parts - exact, axis=0, kind="stable"), axis=0, kind="stable")
    return parts + (rank < left[None, :])


def close_the_gap(
    scenario: Scenario, *, leave_out: Collection[str] = (), actuals: Actuals | None = None
) -> GapProposal:
    """Propose extra contributions by the stakeholders who benefit, so that the plan closes.

    See the module docstring for the timing (nominal, in the years needed), the split (in
    proportion to PV cashable benefits) and the caps (PV of contributions <= PV cashable
    benefit).

    Parameters
    ----------
    scenario : Scenario
        A validated scenario, evaluated at its base values.
    leave_out : collection of str, optional
        Stakeholder ids asked for nothing (e.g. the residents); the others share the top-ups in
        proportion to their PV cashable benefit, each within its own cap.
    actuals : Actuals, optional
        What happened so far: the proposal closes the reforecast's gap (docs/monitoring.md);
        the new scenario's funding lines come after the plan's, so the actuals still fit it.

    Returns
    -------
    GapProposal
        With the new scenario when the cashable benefits can close the gap; else the shortfall.

    Examples
    --------
    >>> from businesscase import examples
    >>> proposal = close_the_gap(examples.load_example("west_practice"))
    >>> proposal.closes, evaluate(proposal.scenario).metrics["funding_gap"]
    (True, 0.0)
    """
    result = evaluate(scenario, actuals=actuals)
    top_ups = yearly_top_ups(np.asarray(result.metrics["cash_balance"]))
    # the balance is in current euros, so are the top-ups: a euro of year t is worth
    # 1 / (1 + inflation) ** t real euros before discounting
    price_index = result.yearly["price_index"].to_numpy()
    discount = result.yearly["discount_factor"].to_numpy() / price_index
    pv_needed = float(top_ups @ discount)
    holders = result.stakeholders
    benefit = np.where(
        holders["id"].isin(list(leave_out)), 0.0, holders["pv_cashable_benefit"].to_numpy()
    )
    if benefit.sum() > 0.0:
        amounts = split_whole_euros(top_ups, benefit)
    else:
        amounts = np.zeros((len(benefit), len(top_ups)))
    pv_contribution = amounts @ discount
    closes = bool(
        np.array_equal(amounts.sum(axis=0), top_ups) and np.all(pv_contribution <= benefit)
    )
    lines = _contribution_lines(scenario, holders, amounts * closes)
    nominal = bool(np.any(price_index != 1.0))
    return GapProposal(
        closes=closes,
        funding_gap=float(result.metrics["funding_gap"]),
        pv_needed=pv_needed,
        pv_cashable_total=float(benefit.sum()),
        shortfall=0.0 if closes else pv_needed - float(np.minimum(pv_contribution, benefit).sum()),
        stakeholders=holders[["id", "name", "pv_cashable_benefit", "pv_paid"]].assign(
            pv_contribution=pv_contribution
        ),
        contributions=lines,
        scenario=_with_lines(scenario, lines, nominal=nominal) if closes else None,
    )


def _contribution_lines(
    scenario: Scenario, holders: pd.DataFrame, amounts: FloatArray
) -> pd.DataFrame:
    """One row per stakeholder and year with a positive amount."""
    holder, t = np.nonzero(amounts)
    year = scenario.settings.start_year + t
    names = holders["name"].to_numpy()[holder]
    return pd.DataFrame(
        {
            "stakeholder": holders["id"].to_numpy()[holder],
            "name": [LINE_NAME.format(name=n, year=y) for n, y in zip(names, year, strict=True)],
            "t": t,
            "year": year,
            "amount": amounts[holder, t],
        }
    )


def _with_lines(scenario: Scenario, lines: pd.DataFrame, *, nominal: bool) -> Scenario:
    """The scenario with the proposed lines added as one-year ``contribution`` funding; with
    inflation they are ``nominal``: amounts in current euros of their year."""
    if lines.empty:
        return scenario
    data = scenario_to_dict(scenario)
    data["funding"] = [
        *data.get("funding", []),
        *(
            {
                "name": row.name,
                "funder": row.stakeholder,
                "kind": "contribution",
                "amount": float(row.amount),
                "start": int(row.t),
                "duration": 1,
            }
            | ({"nominal": True} if nominal else {})
            for row in lines.itertuples(index=False)
        ),
    ]
    return scenario_from_dict(data, source=f"{scenario.settings.name} (gap closed)")
