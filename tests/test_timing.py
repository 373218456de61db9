"""Uncertain timing: ``start``, ``duration`` and ``lasts`` written as distributions
(docs/uncertainty.md, "Uncertain timing"): whole years per draw, rounded and clipped."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate
from businesscase.flows import build_flows
from businesscase.parameters import compile_parameters, timing_inputs, uncertain_inputs
from businesscase.problems import ScenarioError
from businesscase.scenario import dump_scenario, parse_scenario, scenario_from_dict
from businesscase.text import t
from businesscase.uncertainty import (
    risks_in_draws,
    run_draws,
    sensitivity,
    simulate,
    switching_values,
)


def triangular(low, mode, high):
    return {"dist": "triangular", "low": low, "mode": mode, "high": high}


def case(horizon=6, **lines):
    """A cost of 100 growing 10% a year for 3 years, 10 outcomes a year worth 1,000 with 20%
    drop-off lasting 2 years, a grant of 500 a year for 3 years; ``lines`` replaces fields
    (``costs_start=...``)."""
    data = {
        "scenario": {"name": "Tijd", "start_year": 2027, "horizon_years": horizon},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Coach", "amount": 100, "growth": 0.1, "duration": 3}],
        "outcomes": [
            {
                "name": "Werk",
                "quantity": 10,
                "proxy": 1000,
                "drop_off": 0.2,
                "lasts": 2,
                "duration": 1,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
        "funding": [
            {"name": "Budget", "funder": "gemeente", "kind": "grant", "amount": 500, "duration": 3}
        ],
    }
    for key, value in lines.items():
        section, field = key.rsplit("_", 1) if not key.endswith("lasts") else ("outcomes", "lasts")
        data[section][0][field] = value
    return scenario_from_dict(data, source="tijd.toml")


def yearly(flows, section, flow):
    """The yearly amounts of a section's flows of one kind, shape (D, T)."""
    return sum(
        b.amounts.sum(axis=1) for b in flows.blocks if (b.section, b.flow) == (section, flow)
    )


# --- the scenario file ---------------------------------------------------------------------


def test_timing_written_as_distributions_round_trips_through_toml():
    scenario = case(
        costs_start=triangular(0, 1, 4),
        costs_duration={"dist": "uniform", "low": 2, "high": 4},
        outcomes_lasts={"dist": "normal", "mean": 2, "sd": 1},
    )
    again = parse_scenario(dump_scenario(scenario))
    assert again == scenario
    assert 'start = { dist = "triangular", low = 0.0, mode = 1.0, high = 4.0 }' in dump_scenario(
        scenario
    )
    assert set(uncertain_inputs(scenario)) == {
        "costs[0].start",
        "costs[0].duration",
        "outcomes[0].lasts",
    }


def test_the_base_value_is_the_rounded_base_halves_up():
    # triangular(0, 1.5, 4): base 1.5 -> start 2, the same figures as start = 2
    uncertain = evaluate(case(costs_start=triangular(0, 1.5, 4))).metrics
    fixed = evaluate(case(costs_start=2)).metrics
    assert uncertain["pv_costs"] == pytest.approx(
        100 / 1.0225**2 + 110 / 1.0225**3 + 121 / 1.0225**4, rel=1e-14
    )
    np.testing.assert_equal(uncertain, fixed)
    assert timing_inputs(case())["costs[0].start"] == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "costs_start",
            {"dist": "normal", "mean": -3, "sd": 1},
            "must be >= 0 (the base value is -3.0)",
        ),
        ("costs_start", triangular(2, 5.5, 7), "0 <= start <= 5 (the base value is 5.5)"),
        ("outcomes_lasts", {"dist": "uniform", "low": -1, "high": 1}, "must be >= 1"),
        ("costs_duration", 2.0, "must be a whole number (years)"),
        ("costs_start", {"dist": "normal", "mean": 1, "sdd": 1}, "costs[0].start.sdd"),
    ],
)
def test_bad_timing_is_refused_naming_the_field_and_the_rule(field, value, message):
    with pytest.raises(ScenarioError) as refused:
        case(**{field: value})
    assert message in str(refused.value)
    assert str(refused.value).startswith("tijd.toml: ")


def test_a_loans_start_and_a_contracts_start_stay_whole_numbers():
    data = {
        "scenario": {"name": "Lening", "start_year": 2027, "horizon_years": 5},
        "stakeholders": [{"id": "bank", "name": "Bank", "kind": "investor"}],
        "funding": [
            {
                "name": "Lening",
                "funder": "bank",
                "kind": "loan",
                "amount": 1000,
                "interest_rate": 0.03,
                "term": 3,
                "start": triangular(0, 1, 2),
            }
        ],
    }
    with pytest.raises(ScenarioError) as refused:
        scenario_from_dict(data, source="lening.toml")
    text = str(refused.value)
    assert "funding[0].start = { dist = " in text
    assert "a loan's start must be a whole number, not a distribution" in text
    assert "de start van een lening moet een geheel getal zijn" in " ".join(
        refused.value.lines("nl")
    )
    data["funding"][0]["start"] = 0
    data["outcomes"] = [
        {
            "name": "Werk",
            "quantity": 10,
            "proxy": 100,
            "value_type": "fiscal",
            "beneficiaries": {"bank": 1.0},
        }
    ]
    data["sib"] = {
        "investor": "bank",
        "outcome_payer": "bank",
        "capital": 100,
        "outcome": "Werk",
        "price": 10,
        "start": triangular(0, 1, 2),
    }
    with pytest.raises(ScenarioError) as refused:
        scenario_from_dict(data, source="lening.toml")
    assert "sib.start" in str(refused.value)
    assert "must be a whole number (years), not a distribution" in str(refused.value)


# --- per-draw years through the engine -----------------------------------------------------


def test_a_start_that_slips_moves_costs_benefits_and_money_later():
    scenario = case(
        costs_start=triangular(0, 0, 3),
        outcomes_start=triangular(0, 0, 3),
        funding_start=triangular(0, 0, 3),
    )
    slips = {
        f"{section}[0].start": np.array([0.0, 2.0]) for section in ("costs", "outcomes", "funding")
    }
    flows = build_flows(scenario, compile_parameters(scenario, draws=2, values=slips))
    costs = yearly(flows, "costs", "cost")
    assert costs[0].tolist() == pytest.approx([100, 110, 121, 0, 0, 0])
    assert costs[1].tolist() == pytest.approx([0, 0, 100, 110, 121, 0])
    benefits = yearly(flows, "outcomes", "benefit")
    assert benefits[0].tolist() == pytest.approx([10_000, 8_000, 0, 0, 0, 0])
    assert benefits[1].tolist() == pytest.approx([0, 0, 10_000, 8_000, 0, 0])
    money = yearly(flows, "funding", "financing")
    assert money[1].tolist() == pytest.approx([0, 0, 500, 500, 500, 0])
    # discounted at 2.25%: the later draw is worth less on both sides
    figures = run_draws(scenario, 2, slips)
    assert figures["pv_costs"][1] == pytest.approx(figures["pv_costs"][0] / 1.0225**2)


def test_duration_and_lasts_per_draw():
    scenario = case(
        costs_duration={"dist": "uniform", "low": 1, "high": 5},
        outcomes_lasts={"dist": "uniform", "low": 1, "high": 5},
        outcomes_duration={"dist": "uniform", "low": 1, "high": 3},
    )
    values = {
        "costs[0].duration": np.array([1.4, 4.5]),  # rounded: 1 and 5 years
        "outcomes[0].lasts": np.array([1.0, 3.0]),
        "outcomes[0].duration": np.array([1.0, 2.0]),
    }
    flows = build_flows(scenario, compile_parameters(scenario, draws=2, values=values))
    costs = yearly(flows, "costs", "cost")
    assert costs[0].tolist() == pytest.approx([100, 0, 0, 0, 0, 0])
    assert costs[1].tolist() == pytest.approx([100, 110, 121, 133.1, 146.41, 0])
    benefits = yearly(flows, "outcomes", "benefit")
    assert benefits[0].tolist() == pytest.approx([10_000, 0, 0, 0, 0, 0])
    # two cohorts of 10, each 10,000, 8,000, 6,400 over its three years
    assert benefits[1].tolist() == pytest.approx([10_000, 18_000, 14_400, 6_400, 0, 0])


def test_value_capture_and_avoided_costs_follow_their_own_years():
    data = {
        "scenario": {"name": "Tijd", "start_year": 2027, "horizon_years": 5},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "avoided_costs": [
            {
                "name": "Zorg",
                "bearer": "gemeente",
                "incidents": 10,
                "reduction": 0.5,
                "unit_cost": 100,
                "drop_off": 0.5,
                "start": triangular(0, 1, 3),
                "duration": 5,
            }
        ],
        "value_capture": [
            {
                "name": "Erfpacht",
                "units": 10,
                "base_value": 1000,
                "uplift": 0.1,
                "capture_share": 1.0,
                "payer": "gemeente",
                "start": 1,
                "duration": {"dist": "uniform", "low": 1, "high": 4},
            }
        ],
    }
    scenario = scenario_from_dict(data)
    values = {
        "avoided_costs[0].start": np.array([1.0, 3.0]),
        "value_capture[0].duration": np.array([2.0, 4.0]),
    }
    flows = build_flows(scenario, compile_parameters(scenario, draws=2, values=values))
    avoided = yearly(flows, "avoided_costs", "benefit")
    np.testing.assert_allclose(avoided, [[0, 500, 250, 125, 62.5], [0, 0, 0, 500, 250]])
    captured = yearly(flows, "value_capture", "financing")
    np.testing.assert_allclose(captured, [[0, 500, 500, 0, 0], [0, 250, 250, 250, 250]])


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(1, 7), st.integers(1, 7), st.integers(0, 5)),
        min_size=1,
        max_size=4,
    )
)
def test_each_draw_equals_evaluate_with_its_years_written_as_numbers(years):
    """The draw axis of uncertain timing gives, draw by draw, the figures of the scenario with
    those years fixed: one formula, whether the years differ by draw or not."""
    spread = {"dist": "uniform", "low": 0, "high": 5}
    scenario = case(
        costs_start=spread,
        costs_duration=spread | {"low": 1, "high": 7},
        outcomes_lasts=spread | {"low": 1, "high": 7},
        funding_start=spread,
    )
    paths = ("costs[0].start", "costs[0].duration", "outcomes[0].lasts", "funding[0].start")
    values = {path: np.array([float(row[k]) for row in years]) for k, path in enumerate(paths)}
    figures = run_draws(scenario, len(years), values)
    for draw, (start, duration, lasts, grant) in enumerate(years):
        fixed = evaluate(
            case(
                costs_start=start,
                costs_duration=duration,
                outcomes_lasts=lasts,
                funding_start=grant,
            )
        ).metrics
        for name in ("npv_social", "pv_costs", "pv_benefits", "funding_gap", "min_cash_balance"):
            assert figures[name][draw] == pytest.approx(fixed[name], rel=1e-12, abs=1e-9), name


# --- Monte Carlo ---------------------------------------------------------------------------


def test_a_rounded_triangular_start_takes_each_year_with_its_closed_form_chance():
    """start ~ triangular(0, 1, 4) rounded: P(k) = F(k + 1/2) - F(k - 1/2) with
    F(x) = x^2 / 4 on [0, 1] and 1 - (4 - x)^2 / 12 on [1, 4]:
    1/16, 5/12, 1/3, 1/6, 1/48 for the years 0 to 4."""
    draws = 200_000
    result = simulate(case(horizon=10, costs_start=triangular(0, 1, 4)), draws, seed=5)
    starts = result.per_draw["costs[0].start"]
    expected = np.array([1 / 16, 5 / 12, 1 / 3, 1 / 6, 1 / 48])
    assert sum(expected) == pytest.approx(1.0)
    found = np.array([np.mean(starts == k) for k in range(5)])
    tolerance = 4 * np.sqrt(expected * (1 - expected) / draws)
    assert np.all(np.abs(found - expected) <= tolerance), (found, expected)
    assert result.clipped["costs[0].start"] == 0


def test_starts_beyond_the_horizon_are_clipped_to_its_last_year_and_counted():
    """start ~ normal(4, 2) in a 6-year horizon: rounded above 5 when x >= 5.5,
    P = 1 - Phi(0.75) = 0.2266; below 0 when x < -0.5, P = Phi(-2.25) = 0.0122."""
    draws = 100_000
    scenario = case(costs_start={"dist": "normal", "mean": 4, "sd": 2})
    result = simulate(scenario, draws, seed=3)
    starts = result.per_draw["costs[0].start"]
    assert starts.min() == 0 and starts.max() == 5
    assert np.all(starts == np.round(starts))
    phi = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    expected = 1 - phi(0.75) + phi(-2.25)
    assert result.clipped["costs[0].start"] / draws == pytest.approx(expected, abs=0.006)
    assert result.to_json_dict()["clipped"]["costs[0].start"] == result.clipped["costs[0].start"]


def test_simulate_with_uncertain_timing_does_not_depend_on_the_chunk_size():
    scenario = case(
        costs_start=triangular(0, 1, 4), outcomes_lasts={"dist": "uniform", "low": 1, "high": 4}
    )
    whole = simulate(scenario, 3_000, seed=9)
    chunked = simulate(scenario, 3_000, seed=9, chunk_size=77)
    assert whole.draws.equals(chunked.draws)


# --- tornado and switching values ----------------------------------------------------------


def test_the_tornado_moves_timing_to_its_rounded_low_and_high():
    scenario = case(costs_start={"dist": "normal", "mean": 1.4, "sd": 1})
    table = sensitivity(scenario).table.set_index("path")
    row = table.loc["costs[0].start"]
    # 1.4 -/+ 1.645: -0.245 -> 0 and 3.045 -> 3; the base 1.4 -> 1
    assert (row["low"], row["base"], row["high"]) == (0.0, 1, 3.0)
    fixed = {start: evaluate(case(costs_start=start)).metrics["npv_social"] for start in (0, 1, 3)}
    assert row["npv_social_low"] == pytest.approx(fixed[0] - fixed[1])
    assert row["npv_social_high"] == pytest.approx(fixed[3] - fixed[1])


def test_the_tornado_of_a_start_that_may_slip_ends_at_the_latest_year_drawn():
    # up to two years late, as the guided build and the examples write it: a draw rounds to
    # 0, 1 or 2 (one just below 2.5 rounds to 2, and 2.5 itself is never drawn), so the
    # tornado's high is year 2, not the 3 that rounding 2.5 half up would give
    scenario = case(costs_start=triangular(-0.5, -0.5, 2.5))
    row = sensitivity(scenario).table.set_index("path").loc["costs[0].start"]
    assert (row["low"], row["base"], row["high"]) == (0.0, 0, 2.0)
    drawn = simulate(scenario, 2_000, seed=3).draws["costs[0].start"]
    assert (drawn.min(), drawn.max()) == (0, 2)


def test_switching_values_leave_timing_out():
    scenario = case(costs_start=triangular(0, 1, 4), costs_amount=triangular(50, 100, 200))
    assert switching_values(scenario).path.tolist() == ["costs[0].amount"]


def test_starts_tied_by_a_rank_correlation_slip_together():
    """The costs and the outcomes of one project slip together when their starts form a
    correlation group: rank correlation near the target, each start's own chances kept."""
    slip = triangular(0, 0, 3)
    data = {
        "scenario": {"name": "Samen", "start_year": 2027, "horizon_years": 8},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Coach", "amount": 100, "duration": 3, "start": slip}],
        "outcomes": [
            {
                "name": "Werk",
                "quantity": 10,
                "proxy": 1000,
                "start": slip,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
        "correlations": [{"inputs": ["costs[0].start", "outcomes[0].start"], "rho": 0.9}],
    }
    result = simulate(scenario_from_dict(data), 20_000, seed=4)
    costs, outcomes = result.per_draw["costs[0].start"], result.per_draw["outcomes[0].start"]
    assert np.corrcoef(costs, outcomes)[0, 1] > 0.8
    # rounded triangular(0, 0, 3): P(0) = F(1/2) = 1 - (2.5/3)^2 = 11/36
    assert np.mean(costs == 0) == pytest.approx(11 / 36, abs=0.015)
    assert np.mean(outcomes == 0) == pytest.approx(11 / 36, abs=0.015)


def test_the_risks_in_the_draws_count_uncertain_timing_apart():
    scenario = case(
        costs_start=triangular(0, 1, 4),
        outcomes_lasts={"dist": "uniform", "low": 1, "high": 4},
        costs_amount=triangular(50, 100, 200),
    )
    assert risks_in_draws(scenario) == {"distributions": 1, "timing": 2}
    assert t("risk_timing", "nl", count="2").startswith("starts, looptijden")
