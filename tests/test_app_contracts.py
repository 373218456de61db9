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


def open_with_contract(page: str, people: float = 20.0) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    toml = dump_scenario(scenario_from_dict(worked_contract(people) | {"scenario": SETTINGS}))
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


def payer_rows(at) -> dict[str, list[str]]:
    """The Results page's payers' table: payer -> [pays, saves in money, net], as shown."""
    [frame] = [f.value for f in at.dataframe if t("payers_name", "nl") in list(f.value.columns)]
    columns = ("payers_pv_paid", "payers_pv_cashable_benefit", "payers_net_pv")
    return {
        row[t("payers_name", "nl")]: [row[t(column, "nl")] for column in columns]
        for _, row in frame.iterrows()
    }


def test_results_show_the_contract_from_each_payers_side():
    # docs/methodology.md, the worked contract: the line is worth 600,000, all cashable,
    # 60% gemeente (360,000) and 40% uwv (240,000); they pay 134,478.72 and 89,652.48.
    at = open_with_contract("app_pages/results.py")
    assert payer_rows(at) == {
        "Gemeente": ["€ 134.479", "€ 360.000", "€ 225.521"],
        "Uwv": ["€ 89.652", "€ 240.000", "€ 150.348"],
    }
    said = [element.value for element in at.markdown]
    trimmed = t(
        "payers_return_cap_trimmed",
        "nl",
        contract="SIB",
        max_irr="8,0%",
        amount="€ 25.869",
        irr="8,0%",
    )
    assert state.markdown_text(trimmed) in said
    untouched = t("payers_guarantee_untouched", "nl", contract="SIB", guarantor="Fonds")
    assert state.markdown_text(untouched) in said


def test_results_say_when_the_guarantee_is_called():
    # With 10 people a year the contract pays 37,500 a year, 150,000 in all: the fund pays
    # 50% of the 50,000 short, 25,000, in 2030 (docs/methodology.md, the worked contract).
    at = open_with_contract("app_pages/results.py", people=10.0)
    called = t(
        "payers_guarantee_called",
        "nl",
        contract="SIB",
        guarantor="Fonds",
        amount="€ 25.000",
        year=2030,
    )
    assert state.markdown_text(called) in [element.value for element in at.markdown]


def test_the_guided_form_writes_the_worked_contract():
    # the worked contract of docs/methodology.md typed into step 6 of the guided build: two
    # payers 60/40, capital drawn 50%; 50%, cap, return cap 8%, the fund guaranteeing 50%
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    data = worked_contract() | {"scenario": SETTINGS}
    expected = scenario_from_dict(data)
    without = {section: value for section, value in data.items() if section != "sib"}
    variants = dict(at.session_state[state.VARIANTS_KEY])
    variants[NAME] = state.Variant(NAME, dump_scenario(scenario_from_dict(without)))
    at.session_state[state.VARIANTS_KEY] = variants
    at.session_state[state.CURRENT_KEY] = NAME
    at.switch_page("app_pages/guided.py").run()
    at.session_state["stap"] = "betalen"
    at.run()
    assert not at.exception
    typed = {"capital": 200_000.0, "price": 5000.0, "payer_share": 60.0, "cap": 250_000.0}
    typed |= {"max_irr": 8.0, "guarantee_share": 50.0}
    for field, value in typed.items():
        at.number_input(key=f"add_sib_{field}").set_value(value)
    at.text_input(key="add_sib_drawdown").set_value("50%; 50%")
    for field, value in {
        "investor": "belegger",
        "payer": "gemeente",
        "second_payer": "uwv",
    }.items():
        at.selectbox(key=f"add_sib_{field}").set_value(value)
    at.selectbox(key="add_sib_guarantor").set_value("fonds")
    at.button(key="add_sib").click().run()
    assert not at.exception and not at.error
    built = at.session_state[state.VARIANTS_KEY][NAME].scenario
    assert built.contracts == expected.contracts
    assert evaluate(built).metrics == evaluate(expected).metrics


def test_the_guided_form_says_what_is_wrong_with_a_drawdown():
    at = open_with_contract("app_pages/guided.py")
    at.session_state["stap"] = "betalen"
    at.run()
    at.number_input(key="add_sib_capital").set_value(1000.0)
    at.number_input(key="add_sib_price").set_value(10.0)
    at.text_input(key="add_sib_drawdown").set_value("50%; veel")
    at.button(key="add_sib").click().run()
    assert not at.exception
    [said] = [error.value for error in at.error]
    assert said.startswith("Opname '50%; veel': ")
    # nothing added: the case keeps its one contract
    assert len(at.session_state[state.VARIANTS_KEY][NAME].scenario.contracts) == 1
