"""Each outcome contract from its payers' side: what a payer pays against what it saves.

A payer of a contract pays its share of the contract's outcome payments; in return it keeps
the cashable part of its own share of the outcome lines it pays for in that contract (the
bijstand no longer paid, the care no longer bought). The rule is the one of the figure
``payer_net_pv`` in docs/methodology.md, "Outcome contracts", taken one payer at a time:

- ``pv_paid``: the PV of the payer's outcome payments under the contract [EUR];
- ``pv_cashable_benefit``: the PV of the cashable value, for this payer, of every outcome line
  it pays for under the contract, each line once [EUR];
- ``net_pv``: ``pv_cashable_benefit - pv_paid`` [EUR].

Summed over a contract's payers, ``net_pv`` is the contract's ``payer_net_pv`` in
``result.sib_contracts``. Everything is read from the result's flow table (real euros, PV at
start_year), so the page and the CLI show the engine's numbers and compute none.

Examples
--------
>>> from businesscase import evaluate
>>> from businesscase.examples import load_example
>>> table = payer_table(load_example("west_practice"), evaluate(load_example("west_practice")))
>>> table["payer"].tolist()
['gemeente', 'zorgverzekeraar']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from businesscase.result import EvaluationResult
    from businesscase.scenario import Scenario

PAYER_COLUMNS: tuple[str, ...] = (
    "contract",
    "payer",
    "name",
    "pv_paid",
    "pv_cashable_benefit",
    "net_pv",
)
"""Columns of :func:`payer_table`."""

PAYER_MONEY: tuple[str, ...] = ("pv_paid", "pv_cashable_benefit", "net_pv")
"""The money columns of :func:`payer_table` [EUR, PV at start_year]."""

VALUE_FLOWS: tuple[str, ...] = ("benefit", "transfer")
"""Kinds of flow of an outcome line that carry its value to a beneficiary."""


def payer_table(scenario: Scenario, result: EvaluationResult) -> pd.DataFrame:
    """One row per contract and payer: its payments against its cashable benefits.

    Parameters
    ----------
    scenario : Scenario
        The scenario evaluated.
    result : EvaluationResult
        ``evaluate(scenario)``; its flow table is read.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PAYER_COLUMNS`, contracts in the scenario's order and each contract's
        payers in the order they are first named; money in EUR, PV at start_year. Empty
        without contracts.
    """
    flows = result.flows
    names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
    payments = flows[(flows["section"] == "sib") & (flows["flow"] == "outcome_payment")]
    values = flows[(flows["section"] == "outcomes") & flows["flow"].isin(VALUE_FLOWS)]
    rows = []
    for bond in scenario.contracts:
        metrics = bond.metric_list()
        label = f"{bond.name} outcome payments"
        labels = {label} | {f"{label}: {metric.outcome}" for metric in metrics}
        lines_of: dict[str, set[str]] = {}
        for metric in metrics:
            for payer in metric.payer_shares():
                lines_of.setdefault(payer, set()).add(metric.outcome)
        for payer, lines in lines_of.items():
            paid = payments[payments["line"].isin(labels) & (payments["stakeholder"] == payer)]
            kept = values[values["line"].isin(lines) & (values["stakeholder"] == payer)]
            pv_paid = float(paid["pv"].sum())
            # the cashable part of a flow is discounted as the flow is: pv / amount
            benefit = float((kept["cashable"] * kept["pv"] / kept["amount"]).sum())
            rows.append(
                {
                    "contract": bond.name,
                    "payer": payer,
                    "name": names.get(payer, payer),
                    "pv_paid": pv_paid,
                    "pv_cashable_benefit": benefit,
                    "net_pv": benefit - pv_paid,
                }
            )
    return pd.DataFrame(rows, columns=list(PAYER_COLUMNS))
