"""Batches, sweeps, comparisons and programme packages (businesscase.batch).

Every figure of a batch or a sweep must equal ``evaluate`` of the same scenario, one by one, to
1e-9; the sweep is also checked against a hand-worked scenario in which the SROI ratio is linear
in the proxy.
"""

from __future__ import annotations

import copy
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import scenarios as scenario_dicts

from businesscase import ScenarioError, evaluate, examples
from businesscase.batch import (
    BETTER,
    FIGURES,
    assumption_differences,
    best_per_figure,
    combine,
    compare,
    evaluate_many,
    programme_comparison,
    structure_key,
    sweep,
)
from businesscase.distributions import base_value
from businesscase.overflow import TooLargeToComputeError
from businesscase.parameters import numeric_inputs
from businesscase.sampling import field_range
from businesscase.scenario import scenario_from_dict, scenario_to_dict

RELATIVE = 1e-9


def same(actual: object, expected: object, scale: float = 1.0) -> bool:
    """A table value equals a metric of ``evaluate``: None as NaN/NA, numbers to 1e-9."""
    if expected is None:
        return actual is None or bool(pd.isna(actual))
    if isinstance(expected, bool):
        return bool(actual) is expected
    return math.isclose(float(actual), expected, rel_tol=RELATIVE, abs_tol=1e-9 + 1e-12 * scale)


def assert_row_is_evaluate(row: pd.Series | dict, scenario) -> None:
    metrics = evaluate(scenario).metrics
    scale = max(abs(metrics[k] or 0.0) for k in ("pv_costs", "pv_benefits", "pv_financing"))
    wrong = [
        f"{name}: table {row[name]!r} != evaluate {metrics[name]!r}"
        for name in FIGURES
        if not same(row[name], metrics[name], scale)
    ]
    assert not wrong, wrong


def with_changes(scenario, changes: dict[str, object]):
    """The scenario with some fields changed, through its TOML data (validated again)."""
    data = scenario_to_dict(scenario)
    for path, value in changes.items():
        head, field = path.rsplit(".", 1)
        if "[" in head:
            section, index = head.rstrip("]").split("[")
            data[section][int(index)][field] = value
        else:
            data[head][field] = value
    return scenario_from_dict(data)


@pytest.fixture(scope="module")
def shipped():
    return {name: examples.load_example(name) for name in examples.list_examples()}


def small(proxy: float = 1_000.0, **outcome) -> dict:
    """One year, one cost of 1,000, 10 outcomes a year at ``proxy`` with 20% deadweight."""
    return {
        "scenario": {"name": "small", "start_year": 2026, "horizon_years": 1},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "c", "amount": 1_000.0}],
        "outcomes": [
            {
                "name": "o",
                "quantity": 10.0,
                "proxy": proxy,
                "value_type": "fiscal",
                "deadweight": 0.2,
                "beneficiaries": {"gemeente": 1.0},
            }
            | outcome
        ],
    }


# --- evaluate_many ---------------------------------------------------------------------------


def test_evaluate_many_of_the_examples_is_evaluate_one_by_one(shipped):
    table = evaluate_many(shipped)
    assert list(table.columns) == ["scenario", *FIGURES, "error"]
    assert table["error"].isna().all()
    assert table["scenario"].tolist() == list(shipped)
    for (_, row), scenario in zip(table.iterrows(), shipped.values(), strict=True):
        assert_row_is_evaluate(row, scenario)


def test_scenarios_of_one_structure_are_evaluated_together_and_equal_evaluate(shipped):
    base = shipped["west_practice"]
    variants = {
        f"v{i}": with_changes(
            base,
            {
                "outcomes[0].proxy": 8_000.0 + 1_000 * i,
                "costs[0].amount": 50_000.0 * (i + 1),
                "scenario.discount_rate": 0.01 * i,
                "sib.capital": 1_000_000.0 + 50_000 * i,
            },
        )
        for i in range(6)
    }
    variants["other"] = shipped["nabuurschap"]
    assert len({structure_key(s) for s in variants.values()}) == 2
    sizes = []
    table = evaluate_many(variants, chunk_size=4, progress=lambda done, total: sizes.append(done))
    assert sizes[-1] == len(variants) and sorted(sizes) == sizes
    assert len(sizes) == 3  # the six variants in chunks of 4 and 2, nabuurschap alone
    for (_, row), scenario in zip(table.iterrows(), variants.values(), strict=True):
        assert_row_is_evaluate(row, scenario)


def test_an_iterable_is_labelled_by_scenario_name_and_types_are_tidy(shipped):
    table = evaluate_many([shipped["nabuurschap"], shipped["west_practice"]])
    assert table["scenario"].tolist() == [
        shipped["nabuurschap"].settings.name,
        shipped["west_practice"].settings.name,
    ]
    assert str(table["closes"].dtype) == "boolean"
    assert str(table["payback_year"].dtype) == "Int64"
    assert table["sroi_ratio"].dtype == float
    assert evaluate_many([]).shape == (0, 2 + len(FIGURES))


def test_structure_ignores_numbers_and_texts_but_not_durations(shipped):
    base = shipped["nabuurschap"]
    assert structure_key(base) == structure_key(
        with_changes(base, {"costs[0].amount": 1.0, "scenario.name": "x"})
    )
    assert structure_key(base) != structure_key(with_changes(base, {"costs[0].duration": 2}))
    assert structure_key(base) != structure_key(with_changes(base, {"scenario.horizon_years": 9}))


# --- sweep -----------------------------------------------------------------------------------


def test_sweep_hand_worked_sroi_is_linear_in_the_proxy():
    # benefits = 10 outcomes x proxy x (1 - 0.2) = 8 x proxy in year 0 (undiscounted), costs
    # 1,000: sroi_ratio = 8 x proxy / 1,000 and npv_social = 8 x proxy - 1,000.
    scenario = scenario_from_dict(small())
    table = sweep(scenario, {"outcomes[0].proxy": [0.0, 125.0, 1_000.0, 1_500.0]})
    assert table["outcomes[0].proxy"].tolist() == [0.0, 125.0, 1_000.0, 1_500.0]
    assert table["sroi_ratio"].tolist() == pytest.approx([0.0, 1.0, 8.0, 12.0], rel=1e-12)
    assert table["npv_social"].tolist() == pytest.approx([-1_000.0, 0.0, 7_000.0, 11_000.0])


def test_sweep_grid_is_the_product_with_the_first_path_slowest():
    scenario = scenario_from_dict(small())
    table = sweep(
        scenario, {"outcomes[0].deadweight": [0.0, 0.5], "outcomes[0].quantity": [1, 2, 3]}
    )
    assert table[["outcomes[0].deadweight", "outcomes[0].quantity"]].values.tolist() == [
        [0.0, 1.0],
        [0.0, 2.0],
        [0.0, 3.0],
        [0.5, 1.0],
        [0.5, 2.0],
        [0.5, 3.0],
    ]
    # pv_benefits = quantity x 1,000 x (1 - deadweight)
    assert table["pv_benefits"].tolist() == pytest.approx([1e3, 2e3, 3e3, 500, 1e3, 1500])


def test_sweep_equals_evaluate_of_every_variant_in_chunks(shipped):
    scenario = shipped["west_practice"]
    grid = {
        "outcomes[0].proxy": [10_000.0, 15_000.0, 20_000.0],
        "scenario.discount_rate": [0.0, 0.0225, 0.04],
        "sib.cap": [500_000.0, 2_000_000.0],
    }
    table = sweep(scenario, grid, chunk_size=5)
    assert len(table) == 18
    for _, row in table.iterrows():
        variant = with_changes(scenario, {path: row[path] for path in grid})
        assert_row_is_evaluate(row, variant)


def test_sweep_over_structure_evaluates_each_variant(shipped):
    scenario = shipped["nabuurschap"]
    grid = {"funding[0].duration": [1, 3, 10], "outcomes[0].proxy": [300.0, 900.0]}
    table = sweep(scenario, grid)
    assert table["funding[0].duration"].tolist() == [1, 1, 3, 3, 10, 10]
    for _, row in table.iterrows():
        assert_row_is_evaluate(row, with_changes(scenario, {path: row[path] for path in grid}))


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        ({"outcomes[0].deadweight": [0.1, 1.4]}, r"outcomes\[0\]\.deadweight = 1\.4: must be"),
        ({"outcomes[0].proxy": [-1.0]}, r"outcomes\[0\]\.proxy = -1\.0: must be >= 0"),
        ({"outcomes[0].proxy": ["10"]}, r"outcomes\[0\]\.proxy = \"10\": must be a number"),
        ({"outcomes[0].proxy": [float("nan")]}, r"outcomes\[0\]\.proxy = nan: must be a finite"),
        ({"outcomes[9].proxy": [1.0]}, r"outcomes\[9\]\.proxy: there are 1 outcomes lines"),
        ({"outcomes.proxy": [1.0]}, r"outcomes\.proxy: name a line: outcomes\[0 \.\. 0\]"),
        ({"sib.price": [1.0]}, r"sib\.price: the scenario has no \[sib\]"),
        ({"outcomes[0].proxie": [1.0]}, r"outcomes\[0\]\.proxie.*did you mean proxy"),
        ({"costs[0].duration": [2.5]}, r"costs\[0\]\.duration = 2\.5"),
        ({"proxy": [1.0]}, r"proxy: is not a field path"),
        ({"outcomes[0].proxy": []}, r"outcomes\[0\]\.proxy: no values given"),
    ],
)
def test_a_bad_sweep_names_the_path_the_value_and_the_rule(grid, message):
    with pytest.raises(ScenarioError, match=message):
        sweep(scenario_from_dict(small()), grid)


@settings(max_examples=20)
@given(
    data=scenario_dicts(),
    pick=st.integers(0, 10**6),
    factors=st.lists(st.floats(0.0, 2.0, allow_nan=False), min_size=1, max_size=4),
)
def test_sweeping_a_field_equals_evaluate_of_each_variant(data, pick, factors):
    scenario = scenario_from_dict(data)
    inputs = numeric_inputs(scenario)
    path = sorted(inputs)[pick % len(inputs)]
    low, high = field_range(path)
    if path.endswith(("growth", "discount_rate")):
        values = [min(max(-0.5 + factor / 2, low), high) for factor in factors]
    else:
        values = [min(base_value(inputs[path]) * factor, high) for factor in factors]
    try:
        variants = [with_changes(scenario, {path: value}) for value in values]
    except ScenarioError as error:  # e.g. a loan's growth: the field may not be written
        with pytest.raises(ScenarioError, match=re.escape(error.problems[0].rule_text())):
            sweep(scenario, {path: values})
        return
    table = sweep(scenario, {path: values})
    assert table[path].tolist() == values
    for (_, row), variant in zip(table.iterrows(), variants, strict=True):
        try:
            evaluate(variant)
        except TooLargeToComputeError as refused:  # e.g. a capital of 1e-300: a huge multiple
            assert row["error"].endswith(refused.problems[0].render("").removeprefix(": "))
            continue
        assert_row_is_evaluate(row, variant)


# --- compare ---------------------------------------------------------------------------------


def test_compare_shows_evaluate_s_metrics_side_by_side(shipped):
    chosen = {name: shipped[name] for name in ("nabuurschap", "west_practice", "driehoeksplein")}
    table = compare(chosen)
    assert list(table.index) == list(FIGURES)
    assert list(table.columns) == list(chosen)
    for name, scenario in chosen.items():
        metrics = evaluate(scenario).metrics
        for figure in FIGURES:
            value, expected = table.loc[figure, name], metrics[figure]
            assert type(value) is type(expected), (name, figure)
            assert same(value, expected, 1e7), (name, figure, value, expected)


def test_compare_refuses_two_scenarios_with_one_label(shipped):
    with pytest.raises(ValueError, match="given more than once"):
        compare([shipped["nabuurschap"], shipped["nabuurschap"]])


def test_best_per_figure_follows_the_direction_skips_nulls_and_marks_every_tie():
    table = pd.DataFrame(
        {
            "A": [100.0, 1.2, None, True, 0.4, 7, 5.0],
            "B": [0.0, 1.5, 3.0, False, 0.4, 5, 5.0],
            "C": [50.0, None, None, True, 0.9, None, 9.0],
        },
        index=[
            "funding_gap",
            "sroi_ratio",
            "social_irr",
            "closes",
            "subsidy_dependence",
            "payback_year",
            "pv_costs",
        ],
        dtype=object,
    )
    best = best_per_figure(table)
    assert best.to_dict() == {
        "funding_gap": ("B",),  # lower is better
        "sroi_ratio": ("B",),  # higher; C's null skipped
        "social_irr": (),  # one value: nothing to compare
        "closes": ("A", "C"),  # A and C both close: both best
        "subsidy_dependence": ("A", "B"),  # a tie at the lowest: both marked
        "payback_year": ("B",),  # sooner
        "pv_costs": (),  # size, no direction
    }


def test_a_tie_for_the_best_sroi_marks_both():
    """The best SROI 1,95 went unmarked: it was shared, and a tie returned None."""
    table = pd.DataFrame({"A": [1.95], "B": [1.95], "C": [1.2]}, index=["sroi_ratio"])
    assert best_per_figure(table)["sroi_ratio"] == ("A", "B")
    same = pd.DataFrame({"A": [1.95], "B": [1.95]}, index=["sroi_ratio"])
    assert best_per_figure(same)["sroi_ratio"] == ("A", "B")  # all equal: all best


def test_better_directions_name_real_figures():
    assert set(BETTER) <= set(FIGURES)
    assert set(BETTER.values()) == {"higher", "lower"}
    assert BETTER["funding_gap"] == "lower" and BETTER["sroi_ratio"] == "higher"
    assert BETTER["subsidy_dependence"] == "lower"


def differences(table) -> dict:
    """An assumption_differences table as {(section, line, field): [values...]}."""
    labels = [column for column in table.columns if column not in ("section", "line", "field")]
    return {
        (row["section"], row["line"], row["field"]): [row[label] for label in labels]
        for row in table.to_dict(orient="records")
    }


def test_assumption_differences_lists_differing_fields_only(shipped):
    base = shipped["nabuurschap"]
    data = scenario_to_dict(base)
    data["outcomes"][0]["proxy"] = 700.0
    data["costs"].append({"name": "extra", "amount": 1.0})
    changed = scenario_from_dict(data)
    table = assumption_differences({"base": base, "changed": changed})
    assert list(table.columns) == ["section", "line", "field", "base", "changed"]
    found = differences(table)
    outcome = base.outcomes[0].name
    assert found["outcomes", outcome, "proxy"] == ["triangular(300, 600, 1200)", 700.0]
    # an added line is one row, not one per field
    assert found["costs", "extra", ""] == [False, True]
    assert [key for key in found if key[1] == "extra"] == [("costs", "extra", "")]
    assert ("outcomes", outcome, "deadweight") not in found
    assert assumption_differences({"a": base, "b": base}).empty


def test_assumption_differences_match_lines_by_identity_not_position(shipped):
    """Compare paired stakeholders by row position (``stakeholders[1].id`` set *bewoners*
    against *woonstad*) and every added funding line added eight rows."""
    base = shipped["nabuurschap"]
    data = scenario_to_dict(base)
    data["stakeholders"].insert(1, {"id": "havensteder", "name": "Havensteder", "kind": "housing"})
    data["funding"].insert(
        0,
        {
            "name": "Bijdrage Havensteder",
            "funder": "havensteder",
            "kind": "contribution",
            "amount": 5,
        },
    )
    table = assumption_differences({"base": base, "more": scenario_from_dict(data)})
    assert differences(table) == {
        ("stakeholders", "havensteder", ""): [False, True],
        ("funding", "Bijdrage Havensteder", ""): [False, True],
    }


def test_assumption_differences_splits_beneficiary_shares():
    data = small()
    data["stakeholders"].append({"id": "bewoners", "name": "Bewoners", "kind": "residents"})
    data["outcomes"][0]["beneficiaries"] = {"gemeente": 0.5, "bewoners": 0.5}
    other = copy.deepcopy(data)
    other["outcomes"][0]["beneficiaries"] = {"gemeente": 1.0, "bewoners": 0.0}
    table = assumption_differences({"a": scenario_from_dict(data), "b": scenario_from_dict(other)})
    line = data["outcomes"][0]["name"]
    assert differences(table) == {
        ("outcomes", line, "beneficiaries.gemeente"): [0.5, 1.0],
        ("outcomes", line, "beneficiaries.bewoners"): [0.5, 0.0],
    }


# --- programme packages ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def projects():
    return {label: examples.load_example(stem) for stem, label in examples.PROJECTS.items()}


def test_combine_of_the_four_projects_is_the_shipped_programme(projects):
    settings = examples.PROGRAMME_SETTINGS
    programme = combine(
        projects, settings["name"], area=settings["area"], description=settings["description"]
    )
    assert programme == examples.load_botu()


def test_a_horizon_mismatch_is_an_error_unless_one_is_chosen(projects):
    parts = dict(projects)
    parts["Nabuurschap"] = with_changes(parts["Nabuurschap"], {"scenario.horizon_years": 12})
    with pytest.raises(
        ScenarioError, match=r"package: scenario\.horizon_years: the projects disagree: .*--horizon"
    ):
        combine(parts, "package")
    programme = combine(parts, "package", horizon_years=12)
    assert programme.settings.horizon_years == 12
    with pytest.raises(ScenarioError, match=r"start = 11: .*horizon"):
        shortened = dict(projects)
        shortened["late"] = with_changes(
            projects["Nabuurschap"], {"scenario.horizon_years": 12, "costs[0].start": 11}
        )
        combine(shortened, "package", horizon_years=10)


def test_a_discount_rate_mismatch_is_an_error_unless_one_is_chosen(projects):
    parts = dict(projects)
    parts["Nabuurschap"] = with_changes(parts["Nabuurschap"], {"scenario.discount_rate": 0.04})
    with pytest.raises(
        ScenarioError, match=r"scenario\.discount_rate: the projects disagree: .*Nabuurschap 0\.04"
    ):
        combine(parts, "package")
    programme = combine(parts, "package", discount_rate=0.03)
    assert programme.settings.discount_rate == 0.03


def test_programme_comparison_shows_who_carries_whom(projects):
    table = programme_comparison(projects, "BoTu")
    assert list(table.index) == [*projects, "BoTu"]
    assert table["kind"].tolist() == ["project"] * 4 + ["programme"]
    programme = evaluate(examples.load_botu()).metrics
    for figure in ("sroi_ratio", "npv_social", "funding_gap", "min_cash_balance"):
        assert table.loc["BoTu", figure] == pytest.approx(programme[figure], rel=RELATIVE)
    alone = evaluate(projects["Nabuurschap"]).metrics
    # each project's money is earmarked: nobody in the package may carry nabuurschap's cliff,
    # which needs its whole gap from the pool
    assert not table.loc["Nabuurschap", "closes"]
    assert table.loc["BoTu", "funding_gap"] > table.loc["Nabuurschap", "funding_gap"]
    assert table.loc["Nabuurschap", "funding_gap"] == pytest.approx(alone["funding_gap"])
    assert table.loc["Nabuurschap", "pool_needed"] == pytest.approx(alone["funding_gap"])
    assert table.loc["Nabuurschap", "surplus"] == 0.0
    surplus = table["min_cash_balance"].clip(lower=0.0)
    assert table["surplus"].tolist() == surplus.tolist()
    # social NPV adds up: the package is the sum of its projects
    assert table.loc["BoTu", "npv_social"] == pytest.approx(
        table.loc[list(projects), "npv_social"].sum(), rel=1e-12
    )


def test_compare_takes_the_package_as_one_more_column(projects):
    package = combine(projects, "BoTu")
    table = compare(projects | {"BoTu": package})
    assert table.loc["closes"].tolist() == [
        evaluate(s).metrics["closes"] for s in [*projects.values(), package]
    ]


def test_combine_does_not_touch_its_inputs(projects):
    before = copy.deepcopy({label: scenario_to_dict(s) for label, s in projects.items()})
    combine(projects, "x")
    assert {label: scenario_to_dict(s) for label, s in projects.items()} == before


def test_sweep_of_many_variations_matches_a_few_checked_ones(shipped):
    scenario = shipped["nabuurschap"]
    values = np.linspace(0.0, 2_000.0, 301)
    table = sweep(scenario, {"outcomes[0].proxy": values}, chunk_size=100)
    for index in (0, 150, 300):
        row = table.iloc[index]
        assert_row_is_evaluate(row, with_changes(scenario, {"outcomes[0].proxy": values[index]}))
