"""Inputs that move together: ``[[correlations]]`` and Iman and Conover's rank correlation
(docs/uncertainty.md, docs/scenario-format.md)."""

import math

import numpy as np
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import combine, evaluate, examples, export, sampling
from businesscase.batch import assumption_differences
from businesscase.distributions import Lognormal, Normal, Triangular
from businesscase.sampling import (
    blocks,
    is_valid_correlation,
    rank_correlate,
    rank_correlations,
    sample_inputs,
    score_correlation,
    van_der_waerden,
)
from businesscase.scenario import (
    ScenarioError,
    dump_scenario,
    load_scenario,
    parse_scenario,
    save_scenario,
)
from businesscase.uncertainty import risks_in_draws, simulate

DRAWS = 20_000

QUANTITY = {"dist": "triangular", "low": 20, "mode": 30, "high": 50}

SCENARIO = """
[scenario]
name = "Samen bewegen"
start_year = 2027
horizon_years = 3
discount_rate = 0

[[stakeholders]]
id = "gemeente"
name = "Gemeente"
kind = "public"

[[costs]]
name = "Coaching"
amount = 5000
duration = 3

[[outcomes]]
name = "Minder eenzaamheid"
quantity = { dist = "triangular", low = 20, mode = 30, high = 50 }
proxy = 100
value_type = "social"
beneficiaries = { gemeente = 1.0 }
duration = 3

[[outcomes]]
name = "Meer meedoen"
quantity = { dist = "pert", low = 10, mode = 25, high = 40 }
proxy = { dist = "lognormal", mean = 80, sd = 30 }
deadweight = 0.2
value_type = "social"
beneficiaries = { gemeente = 1.0 }
duration = 3

[[funding]]
name = "Budget"
funder = "gemeente"
kind = "budget"
amount = 5000
duration = 3
"""

GROUP = """
[[correlations]]
inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]
rho = 0.8
"""


def spearman(first: np.ndarray, second: np.ndarray) -> float:
    """Rank correlation: the correlation of the ranks (no ties in continuous samples)."""
    return float(np.corrcoef(np.argsort(np.argsort(first)), np.argsort(np.argsort(second)))[0, 1])


def spearman_error(rho: float, draws: int) -> float:
    """Five standard errors of a sample rank correlation, about (1 - rho^2) / sqrt(n - 1)."""
    return 5 * (1 - rho**2) / math.sqrt(draws - 1) + 5e-3


def triangular_cdf(low: float, mode: float, high: float, x: np.ndarray) -> np.ndarray:
    """The distribution function of a triangular distribution (closed form)."""
    rising = (x - low) ** 2 / ((high - low) * (mode - low))
    falling = 1 - (high - x) ** 2 / ((high - low) * (high - mode))
    return np.where(x <= mode, rising, falling)


# --- Iman-Conover ----------------------------------------------------------------------------

INPUTS = {
    "outcomes[0].quantity": Triangular(dist="triangular", low=20, mode=30, high=50),
    "outcomes[1].proxy": Lognormal(dist="lognormal", mean=80, sd=30),
    "costs[0].growth": Normal(dist="normal", mean=0.02, sd=0.01),
}


@pytest.mark.parametrize("rho", [0.8, 0.3, -0.5])
def test_the_samples_reach_the_rank_correlation_and_keep_their_values(rho):
    samples, _ = sample_inputs(INPUTS, DRAWS, 7)
    paths, rank = rank_correlations([(["outcomes[0].quantity", "outcomes[1].proxy"], rho)])
    reordered = rank_correlate(samples, paths, rank, 7)
    first, second = reordered["outcomes[0].quantity"], reordered["outcomes[1].proxy"]
    assert abs(spearman(first, second) - rho) <= spearman_error(rho, DRAWS)
    for path in INPUTS:  # the same values, reordered; the input outside the group untouched
        assert np.array_equal(np.sort(reordered[path]), np.sort(samples[path]))
    assert reordered["costs[0].growth"] is samples["costs[0].growth"]
    # the marginal is still the triangular: Kolmogorov-Smirnov at the 1% level
    ordered = np.sort(first)
    cdf = triangular_cdf(20, 30, 50, ordered)
    above = np.arange(1, DRAWS + 1) / DRAWS - cdf
    below = cdf - np.arange(DRAWS) / DRAWS
    assert max(above.max(), below.max()) < 1.63 / math.sqrt(DRAWS)


def test_three_inputs_in_two_groups_reach_every_pair_and_zero_elsewhere():
    groups = [
        (["outcomes[0].quantity", "outcomes[1].proxy"], 0.6),
        (["outcomes[1].proxy", "costs[0].growth"], -0.4),
    ]
    paths, rank = rank_correlations(groups)
    assert paths == ["costs[0].growth", "outcomes[0].quantity", "outcomes[1].proxy"]
    assert rank.tolist() == [[1.0, 0.0, -0.4], [0.0, 1.0, 0.6], [-0.4, 0.6, 1.0]]
    samples, _ = sample_inputs(INPUTS, DRAWS, 3)
    reordered = rank_correlate(samples, paths, rank, 3)
    for i, j in ((0, 1), (0, 2), (1, 2)):
        achieved = spearman(reordered[paths[i]], reordered[paths[j]])
        assert abs(achieved - rank[i, j]) <= spearman_error(rank[i, j], DRAWS), (i, j)


def test_the_score_target_is_the_rank_correlation_of_normals():
    # two normals with correlation r have rank correlation (6 / pi) asin(r / 2)
    for rho in (-0.9, -0.3, 0.0, 0.5, 0.95):
        r = score_correlation(np.array(rho))
        assert 6 / math.pi * math.asin(r / 2) == pytest.approx(rho, abs=1e-12)
    assert score_correlation(np.array(0.5)) == pytest.approx(2 * math.sin(math.pi / 12))


def test_the_van_der_waerden_scores_are_normal_quantiles_of_i_over_d_plus_1():
    # three draws: Phi^-1(1/4), Phi^-1(2/4), Phi^-1(3/4) = -0.6745, 0, 0.6745
    assert van_der_waerden(3) == pytest.approx([-0.6744897501960817, 0.0, 0.6744897501960817])
    assert van_der_waerden(3) is van_der_waerden(3)  # kept: every full block has the same
    assert not van_der_waerden(3).flags.writeable


@pytest.mark.parametrize("shape", [(8192, 30), (10, 3), (40, 200)])
def test_the_scores_correlation_is_numpys_from_products_on_one_thread(shape):
    columns = np.random.default_rng(1).standard_normal(shape)
    expected = np.corrcoef(columns, rowvar=False)
    assert np.allclose(sampling._correlation(columns), expected, rtol=0, atol=1e-12)


def test_too_few_draws_leave_the_samples_as_drawn():
    samples, _ = sample_inputs(INPUTS, 3, 1)
    paths, rank = rank_correlations([(list(INPUTS), 0.5)])
    left = rank_correlate(samples, paths, rank, 1)
    assert all(np.array_equal(left[path], samples[path]) for path in INPUTS)


@settings(max_examples=30, deadline=None)
@given(
    rho=st.floats(-0.95, 0.95),
    draws=st.integers(5, 400),
    seed=st.integers(0, 2**32),
)
def test_marginals_are_kept_exactly_whatever_the_rho_and_draws(rho, draws, seed):
    samples, _ = sample_inputs(INPUTS, draws, seed)
    paths, rank = rank_correlations([(list(INPUTS), rho / 2)])
    reordered = rank_correlate(samples, paths, rank, seed)
    for path in INPUTS:
        assert np.array_equal(np.sort(reordered[path]), np.sort(samples[path]))
    again = rank_correlate(samples, paths, rank, seed)  # the seed fixes the order
    assert all(np.array_equal(again[path], reordered[path]) for path in INPUTS)


def test_a_valid_correlation_matrix_is_positive_definite():
    assert is_valid_correlation(np.array([[1.0, 0.9], [0.9, 1.0]]))
    # a with b and b with c closely, but a against c: impossible together
    impossible = np.array([[1.0, 0.9, -0.9], [0.9, 1.0, 0.9], [-0.9, 0.9, 1.0]])
    assert not is_valid_correlation(impossible)


# --- in the Monte Carlo ----------------------------------------------------------------------


def test_simulate_correlates_the_group_and_keeps_every_draw_of_the_independent_run():
    correlated = simulate(parse_scenario(SCENARIO + GROUP), DRAWS, seed=12)
    independent = simulate(parse_scenario(SCENARIO), DRAWS, seed=12)
    first = correlated.draws["outcomes[0].quantity"]
    second = correlated.draws["outcomes[1].quantity"]
    assert abs(spearman(first, second) - 0.8) <= spearman_error(0.8, DRAWS)
    unrelated = independent.draws
    assert abs(spearman(unrelated["outcomes[0].quantity"], unrelated["outcomes[1].quantity"])) < (
        spearman_error(0.0, DRAWS)
    )
    for path in ("outcomes[0].quantity", "outcomes[1].quantity", "outcomes[1].proxy"):
        assert np.array_equal(np.sort(correlated.draws[path]), np.sort(unrelated[path]))
    # reordered within each block of draws: each block reaches rho and keeps its own values
    for start, stop in blocks(DRAWS):
        achieved = spearman(first[start:stop], second[start:stop])
        assert abs(achieved - 0.8) <= spearman_error(0.8, stop - start), start
        for path in ("outcomes[0].quantity", "outcomes[1].quantity"):
            block = correlated.draws[path][start:stop]
            assert np.array_equal(np.sort(block), np.sort(unrelated[path][start:stop]))
    assert correlated.draws["outcomes[1].proxy"].equals(unrelated["outcomes[1].proxy"])
    # moving together widens the spread of the total benefit; the mean stays, within the
    # sampling error of the two means (outcomes[1]'s quantity meets other draws of its proxy)
    spread = {
        name: result.summary.loc["pv_benefits", "p95"] - result.summary.loc["pv_benefits", "p5"]
        for name, result in (("together", correlated), ("apart", independent))
    }
    assert spread["together"] > spread["apart"]
    means = [result.draws["pv_benefits"].mean() for result in (correlated, independent)]
    error = 5 * math.sqrt(2) * independent.draws["pv_benefits"].std() / math.sqrt(DRAWS)
    assert abs(means[0] - means[1]) < error
    assert risks_in_draws(parse_scenario(SCENARIO + GROUP)) == {
        "distributions": 3,
        "correlations": 1,
    }


def test_correlated_draws_do_not_depend_on_the_chunk_size():
    scenario = parse_scenario(SCENARIO + GROUP)
    whole = simulate(scenario, 500, seed=4, chunk_size=500)
    assert simulate(scenario, 500, seed=4, chunk_size=7).draws.equals(whole.draws)


# --- bad input -------------------------------------------------------------------------------


def problems(group: str) -> list[str]:
    """The error lines of the scenario with ``group`` added."""
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(SCENARIO + group, source="samen.toml")
    return caught.value.lines("en")


@pytest.mark.parametrize(
    ("group", "line"),
    [
        (
            'inputs = ["outcomes[0].quantity", "outcomes[1].quantiy"]\nrho = 0.5',
            'samen.toml: correlations[0].inputs[1] = "outcomes[1].quantiy": names no numeric '
            "input of this scenario (did you mean outcomes[1].quantity, outcomes[0].quantity or "
            "outcomes[1].duration?); write a field path "
            "such as outcomes[0].quantity",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[0].proxy"]\nrho = 0.5',
            'samen.toml: correlations[0].inputs[1] = "outcomes[0].proxy": is a fixed number: '
            "only inputs written as a distribution can move together",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[0].quantity"]\nrho = 0.5',
            'samen.toml: correlations[0].inputs[1] = "outcomes[0].quantity": this input is '
            "already in the group",
        ),
        (
            'inputs = ["outcomes[0].quantity"]\nrho = 0.5',
            'samen.toml: correlations[0].inputs = ["outcomes[0].quantity"]: a group needs two '
            "or more inputs to correlate",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]\nrho = 1',
            "samen.toml: correlations[0].rho = 1: rho must lie strictly between -1 and 1: "
            "-1 < rho < 1",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]\nrho = -1.5',
            "samen.toml: correlations[0].rho = -1.5: rho must lie strictly between -1 and 1: "
            "-1 < rho < 1",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]\n'
            'rho = { dist = "uniform", low = 0, high = 1 }',
            "must be a plain number, not a distribution",
        ),
        (
            'inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]',
            "samen.toml: correlations[0].rho: is required",
        ),
    ],
)
def test_a_bad_group_names_the_field_the_value_and_the_rule(group, line):
    found = problems("\n[[correlations]]\n" + group + "\n")
    assert len(found) == 1
    assert line in found[0]


def test_a_pair_in_two_groups_and_an_impossible_set_of_groups_are_refused():
    twice = GROUP + GROUP.replace("0.8", "0.5")
    assert problems(twice) == [
        'samen.toml: correlations[1].inputs = ["outcomes[0].quantity", "outcomes[1].quantity"]: '
        "outcomes[0].quantity and outcomes[1].quantity are already correlated in "
        "correlations[0]; a pair may be in one group only"
    ]
    paths = ("outcomes[0].quantity", "outcomes[1].quantity", "outcomes[1].proxy")
    groups = "".join(
        f'\n[[correlations]]\ninputs = ["{a}", "{b}"]\nrho = {rho}\n'
        for a, b, rho in (
            (paths[0], paths[1], 0.9),
            (paths[1], paths[2], 0.9),
            (paths[0], paths[2], -0.9),
        )
    )
    (line,) = problems(groups)
    assert line.startswith(
        "samen.toml: correlations: the groups together give no valid correlation matrix"
    )
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(SCENARIO + groups, source="samen.toml")
    assert "geen geldige correlatiematrix" in caught.value.lines("nl")[0]


# --- the file --------------------------------------------------------------------------------


def test_a_scenario_with_correlations_survives_save_and_load(tmp_path):
    scenario = parse_scenario(SCENARIO + GROUP)
    path = tmp_path / "samen.toml"
    save_scenario(scenario, path)
    again = load_scenario(path)
    assert again == scenario
    assert again.correlations[0].inputs == ["outcomes[0].quantity", "outcomes[1].quantity"]
    assert again.correlations[0].rho == 0.8
    text = dump_scenario(again)
    assert '[[correlations]]\ninputs = ["outcomes[0].quantity", "outcomes[1].quantity"]' in text
    assert dump_scenario(parse_scenario(text)) == text
    assert "correlations" not in dump_scenario(parse_scenario(SCENARIO))


def test_the_exports_list_the_correlations(tmp_path):
    scenario = parse_scenario(SCENARIO + GROUP)
    path = tmp_path / "samen.xlsx"
    export.write_workbook(scenario, path, result=evaluate(scenario), lang="nl")
    sheet = openpyxl.load_workbook(path)["Correlaties"]
    assert list(sheet.iter_rows(values_only=True)) == [
        ("invoer (veldpaden)", "rangcorrelatie (rho)"),
        ("outcomes[0].quantity, outcomes[1].quantity", 0.8),
    ]
    report = export.html_report(scenario, lang="en")
    assert "inputs (field paths): outcomes[0].quantity, outcomes[1].quantity; " in report
    assert "rank correlation (rho): 0.80" in report


def test_combining_projects_keeps_their_correlations_with_the_lines_renumbered():
    # the second project's outcomes come after the first's two: outcomes[2] and outcomes[3]
    first = parse_scenario(SCENARIO + GROUP)
    second = parse_scenario(SCENARIO.replace("Samen bewegen", "Ook samen") + GROUP)
    programme = combine({"Eerste": first, "Tweede": second}, "Pakket")
    assert [(group.inputs, group.rho) for group in programme.correlations] == [
        (["outcomes[0].quantity", "outcomes[1].quantity"], 0.8),
        (["outcomes[2].quantity", "outcomes[3].quantity"], 0.8),
    ]
    assert programme.outcomes[2].name == "Tweede: Minder eenzaamheid"
    drawn = simulate(programme, 4000, seed=2).draws
    assert abs(spearman(drawn["outcomes[2].quantity"], drawn["outcomes[3].quantity"]) - 0.8) <= (
        spearman_error(0.8, 4000)
    )


def test_a_contracts_path_follows_its_place_among_the_programmes_contracts():
    parts = {
        "A": {"outcomes": [{}, {}], "sib": {"name": "a"}},
        "B": {"outcomes": [{}], "sib": [{"name": "b0"}, {"name": "b1"}]},
    }
    assert examples._renumbered("sib.metrics[0].price", "A", parts, 3) == "sib[0].metrics[0].price"
    assert examples._renumbered("sib[1].cap", "B", parts, 3) == "sib[2].cap"
    assert examples._renumbered("sib.price", "A", {"A": parts["A"]}, 1) == "sib.price"
    assert examples._renumbered("outcomes[0].proxy", "B", parts, 3) == "outcomes[2].proxy"
    assert examples._renumbered("scenario.inflation", "B", parts, 3) == "scenario.inflation"


def test_compare_matches_a_group_by_its_inputs_and_shows_a_changed_rho():
    base = parse_scenario(SCENARIO + GROUP)
    changed = parse_scenario(SCENARIO + GROUP.replace("0.8", "0.3"))
    table = assumption_differences({"base": base, "changed": changed})
    rows = table.to_dict(orient="records")
    assert rows == [
        {
            "section": "correlations",
            "line": "outcomes[0].quantity, outcomes[1].quantity",
            "field": "rho",
            "base": 0.8,
            "changed": 0.3,
        }
    ]
    added = assumption_differences({"apart": parse_scenario(SCENARIO), "together": base})
    assert (
        added.to_dict(orient="records")[0]["line"] == "outcomes[0].quantity, outcomes[1].quantity"
    )


def test_two_starts_that_slip_together():
    # the coaching and the outcome start in year 0, 1 or 2, and slip together (rho 0.9)
    slipping = '{ dist = "uniform", low = 0, high = 2.49 }'
    text = SCENARIO.replace("duration = 3\n", f"duration = 3\nstart = {slipping}\n", 2)
    group = '\n[[correlations]]\ninputs = ["costs[0].start", "outcomes[0].start"]\nrho = 0.9\n'
    paths = ["costs[0].start", "outcomes[0].start"]
    together = simulate(parse_scenario(text + group), 4000, seed=3).draws[paths]
    apart = simulate(parse_scenario(text), 4000, seed=3).draws[paths]
    # whole years (the draws are rounded), so the achieved correlation is below 0.9; apart,
    # none within sampling error
    assert together.corr().iloc[0, 1] > 0.75
    assert abs(apart.corr().iloc[0, 1]) < 5 / math.sqrt(4000)
    assert sorted(together["costs[0].start"]) == sorted(apart["costs[0].start"])
