"""The uncertainty commands: simulate, sensitivity, close-gap (docs/uncertainty.md, docs/cli.md)."""

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


def test_simulate_draws_money_all_or_nothing_unless_expected_values_is_asked():
    # driehoeksplein's two grants have an uncertain probability: drawn, they come or not
    plein = str(example_path("driehoeksplein"))
    arguments = ["simulate", plein, "--draws", "400", "--seed", "2", "--json"]
    drawn = json.loads(runner.invoke(app, arguments).stdout)
    expected = json.loads(runner.invoke(app, [*arguments, "--expected-values"]).stdout)
    scenario = load_scenario(plein)
    old = simulate(scenario, 400, seed=2, events="expected").to_json_dict()
    assert expected == json.loads(json.dumps(old))
    assert (drawn["events"], expected["events"]) == ("drawn", "expected")
    assert drawn["p_closes"] != expected["p_closes"]
    table = runner.invoke(app, ["simulate", plein, "--draws", "300", "--lang", "nl"]).stdout
    assert "Risico's in de trekkingen: invoer als kansverdeling: 40; " in table
    assert "geld dat helemaal komt of helemaal niet (financieringsregels): 2" in table
    quiet = runner.invoke(app, ["simulate", plein, "--draws", "300", "--expected-values"]).stdout
    assert (
        "Risks in the draws: inputs written as distributions: 40; starts, durations or lasts that"
        " may slip (whole years): 14; inputs that move together (groups with a rank correlation):"
        " 1\n"
    ) in quiet
    assert "count at their expected values" in quiet


def nabuurschap_with_clipping(tmp_path):
    """Nabuurschap with a normal attribution around 0.05 whose draws below 0 get clipped."""
    text = (
        example_path("nabuurschap")
        .read_text(encoding="utf-8")
        .replace(
            'attribution = { dist = "triangular", low = 0.15, mode = 0.30, high = 0.50 }',
            'attribution = { dist = "normal", mean = 0.05, sd = 0.1 }',
            1,  # the loneliness outcome's only (the avoided costs share its range)
        )
    )
    path = tmp_path / "nab.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_simulate_table_and_clipping_warning(tmp_path):
    path = nabuurschap_with_clipping(tmp_path)
    outcome = runner.invoke(app, ["simulate", str(path), "--draws", "500", "--seed", "1"])
    assert outcome.exit_code == 0, outcome.stderr
    assert "Social NPV (benefits - costs)" in outcome.stdout
    assert "Chance the business case closes: 0.0%" in outcome.stdout
    assert "SIB investor IRR" not in outcome.stdout  # no SIB: its rows are left out
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
    # the loneliness proxy at its low, EUR 300 instead of 600, for 116 people a year in years
    # 1-9, net of deadweight 0.25 and attribution 0.30, lasting 2 years with drop-off 0.30
    d = 1 / 1.0225
    years = sum(d**c for c in range(1, 10)) + 0.7 * sum(d ** (c + 1) for c in range(1, 9))
    low = -300 * 116 * 0.75 * 0.70 * years
    assert round(low) == -238_005
    assert "-€238,005" in outcome.stdout and "€476,010" in outcome.stdout


def test_close_gap_writes_a_scenario_that_closes(tmp_path):
    out = tmp_path / "gesloten.toml"
    west = str(example_path("west_practice"))
    outcome = runner.invoke(app, ["close-gap", west, "--out", str(out)])
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


# --- in Dutch (--lang nl) ------------------------------------------------------------------


def dutch_money(value: float) -> str:
    """Whole euros as Dutch readers write them, worked out here: 704927.97 -> '€ 704.928'."""
    return "€ " + f"{round(value):,}".replace(",", ".")


def test_simulate_in_dutch_has_dutch_labels_and_numbers(tmp_path):
    path = nabuurschap_with_clipping(tmp_path)
    outcome = runner.invoke(
        app, ["simulate", str(path), "--draws", "1500", "--seed", "1", "--lang", "nl"]
    )
    assert outcome.exit_code == 0, outcome.stderr
    out = outcome.stdout
    assert "1.500 trekkingen, seed 1" in out
    assert "gemiddelde" in out and "Maatschappelijke NCW (baten - kosten)" in out
    # the costs are fixed amounts: EUR 25,000 in year 0 plus EUR 75,000 a year over 10 years,
    # and the neighbours' hours in kind, EUR 67,200 a year from their start to year 9; that
    # start is 1, or 2 in a quarter of the draws (triangular(1, 1, 2) rounded), so P50 and P95
    # are the planned costs and P5 those of a network that takes a second year
    fixed = 25_000 + 75_000 * sum(1.0225**-t for t in range(10))
    on_time = fixed + 67_200 * sum(1.0225**-t for t in range(1, 10))
    late = fixed + 67_200 * sum(1.0225**-t for t in range(2, 10))
    (row,) = [line for line in out.splitlines() if "Contante waarde kosten" in line]
    assert row.count(dutch_money(on_time)) == 2  # P50, P95
    assert row.count(dutch_money(late)) == 1  # P5
    assert "Kans dat de business case sluit: 0,0%" in out
    assert "Kans dat de bruto SROI-ratio boven 1 ligt: " in out
    assert "Social NPV" not in out and "draws" not in out
    (warning,) = outcome.stderr.splitlines()
    assert warning.startswith("waarschuwing: nab.toml: outcomes[0].attribution: ")
    assert warning.endswith(" van 1.500 trekkingen buiten [0,0%, 100,0%] zijn afgekapt")


def test_sensitivity_in_dutch():
    outcome = runner.invoke(app, ["sensitivity", NABUURSCHAP, "--lang", "nl"])
    assert outcome.exit_code == 0, outcome.stderr
    out = outcome.stdout
    assert "Tornado: maatschappelijke NCW" in out and "Omslagwaarden" in out
    # the gap of tests/test_examples.py in current euros at 2% inflation
    assert "financieringstekort € 451.732 bij de basiswaarden" in out
    (row,) = [
        line for line in out.splitlines() if "Minder eenzaamheid: waarde per effect (proxy)" in line
    ][:1]
    # low, base and high of the proxy, then the changes worked out in test_sensitivity_table
    for shown in ("€ 300", "€ 600", "€ 1.200", "€ -238.005", "€ 476.010"):
        assert shown in row, shown
    (share,) = [line for line in out.splitlines() if "Minder eenzaamheid: deadweight" in line][:1]
    assert "15,0%" in share and "25,0%" in share and "40,0%" in share
    assert "blijft >= 0 over" in out or "sluit nergens in" in out


def test_close_gap_in_dutch(tmp_path):
    out = tmp_path / "gesloten.toml"
    west = runner.invoke(
        app, ["close-gap", str(example_path("west_practice")), "--out", str(out), "--lang", "nl"]
    )
    assert west.exit_code == 0, west.stderr
    # West Practice's capital is fixed while its costs rise with prices: short from 2032
    assert "Aanvullende bijdragen die een tekort van € 25.413 dichten" in west.stdout
    assert "financieringsregel" in west.stdout and "bedrag" in west.stdout
    assert west.stdout.endswith(f"Geschreven naar {out}.\n")
    # nabuurschap's netted savings cannot close its gap: exit 3, nothing written
    out.unlink()
    outcome = runner.invoke(app, ["close-gap", NABUURSCHAP, "--out", str(out), "--lang", "nl"])
    assert outcome.exit_code == 3 and not out.exists()
    cooperative = str(example_path("energiecooperatie"))
    closes = runner.invoke(app, ["close-gap", cooperative, "--out", str(out), "--lang", "nl"])
    assert "heeft geen financieringstekort: niets toe te voegen." in closes.stdout


def test_close_gap_in_dutch_when_the_benefits_cannot_close_it(tmp_path):
    text = example_path("nabuurschap").read_text(encoding="utf-8")
    for share in ("cashable_share = 0.7", "cashable_share = 0.5"):
        text = text.replace(share, "cashable_share = 0.0")
    path = tmp_path / "nab.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "uit.toml"
    outcome = runner.invoke(app, ["close-gap", str(path), "--out", str(out), "--lang", "nl"])
    assert outcome.exit_code == CANNOT_CLOSE
    assert "De kasbaten kunnen het tekort niet dichten" in outcome.stdout
    assert "Geen bestand geschreven." in outcome.stdout
    assert not out.exists()


def test_an_unknown_language_is_bad_input(tmp_path):
    out = tmp_path / "o.toml"
    for command in (
        ["simulate", NABUURSCHAP, "--draws", "10"],
        ["sensitivity", NABUURSCHAP],
        ["close-gap", NABUURSCHAP, "--out", str(out)],
    ):
        outcome = runner.invoke(app, [*command, "--lang", "de"])
        assert outcome.exit_code == BAD_INPUT, command
        assert outcome.stderr == "error: --lang 'de': must be one of nl, en\n"
        assert outcome.stdout == ""
    assert not out.exists()


def test_sensitivity_without_distributions_says_so_in_either_language(tmp_path):
    path = tmp_path / "vast.toml"
    path.write_text(
        '[scenario]\nname = "Vast"\nstart_year = 2027\nhorizon_years = 2\n\n'
        '[[stakeholders]]\nid = "gemeente"\nname = "Gemeente"\nkind = "public"\n\n'
        '[[costs]]\nname = "Staff"\namount = 100\n',
        encoding="utf-8",
    )
    english = runner.invoke(app, ["sensitivity", str(path)])
    dutch = runner.invoke(app, ["sensitivity", str(path), "--lang", "nl"])
    assert english.stdout == "No input is written as a distribution: nothing to vary.\n"
    assert dutch.stdout == "Geen invoer is als kansverdeling gegeven: er valt niets te variëren.\n"
    payload = json.loads(runner.invoke(app, ["sensitivity", str(path), "--json"]).stdout)
    assert payload["tornado"] == [] and payload["switching_values"] == []
    assert payload["base"] == {"npv_social": -100.0, "funding_gap": 100.0}  # one year, no money
