"""The Results page (AppTest through app.py): the engine's figures, charts and close-the-gap."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import close_the_gap, dump_scenario, evaluate, examples
from businesscase import formatting as fmt
from businesscase.export import verdict
from businesscase.scenario import scenario_from_dict, scenario_to_dict
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/results.py"


def open_results(*extra: tuple[str, str]) -> AppTest:
    """The app on the Results page, with extra variants (name, TOML text) in the session."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if extra:
        kept = dict(at.session_state[state.VARIANTS_KEY])
        kept.update({name: state.Variant(name, toml) for name, toml in extra})
        at.session_state[state.VARIANTS_KEY] = kept
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def chart_titles(at) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in charts(at)]


def charts(at):
    return at.get("plotly_chart")


def example_variant(name: str) -> tuple[str, str]:
    return name, examples.example_path(name).read_text(encoding="utf-8")


def test_the_programme_shows_the_engines_figures():
    at = open_results()
    m = evaluate(examples.load_botu()).metrics
    start = examples.load_botu().settings.start_year
    shown = metrics(at)
    assert shown[t("sroi_ratio", "nl")] == fmt.number(m["sroi_ratio"], "nl")
    assert shown[t("npv_social", "nl")] == fmt.money(m["npv_social"], "nl")
    # with each project's money earmarked, the square is short from 2028 on its own money
    assert shown[t("closes", "nl")] == "NEE"
    assert m["first_short_year"] == 1
    assert shown[t("first_short_year", "nl")] == fmt.year(1, start)  # 2028
    assert shown[t("subsidy_dependence", "nl")] == fmt.percent(m["subsidy_dependence"], "nl")
    assert shown[t("payback_year", "nl")] == fmt.year(m["payback_year"], start)
    assert fmt.money(m["funding_gap"], "nl") in at.error[0].value
    assert not at.success  # no "it closes" verdict


def test_charts_tables_and_flows_of_the_programme():
    at = open_results()
    result = evaluate(examples.load_botu())
    titles = chart_titles(at)
    assert titles == [
        t(key, "nl")
        for key in (
            "chart_financing_title",
            "chart_cash_title",
            "who_pays_who_benefits",
            "chart_benefits_stakeholder_title",
            "chart_value_type_title",
            "chart_sib_title",  # the programme has a social impact bond
            "chart_pool_title",  # a programme of projects: the pool over the years
        )
    ]
    cash = json.loads(charts(at)[1].proto.spec)["data"][0]
    assert np.allclose(decode(cash["y"]), result.yearly["cash_balance"])
    holders = at.dataframe[0].value
    assert list(holders[t("stakeholder", "nl")]) == list(result.stakeholders["name"])
    assert list(holders[t("pv_benefit", "nl")]) == [
        fmt.money(value, "nl") for value in result.stakeholders["pv_benefit"]
    ]
    flows = at.dataframe[1].value
    assert len(flows) == len(result.flows)
    assert list(flows[t("flows_pv", "nl")]) == [fmt.money(v, "nl") for v in result.flows["pv"]]
    assert set(flows[t("flows_flow", "nl")]) == {
        t(f"flow_{kind}", "nl") for kind in result.flows["flow"]
    }


def decode(values):
    """A plotly JSON array: a list, or numpy's bytes as base64 (``bdata``)."""
    if isinstance(values, list):
        return values
    return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])


def test_a_plan_that_does_not_close_shows_its_gap_and_first_short_year():
    at = open_results(example_variant("nabuurschap"))
    at.sidebar.selectbox[0].set_value("nabuurschap").run()
    m = evaluate(examples.load_example("nabuurschap")).metrics
    start = examples.load_example("nabuurschap").settings.start_year
    shown = metrics(at)
    assert shown[t("closes", "nl")] == "NEE"
    assert shown[t("first_short_year", "nl")] == fmt.year(m["first_short_year"], start)
    assert fmt.money(m["funding_gap"], "nl") in at.error[0].value
    assert at.metric[2].delta == fmt.money(-m["funding_gap"], "nl")


def test_close_the_gap_adds_a_variant_that_closes():
    """West Practice is short from 2032 and its stakeholders' cashable benefits can close it
    (nabuurschap's netted savings cannot)."""
    at = open_results(example_variant("west_practice"))
    at.sidebar.selectbox[0].set_value("west_practice").run()
    at.button[0].click().run()
    assert not at.exception
    name = "west_practice – sluitend"
    assert at.sidebar.selectbox[0].value == name
    assert name in at.sidebar.selectbox[0].options
    added = at.session_state[state.VARIANTS_KEY][name]
    proposal = close_the_gap(examples.load_example("west_practice"))
    assert added.toml == dump_scenario(proposal.scenario)
    assert metrics(at)[t("closes", "nl")] == "ja"
    assert evaluate(added.scenario).metrics["closes"]
    assert state.markdown_text(name) in at.success[-1].value
    lines = at.dataframe[0].value
    assert list(lines[t("results_amount", "nl")]) == [
        fmt.money(amount, "nl") for amount in proposal.contributions["amount"]
    ]
    assert list(lines[t("chart_year", "nl")]) == list(proposal.contributions["year"])


def no_cashable_benefits() -> str:
    """Nabuurschap with no cashable benefits: nobody can pay, the gap cannot close."""
    data = scenario_to_dict(examples.load_example("nabuurschap"))
    for line in data.get("outcomes", []) + data.get("avoided_costs", []):
        line["cashable_share"] = 0.0
    return dump_scenario(scenario_from_dict(data))


def test_a_gap_that_cannot_close_says_by_how_much():
    toml = no_cashable_benefits()
    at = open_results(("geen kasbaten", toml))
    at.sidebar.selectbox[0].set_value("geen kasbaten").run()
    at.button[0].click().run()
    assert not at.exception
    proposal = close_the_gap(state.Variant("x", toml).scenario)
    assert not proposal.closes and proposal.shortfall > 0
    message = at.error[-1].value
    assert fmt.money(proposal.shortfall, "nl") in message
    assert fmt.money(proposal.pv_needed, "nl") in message
    assert list(at.session_state[state.VARIANTS_KEY]) == [
        examples.PROGRAMME,
        "geen kasbaten",
    ]  # nothing added
    assert at.sidebar.selectbox[0].value == "geen kasbaten"


def test_language_switch_changes_labels_and_numbers():
    at = open_results(example_variant("nabuurschap"))
    at.sidebar.selectbox[0].set_value("nabuurschap").run()
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    m = evaluate(examples.load_example("nabuurschap")).metrics
    shown = metrics(at)
    assert shown[t("npv_social", "en")] == fmt.money(m["npv_social"], "en")
    assert shown[t("closes", "en")] == "NO"
    assert at.button[0].label == t("results_close_gap", "en")
    assert chart_titles(at)[0] == "Costs and financing per year"
    assert t("flows_pv", "en") in at.dataframe[1].value.columns


@pytest.mark.parametrize("name", ["<script>alert(1)</script>"])
def test_markup_in_a_name_is_shown_as_text(name):
    data = scenario_to_dict(examples.load_example("west_practice"))
    data["stakeholders"][0]["name"] = name
    data["scenario"]["name"] = f"**vet** {name}"
    at = open_results(("markup", dump_scenario(scenario_from_dict(data))))
    at.sidebar.selectbox[0].set_value("markup").run()
    assert not at.exception
    assert at.subheader[0].value == state.markdown_text(f"**vet** {name}")  # shown as written
    specs = " ".join(chart.proto.spec for chart in charts(at))
    assert "<script" not in specs.replace("\\u003c", "<")
    assert name in list(at.dataframe[0].value[t("stakeholder", "nl")])  # a table cell is text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_shortfall_reads_as_bad_news_in_both_languages(lang):
    """The Dutch "Sluitend" card showed the gap as a green rise (``€ -94.000`` starts with €,
    and Streamlit read the delta's sign from its first character)."""
    from streamlit.proto.Metric_pb2 import Metric

    at = open_results(example_variant("nabuurschap"))
    at.sidebar.selectbox[0].set_value("nabuurschap").run()
    if lang == "en":
        at.sidebar.radio[0].set_value("en").run()
    card = next(metric for metric in at.metric if metric.label == t("closes", lang))
    assert card.proto.color == Metric.MetricColor.RED
    assert card.proto.direction == Metric.MetricDirection.DOWN


def test_the_gap_is_one_number_explained_in_one_sentence():
    """The gap appeared as two unexplained numbers: the banner's undiscounted gap and
    close-gap's ``Nodig € 89.006 (CW)``."""
    at = open_results(example_variant("nabuurschap"))
    at.sidebar.selectbox[0].set_value("nabuurschap").run()
    scenario = examples.load_example("nabuurschap")
    result = evaluate(scenario)
    proposal = close_the_gap(scenario)
    (banner,) = at.error
    assert banner.value == state.markdown_text(verdict(result, "nl", proposal=proposal))
    sentence = verdict(result, "nl", proposal=proposal)
    assert fmt.money(result.metrics["funding_gap"], "nl") in sentence  # undiscounted
    assert fmt.money(proposal.pv_needed, "nl") in sentence  # what close-the-gap divides
    assert sentence.endswith(".") and ". " not in sentence  # one sentence


def views_table(at, lang: str = "nl") -> pd.DataFrame:
    """The "what counts" table: the one with a column for society's view."""
    society = t("views_society", lang)
    (table,) = [frame.value for frame in at.dataframe if society in frame.value.columns]
    return table.set_index(t("views_line", lang))


def test_what_counts_shows_society_and_who_benefits_side_by_side():
    """The programme's bijstand saved (West Practice, PV € 1.522.897) is a transfer: zero for
    society, counted for the gemeente; the volunteers' hours (PV € 542.015) are a cost in kind,
    the square and the panels keep a residual value (PV € 531.221)."""
    at = open_results()
    result = evaluate(examples.load_botu())
    m = result.metrics
    table = views_table(at)
    society, holders = t("views_society", "nl"), t("views_stakeholders", "nl")
    assert list(table.index) == [
        t(f"views_row_{row}", "nl")
        for row in ("benefit", "residual_value", "transfer", "benefits", "cost", "in_kind", "net")
    ]
    transfer = t("views_row_transfer", "nl")
    assert table.loc[transfer, society] == "€ 0"
    assert table.loc[transfer, holders] == "€ 1.522.897"
    assert table.loc[t("views_row_in_kind", "nl"), society] == "€ -542.015"
    assert table.loc[t("views_row_residual_value", "nl"), holders] == "€ 531.221"
    assert table.loc[t("views_row_benefits", "nl"), society] == fmt.money(m["pv_benefits"], "nl")
    assert table.loc[t("views_row_net", "nl"), society] == fmt.money(m["npv_social"], "nl")
    holders_total = result.stakeholders["pv_benefit"].sum()
    assert table.loc[t("views_row_benefits", "nl"), holders] == fmt.money(holders_total, "nl")
    notes = [caption.value for caption in at.caption]
    assert t("views_note", "nl", transfers="€ 1.522.897") in notes
    shown = metrics(at)
    assert shown[t("public_dependence", "nl")] == fmt.percent(m["public_dependence"], "nl")
    assert shown[t("public_dependence", "nl")] == "30,3%"
    assert t("cash_in_current_euros", "nl", inflation="2,0%", start=2027) in notes


def test_a_plain_case_in_english_shows_benefits_and_costs_only_in_real_euros():
    data = {
        "scenario": {"name": "Plain", "start_year": 2027, "horizon_years": 2, "discount_rate": 0.0},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Coach", "amount": 600.0}],
        "outcomes": [
            {
                "name": "Work",
                "quantity": 1,
                "proxy": 1000.0,
                "value_type": "social",
                "start": 1,
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
        "funding": [{"name": "Budget", "funder": "gemeente", "kind": "budget", "amount": 600.0}],
    }
    at = open_results(("plain", dump_scenario(scenario_from_dict(data))))
    at.sidebar.selectbox[0].set_value("plain").run()
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    table = views_table(at, "en")
    # 1,000 of outcomes in year 1 against 600 of costs in year 0, at 0%: net 400 in both views
    assert table.to_dict("list") == {
        t("views_society", "en"): ["€1,000", "€1,000", "-€600", "€400"],
        t("views_stakeholders", "en"): ["€1,000", "€1,000", "-€600", "€400"],
    }
    shown = metrics(at)
    assert shown[t("subsidy_dependence", "en")] == "0.0%"
    assert shown[t("public_dependence", "en")] == "100.0%"  # a budget, not a subsidy
    notes = " ".join(caption.value for caption in at.caption)
    assert "current euros" not in notes  # no inflation: everything in constant prices
