"""What counts, the payers' side and the projects in the exports and the CLI
(businesscase/export.py, businesscase/cli/evaluate.py): the same numbers as the engine's tables,
as words in the report and the terminal and as numbers in the workbook."""

from __future__ import annotations

import io

import openpyxl
import pytest
from test_perspectives import case, line
from typer.testing import CliRunner

from businesscase import evaluate
from businesscase import formatting as fmt
from businesscase.cli import app
from businesscase.contract_payers import payer_table
from businesscase.examples import example_path, load_example
from businesscase.export import (
    contract_changes,
    html_report,
    payers_in_words,
    views_in_words,
    workbook_bytes,
)
from businesscase.perspectives import value_by_perspective
from businesscase.scenario import scenario_from_dict
from businesscase.text import t

approx = pytest.approx
runner = CliRunner()


def hand_worked():
    # The case of tests/test_perspectives.py: outcomes 1,000, a harm of 100, a transfer of 300
    # to the gemeente, costs of 1,000 in money; society 1,000 - 100 = 900 of benefits, net
    # -100; who pays, who benefits 900 + 300 = 1,200, net 200.
    return scenario_from_dict(
        case(
            costs=[{"name": "Square", "amount": 1000.0}],
            outcomes=[
                line("Cohesion", 1000.0),
                line("Noise", 100.0, harm=True),
                line("Allowance", 300.0, transfer=True, beneficiaries={"gemeente": 1.0}),
            ],
        )
    )


def test_what_counts_in_words_is_the_hand_worked_table():
    words = views_in_words(evaluate(hand_worked()), "nl")
    assert words.to_dict() == {
        "views_society": {
            "views_row_benefit": "€ 1.000",
            "views_row_harm": fmt.money(-100, "nl"),
            "views_row_transfer": "€ 0",
            "views_row_benefits": "€ 900",
            "views_row_cost": fmt.money(-1000, "nl"),
            "views_row_net": fmt.money(-100, "nl"),
        },
        "views_stakeholders": {
            "views_row_benefit": "€ 1.000",
            "views_row_harm": fmt.money(-100, "nl"),
            "views_row_transfer": "€ 300",
            "views_row_benefits": "€ 1.200",
            "views_row_cost": fmt.money(-1000, "nl"),
            "views_row_net": "€ 200",
        },
    }


def test_the_workbook_has_what_counts_as_numbers():
    scenario = hand_worked()
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, lang="en")))
    sheet = book[t("sheet_views", "en")]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        t("views_line", "en"),
        t("views_society", "en"),
        t("views_stakeholders", "en"),
    )
    table = value_by_perspective(evaluate(scenario))
    assert [row[0] for row in rows[1:]] == [t(f"views_row_{key}", "en") for key in table.index]
    assert [row[1:] for row in rows[1:]] == [approx(tuple(values)) for values in table.values]
    assert rows[-1][1:] == approx((-100.0, 200.0))
    assert sheet.cell(2, 2).number_format == sheet.cell(2, 3).number_format != "General"
    # no contracts, no projects: no sheets for them
    assert t("sheet_payers", "en") not in book.sheetnames
    assert t("projects_table", "en") not in book.sheetnames


def test_west_practice_payers_in_words_sheet_report_and_terminal():
    scenario = load_example("west_practice")
    result = evaluate(scenario)
    table = payer_table(scenario, result)
    words = payers_in_words(result, "nl")
    assert words["payers_name"].tolist() == ["Gemeente Rotterdam", "Zorgverzekeraars"]
    assert words["payers_net_pv"].tolist() == [fmt.money(v, "nl") for v in table["net_pv"]]

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, result=result, lang="nl")))
    rows = list(book[t("sheet_payers", "nl")].iter_rows(values_only=True))
    assert rows[0][1:] == tuple(
        t(f"payers_{c}", "nl") for c in ("name", "pv_paid", "pv_cashable_benefit", "net_pv")
    )
    for written, (_, row) in zip(rows[1:], table.iterrows(), strict=True):
        assert written[:2] == (row["contract"], row["name"])
        assert written[2:] == approx((row["pv_paid"], row["pv_cashable_benefit"], row["net_pv"]))

    report = html_report(scenario, result=result, lang="nl")
    assert t("sib_payers", "nl") in report
    for sentence in contract_changes(result, "nl"):
        assert f"<p>{sentence}</p>" in report
    assert t("views_title", "nl") in report

    output = runner.invoke(app, ["evaluate", str(example_path("west_practice")), "--lang", "nl"])
    assert output.exit_code == 0, output.output
    flat = " ".join(output.output.split())
    assert f"{t('sib_payers', 'nl')}: West Practice SIB" in flat
    assert t("views_title", "nl") in flat
    for sentence in contract_changes(result, "nl"):
        assert sentence in flat
    # the insurer pays and saves nothing this case counts: its net is minus what it pays
    insurer = table.set_index("payer").loc["zorgverzekeraar"]
    assert insurer["pv_cashable_benefit"] == 0.0
    assert fmt.money(insurer["net_pv"], "nl") in flat


def test_a_return_cap_and_a_guarantee_each_get_their_sentence():
    result = evaluate(load_example("west_practice"))
    contract = result.sib_contracts.iloc[0]
    assert contract_changes(result, "en") == [
        t(
            "payers_return_cap_untouched",
            "en",
            contract="West Practice SIB",
            max_irr=fmt.percent(0.12, "en"),
            amount=fmt.money(0.0, "en"),
            irr=fmt.percent(contract["investor_irr"], "en"),
        ),
        t(
            "payers_guarantee_untouched",
            "en",
            contract="West Practice SIB",
            guarantor="Vermogensfondsen en filantropie",
            amount=fmt.money(0.0, "en"),
            year=2036,
        ),
    ]


def test_the_programme_projects_in_the_workbook_and_report():
    scenario = load_example("botu_programma")
    result = evaluate(scenario)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, result=result, lang="nl")))
    rows = list(book[t("projects_table", "nl")].iter_rows(values_only=True))
    projects = result.projects
    assert [row[0] for row in rows[1:]] == projects["name"].tolist()
    start = scenario.settings.start_year
    cliff = rows[0].index(t("project_subsidy_cliff_year", "nl"))
    expected = [
        None if v is None or v != v else start + int(v) for v in projects["subsidy_cliff_year"]
    ]
    assert [row[cliff] for row in rows[1:]] == expected
    needed = rows[0].index(t("project_pool_needed", "nl"))
    assert [row[needed] for row in rows[1:]] == approx(projects["pool_needed"].tolist())
    report = html_report(scenario, result=result, lang="nl")
    assert t("projects_table", "nl") in report and t("projects_note", "nl") in report
    for name in projects["name"]:
        assert name in report


def test_no_contracts_no_payers_section():
    report = html_report(load_example("nabuurschap"), lang="en")
    assert t("sib_payers", "en") not in report
    assert t("projects_table", "en") not in report
    assert t("views_title", "en") in report


def test_the_pool_and_who_lends_to_whom_in_the_workbook_and_report():
    from businesscase.export import lending_in_words, pool_verdict
    from businesscase.projects import lending, pool_by_year

    scenario = load_example("botu_programma")
    pool = pool_by_year(scenario)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, lang="nl")))
    rows = list(book[t("pool_title", "nl")].iter_rows(values_only=True))[1:]
    assert len(rows) == len(pool)
    # per year the parts' net positions add up to the programme's free pooled cash, the cash
    # balance; its lowest is the tightest year, 2036, with the funding gap short
    free: dict[int, float] = {}
    for year, _, brought, drawn, net in rows:
        assert net == approx(brought - drawn)
        free[year] = free.get(year, 0.0) + net
    gap = evaluate(scenario).metrics["funding_gap"]
    assert min(free.values()) == approx(-gap) and min(free, key=free.get) == 2036
    assert (
        pool_verdict(pool, "nl")
        == f"Het krapste jaar van de pot: 2036, {fmt.money(gap, 'nl')} tekort."
    )
    lent = list(book[t("lending_title", "nl")].iter_rows(values_only=True))[1:]
    table = lending(pool)
    assert [row[3] for row in lent] == approx(table["amount"].tolist())
    # nothing is pooled in the shipped programme: every need is uncovered
    assert {row[2] for row in lent} == {t("lending_nobody", "nl")}
    report = html_report(scenario, lang="nl")
    assert 'id="chart-pool"' in report and pool_verdict(pool, "nl") in report
    words = lending_in_words(scenario, table, "nl")
    cells = [f"<td>{cell}</td>" for cell in words.iloc[0]]
    cells[3] = f'<td class="num">{words.iloc[0, 3]}</td>'
    first = "".join(cells)
    assert first in report
