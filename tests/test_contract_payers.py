"""Each outcome contract from its payers' side (businesscase/contract_payers.py): payments
against cashable benefits per payer, worked by hand on the two-metric contract of
tests/test_contracts.py, and the payers of a contract adding up to its ``payer_net_pv``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from strategies import scenarios
from test_contracts import two_metric_contract

from businesscase import evaluate
from businesscase.contract_payers import PAYER_COLUMNS, payer_table
from businesscase.examples import load_example
from businesscase.scenario import scenario_from_dict

approx = pytest.approx


def table_of(data: dict):
    scenario = scenario_from_dict(data)
    return payer_table(scenario, evaluate(scenario)).set_index("payer")


def test_each_payer_pays_its_share_against_its_value_of_the_lines_it_pays_for():
    # Cap 3,000, 0% discount rate: gemeente pays 60% of metric A: 600 + 300 = 900; uwv 40% of
    # A and all of B: 400 + 200 + 1,000 + 500 = 2,100 (tests/test_contracts.py). Line A is
    # worth 10 x 1,000 = 10,000 a year, B 5,000, half of each to gemeente and uwv, all
    # cashable, 3 years: gemeente pays only for A and keeps 15,000; uwv pays for A and B and
    # keeps 15,000 + 7,500 = 22,500.
    table = table_of(two_metric_contract(3000.0))
    assert table.index.tolist() == ["gemeente", "uwv"]
    assert table.loc["gemeente", "pv_paid"] == approx(900.0)
    assert table.loc["uwv", "pv_paid"] == approx(2100.0)
    assert table.loc["gemeente", "pv_cashable_benefit"] == approx(15_000.0)
    assert table.loc["uwv", "pv_cashable_benefit"] == approx(22_500.0)
    assert table.loc["gemeente", "net_pv"] == approx(14_100.0)
    assert table.loc["uwv", "net_pv"] == approx(20_400.0)
    # together the contract's payer_net_pv, 34,500
    assert table["net_pv"].sum() == approx(34_500.0)


def test_a_payer_without_a_share_in_the_line_it_pays_for_only_pays():
    # The same contract with line B's value all to gemeente: uwv pays 2,100 for B and A but
    # keeps only its half of A, 15,000; gemeente, which does not pay for B, keeps 15,000.
    data = two_metric_contract(3000.0)
    data["outcomes"][1]["beneficiaries"] = {"gemeente": 1.0}
    table = table_of(data)
    assert table.loc["uwv", "pv_cashable_benefit"] == approx(15_000.0)
    assert table.loc["gemeente", "pv_cashable_benefit"] == approx(15_000.0)


def test_no_contracts_no_rows():
    scenario = load_example("nabuurschap")
    table = payer_table(scenario, evaluate(scenario))
    assert table.empty
    assert tuple(table.columns) == PAYER_COLUMNS


def test_west_practice_the_gemeente_gains_and_the_insurer_pays_for_a_saving_not_counted():
    scenario = load_example("west_practice")
    result = evaluate(scenario)
    table = payer_table(scenario, result).set_index("payer")
    paid = table["pv_paid"]
    # payments split 80 / 20 between gemeente and the insurer
    assert paid["gemeente"] == approx(4 * paid["zorgverzekeraar"])
    assert paid.sum() == approx(
        result.stakeholders.set_index("id").loc["investeerder", "pv_received"]
    )
    assert table.loc["gemeente", "net_pv"] > 0.0
    assert table.loc["zorgverzekeraar", "pv_cashable_benefit"] == 0.0


@settings(max_examples=40, deadline=None)
@given(scenarios(with_sib=True, contracts=True))
def test_the_payers_of_a_contract_add_up_to_its_payer_net_pv(data):
    scenario = scenario_from_dict(data)
    result = evaluate(scenario)
    table = payer_table(scenario, result)
    for contract in result.sib_contracts.itertuples():
        rows = table[table["contract"] == contract.name]
        assert rows["net_pv"].sum() == approx(contract.payer_net_pv, rel=1e-9, abs=1e-6)
