"""Numbers too large to compute: an error naming the field, never a null beside ``closes``.

Each test is named after what a user saw before: valid amounts whose figures overflow gave
``pv_benefits: null`` beside ``closes: true`` and numpy RuntimeWarnings on stderr.
"""

import math
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate
from businesscase.batch import evaluate_many, sweep
from businesscase.overflow import MAY_BE_NULL, TooLargeToComputeError
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
        "(1 + growth)^t is larger than 1.8e308"
    )


def test_a_cost_of_1e308_over_ten_years_names_the_cost_line():
    # 1e308 a year fits; ten years of it (the PV, the cash balance) do not
    message = refused(case(costs=[{"name": "Groot", "amount": 1e308, "duration": 10}]))
    assert message.startswith("Overloop: costs[0]: numbers too large to compute: amount x ")
    assert "added up over the years, is larger than 1.8e308" in message


def test_two_costs_of_1e308_in_one_year_name_the_section():
    lines = [{"name": "A", "amount": 1e308}, {"name": "B", "amount": 1e308}]
    message = refused(case(costs=lines))
    assert message == (
        "Overloop: costs: numbers too large to compute: the amounts of its lines add up to "
        "more than 1.8e308"
    )


def test_a_discount_rate_of_minus_0_9999999_over_200_years_names_the_rate():
    # 1 / (1 - 0.9999999) ** 199 = 1e1393
    message = refused(case(horizon=200, rate=-0.9999999))
    assert message == (
        "Overloop: scenario.discount_rate = -0.9999999: numbers too large to compute: "
        "1 / (1 + discount_rate)^t over 200 years is larger than 1.8e308"
    )


def test_growth_that_overflows_names_the_line():
    message = refused(case(horizon=200, growth=100.0))  # 101 ** 199 = 7e398
    assert message.startswith("Overloop: outcomes[0]: numbers too large to compute")


def test_a_monte_carlo_with_some_overflowing_draws_says_so():
    # 10 years of quantity x proxy add up beyond 1.8e308 from a proxy of 1.8e207 on: in
    # about half of the draws
    proxy = {"dist": "uniform", "low": 0.0, "high": 3.6e207}
    message = refused(case(quantity=1e100, proxy=proxy), lambda s: simulate(s, 1_000, seed=3))
    assert message.startswith("Overloop: outcomes[0]: numbers too large to compute")
    assert message.endswith("is larger than 1.8e308 (with some of the values drawn or varied)")


def test_sensitivity_and_switching_values_refuse_overflow_instead_of_an_inf_base():
    proxy = {"dist": "uniform", "low": 1.0, "high": 1e300}
    for run in (sensitivity, switching_values):
        assert "outcomes[0]: numbers too large to compute" in refused(
            case(quantity=1e100, proxy=proxy), run
        )


def test_a_sweep_and_a_batch_refuse_overflow_instead_of_writing_inf():
    scenario = case()
    message = refused(scenario, lambda s: sweep(s, {"outcomes[0].proxy": [1.0, 1e306]}))
    assert "outcomes[0]: numbers too large to compute" in message
    refused(case(quantity=1e200, proxy=1e200), lambda s: evaluate_many([s]))


def test_large_numbers_that_fit_are_computed_exactly():
    # 1e150 x 1e150 x 10 years = 1e301: large, but within float64
    result = evaluate(case(quantity=1e150, proxy=1e150, rate=0.0))
    assert result.metrics["pv_benefits"] == pytest.approx(1e301)
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
    """Whatever valid numbers go in: all figures finite (or null where allowed), or a
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
            assert value is None or math.isfinite(value)
        elif name == "cash_balance":
            assert all(math.isfinite(x) for x in value)
        elif name != "closes":
            assert value is not None and math.isfinite(value), name
