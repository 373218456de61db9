"""Exports: the Excel workbook and the HTML report hold the engine's figures."""

from __future__ import annotations

import html
import io
import math
import os
import re

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from plotly.offline import get_plotlyjs
from strategies import scenarios

from businesscase import evaluate, load_scenario, parse_scenario, sensitivity, simulate
from businesscase import formatting as fmt
from businesscase.distributions import (
    Lognormal,
    Normal,
    Pert,
    Triangular,
    Uniform,
    distribution_text,
)
from businesscase.examples import example_path, list_examples
from businesscase.export import (
    INTEGER_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    RATIO_FORMAT,
    TORNADO_ROWS,
    flows_in_words,
    html_report,
    verdict,
    workbook_bytes,
    write_atomic,
    write_html,
    write_workbook,
)
from businesscase.metrics import SCALAR_METRICS
from businesscase.scenario import scenario_from_dict
from businesscase.text import input_name, t

PLAIN = """\
[scenario]
name = "Proef"
start_year = 2027
horizon_years = 3

[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[costs]]
name = "Coaching"
amount = 1000
duration = 3

[[outcomes]]
name = "Werk"
quantity = 2
proxy = 1000
value_type = "fiscal"
deadweight = 0.25
duration = 3
beneficiaries = { gemeente = 1.0 }

[[funding]]
name = "Budget"
funder = "gemeente"
kind = "budget"
amount = 1000
duration = 2
"""
"""A small scenario without distributions, worked by hand below."""

WEST = load_scenario(example_path("west_practice"))


def _book(scenario, **options) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, **options)))


def _table(sheet) -> list[dict]:
    """A table sheet's rows as dicts by header."""
    rows = sheet.iter_rows(values_only=True)
    headers = next(rows)
    return [dict(zip(headers, row, strict=True)) for row in rows]


def _close(written, expected) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return written is None
    if isinstance(expected, str):
        return (written or "") == expected
    return written == pytest.approx(expected, rel=1e-9, abs=1e-9)


def assert_workbook_equals_engine(book, result, lang) -> None:
    figures = {row[t("key", lang)]: row for row in _table(book[t("sheet_figures", lang)])}
    assert list(figures) == list(SCALAR_METRICS)
    for name in SCALAR_METRICS:
        assert _close(figures[name][t("value", lang)], result.metrics[name]), name
    assert type(figures["closes"][t("value", lang)]) is bool

    yearly = _table(book[t("sheet_yearly", lang)])
    assert len(yearly) == len(result.yearly)
    for written, expected in zip(yearly, result.yearly.to_dict(orient="records"), strict=True):
        assert set(written) == {t(f"yearly_{column}", lang) for column in expected}
        for column, value in expected.items():
            assert _close(written[t(f"yearly_{column}", lang)], value), column
    assert [row[t("yearly_cash_balance", lang)] for row in yearly] == pytest.approx(
        result.metrics["cash_balance"], rel=1e-9, abs=1e-9
    )

    flows = _table(book[t("sheet_flows", lang)])
    assert len(flows) == len(result.flows)
    in_words = flows_in_words(result, lang).to_dict(orient="records")
    for written, expected in zip(flows, in_words, strict=True):
        for column, value in expected.items():
            assert _close(written[t(f"flows_{column}", lang)], value), column

    holders = _table(book[t("sheet_stakeholders", lang)])
    headers = {"id": t("field_id", lang), "name": t("stakeholder", lang)}
    for written, expected in zip(
        holders, result.stakeholders.to_dict(orient="records"), strict=True
    ):
        for column, value in expected.items():
            assert _close(written[headers.get(column) or t(column, lang)], value), column


@pytest.mark.parametrize("name", list_examples())
def test_every_figure_and_flow_equals_evaluate(name):
    scenario = load_scenario(example_path(name))
    assert_workbook_equals_engine(_book(scenario, lang="en"), evaluate(scenario), "en")


def test_hand_worked_figures_in_the_workbook():
    # costs 1000 in t = 0, 1, 2; benefits 2 x 1000 x (1 - 0.25) = 1500 a year; budget 1000 in
    # t = 0, 1: cash balance 0, 0, -1000. Discount factors 1, 1/1.0225, 1/1.0225^2.
    book = _book(parse_scenario(PLAIN), lang="nl")
    figures = {row["sleutel"]: row["waarde"] for row in _table(book["Kengetallen"])}
    annuity = 1 + 1 / 1.0225 + 1 / 1.0225**2
    assert figures["pv_costs"] == pytest.approx(1000 * annuity, rel=1e-12)
    assert figures["pv_benefits"] == pytest.approx(1500 * annuity, rel=1e-12)
    assert figures["sroi_ratio"] == pytest.approx(1.5, rel=1e-12)
    assert figures["closes"] is False
    assert figures["funding_gap"] == pytest.approx(1000)
    assert figures["first_short_year"] == 2
    assert figures["sib_investor_irr"] is None
    calendar = {row["sleutel"]: row["kalenderjaar"] for row in _table(book["Kengetallen"])}
    assert calendar["first_short_year"] == 2029 and calendar["payback_year"] == 2027
    yearly = _table(book["Per jaar"])
    assert [row["kassaldo"] for row in yearly] == [0, 0, -1000]
    assert [row["jaar"] for row in yearly] == [2027, 2028, 2029]


def test_numbers_are_numbers_with_formats_and_frozen_headers():
    book = _book(WEST, lang="en")
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes is not None, sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None), sheet.title
        assert sheet.column_dimensions["A"].width >= 4
    figures = book[t("sheet_figures", "en")]
    formats = {row[0].value: row[2].number_format for row in figures.iter_rows(min_row=2)}
    assert formats["pv_costs"] == MONEY_FORMAT
    assert formats["sroi_ratio"] == RATIO_FORMAT
    assert formats["social_irr"] == PERCENT_FORMAT
    assert formats["first_short_year"] == INTEGER_FORMAT  # West Practice is short from t = 5
    yearly = book[t("sheet_yearly", "en")]
    for row in yearly.iter_rows(min_row=2):
        assert all(isinstance(cell.value, int | float) for cell in row)
        assert {cell.number_format for cell in row[2:]} - {MONEY_FORMAT, "0.0000"} == set()
    outcomes = _table(book[t("section_outcomes", "en")])
    sheet = book[t("section_outcomes", "en")]
    headers = [cell.value for cell in sheet[1]]
    deadweight = sheet.cell(2, headers.index("deadweight") + 1)
    assert deadweight.value == 0.3 and deadweight.number_format == PERCENT_FORMAT
    proxy = t("field_proxy", "en")
    assert sheet.cell(2, headers.index(proxy) + 1).number_format == MONEY_FORMAT
    assert outcomes[0]["deadweight (distribution)"] == "triangular(0.2, 0.3, 0.45)"
    assert outcomes[0]["quantity per year (distribution)"] == "pert(10, 16, 22)"
    assert (
        outcomes[0]["share Gemeente Rotterdam"] == 1
        and outcomes[0]["share Bewoners van Bospolder-Tussendijken"] is None
    )
    assert outcomes[1]["displacement (distribution)"] is None  # a fixed 0.10 in this row


def test_one_sheet_per_section_present():
    titles = _book(parse_scenario(PLAIN), lang="en").sheetnames
    for section in ("scenario", "stakeholders", "costs", "outcomes", "funding"):
        assert t(f"section_{section}", "en") in titles
    for section in ("avoided_costs", "value_capture", "sib"):
        assert t(f"section_{section}", "en") not in titles
    titles = _book(load_scenario(example_path("botu_programma")), lang="en").sheetnames
    for section in ("avoided_costs", "value_capture", "sib"):
        assert t(f"section_{section}", "en") in titles
    sib = _table(_book(WEST, lang="en")[t("section_sib", "en")])
    fields = {row["field"]: row["value"] for row in sib}
    (bond,) = WEST.contracts
    assert fields["capital"] == bond.capital
    assert fields["investor"] == "Sociale investeerder"
    assert fields["drawdown (share per year)"] == "30%, 25%, 20%, 15%, 10%"
    assert fields["metrics paid for 1: payers (shares)"] == (
        "Gemeente Rotterdam 80%, Zorgverzekeraars 20%"
    )


def test_monte_carlo_sheets_only_with_distributions():
    simulation = simulate(WEST, 400, seed=3)
    book = _book(WEST, simulation=simulation, lang="en")
    rows = {row["key"]: row for row in _table(book[t("sheet_percentiles", "en")])}
    assert list(rows) == list(SCALAR_METRICS)
    headers = {"mean": "mean", "share_null": t("uncertainty_share_null", "en")}
    for name, expected in simulation.summary.iterrows():
        for column in ("mean", "p5", "p50", "p95", "share_null"):
            value = expected[column]
            if column == "mean" and not fmt.meaningful_mean(name, expected):
                value = None  # no mean of a year, nor of a wild IRR
            assert _close(rows[name][headers.get(column, column.upper())], value), (name, column)
    assert rows["payback_year"]["mean"] is None
    fan = _table(book[t("sheet_fan", "en")])
    assert [row["P50"] for row in fan] == pytest.approx(
        simulation.cash_balance_percentiles["p50"].tolist(), rel=1e-12
    )
    summary = {row[0]: row[1] for row in book[t("sheet_summary", "en")].iter_rows(values_only=True)}
    assert summary[t("p_closes", "en")] == pytest.approx(simulation.p_closes)
    assert summary[t("seed", "en")] == 3

    assert t("sheet_percentiles", "en") not in _book(WEST, lang="en").sheetnames
    plain = parse_scenario(PLAIN)
    no_spread = _book(plain, simulation=simulate(plain, 50, seed=1), lang="en")
    assert t("sheet_percentiles", "en") not in no_spread.sheetnames
    assert t("sheet_fan", "en") not in no_spread.sheetnames


def test_languages_and_checks():
    dutch, english = _book(WEST, lang="nl"), _book(WEST, lang="en")
    assert dutch.sheetnames[:2] == ["Samenvatting", "Kengetallen"]
    assert english.sheetnames[:2] == ["Summary", "Figures"]
    summary = [row[0] for row in dutch["Samenvatting"].iter_rows(values_only=True)]
    # West Practice is short of cash from 2032 (its capital is fixed while costs rise)
    assert any(
        line and line.startswith("De business case sluit niet: er ontbreekt €") for line in summary
    )
    assert any(line and "=B2 + NPV(r; C2:K2)" in line for line in summary)  # ten years


@pytest.mark.parametrize(("horizon", "formula"), [(3, "=B2 + NPV(r; C2:D2)"), (15, "C2:P2")])
def test_the_excel_footnote_fits_the_horizon(horizon, formula):
    """The footnote ``=B2 + NPV(r; C2:K2)`` was fixed text, wrong for any horizon but ten."""
    data = scenario_from_dict(
        {"scenario": {"name": "H", "start_year": 2027, "horizon_years": horizon}}
    )
    summary = [row[0] for row in _book(data, lang="nl")["Samenvatting"].iter_rows(values_only=True)]
    assert any(line and formula in line for line in summary)
    assert formula in html_report(data, lang="nl")
    assert "C2:K2" not in html_report(data, lang="nl")


def test_the_dutch_workbook_has_dutch_headers():
    """The Dutch workbook kept English headers (``pv_benefit``, ``net_pv``, ``amount``)."""
    book = _book(WEST, lang="nl")
    headers = {sheet.title: [cell.value for cell in sheet[1]] for sheet in book.worksheets[1:]}
    for title, row in headers.items():
        for english in ("pv_benefit", "net_pv", "amount", "cash_balance", "stakeholder", "proxy"):
            assert english not in row, (title, english)
    assert "bedrag" in headers["Geldstromen"]
    assert t("net_pv", "nl") in headers[t("sheet_stakeholders", "nl")]
    flows = _table(book["Geldstromen"])
    assert {row["soort waarde"] for row in flows} >= {"fiscaal", "sociaal"}


def test_the_reports_assumptions_are_in_words():
    """The report's assumptions used TOML keys (``amount:``, ``bearer:``)."""
    botu = load_scenario(example_path("botu_programma"))
    for lang, words in (("nl", ("bedrag: ", "drager: ")), ("en", ("amount: ", "bearer: "))):
        page = html_report(botu, lang=lang)
        assumptions = page[page.index(t("report_assumptions", lang)) :]
        for word in words:
            assert word in assumptions
        if lang == "nl":
            assert "amount:" not in assumptions and "bearer:" not in assumptions
            assert "funder:" not in assumptions and "kind:" not in assumptions
    with pytest.raises(ValueError, match="lang 'de'"):
        workbook_bytes(WEST, lang="de")
    with pytest.raises(ValueError, match="another scenario"):
        workbook_bytes(WEST, result=evaluate(parse_scenario(PLAIN)))


def test_write_workbook_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "west.xlsx"
    assert write_workbook(WEST, path, lang="en") == path
    first = path.read_bytes()
    assert_workbook_equals_engine(openpyxl.load_workbook(path), evaluate(WEST), "en")

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_workbook(parse_scenario(PLAIN), path)
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["west.xlsx"]


def test_write_atomic_replaces_whole_files(tmp_path):
    path = tmp_path / "out.bin"
    path.write_bytes(b"old and longer")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"


@pytest.mark.parametrize(
    ("distribution", "text"),
    [
        (Triangular(dist="triangular", low=0.2, mode=0.3, high=0.45), "triangular(0.2, 0.3, 0.45)"),
        (
            Pert(dist="pert", low=170_000, mode=200_000, high=260_000),
            "pert(170000, 200000, 260000)",
        ),
        (Uniform(dist="uniform", low=-0.01, high=0.02), "uniform(-0.01, 0.02)"),
        (Normal(dist="normal", mean=0.05, sd=0.1), "normal(0.05, 0.1)"),
        (Lognormal(dist="lognormal", mean=14000, sd=2500.5), "lognormal(14000, 2500.5)"),
    ],
)
def test_distribution_text(distribution, text):
    assert distribution_text(distribution) == text


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=scenarios())
def test_random_scenarios_export_the_engine_figures(data):
    scenario = scenario_from_dict(data)
    assert_workbook_equals_engine(_book(scenario, lang="nl"), evaluate(scenario), "nl")


# --- the HTML report -----------------------------------------------------------------------

HOSTILE = (
    PLAIN.replace('name = "Coaching"', 'name = "<script>alert(\\"x\\")</script> & co"')
    .replace('name = "Gemeente Rotterdam"', 'name = "Gemeente <b>Rotterdam</b>"')
    .replace(
        'value_type = "fiscal"',
        'value_type = "fiscal"\nproxy_source = "CBS \\"StatLine\\" <2024> & eigen raming"',
    )
)
"""PLAIN with markup in a line name, a stakeholder name and a source."""


@pytest.fixture(scope="module")
def west_simulation():
    return simulate(WEST, 300, seed=5)


@pytest.fixture(scope="module")
def west_reports(west_simulation):
    return {
        lang: html_report(
            WEST, simulation=west_simulation, sensitivity=sensitivity(WEST), lang=lang
        )
        for lang in ("nl", "en")
    }


def test_report_is_self_contained_with_plotly_embedded_once(west_reports):
    bundle = get_plotlyjs()
    for report in west_reports.values():
        assert not re.search(r"<script[^>]*\ssrc=", report)
        assert not re.search(r"<link[^>]*href=[\"']?https?:", report)
        assert report.count(bundle[:300]) == 1
        # 6 charts (with the SIB view), fan, two distributions and the tornado
        assert report.count('class="plotly-graph-div"') == 10


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_shows_the_figures_as_formatting_does(west_reports, west_simulation, lang):
    report = west_reports[lang]
    result = evaluate(WEST)
    m = result.metrics
    start = WEST.settings.start_year
    assert f'<html lang="{lang}">' in report
    expected = [
        fmt.money(m["npv_social"], lang),
        fmt.money(m["pv_costs"], lang),
        fmt.number(m["sroi_ratio"], lang),
        fmt.percent(m["social_irr"], lang),
        fmt.year(m["payback_year"], start),
        fmt.money(m["sib_payer_net_pv"], lang),
        fmt.percent(west_simulation.p_closes, lang),
        verdict(result, lang),  # West Practice is short from 2032
        t("report_assumptions", lang),
        t("sroi_ratio", lang),
    ]
    expected += [fmt.money(balance, lang) for balance in m["cash_balance"]]
    expected += [fmt.money(value, lang) for value in result.stakeholders["net_pv"]]
    for text in expected:
        assert html.escape(text) in report, text
    assert "triangular(0.2, 0.3, 0.45)" in report  # the assumptions keep the distributions
    assert html.escape(WEST.outcomes[0].proxy_source) in report
    assert "@media print" in report and "thead { display: table-header-group; }" in report


def test_report_escapes_every_scenario_text(tmp_path):
    scenario = parse_scenario(HOSTILE)
    report = html_report(scenario, lang="en")
    assert "<script>alert(" not in report and "<b>Rotterdam</b>" not in report
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in report
    assert "Gemeente &lt;b&gt;Rotterdam&lt;/b&gt;" in report
    assert "CBS &quot;StatLine&quot; &lt;2024&gt; &amp; eigen raming" in report
    assert 'class="verdict gap"' in report
    assert html.escape(verdict(evaluate(scenario), "en")) in report
    assert fmt.money(1000, "en") in verdict(evaluate(scenario), "en")
    path = write_html(scenario, tmp_path / "report.html", lang="en")
    assert path.read_text(encoding="utf-8") == report


def test_report_without_distributions_has_no_monte_carlo():
    scenario = parse_scenario(PLAIN)
    report = html_report(scenario, simulation=simulate(scenario, 20, seed=1), lang="nl")
    assert "Monte Carlo" not in report and " ~ " not in report
    assert report == html_report(scenario, lang="nl")  # the same input gives the same file
    assert report.count('class="plotly-graph-div"') == 5  # no SIB view
    assert t("section_sib", "nl") not in report


def test_report_tornado_shows_the_inputs_that_matter_most():
    programme = load_scenario(example_path("botu_programma"))
    tornado = sensitivity(programme)
    assert len(tornado.table) > TORNADO_ROWS
    report = html_report(programme, sensitivity=tornado, lang="en")
    labels = [
        html.escape(input_name(row.label, row.path, "en")) for row in tornado.table.itertuples()
    ]
    assert all(label in report for label in labels[:TORNADO_ROWS])
    assert not any(label in report for label in labels[TORNADO_ROWS:])
    note = t("report_tornado_top", "en", shown=TORNADO_ROWS, total=len(tornado.table))
    assert html.escape(note) in report


def test_the_report_built_inside_the_app_carries_none_of_its_theme(tmp_path):
    """The app's HTML report was unreadable: near-black bars, a colorway ``#000001`` baked in
    from the running app's plotly template; the CLI's export of the same scenario was fine."""
    import subprocess
    import sys

    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (a running app's template: the default)

    assert pio.templates.default == "streamlit"
    inside = html_report(WEST, lang="nl")
    assert "#000001" not in inside
    exported = tmp_path / "west.html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "businesscase",
            "export",
            str(example_path("west_practice")),
            "--html",
            str(exported),
            "--lang",
            "nl",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert exported.read_text(encoding="utf-8") == inside  # one report, whoever builds it
