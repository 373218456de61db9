"""``businesscase export``: the files hold the engine's figures; bad input never writes a file."""

import openpyxl
import pytest
from test_export import PLAIN, assert_workbook_equals_engine
from typer.testing import CliRunner

from businesscase import evaluate, load_scenario, simulate
from businesscase import formatting as fmt
from businesscase.cli import BAD_INPUT, app
from businesscase.examples import example_path
from businesscase.text import t

runner = CliRunner()
WEST = example_path("west_practice")


def test_xlsx_holds_the_engine_figures(tmp_path):
    out = tmp_path / "west.xlsx"
    outcome = runner.invoke(app, ["export", str(WEST), "--xlsx", str(out), "--lang", "en"])
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.strip() == f"Written to {out}."
    book = openpyxl.load_workbook(out)
    assert_workbook_equals_engine(book, evaluate(load_scenario(WEST)), "en")
    assert t("sheet_percentiles", "en") not in book.sheetnames


def test_draws_and_seed_add_the_monte_carlo_percentiles(tmp_path):
    out = tmp_path / "west.xlsx"
    arguments = ["--xlsx", str(out), "--draws", "300", "--seed", "7", "--lang", "nl"]
    outcome = runner.invoke(app, ["export", str(WEST), *arguments])
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.strip() == f"Geschreven naar {out}."
    sheet = openpyxl.load_workbook(out)[t("sheet_percentiles", "nl")]
    written = {row[0]: row[2:6] for row in sheet.iter_rows(min_row=2, values_only=True)}
    expected = simulate(load_scenario(WEST), 300, seed=7).summary
    assert written["npv_social"] == pytest.approx(
        tuple(expected.loc["npv_social", ["mean", "p5", "p50", "p95"]]), rel=1e-9
    )


def test_expected_values_gives_the_percentiles_of_the_expected_money(tmp_path):
    plein = example_path("driehoeksplein")  # two grants with an uncertain probability
    percentiles = {}
    for option in ([], ["--expected-values"]):
        out = tmp_path / f"plein{len(option)}.xlsx"
        arguments = ["--xlsx", str(out), "--draws", "300", "--seed", "7", *option]
        assert runner.invoke(app, ["export", str(plein), *arguments]).exit_code == 0
        sheet = openpyxl.load_workbook(out)[t("sheet_percentiles", "en")]
        rows = {row[0]: row[2:6] for row in sheet.iter_rows(min_row=2, values_only=True)}
        percentiles[bool(option)] = rows["pv_financing"]
    for events, written in (("drawn", percentiles[False]), ("expected", percentiles[True])):
        expected = simulate(load_scenario(plein), 300, seed=7, events=events).summary
        columns = ["mean", "p5", "p50", "p95"]
        assert written == pytest.approx(tuple(expected.loc["pv_financing", columns]), rel=1e-9)
    assert percentiles[False] != percentiles[True]


def test_draws_without_distributions_warn_and_skip_the_percentiles(tmp_path):
    scenario = tmp_path / "plain.toml"
    scenario.write_text(PLAIN, encoding="utf-8")
    out = tmp_path / "plain.xlsx"
    outcome = runner.invoke(app, ["export", str(scenario), "--xlsx", str(out), "--draws", "50"])
    assert outcome.exit_code == 0, outcome.stderr
    assert f"plain.toml: {t('export_nothing_uncertain', 'en')}" in " ".join(outcome.stderr.split())
    assert outcome.stdout.strip() == f"Written to {out}."  # English by default, as every command
    assert t("sheet_percentiles", "en") not in openpyxl.load_workbook(out).sheetnames
    assert t("sheet_summary", "en") in openpyxl.load_workbook(out).sheetnames


def test_a_grant_that_may_not_come_is_a_risk_the_exports_draw(tmp_path):
    # No distribution, but the budget comes with probability 0.5: all or nothing, so half the
    # draws lack its 1,000 a year (PV 1,000 + 1,000 / 1.0225 at the default 2.25%) and the
    # workbook gets the percentiles 0 and 1,977.995...; with expected values
    # every draw is the same and there is nothing to draw.
    scenario = tmp_path / "grant.toml"
    scenario.write_text(PLAIN.replace("duration = 2", "duration = 2\nprobability = 0.5"), "utf-8")
    out = tmp_path / "grant.xlsx"
    drawn = runner.invoke(app, ["export", str(scenario), "--xlsx", str(out), "--draws", "400"])
    assert drawn.exit_code == 0, drawn.stderr
    book = openpyxl.load_workbook(out)
    assert t("sheet_percentiles", "en") in book.sheetnames
    rows = {row[0]: row for row in book[t("sheet_percentiles", "en")].iter_rows(values_only=True)}
    low, high = rows["pv_financing"][3], rows["pv_financing"][5]  # P5 and P95
    assert (low, high) == (0.0, pytest.approx(1000 + 1000 / 1.0225))
    flat = runner.invoke(
        app,
        ["export", str(scenario), "--xlsx", str(out), "--draws", "400", "--expected-values"],
    )
    assert flat.exit_code == 0, flat.stderr
    assert t("export_nothing_uncertain", "en").split(" (")[0] in flat.stderr
    assert t("sheet_percentiles", "en") not in openpyxl.load_workbook(out).sheetnames


def test_never_writes_over_the_input(tmp_path):
    scenario = tmp_path / "case.toml"
    scenario.write_text(PLAIN, encoding="utf-8")
    outcome = runner.invoke(app, ["export", str(scenario), "--xlsx", str(scenario)])
    assert outcome.exit_code == BAD_INPUT
    assert f"--xlsx {scenario}: is the input file" in outcome.stderr
    assert scenario.read_text(encoding="utf-8") == PLAIN


def test_bad_scenario_exits_2_with_the_engine_message_and_writes_nothing(tmp_path):
    scenario = tmp_path / "broken.toml"
    scenario.write_text(PLAIN.replace("deadweight = 0.25", "deadweight = 1.4"), encoding="utf-8")
    out = tmp_path / "broken.xlsx"
    outcome = runner.invoke(app, ["export", str(scenario), "--xlsx", str(out)])
    assert outcome.exit_code == BAD_INPUT
    assert "error: broken.toml: outcomes[0].deadweight = 1.4" in outcome.stderr
    assert "Traceback" not in outcome.stderr and not out.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "nothing to export: give --xlsx OUT.xlsx"),
        (["--xlsx", "{tmp}/a.xlsx", "--lang", "de"], "--lang 'de': must be one of nl, en"),
        (["--xlsx", "{tmp}/a.xlsx", "--seed", "3"], "--seed 3: needs --draws N"),
        (["--xlsx", "{tmp}/missing/a.xlsx"], "--xlsx {tmp}/missing/a.xlsx: cannot write"),
        (["--xlsx", "{tmp}/a.xlsx", "--draws", "0"], "--draws"),
    ],
)
def test_bad_options_exit_2(tmp_path, arguments, message):
    arguments = [argument.format(tmp=tmp_path) for argument in arguments]
    outcome = runner.invoke(app, ["export", str(WEST), *arguments])
    assert outcome.exit_code == BAD_INPUT
    assert message.format(tmp=tmp_path) in outcome.stderr
    assert not (tmp_path / "a.xlsx").exists()


def test_html_and_xlsx_together_with_monte_carlo(tmp_path):
    xlsx, report = tmp_path / "west.xlsx", tmp_path / "west.html"
    arguments = ["--xlsx", str(xlsx), "--html", str(report), "--lang", "en"]
    outcome = runner.invoke(app, ["export", str(WEST), *arguments, "--draws", "200", "--seed", "2"])
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.splitlines() == [f"Written to {xlsx}.", f"Written to {report}."]
    text = report.read_text(encoding="utf-8")
    metrics = evaluate(load_scenario(WEST)).metrics
    assert fmt.money(metrics["npv_social"], "en") in text
    assert fmt.percent(simulate(load_scenario(WEST), 200, seed=2).p_closes, "en") in text
    assert text.count('class="plotly-graph-div"') == 10  # with fan, distributions, tornado
    assert t("sheet_percentiles", "en") in openpyxl.load_workbook(xlsx).sheetnames


def test_html_never_over_the_input_nor_the_workbook(tmp_path):
    scenario = tmp_path / "case.toml"
    scenario.write_text(PLAIN, encoding="utf-8")
    outcome = runner.invoke(app, ["export", str(scenario), "--html", str(scenario)])
    assert outcome.exit_code == BAD_INPUT
    assert f"--html {scenario}: is the input file" in outcome.stderr
    assert scenario.read_text(encoding="utf-8") == PLAIN
    same = tmp_path / "out"
    outcome = runner.invoke(
        app, ["export", str(scenario), "--xlsx", str(same), "--html", str(same)]
    )
    assert outcome.exit_code == BAD_INPUT
    assert "name the same file" in outcome.stderr and not same.exists()
