"""``evaluate``: one scenario, its base values, through the array pipeline (ARCHITECTURE).

scenario -> :func:`~businesscase.parameters.compile_parameters` (one draw of base values) ->
:func:`~businesscase.flows.build_flows` -> :mod:`~businesscase.metrics` -> result tables. The
Monte Carlo, sweeps and batches run the same pipeline with more draws.
"""

from __future__ import annotations

import numpy as np

from businesscase.actuals import Actuals
from businesscase.findings import Finding
from businesscase.flows import build_flows
from businesscase.limits import check_scenario_size
from businesscase.metrics import compute_metrics, contract_table, stakeholder_table, yearly_series
from businesscase.overflow import QUIET, check_finite
from businesscase.parameters import compile_parameters
from businesscase.projects import part_cash, project_table
from businesscase.result import (
    EvaluationResult,
    contract_frame,
    flow_frame,
    json_metrics,
    project_frame,
    stakeholder_frame,
    yearly_frame,
)
from businesscase.scenario import Scenario


def evaluate(scenario: Scenario, *, actuals: Actuals | None = None) -> EvaluationResult:
    """Evaluate a scenario deterministically: every distribution at its base value.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario (:func:`businesscase.load_scenario`).
    actuals : Actuals, optional
        What happened so far (:func:`businesscase.actuals.load_actuals`): the figures are then
        those of the reforecast (docs/monitoring.md).

    Returns
    -------
    EvaluationResult
        ``metrics`` (docs/figures.md, JSON-safe), ``flows``, ``stakeholders``, ``yearly``,
        ``warnings``, ``sib_contracts`` and ``projects``.

    Raises
    ------
    TooLargeToComputeError
        When the figures overflow float64; the message names the field whose numbers are too
        large (:mod:`businesscase.overflow`).
    LimitError
        When the scenario is too large to evaluate within the memory budget
        (:mod:`businesscase.limits`).

    Examples
    --------
    >>> from businesscase import examples
    >>> result = evaluate(examples.load_example("west_practice"))
    >>> sorted(result.metrics)[:3]
    ['cash_balance', 'closes', 'first_short_year']
    """
    check_scenario_size(scenario)
    with np.errstate(**QUIET):
        params = compile_parameters(scenario)
        flows = build_flows(scenario, params, actuals)
        series = yearly_series(flows)
        figures = compute_metrics(flows, series)
        table = project_table(flows, part_cash(flows))
    check_finite(scenario, flows, figures)
    metrics = json_metrics(figures)
    return EvaluationResult(
        scenario=scenario,
        metrics=metrics,
        flows=flow_frame(flows),
        stakeholders=stakeholder_frame(flows, stakeholder_table(flows)),
        yearly=yearly_frame(flows, series),
        warnings=tuple(_warnings(scenario, metrics)),
        sib_contracts=contract_frame(scenario, contract_table(flows)),
        projects=project_frame(flows, table),
    )


def _warnings(scenario: Scenario, metrics: dict) -> list[Finding]:
    """Findings a careful analyst would want pointed out, in plain words (:mod:`findings`)."""
    found = []
    for section in ("outcomes", "avoided_costs"):
        for index, line in enumerate(getattr(scenario, section)):
            deflators = (line.deadweight, line.displacement, line.attribution)
            if all(value == 0 for value in deflators) and not line.transfer:
                found.append(Finding("no_additionality", section, index, line.name))
    for section in ("outcomes", "avoided_costs"):
        for index, line in enumerate(getattr(scenario, section)):
            if not line.proxy_source.strip():
                found.append(Finding("no_proxy_source", section, index, line.name))
    beyond = metrics["sib_payments_beyond_horizon"]
    if beyond:
        found.append(Finding("sib_beyond_horizon", amount=beyond))
    if metrics["loan_outstanding_at_horizon"]:
        found.append(Finding("loan_owed", amount=metrics["loan_outstanding_at_horizon"]))
    return found
