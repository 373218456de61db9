"""The result of evaluating a scenario: JSON-safe figures and tidy tables (docs/figures.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from businesscase.flows import Flows
from businesscase.metrics import (
    CONTRACT_COLUMNS,
    NO_YEAR,
    SCALAR_METRICS,
    STAKEHOLDER_COLUMNS,
    YEAR_METRICS,
    Series,
)
from businesscase.projects import PROJECT_COLUMNS, YEAR_COLUMNS
from businesscase.scenario import Scenario
from businesscase.vocabulary import VALUE_TYPES

FLOW_COLUMNS: tuple[str, ...] = (
    "year",
    "t",
    "line",
    "section",
    "flow",
    "stakeholder",
    "counterparty",
    "value_type",
    "cashable",
    "amount",
    "pv",
)
"""Columns of :attr:`EvaluationResult.flows`."""


@dataclass(frozen=True)
class EvaluationResult:
    """Everything ``evaluate`` found for one scenario.

    Attributes
    ----------
    scenario : Scenario
        The scenario evaluated.
    metrics : dict
        The figures of docs/figures.md by their documented names: floats, ``bool`` for ``closes``,
        ``int`` years, a list for ``cash_balance``, ``None`` where a figure does not exist
        (no IRR, no SIB, a ratio with a zero denominator). JSON-safe.
    flows : pandas.DataFrame
        The tidy flow table: one row per line, year and stakeholder with a nonzero amount;
        columns :data:`FLOW_COLUMNS`. ``amount`` and ``pv`` are >= 0 [EUR, real]; ``flow``
        says what it is (:data:`businesscase.flows.FLOW_KINDS`: ``cost``, ``in_kind``,
        ``benefit``, ``harm``, ``residual_value``, ``transfer``, ``transfer_harm``,
        ``financing``, ``repayment``, ``outcome_payment``); ``stakeholder`` is who benefits
        or loses (benefits, harms, residual values, transfers), pays (financing, outcome
        payments, in-kind costs) or receives (loan repayments), empty for costs (the project
        pays);
        ``counterparty`` is the SIB investor for outcome payments; ``project`` (only when
        the scenario declares projects) the line's project, "" for programme lines;
        ``cashable`` is the cashable part of a benefit's amount [EUR].
    stakeholders : pandas.DataFrame
        One row per stakeholder: ``id``, ``name``, ``pv_benefit``, ``pv_cashable_benefit``,
        ``pv_paid``, ``pv_received``, ``net_pv`` [EUR, PV at start_year].
    yearly : pandas.DataFrame
        The yearly series behind the figures, one row per year (``t``, ``year``): costs
        (in kind included) and in-kind costs, benefits net of harms (total and per value
        type), harms, residual value, transfers, net and discounted net benefit, inflows,
        subsidy inflows, loan repayments, outflows, net cash (real), the price index
        ``(1 + inflation) ** t``, the cash balance (current euros), SIB payments.
    warnings : tuple of str
        Findings worth a look that do not stop the evaluation.
    sib_contracts : pandas.DataFrame
        One row per outcome contract: ``name``, ``investor``, ``capital`` (as written) and
        :data:`businesscase.metrics.CONTRACT_COLUMNS` [EUR real, fractions]; no rows without
        contracts.
    projects : pandas.DataFrame
        The projects table of a programme, one row per declared project in file order, columns
        :data:`businesscase.projects.PROJECT_COLUMNS` (docs/figures.md); no rows without
        ``[[projects]]``.
    """

    scenario: Scenario
    metrics: dict[str, Any]
    flows: pd.DataFrame
    stakeholders: pd.DataFrame
    yearly: pd.DataFrame
    warnings: tuple[str, ...]
    sib_contracts: pd.DataFrame
    projects: pd.DataFrame

    def to_json_dict(self) -> dict[str, Any]:
        """The figures as the CLI's JSON: docs/figures.md keys plus ``stakeholders``,
        ``sib_contracts`` and ``projects`` rows."""
        return {
            **self.metrics,
            "stakeholders": _json_rows(self.stakeholders),
            "sib_contracts": _json_rows(self.sib_contracts),
            "projects": project_rows(self.projects),
        }


def _json_rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A table as JSON rows: texts kept, numbers as floats, NaN as None."""
    return [
        {key: _json_value(value) for key, value in row.items()}
        for row in table.to_dict(orient="records")
    ]


def project_frame(flows: Flows, table: dict[str, np.ndarray], draw: int = 0) -> pd.DataFrame:
    """The projects table of one draw (:func:`businesscase.projects.project_table`)."""
    columns: dict[str, Any] = {"id": list(flows.project_ids), "name": list(flows.project_names)}
    for column in PROJECT_COLUMNS[2:]:
        values = table[column][draw]
        if column == "closes_alone":
            columns[column] = pd.Series(values, dtype=bool)
        elif column in YEAR_COLUMNS:
            years = [None if year == NO_YEAR else int(year) for year in values]
            columns[column] = pd.Series(years, dtype=object)
        else:
            columns[column] = pd.Series(values, dtype=float)
    return pd.DataFrame(columns, columns=list(PROJECT_COLUMNS))


def project_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The projects table as JSON rows: bools, whole years or None, floats (NaN as None)."""
    rows = []
    for row in frame.to_dict(orient="records"):
        out: dict[str, Any] = {}
        for key, value in row.items():
            if key == "closes_alone":
                out[key] = bool(value)
            elif key in YEAR_COLUMNS or key in ("id", "name"):
                out[key] = value
            else:
                out[key] = _json_value(value)
        rows.append(out)
    return rows


def json_metrics(per_draw: dict[str, np.ndarray], draw: int = 0) -> dict[str, Any]:
    """One draw's figures as plain Python values in docs/figures.md order (NaN, no year -> None)."""
    out: dict[str, Any] = {}
    for name in SCALAR_METRICS:
        value = per_draw[name][draw]
        if name == "closes":
            out[name] = bool(value)
        elif name in YEAR_METRICS:
            out[name] = None if value == NO_YEAR else int(value)
        else:
            out[name] = _json_value(value)
        if name == "min_cash_balance":
            out["cash_balance"] = [float(x) for x in per_draw["cash_balance"][draw]]
    return out


def contract_frame(scenario: Scenario, table: dict[str, np.ndarray], draw: int = 0) -> pd.DataFrame:
    """The ``sib_contracts`` table of one draw (see :attr:`EvaluationResult.sib_contracts`)."""
    contracts = scenario.contracts
    names = {"name": [bond.name for bond in contracts], "investor": [b.investor for b in contracts]}
    figures = {column: table[column][draw] for column in ("capital", *CONTRACT_COLUMNS)}
    return pd.DataFrame(names | figures, columns=["name", "investor", "capital", *CONTRACT_COLUMNS])


def _json_value(value: Any) -> Any:
    """A float or string for JSON: numpy scalars unwrapped, NaN and inf as None."""
    if isinstance(value, str):
        return value
    number = float(value)
    return number if math.isfinite(number) else None


def stakeholder_frame(flows: Flows, table: dict[str, np.ndarray], draw: int = 0) -> pd.DataFrame:
    """The stakeholder table of one draw."""
    columns = {"id": list(flows.stakeholder_ids), "name": list(flows.stakeholder_names)}
    return pd.DataFrame(columns | {column: table[column][draw] for column in STAKEHOLDER_COLUMNS})


_PAID_FLOWS = ("cost", "in_kind", "financing", "outcome_payment", "guarantee_payment")
"""Kinds of flow whose stakeholder in the flow table is the one who pays."""


def flow_frame(flows: Flows, draw: int = 0) -> pd.DataFrame:
    """The tidy flow table of one draw (see :attr:`EvaluationResult.flows`)."""
    ids = np.array(flows.stakeholder_ids + ("",), dtype=object)
    nobody = len(flows.stakeholder_ids)
    names = flow_columns(flows)
    parts: dict[str, list[np.ndarray]] = {column: [] for column in names}
    for block in flows.blocks:
        party = block.payers if block.flow in _PAID_FLOWS else block.receivers
        party = np.concatenate([party, (party.sum(axis=1) == 0)[:, None]], axis=1)
        split = block.amounts[draw][:, :, None] * party[:, None, :]
        line, t, holder = np.nonzero(split)
        amount = split[line, t, holder]
        if block.flow in ("outcome_payment", "guarantee_payment"):
            counterparty = ids[np.argmax(block.receivers, axis=1)][line]
        else:
            counterparty = np.full(line.size, "", dtype=object)
        labels = {
            "t": t,
            "line": np.array(block.lines, dtype=object)[line],
            "section": np.full(line.size, block.section, dtype=object),
            "flow": np.full(line.size, block.flow, dtype=object),
            "stakeholder": ids[np.minimum(holder, nobody)],
            "counterparty": counterparty,
            "project": np.array(block.projects, dtype=object)[line],
            "value_type": np.array(block.value_types, dtype=object)[line],
            "cashable": amount * block.cashable[draw][line],
            "amount": amount,
        }
        for column, values in labels.items():
            if column in parts:
                parts[column].append(values)
    if not flows.blocks:
        return pd.DataFrame({column: [] for column in names})
    # joined a column at a time, each column's parts let go as soon as it is joined
    columns = {column: np.concatenate(parts.pop(column)) for column in list(parts) if parts[column]}
    t = columns["t"]
    columns["year"] = flows.start_year + t
    columns["pv"] = columns["amount"] * flows.discount[draw][t]
    # copy=False: the columns are fresh arrays; a copy would double the peak for large tables
    return pd.DataFrame({column: columns[column] for column in names}, copy=False)


def flow_columns(flows: Flows) -> tuple[str, ...]:
    """The flow table's columns: :data:`FLOW_COLUMNS`, with ``project`` after ``counterparty``
    when the scenario declares projects."""
    if not flows.project_ids:
        return FLOW_COLUMNS
    at = FLOW_COLUMNS.index("counterparty") + 1
    return (*FLOW_COLUMNS[:at], "project", *FLOW_COLUMNS[at:])


def yearly_frame(flows: Flows, series: Series, draw: int = 0) -> pd.DataFrame:
    """The yearly series of one draw, one row per year."""
    t = np.arange(flows.horizon_years)
    columns = {
        "t": t,
        "year": flows.start_year + t,
        "costs": series.costs[draw],
        "in_kind": series.in_kind[draw],
        "benefits": series.benefits[draw],
        **{f"benefits_{kind}": series.benefits_by_type[kind][draw] for kind in VALUE_TYPES},
        "harms": series.harms[draw],
        "residual_value": series.residual_value[draw],
        "transfers": series.transfers[draw],
        "net_benefit": series.benefits[draw] - series.costs[draw],
        "discount_factor": flows.discount[draw],
        "discounted_net_benefit": series.discounted_net_benefit[draw],
        "cumulative_discounted_net_benefit": np.cumsum(series.discounted_net_benefit[draw]),
        "inflows": series.inflows[draw],
        "subsidy_inflows": series.subsidy_inflows[draw],
        "loan_repayments": series.loan_repayments[draw],
        "outflows": series.outflows[draw],
        "net_cash": series.inflows[draw] - series.outflows[draw],
        "price_index": flows.price_index[draw],
        "cash_balance": series.cash_balance[draw],
        "sib_payments": series.sib_payments[draw],
    }
    return pd.DataFrame(columns)
