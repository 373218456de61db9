"""How the workbook looks: Excel number formats by kind of number, and the header styles.

Shared by the sheets of :mod:`businesscase.export` and :mod:`businesscase.value_map`; every
number stays a number, these formats only decide how Excel shows it.
"""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill

MONEY_FORMAT = '"€ "#,##0;-"€ "#,##0'
"""Excel number format of amounts: whole euros with thousands separators (as
:func:`businesscase.formatting.money`); the cell keeps the full value."""
PERCENT_FORMAT = "0.0#%"
"""Excel number format of fractions (shares, rates): ``2.25%``, ``30.0%``."""
RATIO_FORMAT = "0.00"
"""Excel number format of ratios (SROI, HHI, money multiple)."""
INTEGER_FORMAT = "0"
"""Excel number format of whole numbers without separators (years, offsets, durations)."""
NUMBER_FORMAT = "#,##0.####"
"""Excel number format of other quantities (outcomes, incidents, units)."""
WHOLE_NUMBER_FORMAT = "#,##0"
"""Excel number format of other quantities that happen to be whole."""
FACTOR_FORMAT = "0.0000"
"""Excel number format of discount factors."""

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TITLE_FONT = Font(bold=True, size=14)
