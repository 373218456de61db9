"""Text that users typed, on its way into the files and terminals we write to.

Names, sources and notes come from scenario files that anybody may have written. Two rules
keep such text inert wherever it lands (``docs/cli.md`` describes them for users):

- **No formulas in spreadsheets.** A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is read as a formula by Excel, LibreOffice and Google Sheets when the file is
  opened (the OWASP "CSV injection" rule). In a workbook such a text is stored as a text cell
  with Excel's quote prefix (shown as typed, never evaluated, also not after editing); in a CSV
  file it gets a leading single quote (``'=1+2``), as Excel itself writes a typed ``'=1+2``.
  Numbers are left alone: they stay numbers.
- **Control characters made visible** where they would break the file or the screen: as
  ``\\x1b``-style escapes (``\\n``, ``\\r``, ``\\t`` for the usual ones), so a name with an escape
  sequence cannot clear a terminal or forge a line, and a workbook export does not fail on
  characters Excel's format forbids.
One function per rule (:func:`starts_formula`, :func:`visible`), used by every writer:
:func:`append_row` for workbooks, :func:`csv_safe` for CSV tables, :func:`visible` for the
command line's lines and :func:`markup` for its tables (rich markup).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet
from rich.markup import escape

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a text as a formula (OWASP, CSV injection)."""

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0 controls, DEL and C1 controls (the C1 ``\\x9b`` starts an escape sequence on its own),
and what no UTF-8 file can hold: lone surrogates (a Python text may) and the two
noncharacters XML forbids."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

WORKBOOK_KEEPS = "\t\n\r"
"""Control characters a workbook cell may hold (a description over several lines); the others
are refused by the file format and shown as escapes."""


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with its control characters written out as escapes, except those in ``keep``.

    Parameters
    ----------
    text : str
        Any text from a user.
    keep : str, optional
        Control characters to leave as they are.

    Returns
    -------
    str
        The text; a control character becomes ``\\n``, ``\\r``, ``\\t``, ``\\xNN`` or
        ``\\uNNNN``.

    Examples
    --------
    >>> visible("Buurt\\x1b[2Jhuis\\nerror: x")
    'Buurt\\\\x1b[2Jhuis\\\\nerror: x'
    >>> visible("a\\tb\\x07", keep="\\t")
    'a\\tb\\\\x07'
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return _NAMED.get(char, f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")

    return _CONTROL.sub(escape, text)


def markup(text: object) -> str:
    """Text from a user for a rich table, title or line: control characters made visible
    (:func:`visible`) and rich's markup escaped, so ``[red]`` is shown as typed.

    Examples
    --------
    >>> markup("West\\x1b]0;titel\\x07 [bold]")
    'West\\\\x1b]0;titel\\\\x07 \\\\[bold]'
    """
    return escape(visible(str(text)))


def starts_formula(value: Any) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula: a text starting with one of
    :data:`FORMULA_STARTS`. Numbers never are.

    Examples
    --------
    >>> starts_formula("=HYPERLINK(\\"http://x\\")"), starts_formula("-5"), starts_formula(-5)
    (True, True, False)
    >>> starts_formula("Buurthuis"), starts_formula("")
    (False, False)
    """
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: Any) -> Any:
    """A value as a CSV cell: a text that would start a formula gets a leading single quote;
    anything else (numbers, other texts, missing values) is returned unchanged.

    Examples
    --------
    >>> csv_text("=1+2"), csv_text("Buurthuis"), csv_text(-3.5)
    ("'=1+2", 'Buurthuis', -3.5)
    """
    return "'" + value if starts_formula(value) else value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose texts (cells and column names) cannot start a formula.

    Numeric, boolean and date columns are kept as they are; in text (object or string)
    columns every text goes through :func:`csv_text`.
    """
    safe = frame.rename(columns=csv_text)
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(csv_text)
    return safe


def workbook_value(value: Any) -> Any:
    """A value as openpyxl may store it: texts without the control characters the format
    forbids (made visible, see :func:`visible`), anything else unchanged."""
    return visible(value, keep=WORKBOOK_KEEPS) if isinstance(value, str) else value


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append one row to a worksheet; no text in it can become a formula.

    openpyxl stores a text starting with ``=`` as a formula. Every text that a spreadsheet
    would read as a formula (:func:`starts_formula`) is stored as a text cell with Excel's
    quote prefix instead: shown exactly as typed, never evaluated. Control characters the
    format forbids are made visible (:func:`workbook_value`). Numbers stay numbers.
    """
    sheet.append([workbook_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if starts_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
