"""The quick start: a rough case from a handful of numbers, valid and worked by hand."""

import pytest

from businesscase import evaluate
from businesscase.quick_start import Funder, rough_case
from businesscase.scenario import scenario_from_dict


def cafe():
    return rough_case(
        "Taalcafé",
        2027,
        4,
        65000,
        "Meer bewoners vinden werk",
        3,
        16429,
        value_type="fiscal",
        funders=[
            Funder("Gemeente Rotterdam", "public", "subsidy", 40000),
            Funder("Woonstad Rotterdam", "housing", "contribution", 10000),
        ],
        beneficiary="Gemeente Rotterdam",
    )


def test_a_rough_case_is_a_valid_scenario_with_every_line_over_the_plans_years():
    scenario = scenario_from_dict(cafe())
    assert [holder.id for holder in scenario.stakeholders] == [
        "gemeente_rotterdam",
        "woonstad_rotterdam",
    ]
    assert scenario.outcomes[0].beneficiaries == {"gemeente_rotterdam": 1.0}
    assert {line.duration for line in [*scenario.costs, *scenario.funding]} == {4}


def test_hand_worked_figures_of_the_rough_cafe():
    # each year: cost 65.000, funding 50.000, so 15.000 short; over four years a gap of 60.000,
    # first short in the first year. Benefits 3 x 16.429 = 49.287 a year, one-year cohorts.
    metrics = evaluate(scenario_from_dict(cafe())).metrics
    assert metrics["funding_gap"] == pytest.approx(60000)
    assert metrics["first_short_year"] == 0
    rate = 0.0225
    discount = sum(1 / (1 + rate) ** t for t in range(4))
    assert metrics["pv_costs"] == pytest.approx(65000 * discount)
    assert metrics["pv_benefits"] == pytest.approx(3 * 16429 * discount)
    assert metrics["sroi_ratio"] == pytest.approx(3 * 16429 / 65000)


def test_residents_who_benefit_are_added_as_a_party():
    case = rough_case("Buurt", 2027, 2, 1000, "Minder eenzaam", 10, 600)
    assert case["stakeholders"] == [{"id": "bewoners", "name": "Bewoners", "kind": "residents"}]
    assert case["outcomes"][0]["beneficiaries"] == {"bewoners": 1.0}
    scenario_from_dict(case)  # valid: no funders is a plan that does not close yet
