"""The uncertainty commands: simulate, sensitivity, close-gap (SPEC sections 6-7)."""

import json

from typer.testing import CliRunner

from businesscase import evaluate, load_scenario
from businesscase.cli import BAD_INPUT, CANNOT_CLOSE, app
from businesscase.examples import example_path
from businesscase.metrics import SCALAR_METRICS
from businesscase.uncertainty import simulate

runner = CliRunner()
NABUURSCHAP = str(example_path("nabuurschap"))


def test_simulate_json_is_the_python_result():
    outcome = runner.invoke(
        app, ["simulate", NABUURSCHAP, "--draws", "300", "--seed", "4", "--json"]
    )
    assert outcome.exit_code == 0, outcome.stderr
    payload = json.loads(outcome.stdout)
    expected = simulate(load_scenario(NABUURSCHAP), 300, seed=4).to_json_dict()
    assert payload == json.loads(json.dumps(expected))
    assert list(payload["summary"]) == list(SCALAR_METRICS)
    assert payload["summary"]["sib_investor_irr"]["mean"] is None


def test_simulate_table_and_clipping_warning(tmp_path):
    text = (
        example_path("nabuurschap")
        .read_text(encoding="utf-8")
        .replace(
            'attribution = { dist = "triangular", low = 0.15, mode = 0.30, high = 0.50 }',
            'attribution = { dist = "normal", mean = 0.05, sd = 0.1 }',
        )
    )
    path = tmp_path / "nab.toml"
    path.write_text(text, encoding="utf-8")
    outcome = runner.invoke(app, ["simulate", str(path), "--draws", "500", "--seed", "1"])
    assert outcome.exit_code == 0, outcome.stderr
    assert "npv_social" in outcome.stdout and "P(closes) = 0.0%" in outcome.stdout
    assert "sib_investor_irr" not in outcome.stdout  # no SIB: its rows are left out
    assert "warning: nab.toml: outcomes[0].attribution:" in outcome.stderr
    assert "were clipped" in outcome.stderr


def test_sensitivity_json_has_tornado_and_switching_values():
    outcome = runner.invoke(app, ["sensitivity", NABUURSCHAP, "--json"])
    assert outcome.exit_code == 0, outcome.stderr
    payload = json.loads(outcome.stdout)
    assert set(payload) == {"base", "tornado", "switching_values"}
    assert payload["tornado"][0]["path"] == "outcomes[0].proxy"
    rows = {row["path"]: row for row in payload["switching_values"]}
    assert rows["funding[0].probability"]["npv_social_switch"] is None
    assert rows["outcomes[0].proxy"]["npv_social_switch"] > 0


def test_sensitivity_table():
    outcome = runner.invoke(app, ["sensitivity", NABUURSCHAP])
    assert outcome.exit_code == 0, outcome.stderr
    assert "Tornado" in outcome.stdout and "Switching values" in outcome.stdout


def test_close_gap_writes_a_scenario_that_closes(tmp_path):
    out = tmp_path / "gesloten.toml"
    outcome = runner.invoke(app, ["close-gap", NABUURSCHAP, "--out", str(out)])
    assert outcome.exit_code == 0, outcome.stderr
    assert "Aanvullende bijdrage Gemeente Rotterdam" in outcome.stdout
    metrics = evaluate(load_scenario(out)).metrics
    assert metrics["closes"] and metrics["funding_gap"] == 0.0


def test_close_gap_refuses_to_overwrite_its_input(tmp_path):
    path = tmp_path / "nab.toml"
    path.write_text(example_path("nabuurschap").read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    outcome = runner.invoke(
        app, ["close-gap", str(path), "--out", str(tmp_path / "." / "nab.toml")]
    )
    assert outcome.exit_code == BAD_INPUT
    assert outcome.stderr.startswith("error: --out ")
    assert "is the input file" in outcome.stderr
    assert path.read_bytes() == before


def test_close_gap_without_enough_benefit_writes_nothing(tmp_path):
    text = example_path("nabuurschap").read_text(encoding="utf-8")
    for share in ("cashable_share = 0.7", "cashable_share = 0.5"):
        text = text.replace(share, "cashable_share = 0.0")
    path = tmp_path / "nab.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.toml"
    outcome = runner.invoke(app, ["close-gap", str(path), "--out", str(out)])
    assert outcome.exit_code == CANNOT_CLOSE
    assert "cannot close the gap" in outcome.stdout and "No file written" in outcome.stdout
    assert not out.exists()


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "kapot.toml"
    path.write_text('[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 0\n')
    for command in (
        ["simulate", str(path)],
        ["sensitivity", str(path)],
        ["close-gap", str(path), "--out", str(tmp_path / "o.toml")],
    ):
        outcome = runner.invoke(app, command)
        assert outcome.exit_code == BAD_INPUT
        assert outcome.stderr.startswith("error: kapot.toml: scenario.horizon_years")
        assert outcome.stdout == ""
