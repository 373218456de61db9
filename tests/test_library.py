"""The library of proxies and unit costs shipped with the package."""

import csv
from importlib import resources

import pytest

from businesscase import library

TOPICS = (
    "bijstand",
    "wmo",
    "jeugdhulp",
    "schuldhulp",
    "politie",
    "handhaving",
    "huisarts",
    "ggz",
    "eenzaam",
    "vrijwilligers",
    "werkplek",
)
"""What teams need a figure for (each id holds one of these words)."""


def test_every_figure_has_a_value_a_unit_a_year_a_certainty_and_a_source():
    entries = library.entries()
    assert len({entry.id for entry in entries}) == len(entries)
    for entry in entries:
        assert entry.value >= 0 and entry.unit["nl"] and entry.unit["en"]
        assert 2000 <= entry.price_level <= entry.year + 1
        assert entry.certainty in library.CERTAINTIES
        assert entry.source.strip()


def test_the_library_covers_what_teams_need():
    ids = " ".join(entry.id for entry in library.entries())
    assert [topic for topic in TOPICS if topic not in ids] == []


def test_an_illustrative_figure_says_so_in_its_source():
    for entry in library.entries():
        if entry.certainty == "illustrative":
            assert entry.source.startswith("Illustratief:"), entry.id
            assert "geen gepubliceerde bron" in entry.source, entry.id


def test_the_measured_figures_are_the_published_ones():
    by_id = {entry.id: entry for entry in library.entries()}
    # Participatiewet norm 1 July 2025, single person: 1.369,06 a month incl. holiday allowance
    assert by_id["bijstand_alleenstaande"].value == pytest.approx(round(12 * 1369.06))
    assert by_id["huisarts_consult"].value == 12.43  # NZa maximum tariff 2025
    assert by_id["wmo_huishoudelijke_hulp"].value == 56 * 52  # EUR 56 a week, 2015


def test_a_pick_list_line_and_a_citation_in_dutch():
    work = next(entry for entry in library.entries() if entry.id == "bijstand_alleenstaande")
    assert work.label("nl") == (
        "Bijstandsuitkering die niet meer nodig is (alleenstaande): € 16.429 per persoon per "
        "jaar (gemeten)"
    )
    assert work.citation("nl").endswith("[prijspeil 2025; gemeten]")
    gp = next(entry for entry in library.entries() if entry.id == "huisarts_consult")
    assert gp.label("nl") == "Consult bij de huisarts: € 12,43 per consult (gemeten)"


def test_a_broken_row_is_refused_naming_its_line():
    text = resources.files("businesscase").joinpath("data/proxies.csv").read_text("utf-8")
    row = next(csv.DictReader(text.splitlines()))
    with pytest.raises(ValueError, match="proxies.csv line 7: every figure needs its source"):
        library._entry({**row, "source": " "}, 7)
    with pytest.raises(ValueError, match="line 3: use must be one of"):
        library._entry({**row, "certainty": "sure"}, 3)
