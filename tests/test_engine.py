"""evaluate(): whole scenarios with hand-worked figures (docs/methodology.md, docs/figures.md)."""

import json
import math

import numpy_financial as npf
import pytest

from businesscase import evaluate, parse_scenario
from businesscase.metrics import SCALAR_METRICS

STAKEHOLDERS = """
[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[stakeholders]]
id = "bewoners"
name = "Bewoners BoTu"
kind = "residents"

[[stakeholders]]
id = "fonds"
name = "Fonds"
kind = "fund"

[[stakeholders]]
id = "investeerder"
name = "Sociale investeerder"
kind = "investor"

[[stakeholders]]
id = "bank"
name = "Bank"
kind = "investor"
"""


def run(body: str, horizon: int = 5, rate: float = 0.05):
    text = f"""
[scenario]
name = "test"
start_year = 2027
horizon_years = {horizon}
discount_rate = {rate}
{STAKEHOLDERS}
{body}
"""
    return evaluate(parse_scenario(text, source="test.toml"))


SINGLE_COHORT = """
[[costs]]
name = "Coaching"
amount = 100000

[[outcomes]]
name = "Young people in work"
quantity = 40
proxy = 14000
value_type = "fiscal"
deadweight = 0.25
displacement = 0.10
attribution = 0.30
drop_off = 0.20
lasts = 3
cashable_share = 0.5
start = 1
beneficiaries = { gemeente = 0.6, bewoners = 0.4 }

[[funding]]
name = "Grant"
funder = "fonds"
kind = "grant"
amount = 100000
"""


def test_single_cohort_sroi():
    # value: 40 * 14000 * 0.75 * 0.9 * 0.7 = 264,600 in t=1, then 20% drop-off: 211,680 (t=2),
    # 169,344 (t=3). PV at 5%: 264600/1.05 + 211680/1.05**2 + 169344/1.05**3
    #   = 252,000 + 192,000 + 146,285.714 = 590,285.714
    m = run(SINGLE_COHORT).metrics
    assert m["pv_costs"] == pytest.approx(100000)
    assert m["pv_benefits"] == pytest.approx(590285.7142857)
    assert m["pv_benefits_fiscal"] == pytest.approx(590285.7142857)
    assert m["pv_benefits_economic"] == 0
    assert m["npv_social"] == pytest.approx(490285.7142857)
    assert m["sroi_ratio"] == pytest.approx(5.902857142857)
    assert m["net_sroi_ratio"] == pytest.approx(4.902857142857)
    assert m["social_irr"] == pytest.approx(npf.irr([-100000, 264600, 211680, 169344, 0]))
    # cumulative discounted net: -100,000 then +152,000 from t=1 on
    assert m["payback_year"] == 1
    assert m["closes"] is True and m["funding_gap"] == 0 and m["first_short_year"] is None
    assert m["cash_balance"] == [0, 0, 0, 0, 0]
    assert m["subsidy_dependence"] == 1
    assert m["largest_funder_share"] == 1 and m["funder_hhi"] == 1
    assert m["subsidy_cliff_year"] is None
    assert all(m[key] is None for key in SCALAR_METRICS if key.startswith("sib_"))
    assert m["value_capture_total"] == 0 and m["loan_outstanding_at_horizon"] == 0


def test_single_cohort_stakeholders():
    holders = run(SINGLE_COHORT).stakeholders.set_index("id")
    assert holders.loc["gemeente", "pv_benefit"] == pytest.approx(0.6 * 590285.7142857)
    assert holders.loc["bewoners", "pv_cashable_benefit"] == pytest.approx(0.2 * 590285.7142857)
    assert holders.loc["fonds", "pv_paid"] == pytest.approx(100000)
    assert holders.loc["fonds", "net_pv"] == pytest.approx(-100000)
    assert holders["pv_benefit"].sum() == pytest.approx(590285.7142857)


def test_flows_table_reconciles_with_the_figures():
    result = run(SINGLE_COHORT)
    flows = result.flows
    assert list(flows.columns) == [
        "year",
        "t",
        "line",
        "section",
        "flow",
        "stakeholder",
        "counterparty",
        "value_type",
        "cashable",
        "amount",
        "pv",
    ]
    benefits = flows[flows.flow == "benefit"]
    assert benefits.pv.sum() == pytest.approx(result.metrics["pv_benefits"])
    assert set(benefits.stakeholder) == {"gemeente", "bewoners"}
    first = benefits[(benefits.t == 1) & (benefits.stakeholder == "gemeente")]
    assert first.amount.item() == pytest.approx(0.6 * 264600)
    assert first.cashable.item() == pytest.approx(0.5 * 0.6 * 264600)
    assert first.year.item() == 2028
    costs = flows[flows.flow == "cost"]
    assert costs.stakeholder.tolist() == [""] and costs.amount.item() == 100000
    yearly = result.yearly
    assert yearly.benefits.tolist() == pytest.approx([0, 264600, 211680, 169344, 0])


def test_a_case_that_does_not_close_and_its_first_short_year():
    # costs 100,000 a year for 4 years; grant 150,000 in t=0 and 100,000 in t=1.
    # balance: 50,000, 50,000, -50,000, -150,000, -150,000
    m = run("""
[[costs]]
name = "Werk"
amount = 100000
duration = 4

[[funding]]
name = "Grant jaar 1"
funder = "fonds"
kind = "grant"
amount = 150000

[[funding]]
name = "Subsidie jaar 2"
funder = "gemeente"
kind = "subsidy"
amount = 100000
start = 1
""").metrics
    assert m["cash_balance"] == [50000, 50000, -50000, -150000, -150000]
    assert m["closes"] is False
    assert m["min_cash_balance"] == -150000 and m["funding_gap"] == 150000
    assert m["first_short_year"] == 2
    assert m["subsidy_cliff_year"] == 2
    # PV inflows 150,000 + 100,000/1.05 = 245,238.10; fonds share 0.61165
    assert m["pv_financing"] == pytest.approx(245238.0952381)
    assert m["largest_funder_share"] == pytest.approx(150000 / 245238.0952381)
    share = 150000 / 245238.0952381
    assert m["funder_hhi"] == pytest.approx(share**2 + (1 - share) ** 2)
    assert m["sroi_ratio"] == 0 and m["social_irr"] is None and m["payback_year"] is None


SIB = """
[[costs]]
name = "Trajecten"
amount = 100000
duration = 5

[[outcomes]]
name = "Werk"
quantity = 40
proxy = 14000
value_type = "fiscal"
deadweight = 0.25
cashable_share = 0.5
duration = 5
beneficiaries = { gemeente = 0.6, bewoners = 0.4 }

[sib]
investor = "investeerder"
outcome_payer = "gemeente"
capital = 500000
outcome = "Werk"
price = 9000
threshold = 10
lag = 1
"""


def test_sib_with_lag_threshold_and_cap():
    # 30 paid-for outcomes a year (40 * 0.75), 270,000 a year, paid a year later, capped at
    # 600,000: 270,000 (t=1), 270,000 (t=2), 60,000 (t=3, trimmed), then nothing.
    result = run(SIB + "cap = 600000\n")
    m = result.metrics
    assert m["sib_total_payments"] == pytest.approx(600000)
    assert m["sib_payments_beyond_horizon"] == 0
    assert m["sib_money_multiple"] == pytest.approx(1.2)
    assert m["sib_investor_irr"] == pytest.approx(npf.irr([-500000, 270000, 270000, 60000, 0]))
    # payer: cashable share of the line's value (40 * 14000 * 0.75 = 420,000 a year) * 0.6 * 0.5
    # = 126,000 a year in t=0..4, minus the payments.
    payer_value = sum(126000 / 1.05**t for t in range(5))
    payments = 270000 / 1.05 + 270000 / 1.05**2 + 60000 / 1.05**3
    assert m["sib_payer_net_pv"] == pytest.approx(payer_value - payments)
    # within the horizon cohorts 0-3 pay: R(s) = 4 * 270,000 * s from s = 10/30 on;
    # 500,000 / 1,080,000 = 0.46296 > 1/3.
    assert m["sib_breakeven_share"] == pytest.approx(500000 / 1080000)
    # the capital finances the project: 500,000 in, 100,000 a year out
    assert m["cash_balance"] == pytest.approx([400000, 300000, 200000, 100000, 0])
    holders = result.stakeholders.set_index("id")
    assert holders.loc["investeerder", "pv_paid"] == pytest.approx(500000)
    assert holders.loc["investeerder", "pv_received"] == pytest.approx(payments)
    assert holders.loc["gemeente", "pv_paid"] == pytest.approx(payments)


def test_sib_payments_beyond_the_horizon_are_dropped_and_reported():
    m = run(SIB).metrics
    assert m["sib_total_payments"] == pytest.approx(4 * 270000)
    assert m["sib_payments_beyond_horizon"] == pytest.approx(270000)
    assert any("beyond the horizon" in w for w in run(SIB).warnings)


def test_loan_and_value_capture():
    # loan 100,000 at 4% over 10 years paid out in t=1: annuity 12,329.09 from t=2; after the
    # repayments in t=2..5 (4 of them) 64,630.80 is still owed.
    # value capture: 3,000 * 180,000 * 0.03 * 0.10 = 1,620,000 over t=3..4, 810,000 a year.
    m = run(
        """
[[costs]]
name = "Panelen"
amount = 100000
start = 1
category = "capex"

[[funding]]
name = "Lening"
funder = "bank"
kind = "loan"
amount = 100000
start = 1
interest_rate = 0.04
term = 10

[[value_capture]]
name = "Erfpacht"
units = 3000
base_value = 180000
uplift = 0.03
capture_share = 0.10
payer = "gemeente"
start = 3
duration = 2
""",
        horizon=6,
    ).metrics
    annuity = -npf.pmt(0.04, 10, 100000)
    assert m["loan_outstanding_at_horizon"] == pytest.approx(64630.8003, rel=1e-8)
    assert m["value_capture_total"] == pytest.approx(1620000)
    assert m["value_capture_pv"] == pytest.approx(810000 / 1.05**3 + 810000 / 1.05**4)
    assert m["cash_balance"] == pytest.approx(
        [0, 0, -annuity, 810000 - 2 * annuity, 1620000 - 3 * annuity, 1620000 - 4 * annuity]
    )
    assert m["first_short_year"] == 2
    assert m["subsidy_dependence"] == 0 and m["subsidy_cliff_year"] is None
    # repayments are not social costs
    assert m["pv_costs"] == pytest.approx(100000 / 1.05)


def test_avoided_costs_are_benefits_of_the_bearer():
    # 120 incidents * 30% * 800 * probability 0.5 = 14,400 a year in t=1..2
    result = run(
        """
[[avoided_costs]]
name = "Minder vandalisme"
bearer = "gemeente"
incidents = 120
reduction = 0.30
unit_cost = 800
probability = 0.5
cashable_share = 0.25
start = 1
duration = 2
""",
        rate=0.0,
    )
    assert result.metrics["pv_benefits"] == pytest.approx(28800)
    assert result.metrics["pv_benefits_fiscal"] == pytest.approx(28800)
    holders = result.stakeholders.set_index("id")
    assert holders.loc["gemeente", "pv_cashable_benefit"] == pytest.approx(7200)
    assert result.metrics["sroi_ratio"] is None


def test_metrics_are_json_safe_and_complete():
    result = run(SIB)
    payload = result.to_json_dict()
    text = json.dumps(payload, allow_nan=False)
    keys = {"cash_balance", "stakeholders", "sib_contracts", "projects"}
    assert set(SCALAR_METRICS) | keys == set(json.loads(text))
    assert payload["stakeholders"][0] == {
        "id": "gemeente",
        "name": "Gemeente Rotterdam",
        **{
            key: pytest.approx(payload["stakeholders"][0][key])
            for key in ("pv_benefit", "pv_cashable_benefit", "pv_paid", "pv_received", "net_pv")
        },
    }
    assert all(
        value is None or isinstance(value, bool | int | float | list)
        for value in result.metrics.values()
    )
    assert not any(isinstance(v, float) and math.isnan(v) for v in result.metrics.values())


def test_distributions_are_evaluated_at_their_base_value():
    plain = run(SINGLE_COHORT).metrics
    uncertain = run(
        SINGLE_COHORT.replace(
            "proxy = 14000",
            'proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }',
        ).replace("deadweight = 0.25", 'deadweight = { dist = "uniform", low = 0.1, high = 0.4 }')
    ).metrics
    assert uncertain == plain
