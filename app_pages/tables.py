"""The Build page's editable tables: a scenario as one table per section, and back.

A table holds the fields of docs/scenario-format.md as columns, one row per line; a cell is empty
where the file leaves the field out (so its default applies, and a loan gets no ``duration``). A
field that may be a distribution has two more columns: ``<field>~`` with the distribution as text
(``triangular(9000, 14000, 30000)``, see :func:`businesscase.distributions.distribution_text`)
and the hidden ``<field>~0`` with that text as loaded. The value column shows the base value.
Reading a row back, an edited text wins; otherwise an edited base value moves the distribution
(:func:`businesscase.distributions.with_base`); a blank text makes the field a plain number.

The tables become TOML-shaped data that :func:`businesscase.scenario.scenario_from_dict`
validates; nothing here checks a rule of the scenario format.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from businesscase.distributions import (
    DISTRIBUTIONS,
    distribution_text,
    parse_distribution_text,
    with_base,
)
from businesscase.parameters import NUMERIC_FIELDS
from businesscase.scenario import (
    FIELDS,
    NO_VALUE,
    SCENARIO_FIELDS,
    Problem,
    Scenario,
    scenario_to_dict,
)

TABLES: tuple[str, ...] = (
    "stakeholders",
    "costs",
    "outcomes",
    "beneficiaries",
    "avoided_costs",
    "value_capture",
    "funding",
    "sib",
)
"""The Build page's tables in page order: the sections of docs/scenario-format.md (the SIB as a
table of at most one row) and the outcomes' beneficiary shares as a table of their own."""

BENEFICIARY_COLUMNS: tuple[str, ...] = ("outcome", "stakeholder", "share")
"""Columns of the beneficiaries table: outcome name, stakeholder id, share [fraction 0-1]."""

WHOLE_FIELDS: frozenset[str] = frozenset(
    {"start", "duration", "lasts", "term", "lag", "start_year", "horizon_years"}
)
"""Integer fields: a table gives floats, a whole float is written back as an integer."""

DIST = "~"
"""Suffix of a distribution column: ``proxy~`` holds the distribution of ``proxy`` as text."""
LOADED = "~0"
"""Suffix of the hidden column with the distribution text as loaded."""


SETTINGS_UNCERTAIN: tuple[str, ...] = ("discount_rate",)
"""The ``[scenario]`` fields that may be written as a distribution."""


def settings_row(scenario: Scenario) -> dict[str, Any]:
    """The ``[scenario]`` fields as one row, the discount rate with its distribution columns."""
    row: dict[str, Any] = {}
    for field, value in scenario_to_dict(scenario)["scenario"].items():
        _cell(row, field, value, field in SETTINGS_UNCERTAIN)
    return row


def fields(table: str) -> tuple[str, ...]:
    """The value columns of a table, in file order (beneficiaries: :data:`BENEFICIARY_COLUMNS`)."""
    if table == "beneficiaries":
        return BENEFICIARY_COLUMNS
    return tuple(field for field in FIELDS[table] if field != "beneficiaries")


def uncertain_fields(table: str) -> tuple[str, ...]:
    """The fields of a table that may be written as a distribution."""
    return NUMERIC_FIELDS.get(table, ())


def columns(table: str) -> list[str]:
    """All columns of a table: each field, followed by its distribution columns if it has them."""
    names: list[str] = []
    for field in fields(table):
        names.append(field)
        if field in uncertain_fields(table):
            names += [field + DIST, field + LOADED]
    return names


def _cell(row: dict[str, Any], field: str, value: Any, uncertain: bool) -> None:
    """Put a written value into a row: a distribution as its base value and its text."""
    if uncertain:
        text = distribution_text(value) if isinstance(value, Mapping) else ""
        row[field + DIST] = row[field + LOADED] = text
        value = _base(value) if isinstance(value, Mapping) else value
    row[field] = value


def _base(table: Mapping[str, Any]) -> float:
    """The base value of a distribution table, whether or not its shape is valid."""
    return DISTRIBUTIONS[table["dist"]].model_construct(**table).base


def frames(scenario: Scenario) -> dict[str, pd.DataFrame]:
    """The scenario as one table per entry of :data:`TABLES`.

    Cells of fields the file leaves out are None. Integer columns are nullable integers,
    number columns floats, text columns objects.
    """
    data = scenario_to_dict(scenario)
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for table in TABLES:
        if table == "beneficiaries":
            continue
        entries = data.get(table, [])
        for entry in [entries] if isinstance(entries, Mapping) else entries:
            row: dict[str, Any] = dict.fromkeys(columns(table))
            for field in fields(table):
                if field in entry:
                    _cell(row, field, entry[field], field in uncertain_fields(table))
            rows[table].append(row)
    for outcome in data.get("outcomes", []):
        for holder, share in outcome["beneficiaries"].items():
            rows["beneficiaries"].append(
                {"outcome": outcome["name"], "stakeholder": holder, "share": share}
            )
    return {
        table: _typed(pd.DataFrame(rows[table], columns=columns(table), dtype=object), table)
        for table in TABLES
    }


def _typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Column types the editor can show: Int64 for whole fields, float for numbers, text else."""
    numbers = set(uncertain_fields(table)) | {"share"}
    return frame.astype(
        {name: "Int64" for name in frame.columns if name in WHOLE_FIELDS}
        | {name: "float64" for name in frame.columns if name in numbers}
    )


def _blank(value: Any) -> bool:
    """Whether a cell is empty (None, NaN, pandas' NA or blank text)."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _plain(value: Any, field: str) -> Any:
    """A cell as a TOML value: numpy scalars become Python numbers, whole floats integers."""
    if hasattr(value, "item"):
        value = value.item()
    if field in WHOLE_FIELDS and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _uncertain_value(row: Mapping[str, Any], field: str, path: str, problems: list[Problem]) -> Any:
    """The written value of a field that may be a distribution; a problem if its text is bad."""
    text = row.get(field + DIST)
    text = "" if _blank(text) else str(text)
    loaded = row.get(field + LOADED)
    loaded = "" if _blank(loaded) else str(loaded)
    base = None if _blank(row.get(field)) else _plain(row.get(field), field)
    if not text:
        return base
    try:
        table = parse_distribution_text(text)
    except ValueError as error:
        problems.append(Problem(path, text, str(error)))
        return None
    if text == loaded and base is not None and base != _base(table):
        return with_base(table, base)
    return table


def scenario_data(
    settings: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]
) -> tuple[dict[str, Any], list[Problem]]:
    """TOML-shaped data from the settings and the edited tables, for ``scenario_from_dict``.

    Parameters
    ----------
    settings : mapping
        The ``[scenario]`` fields as in :func:`settings_row`; None or blank leaves a field out.
    tables : mapping of str to DataFrame
        The tables of :data:`TABLES` as edited (rows in order, index ignored).

    Returns
    -------
    data : dict
        The scenario as ``tomllib`` would read it.
    problems : list of Problem
        What the tables cannot express as TOML: unreadable distribution text, a second SIB, a
        beneficiary share of an outcome that is not in the outcomes table.
    """
    problems: list[Problem] = []
    data: dict[str, Any] = {"scenario": {}}
    for field in SCENARIO_FIELDS:
        if field in SETTINGS_UNCERTAIN:
            value = _uncertain_value(settings, field, f"scenario.{field}", problems)
        else:
            value = settings.get(field)
            value = None if _blank_setting(value) else _plain(value, field)
        if value is not None:
            data["scenario"][field] = value
    for table in TABLES:
        if table == "beneficiaries":
            continue
        entries = []
        for index, row in enumerate(tables[table].to_dict(orient="records")):
            if all(_blank(row.get(field)) for field in columns(table)):
                continue  # an empty row the editor added: not a line yet
            prefix = "sib" if table == "sib" else f"{table}[{index}]"
            entry: dict[str, Any] = {}
            for field in fields(table):
                path = f"{prefix}.{field}"
                if field in uncertain_fields(table):
                    value = _uncertain_value(row, field, path, problems)
                else:
                    value = None if _blank(row.get(field)) else _plain(row[field], field)
                if value is not None:
                    entry[field] = value
            entries.append(entry)
        if table == "sib":
            if len(entries) > 1:
                problems.append(Problem("sib", NO_VALUE, "a scenario has at most one SIB"))
            if entries:
                data["sib"] = entries[0]
        elif entries:
            data[table] = entries
    _attach_beneficiaries(data, tables["beneficiaries"], problems)
    return data, problems


def _blank_setting(value: Any) -> bool:
    return not isinstance(value, list) and _blank(value)


def _attach_beneficiaries(
    data: dict[str, Any], table: pd.DataFrame, problems: list[Problem]
) -> None:
    """Put each beneficiaries row into its outcome's ``beneficiaries`` table."""
    outcomes = {entry.get("name"): entry for entry in data.get("outcomes", [])}
    for entry in outcomes.values():
        entry["beneficiaries"] = {}
    for index, row in enumerate(table.to_dict(orient="records")):
        if all(_blank(row.get(field)) for field in BENEFICIARY_COLUMNS):
            continue
        path = f"beneficiaries[{index}]"
        outcome = row.get("outcome")
        if _blank(outcome) or outcome not in outcomes:
            rule = "names no outcome line; outcomes: " + ", ".join(map(str, outcomes))
            problems.append(Problem(f"{path}.outcome", outcome, rule))
            continue
        holder = row.get("stakeholder")
        share = row.get("share")
        if _blank(holder):
            problems.append(Problem(f"{path}.stakeholder", NO_VALUE, "is required"))
            continue
        outcomes[outcome]["beneficiaries"][str(holder)] = (
            None if _blank(share) else _plain(share, "share")
        )


_PATH_TABLE = re.compile(r"^(scenario|[a-z_]+)")


def table_of(path: str) -> str:
    """The Build page table (or ``scenario`` for the settings, ``""`` for the whole file) that
    shows the field at ``path``: ``costs[1].amount`` -> ``costs``,
    ``outcomes[0].beneficiaries.gemeente`` -> ``beneficiaries``."""
    if ".beneficiaries" in path and path.startswith("outcomes"):
        return "beneficiaries"
    match = _PATH_TABLE.match(path)
    if match is None:
        return ""
    name = match.group(1)
    return name if name in TABLES or name == "scenario" else ""
