"""Risks in a real browser: a team types a correlation into the Build grid, and the Uncertainty
page says that the draws include it (and the grants that may not come).

Skipped, with the reason, only when /usr/bin/chromium is missing (CI installs it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from businesscase import examples
from tests.e2e.conftest import CHROMIUM, go_to, settle, shoot

ROW_HEIGHT = 35
"""Height of a grid row in Streamlit's data editor [px] (header row included)."""
INPUTS_X = 150
"""A point inside the first column (inputs), right of the row marker [px]."""
KEY_DELAY = 40
"""Milliseconds between two keys typed into a cell: a fast typist's pace."""
RIGHT_MARGIN = 100
"""A point inside the last column (rho), this far from the grid's right edge [px]."""
GROUP = "outcomes[3].quantity; outcomes[4].quantity"
"""The square's children at play and the neighbours who feel safer: both follow how much the
square is used."""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no browser: /usr/bin/chromium is missing (CI installs it)"
)


def type_into_cell(page, text: str) -> None:
    """Type into the selected cell as a person does, a key at a time, and commit with Enter
    once the cell's editor holds the whole text; then wait for the rerun.

    The grid's cell editor opens on the first key and takes what is typed into its own state
    a moment later: keys sent all at once (Playwright's default, no delay), with Enter in the
    same few milliseconds, leave the cell as it was, so the test lost a cell now and then
    while the app never received it (see docs/app.md, "Typing into the tables")."""
    editor = page.locator("textarea.gdg-input")  # the grid's cell editor
    page.keyboard.type(text[0])  # opens the editor of a selected cell, with this key in it
    expect(editor).to_be_visible()
    page.keyboard.type(text[1:], delay=KEY_DELAY)
    expect(editor).to_have_value(text)
    page.keyboard.press("Enter")
    settle(page)


def test_a_correlation_typed_into_the_build_grid_is_in_the_draws(page, server):
    page.goto(f"{server}/build")
    page.get_by_test_id("stDataFrame").last.wait_for(timeout=45_000)
    settle(page)
    grid = page.get_by_test_id("stDataFrame").last  # the correlations come last
    grid.scroll_into_view_if_needed()
    expect(page.get_by_text("Invoer die samen beweegt (rangcorrelaties")).to_be_visible()
    # below the header and the programme's own groups, the row that adds a line: click, type
    groups = len(examples.load_botu().correlations)
    row = ROW_HEIGHT * (groups + 1.5)
    grid.click(position={"x": INPUTS_X, "y": row})
    settle(page)
    type_into_cell(page, GROUP)
    # the new line now stands where the adding row was; rho is the last column, on the right
    grid.click(position={"x": grid.bounding_box()["width"] - RIGHT_MARGIN, "y": row})
    settle(page)
    type_into_cell(page, "0,6")
    # the rerun that takes the line may start after settle() looked: wait for its verdict
    expect(page.get_by_text("Nog niet geldig")).to_have_count(0, timeout=45_000)
    shoot(page, "risks_build_correlation")

    go_to(page, "Onzekerheid")
    page.get_by_test_id("stFormSubmitButton").first.click()
    settle(page)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=90_000)
    expect(page.get_by_text("Risico's in de trekkingen")).to_be_visible()
    for line in (
        f"invoer die samen beweegt (groepen met een rangcorrelatie): {groups + 1}",
        # the square's two fund grants, nabuurschap's three, the cooperative's SCE subsidy
        "geld dat helemaal komt of helemaal niet (financieringsregels): 6",
    ):
        expect(page.get_by_text(line)).to_be_visible()
    shoot(page, "risks_uncertainty")
