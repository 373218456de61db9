"""A Dutch team brings its outcome contract (two payers, capital drawn over two years, a return
cap and a foundation's guarantee) into the app in a real browser: it uploads the file on the
Build page, sees the contract in the table view and on Results from the investor's side; then
another team builds the same contract in the guided build's contract form (step 6) and reads it
on Results from each payer's side. Screenshots: ``test-artifacts/screenshots/contract_*.png``.

The expected figures come from :func:`businesscase.evaluate` on the same contract (the worked
contract of docs/methodology.md), independently of the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from businesscase import dump_scenario, evaluate
from businesscase import formatting as fmt
from businesscase.scenario import scenario_from_dict
from tests.e2e.conftest import go_to, settle, shoot
from tests.e2e.test_guided import fill, pick, step
from tests.test_contracts import worked_contract

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)

NAME = "Werkcontract met twee betalers"


def test_a_team_uploads_a_contract_with_two_payers_and_sees_it_on_results(page, server, tmp_path):
    data = worked_contract()
    data["scenario"] |= {"name": NAME}
    scenario = scenario_from_dict(data)
    file = tmp_path / "werkcontract.toml"
    file.write_text(dump_scenario(scenario), encoding="utf-8")
    expected = evaluate(scenario).sib_contracts.iloc[0]

    page.goto(server)
    settle(page)
    go_to(page, "Opbouwen")
    page.get_by_text("Scenariobestand uploaden (TOML)").first.click()
    page.locator('input[type="file"]').set_input_files(str(file))
    settle(page)
    contracts = page.get_by_text(
        "Resultaatcontracten (social impact bonds), één regel per contract", exact=True
    ).first
    contracts.scroll_into_view_if_needed()
    expect(contracts).to_be_visible(timeout=30_000)
    settle(page)
    shoot(page, "contract_build")

    go_to(page, "Resultaten")
    heading = page.get_by_role("heading", name="Resultaatcontracten", exact=True)
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible(timeout=30_000)
    table = page.get_by_test_id("stDataFrame").filter(has_text="IRR investeerder")
    table.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "contract_results")
    # the grid draws on a canvas; its cells are also in the page for screen readers
    for text in (
        fmt.money(expected["total_payments"], "nl"),
        fmt.percent(expected["investor_irr"], "nl"),
        fmt.money(expected["trimmed_by_return_cap"], "nl"),
    ):
        expect(table.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)


def test_a_team_writes_the_contract_in_the_guided_form_and_reads_each_payers_side(
    page, server, tmp_path
):
    data = worked_contract()
    data["scenario"] |= {"name": NAME}
    without = scenario_from_dict({key: value for key, value in data.items() if key != "sib"})
    file = tmp_path / "werk_zonder_contract.toml"
    file.write_text(dump_scenario(without), encoding="utf-8")
    expected = evaluate(scenario_from_dict(data))

    page.goto(server)
    settle(page)
    go_to(page, "Opbouwen")
    page.get_by_text("Scenariobestand uploaden (TOML)").first.click()
    page.locator('input[type="file"]').set_input_files(str(file))
    settle(page)
    go_to(page, "Stap voor stap")
    step(page, "6. Wie betaalt")
    page.get_by_text("Resultaatcontract (social impact bond) toevoegen").click()
    settle(page)
    pick(page, "investeerder", "Belegger")
    fill(page, "kapitaal", "200000")
    fill(page, "opname (aandeel per jaar)", "50%; 50%")
    fill(page, "prijs per resultaat", "5000")
    pick(page, "betaler", "Gemeente")
    pick(page, "tweede betaler (mag leeg)", "Uwv")
    fill(page, "aandeel eerste betaler (%)", "60")
    fill(page, "plafond", "250000")
    fill(page, "rendementsplafond (max. IRR) (%)", "8")
    pick(page, "garantsteller", "Fonds")
    fill(page, "gegarandeerd aandeel (%)", "50")
    shoot(page, "contract_guided_form")
    page.get_by_role("button", name="Contract aanmaken").click()
    settle(page)

    go_to(page, "Resultaten")
    heading = page.get_by_role("heading", name="Resultaatcontracten vanuit de betalers")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible(timeout=30_000)
    table = page.get_by_test_id("stDataFrame").filter(has_text="bespaart in geld (CW)")
    table.scroll_into_view_if_needed()
    settle(page)
    shoot(page, "contract_payers")
    # the engine's payers: the municipality pays 134,479 against 360,000, UWV 89,652 against
    # 240,000 (docs/methodology.md, the worked contract)
    paid = expected.flows[expected.flows["flow"] == "outcome_payment"].groupby("stakeholder")["pv"]
    for text in (
        fmt.money(paid.sum()["gemeente"], "nl"),
        fmt.money(paid.sum()["uwv"], "nl"),
        fmt.money(360_000.0, "nl"),
        fmt.money(240_000.0, "nl"),
    ):
        expect(table.get_by_text(text, exact=True).first).to_be_attached(timeout=30_000)
    expect(
        page.get_by_text("het rendementsplafond van 8,0% per jaar haalde", exact=False).first
    ).to_be_visible(timeout=30_000)
