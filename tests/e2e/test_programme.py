"""A Dutch team opens the BoTu programme (the app's first case) in a real browser and reads on
Results, per project, whether it closes on its own money, what it needs from the pooled money
and its own subsidy cliff; then the pool over the years and who lends to whom. Screenshots:
``test-artifacts/screenshots/programme_results.png``, ``programme_pool.png`` and
``programme_lending.png``.

The expected figures come from :func:`businesscase.evaluate` on the shipped programme,
independently of the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app_pages import tables
from businesscase import evaluate, examples
from businesscase import formatting as fmt
from businesscase.projects import lending, pool_by_year
from tests.e2e.conftest import go_to, settle, shoot

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)


def results_at(page, server, heading: str) -> None:
    """Open Results on the app's first case (the BoTu programme) and scroll to a heading."""
    page.goto(server)
    settle(page)
    go_to(page, "Resultaten")
    found = page.get_by_role("heading", name=heading)
    found.scroll_into_view_if_needed()
    expect(found).to_be_visible(timeout=30_000)


def test_a_team_reads_each_projects_own_money_and_the_pool_on_results(page, server):
    projects = evaluate(examples.load_botu()).projects.set_index("id")
    results_at(page, server, "Projecten van het programma")
    # the projects' table: the one with the pool row (Results has several tables)
    table = page.get_by_test_id("stDataFrame").filter(has_text="hoogstens nodig uit de pot")
    table.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "programme_results")
    # the grid draws on a canvas; its cells are also in the page for screen readers
    for text in (
        "hoogstens nodig uit de pot",
        fmt.money(projects.loc["nabuurschap", "pool_needed"], "nl"),
        "2030 (t=3)",
        "Nabuurschap",
    ):
        expect(table.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)
    expect(
        page.get_by_text("Geoormerkt geld betaalt alleen het eigen project").first
    ).to_be_visible()


def test_a_team_reads_the_pool_over_the_years_and_who_lends_to_whom(page, server):
    botu = examples.load_botu()
    free = evaluate(botu).yearly.set_index("year")["cash_balance"]
    lent = lending(pool_by_year(botu))
    results_at(page, server, "De pot over de jaren")
    chart = page.get_by_test_id("stPlotlyChart").filter(
        has_text="Gedeeld geld: ingebracht, nodig, vrij"
    )
    chart.scroll_into_view_if_needed()
    expect(chart.get_by_text("Vrij gedeeld geld (kassaldo)")).to_be_visible(timeout=30_000)
    expect(chart.get_by_text("Nabuurschap: nodig uit de pot")).to_be_visible()
    settle(page)
    shoot(page, "programme_pool")
    worst = f"Het krapste jaar van de pot: 2036, {fmt.money(-free.min(), 'nl')} tekort."
    expect(page.get_by_text(worst)).to_be_visible()
    table = page.get_by_test_id("stDataFrame").filter(has_text="van wie het gedeelde geld is")
    table.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "programme_lending")
    last = lent[(lent["year"] == 2036) & (lent["borrower"] == "nabuurschap")]
    for text in ("niemand: niet gedekt", "Nabuurschap", fmt.money(last["amount"].iloc[0], "nl")):
        expect(table.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)


def test_a_team_sees_each_lines_project_and_what_earmarked_means_in_the_guided_build(page, server):
    page.goto(server)
    settle(page)
    go_to(page, "Stap voor stap")
    heading = page.get_by_role("heading", name="Projecten (alleen bij een programma)")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible(timeout=30_000)
    expect(
        page.get_by_text("een baatbelasting alleen de voorziening waarvoor ze is geheven").first
    ).to_be_visible()
    table = page.get_by_test_id("stDataFrame").filter(has_text="Bij welk project hoort het?")
    table.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "programme_guided")
    # the grid draws on a canvas (the screenshot shows the project's name); its cells are also
    # in the page for screen readers, a pick-list cell as its value (the project's id)
    for text in ("Kosten", "West Practice: Werving en opzet programma", "west_practice"):
        expect(table.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)


def test_the_table_view_shows_each_lines_project_and_pooled_flag(page, server):
    page.goto(server)
    settle(page)
    go_to(page, "Opbouwen")
    grids = page.get_by_test_id("stDataFrame")
    projects = grids.nth(tables.TABLES.index("projects"))
    projects.wait_for(timeout=60_000)
    funding = grids.nth(tables.TABLES.index("funding"))
    funding.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "programme_build")
    for text in ("nabuurschap", "Nabuurschap"):
        expect(projects.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)
    # a pick-list cell is in the page for screen readers as its value (the project's id)
    expect(funding.get_by_text("driehoeksplein", exact=True).first).to_be_attached()
    expect(funding.get_by_text("default", exact=True).first).to_be_attached()
