"""Two views of a case's value side by side: society's and who pays, who benefits.

Society (the SROI and social cost-benefit view, docs/methodology.md, Honest value) counts
outcomes and avoided costs, less harms, plus the residual value of lasting investments, against
all costs, those given in kind included; a transfer (a benefit payment saved by one party and
lost by another) is no gain for society and counts zero. Who pays, who benefits (the
stakeholder table) keeps the transfers: the party that gains them counts them. So the two
views differ by exactly the present value of the transfers, ``pv_transfers``.

The numbers come from the tidy flow table of an evaluation, summed per kind of flow; this
module adds nothing to the engine's arithmetic.
"""

from __future__ import annotations

import pandas as pd

from businesscase.result import EvaluationResult

ROWS: tuple[str, ...] = (
    "benefit",
    "harm",
    "residual_value",
    "transfer",
    "benefits",
    "cost",
    "in_kind",
    "net",
)
"""Rows of :func:`value_by_perspective`, in order: the parts of the value (outcomes and avoided
costs, harms, residual value, transfers), their total, the costs paid in money and given in
kind, and benefits minus costs."""

OPTIONAL_ROWS: tuple[str, ...] = ("harm", "residual_value", "transfer", "in_kind")
"""Rows left out of :func:`value_by_perspective` when they are zero in both views."""

COLUMNS: tuple[str, ...] = ("society", "stakeholders")
"""The two views: society (transfers left out) and who pays, who benefits (transfers kept)."""


def value_by_perspective(result: EvaluationResult) -> pd.DataFrame:
    """The value of a case in society's view and in the stakeholders' view, in present value.

    Parameters
    ----------
    result : EvaluationResult
        A deterministic evaluation (:func:`businesscase.evaluate`).

    Returns
    -------
    pandas.DataFrame
        Index: the row keys of :data:`ROWS` (harms, residual value, transfers and in-kind
        costs only when one of the views has them); columns ``society`` and ``stakeholders``
        [EUR, PV at start_year, signed: harms and costs negative]. ``benefits`` is
        ``pv_benefits`` in society's column and the sum of the stakeholders' ``pv_benefit``
        in the other; ``net`` is ``npv_social`` and ``npv_social + pv_transfers``. The columns
        differ only in the ``transfer`` row (0 for society) and the two totals below it, each
        by ``pv_transfers``.

    Examples
    --------
    A case with 1,000 of outcomes, a harm of 100, a residual value of 500, a transfer of 300
    and costs of 1,000 in money and 200 in kind gives society 1,400 of benefits (net 200) and
    the stakeholders 1,700 (net 500).
    """
    pv = result.flows.groupby("flow")["pv"].sum()

    def total(kind: str) -> float:
        return float(pv.get(kind, 0.0))

    transfers = total("transfer") - total("transfer_harm")
    parts = {
        "benefit": total("benefit"),
        "harm": -total("harm"),
        "residual_value": total("residual_value"),
    }
    costs = {"cost": -total("cost"), "in_kind": -total("in_kind")}
    society = {**parts, "transfer": 0.0}
    stakeholders = {**parts, "transfer": transfers}
    for view in (society, stakeholders):
        view["benefits"] = sum(view.values())
        view.update(costs)
        view["net"] = view["benefits"] + sum(costs.values())
    table = pd.DataFrame({"society": society, "stakeholders": stakeholders}).loc[list(ROWS)]
    unused = [row for row in OPTIONAL_ROWS if not table.loc[row].any()]
    return table.drop(index=unused)
