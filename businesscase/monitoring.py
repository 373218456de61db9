"""Monitoring: the plan against what happened, and the reforecast (docs/monitoring.md).

:func:`monitor` evaluates a plan twice: as planned, and as the **reforecast**, the plan with
each reported year and line replaced by its actual (:mod:`businesscase.actuals`). Years after
the last reported one keep the plan, and so does a past year that was not reported; it is
listed as missing. The reforecast goes through the same engine, so every figure, the
stakeholder table and the SIB payments (on the actual outcomes) follow.

The **variance** table has one row per reported value: what the plan expected there (the
plan's expected flow, probability applied, in current euros of the year; outcomes as counts),
the actual, their difference and the difference as a share of the plan. ``weight`` ranks the
rows by what they mean in euros: the difference itself for amounts, and for outcomes the
difference times the net value of one outcome in its first year (proxy less deadweight,
displacement and attribution), so the variance that matters most comes first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from businesscase import formatting as fmt
from businesscase.actuals import COUNTED, SECTIONS, Actuals, load_actuals
from businesscase.engine import evaluate
from businesscase.flows import build_flows
from businesscase.outcomes import net_unit_value
from businesscase.overflow import QUIET
from businesscase.parameters import compile_parameters
from businesscase.result import EvaluationResult
from businesscase.scenario import Scenario
from businesscase.text import t
from businesscase.timeline import FloatArray

VARIANCE_COLUMNS: tuple[str, ...] = (
    "year",
    "line",
    "section",
    "planned",
    "actual",
    "difference",
    "difference_share",
)
"""Keys of a variance row in the JSON of ``businesscase monitor --json``."""

MISSING_COLUMNS: tuple[str, ...] = ("year", "line")
"""Keys of a missing-report row in the JSON."""


@dataclass(frozen=True)
class MonitorResult:
    """What :func:`monitor` found.

    Attributes
    ----------
    planned, reforecast : EvaluationResult
        The plan, and the plan with the actuals in it.
    variance : pandas.DataFrame
        One row per reported value, in year and line order: :data:`VARIANCE_COLUMNS` [year:
        calendar year; amounts: EUR, current euros of the year; outcomes: count;
        ``difference_share``: fraction, NaN when planned is 0], plus ``name`` (the line's name),
        ``note`` (the file's) and ``weight`` (the difference in euros, see the module).
    missing : pandas.DataFrame
        Past years of lines with a flow in the plan that no row reports, up to the last year
        reported: ``year``, ``line`` (the path), ``name``.
    actuals : Actuals
        The reported values.
    """

    planned: EvaluationResult
    reforecast: EvaluationResult
    variance: pd.DataFrame
    missing: pd.DataFrame
    actuals: Actuals

    @property
    def last_year(self) -> int | None:
        """The last calendar year reported, None without any actual."""
        last = self.actuals.last_t
        return None if last is None else self.planned.scenario.settings.start_year + last

    def ranked(self) -> pd.DataFrame:
        """The variance rows, the one that matters most (largest ``abs(weight)``) first."""
        order = self.variance["weight"].abs().sort_values(ascending=False, kind="stable").index
        return self.variance.loc[order].reset_index(drop=True)

    def to_json_dict(self) -> dict[str, Any]:
        """``planned``, ``reforecast`` (each as ``evaluate --json``), ``variance``, ``missing``."""
        variance = [
            {key: _json(row[key]) for key in VARIANCE_COLUMNS}
            for row in self.variance.to_dict(orient="records")
        ]
        missing = [
            {key: _json(row[key]) for key in MISSING_COLUMNS}
            for row in self.missing.to_dict(orient="records")
        ]
        return {
            "planned": self.planned.to_json_dict(),
            "reforecast": self.reforecast.to_json_dict(),
            "variance": variance,
            "missing": missing,
        }


def monitor(scenario: Scenario, actuals: Actuals | str | os.PathLike[str]) -> MonitorResult:
    """The plan and its reforecast side by side, the variance and the missing reports.

    Parameters
    ----------
    scenario : Scenario
        The plan.
    actuals : Actuals or path-like
        What happened: checked actuals, or the path of an actuals CSV file
        (:func:`businesscase.actuals.load_actuals`).

    Returns
    -------
    MonitorResult

    Raises
    ------
    ScenarioError
        For a bad actuals file: the message names the file, the row, the column and the rule.

    Examples
    --------
    >>> from businesscase import examples
    >>> from businesscase.actuals import parse_actuals
    >>> plan = examples.load_example("west_practice")
    >>> found = monitor(plan, parse_actuals("year,line,value\\n2027,costs[0],0\\n", plan))
    >>> found.variance[["year", "line", "actual"]].to_dict(orient="records")
    [{'year': 2027, 'line': 'costs[0]', 'actual': 0.0}]
    """
    if not isinstance(actuals, Actuals):
        actuals = load_actuals(actuals, scenario)
    plan = planned_values(scenario)
    return MonitorResult(
        planned=evaluate(scenario),
        reforecast=evaluate(scenario, actuals=actuals),
        variance=variance_table(scenario, actuals, plan),
        missing=missing_reports(scenario, actuals, plan),
        actuals=actuals,
    )


def planned_values(scenario: Scenario) -> dict[tuple[str, int], FloatArray]:
    """What an actual would replace, per line and year, at the plan's base values.

    Returns
    -------
    dict of (section, index) to array of shape (T,)
        The plan's expected yearly value of every reportable line [EUR, current euros of the
        year; outcomes: new outcomes]: costs spent, outcome cohorts, avoided costs before
        additionality, money received, a loan's payout (in its start year only).
    """
    recorder = _Recorder()
    with np.errstate(**QUIET):
        build_flows(scenario, compile_parameters(scenario), recorder)
    return recorder.planned


def variance_table(
    scenario: Scenario, actuals: Actuals, plan: dict[tuple[str, int], FloatArray]
) -> pd.DataFrame:
    """One row per actual: planned, actual, difference, share and weight
    (:class:`MonitorResult`)."""
    per_outcome = _value_per_outcome(scenario)
    rows = []
    for actual in sorted(actuals.rows, key=_order):
        planned = float(plan[actual.section, actual.index][actual.t])
        difference = actual.value - planned
        weight = difference
        if actual.section in COUNTED:
            weight = difference * per_outcome[actual.index]
        rows.append(
            {
                "year": actual.year,
                "line": actual.path,
                "section": actual.section,
                "planned": planned,
                "actual": actual.value,
                "difference": difference,
                "difference_share": difference / planned if planned else float("nan"),
                "name": getattr(scenario, actual.section)[actual.index].name,
                "note": actual.note,
                "weight": weight,
            }
        )
    columns = [*VARIANCE_COLUMNS, "name", "note", "weight"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"year": "int64", "planned": float, "actual": float, "difference_share": float}
    )


def missing_reports(
    scenario: Scenario, actuals: Actuals, plan: dict[tuple[str, int], FloatArray]
) -> pd.DataFrame:
    """Past years of lines with a planned flow that no row reports, up to the last year
    reported anywhere in the file; empty without actuals."""
    last = actuals.last_t
    reported = {(actual.section, actual.index, actual.t) for actual in actuals.rows}
    start = scenario.settings.start_year
    rows = []
    lines = sorted(plan, key=lambda key: (SECTIONS.index(key[0]), key[1]))
    for year in range(0 if last is None else last + 1):
        for section, index in lines:
            if plan[section, index][year] != 0.0 and (section, index, year) not in reported:
                name = getattr(scenario, section)[index].name
                rows.append({"year": start + year, "line": f"{section}[{index}]", "name": name})
    return pd.DataFrame(rows, columns=[*MISSING_COLUMNS, "name"]).astype({"year": "int64"})


def verdict(result: MonitorResult, lang: str = "nl") -> str:
    """Is the reforecast still *sluitend*? One sentence with the new gap and first short year,
    against the plan's.

    Examples
    --------
    >>> from businesscase import examples
    >>> from businesscase.actuals import parse_actuals
    >>> plan = examples.load_example("west_practice")
    >>> print(verdict(monitor(plan, parse_actuals("", plan)), "en"))
    No actuals reported: the reforecast is the plan.
    """
    if result.last_year is None:
        return t("monitor_nothing_reported", lang)
    plan, now = result.planned.metrics, result.reforecast.metrics
    start = result.planned.scenario.settings.start_year
    key = {
        (True, True): "monitor_still_closes",
        (False, True): "monitor_now_closes",
        (True, False): "monitor_no_longer_closes",
        (False, False): "monitor_still_short",
    }[plan["closes"], now["closes"]]
    return t(
        key,
        lang,
        last=result.last_year,
        gap=fmt.money(now["funding_gap"], lang),
        plan_gap=fmt.money(plan["funding_gap"], lang),
        year=fmt.year(now["first_short_year"], start),
        plan_year=fmt.year(plan["first_short_year"], start),
    )


def amount_text(value: float, section: str, lang: str) -> str:
    """A planned or actual value for people: euros, or a count of outcomes (one decimal
    when it is not whole)."""
    if section in COUNTED:
        return fmt.number(value, lang, 0 if float(value).is_integer() else 1)
    return fmt.money(value, lang)


def _order(actual: Any) -> tuple[int, int, int]:
    """Variance rows by year, then section in file order, then line."""
    return actual.t, SECTIONS.index(actual.section), actual.index


def _value_per_outcome(scenario: Scenario) -> FloatArray:
    """Net value of one outcome in its first year, per outcome line [EUR]; a harm negative."""
    if not scenario.outcomes:
        return np.zeros(0)
    q = compile_parameters(scenario).lines["outcomes"]
    value = net_unit_value(q["proxy"], q["deadweight"], q["displacement"], q["attribution"])[0]
    return value * np.array([-1.0 if line.harm else 1.0 for line in scenario.outcomes])


def _json(value: Any) -> Any:
    """A plain JSON value: numpy numbers unwrapped, NaN as None."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    number = float(value)
    return None if np.isnan(number) else number


@dataclass(frozen=True)
class _Recorder(Actuals):
    """Actuals that report nothing and note what :func:`businesscase.flows.build_flows` would
    let an actual replace, in the first draw [current euros; outcomes: counts]."""

    source: str = "<plan>"
    rows: tuple = ()
    planned: dict[tuple[str, int], FloatArray] = field(default_factory=dict)

    def replace(
        self,
        section: str,
        amounts: FloatArray,
        index: FloatArray,
        positions: Sequence[int] | None = None,
    ) -> None:
        values = amounts[0] if section in COUNTED else amounts[0] * index[0]
        for column, line in enumerate(range(len(values)) if positions is None else positions):
            self.planned[section, line] = values[column].copy()

    def loan_terms(
        self,
        lines: Sequence,
        positions: Sequence[int],
        amount: FloatArray,
        probability: FloatArray,
        index: FloatArray,
    ) -> tuple[FloatArray, FloatArray]:
        for column, (line, position) in enumerate(zip(lines, positions, strict=True)):
            payout = np.zeros(index.shape[1])
            principal = amount[0, column] * probability[0, column]
            payout[line.start] = principal if line.nominal else principal * index[0, line.start]
            self.planned["funding", position] = payout
        return amount, probability
