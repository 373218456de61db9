"""The Build page's editable tables: a scenario as one table per section, and back.

A table holds the fields of a section (``docs/scenario-format.md``) as columns, one row per line.
Every number is text in the user's language (:mod:`app_pages.cells`: ``€ 60.000``, ``30%``,
``4 jaar``); a cell where the file leaves the field out shows the field's default in words
(``1 jaar``) or nothing, and reads back as "left out" (so a loan gets no ``duration``). A field
that may be a distribution has two more columns: ``<field>~`` with the distribution as text
(``triangular(9000, 14000, 30000)``, see :func:`businesscase.distributions.distribution_text`)
and the hidden ``<field>~0`` with that text as loaded. The value column shows the base value.
Reading a row back, an edited text wins; otherwise an edited base value moves the distribution
(:func:`businesscase.distributions.with_base`); a blank text makes the field a plain number.

The tables become TOML-shaped data that :func:`businesscase.scenario.scenario_from_dict`
validates; nothing here checks a rule of the scenario format.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from app_pages import cells
from businesscase.distributions import (
    DISTRIBUTIONS,
    distribution_text,
    nearest_whole,
    parse_distribution_text,
    with_base,
)
from businesscase.parameters import NUMERIC_FIELDS, TIMING_FIELDS
from businesscase.scenario import (
    FIELDS,
    NO_VALUE,
    SCENARIO_FIELDS,
    Problem,
    Scenario,
    scenario_to_dict,
)
from businesscase.text import TEXT, t

TABLES: tuple[str, ...] = (
    "stakeholders",
    "projects",
    "costs",
    "outcomes",
    "beneficiaries",
    "avoided_costs",
    "value_capture",
    "funding",
    "sib",
    "correlations",
)
"""The Build page's tables in page order: the sections of the scenario file (the outcome
contracts one row each) and the outcomes' beneficiary shares as a table of their own. The
projects of a programme come right after the parties, before the lines that name them, so a
project typed there is at once in the lines' pick-list of projects. The inputs that move
together come last: they name inputs of the tables above, and most cases have none."""

BENEFICIARY_COLUMNS: tuple[str, ...] = ("outcome", "stakeholder", "share")
"""Columns of the beneficiaries table: outcome name, stakeholder id, share (a percentage)."""

DIST = "~"
"""Suffix of a distribution column: ``proxy~`` holds the distribution of ``proxy`` as text."""
LOADED = "~0"
"""Suffix of the hidden column with the distribution text as loaded."""


METRICS = "metrics" + LOADED
"""Hidden column of the contracts table: a contract's ``[[sib.metrics]]`` as loaded (JSON),
kept unchanged when the other cells are edited."""

SETTINGS_UNCERTAIN: tuple[str, ...] = ("discount_rate", "inflation")
"""The ``[scenario]`` fields that may be written as a distribution."""

FLAGS: frozenset[str] = frozenset({"in_kind", "harm", "transfer", "nominal", "pooled"})
"""Fields that are true or false: cells hold ``true`` or ``false`` (as in the file), which the
table view's pick-list says as ja/nee or yes/no."""
DRAWDOWN_SEPARATOR = "; "
"""Between the shares of a drawdown in its cell (a comma is the Dutch decimal mark), and
between the field paths of a correlation group's ``inputs``."""

FLAG_DEFAULT = "default"
"""The pooled cell of a line that leaves the flag out, so its default applies (earmarked on a
project's line, pooled on a programme line); the pick-list says it as (standaard)."""

PROGRAMME_LINE = "(programme)"
"""The project cell of a line of the programme itself, in a programme (the file leaves
``project`` out; no project id has brackets); the pick-list says it as (programma zelf)."""

_FLAG_WORDS = {
    "true": True,
    "false": False,
    "ja": True,
    "nee": False,
    "yes": True,
    "no": False,
    FLAG_DEFAULT: None,
}


def settings_row(scenario: Scenario, lang: str) -> dict[str, Any]:
    """The ``[scenario]`` fields as one row, numbers as cell text in ``lang``."""
    row: dict[str, Any] = {}
    for field, value in scenario_to_dict(scenario)["scenario"].items():
        _cell(row, "scenario", field, value, lang)
    for field in SETTINGS_UNCERTAIN:
        if field not in row:
            row[field] = cells.default_text("scenario", field, lang)
    return row


def fields(table: str) -> tuple[str, ...]:
    """The value columns of a table, in file order (beneficiaries: :data:`BENEFICIARY_COLUMNS`)."""
    if table == "beneficiaries":
        return BENEFICIARY_COLUMNS
    return tuple(field for field in FIELDS[table] if field not in ("beneficiaries", "metrics"))


def uncertain_fields(table: str) -> tuple[str, ...]:
    """The fields of a table that may be written as a distribution."""
    if table == "scenario":
        return SETTINGS_UNCERTAIN
    if table == "sib":
        return NUMERIC_FIELDS["sib"] + NUMERIC_FIELDS["sib_metrics"]
    return NUMERIC_FIELDS.get(table, ()) + TIMING_FIELDS.get(table, ())


def columns(table: str) -> list[str]:
    """All columns of a table: each field, followed by its distribution columns if it has them."""
    names: list[str] = []
    for field in fields(table):
        names.append(field)
        if field in uncertain_fields(table):
            names += [field + DIST, field + LOADED]
    return names + ([METRICS] if table == "sib" else [])


def _cell(row: dict[str, Any], table: str, field: str, value: Any, lang: str) -> None:
    """Put a written value into a row: a number as text, a distribution as its base and text."""
    if field in uncertain_fields(table):
        text = distribution_text(value) if isinstance(value, Mapping) else ""
        row[field + DIST] = row[field + LOADED] = text
        value = _base(value, field) if isinstance(value, Mapping) else value
    if field in FLAGS:
        value = "true" if value else "false"
    if field == "drawdown":
        value = DRAWDOWN_SEPARATOR.join(cells.show(share, "share", lang) for share in value)
    if field == "inputs":
        value = DRAWDOWN_SEPARATOR.join(value)
    row[field] = cells.show(value, field, lang) if cells.is_numeric(field) else value


def _base(table: Mapping[str, Any], field: str) -> float:
    """The base value of a distribution table, whether or not its shape is valid; rounded to
    whole years for ``start``, ``duration`` and ``lasts``."""
    base = DISTRIBUTIONS[table["dist"]].model_construct(**table).base
    return nearest_whole(base) if field in cells.WHOLE else base


def frames(scenario: Scenario, lang: str) -> dict[str, pd.DataFrame]:
    """The scenario as one table of text cells per entry of :data:`TABLES`, numbers in ``lang``.

    A number the file leaves out shows its default in words (:func:`app_pages.cells.default_text`)
    or nothing; a programme's line without a project shows :data:`PROGRAMME_LINE`; another
    field the file leaves out is empty text (never ``None``, which a grid would show).
    """
    data = scenario_to_dict(scenario)
    programme = bool(data.get("projects"))
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for table in TABLES:
        if table == "beneficiaries":
            continue
        entries = data.get(table, [])
        for entry in [entries] if isinstance(entries, Mapping) else entries:
            row: dict[str, Any] = dict.fromkeys(columns(table), "")
            for field in fields(table):
                if field in entry:
                    _cell(row, table, field, entry[field], lang)
                elif cells.is_numeric(field):
                    row[field] = cells.default_text(table, field, lang)
                elif field == "pooled":
                    row[field] = FLAG_DEFAULT
                elif field == "project" and programme:
                    row[field] = PROGRAMME_LINE
            if "metrics" in entry:
                row[METRICS] = json.dumps(entry["metrics"], ensure_ascii=False)
            rows[table].append(row)
    for outcome in data.get("outcomes", []):
        for holder, share in outcome["beneficiaries"].items():
            rows["beneficiaries"].append(
                {
                    "outcome": outcome["name"],
                    "stakeholder": holder,
                    "share": cells.show(share, "share", lang),
                }
            )
    return {
        table: pd.DataFrame(rows[table], columns=columns(table), dtype=object) for table in TABLES
    }


def _blank(value: Any) -> bool:
    """Whether a cell is empty (None, NaN, pandas' NA or blank text)."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _plain(value: Any) -> Any:
    """A text cell as a TOML value: numpy scalars become Python values."""
    return value.item() if hasattr(value, "item") else value


class _Reader:
    """Reads the cells of one table back, collecting what cannot be read as problems."""

    def __init__(self, table: str, lang: str, problems: list[Problem]) -> None:
        self.table, self.lang, self.problems = table, lang, problems

    def number(self, row: Mapping[str, Any], field: str, path: str) -> Any:
        """A numeric cell as a number, None when left out (empty or the default in words)."""
        text = row.get(field)
        if _blank(text):
            return None
        default = cells.default_text(self.table, field, self.lang)
        try:
            return cells.read(_plain(text), field, self.lang, default)
        except ValueError as error:
            self.problems.append(Problem(path, str(text), str(error)))
            return None

    def value(self, row: Mapping[str, Any], field: str, path: str) -> Any:
        """The written value of any field: a number, a distribution, text, or None."""
        if field in uncertain_fields(self.table):
            return self.uncertain(row, field, path)
        if cells.is_numeric(field):
            return self.number(row, field, path)
        value = row.get(field)
        if field == "themes":
            return None if value is None or len(value) == 0 else list(value)
        if field == "drawdown":
            return None if _blank(value) else self.shares(str(value), path)
        if field == "inputs":
            parts = [] if _blank(value) else str(value).split(DRAWDOWN_SEPARATOR.strip())
            return [part.strip() for part in parts if part.strip()] or None
        if field in FLAGS and not _blank(value):
            return _FLAG_WORDS.get(str(value).strip().lower(), _plain(value))
        if field == "project" and value == PROGRAMME_LINE:
            return None
        return None if _blank(value) else _plain(value)

    def shares(self, text: str, path: str) -> list[Any] | None:
        """Shares separated by ``;`` (``50%; 30%; 20%``), each read as a percentage."""
        found = []
        for part in text.split(DRAWDOWN_SEPARATOR.strip()):
            try:
                found.append(cells.read(part.strip(), "share", self.lang))
            except ValueError as error:
                self.problems.append(Problem(path, text, str(error)))
                return None
        return found

    def uncertain(self, row: Mapping[str, Any], field: str, path: str) -> Any:
        """A field that may be a distribution; a problem if its text is bad."""
        text = row.get(field + DIST)
        text = "" if _blank(text) else str(text)
        loaded = row.get(field + LOADED)
        loaded = "" if _blank(loaded) else str(loaded)
        base = self.number(row, field, path)
        if not text:
            return base
        try:
            table = parse_distribution_text(text)
        except ValueError as error:
            self.problems.append(Problem(path, text, str(error)))
            return None
        shown = cells.show(_base(table, field), field, self.lang)
        if text == loaded and base is not None and str(row.get(field)).strip() != shown:
            return with_base(table, base)
        return table


def scenario_data(
    settings: Mapping[str, Any], tables: Mapping[str, pd.DataFrame], lang: str
) -> tuple[dict[str, Any], list[Problem]]:
    """TOML-shaped data from the settings and the edited tables, for ``scenario_from_dict``.

    Parameters
    ----------
    settings : mapping
        The ``[scenario]`` fields as in :func:`settings_row`; None or blank leaves a field out.
    tables : mapping of str to DataFrame
        The tables of :data:`TABLES` as edited (rows in order, index ignored), cells as text.
    lang : str
        The language the numbers are written in (``nl`` or ``en``).

    Returns
    -------
    data : dict
        The scenario as ``tomllib`` would read it.
    problems : list of Problem
        What the tables cannot express as TOML: a number that is not one (the rule in ``lang``),
        unreadable distribution text, a second SIB, a beneficiary share of an outcome that is
        not in the outcomes table.
    """
    problems: list[Problem] = []
    data: dict[str, Any] = {"scenario": {}}
    reader = _Reader("scenario", lang, problems)
    for field in SCENARIO_FIELDS:
        value = reader.value(settings, field, f"scenario.{field}")
        if value is not None:
            data["scenario"][field] = value
    for table in TABLES:
        if table == "beneficiaries":
            continue
        reader = _Reader(table, lang, problems)
        entries = []
        for index, row in enumerate(tables[table].to_dict(orient="records")):
            if all(_blank(row.get(field)) for field in columns(table)):
                continue  # an empty row the editor added: not a line yet
            prefix = f"{table}[{index}]"
            entry: dict[str, Any] = {}
            for field in fields(table):
                value = reader.value(row, field, f"{prefix}.{field}")
                if value is not None:
                    entry[field] = value
            if table == "sib" and not _blank(row.get(METRICS)):
                entry["metrics"] = json.loads(str(row[METRICS]))
            entries.append(entry)
        if table == "sib" and entries:  # one contract is a [sib] table, several [[sib]]
            data["sib"] = entries[0] if len(entries) == 1 else entries
        elif entries:
            data[table] = entries
    _attach_beneficiaries(data, tables["beneficiaries"], lang, problems)
    return data, problems


def _attach_beneficiaries(
    data: dict[str, Any], table: pd.DataFrame, lang: str, problems: list[Problem]
) -> None:
    """Put each beneficiaries row into its outcome's ``beneficiaries`` table."""
    outcomes = {entry.get("name"): entry for entry in data.get("outcomes", [])}
    for entry in outcomes.values():
        entry["beneficiaries"] = {}
    reader = _Reader("beneficiaries", lang, problems)
    for index, row in enumerate(table.to_dict(orient="records")):
        if all(_blank(row.get(field)) for field in BENEFICIARY_COLUMNS):
            continue
        path = f"beneficiaries[{index}]"
        outcome = row.get("outcome")
        if _blank(outcome) or outcome not in outcomes:
            rule = t("cell_no_outcome", lang, outcomes=", ".join(map(str, outcomes)))
            problems.append(Problem(f"{path}.outcome", outcome, rule))
            continue
        holder = row.get("stakeholder")
        if _blank(holder):
            problems.append(Problem(f"{path}.stakeholder", NO_VALUE, t("cell_required", lang)))
            continue
        share = reader.number(row, "share", f"{path}.share")
        outcomes[outcome]["beneficiaries"][str(holder)] = share


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


_STEP = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?$")


def in_words(path: str, lang: str) -> str:
    """A field path said in words: ``costs[1].amount`` -> ``Kosten, regel 2, bedrag``.

    ``""`` (the whole file) is ``het scenario``/``the scenario``; a part the words do not cover
    (a distribution's parameter, a stakeholder id under ``beneficiaries``) is added as written.
    """
    if not path:
        return t("the_scenario", lang)
    words: list[str] = []
    for number, step in enumerate(path.split(".")):
        match = _STEP.match(step)
        key = f"table_{match.group(1)}" if match and number == 0 else f"field_{step}"
        if match and number == 0 and match.group(1) == "scenario":
            key = "table_scenario"
        words.append(t(key, lang) if key in TEXT else step)
        if match and match.group(2) is not None and number == 0:
            words.append(t("line_number", lang, number=int(match.group(2)) + 1))
    return ", ".join(words)


SHOWN_CHARACTERS = 60
"""A value quoted in a problem is cut to this many characters."""


def describe(problem: Problem, lang: str) -> str:
    """One problem for the table view, its place in words: ``Kosten, regel 2, bedrag: “x” is
    geen getal; ...`` (a field path is for files and the command line, not for the app)."""
    where = in_words(problem.path, lang)
    if problem.value is NO_VALUE:
        return t("problem_no_value", lang, where=where, rule=problem.rule_text(lang))
    field = problem.path.rsplit(".", 1)[-1]
    value = problem.value
    if isinstance(value, int | float) and not isinstance(value, bool) and cells.is_numeric(field):
        shown = cells.show(value, field, lang)
    elif isinstance(value, str):
        shown = "“" + value + "”"
    else:
        shown = str(value)
    shown = shown.replace("\n", "\\n").replace("\r", "\\r")
    shown = shown if len(shown) <= SHOWN_CHARACTERS else shown[: SHOWN_CHARACTERS - 1] + "…"
    return t("problem_in_words", lang, where=where, value=shown, rule=problem.rule_text(lang))
