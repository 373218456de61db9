"""Numbers too large to compute: an error naming the field, never a null beside ``closes``.

Each test is named after what a user saw before: valid amounts whose figures overflow gave
``pv_benefits: null`` beside ``closes: true`` and numpy RuntimeWarnings on stderr.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate
from businesscase.batch import evaluate_many, sweep
from businesscase.distributions import Uniform
from businesscase.overflow import MAY_BE_NULL, TooLargeToComputeError
from businesscase.sampling import sample
from businesscase.scenario import ScenarioError, scenario_from_dict
from businesscase.uncertainty import sensitivity, simulate, switching_values


def case(horizon=10, rate=0.0225, costs=None, quantity=40, proxy=2000, growth=0.0):
    """One cost line of 50,000 a year, one outcome of 40 x 2,000 a year, a subsidy of 60,000.

    At the base values every figure is an ordinary number; each test changes one thing.
    """
    return scenario_from_dict(
        {
            "scenario": {
                "name": "Overloop",
                "start_year": 2027,
                "horizon_years": horizon,
                "discount_rate": rate,
            },
            "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
            "costs": costs or [{"name": "Buurtverbinder", "amount": 50_000, "duration": horizon}],
            "outcomes": [
                {
                    "name": "Minder eenzaamheid",
                    "quantity": quantity,
                    "proxy": proxy,
                    "growth": growth,
                    "value_type": "social",
                    "duration": horizon,
                    "beneficiaries": {"gemeente": 1.0},
                }
            ],
            "funding": [
                {
                    "name": "Subsidie",
                    "funder": "gemeente",
                    "kind": "subsidy",
                    "amount": 60_000,
                    "duration": horizon,
                }
            ],
        },
        source="overloop.toml",
    )


def refused(scenario, run=evaluate) -> str:
    """The one-line message of the error ``run(scenario)`` raises, with no numpy warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TooLargeToComputeError) as caught:
            run(scenario)
    assert isinstance(caught.value, ScenarioError)  # handled wherever bad input is
    return str(caught.value)


def test_quantity_and_proxy_of_1e200_name_the_outcome_instead_of_a_null_pv_benefits():
    message = refused(case(quantity=1e200, proxy=1e200))
    assert message == (
        "Overloop: outcomes[0]: numbers too large to compute: quantity x proxy x "
        "(1 + growth)^t is larger than 1e300"
    )


def test_the_message_is_dutch_for_a_dutch_user():
    with pytest.raises(TooLargeToComputeError) as caught:
        evaluate(case(quantity=1e200, proxy=1e200))
    assert caught.value.lines("nl") == [
        "Overloop: outcomes[0]: getallen te groot om mee te rekenen: quantity x proxy x "
        "(1 + growth)^t is groter dan 1e300"
    ]


def test_a_cost_of_1e308_names_the_cost_line():
    message = refused(case(costs=[{"name": "Groot", "amount": 1e308, "duration": 10}]))
    assert message == (
        "Overloop: costs[0]: numbers too large to compute: amount x (1 + growth)^t is larger "
        "than 1e300"
    )


def test_a_cost_of_1e300_a_year_over_ten_years_names_the_cost_line():
    # 1e300 a year is allowed; ten years of it (the PV, the cash balance) are not
    message = refused(case(costs=[{"name": "Groot", "amount": 1e300, "duration": 10}]))
    assert message == (
        "Overloop: costs[0]: numbers too large to compute: amount x (1 + growth)^t, added up "
        "over the years, is larger than 1e300"
    )


def test_two_costs_of_1e300_in_one_year_name_the_section():
    lines = [{"name": "A", "amount": 1e300}, {"name": "B", "amount": 1e300}]
    message = refused(case(costs=lines))
    assert message == (
        "Overloop: costs: numbers too large to compute: the amounts of its lines add up to "
        "more than 1e300"
    )


def test_a_discount_rate_of_minus_0_9999999_over_200_years_names_the_rate():
    # 1 / (1 - 0.9999999) ** 199 = 1e1393
    message = refused(case(horizon=200, rate=-0.9999999))
    assert message == (
        "Overloop: scenario.discount_rate = -0.9999999: numbers too large to compute: "
        "1 / (1 + discount_rate)^t over 200 years is larger than 1e300"
    )


def test_growth_that_overflows_names_the_line():
    message = refused(case(horizon=200, growth=100.0))  # 101 ** 199 = 7e398
    assert message.startswith("Overloop: outcomes[0]: numbers too large to compute")


def test_a_monte_carlo_with_some_overflowing_draws_names_the_field():
    # 10 years of quantity x proxy add up beyond 1e300 from a proxy of 1e199 on: in about
    # half of the draws
    proxy = {"dist": "uniform", "low": 0.0, "high": 2e199}
    message = refused(case(quantity=1e100, proxy=proxy), lambda s: simulate(s, 1_000, seed=3))
    assert message.startswith("Overloop: outcomes[0]: numbers too large to compute")
    assert message.endswith("is larger than 1e300")


def test_sensitivity_and_switching_values_refuse_overflow_instead_of_an_inf_base():
    proxy = {"dist": "uniform", "low": 1.0, "high": 1e300}
    for run in (sensitivity, switching_values):
        assert "outcomes[0]: numbers too large to compute" in refused(
            case(quantity=1e100, proxy=proxy), run
        )


def test_a_sweep_and_a_batch_refuse_overflow_instead_of_writing_inf():
    """The point or scenario that overflows gets no figures and the reason in its row; the
    others are computed (see tests/test_batch_failures.py)."""
    table = sweep(case(), {"outcomes[0].proxy": [1.0, 1e306]})
    assert table["error"].isna().tolist() == [True, False]
    assert "outcomes[0]: numbers too large to compute" in table["error"][1]
    assert not np.isinf(table.select_dtypes("number").to_numpy(dtype=float)).any()
    table = evaluate_many([case(quantity=1e200, proxy=1e200)])
    assert "outcomes[0]: numbers too large to compute" in table["error"][0]
    assert table["npv_social"].isna().all()


def test_large_numbers_that_fit_are_computed_exactly():
    # 1e140 x 1e150 x 10 years = 1e291: large, but within the limit
    result = evaluate(case(quantity=1e140, proxy=1e150, rate=0.0))
    assert result.metrics["pv_benefits"] == pytest.approx(1e291)
    assert result.metrics["closes"] is True


@settings(max_examples=60, deadline=None)
@given(
    horizon=st.integers(1, 200),
    rate=st.floats(-0.9999999, 1.0),
    quantity=st.floats(0.0, 1.7e308),
    proxy=st.floats(0.0, 1.7e308),
    amount=st.floats(0.0, 1.7e308),
    growth=st.floats(-0.99, 100.0),
)
def test_every_figure_is_a_number_or_the_scenario_is_refused(
    horizon, rate, quantity, proxy, amount, growth
):
    """Whatever valid numbers go in: all figures at most 1e300 (or null where allowed), or a
    TooLargeToComputeError naming a field; never a numpy warning."""
    scenario = case(
        horizon=horizon,
        rate=rate,
        quantity=quantity,
        proxy=proxy,
        growth=growth,
        costs=[{"name": "Kosten", "amount": amount, "duration": horizon}],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            metrics = evaluate(scenario).metrics
        except TooLargeToComputeError as error:
            assert "numbers too large to compute" in str(error)
            return
    for name, value in metrics.items():
        if name in MAY_BE_NULL or name.startswith("sib_") or name.endswith("_year"):
            assert value is None or abs(value) <= 1e300
        elif name == "cash_balance":
            assert all(abs(x) <= 1e300 for x in value)
        elif name != "closes":
            assert value is not None and abs(value) <= 1e300, name


@st.composite
def extreme_distributions(draw) -> dict:
    """A valid proxy distribution with parameters anywhere in [0, 1.7e308]."""
    kind = draw(st.sampled_from(["triangular", "pert", "uniform", "normal", "lognormal"]))
    if kind in ("normal", "lognormal"):
        mean = draw(st.floats(1e-300 if kind == "lognormal" else 0.0, 1.7e308))
        return {"dist": kind, "mean": mean, "sd": draw(st.floats(1e-300, 1.7e308))}
    low = draw(st.floats(0.0, 1.6e308))
    high = draw(st.floats(low, 1.7e308, exclude_min=True))
    if kind == "uniform":
        return {"dist": kind, "low": low, "high": high}
    return {"dist": kind, "low": low, "mode": draw(st.floats(low, high)), "high": high}


@settings(max_examples=30, deadline=None)
@given(proxy=extreme_distributions(), which=st.sampled_from(["simulate", "sensitivity", "switch"]))
def test_uncertainty_on_extreme_distributions_gives_numbers_or_names_the_field(proxy, which):
    """Monte Carlo, tornado and switching values with any valid proxy distribution: results,
    or a TooLargeToComputeError; no other exception, no numpy warning."""
    run = {
        "simulate": lambda s: simulate(s, 500, seed=1).summary,
        "sensitivity": lambda s: sensitivity(s).table,
        "switch": switching_values,
    }[which]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            table = run(case(quantity=1.0, proxy=proxy))
        except TooLargeToComputeError as error:
            assert "outcomes[0]: numbers too large to compute" in str(error)
            return
    assert not np.isinf(table.select_dtypes("number").to_numpy()).any()


def test_a_uniform_wider_than_float64_reaches_is_sampled_not_an_internal_error():
    # numpy's uniform refuses a width of 3.4e308 (OverflowError); the draws are taken as
    # low x (1 - u) + high x u instead, each within [low, high]
    wide = Uniform(dist="uniform", low=-1.7e308, high=1.7e308)
    draws = sample(wide, 10_000, np.random.default_rng(1))
    assert np.isfinite(draws).all()
    assert draws.min() >= -1.7e308 and draws.max() <= 1.7e308
    assert (draws < -1e307).any() and (draws > 1e307).any()  # both ends are reached
