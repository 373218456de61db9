"""Results' programme view (AppTest through app.py): the pool over the years and who lends to
whom, from the engine's numbers (businesscase.projects), in Dutch and English."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import dump_scenario, evaluate, examples
from businesscase import formatting as fmt
from businesscase.projects import lending, pool_by_year
from businesscase.scenario import scenario_from_dict, scenario_to_dict
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/results.py"


def open_results(*extra: tuple[str, str], lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["lang"] = lang
    if extra:
        kept = dict(at.session_state[state.VARIANTS_KEY])
        kept.update({name: state.Variant(name, toml) for name, toml in extra})
        at.session_state[state.VARIANTS_KEY] = kept
        at.session_state[state.CURRENT_KEY] = extra[-1][0]
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def pool_chart(at) -> dict:
    [found] = [
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["title"]["text"]
        == t("chart_pool_title", at.session_state["lang"])
    ]
    return found


def values(array) -> np.ndarray:
    """A plotly JSON array: a list, or numpy's bytes as base64 (``bdata``)."""
    if isinstance(array, list):
        return np.array(array, dtype=float)
    return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])


def lending_table(at, lang: str = "nl"):
    [table] = [
        frame.value for frame in at.dataframe if t("lending_lender", lang) in frame.value.columns
    ]
    return table


def with_fund(amount: float) -> tuple[str, str]:
    """The BoTu programme with a pooled programme budget of ``amount`` a year from 2027 (a
    programme line, so pooled by default)."""
    data = scenario_to_dict(examples.load_botu())
    data["funding"].append(
        {
            "name": "Programmabudget",
            "funder": "gemeente",
            "kind": "budget",
            "amount": amount,
            "duration": 10,
        }
    )
    return "met programmabudget", dump_scenario(scenario_from_dict(data))


def test_the_botu_programmes_pool_and_its_uncovered_need_year_by_year():
    at = open_results()
    botu = examples.load_botu()
    result = evaluate(botu)
    headings = [each.value for each in at.subheader]
    assert t("pool_title", "nl") in headings and t("lending_title", "nl") in headings
    chart = pool_chart(at)
    free = chart["data"][-1]
    assert free["name"] == t("chart_pool_free", "nl")
    assert np.allclose(values(free["y"]), result.yearly["cash_balance"])
    # no pooled money in the programme as shipped: only the projects' needs, below zero
    pool = pool_by_year(botu)
    drawn = {trace["name"]: values(trace["y"]) for trace in chart["data"][:-1]}
    names = {p.id: p.name for p in botu.projects}
    for part in ("driehoeksplein", "nabuurschap", "west_practice"):
        name = t("chart_pool_drawn", "nl", part=names[part])
        assert np.allclose(drawn[name], -pool[pool["part"] == part]["drawn"].to_numpy())
    worst = result.yearly["cash_balance"].min()
    sentence = t(
        "pool_worst_short", "nl", year=2036, amount=state.markdown_text(fmt.money(-worst, "nl"))
    )
    assert sentence in [each.value for each in at.markdown]
    table = lending_table(at)
    assert set(table[t("lending_lender", "nl")]) == {t("lending_nobody", "nl")}
    last = table[table[t("lending_year", "nl")] == "2036"]
    assert list(last[t("lending_borrower", "nl")]) == ["West Practice", "Nabuurschap"]
    expected = lending(pool)
    expected = expected[expected["year"] == 2036]
    assert list(last[t("lending_amount", "nl")]) == [fmt.money(v, "nl") for v in expected["amount"]]
    assert expected["amount"].sum() == pytest.approx(result.metrics["funding_gap"])


def test_a_pooled_programme_budget_lends_to_the_projects_that_need_it():
    name, toml = with_fund(44000.0)
    at = open_results((name, toml))
    scenario = state.scenario_of(toml)
    expected = lending(pool_by_year(scenario))
    table = lending_table(at)
    programme = t("programme_level", "nl")
    assert set(table[t("lending_lender", "nl")]) == {programme}
    assert list(table[t("lending_amount", "nl")]) == [
        fmt.money(v, "nl") for v in expected["amount"]
    ]
    assert "Nabuurschap" in set(table[t("lending_borrower", "nl")])
    chart = pool_chart(at)
    brought = [trace for trace in chart["data"] if trace["name"].startswith(programme)]
    assert brought[0]["name"] == t("chart_pool_brought", "nl", part=programme)
    # real euros of 2027 in current euros at the programme's 2% inflation, added up
    assert values(brought[0]["y"])[-1] == pytest.approx(sum(44000.0 * 1.02**k for k in range(10)))
    free = evaluate(scenario).yearly["cash_balance"]
    assert free.min() > 0  # closes: the tightest year still has money free
    sentence = t(
        "pool_worst", "nl", year=2036, amount=state.markdown_text(fmt.money(free.min(), "nl"))
    )
    assert sentence in [each.value for each in at.markdown]


def test_the_programme_view_speaks_english():
    at = open_results(lang="en")
    headings = [each.value for each in at.subheader]
    assert t("pool_title", "en") in headings and t("lending_title", "en") in headings
    table = lending_table(at, "en")
    assert set(table[t("lending_lender", "en")]) == {"nobody: not covered"}
    assert pool_chart(at)["layout"]["separators"] == ".,"


def test_a_single_project_has_no_pool_view():
    at = open_results(("west_practice", examples.example_path("west_practice").read_text()))
    headings = [each.value for each in at.subheader]
    assert t("pool_title", "nl") not in headings
    assert t("lending_title", "nl") not in headings
