"""A programme of projects with earmarked money (docs/methodology.md, "A programme of projects").

Hand-worked programmes checked on the engine and on the independent reference (tests/reference.py);
the invariants as hypothesis properties; the reference against the engine on random programmes;
then every bad input with its path, value and rule in English and Dutch.
"""

from __future__ import annotations

import copy

import pytest
from engine_harness import engine_figures, engine_result, mismatches
from hypothesis import HealthCheck, given, settings
from reference import reference_evaluate
from strategies import programmes

from businesscase import parse_scenario, simulate
from businesscase.metrics import SCALAR_METRICS
from businesscase.scenario import ScenarioError, scenario_from_dict

approx = pytest.approx
SECTIONS = ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
CASH_FIGURES = ("cash_balance", "min_cash_balance", "closes", "funding_gap", "first_short_year")


def programme(horizon: int, *, projects=("a", "b"), **sections) -> dict:
    """A hand-written programme over ``horizon`` years at a discount rate of 0."""
    return {
        "scenario": {
            "name": "programme",
            "start_year": 2026,
            "horizon_years": horizon,
            "discount_rate": 0.0,
        },
        "stakeholders": [
            {"id": "gemeente", "name": "Gemeente", "kind": "public"},
            {"id": "fonds", "name": "Wijkfonds", "kind": "fund"},
        ],
        "projects": [{"id": p, "name": p.upper()} for p in projects],
        **sections,
    }


def cost(name: str, amount: float, project: str | None, **extra) -> dict:
    line = {"name": name, "amount": amount, **extra}
    return line if project is None else line | {"project": project}


def grant(name: str, amount: float, project: str | None, **extra) -> dict:
    line = {"name": name, "funder": "gemeente", "kind": "subsidy", "amount": amount, **extra}
    return line if project is None else line | {"project": project}


def both(data: dict) -> dict:
    """The engine's figures, after checking that the reference agrees on every one."""
    figures = engine_figures(data)
    assert mismatches(figures, reference_evaluate(data)) == []
    return figures


def row(figures: dict, project: str) -> dict:
    return next(r for r in figures["projects"] if r["id"] == project)


# --- hand-worked ---------------------------------------------------------------------------------


def surplus_and_shortfall(**flags) -> dict:
    # Project a costs 100 and has 150 of its own subsidy; project b costs 100 and has 50.
    return programme(
        1,
        costs=[cost("a", 100.0, "a"), cost("b", 100.0, "b")],
        funding=[grant("a", 150.0, "a", **flags), grant("b", 50.0, "b", **flags)],
    )


def test_a_programme_that_closes_pooled_and_not_earmarked():
    # Pooled: 200 in, 200 out, the balance is 0 and the programme closes.
    pooled = both(surplus_and_shortfall(pooled=True))
    assert pooled["cash_balance"] == [0.0]
    assert pooled["closes"] is True
    # Earmarked: a's surplus of 50 may not pay for b, no pooled money at all.
    # b(0) = 0 - max(0, 100 - 150) - max(0, 100 - 50) = -50.
    earmarked = both(surplus_and_shortfall())
    assert earmarked["cash_balance"] == [-50.0]
    assert earmarked["closes"] is False
    assert earmarked["funding_gap"] == 50.0
    assert earmarked["first_short_year"] == 0
    assert [
        (r["closes_alone"], r["gap_alone"], r["pool_needed"]) for r in earmarked["projects"]
    ] == [(True, 0.0, 0.0), (False, 50.0, 50.0)]
    # The society figures do not care who may spend the money.
    for name in SCALAR_METRICS:
        if name not in CASH_FIGURES:
            assert earmarked[name] == pooled[name]


def bridged(fund: float) -> dict:
    # Project a spends 100 in year 0; its own subsidy of 100 only comes in year 1. A pooled
    # neighbourhood fund of `fund` comes in year 0 (a programme line, pooled by default).
    return programme(
        3,
        projects=("a",),
        costs=[cost("a", 100.0, "a")],
        funding=[
            grant("a late", 100.0, "a", start=1),
            {"name": "fund", "funder": "fonds", "kind": "grant", "amount": fund},
        ],
    )


def test_pooled_money_bridges_a_late_subsidy_and_is_paid_back():
    # Year 0: the fund lends a its 100: b = 100 - 100 = 0. Year 1: a's subsidy pays the fund
    # back: b = 100 - max(0, 100 - 100) = 100, and stays so.
    figures = both(bridged(100.0))
    assert figures["cash_balance"] == [0.0, 100.0, 100.0]
    assert figures["closes"] is True
    a = row(figures, "a")
    # Alone, a is short of 100 in year 0; it needs 100 from the pool at most; its subsidy's
    # last year is 1 and it has no costs after it: no cliff.
    assert (a["closes_alone"], a["gap_alone"], a["first_short_year_alone"]) == (False, 100.0, 0)
    assert a["pool_needed"] == 100.0
    assert a["subsidy_cliff_year"] is None
    # A fund of 60 is not enough: short of 40 in year 0, repaid in full in year 1.
    short = both(bridged(60.0))
    assert short["cash_balance"] == [-40.0, 60.0, 60.0]
    assert (short["funding_gap"], short["first_short_year"]) == (40.0, 0)


def test_a_programme_level_cost_is_paid_from_the_pool():
    # The programme's own coordinator (30 a year, 2 years) has no project; the fund brings 50
    # in year 0. Project a closes on its own. b(0) = 50 - 30 = 20, b(1) = 50 - 60 = -10.
    data = programme(
        2,
        projects=("a",),
        costs=[cost("coordinator", 30.0, None, duration=2), cost("a", 10.0, "a")],
        funding=[
            grant("a", 10.0, "a"),
            {"name": "fund", "funder": "fonds", "kind": "grant", "amount": 50.0},
        ],
    )
    figures = both(data)
    assert figures["cash_balance"] == [20.0, -10.0]
    assert (figures["funding_gap"], figures["first_short_year"]) == (10.0, 1)
    # The programme's own part is no row of the table; a needs nothing from the pool.
    assert [r["id"] for r in figures["projects"]] == ["a"]
    assert row(figures, "a")["pool_needed"] == 0.0


def test_the_projects_table_counts_each_projects_own_lines():
    # a: cost 100 and in kind 50 (no cash), an outcome of 300 a year for 1 year, a harm of 30;
    # b: cost 200, a capex of 100 in year 0 with life 4 (residual 100 * (1 - 2/4) = 50 in year 1
    # of a 2-year horizon). Discount 0: a's pv_costs 150, pv_benefits 270, sroi 1.8; b's costs
    # 300, benefits 50. Subsidy of b only in year 0, b's staff costs go on in year 1: cliff 1.
    data = programme(
        2,
        costs=[
            cost("a", 100.0, "a"),
            cost("a in kind", 50.0, "a", in_kind=True, provider="fonds"),
            cost("b staff", 100.0, "b", duration=2),
            cost("b building", 100.0, "b", category="capex", life=4, owner="gemeente"),
        ],
        outcomes=[
            {
                "name": name,
                "quantity": 1.0,
                "proxy": proxy,
                "value_type": "social",
                "beneficiaries": {"gemeente": 1.0},
                "project": "a",
                "harm": harm,
            }
            for name, proxy, harm in (("gain", 300.0, False), ("harm", 30.0, True))
        ],
        funding=[grant("b", 250.0, "b")],
    )
    figures = both(data)
    a, b = row(figures, "a"), row(figures, "b")
    assert (a["pv_costs"], a["pv_benefits"], a["sroi_ratio"]) == (150.0, 270.0, approx(1.8))
    assert (b["pv_costs"], b["pv_benefits"]) == (300.0, 50.0)
    assert b["subsidy_cliff_year"] == 1
    # a has no subsidy at all: no cliff; its in-kind cost needs no cash: short of 100 only.
    assert (a["subsidy_cliff_year"], a["gap_alone"]) == (None, 100.0)
    # b: 250 in, 200 out in year 0, 100 more in year 1: alone short 50 from year 1.
    assert (b["closes_alone"], b["gap_alone"], b["first_short_year_alone"]) == (False, 50.0, 1)


def test_json_always_has_the_projects_table():
    plain = copy.deepcopy(bridged(100.0))
    del plain["projects"]
    del plain["costs"][0]["project"]
    del plain["funding"][0]["project"]
    assert engine_result(plain).to_json_dict()["projects"] == []
    assert "project" not in engine_result(plain).flows.columns
    result = engine_result(bridged(100.0))
    assert set(result.flows["project"]) == {"a", ""}


def test_monte_carlo_counts_the_pooled_balance():
    # The fund is uncertain, uniform on 0 .. 200: the programme closes in the draws in which it
    # brings at least 100, about half of them.
    data = bridged(100.0)
    data["funding"][1]["amount"] = {"dist": "uniform", "low": 0.0, "high": 200.0}
    result = simulate(scenario_from_dict(data), 4000, seed=7)
    fund = result.per_draw["funding[1].amount"]
    assert result.p_closes == approx((fund >= 100.0 - 0.005).mean())
    assert 0.45 < result.p_closes < 0.55


# --- invariants ----------------------------------------------------------------------------------

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def without_projects(data: dict) -> dict:
    plain = copy.deepcopy(data)
    plain.pop("projects", None)
    bonds = plain.get("sib", [])
    lines = [line for section in SECTIONS for line in plain.get(section, [])]
    for line in lines + (bonds if isinstance(bonds, list) else [bonds]):
        line.pop("project", None)
        line.pop("pooled", None)
    return plain


@PROPERTY
@given(programmes())
def test_the_reference_agrees_on_random_programmes(data):
    assert mismatches(engine_figures(data), reference_evaluate(data)) == []


@PROPERTY
@given(programmes(pooled=True))
def test_every_line_pooled_gives_todays_balance(data):
    figures, plain = engine_figures(data), engine_figures(without_projects(data))
    scale = 1e-6 + 1e-12 * max(abs(x) for x in plain["cash_balance"] + [1.0])
    assert figures["cash_balance"] == approx(plain["cash_balance"], abs=scale, rel=1e-9)


@PROPERTY
@given(programmes())
def test_earmarks_never_add_cash_and_leave_the_society_figures(data):
    figures, plain = engine_figures(data), engine_figures(without_projects(data))
    scale = 1e-6 + 1e-12 * max(abs(x) for x in plain["cash_balance"] + [1.0])
    for earmarked, pooled in zip(figures["cash_balance"], plain["cash_balance"], strict=True):
        assert earmarked <= pooled + scale
    for name in SCALAR_METRICS:
        if name not in CASH_FIGURES:
            assert figures[name] == plain[name]


# --- bad input -----------------------------------------------------------------------------------

BAD = """
[scenario]
name = "x"
start_year = 2026
horizon_years = 2

[[stakeholders]]
id = "gemeente"
name = "Gemeente"
kind = "public"

{projects}

[[costs]]
name = "k"
amount = 10.0
{cost}

[[funding]]
name = "f"
funder = "gemeente"
kind = "subsidy"
amount = 5.0
{funding}
"""
TWO = '[[projects]]\nid = "a"\nname = "A"\n\n[[projects]]\nid = "b"\nname = "B"'


@pytest.mark.parametrize(
    ("projects", "cost", "funding", "path", "value", "en", "nl"),
    [
        (
            TWO,
            'project = "c"',
            'project = "b"',
            "costs[0].project",
            '"c"',
            "names no project",
            "noemt geen bestaand project",
        ),
        (
            "",
            'project = "a"',
            "",
            "costs[0].project",
            '"a"',
            "projects: none (add [[projects]])",
            "projecten: geen (voeg [[projects]] toe)",
        ),
        (
            TWO.replace('"b"', '"a"'),
            'project = "a"',
            "",
            "projects[1].id",
            '"a"',
            "duplicate project id",
            "dubbele id van een project",
        ),
        (
            TWO,
            'project = "a"',
            "pooled = false",
            "funding[0].pooled",
            "false",
            "belongs to the programme, whose money is always pooled",
            "altijd gedeeld",
        ),
        (
            TWO,
            'project = "a"',
            "",
            "projects[1].id",
            '"b"',
            "no line names this project",
            "geen regel noemt dit project",
        ),
        (
            TWO,
            'project = "a"\npooled = true',
            'project = "b"',
            "costs[0].pooled",
            "true",
            "pooled is only for money coming in",
            "hoort alleen bij geld dat binnenkomt",
        ),
        (
            TWO,
            'project = "a"',
            'project = "b"\npooled = "yes"',
            "funding[0].pooled",
            '"yes"',
            "true or false",
            "true of false",
        ),
    ],
)
def test_bad_programmes_are_refused_with_path_value_and_rule(
    projects, cost, funding, path, value, en, nl
):
    text = BAD.format(projects=projects, cost=cost, funding=funding)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "programme.toml")
    english = "\n".join(caught.value.lines("en"))
    assert f"programme.toml: {path} = {value}: " in english
    assert en in english
    assert nl in "\n".join(caught.value.lines("nl"))
