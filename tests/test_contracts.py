"""Outcome contracts (docs/methodology.md, "Outcome contracts"): several contracts, metrics and
payers, drawdown, the cap then the return cap, a guarantee.

Each rule with a number worked out by hand in the comments, checked on the engine and on the
independent reference; then the invariants as hypothesis properties; then a bad input for every
new field and combination, in English and in Dutch.
"""

from __future__ import annotations

import copy

import pytest
from engine_harness import engine_figures, engine_result, mismatches
from hypothesis import assume, given, settings
from reference import contract_flows, reference_evaluate
from strategies import scenarios
from test_honest_value import both, row

from businesscase import evaluate, parse_scenario, simulate
from businesscase.scenario import ScenarioError, dump_scenario, scenario_from_dict
from businesscase.uncertainty import sensitivity

approx = pytest.approx
IDS = ("gemeente", "uwv", "belegger", "fonds")
KINDS = {"gemeente": "public", "uwv": "public", "belegger": "investor", "fonds": "fund"}


def scenario(horizon: int, rate: float = 0.0, **sections) -> dict:
    settings_table = {
        "name": "contract",
        "start_year": 2026,
        "horizon_years": horizon,
        "discount_rate": rate,
    }
    stakeholders = [{"id": i, "name": i.title(), "kind": KINDS[i]} for i in IDS]
    return {"scenario": settings_table, "stakeholders": stakeholders, **sections}


def outcome(name: str, quantity: float, **fields) -> dict:
    line = {
        "name": name,
        "quantity": quantity,
        "proxy": 1000.0,
        "value_type": "fiscal",
        "duration": 30,
        "beneficiaries": {"gemeente": 0.5, "uwv": 0.5},
        "cashable_share": 1.0,
    }
    return line | fields


# --- the cap, then the return cap ------------------------------------------------------------


def capped_contract(cap: float, max_irr: float | None) -> dict:
    # 10 outcomes a year from year 0, no deadweight, 100 each, paid a year later: 1,000 in
    # years 1 .. 5 (year 5 lies beyond the 5-year horizon); capital 2,000 in year 0.
    bond = {
        "investor": "belegger",
        "outcome_payer": "gemeente",
        "capital": 2000.0,
        "outcome": "Werk",
        "price": 100.0,
        "cap": cap,
    }
    if max_irr is not None:
        bond["max_irr"] = max_irr
    return scenario(5, outcomes=[outcome("Werk", 10.0)], sib=bond)


def test_the_return_cap_stops_payments_where_the_investor_earns_max_irr():
    # Cap 3,500 first: 1,000, 1,000, 1,000, 500 in years 1-4, 0 in year 5. Then 10% a year:
    # 1000/1.1 + 1000/1.21 = 1,735.54 of the 2,000 owed by year 2; year 3 may pay only
    # (2000 - 1000/1.1 - 1000/1.21) * 1.331 = 2662 - 1210 - 1100 = 352; years 4 and 5 nothing.
    figures = both(capped_contract(3500.0, 0.10))
    assert figures["sib_total_payments"] == approx(2352.0)
    # removed by the return cap: 1,000 - 352 in year 3 and the 500 of year 4
    assert figures["sib_trimmed_by_return_cap"] == approx(1148.0)
    assert figures["sib_payments_beyond_horizon"] == 0.0
    # the cap binds: the investor's IRR is the return cap itself
    assert figures["sib_investor_irr"] == approx(0.10, abs=1e-12)
    assert figures["sib_money_multiple"] == approx(2352.0 / 2000.0)


def test_the_cap_trims_before_the_return_cap():
    # Cap 1,500: 1,000 in year 1 and 500 in year 2, PV at 10% 909.09 + 413.22 < 2,000, so
    # the return cap finds nothing left to trim. (The other order would credit the return
    # cap with 5,000 - 2,352 = 2,648 and let the cap trim nothing.)
    figures = both(capped_contract(1500.0, 0.10))
    assert figures["sib_total_payments"] == approx(1500.0)
    assert figures["sib_trimmed_by_return_cap"] == 0.0
    assert figures["sib_investor_irr"] < 0.0


def test_a_return_cap_above_the_untrimmed_return_trims_nothing():
    # untrimmed: 2,000 out, 1,000 a year in years 1-4 within the horizon: IRR 34.9%. The
    # return cap looks at every payment, the 1,000 of year 5 beyond the horizon included:
    # 1,000 a year for 5 years repays 2,000 at 41.0% (annuity factor 2). 45% trims nothing;
    # 40% trims the last payment.
    plain = both(capped_contract(1e9, None))
    loose = both(capped_contract(1e9, 0.45))
    assert both(capped_contract(1e9, 0.40))["sib_trimmed_by_return_cap"] > 0.0
    assert plain["sib_investor_irr"] == approx(0.3490, abs=1e-4)
    assert loose["sib_trimmed_by_return_cap"] == 0.0
    for key in ("sib_total_payments", "sib_investor_irr", "sib_payments_beyond_horizon"):
        assert loose[key] == plain[key]


# --- metrics and payers ----------------------------------------------------------------------


def two_metric_contract(cap: float) -> dict:
    # Metric A: 10 outcomes a year at 100 = 1,000 a year, paid by gemeente 60% and uwv 40%.
    # Metric B: 5 outcomes a year at 200 = 1,000 a year, paid by uwv alone. Lag 0, 3 years.
    return scenario(
        3,
        outcomes=[outcome("A", 10.0), outcome("B", 5.0)],
        sib={
            "investor": "belegger",
            "capital": 1500.0,
            "cap": cap,
            "metrics": [
                {"outcome": "A", "price": 100.0, "lag": 0, "payers": {"gemeente": 0.6, "uwv": 0.4}},
                {"outcome": "B", "price": 200.0, "lag": 0, "payer": "uwv"},
            ],
        },
    )


def test_a_trimmed_year_is_split_over_metrics_and_payers():
    # 2,000 a year untrimmed; cap 3,000: 2,000 in year 0, 1,000 in year 1, 0 in year 2.
    # Year 1 is split over the metrics by their untrimmed payments (1,000 each): 500 and 500.
    # gemeente pays 60% of A: 600 + 300 = 900; uwv 40% of A and all of B:
    # 400 + 200 + 1,000 + 500 = 2,100. At a 0% discount rate PVs are sums.
    figures = both(two_metric_contract(3000.0))
    assert figures["sib_total_payments"] == approx(3000.0)
    assert row(figures, "gemeente")["pv_paid"] == approx(900.0)
    assert row(figures, "uwv")["pv_paid"] == approx(2100.0)
    assert row(figures, "belegger")["pv_received"] == approx(3000.0)
    assert row(figures, "belegger")["pv_paid"] == approx(1500.0)


def test_the_payers_net_pv_counts_their_cashable_value_of_the_lines_they_pay_for():
    # Line A is worth 10 * 1,000 = 10,000 a year, line B 5,000; half each to gemeente and uwv,
    # all cashable; 3 years. gemeente pays for A: 15,000 of value less 900 paid; uwv pays
    # for A and B: 15,000 + 7,500 less 2,100. Together 15,000 + 22,500 - 3,000 = 34,500.
    figures = both(two_metric_contract(3000.0))
    assert figures["sib_payer_net_pv"] == approx(34_500.0)
    (contract,) = figures_table(two_metric_contract(3000.0))
    assert contract["payer_net_pv"] == approx(34_500.0)


def test_breakeven_share_of_a_contract_with_two_metrics():
    # At share s: (1,000 + 1,000) * s a year for 3 years = 6,000 s; capital 1,500: s = 0.25.
    figures = both(two_metric_contract(1e9))
    assert figures["sib_breakeven_share"] == approx(0.25)


def figures_table(data: dict) -> list[dict]:
    return engine_result(data).to_json_dict()["sib_contracts"]


# --- drawdown --------------------------------------------------------------------------------


def drawn_contract() -> dict:
    # Capital 1,000 drawn 50/50 in years 0 and 1 against costs of 500 a year: the cash balance
    # is 0 at the end of both years. 11 outcomes in year 0 at 105 paid in year 2: 1,155.
    # The investor pays 500 and 500 and receives 1,155: 500 * 1.1**2 + 500 * 1.1 = 1,155,
    # so its IRR is exactly 10%.
    return scenario(
        3,
        costs=[{"name": "Coaching", "amount": 500.0, "duration": 2}],
        outcomes=[outcome("Werk", 11.0, duration=1)],
        sib={
            "investor": "belegger",
            "outcome_payer": "gemeente",
            "capital": 1000.0,
            "drawdown": [0.5, 0.5],
            "outcome": "Werk",
            "price": 105.0,
            "lag": 2,
        },
    )


def test_drawdowns_finance_the_project_year_by_year():
    figures = both(drawn_contract())
    assert figures["cash_balance"] == approx([0.0, 0.0, 0.0])
    assert figures["closes"] is True
    assert figures["pv_financing"] == approx(1000.0)


def test_drawdowns_enter_the_investor_irr_in_their_years():
    figures = both(drawn_contract())
    assert figures["sib_investor_irr"] == approx(0.10, abs=1e-12)
    assert figures["sib_money_multiple"] == approx(1.155)
    # the investor is the only funder
    assert figures["largest_funder_share"] == approx(1.0)
    assert figures["funder_hhi"] == approx(1.0)


# --- guarantee -------------------------------------------------------------------------------


def guaranteed(quantity: float) -> dict:
    data = capped_contract(1e9, None)
    data["outcomes"][0]["quantity"] = quantity
    data["sib"] |= {"guarantor": "fonds", "guarantee_share": 0.5}
    return data


def test_a_guarantee_pays_its_share_of_the_capital_not_repaid():
    # 3 outcomes a year at 100 = 300 a year in years 1-4 within the horizon: 1,200 of 2,000
    # repaid. The foundation pays 50% of the 800 short, 400, in the last year (year 4).
    figures = both(guaranteed(3.0))
    assert figures["sib_guarantee_payments"] == approx(400.0)
    assert figures["sib_total_payments"] == approx(1200.0)
    assert figures["sib_money_multiple"] == approx(1600.0 / 2000.0)
    assert row(figures, "fonds")["pv_paid"] == approx(400.0)
    assert row(figures, "belegger")["pv_received"] == approx(1600.0)
    # a transfer: no social value, no project cash
    plain = both(capped_contract(1e9, None) | {"outcomes": [outcome("Werk", 3.0)]})
    for key in ("npv_social", "pv_benefits", "cash_balance", "pv_financing"):
        assert figures[key] == plain[key]


def test_a_guarantee_without_shortfall_pays_nothing():
    # 10 outcomes a year: 4,000 within the horizon, more than the 2,000 capital
    figures = both(guaranteed(10.0))
    assert figures["sib_guarantee_payments"] == 0.0
    assert row(figures, "fonds")["pv_paid"] == 0.0


# --- several contracts -----------------------------------------------------------------------


def two_contracts() -> dict:
    data = two_metric_contract(3000.0)
    first = data.pop("sib") | {"name": "Werk"}
    second = {
        "name": "Zorg",
        "investor": "fonds",
        "capital": 500.0,
        "start": 1,
        "metrics": [{"outcome": "A", "price": 50.0, "payer": "gemeente"}],
    }
    return data | {"sib": [first, second]}


def test_several_contracts_add_up_and_each_has_its_row():
    # Zorg: 10 outcomes of A a year at 50 paid a year later: 500 in years 1 and 2 = 1,000.
    figures = both(two_contracts())
    table = figures_table(two_contracts())
    assert [c["name"] for c in table] == ["Werk", "Zorg"]
    assert [c["total_payments"] for c in table] == approx([3000.0, 1000.0])
    assert table[1]["money_multiple"] == approx(2.0)
    assert table[1]["breakeven_share"] == approx(0.5)
    assert figures["sib_total_payments"] == approx(4000.0)
    assert figures["sib_money_multiple"] == approx(4000.0 / 2000.0)
    # the break-even share is one contract's figure: null for several
    assert figures["sib_breakeven_share"] is None
    # gemeente pays for A under both contracts; its value of A counts once:
    # 15,000 + 22,500 - (3,000 + 1,000) = 33,500, less than the rows' sum
    assert figures["sib_payer_net_pv"] == approx(33_500.0)
    assert sum(c["payer_net_pv"] for c in table) == approx(34_500.0 + 15_000.0 - 1000.0)
    # two investors fund the project: 1,500 and 500 of 2,000
    assert figures["largest_funder_share"] == approx(0.75)
    assert figures["funder_hhi"] == approx(0.75**2 + 0.25**2)


def test_the_json_keeps_every_contract_key_with_and_without_contracts():
    empty = engine_result(scenario(2)).to_json_dict()
    assert empty["sib_contracts"] == []
    assert empty["sib_guarantee_payments"] is None
    assert empty["sib_trimmed_by_return_cap"] is None
    (contract,) = figures_table(drawn_contract())
    assert list(contract) == [
        "name",
        "investor",
        "capital",
        "total_payments",
        "payments_beyond_horizon",
        "guarantee_payment",
        "trimmed_by_return_cap",
        "investor_irr",
        "money_multiple",
        "breakeven_share",
        "payer_net_pv",
    ]
    assert contract["name"] == "SIB"
    assert contract["capital"] == 1000.0


# --- nominal contracts: caps as written, the division last ---------------------------------


def test_a_nominal_contract_is_capped_as_written_and_divided_last():
    # 10% inflation. 1,000 a year written in years 1-4 within the horizon, cap 2,500 as
    # written: 1,000, 1,000, 500; real 1000/1.1 + 1000/1.21 + 500/1.331 = 2,100.68.
    # The 1,000 of year 5 (beyond the horizon) is trimmed to 0 by the cap.
    data = capped_contract(2500.0, None)
    data["scenario"]["inflation"] = 0.10
    data["sib"]["nominal"] = True
    figures = both(data)
    assert figures["sib_total_payments"] == approx(1000 / 1.1 + 1000 / 1.21 + 500 / 1.331)


def test_payments_of_a_nominal_contract_beyond_the_horizon_are_divided_too():
    # 10 outcomes in years 0-2 at 10, lag 1 over 3 years: the 100 of year 3 falls beyond the
    # horizon, worth 100 / 1.1**3 = 75.13 in euros of the start year.
    data = capped_contract(1e9, None)
    data["scenario"] |= {"horizon_years": 3, "inflation": 0.10}
    data["sib"] |= {"nominal": True, "price": 10.0}
    figures = both(data)
    assert figures["sib_payments_beyond_horizon"] == approx(100 / 1.1**3)


def test_a_nominal_return_cap_works_on_the_amounts_as_written():
    # The return cap of the first test, on amounts as written: 1,000, 1,000, 352 nominal in
    # years 1-3, divided by 1.1**t afterwards; the drawdown of year 0 is not divided.
    data = capped_contract(3500.0, 0.10)
    data["scenario"]["inflation"] = 0.10
    data["sib"]["nominal"] = True
    figures = both(data)
    assert figures["sib_total_payments"] == approx(1000 / 1.1 + 1000 / 1.21 + 352 / 1.331)
    # real over real: the real return is (1.1 / 1.1) - 1 = 0
    assert figures["sib_investor_irr"] == approx(0.0, abs=1e-9)


# --- properties ------------------------------------------------------------------------------


def _one_metric_form(data: dict) -> dict:
    """The same contract with its one metric and one payer written in [[sib.metrics]]."""
    changed = copy.deepcopy(data)
    bond = changed["sib"]
    metric = {"outcome": bond.pop("outcome"), "price": bond.pop("price")}
    for field in ("threshold", "lag"):
        if field in bond:
            metric[field] = bond.pop(field)
    metric["payer"] = bond.pop("outcome_payer")
    bond["metrics"] = [metric]
    return changed


@settings(max_examples=40, deadline=None)
@given(scenarios(with_sib=True))
def test_one_metric_written_either_way_gives_identical_figures(data):
    shorthand = engine_result(data).to_json_dict()
    written = engine_result(_one_metric_form(data)).to_json_dict()
    assert written == shorthand


@settings(max_examples=40, deadline=None)
@given(scenarios(with_sib=True))
def test_splitting_a_contracts_payer_changes_no_society_figure(data):
    changed = _one_metric_form(data)
    metric = changed["sib"]["metrics"][0]
    payer = metric.pop("payer")
    others = [s["id"] for s in data["stakeholders"] if s["id"] != payer]
    metric["payers"] = {payer: 0.3, **({others[0]: 0.7} if others else {})}
    if not others:
        metric["payers"][payer] = 1.0
    before, after = engine_figures(data), engine_figures(changed)
    for key in ("pv_costs", "pv_benefits", "npv_social", "sroi_ratio", "social_irr"):
        assert after[key] == before[key]
    for key in ("cash_balance", "closes", "sib_total_payments", "sib_investor_irr"):
        assert after[key] == before[key]


def _return_at_most(data: dict, rate: float) -> bool:
    """Whether the untrimmed payments never give the investor more than ``rate``: at no year k
    does ``sum_(t <= k) payment_t v**t - sum_t drawdown_t v**t`` exceed 0 (the reference's
    untrimmed money, as written)."""
    horizon = data["scenario"]["horizon_years"]
    flows = contract_flows(data["sib"], data, horizon)
    v = 1 / (1 + rate)
    owed = sum(amount * v**t for t, amount in flows["drawdown"].items())
    received = 0.0
    for year in sorted(flows["paid"]):
        received += sum(flows["paid"][year]) * v**year
        if received > owed:
            return False
    return True


@settings(max_examples=40, deadline=None)
@given(scenarios(with_sib=True))
def test_a_return_cap_above_the_untrimmed_return_changes_nothing(data):
    # with capital 0, or a payment in the year of the capital larger than it, every return
    # cap binds: such contracts are left out
    assume(_return_at_most(data, 1e6))
    changed = copy.deepcopy(data)
    changed["sib"]["max_irr"] = 1e6
    before, after = engine_figures(data), engine_figures(changed)
    after_trimmed = after.pop("sib_trimmed_by_return_cap")
    before.pop("sib_trimmed_by_return_cap")
    assert after_trimmed == 0.0
    assert after == before


# --- Monte Carlo and sensitivity on contracts ---------------------------------------------


def test_capital_prices_and_shares_of_contracts_may_be_uncertain():
    data = two_contracts()
    data["sib"][0]["capital"] = {"dist": "triangular", "low": 1000, "mode": 1500, "high": 2500}
    data["sib"][0]["metrics"][1]["price"] = {"dist": "uniform", "low": 100, "high": 300}
    data["sib"][0]["max_irr"] = {"dist": "uniform", "low": 0.0, "high": 0.2}
    data["sib"][1]["guarantor"] = "gemeente"
    data["sib"][1]["guarantee_share"] = {"dist": "uniform", "low": 0.2, "high": 0.8}
    built = scenario_from_dict(data)
    result = simulate(built, draws=400, seed=3)
    assert (
        result.summary.loc["sib_total_payments", "p5"]
        < result.summary.loc["sib_total_payments", "p95"]
    )
    assert simulate(built, draws=400, seed=3).summary.equals(result.summary)
    tornado = sensitivity(built).table
    assert {"sib[0].capital", "sib[0].metrics[1].price", "sib[1].guarantee_share"} <= set(
        tornado["path"]
    )
    labels = dict(zip(tornado["path"], tornado["label"], strict=True))
    assert labels["sib[0].metrics[1].price"] == "Werk, B: price"


# --- bad input -------------------------------------------------------------------------------


def problems(data: dict) -> dict[str, list[str]]:
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="c.toml")
    return {lang: caught.value.lines(lang) for lang in ("en", "nl")}


BAD = [
    (
        "both forms",
        lambda d: d["sib"] | {"outcome": "A", "price": 1.0},
        'sib.outcome = "A": cannot stand on the contract when it has [[sib.metrics]]',
        "kan niet op het contract staan",
    ),
    (
        "payer shares",
        lambda d: (
            d["sib"]
            | {"metrics": [{"outcome": "A", "price": 1.0, "payers": {"gemeente": 0.6, "uwv": 0.5}}]}
        ),
        "sib.metrics[0].payers = { gemeente = 0.6, uwv = 0.5 }: payer shares add up to 1.1",
        "de aandelen van de betalers tellen op tot 1.1",
    ),
    (
        "drawdown total",
        lambda d: d["sib"] | {"drawdown": [0.5, 0.4]},
        "sib.drawdown = [0.5, 0.4]: drawdown shares add up to 0.9; they must add up to 1",
        "de opnameaandelen tellen op tot 0.9",
    ),
    (
        "drawdown past the horizon",
        lambda d: d["sib"] | {"start": 2, "drawdown": [0.5, 0.5]},
        "sib.drawdown = [0.5, 0.5]: the last drawdown falls in year 3, past the horizon",
        "de laatste opname valt in jaar 3, na de looptijd",
    ),
    (
        "harm",
        lambda d: d["sib"] | {"metrics": [{"outcome": "Schade", "price": 1.0, "payer": "uwv"}]},
        'sib.metrics[0].outcome = "Schade": names a harm',
        "noemt een negatief effect",
    ),
    (
        "guarantor without share",
        lambda d: d["sib"] | {"guarantor": "fonds"},
        "sib.guarantee_share: is required: guarantor and guarantee_share go together",
        "guarantor en guarantee_share horen bij elkaar",
    ),
    (
        "share without guarantor",
        lambda d: d["sib"] | {"guarantee_share": 0.5},
        "sib.guarantor: is required: guarantor and guarantee_share go together",
        "is verplicht: guarantor en guarantee_share",
    ),
    (
        "no payer",
        lambda d: d["sib"] | {"metrics": [{"outcome": "A", "price": 1.0}]},
        'sib.metrics[0].payer: is required: payer = "id", or payers',
        'is verplicht: payer = "id", of payers',
    ),
    (
        "payer and payers",
        lambda d: (
            d["sib"]
            | {"metrics": [{"outcome": "A", "price": 1.0, "payer": "uwv", "payers": {"uwv": 1.0}}]}
        ),
        "sib.metrics[0].payer: write payer or payers, not both",
        "schrijf payer of payers, niet allebei",
    ),
    (
        "unknown payer",
        lambda d: (
            d["sib"]
            | {"metrics": [{"outcome": "A", "price": 1.0, "payers": {"gemeente": 0.5, "uvw": 0.5}}]}
        ),
        "sib.metrics[0].payers.uvw = 0.5: unknown stakeholder id (did you mean uwv?)",
        "onbekende id van een belanghebbende",
    ),
    (
        "no metrics",
        lambda d: d["sib"] | {"metrics": []},
        "sib.metrics = []: a contract needs at least one metric",
        "een contract heeft minstens één resultaat nodig",
    ),
    (
        "negative return cap",
        lambda d: d["sib"] | {"max_irr": -0.1},
        "sib.max_irr = -0.1: must be >= 0",
        "sib.max_irr = -0.1:",
    ),
    (
        "unknown metric field",
        lambda d: d["sib"] | {"metrics": [{"outcome": "A", "price": 1.0, "payr": "uwv"}]},
        'sib.metrics[0].payr = "uwv": unknown field (did you mean payer or payers?); allowed '
        "here: outcome, price, threshold, lag, payer, payers",
        'sib.metrics[0].payr = "uwv": onbekend veld (bedoel je payer of payers?)',
    ),
]


def valid_contract() -> dict:
    data = two_metric_contract(3000.0)
    data["outcomes"].append(outcome("Schade", 1.0, harm=True))
    return data


@pytest.mark.parametrize(("case", "change", "english", "dutch"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_contract_names_path_value_and_rule_in_both_languages(case, change, english, dutch):
    data = valid_contract()
    data["sib"] = change(data)
    found = problems(data)
    assert any(english in line for line in found["en"]), found["en"]
    assert any(dutch in line for line in found["nl"]), found["nl"]


def test_several_contracts_need_their_own_names():
    data = two_contracts()
    del data["sib"][1]["name"]
    assert any(
        "sib[1].name: is required when there are several contracts" in line
        for line in problems(data)["en"]
    )
    data = two_contracts()
    data["sib"][1]["name"] = "Werk"
    assert any(
        'sib[1].name = "Werk": duplicate contract name' in line for line in problems(data)["en"]
    )


def test_a_contract_keeps_its_form_when_saved():
    for data in (two_contracts(), drawn_contract(), two_metric_contract(3000.0)):
        built = scenario_from_dict(data)
        again = parse_scenario(dump_scenario(built))
        assert again == built
        assert evaluate(again).to_json_dict() == evaluate(built).to_json_dict()
    assert "[[sib.metrics]]" in dump_scenario(scenario_from_dict(two_contracts()))


# --- the engine against the independent reference, on random contracts ---------------------


@settings(max_examples=150, deadline=None)
@given(scenarios(with_sib=True, contracts=True))
def test_random_contracts_match_the_reference(data):
    figures = engine_figures(data)
    expected = reference_evaluate(data)
    assert mismatches(figures, expected) == []
    table = engine_result(data).to_json_dict()["sib_contracts"]
    assert len(table) == len(expected["sib_contracts"])
    for contract, want in zip(table, expected["sib_contracts"], strict=True):
        assert mismatches_of_row(contract, want) == [], contract["name"]


def mismatches_of_row(row: dict, want: dict) -> list[str]:
    """The columns of one ``sib_contracts`` row where engine and reference disagree."""
    scale = max([1.0] + [abs(v) for v in want.values() if isinstance(v, float)])
    wrong = []
    for key, value in want.items():
        got = row[key]
        if value is None or got is None:
            if not (value is None and got is None):
                wrong.append(f"{key}: {got!r} != {value!r}")
        elif isinstance(value, str):
            if got != value:
                wrong.append(f"{key}: {got!r} != {value!r}")
        elif abs(got - value) > 1e-8 + 1e-9 * (abs(value) if key in RATES else scale):
            wrong.append(f"{key}: {got!r} != {value!r}")
    return wrong


RATES = ("investor_irr", "money_multiple", "breakeven_share")


# --- the worked contract of docs/methodology.md ---------------------------------------------


def worked_contract(people: float = 20.0) -> dict:
    return scenario(
        5,
        costs=[{"name": "Coaching", "amount": 100_000.0, "duration": 2}],
        outcomes=[
            outcome(
                "Werk",
                people,
                proxy=10_000.0,
                deadweight=0.25,
                duration=4,
                beneficiaries={"gemeente": 0.6, "uwv": 0.4},
            )
        ],
        sib={
            "investor": "belegger",
            "capital": 200_000.0,
            "drawdown": [0.5, 0.5],
            "cap": 250_000.0,
            "max_irr": 0.08,
            "guarantor": "fonds",
            "guarantee_share": 0.5,
            "metrics": [
                {"outcome": "Werk", "price": 5000.0, "payers": {"gemeente": 0.6, "uwv": 0.4}}
            ],
        },
    )


def test_the_worked_contract_of_the_methodology_page():
    figures = both(worked_contract())
    assert figures["sib_total_payments"] == approx(224_131.20)
    assert figures["sib_trimmed_by_return_cap"] == approx(25_868.80)
    assert figures["sib_investor_irr"] == approx(0.08, abs=1e-12)
    assert figures["sib_money_multiple"] == approx(1.1206560)
    assert figures["sib_guarantee_payments"] == 0.0
    assert figures["sib_payer_net_pv"] == approx(375_868.80)
    assert figures["sib_breakeven_share"] == approx(2 / 3)
    assert row(figures, "gemeente")["pv_paid"] == approx(134_478.72)
    assert row(figures, "uwv")["pv_paid"] == approx(89_652.48)
    fewer = both(worked_contract(10.0))
    assert fewer["sib_total_payments"] == approx(150_000.0)
    assert fewer["sib_guarantee_payments"] == approx(25_000.0)


# --- published cases (docs/methodology.md, "Published cases") -----------------------------


def peterborough(drawdown: list[float] | None) -> dict:
    data = {
        "scenario": {
            "name": "Peterborough",
            "start_year": 2010,
            "horizon_years": 8,
            "currency": "GBP",
            "discount_rate": 0.0,
        },
        "stakeholders": [
            {"id": "moj", "name": "Ministry of Justice", "kind": "public"},
            {"id": "blf", "name": "Big Lottery Fund", "kind": "fund"},
            {"id": "investors", "name": "17 trusts and foundations", "kind": "investor"},
        ],
        "outcomes": [
            {
                "name": "Fewer reconvictions",
                "quantity": 1.0,
                "proxy": 0.0,
                "value_type": "fiscal",
                "beneficiaries": {"moj": 1.0},
            }
        ],
        "sib": {
            "investor": "investors",
            "capital": 5e6,
            "max_irr": 0.13,
            "metrics": [
                {
                    "outcome": "Fewer reconvictions",
                    "price": 5.832e6,
                    "lag": 7,
                    "payers": {"moj": 0.5, "blf": 0.5},
                }
            ],
        },
    }
    if drawdown is not None:
        data["sib"]["drawdown"] = drawdown
    return data


def test_peterborough_returns_just_over_3_percent_when_capital_is_drawn_as_it_was():
    # 1 m a year in 2010-2014, 5.832 m in 2017: sum of 1 m * 1.031**(7 - k), k = 0..4, is
    # 5.832 m, so the IRR is 3.1%; all 5 m in 2010: (5.832 / 5) ** (1/7) - 1 = 2.2%
    drawn = both(peterborough([0.2] * 5))
    assert drawn["sib_investor_irr"] == approx(0.0311, abs=5e-4)
    assert drawn["sib_trimmed_by_return_cap"] == 0.0
    at_once = both(peterborough(None))
    assert at_once["sib_investor_irr"] == approx((5.832 / 5) ** (1 / 7) - 1, abs=1e-9)
