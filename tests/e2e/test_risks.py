"""Risks in a real browser: a team types a correlation into the Build grid, and the Uncertainty
page says that the draws include it (and the grants that may not come).

Skipped, with the reason, only when /usr/bin/chromium is missing (CI installs it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, go_to, settle, shoot

ROW_HEIGHT = 35
"""Height of a grid row in Streamlit's data editor [px] (header row included)."""
INPUTS_X = 150
"""A point inside the first column (inputs), right of the row marker [px]."""
GROUP = "outcomes[0].quantity; outcomes[1].quantity"
"""West Practice's young people in work and their higher income: the same participants."""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no browser: /usr/bin/chromium is missing (CI installs it)"
)


def type_into_cell(page, text: str) -> None:
    """Type into the selected cell as a person does (typing opens its editor), commit with
    Enter and wait for the rerun."""
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    settle(page)


def test_a_correlation_typed_into_the_build_grid_is_in_the_draws(page, server):
    page.goto(f"{server}/build")
    page.get_by_test_id("stDataFrame").last.wait_for(timeout=45_000)
    settle(page)
    grid = page.get_by_test_id("stDataFrame").last  # the correlations come last
    grid.scroll_into_view_if_needed()
    expect(page.get_by_text("Invoer die samen beweegt (rangcorrelaties")).to_be_visible()
    # an empty grid has only its header and the row that adds a line: click it and type
    grid.click(position={"x": INPUTS_X, "y": ROW_HEIGHT * 1.5})
    settle(page)
    type_into_cell(page, GROUP)
    # Enter moved the selection down to the row that adds a line: back up, right to rho
    for key in ("ArrowUp", "ArrowRight"):
        page.keyboard.press(key)
    type_into_cell(page, "0,6")
    shoot(page, "risks_build_correlation")
    assert page.get_by_text("Nog niet geldig").count() == 0

    go_to(page, "Onzekerheid")
    page.get_by_test_id("stFormSubmitButton").first.click()
    settle(page)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=90_000)
    expect(page.get_by_text("Risico's in de trekkingen")).to_be_visible()
    for line in (
        "invoer die samen beweegt (groepen met een rangcorrelatie): 1",
        "geld dat helemaal komt of helemaal niet (financieringsregels): 5",
    ):
        expect(page.get_by_text(line)).to_be_visible()
    shoot(page, "risks_uncertainty")
