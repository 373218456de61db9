"""The library of proxies and unit costs: Dutch figures a neighbourhood team can start from.

The figures ship with the package as ``businesscase/data/proxies.csv`` (UTF-8, comma-separated,
decimal point), one row per figure: what it values, its value in euros with its unit, the year
and price level, the value type it usually has, how sure it is, and its source. The guided build
offers them where a team values an outcome (a proxy) or an avoided cost (a unit cost);
``docs/library.md`` lists them.

How sure a figure is (``certainty``):

- ``measured``: a published figure, taken as published (a tariff, a statutory norm);
- ``estimated``: derived by us from published figures (the derivation is in the source);
- ``illustrative``: an order of magnitude without a published source; it says so, and a team
  should replace it by its own figure before the case goes to a funder.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from businesscase import formatting as fmt
from businesscase.text import t
from businesscase.vocabulary import VALUE_TYPES

CERTAINTIES: tuple[str, ...] = ("measured", "estimated", "illustrative")
"""How sure a figure is, from most to least."""
USES: tuple[str, ...] = ("proxy", "unit_cost")
"""Where a figure goes: the value of one outcome, or the cost of one avoided incident."""
COLUMNS: tuple[str, ...] = (
    "id",
    "name_nl",
    "name_en",
    "use",
    "value",
    "unit_nl",
    "unit_en",
    "year",
    "price_level",
    "value_type",
    "certainty",
    "source",
)
"""The columns of ``proxies.csv``, in order."""


@dataclass(frozen=True)
class Entry:
    """One figure of the library.

    Attributes
    ----------
    id : str
        Unique, stable name of the figure.
    name : dict of str to str
        What it values, by language code.
    use : str
        ``proxy`` or ``unit_cost`` (see :data:`USES`).
    value : float
        The figure [EUR per ``unit``, prices of ``price_level``].
    unit : dict of str to str
        Per what the value counts (``per persoon per jaar``), by language code.
    year : int
        The year the figure describes.
    price_level : int
        The year whose prices the value is in; index it to the case's start year.
    value_type : str
        The value type it usually has: fiscal, economic or social.
    certainty : str
        ``measured``, ``estimated`` or ``illustrative`` (see :data:`CERTAINTIES`).
    source : str
        Where it comes from, in Dutch, with the derivation where we made one.
    """

    id: str
    name: dict[str, str]
    use: str
    value: float
    unit: dict[str, str]
    year: int
    price_level: int
    value_type: str
    certainty: str
    source: str

    def label(self, lang: str) -> str:
        """One line for a pick-list: ``Consult bij de huisarts: € 12 per consult (gemeten)``."""
        if self.value.is_integer():
            money = fmt.money(self.value, lang)
        else:
            money = ("€ {}" if lang == "nl" else "€{}").format(fmt.number(self.value, lang))
        sure = t(f"certainty_{self.certainty}", lang)
        return f"{self.name[lang]}: {money} {self.unit[lang]} ({sure})"

    def citation(self, lang: str) -> str:
        """The source as a line's ``proxy_source``: the source, price level and certainty."""
        sure = t(f"certainty_{self.certainty}", lang)
        return f"{self.source} [{t('price_level', lang)} {self.price_level}; {sure}]"


def _entry(row: dict[str, str], line: int) -> Entry:
    """One CSV row as an entry; a broken row is a bug in the shipped data (ValueError)."""
    where = f"proxies.csv line {line}"
    if tuple(row) != COLUMNS:
        raise ValueError(f"{where}: columns must be {', '.join(COLUMNS)}")
    if row["use"] not in USES or row["certainty"] not in CERTAINTIES:
        raise ValueError(f"{where}: use must be one of {USES}, certainty one of {CERTAINTIES}")
    if row["value_type"] not in VALUE_TYPES:
        raise ValueError(f"{where}: value_type must be one of {VALUE_TYPES}")
    value = float(row["value"])
    if not value >= 0:
        raise ValueError(f"{where}: value must be a number >= 0")
    if not row["source"].strip():
        raise ValueError(f"{where}: every figure needs its source")
    return Entry(
        id=row["id"],
        name={"nl": row["name_nl"], "en": row["name_en"]},
        use=row["use"],
        value=value,
        unit={"nl": row["unit_nl"], "en": row["unit_en"]},
        year=int(row["year"]),
        price_level=int(row["price_level"]),
        value_type=row["value_type"],
        certainty=row["certainty"],
        source=row["source"],
    )


@cache
def entries() -> tuple[Entry, ...]:
    """Every figure of the library, in file order (read once).

    >>> [entry.id for entry in entries() if entry.certainty == "measured"]
    ['bijstand_alleenstaande', 'huisarts_consult']
    """
    text = resources.files("businesscase").joinpath("data/proxies.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    found = tuple(_entry(row, number) for number, row in enumerate(rows, start=2))
    ids = [entry.id for entry in found]
    if len(set(ids)) != len(ids):
        raise ValueError("proxies.csv: every id must be unique")
    return found
