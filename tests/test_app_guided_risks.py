"""The real risks asked as plain questions in the guided build (AppTest through app.py): a start
that may slip, the chance that money comes, and lines that count the same participants. Each
answer is checked in the file the form writes, in the engine's figures and on the Uncertainty
page's list of risks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest
from guided_harness import case, step
from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import evaluate, examples
from businesscase.distributions import Triangular, nearest_whole
from businesscase.sampling import sample_input
from businesscase.scenario import scenario_from_dict
from businesscase.text import t
from businesscase.uncertainty import risks_in_draws

APP = str(Path(__file__).resolve().parent.parent / "app.py")
GUIDED = "app_pages/guided.py"
START = 2027
SLIPPING = ("costs", "outcomes", "avoided_costs", "funding")
"""The sections whose lines the guided build asks whether they may start later."""


def button(at: AppTest, label: str):
    [found] = [each for each in at.button if each.label == label]
    return found


def variant(at: AppTest):
    return at.session_state["variants"]["Nieuw plan"]


def rewrite(at: AppTest, change) -> None:
    """Change the new plan's data as the table view would (``change`` edits it in place)."""
    data = case(at)
    change(data)
    name = "Nieuw plan"
    at.session_state["variants"] = {name: state.Variant(name, state.case_text(data))}


@pytest.fixture
def plan() -> AppTest:
    """A new plan of five years from 2027 with one party, the municipality."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(GUIDED).run()
    button(at, "Nieuw plan beginnen").click().run()
    rewrite(at, lambda data: data["scenario"].update(start_year=START, horizon_years=5))
    step(at, "partijen")
    at.text_input(key="add_stakeholders_name").set_value("Gemeente")
    button(at, "Toevoegen").click().run()
    return at


def add_cost(at: AppTest, name: str, amount: float, first: int, slip: int) -> None:
    step(at, "kosten")
    at.text_input(key="add_costs_name").set_value(name)
    at.number_input(key="add_costs_amount").set_value(amount)
    at.selectbox(key="add_costs_start").set_value(first)
    at.number_input(key="add_costs_slip").set_value(slip)
    at.number_input(key="add_costs_duration").set_value(2)
    button(at, "Toevoegen").click().run()
    assert not at.exception


def add_funding(at: AppTest, amount: float, chance: float) -> None:
    """A municipal subsidy of ``amount`` a year for five years with ``chance`` [percent]."""
    step(at, "betalen")
    at.text_input(key="add_funding_name").set_value("Subsidie")
    at.selectbox(key="add_funding_kind_nl").set_value("subsidy")
    at.number_input(key="add_funding_amount").set_value(amount)
    at.number_input(key="add_funding_probability").set_value(chance)
    at.number_input(key="add_funding_duration").set_value(5)
    button(at, "Toevoegen").click().run()
    assert not at.exception


def risks(at: AppTest) -> str:
    at.switch_page("app_pages/uncertainty.py").run()
    at.main.number_input[0].set_value(200)
    at.main.button[0].click().run()
    assert not at.exception
    return "\n".join(block.value for block in at.main.markdown)


def test_a_start_that_may_slip_two_years_is_written_drawn_and_listed(plan):
    add_cost(plan, "Buurthuis", 10000.0, START + 1, 2)
    [cost] = case(plan)["costs"]
    # planned 2028 (offset 1): from half a year before it to half a year after 2030
    assert cost["start"] == {"dist": "triangular", "low": 0.5, "mode": 0.5, "high": 3.5}
    assert "slip" not in cost
    add_funding(plan, 20000.0, 100.0)
    assert variant(plan).problems == []
    # the figures keep the planned year: the same as the cost written with start = 1
    fixed = scenario_from_dict(case(plan) | {"costs": [cost | {"start": 1}]})
    assert evaluate(variant(plan).scenario).metrics == evaluate(fixed).metrics
    # the table of lines says the planned year and the latest
    step(plan, "kosten")
    assert plan.dataframe[0].value["Eerste jaar"].tolist() == ["2028–2030"]
    shown = risks(plan)
    assert f"- {t('risk_timing', 'nl', count='1')}" in shown


@pytest.mark.parametrize(("slip", "expected"), [(1, (3 / 4, 1 / 4)), (2, (5 / 9, 3 / 9, 1 / 9))])
def test_a_slip_of_k_years_gives_the_planned_year_the_largest_whole_year_chance(
    plan, slip, expected
):
    # rounded draws of triangular(s - 1/2, s - 1/2, s + k + 1/2): year s + j has the chance
    # ((k + 1 - j)^2 - (k - j)^2) / (k + 1)^2; one year: 3/4, 1/4; two: 5/9, 3/9, 1/9
    add_cost(plan, "Buurthuis", 10000.0, START + 1, slip)
    written = case(plan)["costs"][0]["start"]
    draws = 200_000
    drawn, _ = sample_input("costs[0].start", Triangular(**written), draws, seed=7, horizon_years=5)
    years = np.floor(drawn + 0.5).astype(int)
    shares = [np.mean(years == 1 + j) for j in range(slip + 1)]
    assert np.allclose(shares, expected, atol=5 * np.sqrt(0.25 / draws))
    assert nearest_whole(Triangular(**written).base) == 1  # the figures: the planned year


@pytest.mark.parametrize("name", examples.list_examples())
def test_the_examples_write_a_slipping_start_as_the_guided_build_does(name):
    # one convention: half a year before the planned year to half a year after the latest;
    # the older form triangular(s, s, s + 2) gave, rounded, 7/16 on time and 8/16 a year late
    data = tomllib.loads(examples.example_path(name).read_text(encoding="utf-8"))
    lines = [line for section in SLIPPING for line in data.get(section, [])]
    for start in [line["start"] for line in lines if isinstance(line.get("start"), dict)]:
        assert start["dist"] == "triangular" and start["low"] == start["mode"]
        planned, latest = start["mode"] + 0.5, start["high"] - 0.5
        assert planned == int(planned) and latest - planned in (1, 2)


def test_no_slip_writes_a_whole_start(plan):
    add_cost(plan, "Buurthuis", 10000.0, START + 1, 0)
    assert case(plan)["costs"][0]["start"] == 1


def test_funding_not_yet_granted_is_written_as_its_chance_and_drawn_all_or_nothing(plan):
    add_cost(plan, "Buurthuis", 10000.0, START, 0)
    add_funding(plan, 12000.0, 70.0)
    [grant] = case(plan)["funding"]
    assert grant["probability"] == 0.7
    assert variant(plan).problems == []
    # the figures count 70% of the grant: 8,400 a year against 10,000 of costs
    assert evaluate(variant(plan).scenario).yearly["inflows"].tolist()[0] == pytest.approx(8400.0)
    shown = risks(plan)
    assert f"- {t('risk_money', 'nl', count='1')}" in shown


def add_avoided_cost(at: AppTest, chance: float | None) -> None:
    """An eviction the municipality would pay 5,000 for, prevented wholly, with the yearly
    ``chance`` [percent] it happens (None: the form's default)."""
    step(at, "voorkomen")
    at.text_input(key="add_avoided_costs_name").set_value("Huisuitzetting")
    at.selectbox(key="add_avoided_costs_bearer").set_value("gemeente")
    at.number_input(key="add_avoided_costs_incidents").set_value(1.0)
    at.number_input(key="add_avoided_costs_reduction").set_value(100.0)
    at.number_input(key="add_avoided_costs_unit_cost").set_value(5000.0)
    if chance is not None:
        at.number_input(key="add_avoided_costs_probability").set_value(chance)
    button(at, "Toevoegen").click().run()
    assert not at.exception


def test_an_avoided_cost_asks_the_chance_its_event_happens_in_a_year(plan):
    asked = plan
    step(asked, "voorkomen")
    field = asked.number_input(key="add_avoided_costs_probability")
    assert (
        field.label
        == t("ask_avoided_costs_probability", "nl")
        == "Kans dat het in een jaar gebeurt (%)"
    )
    assert field.value == 100.0  # happens every year unless the team says otherwise
    assert "eens in de vijf jaar" in field.help
    add_avoided_cost(asked, 20.0)
    [avoided] = case(asked)["avoided_costs"]
    assert avoided["probability"] == 0.2
    assert variant(asked).problems == []
    # the figures count the chance: 1 eviction x 100% x EUR 5,000 x 20% = EUR 1,000 a year
    yearly = evaluate(variant(asked).scenario).yearly
    assert yearly["benefits_fiscal"].tolist()[0] == pytest.approx(1000.0)
    assert f"- {t('risk_events', 'nl', count='1')}" in risks(asked)


def test_an_avoided_cost_that_happens_every_year_is_drawn_as_a_count(plan):
    add_avoided_cost(plan, None)
    [avoided] = case(plan)["avoided_costs"]
    assert avoided.get("probability", 1.0) == 1.0
    assert "events" not in risks_in_draws(variant(plan).scenario)


def test_a_loan_keeps_a_whole_start(plan):
    step(plan, "betalen")
    at = plan
    at.text_input(key="add_funding_name").set_value("Lening")
    at.selectbox(key="add_funding_kind_nl").set_value("loan")
    at.number_input(key="add_funding_amount").set_value(5000.0)
    at.number_input(key="add_funding_slip").set_value(2)
    at.number_input(key="add_funding_term").set_value(3)
    at.number_input(key="add_funding_interest_rate").set_value(2.0)
    button(at, "Toevoegen").click().run()
    [loan] = case(at)["funding"]
    assert loan["start"] == 0
    assert "slip" not in loan


def test_the_questions_are_explained_in_dutch_and_english(plan):
    for name, key in (
        ("kosten", "add_costs_slip"),
        ("baten", "add_outcomes_slip"),
        ("voorkomen", "add_avoided_costs_slip"),
        ("betalen", "add_funding_slip"),
    ):
        step(plan, name)
        asked = plan.number_input(key=key)
        assert asked.label == t("ask_slip", "nl")
        assert asked.help == t("help_slip", "nl")
    assert plan.number_input(key="add_funding_probability").help == t(
        "help_funding_probability", "nl"
    )
    assert "helemaal of helemaal niet" in t("help_funding_probability", "nl")
    assert "in full or not at all" in t("help_funding_probability", "en")
    assert "geplande jaar" in t("help_slip", "nl")


def add_outcome(at: AppTest, name: str, quantity: float, low=None, high=None) -> None:
    """An outcome of ``quantity`` a year worth 1,000 each to the municipality, with a range."""
    step(at, "baten")
    at.text_input(key="add_outcomes_name").set_value(name)
    at.number_input(key="add_outcomes_quantity").set_value(quantity)
    at.number_input(key="add_outcomes_proxy").set_value(1000.0)
    at.number_input(key="add_outcomes_quantity_low").set_value(low)
    at.number_input(key="add_outcomes_quantity_high").set_value(high)
    at.number_input(key="add_outcomes_share_gemeente").set_value(100.0)
    button(at, "Toevoegen").click().run()
    assert not at.exception


def move_together(at: AppTest, paths: list[str], lang: str = "nl") -> None:
    at.multiselect(key="add_correlations_inputs").set_value(paths)
    button(at, t("guided_same_add", lang)).click().run()
    assert not at.exception


def test_a_range_writes_the_count_as_a_triangular_distribution(plan):
    add_outcome(plan, "Minder eenzaamheid", 20.0, 10.0, 25.0)
    add_outcome(plan, "Minder zorggebruik", 12.0, None, 15.0)  # at least left empty: 12
    add_outcome(plan, "Vast aantal", 4.0)
    lonely, care, fixed = case(plan)["outcomes"]
    assert lonely["quantity"] == {"dist": "triangular", "low": 10.0, "mode": 20.0, "high": 25.0}
    assert care["quantity"] == {"dist": "triangular", "low": 12.0, "mode": 12.0, "high": 15.0}
    assert fixed["quantity"] == 4.0
    assert plan.dataframe[0].value["Aantal per jaar"].tolist() == ["20 (10–25)", "12 (12–15)", "4"]


@pytest.mark.parametrize(("low", "high"), [(25.0, 30.0), (5.0, 5.0)])
def test_a_range_that_does_not_hold_the_number_is_said_in_words(plan, low, high):
    add_outcome(plan, "Minder eenzaamheid", 20.0, low, high)
    assert case(plan)["outcomes"][0]["quantity"]["low"] == low  # kept as typed, not guessed
    assert variant(plan).problems
    missing = plan.code[0].value
    assert 'Effect "Minder eenzaamheid"' in missing
    assert "outcomes[0]" not in missing
    # the table of lines still shows what was typed
    assert plan.dataframe[0].value["Aantal per jaar"].tolist() == [f"20 ({low:g}–{high:g})"]


def test_lines_with_the_same_participants_move_together_in_the_draws(plan):
    add_cost(plan, "Buurthuis", 10000.0, START, 0)
    add_funding(plan, 12000.0, 100.0)
    add_outcome(plan, "Minder eenzaamheid", 20.0, 10.0, 25.0)
    add_outcome(plan, "Vast aantal", 4.0)
    # one range only: nothing to move together yet, said why
    assert [info.value for info in plan.info] == [t("guided_same_needs_ranges", "nl")]
    add_outcome(plan, "Minder zorggebruik", 12.0, 8.0, 15.0)
    offered = plan.multiselect(key="add_correlations_inputs").options
    assert offered == ["Minder eenzaamheid", "Minder zorggebruik"]  # not the fixed number
    assert plan.number_input(key="add_correlations_rho").value == 0.8
    move_together(plan, ["outcomes[0].quantity", "outcomes[2].quantity"])
    assert case(plan)["correlations"] == [
        {"inputs": ["outcomes[0].quantity", "outcomes[2].quantity"], "rho": 0.8}
    ]
    assert variant(plan).problems == []
    assert variant(plan).scenario.correlations[0].rho == 0.8
    shown = plan.dataframe[1].value
    assert shown.iloc[0].tolist() == ["Minder eenzaamheid, Minder zorggebruik", "0,80"]
    listed = risks(plan)
    assert f"- {t('risk_correlations', 'nl', count='1')}" in listed
    assert f"- {t('risk_distributions', 'nl', count='2')}" in listed


def test_one_line_alone_is_refused_and_a_pair_twice_is_said_by_the_engine(plan):
    add_outcome(plan, "Minder eenzaamheid", 20.0, 10.0, 25.0)
    add_outcome(plan, "Minder zorggebruik", 12.0, 8.0, 15.0)
    move_together(plan, ["outcomes[0].quantity"])
    assert [error.value for error in plan.error] == [t("guided_same_two", "nl")]
    assert "correlations" not in case(plan)
    paths = ["outcomes[0].quantity", "outcomes[1].quantity"]
    move_together(plan, paths)
    move_together(plan, paths)
    assert len(case(plan)["correlations"]) == 2
    assert any("correlations[1]" in problem.path for problem in variant(plan).problems)
    # one button lets them move apart again
    button(plan, "Weer los laten bewegen").click().run()
    assert "correlations" not in case(plan)


def test_removing_a_line_renumbers_its_group_or_drops_it(plan):
    add_outcome(plan, "Eerste", 2.0, 1.0, 3.0)
    add_outcome(plan, "Tweede", 20.0, 10.0, 25.0)
    add_outcome(plan, "Derde", 12.0, 8.0, 15.0)
    move_together(plan, ["outcomes[1].quantity", "outcomes[2].quantity"])
    plan.selectbox(key="remove_outcomes").set_value(0)
    button(plan, "Verwijderen").click().run()
    assert case(plan)["correlations"] == [
        {"inputs": ["outcomes[0].quantity", "outcomes[1].quantity"], "rho": 0.8}
    ]
    plan.selectbox(key="remove_outcomes").set_value(1)
    button(plan, "Verwijderen").click().run()
    assert "correlations" not in case(plan)


def test_removing_a_cost_renumbers_a_group_written_in_the_table_view(plan):
    spread = {"dist": "triangular", "low": 800.0, "mode": 1000.0, "high": 1500.0}
    group = {"inputs": ["costs[1].amount", "costs[2].amount"], "rho": 0.5}
    rewrite(
        plan,
        lambda data: data.update(
            costs=[{"name": name, "amount": spread} for name in ("A", "B", "C")],
            correlations=[group],
        ),
    )
    step(plan, "kosten")
    plan.selectbox(key="remove_costs").set_value(0)
    button(plan, "Verwijderen").click().run()
    assert [line["name"] for line in case(plan)["costs"]] == ["B", "C"]
    assert case(plan)["correlations"] == [
        {"inputs": ["costs[0].amount", "costs[1].amount"], "rho": 0.5}
    ]
    # the outcomes step lists the group in words, not as field paths
    step(plan, "baten")
    assert plan.dataframe[-1].value.iloc[0].tolist() == ["B: bedrag, C: bedrag", "0,50"]


def test_a_start_written_wrongly_in_the_table_view_is_said_not_shown_as_a_year(plan):
    wrong = {"dist": "triangular", "low": 3.0, "mode": 1.0, "high": 2.0}
    rewrite(plan, lambda data: data.update(costs=[{"name": "A", "amount": 1.0, "start": wrong}]))
    step(plan, "kosten")
    assert plan.dataframe[0].value["Eerste jaar"].tolist() == [""]
    assert [problem.path for problem in variant(plan).problems] == ["costs[0].start.mode"]


def test_in_english_the_questions_and_the_same_participants_speak_english(plan):
    add_outcome(plan, "Less lonely", 20.0, 10.0, 25.0)
    add_outcome(plan, "Less care", 12.0, 8.0, 15.0)
    plan.sidebar.radio[0].set_value("en").run()
    assert not plan.exception
    assert plan.number_input(key="add_outcomes_slip").label == t("ask_slip", "en")
    assert plan.number_input(key="add_outcomes_quantity_low").label == t("guided_range_low", "en")
    assert t("guided_same_title", "en") in [header.value for header in plan.subheader]
    move_together(plan, ["outcomes[0].quantity", "outcomes[1].quantity"], "en")
    assert plan.dataframe[-1].value.columns.tolist() == [
        t("guided_same_lines", "en"),
        t("field_rho", "en"),
    ]
    assert plan.dataframe[-1].value.iloc[0].tolist() == ["Less lonely, Less care", "0.80"]
