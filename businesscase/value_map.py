"""The SROI Value Map sheet of the workbook: the case in the form funders know, with live formulas.

The SROI guide's Value Map (Social Value UK) reads from left to right: stakeholders, inputs,
outputs and outcomes with their indicator and quantity, the financial proxy with its source,
deadweight, displacement, attribution and drop-off, duration, and the impact. This sheet lays
out the scenario that way: one block of inputs (the cost lines, in-kind inputs included), one of
outcomes and one of avoided costs, one row per line, and a block of residual values for capex
with a useful life. It is the society view of ``docs/methodology.md``: transfers are left out, a
harm counts against the benefits. The inputs are numbers (base values of distributions); every
derived cell is an Excel formula on them, so an analyst can follow and change every step:

- impact per year of an outcome: ``quantity * proxy * (1 - deadweight) * (1 - displacement)
  * (1 - attribution)`` (one year's new outcomes in their first year);
- value in year t: last year's value after drop-off, plus this year's new outcomes, minus the
  cohort that has lasted ``lasts`` years (the cohort rule of ``docs/methodology.md``);
- an avoided cost: ``incidents * reduction * cost per incident * probability * (1 - deadweight)
  * (1 - displacement) * (1 - attribution)`` a year, growing and dropping off from its start;
- a harm: the same as an outcome, with a minus sign;
- a residual value: each year's amount spent on the asset times the share of its life left
  after the last year, ``MAX(0, 1 - (horizon - s) / life)``, a benefit of the last year;
- present values with the discount factors ``1 / (1 + r) ** t`` (year 0 not discounted).

The totals equal the engine's ``pv_costs``, ``pv_benefits`` and ``sroi_ratio``: a test reads
the workbook back and recomputes every formula.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import excel_style as style
from businesscase import formatting as fmt
from businesscase.distributions import base_value
from businesscase.scenario import Scenario
from businesscase.text import t
from businesscase.user_text import starts_formula, workbook_value

FIRST_YEAR_COLUMN = 17
"""Column of year 0 (``Q``): columns A to P hold a line's inputs and its value per year."""

T_ROW = 5
"""Row of the year offsets ``t`` that the formulas read."""

FACTOR_ROW = 6
"""Row of the discount factors ``1 / (1 + r) ** t``."""

RATE_CELL = "$B$2"
"""The discount rate, an input of the sheet."""

_INPUT_FIELDS = ("", "name", "category", "amount", *[""] * 8, "start", "duration", "growth")
_OUTCOME_FIELDS = (
    "stakeholder",
    "name",
    "indicator",
    "quantity",
    "proxy",
    "proxy_source",
    "value_type",
    "deadweight",
    "displacement",
    "attribution",
    "drop_off",
    "lasts",
    "start",
    "duration",
    "growth",
)
_AVOIDED_FIELDS = (
    "bearer",
    "name",
    "indicator",
    "incidents",
    "unit_cost",
    "deadweight",
    "value_type",
    "reduction",
    "probability",
    "attribution",
    "drop_off",
    "displacement",
    "start",
    "duration",
    "growth",
)
_RESIDUAL_FIELDS = ("owner", "name", "category", "amount", *[""] * 7, "life", "start", "duration")
"""Columns A to O of each block (an empty name leaves the column blank): the formulas read
the amount, quantity or incidents in D, the proxy or cost per incident in E, deadweight or
reduction in H, displacement or probability in I, attribution in J, drop-off in K, lasts in L,
start, duration and growth in M, N and O (an avoided cost keeps its deadweight in F and its
displacement in L; a residual value its life in L). P is the value per year, then the years,
the total and the present value."""

_FORMATS = {
    "amount": style.MONEY_FORMAT,
    "proxy": style.MONEY_FORMAT,
    "unit_cost": style.MONEY_FORMAT,
    "quantity": style.NUMBER_FORMAT,
    "incidents": style.NUMBER_FORMAT,
    "deadweight": style.PERCENT_FORMAT,
    "displacement": style.PERCENT_FORMAT,
    "attribution": style.PERCENT_FORMAT,
    "drop_off": style.PERCENT_FORMAT,
    "reduction": style.PERCENT_FORMAT,
    "probability": style.PERCENT_FORMAT,
    "growth": style.PERCENT_FORMAT,
    "lasts": style.INTEGER_FORMAT,
    "life": style.INTEGER_FORMAT,
    "start": style.INTEGER_FORMAT,
    "duration": style.INTEGER_FORMAT,
}


def _put(
    sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None
) -> Cell:
    """Write one cell: a plain ``str`` starting with ``=`` is one of our formulas, a
    :class:`_Text` is text however it starts (a line named ``=1+1`` is no formula)."""
    text = isinstance(value, _Text)
    cell = sheet.cell(row, column, workbook_value(str(value)) if text else value)
    if text and starts_formula(cell.value):  # shown as typed, never run
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


class _Text(str):
    """Text from a scenario: written as text even when it starts with ``=``."""


def _header(sheet: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        if label:
            cell = _put(sheet, row, column, _Text(label))
            cell.font, cell.fill = style.HEADER_FONT, style.HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _years(horizon: int) -> tuple[str, str]:
    """Letters of the first and last year column."""
    return get_column_letter(FIRST_YEAR_COLUMN), get_column_letter(FIRST_YEAR_COLUMN + horizon - 1)


def _active(t_cell: str, row: int) -> str:
    """Excel condition: year ``t_cell`` lies in the line's active years."""
    return f"AND({t_cell}>=$M{row},{t_cell}<$M{row}+$N{row})"


def _cohort(t_cell: str, row: int) -> str:
    """The value in year ``t_cell`` of the cohort that starts that year (0 when none does)."""
    return f"IF({_active(t_cell, row)},$P{row}*(1+$O{row})^({t_cell}-$M{row}),0)"


def _outcome_year(column: int, row: int) -> str:
    """Value of an outcome line in the year of ``column``: last year's value after drop-off,
    plus this year's new cohort, minus the cohort that has lasted ``lasts`` years."""
    letter = get_column_letter(column)
    t_cell = f"{letter}${T_ROW}"
    ended = f"({t_cell}-$L{row})"
    leaving = (
        f"IF({_active(ended, row)},$P{row}*(1+$O{row})^({ended}-$M{row})*(1-$K{row})^$L{row},0)"
    )
    before = (
        "" if column == FIRST_YEAR_COLUMN else f"{get_column_letter(column - 1)}{row}*(1-$K{row})+"
    )
    return f"={before}{_cohort(t_cell, row)}-{leaving}"


def _line_row(
    sheet: Worksheet,
    row: int,
    cells: Sequence[tuple[Any, str | None]],
    value_formula: str,
    year_formula: Any,
    horizon: int,
) -> None:
    """One line: its inputs, its value per year (P), a formula per year, total and PV."""
    for column, (value, number_format) in enumerate(cells, start=1):
        if value is not None and value != "":
            _put(sheet, row, column, value, number_format)
    _put(sheet, row, 16, value_formula, style.MONEY_FORMAT)
    for offset in range(horizon):
        column = FIRST_YEAR_COLUMN + offset
        _put(sheet, row, column, year_formula(column, row), style.MONEY_FORMAT)
    first, last = _years(horizon)
    total = FIRST_YEAR_COLUMN + horizon
    _put(sheet, row, total, f"=SUM({first}{row}:{last}{row})", style.MONEY_FORMAT)
    factors = f"{first}${FACTOR_ROW}:{last}${FACTOR_ROW}"
    present_value = f"=SUMPRODUCT({first}{row}:{last}{row},{factors})"
    _put(sheet, row, total + 1, present_value, style.MONEY_FORMAT)


def _input_cells(entry: Any, fields: Sequence[str], scenario: Scenario, lang: str) -> list:
    """The cells A to O of a line: numbers as base values, words for ids and kinds."""
    names = {holder.id: holder.name for holder in scenario.stakeholders}
    cells: list[tuple[Any, str | None]] = []
    for field in fields:
        if not field:
            cells.append((None, None))
        elif field == "stakeholder":  # who benefits, with their shares
            shares = ", ".join(
                f"{names[holder]} {fmt.percent(share, lang, 0)}"
                for holder, share in entry.beneficiaries.items()
            )
            cells.append((_Text(shares), None))
        elif field in ("bearer", "owner"):
            cells.append((_Text(names[getattr(entry, field)]), None))
        elif field == "category":
            cells.append((_Text(t(f"enum_{entry.category}", lang)), None))
        elif field == "value_type":
            cells.append((_Text(t(f"value_type_{entry.value_type}", lang)), None))
        elif field == "indicator" and not hasattr(entry, "indicator"):
            cells.append((_Text(t("value_map_prevented", lang)), None))
        elif field in _FORMATS:
            whole = _FORMATS[field] == style.INTEGER_FORMAT
            cells.append((base_value(getattr(entry, field), whole=whole), _FORMATS[field]))
        else:
            cells.append((_Text(getattr(entry, field)), None))
    return cells


def add_value_map(book: Workbook, scenario: Scenario, lang: str) -> Worksheet:
    """Add the Value Map sheet to ``book`` (see the module docstring for its layout).

    Parameters
    ----------
    book : openpyxl.Workbook
        The workbook of :func:`businesscase.export.build_workbook`.
    scenario : Scenario
        The scenario mapped; distributions at their base values.
    lang : {"nl", "en"}
        Language of headers and notes.

    Returns
    -------
    openpyxl.worksheet.worksheet.Worksheet
        The sheet, whose cells ``SUMMARY`` rows hold PV inputs, PV benefits, SROI ratio and
        net social value as formulas [EUR, PV at start_year; ratio].
    """
    settings = scenario.settings
    horizon = settings.horizon_years
    sheet = book.create_sheet(t("sheet_value_map", lang)[:31])
    title = _Text(f"{t('sheet_value_map', lang)}: {settings.name}")
    _put(sheet, 1, 1, title).font = style.TITLE_FONT
    _put(sheet, 2, 1, _Text(t("field_discount_rate", lang))).font = style.HEADER_FONT
    _put(sheet, 2, 2, base_value(settings.discount_rate), style.PERCENT_FORMAT)
    _put(sheet, 3, 1, _Text(t("value_map_note", lang)))
    _put(sheet, T_ROW, 16, _Text("t")).font = style.HEADER_FONT
    _put(sheet, FACTOR_ROW, 16, _Text(t("yearly_discount_factor", lang))).font = style.HEADER_FONT
    for offset in range(horizon):
        column = FIRST_YEAR_COLUMN + offset
        letter = get_column_letter(column)
        _put(sheet, T_ROW - 1, column, settings.start_year + offset, style.INTEGER_FORMAT)
        _put(sheet, T_ROW, column, offset, style.INTEGER_FORMAT)
        _put(sheet, FACTOR_ROW, column, f"=1/(1+{RATE_CELL})^{letter}${T_ROW}", style.FACTOR_FORMAT)
    years = [""] * horizon
    tail = [t("value_map_total", lang), t("value_map_pv", lang)]

    row = FACTOR_ROW + 2
    blocks: list[tuple[str, int, int]] = []
    cost_rows: dict[int, int] = {}  # a cost line's index -> its row in the inputs block
    for key, section, fields in (
        ("value_map_inputs", "costs", _INPUT_FIELDS),
        ("value_map_outcomes", "outcomes", _OUTCOME_FIELDS),
        ("value_map_avoided", "avoided_costs", _AVOIDED_FIELDS),
        ("value_map_residual", "residual_value", _RESIDUAL_FIELDS),
    ):
        lines = _society_lines(scenario, section)
        if not lines:
            continue
        labels = [_label(field, lang) for field in fields]
        labels += [t(f"{key}_value", lang), *years, *tail]
        _put(sheet, row, 1, _Text(t(key, lang))).font = style.TITLE_FONT
        _header(sheet, row + 1, labels)
        first = row + 2
        for line, (index, entry) in enumerate(lines, start=first):
            cells = _input_cells(entry, fields, scenario, lang)
            if section == "costs":
                cost_rows[index] = line
                value, year = "=D{row}", _cost_year
            elif section == "outcomes":
                value, year = ("=-" if entry.harm else "=") + _IMPACT, _outcome_year
            elif section == "avoided_costs":
                value, year = "=" + _AVOIDED_VALUE, _avoided_year
            else:
                cells[1] = (_Text(f"{entry.name} ({t('value_map_residual_of', lang)})"), None)
                value, year = _residual_value(entry, cost_rows[index], horizon), _last_year(horizon)
            _line_row(sheet, line, cells, value.format(row=line), year, horizon)
        blocks.append((section, first, first + len(lines) - 1))
        row = first + len(lines) + 1

    # every cost amount 0 means no investment: a ratio to it does not exist (null in the engine)
    invested = any(base_value(line.amount) > 0 for line in scenario.costs)
    _summary(sheet, row, blocks, horizon, lang, with_ratio=invested)
    sheet.freeze_panes = "C7"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 32
    for letter in "CF":
        sheet.column_dimensions[letter].width = 24
    return sheet


def _society_lines(scenario: Scenario, section: str) -> list[tuple[int, Any]]:
    """The lines of a block with their index in their section: transfers left out (no social
    value); the residual values are the capex cost lines with a life."""
    if section == "residual_value":
        return [(i, line) for i, line in enumerate(scenario.costs) if line.life is not None]
    lines = list(enumerate(getattr(scenario, section)))
    return [(i, line) for i, line in lines if not getattr(line, "transfer", False)]


_IMPACT = "D{row}*E{row}*(1-H{row})*(1-I{row})*(1-J{row})"
"""Impact per year of an outcome line: quantity x proxy, net of deadweight, displacement and
attribution (the SROI guide's impact)."""

_AVOIDED_VALUE = "D{row}*H{row}*E{row}*I{row}*(1-F{row})*(1-L{row})*(1-J{row})"
"""Value per year of an avoided cost in its first year: incidents x reduction x cost per
incident x probability, net of deadweight (F), displacement (L) and attribution (J)."""


def _avoided_year(column: int, row: int) -> str:
    """An avoided cost in the year of ``column``: its first year's value, grown and dropped off
    (K) for each year since its start, while the line is active."""
    t_cell = f"{get_column_letter(column)}${T_ROW}"
    since = f"MAX(0,{t_cell}-$M{row})"  # never a negative power of a full drop-off
    return f"=IF({_active(t_cell, row)},$P{row}*(1+$O{row})^{since}*(1-$K{row})^{since},0)"


def _residual_value(entry: Any, cost_row: int, horizon: int) -> str:
    """The residual value of a capex line after the last year: each active year's amount spent
    (its row in the inputs block) times the share of the life left, ``MAX(0, 1 - (H - s) /
    life)`` with the life in L (straight-line depreciation, ``docs/methodology.md``)."""
    first = base_value(entry.start, whole=True)
    end = min(first + base_value(entry.duration, whole=True), horizon)
    terms = [
        f"{get_column_letter(FIRST_YEAR_COLUMN + s)}{cost_row}"
        f"*MAX(0,1-({horizon}-{get_column_letter(FIRST_YEAR_COLUMN + s)}${T_ROW})/$L{{row}})"
        for s in range(first, end)
    ]
    return "=" + ("+".join(terms) or "0")


def _last_year(horizon: int) -> Callable[[int, int], str]:
    """The year formula of a residual value: it falls in the last year of the horizon."""

    def formula(column: int, row: int) -> str:
        return f"=IF({get_column_letter(column)}${T_ROW}={horizon - 1},$P{row},0)"

    return formula


def _cost_year(column: int, row: int) -> str:
    """An amount that grows from its start while the line is active: a cost, an avoided cost."""
    return "=" + _cohort(f"{get_column_letter(column)}${T_ROW}", row)


def _label(field: str, lang: str) -> str:
    """A column header in words."""
    if not field:
        return ""
    if field == "stakeholder":
        return t("value_map_stakeholders", lang)
    return t(f"field_{field}", lang)


def _summary(
    sheet: Worksheet,
    row: int,
    blocks: list[tuple[str, int, int]],
    horizon: int,
    lang: str,
    *,
    with_ratio: bool,
) -> None:
    """PV of the inputs, of the benefits, the SROI ratio (``with_ratio``: only where something
    is invested) and the net social value."""
    pv = get_column_letter(FIRST_YEAR_COLUMN + horizon + 1)
    sums = {section: f"SUM({pv}{first}:{pv}{last})" for section, first, last in blocks}
    society = ("outcomes", "avoided_costs", "residual_value")
    benefits = "+".join(sums[s] for s in society if s in sums) or "0"
    costs = sums.get("costs", "0")
    rows = [
        ("pv_costs", f"={costs}", style.MONEY_FORMAT),
        ("pv_benefits", f"={benefits}", style.MONEY_FORMAT),
    ]
    if with_ratio:
        rows.append(("sroi_ratio", f"=C{row + 1}/C{row}", style.RATIO_FORMAT))
    rows.append(("npv_social", f"=C{row + 1}-C{row}", style.MONEY_FORMAT))
    for offset, (name, formula, number_format) in enumerate(rows):
        _put(sheet, row + offset, 1, _Text(t(name, lang))).font = style.HEADER_FONT
        _put(sheet, row + offset, 2, _Text(name))
        _put(sheet, row + offset, 3, formula, number_format)
