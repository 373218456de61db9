"""What a cell of the table view shows, and how it reads what a user types, in Dutch or English.

Every number in the table view is text that this module writes and reads, so that a grid shows
``€ 60.000`` and ``30%`` in Dutch whatever the browser's locale, and so that one typed text has
one meaning (``docs/app.md``, "Typing numbers"):

- Dutch: ``.`` groups thousands and ``,`` is the decimal comma (``60.000``, ``12,5``); English:
  ``,`` groups thousands and ``.`` is the decimal point. A lone ``.`` or ``,`` not followed by
  exactly three digits is a decimal sign in both (``0.3`` and ``0,3`` are three tenths).
- A percentage field holds a percentage: ``30``, ``30%`` and ``30 %`` are 30 % (stored as the
  fraction 0.3); ``0,3`` is 0,3 %. A share outside 0 .. 100 % is refused in the user's language.
- Money may carry ``€`` or ``EUR``; years may carry ``jaar``/``jaren``/``year(s)``.
- An empty cell, or one showing the default in words (``1 jaar``, ``2,25%``), leaves the field
  out of the file, so its default applies.

Numbers are shown exactly (the shortest decimal that reads back to the same float), so showing
and reading a value never changes it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal

from businesscase.scenario import SECTIONS
from businesscase.text import t

MONEY: frozenset[str] = frozenset(
    {"amount", "proxy", "unit_cost", "base_value", "capital", "price", "cap"}
)
"""Fields in euros."""
SHARES: frozenset[str] = frozenset(
    {
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
        "cashable_share",
        "reduction",
        "probability",
        "capture_share",
        "guarantee_share",
        "share",
    }
)
"""Fractions between 0 and 1, typed as percentages between 0 and 100."""
PERCENT: frozenset[str] = SHARES | {
    "growth",
    "uplift",
    "interest_rate",
    "discount_rate",
    "inflation",
    "max_irr",
}
"""Every fraction, typed as a percentage."""
YEARS: frozenset[str] = frozenset({"duration", "lasts", "term", "lag", "horizon_years", "life"})
"""Numbers of years."""
WHOLE: frozenset[str] = YEARS | {"start", "start_year"}
"""Whole numbers (the file takes only integers here)."""
NUMBERS: frozenset[str] = frozenset({"quantity", "incidents", "units", "threshold", "rho"})
"""Plain numbers that may have decimals: counts, and a rank correlation (``0,6``)."""

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
_WORDS = re.compile(r"€|eur\b|euro\b|jaren\b|jaar\b|years?\b|yrs?\b|%", re.IGNORECASE)
_GROUPED = {
    "nl": re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$"),
    "en": re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$"),
}


def is_numeric(field: str) -> bool:
    """Whether the table view shows ``field`` as a number this module writes and reads."""
    return field in MONEY | PERCENT | WHOLE | NUMBERS


def _decimal(value: float | int | Decimal, lang: str) -> str:
    """A number with every digit it has, grouped in the language's way: 60000.5 -> ``60.000,5``."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format_decimal(
        exact, format="#,##0.###", locale=_LOCALES[lang], decimal_quantization=False
    )


def show(value: object, field: str, lang: str) -> str:
    """The text of a cell holding ``value`` (a number of ``field``); ``""`` for no value.

    >>> show(60000.0, "amount", "nl"), show(0.3, "deadweight", "nl"), show(4, "duration", "nl")
    ('€ 60.000', '30%', '4 jaar')
    """
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if field in PERCENT:
        return _decimal(Decimal(repr(value)) * 100, lang) + "%"
    if field in MONEY:
        text = _decimal(value, lang)
        return f"€ {text}" if lang == "nl" else f"€{text}".replace("€-", "-€")
    if field in YEARS:
        return t("years_count", lang, count=_decimal(value, lang))
    if field in WHOLE:
        return str(int(value))
    return _decimal(value, lang)


def default_text(section: str, field: str, lang: str) -> str:
    """The default of ``field`` in ``section`` in words (``1 jaar``), ``""`` when it has none."""
    model = SECTIONS.get(section)
    if model is None or field not in model.model_fields:
        return ""
    info = model.model_fields[field]
    return "" if info.is_required() else show(info.get_default(), field, lang)


def _normalised(text: str, lang: str) -> str:
    """Typed number text in Python's notation: ``€ 60.000,5`` -> ``60000.5`` (nl)."""
    plain = _WORDS.sub("", text).replace("\u00a0", "").replace(" ", "").replace("−", "-")
    sign, digits = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    group, point = (".", ",") if lang == "nl" else (",", ".")
    if _GROUPED[lang].match(digits) or (group in digits and point in digits):
        digits = digits.replace(group, "")
    return sign + digits.replace(",", ".")


def read(text: object, field: str, lang: str, default: str = "") -> float | int | None:
    """The value typed into a cell of ``field``: a float, an int for whole fields, or None.

    None means "leave the field out": an empty cell, or one still showing ``default`` (the
    default in words).

    Raises
    ------
    ValueError
        With the reason in ``lang`` when the text is not a number of this field.
    """
    written = "" if text is None else str(text).strip()
    if not written or written == default:
        return None
    try:
        number = Decimal(_normalised(written, lang))
    except InvalidOperation:
        raise ValueError(t("cell_not_a_number", lang)) from None
    if not number.is_finite():
        raise ValueError(t("cell_not_a_number", lang))
    if field in WHOLE:
        if number != number.to_integral_value():
            raise ValueError(t("cell_not_whole", lang))
        return int(number)
    if field in SHARES and not 0 <= number <= 100:
        raise ValueError(t("cell_share_range", lang))
    return float(number / 100) if field in PERCENT else float(number)
