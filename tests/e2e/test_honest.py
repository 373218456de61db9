"""A Dutch neighbourhood team enters its volunteers' hours as a cost in kind and a harm in the
guided build, in a real browser, and finds both on Results beside the benefits, in society's
view and in who pays, who benefits. Screenshots: ``test-artifacts/screenshots/honest_*.png``.

The expected figures come from :func:`businesscase.evaluate` on the same case written out here
as data, independently of the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from businesscase import evaluate
from businesscase import formatting as fmt
from businesscase.perspectives import value_by_perspective
from businesscase.scenario import scenario_from_dict
from tests.e2e.conftest import go_to, settle, shoot
from tests.e2e.test_guided import add, fill, pick, step

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)

START = 2027
HOURS = {
    "name": "Inzet vrijwilligers",
    "amount": 67200.0,  # 4,800 hours a year at EUR 14 (the minimum wage)
    "duration": 3,
    "in_kind": True,
    "provider": "bewoners",
}
CASE = {
    "scenario": {"name": "Burenhulp Tussendijken", "start_year": START, "horizon_years": 3},
    "stakeholders": [
        {"id": "gemeente_rotterdam", "name": "Gemeente Rotterdam", "kind": "public"},
        {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
    ],
    "costs": [{"name": "Coördinator", "amount": 50000.0, "duration": 3}, HOURS],
    "outcomes": [
        {
            "name": "Minder eenzaamheid",
            "quantity": 60.0,
            "proxy": 2500.0,
            "value_type": "social",
            "duration": 3,
            "beneficiaries": {"bewoners": 1.0},
        },
        {
            "name": "Overlast bij de ontmoetingsplek",
            "quantity": 10.0,
            "proxy": 400.0,
            "value_type": "social",
            "harm": True,
            "duration": 3,
            "beneficiaries": {"bewoners": 1.0},
        },
    ],
    "funding": [
        {
            "name": "Subsidie gemeente",
            "funder": "gemeente_rotterdam",
            "kind": "subsidy",
            "amount": 50000.0,
            "duration": 3,
        }
    ],
}


def tick(page, label: str) -> None:
    """Tick a checkbox by its label (a table's header may carry the same words)."""
    page.get_by_test_id("stCheckbox").get_by_text(label, exact=True).click()


def outcome(page, name: str, quantity: str, value: str, harm: bool) -> None:
    fill(page, "Effect", name)
    fill(page, "Aantal per jaar", quantity)
    fill(page, "Waarde per persoon per jaar (€)", value)
    pick(page, "Soort waarde", "sociaal")
    fill(page, "Aantal jaren", "3")
    fill(page, "Bewoners", "100")
    if harm:
        tick(page, "Dit is een negatief effect")
    add(page)


def test_a_team_enters_volunteer_hours_in_kind_and_a_harm_and_sees_them_on_results(page, server):
    page.goto(server)
    page.get_by_text("Stap voor stap een business case bouwen").click()
    settle(page)
    page.get_by_role("button", name="Nieuw plan beginnen").click()
    settle(page)

    fill(page, "Naam van het plan", "Burenhulp Tussendijken")
    fill(page, "Startjaar", str(START))
    fill(page, "Hoeveel jaar tellen jullie mee?", "3")
    page.get_by_role("button", name="Opslaan").click()
    settle(page)

    step(page, "2. Wie doet mee")
    for name, kind in (("Gemeente Rotterdam", "overheid"), ("Bewoners", "bewoners")):
        fill(page, "Naam van de partij", name)
        pick(page, "Soort partij", kind)
        add(page)

    step(page, "3. Wat kost het")
    fill(page, "Kostenpost", "Coördinator")
    fill(page, "Bedrag per jaar (€)", "50000")
    fill(page, "Aantal jaren", "3")
    add(page)
    fill(page, "Kostenpost", "Inzet vrijwilligers")
    fill(page, "Bedrag per jaar (€)", "67200")
    fill(page, "Aantal jaren", "3")
    tick(page, "Ingebracht in natura, niet in geld betaald")
    add(page)  # without who gives it: kept, and said in Dutch what is missing
    missing = page.get_by_text("is verplicht bij een kostenpost in natura", exact=False)
    expect(missing).to_be_visible(timeout=30_000)
    missing.scroll_into_view_if_needed()
    shoot(page, "honest_1_in_natura_zonder_inbrenger")
    pick(page, "Regel om te verwijderen", "Inzet vrijwilligers")
    page.get_by_role("button", name="Verwijderen").click()
    settle(page)
    fill(page, "Kostenpost", "Inzet vrijwilligers")
    fill(page, "Bedrag per jaar (€)", "67200")
    fill(page, "Aantal jaren", "3")
    tick(page, "Ingebracht in natura, niet in geld betaald")
    pick(page, "Wie brengt het in?", "Bewoners")
    add(page)
    shoot(page, "honest_2_kosten")

    step(page, "4. Wat levert het op")
    outcome(page, "Minder eenzaamheid", "60", "2500", harm=False)
    outcome(page, "Overlast bij de ontmoetingsplek", "10", "400", harm=True)
    shoot(page, "honest_3_baten")

    step(page, "6. Wie betaalt")
    fill(page, "Financieringsregel", "Subsidie gemeente")
    pick(page, "Wie betaalt?", "Gemeente Rotterdam")
    pick(page, "Route", "subsidie")
    fill(page, "Bedrag per jaar (€; bij een lening: het hele bedrag)", "50000")
    fill(page, "Aantal jaren", "3")
    add(page)

    shoot(page, "honest_3b_betalen")
    result = evaluate(scenario_from_dict(CASE))
    views = value_by_perspective(result)
    assert result.metrics["closes"]  # the hours need no cash: the subsidy pays the coordinator
    go_to(page, "Resultaten")
    heading = page.get_by_text("Wat telt mee: de maatschappij en wie betaalt, wie profiteert")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible(timeout=30_000)
    for row in ("in_kind", "harm", "net"):
        cell = page.locator(
            "td[role=gridcell]", has_text=fmt.money(views.loc[row, "society"], "nl")
        )
        expect(cell.first).to_be_attached(timeout=30_000)
    expect(page.get_by_text("inbreng in natura (vrijwilligerstijd, om niet)")).to_be_attached()
    expect(page.get_by_text("negatieve effecten", exact=True).first).to_be_attached()
    page.wait_for_timeout(1000)
    shoot(page, "honest_4_resultaten")
