"""Exports of one scenario for people who were not at the screen (docs/cli.md).

- :func:`write_workbook` / :func:`workbook_bytes`: an Excel workbook for analysts. The scenario's
  inputs (one sheet per section), the figures of docs/figures.md, the yearly series, the tidy
  flow table, the stakeholder table and, for a scenario with distributions, the Monte Carlo
  percentiles. Every number is a number (formatted by an Excel number format, never a string),
  so the workbook can be computed with.
- :func:`html_report` / :func:`write_html`: one self-contained HTML file (plotly embedded once,
  no network) with the verdict, the figures, the charts, the tables and the assumptions with
  their sources, readable on screen and on paper.

All words come from :mod:`businesscase.text`, all human number formats from
:mod:`businesscase.formatting`; the figures themselves come from :func:`businesscase.evaluate`
and :func:`businesscase.simulate` unchanged. Files are written atomically. No text from a
scenario becomes a formula in the workbook (:func:`businesscase.user_text.append_row`).
"""

from __future__ import annotations

import html
import io
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import __version__, charts, perspectives
from businesscase import formatting as fmt
from businesscase.actuals import COUNTED
from businesscase.actuals import SECTIONS as ACTUAL_SECTIONS
from businesscase.contract_payers import PAYER_MONEY, payer_table
from businesscase.distributions import (
    base_value,
    distribution_text,
    is_distribution,
    whole_base_value,
)
from businesscase.engine import evaluate
from businesscase.excel_style import (
    FACTOR_FORMAT,
    HEADER_FILL,
    HEADER_FONT,
    INTEGER_FORMAT,
    MONEY_FORMAT,
    NUMBER_FORMAT,
    PERCENT_FORMAT,
    RATIO_FORMAT,
    TITLE_FONT,
    WHOLE_NUMBER_FORMAT,
)
from businesscase.files import write_atomic
from businesscase.gap import GapProposal, close_the_gap
from businesscase.metrics import SCALAR_METRICS, STAKEHOLDER_COLUMNS
from businesscase.monitoring import MonitorResult, amount_text, planned_values
from businesscase.monitoring import verdict as monitor_verdict
from businesscase.parameters import section_lines, uncertain_inputs
from businesscase.projects import PROGRAMME_PART, PROJECT_COLUMNS, lending, pool_by_year
from businesscase.projects import YEAR_COLUMNS as PROJECT_YEARS
from businesscase.result import EvaluationResult
from businesscase.scenario import SECTIONS, SHORTHAND_FIELDS, Scenario
from businesscase.text import t
from businesscase.uncertainty import SensitivityResult, SimulationResult, risks_in_draws
from businesscase.user_text import append_row
from businesscase.value_map import add_value_map
from businesscase.vocabulary import CLOSE_TOLERANCE

# --- how each kind of number looks ---------------------------------------------------------

_KIND_FORMATS = {
    "money": MONEY_FORMAT,
    "share": PERCENT_FORMAT,
    "ratio": RATIO_FORMAT,
    "year": INTEGER_FORMAT,
    "flag": None,
}
"""Excel format of a figure by its kind (:func:`figure_kind`)."""

_SUMMARY_FORMATS = _KIND_FORMATS | {"year": "0.0"}
"""Excel format of a Monte Carlo mean or percentile by the figure's kind (years may be a mean,
``closes`` is a share of draws)."""

_INPUT_FORMATS = {
    "money": MONEY_FORMAT,
    "share": PERCENT_FORMAT,
    "integer": INTEGER_FORMAT,
    "number": NUMBER_FORMAT,
}

_YEARLY_FORMATS = {"t": INTEGER_FORMAT, "year": INTEGER_FORMAT, "discount_factor": FACTOR_FORMAT}
"""Formats of the non-money columns of ``result.yearly`` and ``result.flows``."""

Cell = tuple[Any, str | None]
"""A cell: its value and its Excel number format (None: General)."""

_MAX_WIDTH = 60
"""Widest column [characters]; longer text wraps."""


def figure_kind(name: str) -> str:
    """How one evaluation's figure is shown: ``flag`` for ``closes`` (a bool), else the kind
    of :func:`businesscase.formatting.figure_kind` (``money``, ``share``, ``ratio``, ``year``).
    """
    return "flag" if name == "closes" else fmt.figure_kind(name)


def _check_language(lang: str) -> None:
    if lang not in fmt.LANGUAGES:
        raise ValueError(f"lang {lang!r}: must be one of {', '.join(fmt.LANGUAGES)}")


def _result_for(scenario: Scenario, result: EvaluationResult | None) -> EvaluationResult:
    """The given result after checking it belongs to ``scenario``, or a fresh evaluation."""
    if result is None:
        return evaluate(scenario)
    if result.scenario is not scenario and result.scenario != scenario:
        raise ValueError("result: was evaluated from another scenario than the one exported")
    return result


def _simulation_for(
    scenario: Scenario, simulation: SimulationResult | None
) -> SimulationResult | None:
    """The simulation to show: only when its draws differ (distributions, money that may not
    come, yearly events: :func:`businesscase.uncertainty.risks_in_draws`), else all agree."""
    if simulation is None or not risks_in_draws(scenario, simulation.events):
        return None
    return simulation


# --- reading a scenario's inputs -----------------------------------------------------------


def field_kind(section: str, field: str) -> str:
    """How a numeric input is shown, read from the unit in its field description.

    ``[EUR ...]`` is ``money``, ``[fraction ...]`` a ``share``, ``[year]``/``[years ...]`` an
    ``integer``; other numbers (outcomes, incidents, units) are a ``number``.

    Examples
    --------
    >>> field_kind("outcomes", "proxy"), field_kind("outcomes", "deadweight")
    ('money', 'share')
    >>> field_kind("outcomes", "lasts"), field_kind("outcomes", "quantity")
    ('integer', 'number')
    """
    description = SECTIONS[section].model_fields[field].description or ""
    if "[EUR" in description:
        return "money"
    if "[fraction" in description:
        return "share"
    if "[year]" in description or "[years" in description:
        return "integer"
    return "number"


def _input_cell(value: float, kind: str) -> Cell:
    """A numeric input as a cell; whole quantities without decimals."""
    if kind == "number" and float(value).is_integer():
        return value, WHOLE_NUMBER_FORMAT
    return value, _INPUT_FORMATS[kind]


def _base(written: Any, section: str, field: str) -> float:
    """The base value of an input, a whole number of years for ``start``, ``duration``, ..."""
    return base_value(written, whole=field_kind(section, field) == "integer")


def _input_text(written: Any, kind: str, lang: str) -> str:
    """A numeric input for people, a distribution after its base value:
    ``€ 200.000 ~ pert(170000, 200000, 260000)``."""
    value = base_value(written, whole=kind == "integer")
    if kind == "money":
        shown = fmt.money(value, lang)
    elif kind == "share":  # 30,0%, 2,25%: a second decimal only where the input has one
        shown = fmt.percent(
            value, lang, 1 if math.isclose(value * 1000, round(value * 1000)) else 2
        )
    elif kind == "integer":
        shown = str(int(value))
    else:
        shown = fmt.number(value, lang, 0 if float(value).is_integer() else 2)
    return f"{shown} ~ {distribution_text(written)}" if is_distribution(written) else shown


def input_value(path: str, value: float, lang: str) -> str:
    """A value of the input at a field path in the unit of its field: ``€ 200.000``,
    ``25,0%``, ``40`` (a switching value, a tornado's low or high).

    >>> input_value("outcomes[0].proxy", 500.0, "nl"), input_value("costs[1].growth", 0.4, "nl")
    ('€ 500', '40,0%')
    """
    if not math.isfinite(value):  # the open end of a valid range
        return fmt.number(value, lang, 0)
    head, field = path.rsplit(".", 1)  # outcomes[0].proxy, sib.price, scenario.discount_rate
    return _input_text(value, field_kind(head.split("[")[0], field), lang)


STAKEHOLDER_FIELDS = frozenset(
    {"funder", "payer", "bearer", "investor", "outcome_payer", "provider", "owner", "guarantor"}
)
"""Fields whose value is a stakeholder id: shown by the stakeholder's name."""

ENUM_FIELDS = frozenset({"kind", "category"})
"""Fields whose value comes from a closed vocabulary: shown in words (``enum_<value>``)."""


def field_label(field: str, lang: str) -> str:
    """A field of a scenario in words: ``proxy`` -> ``waarde per effect (proxy)``."""
    return t("report_beneficiaries" if field == "beneficiaries" else f"field_{field}", lang)


def value_text(field: str, value: Any, scenario: Scenario, lang: str) -> Any:
    """A text input in words: a stakeholder id as its name, a kind, category or value type in
    the language (``subsidy`` -> ``subsidie``); other values as written.

    >>> from businesscase.examples import load_example
    >>> west = load_example("west_practice")
    >>> value_text("funder", "gemeente", west, "nl"), value_text("kind", "grant", west, "nl")
    ('Gemeente Rotterdam', 'gift')
    """
    if field in STAKEHOLDER_FIELDS:
        names = {holder.id: holder.name for holder in scenario.stakeholders}
        return names.get(value, value)
    if field in ENUM_FIELDS:
        return t(f"enum_{value}", lang)
    if field == "value_type":
        return t(f"value_type_{value}", lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if value is None:
        return value
    if field == "drawdown":
        return ", ".join(fmt.percent(share, lang, 0) for share in value)
    if field in ("payers", "beneficiaries"):
        names = {holder.id: holder.name for holder in scenario.stakeholders}
        return ", ".join(
            f"{names.get(holder, holder)} {fmt.percent(share, lang, 0)}"
            for holder, share in value.items()
        )
    if field == "metrics":
        return " | ".join(metric_text(metric, scenario, lang) for metric in value)
    return value


def metric_text(metric: Any, scenario: Scenario, lang: str) -> str:
    """One metric of an outcome contract in words: ``Young people in work: price per outcome
    € 9.000; threshold 0; lag (years) 1; payers (shares) Gemeente 60%, UWV 40%``."""
    parts = [
        f"{field_label(field, lang)} "
        + _input_text(getattr(metric, field), field_kind("sib", field), lang)
        for field in ("price", "threshold", "lag")
    ]
    payers = value_text("payers", metric.payer_shares(), scenario, lang)
    parts.append(f"{field_label('payers', lang)} {payers}")
    return f"{metric.outcome}: " + "; ".join(parts)


def difference_field(section: str, field: str, scenario: Scenario, lang: str) -> str:
    """The field of a row of :func:`businesscase.batch.assumption_differences` in words: a
    beneficiary's share by the stakeholder's name, a whole line (no field) as such."""
    if not field:
        return t("compare_whole_line", lang)
    if field.startswith("metrics["):  # metrics[0].price: a field of a contract's metric
        number, rest = field.removeprefix("metrics[").split("].", 1)
        inner = difference_field(section, rest, scenario, lang)
        return f"{field_label('metrics', lang)} {int(number) + 1}: {inner}"
    if field.startswith(("beneficiaries.", "payers.")):
        names = {holder.id: holder.name for holder in scenario.stakeholders}
        holder = field.split(".", 1)[1]
        return t("workbook_share_of", lang, name=names.get(holder, holder))
    return field_label(field, lang)


def difference_text(section: str, field: str, value: Any, scenario: Scenario, lang: str) -> str:
    """A value of :func:`businesscase.batch.assumption_differences` for people: a line there
    or not (``toegevoegd`` / ``ontbreekt``), a number in its field's unit (``€ 1.200``,
    ``30,0%``), a distribution as written, ids and kinds in words.

    >>> from businesscase.examples import load_example
    >>> west = load_example("west_practice")
    >>> difference_text("costs", "amount", 1200.0, west, "nl"), difference_text(
    ...     "funding", "", False, west, "en")
    ('€ 1.200', 'absent')
    """
    if value is None:
        return fmt.MISSING
    if not field:
        return t("compare_line_present" if value else "compare_line_absent", lang)
    field = field.split("].", 1)[-1]  # a metric's field: metrics[0].price -> price
    if field.startswith(("beneficiaries.", "payers.")):
        return fmt.percent(value, lang, 0)
    if _numeric(value):
        return _input_text(value, field_kind(section, field), lang)
    return str(value_text(field, value, scenario, lang))


def _entries(scenario: Scenario, section: str) -> list[Any]:
    return [scenario.settings] if section == "scenario" else section_lines(scenario, section)


def _numeric(written: Any) -> bool:
    """Whether an input is a number or a distribution (not text, a list, a flag or None)."""
    return is_distribution(written) or (
        isinstance(written, int | float) and not isinstance(written, bool)
    )


def _plain(value: Any) -> Any:
    """A non-numeric input as a cell value: lists joined, None left blank."""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value


# --- the workbook --------------------------------------------------------------------------


def _sheet(
    book: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    freeze: str = "A2",
) -> Worksheet:
    """A table sheet: a bold, frozen header row, formatted cells and fitted column widths."""
    sheet = book.create_sheet(title[:31])
    append_row(sheet, headers)
    widths = [len(str(header)) + 2 for header in headers]
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for row in rows:
        append_row(sheet, [value for value, _ in row])
        for column, (cell, (value, number_format)) in enumerate(
            zip(sheet[sheet.max_row], row, strict=True)
        ):
            if number_format is not None and value is not None:
                cell.number_format = number_format
            shown = len(str(value)) if isinstance(value, str) else 14
            if shown > _MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[column] = max(widths[column], min(shown + 2, _MAX_WIDTH))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    return sheet


def _entry_sheet(
    book: Workbook, scenario: Scenario, section: str, entry: Any, title: str, lang: str
) -> None:
    """One entry (``[scenario]``, a contract) as rows of field, value, distribution; a
    contract's metrics follow, a block of rows each."""
    rows = []
    for field in SECTIONS[section].model_fields:
        written = getattr(entry, field)
        if field == "metrics" or (
            section == "sib" and entry.metrics is not None and field in SHORTHAND_FIELDS
        ):
            continue  # a contract's metrics follow below
        if _numeric(written):
            value = _input_cell(_base(written, section, field), field_kind(section, field))
        else:
            value = (_plain(value_text(field, written, scenario, lang)), None)
        text = distribution_text(written) if is_distribution(written) else None
        rows.append([(field_label(field, lang), None), value, (text, None)])
    if section == "sib" and entry.metrics is not None:
        for number, metric in enumerate(entry.metrics, start=1):
            for field in ("outcome", "price", "threshold", "lag", "payers"):
                label = f"{field_label('metrics', lang)} {number}: {field_label(field, lang)}"
                written = metric.payer_shares() if field == "payers" else getattr(metric, field)
                if _numeric(written):
                    value = _input_cell(_base(written, section, field), field_kind(section, field))
                else:
                    value = (value_text(field, written, scenario, lang), None)
                text = distribution_text(written) if is_distribution(written) else None
                rows.append([(label, None), value, (text, None)])
    headers = [t("field", lang), t("value", lang), t("distribution", lang)]
    _sheet(book, title, headers, rows)


def _lines_sheet(book: Workbook, scenario: Scenario, section: str, lang: str) -> None:
    """A section of lines as a table: one row per line, one column per field.

    A numeric field holds the base value (a number) in every row; where any line writes it as
    a distribution, a column next to it shows the distribution. Outcome beneficiaries get one
    share column per stakeholder (``aandeel Gemeente Rotterdam``). Headers name the fields in
    words, stakeholder ids show as names and kinds in the language.
    """
    entries = _entries(scenario, section)
    fields = list(SECTIONS[section].model_fields)
    uncertain = {f for f in fields if any(is_distribution(getattr(e, f)) for e in entries)}
    holders = [
        holder
        for holder in (s.id for s in scenario.stakeholders)
        if any(holder in getattr(e, "beneficiaries", {}) for e in entries)
    ]
    names = {holder.id: holder.name for holder in scenario.stakeholders}
    headers: list[str] = []
    for field in fields:
        if field == "beneficiaries":
            headers += [t("workbook_share_of", lang, name=names[holder]) for holder in holders]
            continue
        headers.append(field_label(field, lang))
        if field in uncertain:
            headers.append(f"{field_label(field, lang)} ({t('distribution', lang)})")
    rows = []
    for entry in entries:
        row: list[Cell] = []
        for field in fields:
            written = getattr(entry, field)
            if field == "beneficiaries":
                row += [(written.get(holder), PERCENT_FORMAT) for holder in holders]
                continue
            if _numeric(written):
                row.append(_input_cell(_base(written, section, field), field_kind(section, field)))
            else:
                row.append((_plain(value_text(field, written, scenario, lang)), None))
            if field in uncertain:
                text = distribution_text(written) if is_distribution(written) else None
                row.append((text, None))
        rows.append(row)
    _sheet(book, t(f"section_{section}", lang), headers, rows, freeze="B2")


def _figure_rows(metrics: dict[str, Any], start_year: int, lang: str) -> list[list[Cell]]:
    """Key, label, value and (for years) the calendar year of every scalar figure."""
    rows = []
    for name in SCALAR_METRICS:
        value = metrics[name]
        kind = figure_kind(name)
        calendar = start_year + value if kind == "year" and value is not None else None
        rows.append(
            [
                (name, None),
                (t(name, lang), None),
                (value, _KIND_FORMATS[kind]),
                (calendar, INTEGER_FORMAT),
            ]
        )
    return rows


def _frame_rows(frame: pd.DataFrame, formats: dict[str, str | None]) -> list[list[Cell]]:
    """A DataFrame's rows as cells, numbers as Python numbers, formats by column."""
    columns = list(frame.columns)
    return [
        [
            (_cell_value(value), formats.get(column))
            for column, value in zip(columns, row, strict=True)
        ]
        for row in frame.itertuples(index=False, name=None)
    ]


def _cell_value(value: Any) -> Any:
    """numpy scalars as Python values; NaN as a blank cell."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def flows_in_words(result: EvaluationResult, lang: str) -> pd.DataFrame:
    """``result.flows`` with words for its keys: section, kind of flow and value type in the
    language, stakeholders by name; amounts unchanged (for the app's table and the workbook)."""
    flows = result.flows
    names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
    return flows.assign(
        section=[t(f"section_{section}", lang) for section in flows["section"]],
        flow=[t(f"flow_{flow}", lang) for flow in flows["flow"]],
        stakeholder=flows["stakeholder"].map(names).fillna(""),
        counterparty=flows["counterparty"].map(names).fillna(""),
        value_type=[t(f"value_type_{kind}", lang) if kind else "" for kind in flows["value_type"]],
    )


_CONTRACT_SHARES = frozenset({"investor_irr", "breakeven_share"})
"""Columns of ``sib_contracts`` shown as percentages (the money multiple is a plain ratio)."""


def contracts_in_words(result: EvaluationResult, lang: str) -> pd.DataFrame:
    """``result.sib_contracts`` for people: one row per figure, one column per contract (its
    name), the investor by name, money, percentages and the multiple as text in ``lang`` (for
    the CLI, the app and the report). Empty without contracts.

    >>> from businesscase import evaluate
    >>> from businesscase.examples import load_example
    >>> table = contracts_in_words(evaluate(load_example("west_practice")), "nl")
    >>> table.loc["contract_investor_irr"].tolist()
    ['6,3%']
    """
    names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
    contracts = result.sib_contracts.to_dict(orient="records")
    rows = {}
    for column in result.sib_contracts.columns[1:]:
        cells = []
        for row in contracts:
            value = None if pd.isna(row[column]) else row[column]
            if column == "investor":
                cells.append(names.get(value, value))
            elif column in _CONTRACT_SHARES:
                cells.append(fmt.percent(value, lang))
            elif column == "money_multiple":
                cells.append(fmt.number(value, lang))
            else:
                cells.append(fmt.money(value, lang))
        rows[f"contract_{column}"] = cells
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=[str(row["name"]) for row in contracts]
    )


def projects_in_words(result: EvaluationResult, lang: str) -> pd.DataFrame:
    """``result.projects`` for people: one row per figure, one column per project (its name),
    money, ratios, yes/no and calendar years as text in ``lang`` (for the CLI, the app and the
    report). Empty without projects (docs/figures.md, "The projects table").

    >>> from businesscase import evaluate
    >>> from businesscase.examples import load_botu
    >>> table = projects_in_words(evaluate(load_botu()), "nl")
    >>> table.loc["project_subsidy_cliff_year", "Nabuurschap"]
    '2030 (t=3)'
    """
    start = result.scenario.settings.start_year
    projects = result.projects.to_dict(orient="records")
    rows = {}
    for column in PROJECT_COLUMNS[2:]:
        cells = []
        for row in projects:
            value = row[column]
            if column == "closes_alone":
                cells.append(t("yes" if value else "no", lang))
            elif column in PROJECT_YEARS:
                cells.append(fmt.year(value, start))
            elif column == "sroi_ratio":
                cells.append(fmt.number(None if pd.isna(value) else value, lang))
            else:
                cells.append(fmt.money(value, lang))
        rows[f"project_{column}"] = cells
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=[str(row["name"]) for row in projects]
    )


def views_in_words(result: EvaluationResult, lang: str) -> pd.DataFrame:
    """What counts, in society's view and in who pays, who benefits, as money text in ``lang``:
    :func:`businesscase.perspectives.value_by_perspective` with its row and column keys kept
    (``views_row_*`` rows, ``views_society`` and ``views_stakeholders`` columns), for the CLI,
    the app and the report.

    >>> from businesscase import evaluate
    >>> from businesscase.examples import load_example
    >>> table = views_in_words(evaluate(load_example("nabuurschap")), "nl")
    >>> list(table.columns)
    ['views_society', 'views_stakeholders']
    """
    table = perspectives.value_by_perspective(result)
    return pd.DataFrame(
        {
            f"views_{view}": [fmt.money(value, lang) for value in table[view]]
            for view in perspectives.COLUMNS
        },
        index=[f"views_row_{row}" for row in table.index],
    )


def payers_in_words(result: EvaluationResult, lang: str) -> pd.DataFrame:
    """Each outcome contract from its payers' side
    (:func:`businesscase.contract_payers.payer_table`) with money as text in ``lang``: columns
    ``payers_contract``, ``payers_name``, ``payers_pv_paid``, ``payers_pv_cashable_benefit``
    and ``payers_net_pv`` (keys of :mod:`businesscase.text`). Empty without contracts.

    >>> from businesscase import evaluate
    >>> from businesscase.examples import load_example
    >>> payers_in_words(evaluate(load_example("west_practice")), "nl")["payers_name"].tolist()
    ['Gemeente Rotterdam', 'Zorgverzekeraars']
    """
    table = payer_table(result.scenario, result).drop(columns="payer")
    for column in PAYER_MONEY:
        table[column] = [fmt.money(value, lang) for value in table[column]]
    return table.rename(columns={column: f"payers_{column}" for column in table.columns})


def contract_changes(result: EvaluationResult, lang: str) -> list[str]:
    """One sentence per return cap and per guarantee of the contracts: what it changed (the
    amount trimmed and the investor's return; the amount the guarantor paid, and when)."""
    scenario = result.scenario
    last_year = scenario.settings.start_year + scenario.settings.horizon_years - 1
    names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
    lines = []
    for bond, row in zip(scenario.contracts, result.sib_contracts.itertuples(), strict=True):
        if bond.max_irr is not None:
            key = "trimmed" if row.trimmed_by_return_cap > 0.0 else "untouched"
            irr = None if pd.isna(row.investor_irr) else row.investor_irr
            lines.append(
                t(
                    f"payers_return_cap_{key}",
                    lang,
                    contract=bond.name,
                    max_irr=fmt.percent(base_value(bond.max_irr), lang),
                    amount=fmt.money(row.trimmed_by_return_cap, lang),
                    irr=fmt.percent(irr, lang),
                )
            )
        if bond.guarantor is not None:
            key = "called" if row.guarantee_payment > 0.0 else "untouched"
            lines.append(
                t(
                    f"payers_guarantee_{key}",
                    lang,
                    contract=bond.name,
                    guarantor=names.get(bond.guarantor, bond.guarantor),
                    amount=fmt.money(row.guarantee_payment, lang),
                    year=last_year,
                )
            )
    return lines


def part_names(scenario: Scenario, lang: str) -> dict[str, str]:
    """The parts of a programme by id: each project's name, and the programme's own lines as
    ``(programma zelf)`` / ``(programme itself)``."""
    names = {project.id: project.name for project in scenario.projects}
    return names | {PROGRAMME_PART: t("programme_level", lang)}


def pool_verdict(pool: pd.DataFrame, lang: str) -> str:
    """The pool's tightest year in a sentence: the year its free pooled cash ``b(t)`` is
    lowest, and how much is free then or short (:func:`businesscase.projects.pool_by_year`).

    >>> from businesscase.examples import load_botu
    >>> from businesscase.projects import pool_by_year
    >>> pool_verdict(pool_by_year(load_botu()), "nl")
    'Het krapste jaar van de pot: 2036, € 477.145 tekort.'
    """
    free = pool.groupby("year", sort=True)["net"].sum()
    worst = float(free.min())
    key = "pool_worst_short" if worst < -CLOSE_TOLERANCE else "pool_worst"
    return t(key, lang, year=int(free.idxmin()), amount=fmt.money(abs(worst), lang))


def lending_in_words(scenario: Scenario, lent: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Who lends to whom (:func:`businesscase.projects.lending`) in words: columns
    ``lending_year``, ``lending_borrower``, ``lending_lender`` (nobody: not covered) and
    ``lending_amount`` (keys of :mod:`businesscase.text`)."""
    names = part_names(scenario, lang)
    nobody = t("lending_nobody", lang)
    return pd.DataFrame(
        {
            "lending_year": lent["year"].astype(str),
            "lending_borrower": lent["borrower"].map(names),
            "lending_lender": [
                nobody if lender is None else names[lender] for lender in lent["lender"]
            ],
            "lending_amount": [fmt.money(v, lang) for v in lent["amount"]],
        }
    )


def _pool_sheets(book: Workbook, scenario: Scenario, lang: str) -> None:
    """The pool per year and part and who lends to whom, as numbers [EUR, current euros]."""
    pool = pool_by_year(scenario)
    names = part_names(scenario, lang)
    rows = [
        [
            (int(row.year), INTEGER_FORMAT),
            (names[row.part], None),
            *((float(value), MONEY_FORMAT) for value in (row.brought, row.drawn, row.net)),
        ]
        for row in pool.itertuples()
    ]
    headers = [t("lending_year", lang), t("project_name", lang)]
    headers += [t(f"pool_{column}", lang) for column in ("brought", "drawn", "net")]
    _sheet(book, t("pool_title", lang), headers, rows, freeze="C2")
    nobody = t("lending_nobody", lang)
    rows = [
        [
            (int(row.year), INTEGER_FORMAT),
            (names[row.borrower], None),
            (nobody if row.lender is None else names[row.lender], None),
            (float(row.amount), MONEY_FORMAT),
        ]
        for row in lending(pool).itertuples()
    ]
    headers = [t(f"lending_{column}", lang) for column in ("year", "borrower", "lender", "amount")]
    _sheet(book, t("lending_title", lang), headers, rows, freeze="C2")


def _contracts_sheet(book: Workbook, result: EvaluationResult, lang: str) -> None:
    """The outcome contracts' figures: one row per figure, one column per contract."""
    table = result.sib_contracts
    names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
    rows = []
    for column in table.columns[1:]:
        if column == "investor":
            cells = [(names.get(value, value), None) for value in table[column]]
        else:
            number_format = (
                PERCENT_FORMAT
                if column in _CONTRACT_SHARES
                else RATIO_FORMAT
                if column == "money_multiple"
                else MONEY_FORMAT
            )
            cells = [(None if pd.isna(v) else float(v), number_format) for v in table[column]]
        rows.append([(t(f"contract_{column}", lang), None), *cells])
    headers = [t("contract_name", lang), *(str(name) for name in table["name"])]
    _sheet(book, t("sib_contracts", lang), headers, rows, freeze="B2")


def _views_sheet(book: Workbook, result: EvaluationResult, lang: str) -> None:
    """What counts: society's view and who pays, who benefits side by side [EUR, PV]."""
    table = perspectives.value_by_perspective(result)
    rows = [
        [(t(f"views_row_{row}", lang), None), *((float(v), MONEY_FORMAT) for v in values)]
        for row, values in zip(table.index, table.values, strict=True)
    ]
    headers = [t("views_line", lang), *(t(f"views_{view}", lang) for view in table.columns)]
    _sheet(book, t("sheet_views", lang), headers, rows, freeze="B2")


def _projects_sheet(book: Workbook, result: EvaluationResult, lang: str) -> None:
    """The programme's projects, one row each: on their own money and what they need from
    the pool (calendar years for the year columns)."""
    start = result.scenario.settings.start_year
    rows = []
    for project in result.projects.to_dict(orient="records"):
        cells: list[Cell] = [(project["name"], None)]
        for column in PROJECT_COLUMNS[2:]:
            value = _cell_value(project[column])
            if column in PROJECT_YEARS:
                cells.append((None if value is None else start + value, INTEGER_FORMAT))
            elif column == "sroi_ratio":
                cells.append((value, RATIO_FORMAT))
            elif column == "closes_alone":
                cells.append((t("yes" if value else "no", lang), None))
            else:
                cells.append((value, MONEY_FORMAT))
        rows.append(cells)
    headers = [t(f"project_{column}", lang) for column in PROJECT_COLUMNS[1:]]
    _sheet(book, t("projects_table", lang), headers, rows, freeze="B2")


def _payers_sheet(book: Workbook, result: EvaluationResult, lang: str) -> None:
    """Each outcome contract from its payers' side, one row per contract and payer [EUR, PV]."""
    table = payer_table(result.scenario, result).drop(columns="payer")
    formats = dict.fromkeys(PAYER_MONEY, MONEY_FORMAT)
    headers = [t(f"payers_{column}", lang) for column in table.columns]
    _sheet(book, t("sheet_payers", lang), headers, _frame_rows(table, formats), freeze="C2")


def _money_columns(frame: pd.DataFrame, other: dict[str, str]) -> dict[str, str | None]:
    """Money format for every numeric column of ``frame`` that ``other`` does not name."""
    numeric = frame.select_dtypes("number").columns
    return {column: other.get(column, MONEY_FORMAT) for column in numeric}


def _summary_sheet(
    book: Workbook, result: EvaluationResult, simulation: SimulationResult | None, lang: str
) -> None:
    """The first sheet: what this is, the verdict, the discounting convention, Monte Carlo."""
    settings = result.scenario.settings
    sheet = book.create_sheet(t("sheet_summary", lang))
    append_row(sheet, [settings.name])
    sheet["A1"].font = TITLE_FONT
    facts: list[tuple[str, Any, str | None]] = [
        (t("area", lang), settings.area, None),
        (t("period", lang), _period(result), None),
        (t("closes", lang), bool(result.metrics["closes"]), None),
        (t("funding_gap", lang), result.metrics["funding_gap"], MONEY_FORMAT),
    ]
    if simulation is not None:
        facts += [
            (t("draws", lang), len(simulation.per_draw["closes"]), WHOLE_NUMBER_FORMAT),
            (t("seed", lang), simulation.seed, INTEGER_FORMAT),
            (t("p_closes", lang), simulation.p_closes, PERCENT_FORMAT),
            (t("p_sroi_above_1", lang), simulation.p_sroi_above_1, PERCENT_FORMAT),
        ]
    for label, value, number_format in facts:
        append_row(sheet, [label, value])
        sheet.cell(sheet.max_row, 1).font = HEADER_FONT
        if number_format is not None:
            sheet.cell(sheet.max_row, 2).number_format = number_format
    for sentence in (
        verdict(result, lang),
        discount_note(result, lang),
        _generated_by(lang),
    ):
        append_row(sheet, [sentence])
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 40


def _generated_by(lang: str) -> str:
    return t("generated_by", lang, version=__version__)


def _period(result: EvaluationResult) -> str:
    settings = result.scenario.settings
    return f"{settings.start_year}–{settings.start_year + settings.horizon_years - 1}"


def verdict(
    result: EvaluationResult, lang: str = "nl", *, proposal: GapProposal | None = None
) -> str:
    """Whether the business case closes, in one sentence; a gap explained.

    The gap is one number, the undiscounted shortfall at the lowest point of the cash balance
    (``funding_gap``, docs/figures.md). Close-the-gap works in present values: the same money,
    paid in the years that fall short, is worth ``pv_needed`` at ``start_year``, the sum it
    divides among the stakeholders. The sentence names both and how they relate, and, when
    the stakeholders' cashable benefits cannot cover it, what remains.

    Parameters
    ----------
    result : EvaluationResult
        The evaluated scenario.
    lang : {"nl", "en"}, default "nl"
    proposal : GapProposal, optional
        ``close_the_gap(result.scenario)`` when already computed.

    Examples
    --------
    >>> from businesscase import evaluate, examples
    >>> print(verdict(evaluate(examples.load_example("west_practice")), "en"))
    The business case does not close: €25,413 is missing at the lowest point of the cash \
balance, in 2033 (t=6) (undiscounted); paid in the years that fall short, that money is worth \
€19,842 in present value at 2027, the sum close-the-gap divides among the stakeholders.
    """
    metrics = result.metrics
    if metrics["closes"]:
        return t("closes_verdict", lang)
    proposal = close_the_gap(result.scenario) if proposal is None else proposal
    settings = result.scenario.settings
    lowest = int(np.argmin(metrics["cash_balance"]))
    sentence = t(
        "gap_explained" if proposal.closes else "gap_explained_short",
        lang,
        gap=fmt.money(metrics["funding_gap"], lang),
        year=fmt.year(lowest, settings.start_year),
        pv=fmt.money(proposal.pv_needed, lang),
        start=settings.start_year,
        cashable=fmt.money(proposal.pv_cashable_total, lang),
        shortfall=fmt.money(proposal.shortfall, lang),
    )
    return sentence


def excel_pv_formula(horizon_years: int, lang: str) -> str:
    """Excel's formula for our present value of a row of yearly amounts in ``B2`` onwards.

    Year 0 (``B2``) is not discounted; Excel's ``NPV()`` discounts its first cell once, so the
    later years go into it: ``=B2 + NPV(r, C2:K2)`` for ten years. Dutch Excel separates
    arguments with ``;``.

    >>> excel_pv_formula(10, "en"), excel_pv_formula(15, "nl"), excel_pv_formula(1, "en")
    ('=B2 + NPV(r, C2:K2)', '=B2 + NPV(r; C2:P2)', '=B2')
    """
    if horizon_years == 1:
        return "=B2"
    separator = ";" if lang == "nl" else ","
    return f"=B2 + NPV(r{separator} C2:{get_column_letter(horizon_years + 1)}2)"


def discount_note(result: EvaluationResult, lang: str = "nl") -> str:
    """How present values are discounted and how to get the same number in Excel, with the
    formula for this scenario's horizon (docs/methodology.md, Conventions)."""
    settings = result.scenario.settings
    rate = fmt.percent(base_value(settings.discount_rate), lang, 2)
    horizon = settings.horizon_years
    return t(
        "discount_note_excel",
        lang,
        first=settings.start_year,
        last=settings.start_year + horizon - 1,
        end=get_column_letter(horizon + 1),
        formula=excel_pv_formula(horizon, lang),
        start=settings.start_year,
        rate=rate,
    )


def _monte_carlo_sheets(book: Workbook, simulation: SimulationResult, lang: str) -> None:
    """Percentiles of every figure and the cash balance fan."""
    rows = []
    for name, row in simulation.summary.iterrows():
        number_format = _SUMMARY_FORMATS[fmt.figure_kind(name)]
        stats = [(_cell_value(row[c]), number_format) for c in ("mean", "p5", "p50", "p95")]
        if not fmt.meaningful_mean(name, row):  # no mean of years, nor of a wild IRR
            stats[0] = (None, None)
        rows.append(
            [
                (name, None),
                (t(name, lang), None),
                *stats,
                (_cell_value(row["share_null"]), PERCENT_FORMAT),
            ]
        )
    headers = [
        t("key", lang),
        t("figures", lang),
        t("mean", lang),
        "P5",
        "P50",
        "P95",
        t("uncertainty_share_null", lang),
    ]
    _sheet(book, t("sheet_percentiles", lang), headers, rows, freeze="C2")
    fan = simulation.cash_balance_percentiles
    _sheet(
        book,
        t("sheet_fan", lang),
        [t(f"yearly_{c}", lang) if c in ("year", "t") else c.upper() for c in fan.columns],
        _frame_rows(fan, _money_columns(fan, _YEARLY_FORMATS)),
        freeze="C2",
    )


def build_workbook(
    scenario: Scenario,
    *,
    result: EvaluationResult | None = None,
    simulation: SimulationResult | None = None,
    monitoring: MonitorResult | None = None,
    lang: str = "nl",
) -> Workbook:
    """The export workbook as an openpyxl object (see :func:`write_workbook`)."""
    _check_language(lang)
    result = _result_for(scenario, result)
    simulation = _simulation_for(scenario, simulation)
    book = Workbook()
    book.remove(book.active)
    _summary_sheet(book, result, simulation, lang)
    start = scenario.settings.start_year
    headers = [t("key", lang), t("figures", lang), t("value", lang), t("calendar_year", lang)]
    _sheet(
        book,
        t("sheet_figures", lang),
        headers,
        _figure_rows(result.metrics, start, lang),
        freeze="C2",
    )
    holders = result.stakeholders
    sheet = _sheet(
        book,
        t("sheet_stakeholders", lang),
        [t("field_id", lang), t("stakeholder", lang), *(t(c, lang) for c in STAKEHOLDER_COLUMNS)],
        _frame_rows(holders, dict.fromkeys(STAKEHOLDER_COLUMNS, MONEY_FORMAT)),
        freeze="C2",
    )
    colours = charts.stakeholder_colours(scenario)
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):  # the stakeholder's chart colour
        cell.fill = PatternFill("solid", fgColor=colours[cell.value].lstrip("#").upper())
        cell.font = Font(bold=True, color="FFFFFF")
    _views_sheet(book, result, lang)
    if not result.sib_contracts.empty:
        _contracts_sheet(book, result, lang)
        _payers_sheet(book, result, lang)
    if not result.projects.empty:
        _projects_sheet(book, result, lang)
        _pool_sheets(book, scenario, lang)
    yearly = result.yearly
    _sheet(
        book,
        t("sheet_yearly", lang),
        [t(f"yearly_{column}", lang) for column in yearly.columns],
        _frame_rows(yearly, _money_columns(yearly, _YEARLY_FORMATS)),
        freeze="C2",
    )
    flows = flows_in_words(result, lang)
    _sheet(
        book,
        t("sheet_flows", lang),
        [t(f"flows_{column}", lang) for column in flows.columns],
        _frame_rows(flows, _money_columns(flows, _YEARLY_FORMATS)),
        freeze="C2",
    )
    add_value_map(book, scenario, lang)
    if simulation is not None:
        _monte_carlo_sheets(book, simulation, lang)
    if monitoring is not None:
        _monitoring_sheets(book, monitoring, lang)
    for section in SECTIONS:
        if section == "scenario":
            _entry_sheet(
                book, scenario, section, scenario.settings, t("section_scenario", lang), lang
            )
        elif section == "sib":
            for bond in scenario.contracts:  # a sheet per contract
                title = t("section_sib", lang)
                if len(scenario.contracts) > 1:
                    title = f"{title} {bond.name}"
                _entry_sheet(book, scenario, section, bond, title, lang)
        elif _entries(scenario, section):
            _lines_sheet(book, scenario, section, lang)
    return book


def workbook_bytes(
    scenario: Scenario,
    *,
    result: EvaluationResult | None = None,
    simulation: SimulationResult | None = None,
    monitoring: MonitorResult | None = None,
    lang: str = "nl",
) -> bytes:
    """The export workbook as the bytes of an ``.xlsx`` file (for a download button).

    See :func:`write_workbook` for the parameters and the sheets.
    """
    buffer = io.BytesIO()
    book = build_workbook(
        scenario, result=result, simulation=simulation, monitoring=monitoring, lang=lang
    )
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(
    scenario: Scenario,
    path: str | os.PathLike[str],
    *,
    result: EvaluationResult | None = None,
    simulation: SimulationResult | None = None,
    monitoring: MonitorResult | None = None,
    lang: str = "nl",
) -> Path:
    """Write the scenario, its figures and its flows to an Excel workbook, atomically.

    Sheets, in order: a summary (verdict, discounting convention, Monte Carlo headline), the
    figures of docs/figures.md (key, label, value; years as offsets ``t`` with the calendar
    year beside), the stakeholder table, the yearly series, the tidy flow table, the Monte
    Carlo percentiles and cash balance fan (only when ``simulation`` is given and the scenario
    has distributions), with ``monitoring`` the plan against the actuals (one row per year and
    line reported or missing) and the figures of plan and reforecast side by side
    (docs/monitoring.md), and the inputs, one sheet per section present in the scenario.
    Amounts are formatted as whole euros, fractions as percentages; cells keep full values.

    Parameters
    ----------
    scenario : Scenario
        The scenario exported.
    path : path-like
        Where to write the ``.xlsx`` file; an existing file is replaced only once the new one
        is complete.
    result : EvaluationResult, optional
        ``evaluate(scenario)`` when already computed (it must be of this scenario).
    simulation : SimulationResult, optional
        ``simulate(scenario, ...)``, for the Monte Carlo sheets.
    monitoring : MonitorResult, optional
        ``monitor(scenario, actuals)``, for the plan-versus-actual sheets.
    lang : {"nl", "en"}, default "nl"
        Language of sheet names, labels and sentences; field and figure keys stay the documented
        names.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    data = workbook_bytes(
        scenario, result=result, simulation=simulation, monitoring=monitoring, lang=lang
    )
    return write_atomic(path, data)


# --- the HTML report -----------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 2px solid #dde4ee; }
.meta, .note { color: #55606e; } .note { font-size: 0.9em; }
.verdict { font-size: 1.15em; font-weight: 600; padding: 0.7em 1em; border-radius: 6px; }
.verdict.closes { background: #e3f4e8; border-left: 6px solid #3a9d5d; }
.verdict.gap { background: #fbe5e5; border-left: 6px solid #d62728; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border-bottom: 1px solid #dde4ee; padding: 0.25em 0.7em; vertical-align: top; }
th { background: #eef2f7; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.chart { margin: 1em 0; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  .chart, .verdict, tr, table.figures { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
"""Screen and print styles: charts and rows never split over pages, table headers repeat."""

_YEARLY_COLUMNS = (
    "costs",
    "benefits",
    "net_benefit",
    "inflows",
    "outflows",
    "net_cash",
    "cash_balance",
)
"""Columns of ``result.yearly`` in the report's yearly table (all EUR)."""

TORNADO_ROWS = 15
"""Inputs shown in the report's tornado: those with the largest swing of ``npv_social`` (a
programme has dozens; the CLI's ``sensitivity`` and the app list them all)."""

_SKIPPED_INPUTS = frozenset({"name", "proxy_source", "indicator", "start", "duration"})
"""Fields shown elsewhere in a row of the assumptions table (line, years, source)."""


def _esc(value: object) -> str:
    """Any text from a scenario or a format, escaped for HTML (quotes too)."""
    return html.escape(str(value), quote=True)


def _html_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[bool], css: str = ""
) -> str:
    """A table with a repeated header; every cell is escaped here."""
    align = [' class="num"' if is_number else "" for is_number in numeric]
    head = "".join(f"<th{a}>{_esc(h)}</th>" for a, h in zip(align, headers, strict=True))
    body = "".join(
        "<tr>"
        + "".join(f"<td{a}>{_esc(c)}</td>" for a, c in zip(align, row, strict=True))
        + "</tr>"
        for row in rows
    )
    css = f' class="{css}"' if css else ""
    return f"<table{css}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figures_table(result: EvaluationResult, lang: str) -> str:
    start_year = result.scenario.settings.start_year
    names = [
        name for name in SCALAR_METRICS if result.scenario.contracts or not name.startswith("sib_")
    ]
    rows = [
        (t(name, lang), fmt.figure_text(name, result.metrics[name], lang, start_year))
        for name in names
    ]
    return _html_table([t("figures", lang), t("value", lang)], rows, [False, True], "figures")


def _side_by_side_section(table: pd.DataFrame, title: str, first: str, lang: str) -> str:
    """A table in words under its heading: one row per figure (its text key as index), one
    column per contract, project or view (nothing when the table is empty)."""
    if table.empty:
        return ""
    rows = [[t(key, lang), *values] for key, values in zip(table.index, table.values, strict=True)]
    headers = [t(first, lang), *table.columns]
    html = _html_table(headers, rows, [False] + [True] * len(table.columns))
    return f"<h2>{_esc(t(title, lang))}</h2>{html}"


def _views_section(result: EvaluationResult, lang: str) -> str:
    """What counts: society's view and who pays, who benefits, and why they differ."""
    views = views_in_words(result, lang)
    views.columns = [t(column, lang) for column in views.columns]
    note = t("views_note", lang, transfers=fmt.money(result.metrics["pv_transfers"], lang))
    section = _side_by_side_section(views, "views_title", "views_line", lang)
    return f'{section}<p class="note">{_esc(note)}</p>'


def _payers_section(result: EvaluationResult, lang: str) -> str:
    """The outcome contracts from the payers' side and what a return cap or guarantee changed
    (nothing without contracts)."""
    table = payers_in_words(result, lang)
    if table.empty:
        return ""
    start = result.scenario.settings.start_year
    headers = [t(column, lang) for column in table.columns]
    rows = table.itertuples(index=False, name=None)
    numeric = [column.removeprefix("payers_") in PAYER_MONEY for column in table.columns]
    changes = "".join(f"<p>{_esc(line)}</p>" for line in contract_changes(result, lang))
    return (
        f"<h2>{_esc(t('sib_payers', lang))}</h2>"
        f'<p class="note">{_esc(t("sib_payers_caption", lang, start=start))}</p>'
        f"{_html_table(headers, rows, numeric)}{changes}"
    )


def _projects_section(result: EvaluationResult, lang: str) -> str:
    """The programme's projects side by side, and what earmarked and pooled money mean
    (nothing without projects)."""
    table = projects_in_words(result, lang)
    if table.empty:
        return ""
    section = _side_by_side_section(table, "projects_table", "project_name", lang)
    scenario = result.scenario
    pool = pool_by_year(scenario)
    figure = charts.pool_over_years(pool, part_names(scenario, lang), lang)
    chart = figure.to_html(
        full_html=False,
        include_plotlyjs=False,  # embedded once, with the first chart of the report
        config={"displaylogo": False, "responsive": True},
        default_height="440px",
        div_id="chart-pool",
    )
    lent = lending_in_words(scenario, lending(pool), lang)
    if lent.empty:
        lent_html = f"<p>{_esc(t('lending_none', lang))}</p>"
    else:
        headers = [t(column, lang) for column in lent.columns]
        rows = lent.itertuples(index=False, name=None)
        lent_html = _html_table(headers, rows, [False, False, False, True])
    return (
        f'{section}<p class="note">{_esc(t("projects_note", lang))}</p>'
        f"<h2>{_esc(t('pool_title', lang))}</h2>"
        f'<div class="chart">{chart}</div>'
        f'<p class="note">{_esc(t("pool_caption", lang))}</p>'
        f"<p>{_esc(pool_verdict(pool, lang))}</p>"
        f"<h2>{_esc(t('lending_title', lang))}</h2>"
        f'<p class="note">{_esc(t("lending_caption", lang))}</p>{lent_html}'
    )


def _stakeholder_table(result: EvaluationResult, lang: str) -> str:
    rows = [
        [row["name"], *(fmt.money(row[column], lang) for column in STAKEHOLDER_COLUMNS)]
        for row in result.stakeholders.to_dict(orient="records")
    ]
    headers = [t("stakeholder", lang), *(t(column, lang) for column in STAKEHOLDER_COLUMNS)]
    return _html_table(headers, rows, [False] + [True] * len(STAKEHOLDER_COLUMNS))


def _yearly_table(result: EvaluationResult, lang: str) -> str:
    columns = list(_YEARLY_COLUMNS)
    if result.scenario.contracts:
        columns.append("sib_payments")
    rows = [
        [str(row["year"]), *(fmt.money(row[column], lang) for column in columns)]
        for row in result.yearly.to_dict(orient="records")
    ]
    headers = [t("yearly_year", lang), *(t(f"yearly_{column}", lang) for column in columns)]
    return _html_table(headers, rows, [False] + [True] * len(columns))


def _years_text(entry: Any, section: str, scenario: Scenario) -> str:
    """The calendar years a line runs, cut at the horizon: ``2027–2031``."""
    settings = scenario.settings
    if section in ("stakeholders", "projects", "correlations"):
        return ""
    start = whole_base_value(entry.start)  # a start that may slip: its rounded base
    first = settings.start_year + start
    if section == "sib" or (section == "funding" and entry.kind == "loan"):
        return str(first)
    duration = whole_base_value(entry.duration)
    last = settings.start_year + min(start + duration, settings.horizon_years) - 1
    return str(first) if last == first else f"{first}–{last}"


def _inputs_text(entry: Any, section: str, scenario: Scenario, lang: str) -> str:
    """Every other field of a line in words: ``bedrag: € 200.000 ~ pert(...); groei: 0,0%;
    financier: Gemeente Rotterdam``."""
    parts = []
    for field in SECTIONS[section].model_fields:
        written = getattr(entry, field)
        if field in _SKIPPED_INPUTS or written is None or written == "":
            continue
        if _numeric(written):
            shown = _input_text(written, field_kind(section, field), lang)
        else:
            shown = _plain(value_text(field, written, scenario, lang))
        parts.append(f"{field_label(field, lang)}: {shown}")
    return "; ".join(parts)


def _assumptions(scenario: Scenario, lang: str) -> str:
    """One table per section present: line, years, inputs (distributions shown), sources."""
    parts = []
    for section in SECTIONS:
        if section == "scenario" or not _entries(scenario, section):
            continue
        rows = []
        for entry in _entries(scenario, section):
            source = "; ".join(
                str(getattr(entry, field))
                for field in ("indicator", "proxy_source")
                if getattr(entry, field, "")
            )
            rows.append(
                [
                    getattr(entry, "name", t(f"section_{section}", lang)),
                    _years_text(entry, section, scenario),
                    _inputs_text(entry, section, scenario, lang),
                    source,
                ]
            )
        headers = [t(key, lang) for key in ("report_line", "report_years", "report_inputs")]
        table = _html_table([*headers, t("report_source", lang)], rows, [False] * 4)
        parts.append(f"<h3>{_esc(t(f'section_{section}', lang))}</h3>{table}")
    note = t("report_distribution_note", lang) if uncertain_inputs(scenario) else ""
    return (f'<p class="note">{_esc(note)}</p>' if note else "") + "".join(parts)


def _uncertainty(
    simulation: SimulationResult, start_year: int, has_sib: bool, lang: str
) -> tuple[str, str]:
    """The Monte Carlo heading and a table of mean and percentiles of every figure."""
    draws = len(simulation.per_draw["closes"])
    heading = t("report_uncertainty", lang, draws=fmt.number(draws, lang, 0), seed=simulation.seed)
    rows = [
        (t("p_closes", lang), fmt.percent(simulation.p_closes, lang), "", "", ""),
        (t("p_sroi_above_1", lang), fmt.percent(simulation.p_sroi_above_1, lang), "", "", ""),
    ]
    for name, row in simulation.summary.iterrows():
        if name == "closes" or (name.startswith("sib_") and not has_sib):
            continue
        cells = [
            fmt.summary(name, column, row, lang, start_year)
            for column in ("mean", "p5", "p50", "p95")
        ]
        rows.append((t(name, lang), *cells))
    headers = [t("figures", lang), t("mean", lang), "P5", "P50", "P95"]
    return heading, _html_table(headers, rows, [False, True, True, True, True])


def _charts(
    result: EvaluationResult,
    simulation: SimulationResult | None,
    sensitivity: SensitivityResult | None,
    lang: str,
) -> tuple[list[Any], list[Any]]:
    """The report's plotly figures: the deterministic ones, then the uncertainty ones."""
    main = [
        charts.financing_by_year(result, lang),
        charts.cash_balance(result, lang),
        charts.benefits_by_stakeholder(result, lang),
        charts.benefits_by_value_type(result, lang),
        charts.who_pays_who_benefits(result, lang),
        charts.sib_view(result, lang),
    ]
    spread = []
    if simulation is not None:
        spread += [
            charts.cash_balance_fan(simulation, lang),
            charts.distribution(simulation, "npv_social", lang),
            charts.distribution(simulation, "funding_gap", lang),
        ]
    if sensitivity is not None and not sensitivity.table.empty:
        spread.append(charts.tornado(sensitivity, lang, top=TORNADO_ROWS))
    return [figure for figure in main if figure is not None], spread


def html_report(
    scenario: Scenario,
    *,
    result: EvaluationResult | None = None,
    simulation: SimulationResult | None = None,
    sensitivity: SensitivityResult | None = None,
    monitoring: MonitorResult | None = None,
    lang: str = "nl",
) -> str:
    """A self-contained HTML report of one scenario, for the screen and for paper.

    In order: the title with area, period and themes; the verdict (does the business case
    close?); the figures of docs/figures.md and the discounting convention; the charts of
    :mod:`businesscase.charts`; with a simulation, the Monte Carlo table and charts (and the
    tornado with a sensitivity result); the stakeholder table; the yearly table; the
    assumptions of every line with their sources. plotly's JavaScript is embedded once, so
    the file opens without a network; charts have fixed ids, so the same input gives the
    same file. Every text from the scenario is HTML-escaped; numbers
    are formatted by :mod:`businesscase.formatting`.

    Parameters
    ----------
    scenario : Scenario
        The scenario reported.
    result : EvaluationResult, optional
        ``evaluate(scenario)`` when already computed (it must be of this scenario).
    simulation : SimulationResult, optional
        ``simulate(scenario, ...)``; shown only when the scenario has distributions.
    sensitivity : SensitivityResult, optional
        ``sensitivity(scenario)``, for the tornado chart.
    monitoring : MonitorResult, optional
        ``monitor(scenario, actuals)``: a monitoring section after the figures (the
        reforecast's verdict, plan and reforecast side by side, the variance with the largest
        first and the reports still missing).
    lang : {"nl", "en"}, default "nl"

    Returns
    -------
    str
        The HTML document.
    """
    _check_language(lang)
    result = _result_for(scenario, result)
    simulation = _simulation_for(scenario, simulation)
    settings = scenario.settings
    main, spread = _charts(result, simulation, sensitivity, lang)
    config = {"displaylogo": False, "responsive": True}
    embedded = [
        figure.to_html(
            full_html=False,
            include_plotlyjs=index == 0,
            config=config,
            default_height="440px",
            div_id=f"chart-{index}",
        )
        for index, figure in enumerate([*main, *spread])
    ]
    main_html = "".join(f'<div class="chart">{chart}</div>' for chart in embedded[: len(main)])
    spread_html = "".join(f'<div class="chart">{chart}</div>' for chart in embedded[len(main) :])

    meta = [settings.area, _period(result)]
    if settings.themes:
        meta.append(f"{t('report_themes', lang)}: {', '.join(settings.themes)}")
    closes = "closes" if result.metrics["closes"] else "gap"
    parts = [
        f"<h1>{_esc(settings.name)}</h1>",
        f'<p class="meta">{_esc(" · ".join(part for part in meta if part))}</p>',
        f"<p>{_esc(settings.description)}</p>" if settings.description else "",
        f'<p class="verdict {closes}">{_esc(verdict(result, lang))}</p>',
        f"<h2>{_esc(t('sheet_figures', lang))}</h2>",
        _figures_table(result, lang),
        f'<p class="note">{_esc(discount_note(result, lang))}</p>',
        _monitoring_section(monitoring, lang),
        f"<h2>{_esc(t('report_charts', lang))}</h2>",
        main_html,
    ]
    if simulation is not None:
        heading, table = _uncertainty(
            simulation, settings.start_year, bool(scenario.contracts), lang
        )
        note = f'<p class="note">{_esc(t("uncertainty_summary_note", lang))}</p>'
        parts += [f"<h2>{_esc(heading)}</h2>", table, note, spread_html]
    elif spread_html:
        parts.append(spread_html)
    if sensitivity is not None and len(sensitivity.table) > TORNADO_ROWS:
        total = len(sensitivity.table)
        note = t("report_tornado_top", lang, shown=TORNADO_ROWS, total=total)
        parts.append(f'<p class="note">{_esc(note)}</p>')
    parts += [
        f"<h2>{_esc(t('who_pays_who_benefits', lang))}</h2>",
        _stakeholder_table(result, lang),
        _views_section(result, lang),
        _side_by_side_section(
            contracts_in_words(result, lang), "sib_contracts", "contract_name", lang
        ),
        _payers_section(result, lang),
        _projects_section(result, lang),
        f"<h2>{_esc(t('report_yearly', lang))}</h2>",
        _yearly_table(result, lang),
        f"<h2>{_esc(t('report_assumptions', lang))}</h2>",
        _assumptions(scenario, lang),
        f'<p class="note">{_esc(_generated_by(lang))}</p>',
    ]
    title = f"{settings.name} — {t('report_title', lang)}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in parts if part)
        + "\n</body>\n</html>\n"
    )


def write_html(
    scenario: Scenario,
    path: str | os.PathLike[str],
    *,
    result: EvaluationResult | None = None,
    simulation: SimulationResult | None = None,
    sensitivity: SensitivityResult | None = None,
    monitoring: MonitorResult | None = None,
    lang: str = "nl",
) -> Path:
    """Write :func:`html_report` to ``path`` (UTF-8), atomically; returns the path."""
    report = html_report(
        scenario,
        result=result,
        simulation=simulation,
        sensitivity=sensitivity,
        monitoring=monitoring,
        lang=lang,
    )
    return write_atomic(path, report.encode("utf-8"))


# --- monitoring: plan against actuals (docs/monitoring.md) -----------------------------------

MONITOR_FIGURES: tuple[str, ...] = (
    "pv_costs",
    "pv_benefits",
    "npv_social",
    "sroi_ratio",
    "pv_financing",
    "closes",
    "funding_gap",
    "first_short_year",
    "min_cash_balance",
)
"""The figures monitoring puts side by side, plan and reforecast (CLI, report, app)."""


def plan_against_actuals(monitoring: MonitorResult, lang: str) -> pd.DataFrame:
    """Every reported and every missing year and line, in year and line order.

    Columns: ``year``, ``line`` (path), ``name``, ``section`` (in words), ``counted`` (True for
    outcomes), ``planned``, ``actual`` (NaN when missing), ``difference``,
    ``difference_share``, ``note`` [EUR, current euros of the year; outcomes: counts].
    """
    scenario = monitoring.planned.scenario
    plan = planned_values(scenario)
    start = scenario.settings.start_year
    missing = monitoring.missing.assign(
        section=monitoring.missing["line"].str.split("[").str[0],
        note=t("monitor_not_reported", lang),
    )
    missing["planned"] = [
        float(plan[row.section, int(row.line.split("[")[1][:-1])][row.year - start])
        for row in missing.itertuples()
    ]
    rows = pd.concat([monitoring.variance, missing], ignore_index=True)
    order = [
        (row.year, ACTUAL_SECTIONS.index(row.section), int(row.line.split("[")[1][:-1]))
        for row in rows.itertuples()
    ]
    rows = rows.iloc[sorted(range(len(rows)), key=order.__getitem__)].reset_index(drop=True)
    return pd.DataFrame(
        {
            "year": rows["year"].astype("int64"),
            "line": rows["line"],
            "name": rows["name"],
            "section": [t(f"section_{section}", lang) for section in rows["section"]],
            "counted": rows["section"].isin(COUNTED),
            "planned": rows["planned"].astype(float),
            "actual": rows["actual"].astype(float),
            "difference": rows["difference"].astype(float),
            "difference_share": rows["difference_share"].astype(float),
            "note": rows["note"].fillna(""),
        }
    )


_MONITOR_COLUMNS = (
    "monitor_year",
    "monitor_path",
    "monitor_line",
    "monitor_section",
    "monitor_planned",
    "monitor_actual",
    "monitor_difference",
    "monitor_share",
    "monitor_note",
)
"""Headers (text keys) of the plan-versus-actual sheet."""


def _monitoring_sheets(book: Workbook, monitoring: MonitorResult, lang: str) -> None:
    """The plan against the actuals per year and line, and the figures of plan and reforecast
    with the reforecast's verdict below."""
    rows = []
    for row in plan_against_actuals(monitoring, lang).to_dict(orient="records"):
        amount = NUMBER_FORMAT if row["counted"] else MONEY_FORMAT
        rows.append(
            [
                (row["year"], INTEGER_FORMAT),
                (row["line"], None),
                (row["name"], None),
                (row["section"], None),
                *((_cell_value(row[key]), amount) for key in ("planned", "actual", "difference")),
                (_cell_value(row["difference_share"]), PERCENT_FORMAT),
                (row["note"], None),
            ]
        )
    headers = [t(key, lang) for key in _MONITOR_COLUMNS]
    _sheet(book, t("sheet_monitoring", lang), headers, rows, freeze="C2")
    figures = [
        [
            (name, None),
            (t(name, lang), None),
            *(
                (figures.metrics[name], _KIND_FORMATS[figure_kind(name)])
                for figures in (monitoring.planned, monitoring.reforecast)
            ),
        ]
        for name in SCALAR_METRICS
    ]
    headers = [t(key, lang) for key in ("key", "figures", "monitor_plan", "monitor_reforecast")]
    sheet = _sheet(book, t("sheet_reforecast", lang), headers, figures, freeze="C2")
    append_row(sheet, [])
    append_row(sheet, [monitor_verdict(monitoring, lang)])


def _monitoring_section(monitoring: MonitorResult | None, lang: str) -> str:
    """The report's monitoring section: verdict, plan and reforecast, the variance with the
    largest first, the reports still missing; "" without actuals."""
    if monitoring is None:
        return ""
    start = monitoring.planned.scenario.settings.start_year
    closes = "closes" if monitoring.reforecast.metrics["closes"] else "gap"
    figures = _html_table(
        [t("figures", lang), t("monitor_plan", lang), t("monitor_reforecast", lang)],
        [
            [t(name, lang)]
            + [
                fmt.figure_text(name, figures.metrics[name], lang, start)
                for figures in (monitoring.planned, monitoring.reforecast)
            ]
            for name in MONITOR_FIGURES
        ],
        [False, True, True],
        "figures",
    )
    columns = ("monitor_line", "monitor_year", "monitor_planned", "monitor_actual")
    columns += ("monitor_difference", "monitor_share", "monitor_note")
    variance = _html_table(
        [t(key, lang) for key in columns],
        [
            [row["name"], str(row["year"])]
            + [
                amount_text(row[key], row["section"], lang)
                for key in ("planned", "actual", "difference")
            ]
            + [fmt.percent(_cell_value(row["difference_share"]), lang), row["note"]]
            for row in monitoring.ranked().to_dict(orient="records")
        ],
        [False, True, True, True, True, True, False],
    )
    parts = [
        f"<h2>{_esc(t('report_monitoring', lang))}</h2>",
        f'<p class="verdict {closes}">{_esc(monitor_verdict(monitoring, lang))}</p>',
        figures,
        f"<h3>{_esc(t('monitor_variance_title', lang))}</h3>",
        variance,
    ]
    if len(monitoring.missing):
        items = "".join(
            f"<li>{_esc(row['year'])} {_esc(row['name'])} ({_esc(row['line'])})</li>"
            for row in monitoring.missing.to_dict(orient="records")
        )
        parts.append(f"<p>{_esc(t('monitor_missing_title', lang))}</p><ul>{items}</ul>")
    return "\n".join(parts)
