"""Monitoring: actuals, the reforecast, the variance and the missing reports (docs/monitoring.md).

Hand-worked cases on small plans, invariants on random plans (actuals equal to the plan change
nothing; an empty file changes nothing), the reforecast against an independent reference
(tests/reference_monitoring.py) on random plans and actuals, bad actuals files, and the
``monitor`` command.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import openpyxl
import pytest
import tomli_w
from engine_harness import mismatches
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from reference import reference_evaluate
from reference_monitoring import reforecast_data
from strategies import scenarios
from typer.testing import CliRunner

from businesscase import (
    charts,
    close_the_gap,
    evaluate,
    monitor,
    parse_actuals,
    parse_scenario,
    simulate,
)
from businesscase.actuals import load_actuals
from businesscase.cli import app
from businesscase.examples import load_example
from businesscase.excel_style import MONEY_FORMAT
from businesscase.export import html_report, write_workbook
from businesscase.monitoring import planned_values, verdict
from businesscase.overflow import TooLargeToComputeError
from businesscase.scenario import ScenarioError
from businesscase.uncertainty import sensitivity

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent


def plan(**sections) -> dict:
    """A three-year plan from 2027 at a discount rate of 0, with a municipality and a fund."""
    return {
        "scenario": {"name": "Proef", "start_year": 2027, "horizon_years": 3, "discount_rate": 0.0}
        | sections.pop("settings", {}),
        "stakeholders": [
            {"id": "gemeente", "name": "Gemeente", "kind": "public"},
            {"id": "fonds", "name": "Fonds", "kind": "fund"},
        ],
        **sections,
    }


def load(data: dict):
    return parse_scenario(tomli_w.dumps(data))


COSTS = [{"name": "Coaching", "amount": 100.0, "start": 0, "duration": 3}]
BUDGET = [
    {"name": "Budget", "funder": "gemeente", "kind": "budget", "amount": 100.0, "duration": 3}
]


def csv(*rows: str) -> str:
    return "year,line,value,note\n" + "".join(f"{row}\n" for row in rows)


# --- hand-worked -------------------------------------------------------------------------------

OVERRUN = {
    "year": 2027,
    "line": "costs[0]",
    "section": "costs",
    "planned": 100.0,
    "actual": 130.0,
    "difference": 30.0,
    "difference_share": pytest.approx(0.3),
}
"""The variance row of 130 spent where the plan has 100."""


def test_a_cost_overrun_makes_the_plan_stop_closing():
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    found = monitor(scenario, parse_actuals(csv("2027,Coaching,130,duurder"), scenario))
    # plan: 100 spent and 100 received each year, balance 0: closes.
    assert found.planned.metrics["closes"] is True
    # reforecast: 130 spent in 2027, so the balance is -30 from 2027 on.
    now = found.reforecast.metrics
    assert now["cash_balance"] == pytest.approx([-30.0, -30.0, -30.0])
    assert (now["closes"], now["funding_gap"], now["first_short_year"]) == (False, 30.0, 0)
    assert now["pv_costs"] == pytest.approx(330.0)
    assert found.variance.to_dict(orient="records") == [
        OVERRUN | {"name": "Coaching", "note": "duurder", "weight": 30.0}
    ]
    # 2027 reported for the cost only: the budget's 100 of 2027 is missing.
    assert found.missing[["year", "line"]].to_dict(orient="records") == [
        {"year": 2027, "line": "funding[0]"}
    ]
    assert verdict(found, "en").startswith("No longer sluitend: with the actuals up to 2027, €30")
    assert "2027 (t=0) is het eerste jaar met een kastekort" in verdict(found, "nl")


def test_a_late_subsidy_opens_a_gap_in_its_first_year():
    subsidy = [
        {"name": "Subsidie", "funder": "fonds", "kind": "subsidy", "amount": 300.0, "duration": 1}
    ]
    scenario = load(plan(costs=COSTS, funding=subsidy))
    rows = csv("2027,funding[0],0,te laat", "2028,funding[0],300,ontvangen in 2028")
    found = monitor(scenario, parse_actuals(rows, scenario))
    # balance: 2027 -100, 2028 -100 + 300 - 100 = 100, 2029 0.
    assert found.reforecast.metrics["cash_balance"] == pytest.approx([-100.0, 100.0, 0.0])
    assert found.reforecast.metrics["funding_gap"] == pytest.approx(100.0)
    assert found.planned.metrics["closes"] is True
    variance = found.variance.to_dict(orient="records")
    assert [(r["year"], r["planned"], r["actual"]) for r in variance] == [
        (2027, 300.0, 0.0),
        (2028, 0.0, 300.0),
    ]
    assert variance[0]["difference_share"] == -1.0
    assert math.isnan(variance[1]["difference_share"])  # an actual where no flow was planned
    assert found.to_json_dict()["variance"][1]["difference_share"] is None
    assert found.missing[["year", "line"]].to_dict(orient="records") == [
        {"year": 2027, "line": "costs[0]"},
        {"year": 2028, "line": "costs[0]"},
    ]


def bond_plan() -> dict:
    """10 outcomes a year, 20% deadweight, an SIB paying 1,000 per paid-for outcome a year later."""
    return plan(
        costs=COSTS,
        outcomes=[
            {
                "name": "Aan het werk",
                "quantity": 10.0,
                "duration": 3,
                "proxy": 500.0,
                "deadweight": 0.2,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 1.0},
                "proxy_source": "hand-worked",
            }
        ],
    )


def test_fewer_outcomes_lower_the_sib_payments():
    data = bond_plan()
    data["stakeholders"].append({"id": "belegger", "name": "Belegger", "kind": "investor"})
    data["sib"] = {
        "investor": "belegger",
        "outcome_payer": "gemeente",
        "capital": 300.0,
        "outcome": "Aan het werk",
        "price": 1000.0,
        "lag": 1,
    }
    scenario = load(data)
    found = monitor(scenario, parse_actuals(csv("2027,Aan het werk,6"), scenario))
    # paid for: 10 x 0.8 = 8 a year; cohorts 2027 and 2028 are paid in 2028 and 2029.
    assert found.planned.metrics["sib_total_payments"] == pytest.approx(16_000.0)
    # 6 outcomes in 2027: 6 x 0.8 x 1,000 = 4,800 in 2028, then 8,000 in 2029.
    assert found.reforecast.metrics["sib_total_payments"] == pytest.approx(12_800.0)
    # the social value falls by 4 x 500 x 0.8 = 1,600 (no drop-off, lasts 1 year)
    difference = found.planned.metrics["pv_benefits"] - found.reforecast.metrics["pv_benefits"]
    assert difference == pytest.approx(1_600.0)
    row = found.variance.iloc[0]
    assert (row["planned"], row["actual"], row["difference"]) == (10.0, 6.0, -4.0)
    assert row["weight"] == pytest.approx(-4 * 400.0)  # 4 outcomes at a net 400 each


def test_actual_amounts_are_current_euros():
    data = plan(costs=COSTS, funding=BUDGET, settings={"inflation": 0.02})
    scenario = load(data)
    found = monitor(scenario, parse_actuals(csv("2028,costs[0],204"), scenario))
    # 204 current euros of 2028 are 204 / 1.02 = 200 real euros
    assert found.reforecast.metrics["pv_costs"] == pytest.approx(400.0)
    # the plan's 100 real euros in 2028 are 102 current euros
    assert found.variance.iloc[0]["planned"] == pytest.approx(102.0)


def test_a_loan_actual_scales_its_repayments():
    loan = {
        "name": "Lening",
        "funder": "fonds",
        "kind": "loan",
        "amount": 200.0,
        "interest_rate": 0.0,
        "term": 2,
    }
    scenario = load(plan(costs=COSTS, funding=[loan]))
    found = monitor(scenario, parse_actuals(csv("2027,Lening,100"), scenario))
    yearly = found.reforecast.yearly
    # 100 paid out, repaid 50 + 50 (was 100 + 100)
    assert yearly["loan_repayments"].tolist() == pytest.approx([0.0, 50.0, 50.0])
    assert found.variance.iloc[0]["planned"] == 200.0
    with pytest.raises(ScenarioError, match='row 2, year = "2028": a loan\'s actual is its payout'):
        parse_actuals(csv("2028,Lening,100"), scenario)


def test_an_avoided_cost_actual_is_gross_and_still_netted():
    avoided = {
        "name": "Minder schade",
        "bearer": "gemeente",
        "incidents": 10.0,
        "reduction": 1.0,
        "unit_cost": 10.0,
        "deadweight": 0.5,
        "duration": 3,
    }
    scenario = load(plan(costs=COSTS, avoided_costs=[avoided]))
    found = monitor(scenario, parse_actuals(csv("2027,avoided_costs[0],40"), scenario))
    # plan: 100 gross, 50 net a year; reforecast 2027: 40 gross, 20 net.
    assert found.planned.metrics["pv_benefits"] == pytest.approx(150.0)
    assert found.reforecast.metrics["pv_benefits"] == pytest.approx(120.0)
    assert found.variance.iloc[0]["planned"] == 100.0


def test_dutch_csv_with_semicolons():
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    actuals = parse_actuals("year;line;value\n2027;Coaching;1.234,5\n", scenario)
    assert actuals.rows[0].value == 1234.5


def test_the_csv_download_reads_back_the_same():
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    actuals = parse_actuals(csv('2027,Coaching,130.25,"met komma, in noot"'), scenario)
    again = parse_actuals(actuals.to_csv(), scenario)
    assert again.rows == actuals.rows


# --- the Monte Carlo varies only what is still to come -----------------------------------------


def test_simulate_and_sensitivity_keep_the_actuals_fixed():
    costs = [{"name": "Coaching", "amount": {"dist": "uniform", "low": 50, "high": 150}}]
    costs[0]["duration"] = 3
    scenario = load(plan(costs=costs, funding=BUDGET))
    # every year reported: nothing uncertain is left
    actuals = parse_actuals(
        csv("2027,Coaching,90", "2028,Coaching,90", "2029,Coaching,90"), scenario
    )
    result = simulate(scenario, 200, seed=1, actuals=actuals)
    assert result.summary.loc["pv_costs", "p5"] == pytest.approx(270.0)
    assert result.summary.loc["pv_costs", "p95"] == pytest.approx(270.0)
    assert result.p_closes == 1.0
    tornado = sensitivity(scenario, actuals=actuals)
    assert tornado.table["npv_social_swing"].tolist() == [0.0]
    # one year reported: the draws vary only 2028 and 2029
    partly = parse_actuals(csv("2027,Coaching,90"), scenario)
    spread = simulate(scenario, 2000, seed=1, actuals=partly).summary.loc["pv_costs"]
    assert 90 + 2 * 50 <= spread["p5"] < spread["p95"] <= 90 + 2 * 150


# --- invariants on random plans ----------------------------------------------------------------


def _plan_as_actuals(scenario, last: int) -> str:
    """Every line's planned value in the years up to ``last``, as an actuals file."""
    rows = []
    start = scenario.settings.start_year
    for (section, index), values in planned_values(scenario).items():
        line = getattr(scenario, section)[index]
        for t in range(last + 1):
            if section == "funding" and line.kind == "loan" and t != line.start:
                continue
            rows.append(f"{start + t},{section}[{index}],{float(values[t])!r}")
    return csv(*rows)


@settings(max_examples=25, deadline=None)
@given(scenarios(), st.integers(0, 29))
def test_actuals_equal_to_the_plan_change_nothing(data, last):
    scenario = load(data)
    last = min(last, scenario.settings.horizon_years - 1)
    found = monitor(scenario, parse_actuals(_plan_as_actuals(scenario, last), scenario))
    figures = found.to_json_dict()
    problems = mismatches(figures["reforecast"], figures["planned"])
    assert not problems, "\n".join(problems)
    scale = max([1.0, *found.variance["planned"].abs()])
    assert all(found.variance["difference"].abs() <= 1e-9 * scale)
    assert found.missing.empty


@settings(max_examples=15, deadline=None)
@given(scenarios())
def test_an_empty_actuals_file_changes_nothing(data):
    scenario = load(data)
    for text in ("", "year,line,value\n"):
        found = monitor(scenario, parse_actuals(text, scenario))
        assert found.to_json_dict()["reforecast"] == evaluate(scenario).to_json_dict()
        assert found.variance.empty and found.missing.empty


# --- bad actuals -------------------------------------------------------------------------------

BAD = {
    "unknown line": ("2027,Huur,5", 'row 2, line = "Huur": no such line'),
    "unknown path": ("2027,costs[3],5", 'row 2, line = "costs[3]": no such line'),
    "year outside": ("2030,Coaching,5", 'row 2, year = "2030": is outside the plan\'s years 2027'),
    "year as text": ("twee,Coaching,5", 'row 2, year = "twee": must be a calendar year'),
    "text value": ("2027,Coaching,veel", 'row 2, value = "veel": must be a number'),
    "negative": ("2027,Coaching,-5", 'row 2, value = "-5": must be 0 or more'),
    "not finite": ("2027,Coaching,1e999", 'row 2, value = "1e999": must be a finite number'),
    "cells": ("2027,Coaching,5,noot,extra", "row 2: has 5 cells; the first row names 4"),
}


@pytest.mark.parametrize("row, message", BAD.values(), ids=BAD.keys())
def test_bad_rows_are_named(row, message):
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    with pytest.raises(ScenarioError) as error:
        parse_actuals(csv(row), scenario, source="realisatie.csv")
    assert error.value.lines()[0].startswith(f"realisatie.csv: {message}")


def test_a_duplicate_names_the_first_row():
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    with pytest.raises(ScenarioError) as error:
        parse_actuals(csv("2027,Coaching,5", "2027,costs[0],6"), scenario, source="r.csv")
    assert error.value.lines("nl") == [
        'r.csv: rij 3, line = "costs[0]": costs[0] in 2027 staat al in rij 2'
    ]


def test_a_name_of_two_lines_asks_for_the_path():
    scenario = load(plan(costs=COSTS * 2, funding=BUDGET))
    with pytest.raises(
        ScenarioError, match=r"more than one line has this name \(costs\[0\], costs\[1\]\)"
    ):
        parse_actuals(csv("2027,Coaching,5"), scenario)


def test_every_bad_row_is_reported_at_once():
    scenario = load(plan(costs=COSTS, funding=BUDGET))
    with pytest.raises(ScenarioError) as error:
        parse_actuals(csv("2027,Huur,5", "2031,Coaching,-1"), scenario)
    assert len(error.value.problems) == 3


@pytest.mark.parametrize(
    "content, message",
    [
        (b'[scenario]\nname = "x"\n', "not a CSV file with the columns year, line and value"),
        (b"year,line\n2027,Coaching\n", "missing: value"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        (b'year,line,value\n2027,"Coaching,5\n', "not a CSV file"),
    ],
)
def test_files_that_are_not_actuals(tmp_path, content, message):
    path = tmp_path / "realisatie.csv"
    path.write_bytes(content)
    with pytest.raises(ScenarioError, match=message):
        load_actuals(path, load(plan(costs=COSTS)))


def test_a_file_over_5_mb_is_refused(tmp_path):
    path = tmp_path / "groot.csv"
    path.write_bytes(b"year,line,value\n" + b"2027,Coaching,1\n" * 400_000)
    with pytest.raises(ScenarioError, match="an actuals file may be at most 5 MB"):
        load_actuals(path, load(plan(costs=COSTS)))


# --- the command -------------------------------------------------------------------------------


def files(folder, data: dict, actuals: str):
    """The plan and the actuals as the files a user hands the command."""
    scenario_file = folder / "plan.toml"
    scenario_file.write_text(tomli_w.dumps(data), encoding="utf-8")
    actuals_file = folder / "realisatie.csv"
    actuals_file.write_text(actuals, encoding="utf-8")
    return scenario_file, actuals_file


def test_monitor_command_json_and_summary(tmp_path):
    scenario_file, actuals_file = files(
        tmp_path, plan(costs=COSTS, funding=BUDGET), csv("2027,Coaching,130")
    )
    run = runner.invoke(app, ["monitor", str(scenario_file), str(actuals_file), "--json"])
    assert run.exit_code == 0, run.output
    out = json.loads(run.stdout)
    assert sorted(out) == ["missing", "planned", "reforecast", "variance"]
    assert out["reforecast"]["funding_gap"] == 30.0
    assert out["variance"] == [OVERRUN]
    assert out["missing"] == [{"year": 2027, "line": "funding[0]"}]
    text = runner.invoke(app, ["monitor", str(scenario_file), str(actuals_file), "--lang", "nl"])
    assert text.exit_code == 0, text.output
    assert "Niet meer sluitend" in text.stdout
    assert "Coaching" in text.stdout and "2027 Budget (funding[0])" in text.stdout


def test_monitor_command_names_a_bad_row(tmp_path):
    scenario_file, actuals_file = files(tmp_path, plan(costs=COSTS), csv("2027,Coaching,veel"))
    run = runner.invoke(app, ["monitor", str(scenario_file), str(actuals_file), "--lang", "nl"])
    assert run.exit_code == 2
    assert 'realisatie.csv: rij 2, value = "veel": moet een getal zijn' in run.stderr
    assert "Traceback" not in run.output


# --- the example: the energy cooperative's first two years --------------------------------------


def test_the_example_actuals_of_the_energy_cooperative():
    scenario = load_example("energiecooperatie")
    found = monitor(scenario, REPO / "scenarios/actuals/energiecooperatie_2027_2028.csv")
    assert found.planned.metrics["closes"] is True
    # 2027: 552,000 + 47,500 spent against 450,000 + 60,000 + 60,000 received
    now = found.reforecast.metrics
    assert now["cash_balance"][0] == pytest.approx(-29_500.0)
    assert (now["closes"], now["first_short_year"]) == (False, 0)
    assert verdict(found, "nl").startswith("Niet meer sluitend: met de realisaties tot en met 2028")
    ranked = found.ranked()
    # the late SCE subsidy matters most, then the members who did not join in 2027
    assert ranked["name"].tolist()[:2] == [
        "Exploitatiesubsidie SCE (RVO)",
        "Ledeninleg (participaties)",
    ]
    assert ranked.iloc[0]["actual"] == 0.0 and ranked.iloc[0]["difference_share"] == -1.0
    late = found.variance[
        found.variance["year"].eq(2028) & found.variance["name"].str.startswith("Leden")
    ]
    assert late["planned"].tolist() == [0.0] and late["note"].str.contains("alsnog").all()
    # CO2 is not measured: 2028 keeps the plan and is listed as missing
    assert found.missing[["year", "name"]].to_dict(orient="records") == [
        {"year": 2028, "name": "Vermeden CO2-uitstoot"}
    ]


def test_close_the_gap_on_the_reforecast():
    scenario = load_example("energiecooperatie")
    actuals = load_actuals(REPO / "scenarios/actuals/energiecooperatie_2027_2028.csv", scenario)
    proposal = close_the_gap(scenario, actuals=actuals)
    assert proposal.funding_gap == monitor(scenario, actuals).reforecast.metrics["funding_gap"]
    assert proposal.closes  # the members' cashable benefits can carry it
    assert evaluate(proposal.scenario, actuals=actuals).metrics["closes"] is True


# --- the independent reference, on random plans and actuals ------------------------------------


@st.composite
def plans_and_reports(draw):
    """A random plan without an impact bond and random actuals for some of its lines and years."""
    data = draw(scenarios(with_sib=False))
    horizon = data["scenario"]["horizon_years"]
    reports = {}
    for section in ("costs", "outcomes", "avoided_costs", "value_capture", "funding"):
        for index, line in enumerate(data.get(section, [])):
            if not draw(st.booleans()):
                continue
            if line.get("kind") == "loan":
                years = [line.get("start", 0)]
            else:
                years = draw(st.lists(st.integers(0, horizon - 1), min_size=1, unique=True))
            values = st.floats(0.0, 1e6, allow_nan=False) | st.just(0.0)
            reports[section, index] = {t: draw(values) for t in years}
    return data, reports


@settings(max_examples=60, deadline=None)
@given(plans_and_reports())
def test_reforecast_agrees_with_the_reference(case):
    data, reports = case
    scenario = load(data)
    start = scenario.settings.start_year
    rows = [
        f"{start + t},{section}[{index}],{value!r}"
        for (section, index), years in reports.items()
        for t, value in years.items()
    ]
    try:
        reforecast = monitor(scenario, parse_actuals(csv(*rows), scenario)).reforecast
    except TooLargeToComputeError:  # a huge plan times a reported count beyond float64: refused
        reject()  # as tests/test_overflow.py checks; nothing to compare
    engine = dict(reforecast.metrics) | {"stakeholders": reforecast.stakeholders.to_dict("records")}
    problems = mismatches(engine, reference_evaluate(reforecast_data(data, reports)))
    assert not problems, "\n".join(problems)


# --- exports: the plan-versus-actual sheets and the report's monitoring section -----------------

EXAMPLE_ACTUALS = REPO / "scenarios/actuals/energiecooperatie_2027_2028.csv"


def test_the_workbook_holds_plan_against_actuals(tmp_path):
    scenario = load_example("energiecooperatie")
    found = monitor(scenario, EXAMPLE_ACTUALS)
    path = write_workbook(scenario, tmp_path / "coop.xlsx", monitoring=found, lang="nl")
    book = openpyxl.load_workbook(path)
    rows = list(book["Plan en realisatie"].iter_rows(values_only=True))
    assert rows[0] == (
        "jaar",
        "pad",
        "regel",
        "onderdeel",
        "gepland",
        "gerealiseerd",
        "verschil",
        "% van plan",
        "toelichting",
    )
    by_line = {(row[0], row[1]): row for row in rows[1:]}
    assert len(by_line) == len(found.variance) + len(found.missing) == 12
    subsidy = by_line[2028, "funding[4]"]
    assert subsidy[4:8] == (17_850, 0, -17_850, -1)
    assert by_line[2028, "funding[1]"][4:8] == (0, 7_500, 7_500, None)  # no flow planned
    co2 = by_line[2028, "outcomes[2]"]  # missing: planned, no actual
    assert co2[4:8] == (153, None, None, None) and co2[8].startswith("niet gemeld")
    assert book["Plan en realisatie"]["E2"].number_format == MONEY_FORMAT
    figures = {row[0]: row[2:] for row in book["Herprognose"].iter_rows(values_only=True)}
    assert figures["closes"] == (True, False)
    assert figures["funding_gap"][1] == pytest.approx(found.reforecast.metrics["funding_gap"])


def test_the_report_has_a_monitoring_section():
    scenario = load_example("energiecooperatie")
    report = html_report(scenario, monitoring=monitor(scenario, EXAMPLE_ACTUALS), lang="nl")
    section = report[report.index("Monitoring: plan en realisatie") :]
    assert "Niet meer sluitend" in section
    # the largest variance first: the late subsidy before the members' participations
    assert section.index("Exploitatiesubsidie SCE") < section.index("Ledeninleg")
    assert "2028 Vermeden CO2-uitstoot (outcomes[2])" in section
    assert "Monitoring: plan en realisatie" not in html_report(scenario, lang="nl")


def test_export_command_takes_actuals(tmp_path):
    plan_file = REPO / "scenarios/energiecooperatie.toml"
    xlsx, report = tmp_path / "coop.xlsx", tmp_path / "coop.html"
    arguments = ["export", str(plan_file), "--xlsx", str(xlsx), "--html", str(report)]
    run = runner.invoke(app, [*arguments, "--actuals", str(EXAMPLE_ACTUALS)])
    assert run.exit_code == 0, run.output
    assert "Plan vs actual" in openpyxl.load_workbook(xlsx).sheetnames
    assert "Monitoring: plan and actuals" in report.read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(csv("2027,Zonnepanelen,veel"), encoding="utf-8")
    run = runner.invoke(app, [*arguments, "--actuals", str(bad)])
    assert run.exit_code == 2 and 'bad.csv: row 2, line = "Zonnepanelen"' in run.stderr


def test_the_charts_draw_the_engines_numbers():
    found = monitor(load_example("energiecooperatie"), EXAMPLE_ACTUALS)
    (bars,) = charts.plan_against_actual(found, "nl").data
    money = found.ranked()[found.ranked()["section"] != "outcomes"]
    assert list(bars.x) == money["difference"].tolist()
    assert bars.y[0] == "Exploitatiesubsidie SCE (RVO) (2028)"
    plan, reforecast = charts.cash_plan_and_reforecast(found.planned, found.reforecast, "nl").data
    assert list(plan.y) == found.planned.metrics["cash_balance"]
    assert list(reforecast.y) == found.reforecast.metrics["cash_balance"]
