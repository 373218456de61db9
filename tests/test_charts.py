"""The charts show the engine's numbers, in the user's language, and names only as text.

Each figure's data is compared with the engine result it was drawn from, and on a small
scenario with hand-worked numbers.
"""

from __future__ import annotations

import html
import json

import numpy as np
import pytest
from numpy.testing import assert_allclose

from businesscase import charts, evaluate, examples, sensitivity, simulate
from businesscase import formatting as fmt
from businesscase.scenario import scenario_from_dict, scenario_to_dict
from businesscase.text import input_name, t

EXAMPLES = examples.list_examples()
RESULTS = {name: evaluate(examples.load_example(name)) for name in EXAMPLES}

SMALL = {
    "scenario": {"name": "Klein", "start_year": 2030, "horizon_years": 3, "discount_rate": 0.1},
    "stakeholders": [
        {"id": "gemeente", "name": "Gemeente", "kind": "public"},
        {"id": "fonds", "name": "Fonds", "kind": "fund"},
    ],
    "costs": [{"name": "Werk", "amount": 100, "duration": 3}],
    "outcomes": [
        {
            "name": "Resultaat",
            "quantity": 1,
            "proxy": 200,
            "value_type": "social",
            "cashable_share": 0.5,
            "duration": 3,
            "beneficiaries": {"gemeente": 1.0},
        }
    ],
    "funding": [{"name": "Gift", "funder": "fonds", "kind": "grant", "amount": 150}],
}
"""Costs 100 a year for 3 years, one grant of 150 in year 0, benefits 200 a year (half
cashable) for the gemeente, discounted at 10%."""


@pytest.fixture(scope="module")
def small():
    return evaluate(scenario_from_dict(SMALL))


def traces(figure, kind):
    return [trace for trace in figure.data if trace.type == kind]


# --- hand-worked -------------------------------------------------------------------------------


def test_small_cash_balance_marks_the_short_years_red(small):
    figure = charts.cash_balance(small, "nl")
    (bars,) = traces(figure, "bar")
    assert_allclose(bars.y, [50.0, -50.0, -150.0])
    assert list(bars.x) == [2030, 2031, 2032]
    assert list(bars.marker.color) == [charts.BALANCE_COLOUR] + [charts.SHORT_COLOUR] * 2


def test_small_financing_against_costs(small):
    figure = charts.financing_by_year(small, "en")
    (grant,) = traces(figure, "bar")
    assert grant.name == "Fonds"
    assert_allclose(grant.y, [150.0, 0.0, 0.0])
    (costs,) = traces(figure, "scatter")  # no loans: no second line
    assert costs.name == "Costs"
    assert_allclose(costs.y, [100.0, 100.0, 100.0])


def test_small_sankey_in_present_value(small):
    (sankey,) = figure_sankey(charts.who_pays_who_benefits(small, "en"))
    pv_benefit = 200 + 200 / 1.1 + 200 / 1.1**2  # 547.107...
    links = link_table(sankey)
    assert links == pytest.approx(
        {
            ("Fonds", "The project", "financing"): 150.0,
            ("The project", "Gemeente", "benefit"): pv_benefit,
        }
    )


def test_small_benefits_split_in_cashable_and_not(small):
    figure = charts.benefits_by_stakeholder(small, "nl")
    cashable, rest = traces(figure, "bar")
    pv_benefit = 200 + 200 / 1.1 + 200 / 1.1**2
    assert list(cashable.y) == ["Gemeente"]  # the fonds has no benefit: left out
    assert_allclose([cashable.x[0], rest.x[0]], [pv_benefit / 2, pv_benefit / 2])
    assert cashable.name == "kasbaten" and rest.name == "niet in kas"


# --- every shipped scenario: the engine's numbers ----------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_cash_balance_is_the_engines(name):
    result = RESULTS[name]
    (bars,) = traces(charts.cash_balance(result, "nl"), "bar")
    balance = result.yearly["cash_balance"].to_numpy()
    assert_allclose(bars.y, balance)
    short = balance < -0.005
    assert [colour == charts.SHORT_COLOUR for colour in bars.marker.color] == list(short)
    if result.metrics["first_short_year"] is not None:
        assert bars.marker.color[result.metrics["first_short_year"]] == charts.SHORT_COLOUR


@pytest.mark.parametrize("name", EXAMPLES)
def test_financing_bars_add_up_to_the_inflows(name):
    result = RESULTS[name]
    figure = charts.financing_by_year(result, "nl")
    bars = traces(figure, "bar")
    assert_allclose(np.sum([bar.y for bar in bars], axis=0), result.yearly["inflows"], atol=1e-6)
    lines = {line.name: line.y for line in traces(figure, "scatter")}
    assert_allclose(lines["Kosten"], result.yearly["costs"])
    has_loans = result.metrics["loan_outstanding_at_horizon"] > 0 or (
        result.yearly["loan_repayments"].sum() > 0
    )
    assert ("Kosten + aflossingen" in lines) == has_loans
    if has_loans:
        assert_allclose(lines["Kosten + aflossingen"], result.yearly["outflows"])


def test_a_scenario_with_loans_shows_the_repayments():
    figure = charts.financing_by_year(RESULTS["energiecooperatie"], "en")
    assert "Costs + loan repayments" in [line.name for line in traces(figure, "scatter")]


@pytest.mark.parametrize("name", EXAMPLES)
def test_benefits_by_stakeholder_are_the_stakeholder_table(name):
    result = RESULTS[name]
    cashable, rest = traces(charts.benefits_by_stakeholder(result, "en"), "bar")
    table = result.stakeholders[result.stakeholders["pv_benefit"] > 0]
    assert list(cashable.y) == list(table["name"])
    assert_allclose(cashable.x, table["pv_cashable_benefit"])
    assert_allclose(np.add(cashable.x, rest.x), table["pv_benefit"])


@pytest.mark.parametrize("name", EXAMPLES)
def test_benefits_by_value_type_are_the_yearly_series(name):
    result = RESULTS[name]
    bars = traces(charts.benefits_by_value_type(result, "nl"), "bar")
    assert len(bars) == 3
    for bar, kind in zip(bars, ("fiscal", "economic", "social"), strict=True):
        assert_allclose(bar.y, result.yearly[f"benefits_{kind}"])
        assert fmt.money(result.metrics[f"pv_benefits_{kind}"], "nl") in bar.name
    assert [bar.name.split(" ")[0] for bar in bars] == ["fiscaal", "economisch", "sociaal"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_sankey_links_are_the_engines_present_values(name):
    result = RESULTS[name]
    (sankey,) = figure_sankey(charts.who_pays_who_benefits(result, "en"))
    source = np.array(sankey.link.source)
    target = np.array(sankey.link.target)
    value = np.array(sankey.link.value)
    kinds = np.array(sankey.link.label)
    financing = (target == 0) & (kinds == "financing")
    assert_allclose(value[financing].sum(), result.metrics["pv_financing"], rtol=1e-12)
    in_kind = value[kinds == "in kind"].sum()
    assert_allclose(in_kind, result.metrics["pv_in_kind"], rtol=1e-12, atol=1e-9)
    # who benefits keeps the transfers that the society figures leave out
    m = result.metrics
    gains = m["pv_benefits"] + m["pv_transfers"]
    assert_allclose(value[kinds == "benefit"].sum(), gains, rtol=1e-12)
    labels = sankey.node.label
    for row in result.stakeholders.itertuples():
        # what a stakeholder pays flows out of its left node, what it gains into its right node
        left = [i for i in set(source) if i != 0 and labels[i] == row.name]
        right = [i for i in set(target) if i != 0 and labels[i] == row.name]
        assert_allclose(value[np.isin(source, left)].sum(), row.pv_paid, atol=1e-6)
        assert_allclose(
            value[np.isin(target, right)].sum(), row.pv_benefit + row.pv_received, atol=1e-6
        )
    assert (value > 0).all()


def test_sib_view_is_none_without_a_bond():
    assert charts.sib_view(RESULTS["nabuurschap"], "nl") is None


@pytest.mark.parametrize("name", ["west_practice", "botu_programma"])
def test_sib_view_shows_capital_payments_and_the_payers_value(name):
    result = RESULTS[name]
    figure = charts.sib_view(result, "en")
    bars = {bar.name: np.array(bar.y) for bar in traces(figure, "bar")}
    bond = result.scenario.sib
    capital = bars["Capital paid in"]
    assert_allclose(capital.sum(), -evaluate_capital(result))
    # drawn as the contract says, each share in euros of its year (real at the inflation)
    shares = np.array(bond.drawdown_shares())
    drawn = bond.start + np.arange(len(shares))
    assert np.count_nonzero(capital) == len(shares)
    index = (1 + result.scenario.settings.inflation) ** drawn
    assert_allclose(-capital[drawn] * index / bond.capital, shares)
    payments = bars["Outcome payments received"]
    assert_allclose(payments.sum(), result.metrics["sib_total_payments"])
    assert_allclose(bars["Outcome payments made"], payments)
    assert_allclose(payments, result.yearly["sib_payments"])
    discount = result.yearly["discount_factor"].to_numpy()
    value = bars["Payer's cashable value of the paid-for outcomes"]
    assert_allclose(
        value @ discount - payments @ discount, result.metrics["sib_payer_net_pv"], atol=1e-6
    )
    (net,) = traces(figure, "scatter")
    assert_allclose(net.y, np.cumsum(payments + capital))


def evaluate_capital(result):
    """The SIB capital as the flow table has it (the financing row of the sib section)."""
    flows = result.flows
    return flows[(flows["section"] == "sib") & (flows["flow"] == "financing")]["amount"].sum()


# --- uncertainty -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def simulation():
    return simulate(examples.load_example("nabuurschap"), 1_000, seed=7)


@pytest.fixture(scope="module")
def tornado_input():
    return sensitivity(examples.load_example("nabuurschap"))


def test_fan_bands_are_the_percentiles(simulation):
    figure = charts.cash_balance_fan(simulation, "nl")
    lines = traces(figure, "scatter")
    fan = simulation.cash_balance_percentiles
    for trace, column in zip(lines, ("p95", "p5", "p75", "p25", "p50"), strict=True):
        assert_allclose(trace.y, fan[column])
        assert list(trace.x) == list(fan["year"])
    assert [trace.fill for trace in lines] == [None, "tonexty", None, "tonexty", None]
    assert lines[1].name == "P5–P95" and lines[3].name == "P25–P75"
    assert lines[4].name == "mediaan (P50)"


@pytest.mark.parametrize("figure", ["npv_social", "sroi_ratio"])
def test_distribution_histogram_and_percentile_lines(simulation, figure):
    chart = charts.distribution(simulation, figure, "nl")
    (histogram,) = traces(chart, "histogram")
    draws = simulation.per_draw[figure]
    assert_allclose(histogram.x, draws[~np.isnan(draws)])
    row = simulation.summary.loc[figure]
    assert_allclose([shape.x0 for shape in chart.layout.shapes], row[["p5", "p50", "p95"]])
    texts = [annotation.text for annotation in chart.layout.annotations]
    assert texts[1] == f"P50: {fmt.figure(figure, row['p50'], 'nl', 2027)}"
    assert chart.layout.title.text == t(figure, "nl")
    assert chart.layout.title.subtitle.text == "1.000 trekkingen"


def test_distribution_of_an_unknown_figure_is_refused(simulation):
    with pytest.raises(KeyError, match="npv"):
        charts.distribution(simulation, "npv", "en")


@pytest.mark.parametrize("figure", ["npv_social", "funding_gap"])
def test_tornado_sorted_by_swing_with_the_tables_changes(tornado_input, figure):
    chart = charts.tornado(tornado_input, "en", figure)
    low, high = traces(chart, "bar")
    table = tornado_input.table
    order = np.argsort(-table[f"{figure}_swing"].to_numpy(), kind="stable")
    names = [input_name(row.label, row.path, "en") for row in table.iloc[order].itertuples()]
    assert list(low.y) == names
    # fields are named in words, not by their TOML key
    assert "Minder eenzaamheid: value per outcome (proxy)" in names
    assert not any(name.endswith(": proxy") for name in names)
    assert_allclose(low.x, table[f"{figure}_low"].iloc[order])
    assert_allclose(high.x, table[f"{figure}_high"].iloc[order])
    swings = np.abs(np.subtract(high.x, low.x))
    assert (np.diff(swings) <= 1e-9).all()
    assert chart.layout.yaxis.autorange == "reversed"  # largest swing on top


def test_tornado_top_keeps_the_largest_swings(tornado_input):
    everything = charts.tornado(tornado_input, "en", "npv_social")
    top = charts.tornado(tornado_input, "en", "npv_social", top=2)
    assert list(top.data[0].y) == list(everything.data[0].y[:2])
    assert_allclose(top.data[1].x, everything.data[1].x[:2])


def test_tornado_orders_differ_by_figure(tornado_input):
    by_npv = charts.tornado(tornado_input, "nl").data[0].y
    by_gap = charts.tornado(tornado_input, "nl", "funding_gap").data[0].y
    assert sorted(by_npv) == sorted(by_gap)
    assert by_npv[0] == "Minder eenzaamheid: waarde per effect (proxy)"  # the largest npv swing
    # only the fund's probability moves cash
    assert by_gap[0] == "Fondsbijdrage nabuurschap (3 jaar): kans"


# --- comparing ---------------------------------------------------------------------------------


def test_compare_cash_balance_one_line_per_scenario():
    figure = charts.compare_cash_balance(RESULTS, "en")
    lines = traces(figure, "scatter")
    assert [line.name for line in lines] == EXAMPLES
    for line, result in zip(lines, RESULTS.values(), strict=True):
        assert_allclose(line.y, result.yearly["cash_balance"])


def test_compare_benefits_by_value_type_and_costs():
    figure = charts.compare_benefits(RESULTS, "nl")
    bars = traces(figure, "bar")
    (costs,) = traces(figure, "scatter")
    for bar, kind in zip(bars, ("fiscal", "economic", "social"), strict=True):
        assert list(bar.x) == EXAMPLES
        assert_allclose(bar.y, [r.metrics[f"pv_benefits_{kind}"] for r in RESULTS.values()])
    assert_allclose(
        np.sum([bar.y for bar in bars], axis=0),
        [r.metrics["pv_benefits"] for r in RESULTS.values()],
    )
    assert_allclose(costs.y, [r.metrics["pv_costs"] for r in RESULTS.values()])
    assert costs.name == t("pv_costs", "nl")


# --- language and safety -----------------------------------------------------------------------


ONE_SCENARIO_CHARTS = [
    (charts.financing_by_year, "chart_financing_title"),
    (charts.cash_balance, "chart_cash_title"),
    (charts.benefits_by_stakeholder, "chart_benefits_stakeholder_title"),
    (charts.benefits_by_value_type, "chart_value_type_title"),
    (charts.who_pays_who_benefits, "who_pays_who_benefits"),
    (charts.sib_view, "chart_sib_title"),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("chart", "title"), ONE_SCENARIO_CHARTS)
def test_titles_and_number_format_follow_the_language(chart, title, lang):
    figure = chart(RESULTS["west_practice"], lang)
    assert figure.layout.title.text == t(title, lang)
    assert figure.layout.separators == {"nl": ",.", "en": ".,"}[lang]
    prefix = {"nl": "€ ", "en": "€"}[lang]
    for trace in figure.data:
        if trace.type != "sankey":
            assert f"{prefix}%{{" in trace.hovertemplate


def test_dutch_and_english_labels_differ():
    result = RESULTS["west_practice"]
    nl = charts.financing_by_year(result, "nl")
    en = charts.financing_by_year(result, "en")
    assert nl.layout.xaxis.title.text == "Jaar" and en.layout.xaxis.title.text == "Year"
    assert nl.layout.yaxis.tickprefix == "€ " and en.layout.yaxis.tickprefix == "€"
    sankey_nl = charts.who_pays_who_benefits(result, "nl").data[0]
    assert sankey_nl.node.label[0] == "Het project"


HOSTILE = "<script>alert(1)</script><b>x</b>"


@pytest.fixture(scope="module")
def hostile():
    """West Practice with markup in the scenario, stakeholder, line and input names."""
    data = scenario_to_dict(examples.load_example("west_practice"))
    for holder in data["stakeholders"]:
        holder["name"] = f"{HOSTILE} {holder['name']}"
    data["costs"][1]["name"] = HOSTILE
    return scenario_from_dict(data)


def test_names_with_markup_are_escaped(hostile):
    result = evaluate(hostile)
    figures = [chart(result, "nl") for chart, _ in ONE_SCENARIO_CHARTS]
    figures.append(charts.tornado(sensitivity(hostile), "nl"))
    figures.append(charts.compare_cash_balance({HOSTILE: result}, "en"))
    figures.append(charts.compare_benefits({HOSTILE: result}, "en"))
    texts = [json.dumps(json.loads(figure.to_json())) for figure in figures]  # plain text
    assert not [text for text in texts if "<script" in text or "<b>x" in text]
    named = [text for text in texts if html.escape(HOSTILE) in text]
    assert len(named) == len(figures) - 2  # cash balance and value types name no one


def figure_sankey(figure):
    return traces(figure, "sankey")


def link_table(sankey):
    labels = sankey.node.label
    return {
        (labels[s], labels[t_], kind): value
        for s, t_, kind, value in zip(
            sankey.link.source,
            sankey.link.target,
            sankey.link.label,
            sankey.link.value,
            strict=True,
        )
    }


# --- what users saw (issue: funder-grade outputs) ----------------------------------------------


def all_figures(result, lang="nl"):
    """Every chart of one scenario, its Monte Carlo and tornado, and the comparison charts."""
    scenario = result.scenario
    figures = [chart(result, lang) for chart, _ in ONE_SCENARIO_CHARTS]
    simulation = simulate(scenario, 200, seed=1)
    figures += [
        charts.cash_balance_fan(simulation, lang),
        charts.distribution(simulation, "npv_social", lang),
        charts.tornado(sensitivity(scenario), lang, top=5),
        charts.compare_cash_balance({"a": result, "b": result}, lang),
        charts.compare_benefits({"a": result, "b": result}, lang),
    ]
    return [figure for figure in figures if figure is not None]


def test_no_chart_carries_the_colours_of_a_running_apps_theme(monkeypatch):
    """The app's report had near-black bars: Streamlit's template (colorway ``#000001``...) was
    the process default and went into every figure."""
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (makes Streamlit's template the default)

    assert pio.templates.default == "streamlit"
    assert "#000001" in json.dumps(pio.templates["streamlit"].to_plotly_json())
    for figure in all_figures(RESULTS["west_practice"]):
        text = figure.to_json()
        assert "#000001" not in text
        assert figure.layout.template.layout.colorway == charts.STAKEHOLDER_PALETTE
    # any other default a caller sets does not reach a figure either
    monkeypatch.setattr(pio.templates, "default", "plotly_dark")
    for figure in all_figures(RESULTS["nabuurschap"], "en"):
        assert figure.layout.template.layout.paper_bgcolor == "white"


def test_a_stakeholder_has_one_colour_in_every_chart():
    """One stakeholder was red in the financing bars and light blue in the Sankey."""
    result = RESULTS["west_practice"]
    colours = charts.stakeholder_colours(result.scenario)
    names = dict(zip(result.stakeholders["name"], result.stakeholders["id"], strict=True))
    financing = charts.financing_by_year(result, "nl")
    for bar in traces(financing, "bar"):
        assert bar.marker.color == colours[names[bar.name]]
    (sankey,) = figure_sankey(charts.who_pays_who_benefits(result, "nl"))
    for node_label, colour in zip(sankey.node.label[1:], sankey.node.color[1:], strict=True):
        assert colour == colours[names[node_label]]
    cashable, _ = traces(charts.benefits_by_stakeholder(result, "nl"), "bar")
    for name, colour in zip(cashable.y, cashable.marker.color, strict=True):
        assert colour == colours[names[name]]
    assert len(set(colours.values())) == len(colours)  # distinct within a scenario
    programme = charts.stakeholder_colours(RESULTS["botu_programma"].scenario)
    assert len(set(programme.values())) == len(programme) == 12  # a programme's too
    assert charts.SHORT_COLOUR not in colours.values()  # red means short of cash


def test_near_zero_axes_do_not_round_every_tick_to_one_euro():
    """Axes read ``€ 1, € 1, € 1, € 0`` on a chart of small amounts."""
    data = json.loads(json.dumps(SMALL))
    data["costs"][0]["amount"] = 1
    data["funding"][0]["amount"] = 1.5
    figure = charts.cash_balance(evaluate(scenario_from_dict(data)), "nl")
    assert figure.layout.yaxis.tickformat == ",.2~f"  # up to two decimals, none when round
    assert figure.layout.yaxis.automargin is True  # labels never clipped ("00", "m")


def test_an_empty_scenario_shows_sentences_not_empty_axes():
    """Empty charts showed meaningless axes."""
    empty = scenario_from_dict(
        {"scenario": {"name": "Leeg", "start_year": 2026, "horizon_years": 5}}
    )
    result = evaluate(empty)
    for chart, key in [
        (charts.financing_by_year, "chart_empty_financing"),
        (charts.cash_balance, "chart_empty_cash"),
        (charts.benefits_by_stakeholder, "chart_empty_benefits"),
        (charts.benefits_by_value_type, "chart_empty_benefits"),
        (charts.who_pays_who_benefits, "chart_empty_sankey"),
    ]:
        figure = chart(result, "en")
        assert not figure.data
        assert [a.text for a in figure.layout.annotations] == [t(key, "en")]
        assert figure.layout.xaxis.visible is False and figure.layout.yaxis.visible is False
    tornado = charts.tornado(sensitivity(empty), "nl")
    assert [a.text for a in tornado.layout.annotations] == [t("chart_empty_tornado", "nl")]


def test_a_one_input_tornado_keeps_its_legend_off_the_axis(tornado_input):
    """A one-input tornado's legend covered its axis."""
    chart = charts.tornado(tornado_input, "nl", top=1)
    assert len(chart.data[0].y) == 1
    assert chart.layout.legend.y >= 1.0 and chart.layout.legend.yanchor == "bottom"


def test_histogram_title_fits_half_a_page(simulation):
    """A histogram title was cut (``…10.000 trekkin``): the count of draws is a subtitle."""
    chart = charts.distribution(simulation, "sroi_ratio", "nl")
    assert chart.layout.title.text == t("sroi_ratio", "nl")
    assert "trekkingen" in chart.layout.title.subtitle.text


def test_quotes_in_names_show_as_quotes_not_as_entities():
    """Chart labels in the HTML report showed ``&quot;`` for a quote."""
    data = json.loads(json.dumps(SMALL))
    data["stakeholders"][1]["name"] = 'Fonds "Samen Sterk" & co'
    figure = charts.financing_by_year(evaluate(scenario_from_dict(data)), "nl")
    (grant,) = traces(figure, "bar")
    assert grant.name == 'Fonds "Samen Sterk" &amp; co'  # plotly shows &amp; as &
    assert "&quot;" not in figure.to_json()
