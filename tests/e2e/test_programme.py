"""A Dutch team opens the BoTu programme (the app's first case) in a real browser and reads on
Results, per project, whether it closes on its own money, what it needs from the pooled money
and its own subsidy cliff. Screenshot: ``test-artifacts/screenshots/programme_results.png``.

The expected figures come from :func:`businesscase.evaluate` on the shipped programme,
independently of the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from businesscase import evaluate, examples
from businesscase import formatting as fmt
from tests.e2e.conftest import go_to, settle, shoot

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)


def test_a_team_reads_each_projects_own_money_and_the_pool_on_results(page, server):
    projects = evaluate(examples.load_botu()).projects.set_index("id")
    page.goto(server)
    settle(page)
    go_to(page, "Resultaten")
    heading = page.get_by_role("heading", name="Projecten van het programma")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible(timeout=30_000)
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
