"""The Uncertainty page (AppTest through app.py): Monte Carlo, tornado and switching values as
the engine has them, in the language chosen in the sidebar."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import dump_scenario, examples, sensitivity, simulate, switching_values
from businesscase import formatting as fmt
from businesscase.export import input_value
from businesscase.scenario import scenario_from_dict
from businesscase.text import input_name, t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/uncertainty.py"
DRAWS, SEED = 1_000, 11


def open_page(variant: state.Variant | None = None, lang: str = "nl") -> AppTest:
    """The app on the Uncertainty page, showing ``variant`` (default: the programme)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if variant is not None:
        at.session_state[state.VARIANTS_KEY] = {variant.name: variant}
    at.switch_page(PAGE).run()
    if lang != "nl":
        at.sidebar.radio[0].set_value(lang).run()
    assert not at.exception
    return at


def run_monte_carlo(at: AppTest, draws: int = DRAWS, seed: int = SEED) -> AppTest:
    at.main.number_input[0].set_value(draws)
    at.main.number_input[1].set_value(seed)
    at.main.button[0].click().run()
    assert not at.exception
    return at


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


@pytest.fixture(scope="module")
def programme_run():
    return run_monte_carlo(open_page())


def test_the_chances_equal_the_engines_with_the_same_seed(programme_run):
    at = programme_run
    expected = simulate(examples.load_botu(), DRAWS, seed=SEED)
    shown = {metric.label: metric.value for metric in at.main.metric}
    assert shown[t("p_closes", "nl")] == fmt.percent(expected.p_closes, "nl")
    assert shown[t("p_sroi_above_1", "nl")] == fmt.percent(expected.p_sroi_above_1, "nl")
    summary = at.main.dataframe[0].value.set_index(t("figures", "nl"))
    start = examples.load_botu().settings.start_year
    for name in ("npv_social", "sroi_ratio", "funding_gap", "payback_year"):
        row = expected.summary.loc[name]
        for column in ("mean", "p5", "p50", "p95"):
            assert summary.loc[t(name, "nl"), t(f"uncertainty_{column}", "nl")] == fmt.summary(
                name, column, row, "nl", start
            )


def test_monte_carlo_table_shows_no_mean_payback_year_and_whole_calendar_years():
    """The table showed a payback year of ``2033,8`` (a mean of years). The energy cooperative
    pays back in its ninth or tenth year in nearly every draw (the programme rarely does)."""
    text = examples.example_path("energiecooperatie").read_text(encoding="utf-8")
    at = run_monte_carlo(open_page(state.Variant("energiecooperatie", text)))
    summary = at.main.dataframe[0].value.set_index(t("figures", "nl"))
    row = summary.loc[t("payback_year", "nl")]
    assert row[t("uncertainty_mean", "nl")] == fmt.MISSING
    for column in ("p5", "p50", "p95"):
        assert row[t(f"uncertainty_{column}", "nl")].isdigit()  # 2033, never 2033,8
    notes = [caption.value for caption in at.main.caption]
    assert t("uncertainty_summary_note", "nl") in notes


def test_a_mean_irr_only_where_it_means_something():
    """The table showed a mean IRR of ``1.912,4%``: a few extreme draws decided it."""
    wild = {"mean": 19.124, "p5": -0.01, "p50": 0.06, "p95": 0.14, "share_null": 0.0}
    assert fmt.summary("social_irr", "mean", wild, "nl", 2026) == fmt.MISSING
    assert fmt.summary("social_irr", "p50", wild, "nl", 2026) == "6,0%"
    tame = wild | {"mean": 0.063}
    assert fmt.summary("social_irr", "mean", tame, "nl", 2026) == "6,3%"
    assert fmt.summary("social_irr", "mean", tame | {"share_null": 0.05}, "nl", 2026) == "–"


def test_fan_distributions_and_tornado_are_drawn(programme_run):
    assert chart_titles(programme_run) == [
        t("chart_fan_title", "nl"),
        t("npv_social", "nl"),
        t("sroi_ratio", "nl"),
        t(
            "chart_tornado_title",
            "nl",
            figure=t("npv_social", "nl"),
            base=fmt.money(sensitivity(examples.load_botu()).base["npv_social"], "nl"),
        ),
    ]


def test_the_tornado_keeps_the_largest_swings_and_says_so(programme_run):
    tornado = json.loads(programme_run.get("plotly_chart")[-1].proto.spec)["data"][0]
    table = sensitivity(examples.load_botu()).table  # sorted by the npv_social swing
    names = [input_name(row.label, row.path, "nl") for row in table.head(20).itertuples()]
    assert tornado["y"] == names
    count = fmt.number(len(table), "nl", 0)
    note = t("uncertainty_tornado_top", "nl", top="20", count=count)
    assert note in [caption.value for caption in programme_run.main.caption]


def test_switching_values_table_is_the_engines(programme_run):
    expected = switching_values(examples.load_botu())
    table = programme_run.main.dataframe[1].value
    found = expected["npv_social_switch"].notna() | expected["closes_switch"].notna()
    expected = pd.concat([expected[found], expected[~found]])  # informative rows first
    names = [input_name(row.label, row.path, "nl") for row in expected.itertuples()]
    assert list(table[t("uncertainty_input", "nl")]) == names
    shown = table[t("uncertainty_npv_switch", "nl")]
    for row, text in zip(expected.itertuples(), shown, strict=True):
        if row.npv_social_note:
            assert text.startswith("blijft")  # no switching value in the search range
        else:
            assert text == input_value(row.path, row.npv_social_switch, "nl")


def test_switching_values_are_formatted_as_their_inputs(programme_run):
    """The table showed ``0,4000``, ``500,00`` and ``blijft ≥ 0 van 0,0000 tot 900,00`` where
    the CLI shows ``40,0%`` and ``€ 500``; uninformative rows came first."""
    table = programme_run.main.dataframe[1].value
    expected = switching_values(examples.load_botu())
    base = dict(zip(expected["path"], expected["base"], strict=True))
    texts = " ".join(table[t("uncertainty_base", "nl")])
    assert "€ " in texts and "%" in texts
    for path, value in base.items():
        if path.endswith(".proxy"):
            assert input_value(path, value, "nl").startswith("€ ")
        if path.endswith("deadweight"):
            assert input_value(path, value, "nl").endswith("%")
    switches = table[t("uncertainty_npv_switch", "nl")].tolist()
    closes = table[t("uncertainty_closes_switch", "nl")].tolist()
    informative = [
        not (a.startswith("blijft") and c.startswith("sluit"))
        for a, c in zip(switches, closes, strict=True)
    ]
    assert informative == sorted(informative, reverse=True)  # rows with a switching value first


def test_before_a_run_the_page_asks_for_one():
    at = open_page()
    assert at.main.info[0].value == t("uncertainty_not_run", "nl")
    assert not at.main.metric
    assert chart_titles(at)[0].startswith("Welke aanname telt?")  # tornado needs no run


def test_a_scenario_without_distributions_says_so_and_draws_nothing():
    data = {
        "scenario": {"name": "Vast", "start_year": 2030, "horizon_years": 3},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Werk", "amount": 100, "duration": 3}],
    }
    variant = state.Variant("vast", dump_scenario(scenario_from_dict(data)))
    at = open_page(variant, lang="en")
    assert at.main.info[0].value == t("uncertainty_none", "en")
    assert not at.get("plotly_chart") and not at.main.number_input and not at.main.dataframe


def test_one_uncertain_input_is_counted_in_the_singular():
    """The page said "1 invoerwaarden zijn"."""
    data = {
        "scenario": {"name": "Eén", "start_year": 2030, "horizon_years": 3},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [
            {"name": "Werk", "duration": 3, "amount": {"dist": "uniform", "low": 90, "high": 110}}
        ],
    }
    variant = state.Variant("een", dump_scenario(scenario_from_dict(data)))
    at = open_page(variant)
    captions = [caption.value for caption in at.main.caption]
    assert "1 invoerwaarde is als kansverdeling gegeven." in captions
    assert not [caption for caption in captions if "invoerwaarden zijn" in caption]


def test_language_switch_changes_labels():
    nabuurschap = state.Variant(
        "nabuurschap", examples.example_path("nabuurschap").read_text(encoding="utf-8")
    )
    at = run_monte_carlo(open_page(nabuurschap, lang="en"))
    expected = simulate(examples.load_example("nabuurschap"), DRAWS, seed=SEED)
    shown = {metric.label: metric.value for metric in at.main.metric}
    assert shown["Chance the business case closes"] == fmt.percent(expected.p_closes, "en")
    assert at.main.number_input[0].label == t("draws", "en")
    assert chart_titles(at)[0] == "Cash balance over the draws"
    at.sidebar.radio[0].set_value("nl").run()
    shown = {metric.label: metric.value for metric in at.main.metric}
    assert shown["Kans dat de business case sluit"] == fmt.percent(expected.p_closes, "nl")
