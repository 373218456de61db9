"""Closing the gap (docs/uncertainty.md): timing, split, caps, and the new scenario closes."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import scenarios

from businesscase import evaluate
from businesscase.examples import load_example
from businesscase.gap import close_the_gap, split_whole_euros, yearly_top_ups
from businesscase.scenario import dump_scenario, parse_scenario, scenario_from_dict


def three_years(benefit_a=300.0, benefit_b=100.0, discount_rate=0.0):
    """Costs of 100 a year for three years, 100 of funding in year 0 only.

    Cash balance: 0, -100, -200. Avoided costs are cashable for ``a`` and ``b`` every year.
    """
    data = {
        "scenario": {
            "name": "Drie jaar",
            "start_year": 2027,
            "horizon_years": 3,
            "discount_rate": discount_rate,
        },
        "stakeholders": [
            {"id": "a", "name": "Gemeente", "kind": "public"},
            {"id": "b", "name": "Zorgverzekeraar", "kind": "care"},
            {"id": "c", "name": "Bewoners", "kind": "residents"},
        ],
        "costs": [{"name": "Buurtwerk", "amount": 100, "duration": 3}],
        "avoided_costs": [
            {
                "name": f"Minder zorg {who}",
                "bearer": who,
                "incidents": 1,
                "reduction": 1,
                "unit_cost": benefit,
                "duration": 3,
            }
            for who, benefit in (("a", benefit_a), ("b", benefit_b))
        ],
        "funding": [{"name": "Fonds", "funder": "c", "kind": "grant", "amount": 100}],
    }
    return scenario_from_dict(data)


def test_top_ups_are_the_increments_of_the_running_maximum_shortfall():
    # shortfalls 0, 100, 40, 250, 250: cumulative need 0, 100, 100, 250, 250, rounded up to
    # whole euros with a cent of headroom: 0, 101, 101, 251, 251
    top_ups = yearly_top_ups(np.array([10.0, -100.0, -40.0, -250.0, -250.0]))
    assert top_ups.tolist() == [0.0, 101.0, 0.0, 150.0, 0.0]
    assert yearly_top_ups(np.array([0.0, 5.0])).tolist() == [0.0, 0.0]


def test_split_whole_euros_adds_up_and_follows_the_weights():
    parts = split_whole_euros(np.array([101.0, 100.0, 0.0]), np.array([900.0, 300.0, 0.0]))
    # 101 * 3/4 = 75.75 and 25.25: floors 75 + 25, the euro left goes to the larger remainder
    assert parts.tolist() == [[76.0, 75.0, 0.0], [25.0, 25.0, 0.0], [0.0, 0.0, 0.0]]


def test_hand_worked_proposal_closes_with_contributions_in_the_years_needed():
    scenario = three_years(benefit_a=300.0, benefit_b=100.0)
    proposal = close_the_gap(scenario)
    assert proposal.closes and proposal.funding_gap == 200.0
    # top-ups 0, 101, 100 (rate 0: PV = nominal), split 3 : 1 over a and b; c benefits nothing
    assert proposal.pv_needed == 201.0 and proposal.pv_cashable_total == 1200.0
    lines = proposal.contributions
    assert lines[["stakeholder", "year", "amount"]].values.tolist() == [
        ["a", 2028, 76.0],
        ["a", 2029, 75.0],
        ["b", 2028, 25.0],
        ["b", 2029, 25.0],
    ]
    assert lines["name"].tolist()[:2] == [
        "Aanvullende bijdrage Gemeente 2028",
        "Aanvullende bijdrage Gemeente 2029",
    ]
    holders = proposal.stakeholders.set_index("id")
    assert holders["pv_contribution"].tolist() == [151.0, 50.0, 0.0]
    metrics = evaluate(proposal.scenario).metrics
    assert metrics["closes"] and metrics["funding_gap"] == 0.0
    assert metrics["cash_balance"] == [0.0, 1.0, 1.0]
    added = proposal.scenario.funding[1:]
    assert {line.kind for line in added} == {"contribution"} and len(added) == 4
    assert [(line.start, line.duration) for line in added] == [(1, 1), (2, 1), (1, 1), (2, 1)]


def test_not_enough_cashable_benefit_gives_the_shortfall():
    proposal = close_the_gap(three_years(benefit_a=20.0, benefit_b=0.0))
    # needed 201 (PV at rate 0); a can give at most 3 * 20 = 60: short by 141
    assert not proposal.closes
    assert proposal.scenario is None and proposal.contributions.empty
    assert proposal.pv_cashable_total == 60.0
    assert proposal.shortfall == pytest.approx(141.0)
    assert proposal.stakeholders.set_index("id")["pv_cashable_benefit"].tolist() == [60, 0, 0]


def test_nobody_with_a_cashable_benefit_cannot_close():
    proposal = close_the_gap(three_years(benefit_a=0.0, benefit_b=0.0))
    assert not proposal.closes and proposal.shortfall == 201.0


def test_caps_compare_present_values():
    # rate 10%: the top-ups 101 (t=1) and 100 (t=2) are worth 101/1.1 + 100/1.21 = 174.46 at
    # t=0. a's benefit of x a year is worth x (1 + 1/1.1 + 1/1.21) = 2.7355 x.
    factor = 1 + 1 / 1.1 + 1 / 1.21
    needed = 101 / 1.1 + 100 / 1.21
    assert close_the_gap(three_years(needed / factor + 0.5, 0.0, 0.1)).closes
    short = close_the_gap(three_years(needed / factor - 0.5, 0.0, 0.1))
    assert not short.closes
    assert short.shortfall == pytest.approx(0.5 * factor)


def test_the_shipped_west_practice_scenario_closes_with_the_proposal():
    scenario = load_example("west_practice")
    assert not evaluate(scenario).metrics["closes"]
    proposal = close_the_gap(scenario)
    assert proposal.closes
    metrics = evaluate(proposal.scenario).metrics
    assert metrics["closes"] and metrics["funding_gap"] == 0.0
    holders = proposal.stakeholders
    assert (holders["pv_contribution"] <= holders["pv_cashable_benefit"]).all()
    payers = set(proposal.contributions["stakeholder"])
    assert payers == set(holders.loc[holders["pv_cashable_benefit"] > 0, "id"])
    # the new scenario is a valid file
    assert parse_scenario(dump_scenario(proposal.scenario)) == proposal.scenario


def test_nabuurschap_cannot_be_closed_by_those_who_gain_cash():
    # the avoided Wmo and care costs, netted for deadweight and attribution, free up less cash
    # than the years after the subsidy cliff need
    proposal = close_the_gap(load_example("nabuurschap"))
    assert not proposal.closes and proposal.scenario is None
    assert proposal.shortfall == proposal.pv_needed - proposal.pv_cashable_total > 0


def test_a_scenario_that_closes_is_returned_unchanged():
    scenario = load_example("energiecooperatie")
    proposal = close_the_gap(scenario)
    assert proposal.closes and proposal.scenario is scenario
    assert proposal.contributions.empty and proposal.pv_needed == 0.0


@settings(max_examples=40)
@given(st.lists(st.floats(-1e9, 1e9), min_size=1, max_size=40))
def test_top_ups_always_keep_the_balance_at_or_above_zero(balance):
    balance = np.array(balance)
    top_ups = yearly_top_ups(balance)
    assert (top_ups >= 0).all() and (top_ups == np.round(top_ups)).all()
    assert (balance + np.cumsum(top_ups) >= 0).all()
    assert np.cumsum(top_ups)[-1] <= max(0.0, -balance.min()) + 1.01


@settings(max_examples=25)
@given(scenarios())
def test_a_feasible_proposal_always_closes(data):
    scenario = scenario_from_dict(data)
    proposal = close_the_gap(scenario)
    if proposal.closes:
        metrics = evaluate(proposal.scenario).metrics
        assert metrics["closes"] and metrics["funding_gap"] == 0.0
        holders = proposal.stakeholders
        assert (holders["pv_contribution"] <= holders["pv_cashable_benefit"]).all()
    else:
        assert proposal.shortfall > 0.0 and proposal.scenario is None


class TestLeavingPartiesOut:
    """Hand-worked: a cost of 100 in the one year, no funding: top-up ceil(100 + 0.01) = 101.
    A's cashable benefit 300, B's 200 (one year: PV = nominal)."""

    @staticmethod
    def plan():
        return scenario_from_dict(
            {
                "scenario": {"name": "twee", "start_year": 2026, "horizon_years": 1},
                "stakeholders": [
                    {"id": "a", "name": "A", "kind": "public"},
                    {"id": "b", "name": "B", "kind": "residents"},
                ],
                "costs": [{"name": "kosten", "amount": 100}],
                "avoided_costs": [
                    {
                        "name": f"voorkomen {who}",
                        "bearer": who,
                        "incidents": 1,
                        "reduction": 1,
                        "unit_cost": cost,
                    }
                    for who, cost in (("a", 300), ("b", 200))
                ],
            }
        )

    def test_everyone_asked_in_proportion_to_their_cashable_benefit(self):
        # 101 * 3/5 = 60.6, 101 * 2/5 = 40.4: 60 + 40 = 100, the last euro to the larger
        # remainder (A's 0.6)
        proposal = close_the_gap(self.plan())
        assert proposal.closes
        assert dict(
            zip(
                proposal.contributions["stakeholder"], proposal.contributions["amount"], strict=True
            )
        ) == {"a": 61.0, "b": 40.0}
        assert proposal.pv_cashable_total == 500.0

    def test_a_party_left_out_is_asked_nothing_and_the_rest_pay_within_their_cap(self):
        proposal = close_the_gap(self.plan(), leave_out={"b"})
        assert proposal.closes
        assert proposal.contributions["stakeholder"].tolist() == ["a"]
        assert proposal.contributions["amount"].tolist() == [101.0]
        assert proposal.pv_cashable_total == 300.0
        assert evaluate(proposal.scenario).metrics["closes"]

    def test_leaving_out_the_only_party_that_could_pay_enough_leaves_a_shortfall(self):
        plan = self.plan()
        proposal = close_the_gap(plan, leave_out={"a", "b"})
        assert not proposal.closes and proposal.scenario is None
        assert proposal.pv_cashable_total == 0.0
        assert proposal.shortfall == 101.0
