"""A Dutch team reads the energy cooperative's actuals of 2027 and 2028 into the Monitoren page,
in a real browser, and reads the reforecast's verdict: the plan no longer closes. Screenshots:
``test-artifacts/screenshots/monitor_*.png``. The expected verdict comes from
:func:`businesscase.monitor` on the same files, independently of the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from businesscase import examples, monitor
from businesscase.monitoring import verdict
from tests.e2e.conftest import settle, shoot

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)

ROOT = Path(__file__).resolve().parents[2]
ACTUALS = ROOT / "scenarios/actuals/energiecooperatie_2027_2028.csv"


def test_a_team_uploads_its_actuals_and_reads_the_verdict(page, server):
    expected = verdict(monitor(examples.load_example("energiecooperatie"), ACTUALS), "nl")
    page.goto(f"{server}/monitoren?scenario=energiecooperatie")
    page.get_by_test_id("stSidebar").wait_for(timeout=45_000)
    settle(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Nog geen realisaties")).to_be_visible()
    shoot(page, "monitor_empty")

    main.get_by_text("Realisaties inlezen uit een CSV-bestand").click()
    main.locator("input[type=file]").set_input_files(str(ACTUALS))
    settle(page)
    expect(main.get_by_text("11 realisaties ingelezen uit")).to_be_visible(timeout=45_000)
    alert = main.get_by_test_id("stAlertContentError").first
    expect(alert).to_have_text(expected)
    assert expected.startswith("Niet meer sluitend")
    shoot(page, "monitor_verdict")

    main.get_by_text("Afwijkingen, de grootste in euro's eerst").scroll_into_view_if_needed()
    settle(page)
    shoot(page, "monitor_variance")
    # the year table shows what was reported for 2027, in Dutch
    expect(main.get_by_text("Realisaties typen voor")).to_be_visible()
