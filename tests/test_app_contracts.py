"""Outcome contracts in the app (AppTest through app.py), on the worked contract of
docs/methodology.md (two payers, drawdown, return cap, guarantee): the table view keeps a
contract's metrics and payers while its other cells are edited, a second contract is a second
row, and Results shows each contract from the investor's side."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_contracts import worked_contract

from app_pages import state
from businesscase import dump_scenario, evaluate
from businesscase import formatting as fmt
from businesscase.scenario import scenario_from_dict
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
NAME = "Werk met twee betalers"
SETTINGS = {"name": NAME, "start_year": 2026, "horizon_years": 5, "discount_rate": 0.0}


def open_with_contract(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    toml = dump_scenario(scenario_from_dict(worked_contract() | {"scenario": SETTINGS}))
    variants = dict(at.session_state[state.VARIANTS_KEY])
    variants[NAME] = state.Variant(NAME, toml)
    at.session_state[state.VARIANTS_KEY] = variants
    at.session_state[state.CURRENT_KEY] = NAME
    at.switch_page(page).run()
    assert not at.exception
    return at


def contract_table(at) -> dict[str, str]:
    """The Results page's contract table: figure in words -> the one contract's value."""
    [frame] = [f.value for f in at.dataframe if t("contract_name", "nl") in list(f.value.columns)]
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1], strict=True))


def edit_contracts(at, edited=None, added=None) -> None:
    [key] = [e.key for e in at.data_editor if e.key.startswith("build_sib_")]
    at.session_state[key] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception


def test_results_show_the_contract_from_the_investors_side():
    at = open_with_contract("app_pages/results.py")
    shown = contract_table(at)
    assert shown[t("contract_investor", "nl")] == "Belegger"
    assert shown[t("contract_total_payments", "nl")] == "€ 224.131"
    assert shown[t("contract_trimmed_by_return_cap", "nl")] == "€ 25.869"
    assert shown[t("contract_investor_irr", "nl")] == "8,0%"
    assert shown[t("contract_guarantee_payment", "nl")] == "€ 0"
    assert shown[t("contract_breakeven_share", "nl")] == "66,7%"


def test_editing_a_contract_in_the_table_keeps_its_metrics_and_payers():
    at = open_with_contract("app_pages/build.py")
    edit_contracts(at, {0: {"max_irr": ""}})  # no return cap any more
    assert not at.error
    scenario = at.session_state[state.VARIANTS_KEY][NAME].scenario
    (bond,) = scenario.contracts
    assert bond.max_irr is None
    assert bond.metrics[0].payers == {"gemeente": 0.6, "uwv": 0.4}
    assert bond.drawdown == [0.5, 0.5]
    # without the return cap the cap binds: 250,000 in four payments
    assert evaluate(scenario).metrics["sib_total_payments"] == 250_000.0
    at.switch_page("app_pages/results.py").run()
    shown = contract_table(at)
    assert shown[t("contract_total_payments", "nl")] == fmt.money(250_000.0, "nl")


def test_a_second_row_is_a_second_contract_and_a_bad_drawdown_is_said_in_words():
    at = open_with_contract("app_pages/build.py")
    second = {
        "name": "Zorg",
        "investor": "fonds",
        "outcome_payer": "gemeente",
        "capital": "€ 50.000",
        "outcome": "Werk",
        "price": "€ 1.000",
        "drawdown": "50%; 50%",
    }
    edit_contracts(at, {0: {"name": "Werk"}}, [second])
    assert not at.error
    scenario = at.session_state[state.VARIANTS_KEY][NAME].scenario
    assert [bond.name for bond in scenario.contracts] == ["Werk", "Zorg"]
    assert scenario.contracts[1].drawdown == [0.5, 0.5]
    edit_contracts(at, {0: {"name": "Werk"}}, [second | {"drawdown": "50%; 40%"}])
    assert at.error
    assert "0.9" in at.code[0].value or "0,9" in at.code[0].value
