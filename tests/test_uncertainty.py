"""Monte Carlo, tornado and switching values (docs/uncertainty.md) on hand-worked cases."""

import json

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from businesscase import evaluate, sampling
from businesscase.examples import load_example
from businesscase.metrics import SCALAR_METRICS
from businesscase.parameters import uncertain_inputs
from businesscase.sampling import Z_95, sample_inputs
from businesscase.scenario import scenario_from_dict
from businesscase.uncertainty import (
    FAN_PERCENTILES,
    PARTITION_FROM,
    PERCENTILES,
    SAMPLE,
    _order_statistics,
    _percentiles,
    _select,
    sensitivity,
    simulate,
    switching_values,
)


def small_case(**changes):
    """One year: a cost of 800, 10 outcomes worth a proxy of 100, a budget of 1,000.

    npv_social = 10 * proxy * (1 - deadweight) - amount = 1000 - 800 = 200 at base;
    the cash balance is 1000 - amount = 200, so the plan closes.
    """
    data = {
        "scenario": {"name": "Klein", "start_year": 2027, "horizon_years": 1, "discount_rate": 0},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "costs": [{"name": "Coaching", "amount": 800}],
        "outcomes": [
            {
                "name": "Werk",
                "quantity": 10,
                "proxy": 100,
                "value_type": "fiscal",
                "beneficiaries": {"gemeente": 1.0},
            }
        ],
        "funding": [{"name": "Budget", "funder": "gemeente", "kind": "budget", "amount": 1000}],
    }
    for path, value in changes.items():
        section, field = path.split(".")
        (data[section] if section == "scenario" else data[section][0])[field] = value
    return scenario_from_dict(data)


# --- simulate ----------------------------------------------------------------------------


def test_same_seed_same_numbers_and_another_seed_other_numbers():
    scenario = load_example("nabuurschap")
    first = simulate(scenario, 500, seed=11)
    again = simulate(scenario, 500, seed=11)
    assert first.draws.equals(again.draws)
    assert first.summary.equals(again.summary)
    assert first.seed == 11
    other = simulate(scenario, 500, seed=12)
    assert not first.draws["npv_social"].equals(other.draws["npv_social"])


def test_the_sampled_inputs_are_drawn_again_from_the_seed_when_asked_for():
    # nabuurschap, 9,000 draws (two blocks): what is kept of every draw is its figures; the
    # inputs are drawn again, the same numbers, the first time one is asked for
    scenario = load_example("nabuurschap")
    result = simulate(scenario, 9000, seed=3)
    table = result.per_draw
    assert table.inputs is None
    inputs = uncertain_inputs(scenario)
    assert list(table) == [*SCALAR_METRICS, *sorted(inputs)]
    drawn, clipped = sample_inputs(inputs, 9000, 3, horizon_years=10)
    grouped = {path for group in scenario.correlations for path in group.inputs}
    for path in inputs:
        if path in grouped:  # reordered within each block, the same values
            assert np.array_equal(np.sort(table[path][:8192]), np.sort(drawn[path][:8192]))
        else:
            assert np.array_equal(table[path], drawn[path]), path
    assert result.clipped == clipped
    with pytest.raises(KeyError):
        table["outcomes[99].proxy"]


@pytest.mark.parametrize("chunk_size", [7, 64, 999])
def test_results_do_not_depend_on_the_chunk_size(chunk_size):
    scenario = load_example("botu_programma")
    whole = simulate(scenario, 300, seed=5, chunk_size=1000)
    chunked = simulate(scenario, 300, seed=5, chunk_size=chunk_size)
    assert whole.draws.equals(chunked.draws)
    assert whole.summary.equals(chunked.summary)
    assert whole.cash_balance_percentiles.equals(chunked.cash_balance_percentiles)


def test_one_draw_with_every_distribution_pinned_to_its_base_is_evaluate(monkeypatch):
    """simulate's compiled hot spots (docs/uncertainty.md, "Compiled hot spots") give
    evaluate's figures to 1e-12: the last bits of a carried growth factor may differ."""
    monkeypatch.setattr(sampling, "sample", lambda dist, draws, rng: np.full(draws, dist.base))
    # the compiled draws of a simulation: a normal of sd 0 about the base is the base exactly
    normal = sampling.DrawKind.NORMAL
    monkeypatch.setattr(sampling, "kernel_parameters", lambda d: (normal, (d.base, 0.0, 0.0, 0.0)))
    for name in ("botu_programma", "west_practice", "nabuurschap"):
        scenario = load_example(name)
        expected = evaluate(scenario).metrics
        result = simulate(scenario, 1, seed=0, events="expected")
        row = result.draws.iloc[0]
        scale = abs(expected["pv_costs"]) + abs(expected["pv_benefits"])
        for metric in SCALAR_METRICS:
            value = expected[metric]
            if value is None:
                assert np.isnan(row[metric]), metric
            else:
                assert row[metric] == pytest.approx(value, rel=1e-12, abs=1e-12 * scale), metric
        fan = result.cash_balance_percentiles["p50"].to_numpy()
        np.testing.assert_allclose(fan, expected["cash_balance"], rtol=1e-12, atol=1e-12 * scale)
        assert result.p_closes == float(expected["closes"])


def test_a_scenario_without_distributions_gives_evaluate_in_every_draw():
    scenario = small_case()
    result = simulate(scenario, 3, seed=1)
    assert result.draws["npv_social"].tolist() == [200.0] * 3
    assert result.summary.loc["npv_social", ["mean", "p5", "p50", "p95"]].tolist() == [200.0] * 4
    assert result.clipped == {}
    assert result.p_closes == 1.0 and result.p_sroi_above_1 == 1.0


def test_summary_shares_and_nulls():
    result = simulate(load_example("nabuurschap"), 2000, seed=3)
    draws = result.draws
    assert list(result.summary.index) == list(SCALAR_METRICS)
    assert result.p_closes == draws["closes"].mean()
    assert result.p_sroi_above_1 == (draws["sroi_ratio"] > 1).mean()
    # no SIB: its figures are null in every draw
    assert result.summary.loc["sib_investor_irr", "share_null"] == 1.0
    row = result.summary.loc["npv_social"]
    assert row["p5"] <= row["p50"] <= row["p95"]
    assert row["p50"] == np.percentile(draws["npv_social"], 50)
    fan = result.cash_balance_percentiles
    assert list(fan.columns) == ["t", "year", "p5", "p25", "p50", "p75", "p95"]
    assert (np.diff(fan[["p5", "p25", "p50", "p75", "p95"]].to_numpy(), axis=1) >= 0).all()
    assert fan["year"].tolist() == list(range(2027, 2037))
    # the sampled inputs are in the table, by path
    assert draws["outcomes[0].proxy"].between(300, 1200).all()
    json.dumps(result.to_json_dict(), allow_nan=False)


def test_clipped_draws_are_counted_per_field():
    # deadweight ~ N(0.05, 0.1): P(< 0) = Phi(-0.5) = 31%; the engine sees only clipped values
    scenario = small_case(**{"outcomes.deadweight": {"dist": "normal", "mean": 0.05, "sd": 0.1}})
    result = simulate(scenario, 4000, seed=2)
    sampled = result.draws["outcomes[0].deadweight"]
    assert result.clipped == {"outcomes[0].deadweight": int((sampled == 0.0).sum())}
    assert 0.27 < result.clipped["outcomes[0].deadweight"] / 4000 < 0.35
    assert sampled.between(0.0, 1.0).all()
    npv = 1000 * (1 - sampled) - 800
    assert np.allclose(result.draws["npv_social"], npv, rtol=1e-12)


def test_simulate_rejects_no_draws():
    with pytest.raises(ValueError, match="at least 1"):
        simulate(small_case(), 0)


# --- tornado -----------------------------------------------------------------------------


def test_tornado_on_a_hand_worked_case():
    scenario = small_case(
        **{
            "outcomes.proxy": {"dist": "triangular", "low": 50, "mode": 100, "high": 200},
            "costs.amount": {"dist": "uniform", "low": 700, "high": 900},
            "outcomes.deadweight": {"dist": "normal", "mean": 0.2, "sd": 0.05},
        }
    )
    # base: npv = 10 * 100 * 0.8 - 800 = 0 (uniform base = midpoint 800); balance 200
    result = sensitivity(scenario)
    assert result.base == {"npv_social": 0.0, "funding_gap": 0.0}
    table = result.table.set_index("path")
    assert list(result.table["path"]) == [
        "outcomes[0].proxy",  # 10 * 0.8 * (50 .. 200) - 800: -400 .. +800, swing 1200
        "costs[0].amount",  # +100 .. -100, swing 200
        "outcomes[0].deadweight",  # -1000 * (0.2 -/+ 1.645 * 0.05 - 0.2): swing 164.5
    ]
    proxy = table.loc["outcomes[0].proxy"]
    assert (proxy["npv_social_low"], proxy["npv_social_high"]) == pytest.approx((-400, 800))
    assert proxy["npv_social_swing"] == pytest.approx(1200)
    amount = table.loc["costs[0].amount"]
    assert (amount["npv_social_low"], amount["npv_social_high"]) == pytest.approx((100, -100))
    assert amount["funding_gap_high"] == 0.0  # 1000 of budget covers 900
    weight = table.loc["outcomes[0].deadweight"]
    assert (weight["low"], weight["high"]) == pytest.approx((0.2 - Z_95 * 0.05, 0.2 + Z_95 * 0.05))
    assert weight["npv_social_swing"] == pytest.approx(1000 * 2 * Z_95 * 0.05)
    assert weight["dist"] == "normal" and weight["label"] == "Werk: deadweight"


def test_tornado_by_funding_gap_and_clipped_ends():
    scenario = small_case(
        **{
            "costs.amount": {"dist": "uniform", "low": 700, "high": 1300},
            "outcomes.deadweight": {"dist": "normal", "mean": 0.05, "sd": 0.1},
        }
    )
    result = sensitivity(scenario, by="funding_gap")
    assert result.table["path"].tolist() == ["costs[0].amount", "outcomes[0].deadweight"]
    amount = result.table.iloc[0]
    # base cost 1000 = budget; at 1300 the gap is 300
    assert amount["funding_gap_high"] == pytest.approx(300.0)
    # the normal's P5 (0.05 - 0.164) is clipped to the valid range of a share
    assert result.table.iloc[1]["low"] == 0.0
    with pytest.raises(ValueError, match="by must be"):
        sensitivity(scenario, by="sroi_ratio")


def test_tornado_without_distributions_is_empty():
    assert sensitivity(small_case()).table.empty


def test_switching_values_without_distributions_is_an_empty_table_with_its_columns():
    scenario = small_case(**{"outcomes.proxy": {"dist": "uniform", "low": 50, "high": 150}})
    columns = list(switching_values(scenario).columns)
    table = switching_values(small_case())
    assert table.empty
    assert list(table.columns) == columns


# --- switching values --------------------------------------------------------------------


def test_switching_values_on_a_hand_worked_case():
    scenario = small_case(
        **{
            "outcomes.proxy": {"dist": "triangular", "low": 50, "mode": 100, "high": 200},
            "costs.amount": {"dist": "pert", "low": 700, "mode": 800, "high": 900},
        }
    )
    table = switching_values(scenario).set_index("path")
    proxy = table.loc["outcomes[0].proxy"]
    # npv = 10 * proxy - 800 = 0 at proxy 80; the proxy does not move the cash: always closes
    assert proxy["npv_social_switch"] == pytest.approx(80.0, abs=1e-6)
    assert (proxy["search_low"], proxy["search_high"]) == (0.0, 2000.0)
    assert np.isnan(proxy["closes_switch"])
    assert proxy["closes_note"] == "closes everywhere in the search range [0, 2000]"
    amount = table.loc["costs[0].amount"]
    # npv = 1000 - amount: 0 at 1000; the balance 1000 - amount stays >= -0.005 up to 1000.005
    assert amount["npv_social_switch"] == pytest.approx(1000.0, abs=1e-5)
    assert amount["closes_switch"] == pytest.approx(1000.005, abs=1e-5)
    assert amount["npv_social_at_base"] and amount["closes_at_base"]


def test_switching_value_of_the_discount_rate_is_the_social_irr():
    scenario = small_case(
        **{
            "scenario.horizon_years": 3,
            "scenario.discount_rate": {
                "dist": "triangular",
                "low": 0.01,
                "mode": 0.0225,
                "high": 0.04,
            },
            "costs.amount": 1000,
            "outcomes.quantity": 1,
            "outcomes.proxy": 600,
            "outcomes.start": 1,
            "outcomes.duration": 2,
            "funding.probability": 0.0,
        }
    )
    row = switching_values(scenario).iloc[0]
    # -1000 + 600 / (1 + r) + 600 / (1 + r)**2 = 0 at r = 13.07%
    assert row["npv_social_switch"] == pytest.approx(npf.irr([-1000, 600, 600]), abs=1e-8)
    assert (row["search_low"], row["search_high"]) == (-0.9, 1.0)
    # the budget never comes: short of cash whatever the rate
    assert row["closes_note"].startswith("does not close anywhere")


def test_no_switch_when_the_verdict_holds_over_the_whole_range():
    scenario = small_case(
        **{"outcomes.deadweight": {"dist": "triangular", "low": 0.0, "mode": 0.1, "high": 0.2}},
        **{"costs.amount": 100},
    )
    row = switching_values(scenario).iloc[0]
    # npv = 1000 (1 - dw) - 100 >= 0 needs dw <= 0.9: a switch inside [0, 1]
    assert row["npv_social_switch"] == pytest.approx(0.9, abs=1e-9)
    scenario = small_case(**{"funding.probability": {"dist": "uniform", "low": 0.5, "high": 1}})
    row = switching_values(scenario).iloc[0]
    assert np.isnan(row["npv_social_switch"])
    assert row["npv_social_note"] == "npv_social stays >= 0 over the search range [0, 1]"
    # closes when 1000 p >= 800 - 0.005
    assert row["closes_switch"] == pytest.approx(0.8 - 0.000005, abs=1e-9)


def test_the_percentiles_interpolate_between_ranks_as_a_hand_worked_case():
    # 11 values 0, 10, ..., 100: P5 lies at rank 10 x 0.05 = 0.5, halfway between 0 and 10;
    # P25 at rank 2.5 (25), P50 at rank 5 (50), P95 at rank 9.5 (95)
    values = np.arange(11.0)[::-1] * 10.0
    assert _percentiles(values, (5, 25, 50, 95)).tolist() == [5.0, 25.0, 50.0, 95.0]
    assert _percentiles(np.array([7.0]), PERCENTILES).tolist() == [7.0, 7.0, 7.0]


@given(
    values=st.lists(
        st.floats(allow_nan=True, allow_infinity=True)
        | st.integers(-3, 3).map(float)
        | st.floats(-1e6, 1e6, width=32),
        min_size=1,
        max_size=60,
    ),
    percentiles=st.sampled_from((PERCENTILES, FAN_PERCENTILES, (0, 100), (1, 33, 99))),
)
def test_the_percentiles_are_numpys_to_the_bit(values, percentiles):
    """Any values, ties, infinities and NaN included: numpy's default percentiles exactly."""
    values = np.array(values)
    np.testing.assert_array_equal(
        _percentiles(values, percentiles), np.percentile(values, percentiles)
    )


@given(
    values=st.lists(
        st.floats(allow_nan=False, allow_infinity=True) | st.sampled_from((0.0, -0.0, 1.0)),
        min_size=1,
        max_size=60,
    ),
    picks=st.lists(st.integers(0, 59), min_size=1, max_size=10),
)
def test_selecting_puts_each_rank_in_its_sorted_place(values, picks):
    """Partitioned around the middle rank, then each side: every rank asked for holds the
    value sorting gives it, and the values are only moved."""
    values = np.array(values)
    ranks = sorted({pick % values.size for pick in picks})
    work = values.copy()
    found = {}
    _select(work, 0, work.size, ranks, found)
    ordered = np.sort(values)
    assert [found[rank] for rank in ranks] == ordered[ranks].tolist()
    assert [work[rank] for rank in ranks] == ordered[ranks].tolist()
    assert np.sort(work).tolist() == ordered.tolist()


def many_draws():
    """Figures of 100,000 draws as a simulation makes them: spread out, 0 in half of the
    draws, a few whole years, one value, infinities, a NaN, in order and reversed."""
    rng = np.random.default_rng(5)
    draws = 100_000
    spread = rng.normal(size=draws) * 1e6
    return {
        "spread": spread,
        "odd count": spread[:-7],
        "mostly zero": np.where(rng.random(draws) < 0.5, 0.0, spread),
        "zeros of both signs": np.where(rng.random(draws) < 0.5, rng.choice([0.0, -0.0], draws), 1),
        "some zeros": np.where(rng.random(draws) < 0.003, 0.0, spread),
        "years": rng.integers(0, 30, draws).astype(float),
        "one value": np.full(draws, 2.5),
        "infinite": np.where(rng.random(draws) < 0.1, np.inf, spread),
        "a NaN": np.where(np.arange(draws) == 777, np.nan, spread),
        "in order": np.sort(spread),
        "reversed": np.sort(spread)[::-1].copy(),
        "fewer": spread[: PARTITION_FROM - 1],
        "fewer, a NaN": np.where(
            np.arange(PARTITION_FROM - 1) == 5, np.nan, spread[: PARTITION_FROM - 1]
        ),
        "enough": spread[:PARTITION_FROM],
    }


@pytest.mark.parametrize("name", list(many_draws()))
def test_the_percentiles_of_many_draws_are_numpys_to_the_bit(name):
    """Beyond :data:`SAMPLE` values the ranks are found by partitioning unless the sample
    holds a value twice: either way numpy's percentiles, the sign of a zero included, except
    where zeros of both signs meet at a rank (which of them lands there is the algorithm's
    choice: numpy's sort and its partition differ too)."""
    values = many_draws()[name]
    for percentiles in (PERCENTILES, FAN_PERCENTILES, (0, 100), (1, 33, 99)):
        with np.errstate(invalid="ignore"):  # inf - inf, in numpy's percentile as here
            found, expected = _percentiles(values, percentiles), np.percentile(values, percentiles)
        np.testing.assert_array_equal(found, expected)
        if name != "zeros of both signs":
            np.testing.assert_array_equal(np.signbit(found), np.signbit(expected))


def test_the_ranks_of_distinct_draws_are_found_by_partitioning(monkeypatch):
    """Many distinct values are not sorted whole, only a sample of them; a long run of equal
    values is (partitioning inside it is slow), and so are fewer values than
    :data:`PARTITION_FROM` (sorting them is as fast): the same values at the ranks each way."""
    values = many_draws()["spread"]
    ranks = np.array([0, 4_999, 5_000, 49_999, 99_999])
    sorted_sizes = []
    sort = np.sort

    def counted(array, *arguments, **options):
        sorted_sizes.append(np.size(array))
        return sort(array, *arguments, **options)

    monkeypatch.setattr(np, "sort", counted)
    assert _order_statistics(values, ranks).tolist() == sort(values)[ranks].tolist()
    assert sorted_sizes == [values[:: values.size // SAMPLE].size]  # the sample alone
    zeros = many_draws()["mostly zero"]
    assert _order_statistics(zeros, ranks).tolist() == sort(zeros)[ranks].tolist()
    assert max(sorted_sizes) == zeros.size
    fewer = values[: PARTITION_FROM - 1]
    assert _order_statistics(fewer, ranks[:3]).tolist() == sort(fewer)[ranks[:3]].tolist()
    assert sorted_sizes[-1] == fewer.size
