"""Actuals: what really happened in a year, read from a CSV file and checked against a plan.

A team that runs a plan reports per year and line what was spent, received or achieved
(docs/monitoring.md). The file has a header row and the columns ``year`` (calendar year),
``line`` (a path such as ``costs[0]`` or ``funding[2]``, or the name of a line that no other
line has), ``value`` and an optional ``note``. ``value`` is:

- for ``costs``: the amount spent [EUR, current euros of that year];
- for ``funding`` and ``value_capture``: the amount received [EUR, current euros]; the
  probability no longer applies. A loan's value is its payout, in its start year; its
  repayments follow from it;
- for ``outcomes``: the new outcomes achieved that year (the year's cohort) [count];
- for ``avoided_costs``: the gross amount avoided [EUR, current euros], before deadweight,
  displacement, attribution and drop-off, which still apply.

Amounts enter the engine divided by the price index ``(1 + inflation) ** t``. A file whose
header uses ``;`` (as Dutch Excel saves a CSV) takes Dutch numbers (``12.500,50``).

:class:`Actuals` replaces the planned yearly values of each section inside
:func:`businesscase.flows.build_flows`, in every draw alike.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from businesscase.problems import (
    NO_VALUE,
    Listing,
    Message,
    Problem,
    ScenarioError,
    Suggestion,
    file_error,
    shorten,
)
from businesscase.scenario import Scenario, decoded, read_limited
from businesscase.timeline import FloatArray

SECTIONS: tuple[str, ...] = ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
"""Sections whose lines can be reported, in the order of the scenario file."""

COLUMNS: tuple[str, ...] = ("year", "line", "value", "note")
"""Columns of an actuals file; ``note`` is optional."""

COUNTED: tuple[str, ...] = ("outcomes",)
"""Sections whose actuals are counts, not euros (no price index)."""

_PATH = re.compile(r"\s*(" + "|".join(SECTIONS) + r")\[(\d+)\]\s*")
_YEAR = re.compile(r"\s*\d{4}\s*")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DUTCH = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")


@dataclass(frozen=True)
class RowProblem(Problem):
    """A problem in one cell of an actuals file: ``actuals.csv: row 4, value = "x": rule``.

    ``path`` is the column, ``row`` the row number as a spreadsheet shows it (the header is
    row 1).
    """

    row: int = 0

    def render(self, source: str, lang: str = "en") -> str:
        where = Message("row", row=self.row).text(lang)
        where = f"{where}, {self.path}" if self.path else where
        return Problem(where, self.value, self.rule).render(source, lang)


@dataclass(frozen=True)
class Actual:
    """One reported value.

    Attributes
    ----------
    row : int
        Row of the file (the header is row 1).
    year : int
        Calendar year.
    t : int
        Year index: ``year - start_year``.
    section, index : str, int
        The line: ``costs`` and 0 for ``costs[0]``.
    line : str
        The line as the file names it (a path or a name).
    value : float
        What happened [EUR, current euros of ``year``; outcomes: count].
    note : str
        The file's note, "" without one.
    """

    row: int
    year: int
    t: int
    section: str
    index: int
    line: str
    value: float
    note: str

    @property
    def path(self) -> str:
        """The line's path, ``costs[0]``."""
        return f"{self.section}[{self.index}]"


@dataclass(frozen=True)
class Actuals:
    """The checked actuals of one scenario (:func:`load_actuals`, :func:`parse_actuals`).

    :func:`businesscase.flows.build_flows` calls :meth:`replace` right after each section's
    yearly values are computed, and :meth:`loan_terms` before a loan's schedule.

    Attributes
    ----------
    source : str
        The file name problems and reports name.
    rows : tuple of Actual
        The reported values in file order.
    """

    source: str
    rows: tuple[Actual, ...]

    @property
    def last_t(self) -> int | None:
        """The last year reported anywhere in the file [year index], None when empty."""
        return max((actual.t for actual in self.rows), default=None)

    def replace(
        self,
        section: str,
        amounts: FloatArray,
        index: FloatArray,
        positions: Sequence[int] | None = None,
    ) -> None:
        """Put the actuals of ``section`` into its yearly values, in place, in every draw.

        Parameters
        ----------
        section : str
            One of :data:`SECTIONS`.
        amounts : array, shape (D, L, T)
            Planned values [EUR, real; outcomes: cohort sizes].
        index : array, shape (D, T)
            Price index ``(1 + inflation) ** t``: an actual amount (current euros) is divided
            by it.
        positions : sequence of int, optional
            The section's line index of each column of ``amounts`` when it holds only some
            lines (funding that is not a loan); all lines in order by default.
        """
        for actual in self.rows:
            if actual.section != section:
                continue
            if positions is not None and actual.index not in positions:
                continue
            column = actual.index if positions is None else list(positions).index(actual.index)
            value = actual.value
            amounts[:, column, actual.t] = (
                value if section in COUNTED else value / index[:, actual.t]
            )

    def loan_terms(
        self,
        lines: Sequence,
        positions: Sequence[int],
        amount: FloatArray,
        probability: FloatArray,
        index: FloatArray,
    ) -> tuple[FloatArray, FloatArray]:
        """A loan's principal and chance with its actual payout: the payout as reported (a
        nominal loan's principal in euros of its start year), granted for certain.

        Parameters
        ----------
        lines : sequence of FundingLine
            The loans, one per column of ``amount``.
        positions : sequence of int
            Their line index in ``funding``.
        amount, probability : array, shape (D, L)
            Planned principal [EUR] and chance [fraction 0-1].
        index : array, shape (D, T)
            Price index.

        Returns
        -------
        amount, probability : array, shape (D, L)
            New arrays; the repayments follow from them as an annuity.
        """
        amount, probability = amount.copy(), probability.copy()
        for actual in self.rows:
            if actual.section == "funding" and actual.index in positions:
                column = list(positions).index(actual.index)
                nominal = lines[column].nominal
                amount[:, column] = actual.value if nominal else actual.value / index[:, actual.t]
                probability[:, column] = 1.0
        return amount, probability

    def to_csv(self) -> str:
        """The actuals as a CSV file (``year,line,value,note``) that reads back the same."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for actual in self.rows:
            writer.writerow([actual.year, actual.line, repr(actual.value), actual.note])
        return out.getvalue()


def load_actuals(path: str | os.PathLike[str], scenario: Scenario) -> Actuals:
    """Read and check an actuals file against the plan it reports on.

    Parameters
    ----------
    path : path-like
        A CSV file, at most 5 MB (docs/monitoring.md).
    scenario : Scenario
        The plan: its lines and years.

    Returns
    -------
    Actuals

    Raises
    ------
    ScenarioError
        For a missing, unreadable, too big or non-CSV file and for every bad row: the message
        names the file, the row, the column, the value and the rule.
    """
    path = Path(path)
    source = path.name or str(path)
    return parse_actuals(read_limited(path, source, "actuals_"), scenario, source=source)


def parse_actuals(text: str | bytes, scenario: Scenario, source: str = "<actuals>") -> Actuals:
    """Check actuals given as CSV text (an uploaded file, the app's table).

    Parameters
    ----------
    text : str or bytes
        CSV text; bytes must be UTF-8 (a byte order mark is allowed), at most 5 MB.
    scenario : Scenario
        The plan.
    source : str
        The name problems are reported under.

    Raises
    ------
    ScenarioError
        As :func:`load_actuals`.

    Examples
    --------
    >>> from businesscase import examples
    >>> plan = examples.load_example("west_practice")
    >>> actuals = parse_actuals("year,line,value\\n2027,costs[0],50000\\n", plan)
    >>> actuals.rows[0].path, actuals.rows[0].t
    ('costs[0]', 0)
    """
    text = decoded(text, source, "actuals_")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return Actuals(source, ())
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        table = list(_rows(text, delimiter))
    except csv.Error as error:
        raise file_error(source, "actuals_not_csv", detail=str(error)) from None
    return _checked(table, scenario, source, dutch=delimiter == ";")


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The file's rows with their row numbers (a quoted cell may span lines), blank rows
    left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    number = 0
    for cells in reader:
        number += 1
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
    return rows


def _checked(
    table: list[tuple[int, list[str]]], scenario: Scenario, source: str, *, dutch: bool
) -> Actuals:
    """The rows checked against the plan; every problem found at once."""
    header = [cell.strip().lower() for cell in table[0][1]]
    missing = [column for column in COLUMNS[:3] if column not in header]
    if missing:
        first = shorten(",".join(table[0][1]), 60)
        if len(missing) == 3:
            raise file_error(source, "actuals_not_csv", detail=f"first row: {first}")
        raise file_error(source, "actuals_columns", missing=", ".join(missing))
    problems: list[Problem] = [
        RowProblem(name, NO_VALUE, Message("actuals_unknown_column"), row=table[0][0])
        for name in header
        if name not in COLUMNS
    ]
    lines = _line_names(scenario)
    settings = scenario.settings
    seen: dict[tuple[int, str], int] = {}
    rows = []
    for number, cells in table[1:]:
        if header[len(cells) :] == ["note"]:  # a row may leave its note out
            cells = [*cells, ""]
        if len(cells) != len(header):
            count = Message("actuals_cells", count=len(cells), expected=len(header))
            problems.append(RowProblem("", NO_VALUE, count, row=number))
            continue
        cell = dict(zip(header, cells, strict=True))
        found = [
            _year(cell["year"], settings.start_year, settings.horizon_years),
            _line(cell["line"], scenario, lines),
            _value(cell["value"], dutch),
        ]
        bad = [
            RowProblem(column, cell[column], rule, row=number)
            for column, rule in zip(COLUMNS, found, strict=False)
            if isinstance(rule, Message)
        ]
        problems += bad
        if bad:
            continue
        year, (section, index), value = found
        t = year - settings.start_year
        path = f"{section}[{index}]"
        if (t, path) in seen:
            twice = Message("actuals_duplicate", line=path, year=year, row=seen[t, path])
            problems.append(RowProblem("line", cell["line"], twice, row=number))
            continue
        seen[t, path] = number
        if section == "funding" and scenario.funding[index].kind == "loan":
            start = scenario.funding[index].start
            if t != start:
                wrong = Message("actuals_loan_year", year=settings.start_year + start)
                problems.append(RowProblem("year", cell["year"], wrong, row=number))
                continue
        note = cell.get("note", "").strip()
        rows.append(Actual(number, year, t, section, index, cell["line"].strip(), value, note))
    if problems:
        raise ScenarioError(source, problems)
    return Actuals(source, tuple(rows))


def _line_names(scenario: Scenario) -> dict[str, list[tuple[str, int]]]:
    """Every reportable line by name: the paths that carry it."""
    names: dict[str, list[tuple[str, int]]] = {}
    for section in SECTIONS:
        for index, line in enumerate(getattr(scenario, section)):
            names.setdefault(line.name, []).append((section, index))
    return names


def _year(text: str, start_year: int, horizon_years: int) -> int | Message:
    """The calendar year, or the rule it breaks."""
    if not _YEAR.fullmatch(text):
        return Message("actuals_year", example=start_year)
    year = int(text)
    last = start_year + horizon_years - 1
    if not start_year <= year <= last:
        return Message("actuals_year_outside", first=start_year, last=last)
    return year


def _line(
    text: str, scenario: Scenario, names: dict[str, list[tuple[str, int]]]
) -> tuple[str, int] | Message:
    """The line's section and index, or the rule it breaks."""
    path = _PATH.fullmatch(text)
    if path and int(path.group(2)) < len(getattr(scenario, path.group(1))):
        return path.group(1), int(path.group(2))
    carriers = names.get(text.strip(), [])
    if len(carriers) == 1:
        return carriers[0]
    if carriers:
        paths = Listing(tuple(f"{section}[{index}]" for section, index in carriers))
        return Message("actuals_ambiguous_line", paths=paths)
    options = [*names, *(f"{s}[{i}]" for s in SECTIONS for i in range(len(getattr(scenario, s))))]
    return Message("actuals_unknown_line", hint=Suggestion(text.strip(), options))


def _value(text: str, dutch: bool) -> float | Message:
    """The number (Dutch ``12.500,50`` in a ``;`` file), or the rule it breaks."""
    text = text.strip().replace(" ", "")
    example = "12.500,50" if dutch else "12500.50"
    if dutch and _DUTCH.fullmatch(text):
        value = float(text.replace(".", "").replace(",", "."))
    elif not dutch and _PLAIN.fullmatch(text):
        value = float(text)
    else:
        return Message("actuals_value", example=example)
    if not math.isfinite(value):
        return Message("finite")
    if value < 0:
        return Message("actuals_negative")
    return value
