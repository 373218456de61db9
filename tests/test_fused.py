"""The fused kernel of a simulation's chunk (businesscase/kernels/model.py) against the numpy
engine: the same sums and the same figures (docs/uncertainty.md, "Compiled hot spots")."""

import gc
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import scenarios as scenario_dicts

from businesscase import examples, fast, kernels, parameters
from businesscase.actuals import load_actuals
from businesscase.distributions import base_value, whole_base_value
from businesscase.flows import build_flows, fusable
from businesscase.kernels import model
from businesscase.metrics import Totals, block_totals, compute_metrics, yearly_series
from businesscase.overflow import TooLargeToComputeError
from businesscase.parameters import (
    compile_parameters,
    numeric_inputs,
    timing_inputs,
    uncertain_inputs,
)
from businesscase.sampling import sample_inputs
from businesscase.scenario import scenario_from_dict
from businesscase.uncertainty import draw_money_and_events, run_draws, simulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_scenario  # noqa: E402


@pytest.fixture(autouse=True)
def _collect_the_refused_scenarios():
    """An overflow error's traceback holds its scenario in a reference cycle; collect them after
    each test, so that a later test counting the scenarios still alive sees none of these."""
    yield
    gc.collect()


FUSED_EXAMPLES = ("west_practice", "driehoeksplein", "energiecooperatie", "nabuurschap")


def draws_of(scenario, draws, seed=4):
    """Sampled inputs with the money and yearly events drawn, as ``simulate`` gives a chunk."""
    horizon = scenario.settings.horizon_years
    values, _ = sample_inputs(uncertain_inputs(scenario), draws, seed, horizon_years=horizon)
    money, yearly = draw_money_and_events(scenario, values, draws, seed)
    return values | money, yearly


def assert_same_figures(expected, found):
    """Every figure equal to 1e-12 of the largest present value (a sum of large flows that
    nearly cancel is compared to their size); IRRs, ratios and shares to 1e-9 relative;
    booleans, years and missing values exactly."""
    assert expected.keys() == found.keys()
    present = [
        np.nanmax(np.abs(v), initial=0.0) for k, v in expected.items() if k.startswith("pv_")
    ]
    scale = max(present, default=1.0)
    for name, numbers in expected.items():
        if numbers.dtype == bool:
            assert np.array_equal(found[name], numbers), name
            continue
        assert np.array_equal(np.isnan(found[name]), np.isnan(numbers)), name
        tolerance = 1e-12 * scale if not name.endswith(("irr", "ratio", "share")) else 1e-9
        np.testing.assert_allclose(found[name], numbers, rtol=1e-9, atol=tolerance, err_msg=name)


def fused_and_numpy_totals(scenario, draws=60):
    """The fused kernel's sums plus its contract blocks', and the numpy engine's sums."""
    values, yearly = draws_of(scenario, draws)
    params = compile_parameters(scenario, draws=draws, values=values, yearly=yearly)
    expected = block_totals(build_flows(scenario, params))
    with fast.compiled():
        flows, lines = kernels.fused_flows(scenario, params)
        found = block_totals(flows, lines)
    return expected, found


@pytest.mark.parametrize("name", FUSED_EXAMPLES)
def test_the_examples_go_through_the_fused_kernel(name):
    assert fusable(examples.load_example(name))


@pytest.mark.parametrize(
    "scenario",
    [synthetic_scenario(), *(examples.load_example(name) for name in FUSED_EXAMPLES)],
    ids=["50x30", *FUSED_EXAMPLES],
)
def test_the_fused_sums_are_the_numpy_engines(scenario):
    """Each yearly sum of the kernel (plus the contracts' blocks) equals the sum of the numpy
    engine's flow blocks, to 1e-12 of the largest sum of its kind."""
    expected, found = fused_and_numpy_totals(scenario)
    for field in fields(Totals):
        want, got = getattr(expected, field.name), getattr(found, field.name)
        pairs = want.items() if isinstance(want, dict) else [("", want)]
        for kind, numbers in pairs:
            other = got[kind] if kind else got
            scale = max(float(np.max(np.abs(numbers), initial=0.0)), 1.0)
            np.testing.assert_allclose(
                other, numbers, rtol=0, atol=1e-12 * scale, err_msg=field.name
            )


@pytest.mark.parametrize(
    "scenario",
    [synthetic_scenario(), *(examples.load_example(name) for name in FUSED_EXAMPLES)],
    ids=["50x30", *FUSED_EXAMPLES],
)
def test_every_figure_through_the_fused_kernel_is_the_numpy_engines(scenario):
    values, yearly = draws_of(scenario, 300)
    expected = run_draws(scenario, 300, values, yearly=yearly)
    with fast.compiled():
        found = run_draws(scenario, 300, values, yearly=yearly)
    assert_same_figures(expected, found)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=scenario_dicts(contracts=True))
def test_random_scenarios_give_the_numpy_engines_figures_through_the_fused_kernel(data):
    """Random valid scenarios (every section, harms, transfers, in kind, residual values,
    nominal lines, loans, contracts with several metrics), uncertain inputs sampled and the
    money and events drawn: the fused kernel gives the numpy engine's figures, or refuses the
    same overflowing field."""
    scenario = scenario_from_dict(data, source="random.toml")
    values, yearly = draws_of(scenario, 20, seed=1)
    try:
        expected = run_draws(scenario, 20, values, yearly=yearly)
    except TooLargeToComputeError as error:
        with fast.compiled(), pytest.raises(TooLargeToComputeError) as refused:
            run_draws(scenario, 20, values, yearly=yearly)
        assert refused.value.problems == error.problems
        return
    with fast.compiled():
        found = run_draws(scenario, 20, values, yearly=yearly)
    assert_same_figures(expected, found)


HAND_WORKED = {
    "scenario": {"name": "Hand", "start_year": 2027, "horizon_years": 3, "discount_rate": 0.0},
    "stakeholders": [
        {"id": "gemeente", "name": "Gemeente", "kind": "public"},
        {"id": "bank", "name": "Bank", "kind": "investor"},
        {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
    ],
    "costs": [
        {
            "name": "Plein",
            "amount": 100.0,
            "growth": 0.1,
            "duration": 2,
            "category": "capex",
            "life": 4,
            "owner": "gemeente",
        }
    ],
    "outcomes": [
        {
            "name": "Ontmoeting",
            "quantity": 10.0,
            "proxy": 50.0,
            "deadweight": 0.2,
            "drop_off": 0.5,
            "lasts": 2,
            "value_type": "social",
            "beneficiaries": {"bewoners": 1.0},
        }
    ],
    "avoided_costs": [
        {
            "name": "Schade",
            "bearer": "gemeente",
            "incidents": 4.0,
            "reduction": 0.5,
            "unit_cost": 100.0,
            "attribution": 0.5,
            "drop_off": 0.1,
            "start": 1,
            "duration": 2,
            "value_type": "fiscal",
        }
    ],
    "funding": [
        {"name": "Subsidie", "funder": "gemeente", "kind": "subsidy", "amount": 300.0},
        {
            "name": "Lening",
            "funder": "bank",
            "kind": "loan",
            "amount": 100.0,
            "term": 2,
            "interest_rate": 0.0,
        },
    ],
}


def every_kind_of_line() -> dict:
    """The hand-worked case with a line of every other kind the kernel handles, uncertain inputs
    and starts: an in-kind cost, a harm, transfers, value capture, nominal money and
    inflation, a grant that may not come, an avoided cost's yearly event, an outcome contract."""
    slip = {"dist": "triangular", "low": 0, "mode": 1, "high": 3}
    data = {key: value for key, value in HAND_WORKED.items() if key != "scenario"}
    data["scenario"] = {**HAND_WORKED["scenario"], "horizon_years": 8, "inflation": 0.03}
    data["scenario"]["discount_rate"] = {"dist": "uniform", "low": 0.0, "high": 0.06}
    data["costs"] = [
        {**HAND_WORKED["costs"][0], "life": 12},
        {
            "name": "Vrijwilligers",
            "amount": 40.0,
            "in_kind": True,
            "provider": "bewoners",
            "start": slip,
            "duration": 5,
        },
    ]
    outcome = HAND_WORKED["outcomes"][0]
    data["outcomes"] = [
        {
            **outcome,
            "duration": 4,
            "lasts": {"dist": "triangular", "low": 1, "mode": 2, "high": 4},
            "quantity": {"dist": "normal", "mean": 10.0, "sd": 2.0},
        },
        {
            **outcome,
            "name": "Overlast",
            "harm": True,
            "value_type": "economic",
            "start": slip,
            "duration": 3,
            "lasts": 3,
        },
        {**outcome, "name": "Huurkorting", "transfer": True, "duration": 6},
        {**outcome, "name": "Verlies", "transfer": True, "harm": True, "start": 2},
    ]
    data["avoided_costs"] = [
        {**HAND_WORKED["avoided_costs"][0], "probability": 0.4, "growth": 0.05},
        {
            **HAND_WORKED["avoided_costs"][0],
            "name": "Verschuiving",
            "transfer": True,
            "duration": 6,
            "start": slip,
        },
    ]
    data["value_capture"] = [
        {
            "name": "Afroming",
            "units": 10.0,
            "base_value": 1000.0,
            "uplift": 0.1,
            "capture_share": 0.5,
            "payer": "bewoners",
            "start": 2,
            "duration": 3,
            "nominal": True,
        },
    ]
    data["funding"] = [
        {**HAND_WORKED["funding"][0], "nominal": True, "duration": 4, "growth": 0.02},
        {
            "name": "Fonds",
            "funder": "bank",
            "kind": "grant",
            "amount": 80.0,
            "probability": 0.5,
            "start": slip,
            "duration": 3,
        },
        {**HAND_WORKED["funding"][1], "nominal": True, "interest_rate": 0.04, "term": 10},
    ]
    data["sib"] = {
        "investor": "bank",
        "outcome_payer": "gemeente",
        "capital": 200.0,
        "outcome": "Ontmoeting",
        "price": 30.0,
        "nominal": True,
    }
    return data


def test_every_kind_of_line_gives_the_numpy_engines_sums_and_figures():
    scenario = scenario_from_dict(every_kind_of_line(), source="every.toml")
    expected, found = fused_and_numpy_totals(scenario, draws=200)
    for field in fields(Totals):
        want, got = getattr(expected, field.name), getattr(found, field.name)
        pairs = want.items() if isinstance(want, dict) else [("", want)]
        for kind, numbers in pairs:
            assert np.any(numbers != 0.0), (field.name, kind)
            other = got[kind] if kind else got
            scale = float(np.max(np.abs(numbers), initial=1.0))
            np.testing.assert_allclose(
                other, numbers, rtol=0, atol=1e-12 * scale, err_msg=field.name
            )
    values, yearly = draws_of(scenario, 200)
    expected = run_draws(scenario, 200, values, yearly=yearly)
    with fast.compiled():
        found = run_draws(scenario, 200, values, yearly=yearly)
    assert_same_figures(expected, found)


def test_every_input_drawn_gives_the_numpy_engines_sums_and_figures():
    """Every number and every whole-year input of every kind of line given a value per draw
    (years between whole numbers, rounded as the numpy engine rounds them): the kernel reads
    them as given, with the base values of the rest, and sums what the numpy engine sums."""
    scenario = scenario_from_dict(every_kind_of_line(), source="every.toml")
    draws = 150
    rng = np.random.default_rng(11)
    values = {
        path: base_value(written) * rng.uniform(0.5, 1.0, draws)
        for path, written in numeric_inputs(scenario).items()
    }
    values |= {
        path: whole_base_value(written) + rng.uniform(-0.49, 1.6, draws)
        for path, written in timing_inputs(scenario).items()
    }
    _, yearly = draws_of(scenario, draws)
    params = compile_parameters(scenario, draws=draws, values=values, yearly=yearly)
    assert {(section, field, line) for section, field, line, _ in params.drawn} == {
        parameters._layout(scenario).places[path]
        for path in values
        if path in parameters._layout(scenario).places
    }
    expected = block_totals(build_flows(scenario, params))
    with fast.compiled():
        flows, lines = kernels.fused_flows(scenario, params)
    assert_same_totals(expected, block_totals(flows, lines), params)
    expected = run_draws(scenario, draws, values, yearly=yearly)
    with fast.compiled():
        found = run_draws(scenario, draws, values, yearly=yearly)
    assert_same_figures(expected, found)


def test_a_hand_worked_case_through_the_fused_kernel():
    """Costs 100 and 110 (10% growth), a residual value of 100 x (1 - 3/4) + 110 x (1 - 2/4)
    = 80 at the horizon; one cohort of 10 outcomes at 50 x (1 - 0.2) = 40 each, halving, for two
    years: 400, 200; avoided 4 x 0.5 x 100 x (1 - 0.5) = 100 from year 1, then 90 (10%
    drop-off); a subsidy of 300 and a loan of 100 repaid in 50 and 50 at no interest."""
    scenario = scenario_from_dict(HAND_WORKED, source="hand.toml")
    with fast.compiled():
        flows, lines = kernels.fused_flows(scenario, compile_parameters(scenario))
        figures = compute_metrics(flows, yearly_series(flows, lines))
    np.testing.assert_allclose(lines.costs[0], [100.0, 110.0, 0.0], rtol=1e-15)
    np.testing.assert_allclose(lines.residual_value[0], [0.0, 0.0, 80.0], rtol=1e-15)
    np.testing.assert_allclose(lines.benefits[0], [400.0, 300.0, 170.0], rtol=1e-15)
    np.testing.assert_allclose(lines.benefits_by_type["fiscal"][0], [0.0, 100.0, 90.0], rtol=1e-15)
    np.testing.assert_allclose(lines.loan_repayments[0], [0.0, 50.0, 50.0], rtol=1e-15)
    np.testing.assert_allclose(figures["cash_balance"][0], [300.0, 140.0, 90.0], rtol=1e-15)
    np.testing.assert_allclose(lines.financing_by_payer[0], [300.0, 100.0, 0.0], rtol=1e-15)
    assert figures["pv_costs"][0] == pytest.approx(210.0, rel=1e-15)
    assert figures["pv_benefits"][0] == pytest.approx(870.0, rel=1e-15)
    assert figures["largest_funder_share"][0] == pytest.approx(0.75, rel=1e-15)
    assert figures["funder_hhi"][0] == pytest.approx(0.625, rel=1e-15)
    assert figures["public_dependence"][0] == pytest.approx(0.75, rel=1e-15)
    assert figures["loan_outstanding_at_horizon"][0] == 0.0


def test_programmes_and_actuals_keep_the_numpy_engine():
    """Projects (earmarked money) and actuals (reported years) are outside the fused kernel;
    their simulations give the numbers they gave before it."""
    botu = examples.load_botu()
    assert not fusable(botu)
    monitored = examples.load_example("energiecooperatie")
    actuals = load_actuals(
        ROOT / "scenarios" / "actuals" / "energiecooperatie_2027_2028.csv", monitored
    )
    assert fusable(monitored) and not fusable(monitored, actuals)
    for scenario, reported in ((botu, None), (monitored, actuals)):
        values, yearly = draws_of(scenario, 200)
        expected = run_draws(scenario, 200, values, reported, yearly)
        with fast.compiled():
            found = run_draws(scenario, 200, values, reported, yearly)
        assert_same_figures(expected, found)


def test_an_overflow_in_the_fused_kernel_names_the_field_as_the_numpy_engine_does():
    data = {**HAND_WORKED, "outcomes": [{**HAND_WORKED["outcomes"][0], "quantity": 1e200}]}
    data["outcomes"][0]["proxy"] = 1e200
    scenario = scenario_from_dict(data, source="huge.toml")
    with pytest.raises(TooLargeToComputeError) as numpy_error:
        run_draws(scenario, 3)
    with fast.compiled(), pytest.raises(TooLargeToComputeError) as fused_error:
        run_draws(scenario, 3)
    assert fused_error.value.problems == numpy_error.value.problems
    assert fused_error.value.problems[0].path == "outcomes[0]"


def test_a_fused_simulation_does_not_depend_on_the_chunk_size():
    scenario = examples.load_example("west_practice")
    one = simulate(scenario, 900, seed=5, chunk_size=900)
    many = simulate(scenario, 900, seed=5, chunk_size=97)
    assert one.draws.equals(many.draws)


def late_outcome_and_events() -> dict:
    """An outcome that starts in year 2 and grows 50% a year, lasting past the horizon, and an
    avoided cost whose yearly event is drawn (probability 0.5)."""
    data = {key: value for key, value in HAND_WORKED.items() if key != "scenario"}
    data["scenario"] = {**HAND_WORKED["scenario"], "horizon_years": 5}
    outcome = HAND_WORKED["outcomes"][0]
    data["outcomes"] = [{**outcome, "start": 2, "duration": 2, "growth": 0.5, "lasts": 3}]
    data["avoided_costs"] = [{**HAND_WORKED["avoided_costs"][0], "drop_off": 0.0}]
    data["avoided_costs"][0] |= {"probability": 0.5, "duration": 3}
    return data


def test_a_late_outcome_and_drawn_events_hand_worked_through_the_fused_kernel():
    """Cohorts of 10 and 15 in years 2 and 3, worth 40 each and halving: 400 in year 2,
    15 x 40 + 10 x 20 = 800 in year 3, 15 x 20 + 10 x 10 = 400 in year 4 (the 150 of year 5 is
    beyond the horizon); the avoided cost of 100 counts in years 1 and 3, where its event
    happens, not in year 2."""
    scenario = scenario_from_dict(late_outcome_and_events(), source="late.toml")
    happens = {"avoided_costs[0].probability": np.array([[False, True, False, True, False]])}
    params = compile_parameters(scenario, yearly=happens)
    assert params.events.dtype == bool and params.event_lines == (0,)
    np.testing.assert_array_equal(params.avoided_cost_years[0, 0], [0.0, 1.0, 0.0, 1.0, 0.0])
    with fast.compiled():
        _, lines = kernels.fused_flows(scenario, params)
    np.testing.assert_allclose(
        lines.benefits_by_type["social"][0], [0.0, 0.0, 400.0, 800.0, 400.0], rtol=1e-15
    )
    np.testing.assert_allclose(
        lines.benefits_by_type["fiscal"][0], [0.0, 100.0, 0.0, 100.0, 0.0], rtol=1e-15
    )
    assert_same_totals(block_totals(build_flows(scenario, params)), lines, params)


def assert_same_totals(expected: Totals, found: Totals, params) -> None:
    """The kernel's sums equal the numpy engine's to 1e-12 of the largest sum of their kind,
    missing values in the same places."""
    for field in fields(Totals):
        want, got = getattr(expected, field.name), getattr(found, field.name)
        if field.name == "sib_payments":  # the contracts' blocks carry them, not the sums
            continue
        pairs = want.items() if isinstance(want, dict) else [("", want)]
        for kind, numbers in pairs:
            other = got[kind] if kind else got
            scale = max(float(np.nanmax(np.abs(numbers), initial=0.0)), 1e-300)
            np.testing.assert_allclose(
                other, numbers, rtol=0, atol=1e-12 * scale, err_msg=field.name
            )


@settings(max_examples=60, deadline=None)
@given(
    drop_off=st.sampled_from([0.0, 1.0, 0.37]),
    lasts=st.integers(1, 6),
    start=st.integers(0, 5),
    duration=st.integers(1, 8),
    size=st.sampled_from([1e-150, 1e-3, 7.0, 1e150]),
    growth=st.sampled_from([-0.999, 0.0, 0.25, 9.0]),
    chance=st.sampled_from([0.0, 0.3, 1.0]),
)
def test_hostile_outcomes_and_events_give_the_numpy_engines_sums(
    drop_off, lasts, start, duration, size, growth, chance
):
    """Drop-off 0 and 1, lasting one year to the whole horizon, starting in the last year,
    tiny and huge values, steep growth and decline, yearly events that never happen, happen
    sometimes or every year: the kernel's sums are the numpy engine's."""
    data = late_outcome_and_events()
    data["scenario"]["horizon_years"] = 6
    outcome = data["outcomes"][0]
    outcome |= {"drop_off": drop_off, "lasts": lasts, "start": start, "duration": duration}
    outcome |= {"quantity": size, "growth": growth}
    data["avoided_costs"][0] |= {"start": start, "growth": growth, "unit_cost": size}
    scenario = scenario_from_dict(data, source="hostile.toml")
    draws = 7
    rows = np.random.default_rng(start).random((draws, 6)) < chance
    params = compile_parameters(
        scenario, draws=draws, yearly={"avoided_costs[0].probability": rows}
    )
    with fast.compiled():
        _, lines = kernels.fused_flows(scenario, params)
    assert_same_totals(block_totals(build_flows(scenario, params)), lines, params)


def test_chunks_of_one_scenario_drawing_other_inputs_each_read_their_own():
    """What the kernel reads of the drawn inputs is worked out once per set of inputs drawn
    and kept with the scenario: chunks of one scenario that draw other inputs, or the same in
    another order, each get their own, and the numpy engine's sums."""
    scenario = scenario_from_dict(every_kind_of_line(), source="every.toml")
    draws = 40
    values, yearly = draws_of(scenario, draws)
    assert len(values) > 4
    every_other = {path: per_draw for k, (path, per_draw) in enumerate(values.items()) if k % 2}
    for drawn in (values, dict(reversed(values.items())), every_other, values):
        params = compile_parameters(scenario, draws=draws, values=drawn, yearly=yearly)
        expected = block_totals(build_flows(scenario, params))
        with fast.compiled():
            flows, lines = kernels.fused_flows(scenario, params)
        assert_same_totals(expected, block_totals(flows, lines), params)
    assert len(model._plan(scenario).reading) == 3
