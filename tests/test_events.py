"""All-or-nothing money and yearly events in the Monte Carlo (docs/uncertainty.md).

The answers are closed forms: a grant that comes with probability p closes the plan in a share
p of the draws; an event with yearly chance p over n years happens a binomial(n, p) number of
times; ``events="expected"`` gives the expected values in every draw, as ``evaluate`` does.
"""

import math

import numpy as np
import pytest

from businesscase import evaluate, limits, uncertainty
from businesscase.actuals import parse_actuals
from businesscase.sampling import Purpose, draw_events, stream
from businesscase.scenario import scenario_from_dict
from businesscase.uncertainty import simulate

DRAWS = 20_000


def within_sampling_error(share: float, p: float, draws: int = DRAWS) -> bool:
    """Whether an observed share is within 5 standard errors of a binomial proportion p."""
    return abs(share - p) <= 5 * math.sqrt(p * (1 - p) / draws)


def plan(years: int = 1, **sections) -> dict:
    """A plan from 2027 over ``years`` years at a discount rate of 0 and a cost of 800 a year."""
    return {
        "scenario": {
            "name": "Risico",
            "start_year": 2027,
            "horizon_years": years,
            "discount_rate": 0,
        },
        "stakeholders": [
            {"id": "gemeente", "name": "Gemeente", "kind": "public"},
            {"id": "fonds", "name": "Fonds", "kind": "fund"},
        ],
        "costs": [{"name": "Coaching", "amount": 800, "duration": years}],
    } | sections


def grant(probability, amount: float = 1000.0) -> dict:
    """A grant of ``amount`` from the fund in the first year."""
    return {
        "name": "Subsidie",
        "funder": "fonds",
        "kind": "grant",
        "amount": amount,
        "probability": probability,
    }


def event(probability, years: int) -> dict:
    """One incident a year of 100 euro, all of it prevented, over ``years`` years."""
    return {
        "name": "Herstel",
        "bearer": "gemeente",
        "incidents": 1,
        "reduction": 1,
        "unit_cost": 100,
        "probability": probability,
        "duration": years,
    }


def test_a_grant_comes_in_full_or_not_at_all_and_decides_whether_the_plan_closes():
    # the cost is 800 and the grant 1000 with p = 0.7: expected, 700 never covers the cost;
    # drawn, the grant covers it in the draws in which it comes, a share 0.7 of them
    scenario = scenario_from_dict(plan(funding=[grant(0.7)]))
    drawn = simulate(scenario, DRAWS, seed=3)
    financing = drawn.draws["pv_financing"]
    assert set(financing.unique()) == {0.0, 1000.0}
    assert drawn.draws["closes"].equals(financing == 1000.0)
    assert within_sampling_error(drawn.p_closes, 0.7)
    # the mean inflow is the expected one, 0.7 x 1000, within sampling error
    assert abs(financing.mean() - 700.0) <= 5 * 1000.0 * math.sqrt(0.7 * 0.3 / DRAWS)
    expected = simulate(scenario, DRAWS, seed=3, events="expected")
    assert expected.p_closes == 0.0
    assert set(expected.draws["pv_financing"].unique()) == {700.0}
    assert expected.events == "expected" and drawn.events == "drawn"
    assert evaluate(scenario).metrics["pv_financing"] == 700.0


def test_an_uncertain_probability_is_compared_draw_by_draw():
    # p ~ uniform(0, 1): the grant comes with probability E[p] = 0.5, and more often in the
    # draws with a high p (P(comes | p > 0.5) = 0.75)
    chance = {"dist": "uniform", "low": 0.0, "high": 1.0}
    result = simulate(scenario_from_dict(plan(funding=[grant(chance)])), DRAWS, seed=8)
    comes = result.draws["pv_financing"] == 1000.0
    high = result.draws["funding[0].probability"] > 0.5
    assert within_sampling_error(comes.mean(), 0.5)
    assert within_sampling_error(comes[high].mean(), 0.75, int(high.sum()))


def test_a_loan_pays_out_and_is_repaid_in_full_or_not_at_all():
    # a loan of 2400 at 0% over 2 years with p = 0.4: 1200 a year back when it comes; the
    # horizon ends after the first repayment, so 1200 is still owed
    loan = {
        "name": "Lening",
        "funder": "fonds",
        "kind": "loan",
        "amount": 2400,
        "probability": 0.4,
        "interest_rate": 0,
        "term": 2,
    }
    data = plan(2, funding=[loan])
    data["costs"][0]["duration"] = 1
    scenario = scenario_from_dict(data)
    money, yearly = uncertainty.draw_money_and_events(scenario, {}, DRAWS, seed=5)
    assert list(money) == ["funding[0].probability"] and yearly == {}
    figures = uncertainty.run_draws(scenario, DRAWS, money)
    came = money["funding[0].probability"] == 1.0
    assert np.array_equal(figures["cash_balance"][came][0], [1600.0, 400.0])
    assert np.array_equal(figures["cash_balance"][~came][0], [-800.0, -800.0])
    assert set(figures["loan_outstanding_at_horizon"][came]) == {1200.0}
    assert set(figures["loan_outstanding_at_horizon"][~came]) == {0.0}
    assert within_sampling_error(came.mean(), 0.4)
    result = simulate(scenario, DRAWS, seed=5)
    assert np.array_equal(result.draws["pv_financing"] == 2400.0, came)


@pytest.mark.parametrize("p", [0.15, 0.5])
def test_a_yearly_event_over_n_years_happens_a_binomial_number_of_times(p):
    years = 6
    scenario = scenario_from_dict(plan(years, avoided_costs=[event(p, years)]))
    result = simulate(scenario, DRAWS, seed=11)
    times = result.draws["pv_benefits"] / 100.0
    assert np.array_equal(times, np.round(times))
    for k in range(years + 1):
        pmf = math.comb(years, k) * p**k * (1 - p) ** (years - k)
        assert within_sampling_error(np.mean(times == k), pmf), k
    assert abs(times.mean() - years * p) <= 5 * math.sqrt(years * p * (1 - p) / DRAWS)
    expected = simulate(scenario, DRAWS, seed=11, events="expected")
    assert np.allclose(expected.draws["pv_benefits"], 100.0 * years * p, rtol=1e-12)


def test_the_years_of_one_draw_are_independent_events():
    # P(event in year 0 and year 1) = p^2 = 0.09, not p = 0.3 (one draw for all years)
    scenario = scenario_from_dict(plan(2, avoided_costs=[event(0.3, 2)]))
    yearly = simulate(scenario, DRAWS, seed=2).draws["pv_benefits"]
    assert within_sampling_error(np.mean(yearly == 200.0), 0.09)


def test_lines_that_come_for_certain_or_never_draw_nothing():
    scenario = scenario_from_dict(
        plan(funding=[grant(1.0), grant(0.0)], avoided_costs=[event(1.0, 1)])
    )
    money, yearly = uncertainty.draw_money_and_events(scenario, {}, 10, seed=1)
    assert money == {} and yearly == {}
    result = simulate(scenario, 100, seed=1)
    assert set(result.draws["pv_financing"]) == {1000.0}
    assert set(result.draws["pv_benefits"]) == {100.0}


def test_reproducible_by_seed_whatever_the_chunk_size_and_the_threads(monkeypatch):
    data = plan(
        5,
        funding=[grant(0.6), grant({"dist": "triangular", "low": 0.5, "mode": 0.9, "high": 1})],
        avoided_costs=[event(0.3, 5)],
    )
    data["costs"][0]["amount"] = {"dist": "pert", "low": 700, "mode": 800, "high": 1000}
    scenario = scenario_from_dict(data)
    whole = simulate(scenario, 999, seed=21, chunk_size=999)
    for chunk_size in (1, 10, 250):
        chunked = simulate(scenario, 999, seed=21, chunk_size=chunk_size)
        assert chunked.draws.equals(whole.draws)
    monkeypatch.setattr(uncertainty, "WORKERS", 1)
    assert simulate(scenario, 999, seed=21, chunk_size=100).draws.equals(whole.draws)
    monkeypatch.setattr(uncertainty, "WORKERS", 3)
    assert simulate(scenario, 999, seed=21, chunk_size=100).draws.equals(whole.draws)
    assert not simulate(scenario, 999, seed=22).draws.equals(whole.draws)


def test_adding_a_line_leaves_the_other_lines_events_as_they_were():
    # paired draws: the grant comes in the same draws with or without a second grant
    one = simulate(scenario_from_dict(plan(funding=[grant(0.5)])), 2000, seed=4)
    both = plan(funding=[grant(0.5), grant(0.5, amount=1.0)])
    two = simulate(scenario_from_dict(both), 2000, seed=4)
    assert np.array_equal(one.draws["pv_financing"] >= 1000.0, two.draws["pv_financing"] >= 1000.0)


def test_a_reported_grant_has_come_in_every_draw():
    data = plan(2, funding=[grant(0.5) | {"duration": 2}])
    data["costs"][0]["duration"] = 2
    scenario = scenario_from_dict(data)
    actuals = parse_actuals("year,line,value,note\n2027,Subsidie,1000,\n", scenario)
    result = simulate(scenario, 500, seed=1, actuals=actuals)
    assert set(result.draws["pv_financing"]) == {2000.0}
    assert result.p_closes == 1.0


def test_events_must_be_drawn_or_expected():
    scenario = scenario_from_dict(plan(funding=[grant(0.5)]))
    with pytest.raises(ValueError, match="events must be one of drawn, expected, not 'all'"):
        simulate(scenario, 10, seed=1, events="all")


def test_risks_in_draws_counts_what_the_draws_include():
    chance = {"dist": "triangular", "low": 0.5, "mode": 0.9, "high": 1}
    data = plan(3, funding=[grant(chance), grant(0.6), grant(1.0)], avoided_costs=[event(0.3, 3)])
    scenario = scenario_from_dict(data)
    assert uncertainty.risks_in_draws(scenario) == {"distributions": 1, "money": 2, "events": 1}
    assert uncertainty.risks_in_draws(scenario, "expected") == {"distributions": 1}
    assert uncertainty.risks_in_draws(scenario_from_dict(plan())) == {}


def test_the_money_and_events_are_drawn_a_block_at_a_time_and_do_not_limit_the_draws():
    # grants that may not come and an event that may not happen each year are drawn a block
    # of draws at a time, never held for all draws: the most draws are those of the same plan
    # with certain money and no event
    risky = scenario_from_dict(
        plan(5, funding=[grant(0.5), grant(0.5)], avoided_costs=[event(0.3, 5)])
    )
    certain = scenario_from_dict(plan(5, funding=[grant(1.0), grant(1.0)]))
    assert limits.kept_within(risky) == limits.kept_within(certain)
    assert limits.max_draws(risky) == limits.max_draws(certain)


def test_a_yearly_event_happens_when_half_a_word_of_its_stream_is_below_p_times_2_to_the_32():
    path = "avoided_costs[0].probability"
    happens = draw_events(stream(3, Purpose.EVENT, path), 0.3, 5, 3)
    # 15 events from 8 words of 64 bits: the low half of each word first, then the high half
    words = stream(3, Purpose.EVENT, path).bit_generator.random_raw(8)
    halves = [int(word) >> shift & 0xFFFF_FFFF for word in words for shift in (0, 32)]
    threshold = 0.3 * 2**32
    assert happens.tolist() == [
        [half < threshold for half in halves[3 * d : 3 * d + 3]] for d in range(5)
    ]
    # a chance per draw: certain in the first draw, never in the second
    either = draw_events(stream(3, Purpose.EVENT, path), np.array([1.0, 0.0]), 2, 30)
    assert either[0].all() and not either[1].any()


def test_the_money_and_events_do_not_depend_on_the_blocks():
    # 20,000 draws are three blocks: the money of a grant is one uniform a draw, read on
    scenario = scenario_from_dict(plan(3, funding=[grant(0.4)], avoided_costs=[event(0.3, 3)]))
    money, yearly = uncertainty.draw_money_and_events(scenario, {}, DRAWS, seed=8)
    uniforms = stream(8, Purpose.EVENT, "funding[0].probability").random(DRAWS)
    assert np.array_equal(money["funding[0].probability"], (uniforms < 0.4) * 1.0)
    events = yearly["avoided_costs[0].probability"]
    assert events.shape == (DRAWS, 3)
    assert within_sampling_error(events.mean(), 0.3, 3 * DRAWS)
