"""Human formats for figures, in Dutch or English: one place for the CLI, the app and exports.

Machine outputs (JSON, CSV, parquet) stay locale-free; these functions are for people. Dutch
users expect ``€ 1.234.567`` and ``2,25%`` (babel's CLDR data, no system locale needed).
"""

from __future__ import annotations

from collections.abc import Mapping

from babel.numbers import format_currency, format_decimal, format_percent

from businesscase.text import t

LANGUAGES: tuple[str, ...] = ("nl", "en")
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "–"
"""Shown for a figure that does not exist (null)."""


def money(value: float | None, lang: str = "nl") -> str:
    """Whole euros: ``€ 1.234.567`` and ``€ -1.234.567`` (nl, as CLDR's Dutch currency pattern)
    or ``€1,234,567`` and ``-€1,234,567`` (en); '–' for None.

    >>> money(-384282.4, "nl"), money(-384282.4, "en")
    ('€ -384.282', '-€384,282')
    """
    if value is None:
        return MISSING
    return format_currency(
        round(value),
        "EUR",
        format="¤ #,##0;¤ -#,##0" if lang == "nl" else "¤#,##0",
        locale=_LOCALES[lang],
        currency_digits=False,
    )


def percent(value: float | None, lang: str = "nl", digits: int = 1) -> str:
    """A fraction as a percentage: 0.0225 -> ``2,3%`` (nl, 1 digit)."""
    if value is None:
        return MISSING
    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(value, format=pattern, locale=_LOCALES[lang])


def number(value: float | None, lang: str = "nl", digits: int = 2) -> str:
    """A plain number with ``digits`` decimals: 2.345 -> ``2,35`` (nl)."""
    if value is None:
        return MISSING
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=_LOCALES[lang])


def year(t: int | None, start_year: int) -> str:
    """A year offset as a calendar year with its offset: ``2029 (t=2)``."""
    return MISSING if t is None else f"{start_year + t} (t={t})"


SHARE_FIGURES: frozenset[str] = frozenset(
    {
        "closes",
        "social_irr",
        "subsidy_dependence",
        "public_dependence",
        "largest_funder_share",
        "sib_investor_irr",
        "sib_breakeven_share",
    }
)
"""Figures shown as percentages (``closes`` as the share of draws that close;
``sib_breakeven_share`` 1.3 as 130% of the expected outcomes, docs/figures.md)."""

RATIO_FIGURES: frozenset[str] = frozenset(
    {"sroi_ratio", "net_sroi_ratio", "funder_hhi", "sib_money_multiple"}
)
"""Figures shown as plain numbers."""

YEAR_FIGURES: frozenset[str] = frozenset({"payback_year", "first_short_year", "subsidy_cliff_year"})
"""Figures that are a year offset ``t``."""


def figure_kind(name: str) -> str:
    """How a docs/figures.md figure is shown: ``share``, ``ratio``, ``year`` or ``money``."""
    if name in SHARE_FIGURES:
        return "share"
    if name in RATIO_FIGURES:
        return "ratio"
    if name in YEAR_FIGURES:
        return "year"
    return "money"


def figure(name: str, value: float | None, lang: str, start_year: int) -> str:
    """A figure formatted by its kind; a year offset (possibly a mean, 2.4) as a calendar year.

    >>> figure("npv_social", 1234567.4, "nl", 2026), figure("payback_year", 2.4, "nl", 2026)
    ('€ 1.234.567', '2028,4')
    """
    if value is None or value != value:  # None or NaN
        return MISSING
    kind = figure_kind(name)
    if kind == "share":
        return percent(value, lang)
    if kind == "ratio":
        return number(value, lang)
    if kind == "year":
        return format_decimal(start_year + value, format="0.0", locale=_LOCALES[lang])
    return money(value, lang)


IRR_FIGURES: frozenset[str] = frozenset({"social_irr", "sib_investor_irr"})
"""Figures that are an internal rate of return."""


def meaningful_mean(name: str, row: Mapping[str, float]) -> bool:
    """Whether the Monte Carlo mean of a figure says something a reader can use.

    Not for a year (a mean of payback years, ``2033,8``, is no year: its percentiles are
    shown), and not for an IRR unless it exists in every draw and its mean lies between its
    P5 and P95: a few draws whose costs nearly vanish give IRRs of thousands of percent that
    drag the mean (``1.912,4%``) far from every likely outcome.

    Parameters
    ----------
    name : str
        A figure (see ``docs/methodology.md``), e.g. ``payback_year``.
    row : mapping
        Its summary row: ``mean``, ``p5``, ``p95`` and ``share_null`` (share of draws in
        which the figure does not exist).

    >>> row = {"mean": 19.124, "p5": 0.01, "p95": 0.3, "share_null": 0.0}
    >>> meaningful_mean("social_irr", row), meaningful_mean("npv_social", row)
    (False, True)
    >>> meaningful_mean("payback_year", {"mean": 7.8, "p5": 5, "p95": 9, "share_null": 0.0})
    False
    """
    if figure_kind(name) == "year":
        return False
    if name in IRR_FIGURES:
        return row["share_null"] == 0 and row["p5"] <= row["mean"] <= row["p95"]
    return True


def figure_text(name: str, value: float | bool | None, lang: str, start_year: int) -> str:
    """One figure of one evaluation for people: ``ja``/``NEE`` for ``closes``, a year offset
    as ``2032 (t=5)``, else as :func:`figure` writes it; '–' for a figure that does not exist.

    >>> figure_text("closes", False, "nl", 2026), figure_text("payback_year", 5, "en", 2027)
    ('NEE', '2032 (t=5)')
    """
    if value is None or value != value:
        return MISSING
    if name == "closes":
        return t("yes" if value else "no", lang)
    if figure_kind(name) == "year":
        return year(int(value), start_year)
    return figure(name, float(value), lang, start_year)


def summary(name: str, statistic: str, row: Mapping[str, float], lang: str, start_year: int) -> str:
    """One Monte Carlo statistic (``mean``, ``p5``, ``p50``, ``p95``) of a figure for people.

    A mean that says nothing (:func:`meaningful_mean`) is '–'; a percentile of a year is a
    whole calendar year (draws fall on whole years; between two of them, the nearer).

    >>> row = {"mean": 6.9, "p5": 5.0, "p50": 7.0, "p95": 8.6, "share_null": 0.18}
    >>> [summary("payback_year", s, row, "nl", 2026) for s in ("mean", "p50", "p95")]
    ['–', '2033', '2035']
    """
    value = row[statistic]
    if statistic == "mean" and not meaningful_mean(name, row):
        return MISSING
    if figure_kind(name) == "year" and value == value:
        return str(start_year + round(value))
    return figure(name, value, lang, start_year)
