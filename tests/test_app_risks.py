"""Risks in the app (AppTest through app.py): the Uncertainty page says what the draws include
and offers the expected values; the table view edits the inputs that move together."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import examples, simulate
from businesscase import formatting as fmt
from businesscase.scenario import parse_scenario
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DRAWS, SEED = 1_000, 5

PLEIN = examples.example_path("driehoeksplein").read_text(encoding="utf-8")
"""The square: two fund grants that are not yet granted (uncertain probabilities), and its works
and all that follows them may slip: 14 starts in one group."""

CORRELATED = PLEIN + (
    '\n[[correlations]]\ninputs = ["outcomes[0].quantity", "outcomes[1].quantity"]\nrho = 0.6\n'
)

GRANT_ONLY = """
[scenario]
name = "Alleen een subsidie"
start_year = 2027
horizon_years = 1

[[stakeholders]]
id = "fonds"
name = "Fonds"
kind = "fund"

[[costs]]
name = "Coaching"
amount = 800

[[funding]]
name = "Subsidie"
funder = "fonds"
kind = "grant"
amount = 1000
probability = 0.7
"""


def open_page(text: str, page: str, lang: str = "nl") -> AppTest:
    """The app on ``page`` with the scenario ``text`` as its only variant."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    variant = state.Variant("plein", text)
    at.session_state[state.VARIANTS_KEY] = {variant.name: variant}
    at.switch_page(page).run()
    if lang != "nl":
        at.sidebar.radio[0].set_value(lang).run()
    assert not at.exception
    return at


def run(at: AppTest, expected_values: bool = False) -> AppTest:
    at.main.number_input[0].set_value(DRAWS)
    at.main.number_input[1].set_value(SEED)
    at.main.toggle[0].set_value(expected_values)
    at.main.button[0].click().run()
    assert not at.exception
    return at


def chances(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.main.metric}


def texts(at: AppTest) -> str:
    return "\n".join(block.value for block in at.main.markdown)


def test_the_page_lists_the_risks_and_draws_them_unless_expected_values_are_asked():
    at = run(open_page(CORRELATED, "app_pages/uncertainty.py"))
    scenario = parse_scenario(CORRELATED)
    drawn = simulate(scenario, DRAWS, seed=SEED)
    assert chances(at)[t("p_closes", "nl")] == fmt.percent(drawn.p_closes, "nl")
    shown = texts(at)
    assert "**Risico's in de trekkingen**" in shown
    assert "- invoer als kansverdeling: 40" in shown
    assert "- geld dat helemaal komt of helemaal niet (financieringsregels): 2" in shown
    assert "- invoer die samen beweegt (groepen met een rangcorrelatie): 2" in shown
    slipping = "- starts, looptijden of duur van effecten die kunnen verschuiven (hele jaren): 14"
    assert slipping in shown
    assert t("risks_expected", "nl") not in shown
    run(at, expected_values=True)
    expected = simulate(scenario, DRAWS, seed=SEED, events="expected")
    assert expected.p_closes != drawn.p_closes
    assert chances(at)[t("p_closes", "nl")] == fmt.percent(expected.p_closes, "nl")
    shown = texts(at)
    assert t("risks_expected", "nl") in shown
    assert "financieringsregels" not in shown
    assert at.main.toggle[0].label == t("uncertainty_expected_values", "nl")


def test_money_that_may_not_come_is_drawn_without_any_distribution():
    # no input is a distribution, but the grant comes or not: P(closes) = 0.7 within error
    at = run(open_page(GRANT_ONLY, "app_pages/uncertainty.py", lang="en"))
    assert not at.main.info  # not "nothing to vary"
    expected = simulate(parse_scenario(GRANT_ONLY), DRAWS, seed=SEED)
    assert abs(expected.p_closes - 0.7) < 5 * (0.7 * 0.3 / DRAWS) ** 0.5
    assert chances(at)[t("p_closes", "en")] == fmt.percent(expected.p_closes, "en")
    assert "- money that comes in full or not at all (funding lines): 1" in texts(at)
    charts = [chart.key for chart in at.get("plotly_chart")]
    assert charts == ["fan", "distribution_npv_social", "distribution_sroi_ratio"]  # no tornado


def editor_key(at: AppTest, table: str) -> str:
    [key] = [editor.key for editor in at.data_editor if editor.key.startswith(f"build_{table}_")]
    return key


def edit_correlations(at: AppTest, edited=None, added=None) -> None:
    at.session_state[editor_key(at, "correlations")] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception


def correlations(at: AppTest):
    return at.session_state[state.VARIANTS_KEY]["plein"].scenario.correlations


@pytest.fixture
def build_page() -> AppTest:
    return open_page(PLEIN, "app_pages/build.py")


def test_the_table_view_adds_a_correlation_with_help_in_dutch(build_page):
    at = build_page
    [table] = [e for e in at.data_editor if e.key.startswith("build_correlations_")]
    assert len(table.value) == 1  # the square's own: its starts slip together
    assert t("table_correlations", "nl") in [header.value for header in at.subheader]
    row = {"inputs": "outcomes[0].quantity; outcomes[1].quantity", "rho": "0,6"}
    edit_correlations(at, added=[row])
    assert not at.error
    starts, group = correlations(at)
    assert starts.inputs[0] == "costs[0].start"
    assert group.inputs == ["outcomes[0].quantity", "outcomes[1].quantity"]
    assert group.rho == 0.6
    help_text = t("help_correlations_inputs", "nl")
    assert "bewoners die in meerdere uitkomsten meetellen bewegen samen" in help_text.lower()


def test_a_bad_correlation_is_said_in_words_and_keeps_the_last_valid_scenario():
    at = open_page(CORRELATED, "app_pages/build.py")
    [table] = [e for e in at.data_editor if e.key.startswith("build_correlations_")]
    assert table.value.to_dict(orient="records")[1] == {
        "inputs": "outcomes[0].quantity; outcomes[1].quantity",
        "rho": "0,6",
    }
    edit_correlations(at, edited={1: {"rho": "1,5"}})
    assert at.error
    [problem] = [block.value for block in at.code]
    where = t("table_correlations", "nl")
    assert problem.startswith(f"{where}, regel 2, rangcorrelatie (rho): 1,5 ")
    assert problem.endswith("rho moet tussen -1 en 1 liggen (die zelf niet): -1 < rho < 1")
    assert correlations(at)[1].rho == 0.6
    edit_correlations(at, edited={1: {"inputs": "outcomes[0].quantity; outcomes[0].drop_off"}})
    [problem] = [block.value for block in at.code]
    assert "outcomes[0].drop_off" in problem and "vast getal" in problem
