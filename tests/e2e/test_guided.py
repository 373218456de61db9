"""A neighbourhood team builds the language café in a real browser, from an empty page, through
the guided steps only; then Results shows the engine's gap and first short year, and step 7
closes the gap without the residents; the coordinators may start a year late, which the
Uncertainty page lists among the risks it draws. Every step is saved as a screenshot
(``test-artifacts/screenshots/guided_*.png``).

The expected figures come from :func:`businesscase.evaluate` on the same case written out here
as data, independently of the app.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from businesscase import close_the_gap, evaluate, library
from businesscase import formatting as fmt
from businesscase.scenario import scenario_from_dict
from tests.e2e.conftest import go_to, settle, shoot

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)

START = 2027
WORK = next(entry for entry in library.entries() if entry.id == "bijstand_alleenstaande")
CAFE = {
    "scenario": {
        "name": "Taalcafé Bospolder",
        "area": "Bospolder-Tussendijken",
        "start_year": START,
        "horizon_years": 5,
        "themes": ["Werk", "Cohesie"],
    },
    "stakeholders": [
        {"id": "gemeente_rotterdam", "name": "Gemeente Rotterdam", "kind": "public"},
        {"id": "woonstad_rotterdam", "name": "Woonstad Rotterdam", "kind": "housing"},
        {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
    ],
    "costs": [
        {
            "name": "Twee coördinatoren",
            "amount": 60000.0,
            # may start a year late (the guided build's "Kan dit later beginnen?": 1)
            "start": {"dist": "triangular", "low": -0.5, "mode": -0.5, "high": 1.5},
            "duration": 4,
        },
        {"name": "Onkosten vrijwilligers", "amount": 5000.0, "duration": 4},
    ],
    "outcomes": [
        {
            "name": "Meer bewoners vinden werk",
            "quantity": 3.0,
            "proxy": WORK.value,
            "value_type": "fiscal",
            "deadweight": 0.3,
            "attribution": 0.2,
            "lasts": 2,
            "cashable_share": 1.0,
            "duration": 4,
            "beneficiaries": {"gemeente_rotterdam": 1.0},
        }
    ],
    "funding": [
        {
            "name": "Subsidie gemeente",
            "funder": "gemeente_rotterdam",
            "kind": "subsidy",
            "amount": 60000.0,
            "duration": 2,
        },
        {
            "name": "Bijdrage Woonstad",
            "funder": "woonstad_rotterdam",
            "kind": "contribution",
            "amount": 10000.0,
            "duration": 4,
        },
    ],
}


def fill(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Tab")


def pick(page, label: str, option: str) -> None:
    """Choose in a pick-list as a person with a keyboard does: open it, type, Enter."""
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).wait_for()
    page.keyboard.press("Enter")


def step(page, title: str) -> None:
    page.get_by_role("radio", name=title, exact=True).click()
    settle(page)


def add(page) -> None:
    page.get_by_role("button", name="Toevoegen").click()
    settle(page)


def test_a_team_builds_the_language_cafe_step_by_step(page, server):
    begun = time.monotonic()
    page.goto(server)
    page.get_by_text("Stap voor stap een business case bouwen").click()
    settle(page)
    page.get_by_role("button", name="Nieuw plan beginnen").click()
    settle(page)

    # 1. Het plan
    fill(page, "Naam van het plan", "Taalcafé Bospolder")
    fill(page, "Wijk of buurt", "Bospolder-Tussendijken")
    fill(page, "Startjaar", str(START))
    fill(page, "Hoeveel jaar tellen jullie mee?", "5")
    for theme in ("Werk", "Cohesie"):
        pick(page, "Thema's", theme)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Opslaan").click()
    settle(page)
    shoot(page, "guided_1_plan")

    # 2. Wie doet mee
    step(page, "2. Wie doet mee")
    for name, kind in (
        ("Gemeente Rotterdam", "overheid"),
        ("Woonstad Rotterdam", "woningcorporatie"),
        ("Bewoners", "bewoners"),
    ):
        fill(page, "Naam van de partij", name)
        pick(page, "Soort partij", kind)
        add(page)
    shoot(page, "guided_2_partijen")

    # 3. Wat kost het
    step(page, "3. Wat kost het")
    for name, amount, slip in (
        ("Twee coördinatoren", "60000", "1"),
        ("Onkosten vrijwilligers", "5000", "0"),
    ):
        fill(page, "Kostenpost", name)
        fill(page, "Bedrag per jaar (€)", amount)
        fill(page, "Kan dit later beginnen? Hoeveel jaar hoogstens", slip)
        fill(page, "Aantal jaren", "4")
        add(page)
    # the coordinators' first year: planned 2027, a year late at most
    slipping = page.locator("td[role=gridcell]", has_text=f"{START}–{START + 1}")
    expect(slipping.first).to_be_attached(timeout=30_000)
    shoot(page, "guided_3_kosten")

    # 4. Wat levert het op: the proxy from the library
    step(page, "4. Wat levert het op")
    fill(page, "Effect", "Meer bewoners vinden werk")
    pick(page, "Waarde uit de bibliotheek", WORK.label("nl"))
    fill(page, "Aantal per jaar", "3")
    fill(page, "Was toch gebeurd (%)", "30")
    fill(page, "Dankzij anderen (%)", "20")
    fill(page, "Hoe lang houdt het effect aan (jaren)?", "2")
    fill(page, "Deel dat echt geld bespaart (%)", "100")
    fill(page, "Aantal jaren", "4")
    fill(page, "Gemeente Rotterdam", "100")
    add(page)
    shoot(page, "guided_4_baten")

    # 5. Wat wordt voorkomen: nothing in the language café
    step(page, "5. Wat wordt voorkomen")
    shoot(page, "guided_5_voorkomen")

    # 6. Wie betaalt
    step(page, "6. Wie betaalt")
    for name, funder, route, amount, years in (
        ("Subsidie gemeente", "Gemeente Rotterdam", "subsidie", "60000", "2"),
        (
            "Bijdrage Woonstad",
            "Woonstad Rotterdam",
            "bijdrage van wie er baat bij heeft",
            "10000",
            "4",
        ),
    ):
        fill(page, "Financieringsregel", name)
        pick(page, "Wie betaalt?", funder)
        pick(page, "Route", route)
        fill(page, "Bedrag per jaar (€; bij een lening: het hele bedrag)", amount)
        fill(page, "Aantal jaren", years)
        add(page)
    shoot(page, "guided_6_betalen")
    minutes = (time.monotonic() - begun) / 60

    # the case as built is the case written out above: the engine's figures on Results
    expected = evaluate(scenario_from_dict(CAFE)).metrics
    assert not expected["closes"]
    go_to(page, "Resultaten")
    verdict = (
        f"er ontbreekt {fmt.money(expected['funding_gap'], 'nl')} op het laagste punt van het "
        "kassaldo"
    )
    expect(page.get_by_text(verdict, exact=False)).to_be_visible(timeout=30_000)
    first_short = fmt.year(expected["first_short_year"], START)  # the card beside the verdict
    expect(page.get_by_text(first_short, exact=True).first).to_be_visible(timeout=30_000)
    shoot(page, "guided_results")

    # the Monte Carlo draws the start that may slip, and says so
    go_to(page, "Onzekerheid")
    page.get_by_test_id("stFormSubmitButton").first.click()
    settle(page)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=90_000)
    expect(page.get_by_text("Risico's in de trekkingen")).to_be_visible()
    timing = "starts, looptijden of duur van effecten die kunnen verschuiven (hele jaren): 1"
    expect(page.get_by_text(timing)).to_be_visible()
    shoot(page, "guided_uncertainty")

    # 7. Sluit het? without the residents (left out by default)
    go_to(page, "Stap voor stap")
    step(page, "7. Sluit het?")
    proposal = close_the_gap(scenario_from_dict(CAFE), leave_out={"bewoners"})
    assert proposal.closes
    asked = proposal.stakeholders.set_index("id")["pv_contribution"]
    # a table's cells are drawn on a canvas; their text is in the grid's accessible cells
    cell = page.locator("td[role=gridcell]", has_text=fmt.money(asked["gemeente_rotterdam"], "nl"))
    expect(cell.first).to_be_attached(timeout=30_000)
    shoot(page, "guided_7_sluit")
    page.get_by_role("button", name="Bewaar dit voorstel als nieuwe variant").click()
    settle(page)
    go_to(page, "Resultaten")
    expect(page.get_by_text("De business case is sluitend")).to_be_visible(timeout=30_000)
    shoot(page, "guided_closed")
    print(f"language café through the guided steps: {minutes:.1f} minutes of browser time")
