"""Sampling the distributions of docs/uncertainty.md: closed forms, clipping, reproducibility."""

import math
from concurrent.futures import ThreadPoolExecutor
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from businesscase.distributions import Lognormal, Normal, Pert, Triangular, Uniform
from businesscase.parameters import DISCOUNT_RATE_PATH, NUMERIC_FIELDS, TIMING_FIELDS
from businesscase.sampling import (
    FIELD_RANGES,
    RATE_FLOOR,
    SAMPLE_BLOCK,
    Z_95,
    InputSampler,
    Purpose,
    blocks,
    clip_to_range,
    field_range,
    lognormal_log_parameters,
    low_high,
    pert_shape,
    sample,
    sample_inputs,
    stream,
)

N = 200_000
"""Samples per distribution: standard errors of a few tenths of a percent."""


def _triangular_quantile(low, mode, high, p):
    cut = (mode - low) / (high - low)
    if p <= cut:
        return low + math.sqrt(p * (high - low) * (mode - low))
    return high - math.sqrt((1 - p) * (high - low) * (high - mode))


def _closed_forms(distribution):
    """(mean, sd, quantile function or None) of each distribution, from the textbooks."""
    match distribution:
        case Triangular(low=a, mode=c, high=b):
            mean = (a + b + c) / 3
            var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
            return mean, math.sqrt(var), lambda p: _triangular_quantile(a, c, b, p)
        case Pert(low=a, mode=c, high=b):
            # Beta-PERT: mean (a + 4c + b) / 6; variance of a + (b - a) Beta(alpha, beta).
            alpha, beta = pert_shape(a, c, b)
            var = alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1)) * (b - a) ** 2
            return (a + 4 * c + b) / 6, math.sqrt(var), None
        case Uniform(low=a, high=b):
            return (a + b) / 2, (b - a) / math.sqrt(12), lambda p: a + p * (b - a)
        case Normal(mean=m, sd=s):
            return m, s, NormalDist(m, s).inv_cdf
        case Lognormal(mean=m, sd=s):
            mu, sigma = lognormal_log_parameters(m, s)
            return m, s, lambda p: math.exp(NormalDist(mu, sigma).inv_cdf(p))


DISTRIBUTIONS = [
    Triangular(dist="triangular", low=0.1, mode=0.25, high=0.4),
    Triangular(dist="triangular", low=300.0, mode=600.0, high=1200.0),
    Pert(dist="pert", low=170_000.0, mode=200_000.0, high=260_000.0),
    Pert(dist="pert", low=0.0, mode=0.0, high=1.0),
    Uniform(dist="uniform", low=-2.0, high=5.0),
    Normal(dist="normal", mean=100.0, sd=15.0),
    Lognormal(dist="lognormal", mean=3000.0, sd=900.0),
]


@pytest.mark.parametrize("distribution", DISTRIBUTIONS, ids=lambda d: d.dist)
def test_sample_mean_sd_and_percentiles_match_the_closed_forms(distribution):
    values = sample(distribution, N, np.random.default_rng(20261123))
    mean, sd, quantile = _closed_forms(distribution)
    standard_error = sd / math.sqrt(N)
    assert abs(values.mean() - mean) < 5 * standard_error
    assert values.std() == pytest.approx(sd, rel=0.02)
    if quantile is not None:
        # the share of draws below the true P-th percentile is P within sampling error
        for p in (0.05, 0.5, 0.95):
            share = np.mean(values <= quantile(p))
            assert abs(share - p) < 5 * math.sqrt(p * (1 - p) / N)


def test_pert_mean_has_weight_four_on_the_mode():
    # (low + 4 mode + high) / 6 = (170 + 800 + 260) / 6 = 205 (thousands)
    values = sample(DISTRIBUTIONS[2], N, np.random.default_rng(1))
    assert values.mean() == pytest.approx(205_000.0, rel=2e-3)
    assert values.min() >= 170_000.0 and values.max() <= 260_000.0


def test_lognormal_parameters_give_the_mean_and_sd_of_the_value():
    mu, sigma = lognormal_log_parameters(3000.0, 900.0)
    assert math.exp(mu + sigma**2 / 2) == pytest.approx(3000.0)
    assert math.sqrt((math.exp(sigma**2) - 1) * math.exp(2 * mu + sigma**2)) == pytest.approx(900.0)


def test_low_high_are_the_ends_or_the_5th_and_95th_percentiles():
    assert low_high(DISTRIBUTIONS[0]) == (0.1, 0.4)
    assert low_high(DISTRIBUTIONS[4]) == (-2.0, 5.0)
    low, high = low_high(DISTRIBUTIONS[5])
    assert (low, high) == pytest.approx((100 - 1.6448536 * 15, 100 + 1.6448536 * 15))
    mu, sigma = lognormal_log_parameters(3000.0, 900.0)
    assert low_high(DISTRIBUTIONS[6]) == pytest.approx(
        (math.exp(mu - Z_95 * sigma), math.exp(mu + Z_95 * sigma))
    )


def test_clipping_is_counted_and_keeps_values_in_the_valid_range():
    # a share drawn from N(0.1, 0.1): P(below 0) = Phi(-1) = 15.87%, above 1 never in practice
    values = sample(Normal(dist="normal", mean=0.1, sd=0.1), N, np.random.default_rng(7))
    clipped, count = clip_to_range("outcomes[0].deadweight", values)
    assert count == np.count_nonzero(values < 0.0)
    assert count / N == pytest.approx(NormalDist().cdf(-1.0), abs=5 * math.sqrt(0.16 * 0.84 / N))
    assert clipped.min() == 0.0 and clipped.max() <= 1.0
    untouched, none = clip_to_range("costs[0].amount", np.array([0.0, 5.0]))
    assert none == 0 and untouched.tolist() == [0.0, 5.0]


def test_rates_are_clipped_just_above_minus_one():
    clipped, count = clip_to_range(DISCOUNT_RATE_PATH, np.array([-1.5, -1.0, 0.03]))
    assert count == 2
    assert clipped.tolist() == [RATE_FLOOR, RATE_FLOOR, 0.03]
    assert -1.0 < RATE_FLOOR


def test_every_numeric_field_has_a_valid_range():
    fields = {field for names in NUMERIC_FIELDS.values() for field in names}
    timing = {field for names in TIMING_FIELDS.values() for field in names}
    assert fields | timing | {"discount_rate", "inflation"} == set(FIELD_RANGES)
    assert field_range("outcomes[3].drop_off") == (0.0, 1.0)
    assert field_range("sib.cap") == (0.0, math.inf)


def test_the_same_seed_gives_the_same_draws_whatever_the_order_and_the_threads():
    inputs = {"costs[0].amount": DISTRIBUTIONS[2], "b.deadweight": DISTRIBUTIONS[0]}
    first, clipped = sample_inputs(inputs, 1000, 42)
    again, _ = sample_inputs(dict(reversed(inputs.items())), 1000, 42, threads=4)
    assert list(first) == ["b.deadweight", "costs[0].amount"]
    assert all(np.array_equal(first[path], again[path]) for path in inputs)
    assert clipped == {"b.deadweight": 0, "costs[0].amount": 0}
    other, _ = sample_inputs(inputs, 1000, 43)
    assert not np.array_equal(first["b.deadweight"], other["b.deadweight"])


def test_each_input_has_its_own_stream_so_other_inputs_do_not_move_its_draws():
    # paired draws: adding, removing or changing an input leaves the others' draws as they were
    base = {"outcomes[0].proxy": DISTRIBUTIONS[1], "outcomes[1].proxy": DISTRIBUTIONS[1]}
    drawn, _ = sample_inputs(base, 5000, 7)
    more = base | {"a.deadweight": DISTRIBUTIONS[0], "outcomes[0].proxy": DISTRIBUTIONS[6]}
    varied, _ = sample_inputs(more, 5000, 7)
    alone, _ = sample_inputs({"outcomes[1].proxy": DISTRIBUTIONS[1]}, 5000, 7)
    assert np.array_equal(varied["outcomes[1].proxy"], drawn["outcomes[1].proxy"])
    assert np.array_equal(alone["outcomes[1].proxy"], drawn["outcomes[1].proxy"])
    # the same distribution at two paths gives two different, uncorrelated samples
    first, second = drawn["outcomes[0].proxy"], drawn["outcomes[1].proxy"]
    assert not np.array_equal(first, second)
    assert abs(np.corrcoef(first, second)[0, 1]) < 5 / math.sqrt(5000)


def test_a_stream_is_fixed_by_seed_purpose_and_path_alone():
    def words(seed, purpose, path):
        return stream(seed, purpose, path).random(3).tolist()

    assert words(5, Purpose.VALUE, "costs[1].amount") == words(5, Purpose.VALUE, "costs[1].amount")
    others = [
        words(6, Purpose.VALUE, "costs[1].amount"),
        words(5, Purpose.EVENT, "costs[1].amount"),
        words(5, Purpose.VALUE, "costs[11].amount"),
        words(5, Purpose.VALUE, "costs[1].amoun"),
    ]
    assert words(5, Purpose.VALUE, "costs[1].amount") not in others
    # the key is the purpose and the path's bytes, no hash: distinct paths, distinct keys
    key = np.random.SeedSequence(5, spawn_key=(0, *b"costs[1].amount"))
    assert np.random.default_rng(key).random(3).tolist() == words(
        5, Purpose.VALUE, "costs[1].amount"
    )


def test_sample_rejects_a_number():
    with pytest.raises(TypeError, match="not a distribution"):
        sample(3.0, 10, np.random.default_rng(0))


def test_a_pert_narrower_than_the_smallest_halves_is_sampled_not_a_division_by_zero():
    # low=0, high=5e-324: halving 5e-324 gives 0, so a width taken from halves was 0
    alpha, beta = pert_shape(0.0, 0.0, 5e-324)
    assert (alpha, beta) == (1.0, 5.0)
    assert pert_shape(0.0, 1.0, 4.0) == (2.0, 4.0)  # hand-worked: 1 + 4*1/4, 1 + 4*3/4
    assert pert_shape(-1.7e308, 0.0, 1.7e308) == (3.0, 3.0)  # a width beyond float64


def test_the_draws_come_in_blocks_fixed_by_the_number_of_draws():
    assert SAMPLE_BLOCK == 8192
    assert blocks(20_000) == [(0, 8192), (8192, 16384), (16384, 20_000)]
    assert blocks(1) == [(0, 1)] and blocks(8192) == [(0, 8192)] and blocks(0) == []
    # a uniform on [0, 1] is the stream's own uniforms, read on from block to block
    share = Uniform(dist="uniform", low=0, high=1)
    drawn, _ = sample_inputs({"a.deadweight": share}, 20_000, 5)
    whole = stream(5, Purpose.VALUE, "a.deadweight").random(20_000)
    assert np.array_equal(drawn["a.deadweight"], whole)


def test_the_sampler_gives_the_draws_of_sample_inputs_block_after_block():
    inputs = {"costs[0].amount": DISTRIBUTIONS[2], "b.deadweight": DISTRIBUTIONS[0]}
    whole, clipped = sample_inputs(inputs, 20_000, 9)
    sampler = InputSampler(inputs, 9)
    parts = [sampler.next_block(stop - start) for start, stop in blocks(20_000)]
    for path in inputs:
        assert np.array_equal(np.concatenate([part[path] for part, _ in parts]), whole[path])
        assert sum(counts[path] for _, counts in parts) == clipped[path]
    # drawn in three shares on threads side by side: the same draws
    sampler = InputSampler(inputs, 9)
    with ThreadPoolExecutor(3) as pool:
        shared = [
            sampler.next_block(stop - start, pool.map, 3)[0] for start, stop in blocks(20_000)
        ]
    for path in inputs:
        assert np.array_equal(np.concatenate([part[path] for part in shared]), whole[path])


@given(st.integers(0, 100_000))
def test_the_blocks_cover_the_draws_in_order_and_only_the_last_is_short(draws):
    found = blocks(draws)
    assert [start for start, _ in found] == list(range(0, draws, SAMPLE_BLOCK))
    assert all(stop == start + SAMPLE_BLOCK for start, stop in found[:-1])
    assert (found[-1][1] if found else 0) == draws
    # more draws keep the blocks of fewer: a block's draws are fixed by its place alone
    assert blocks(draws + SAMPLE_BLOCK)[: len(found) - 1] == found[:-1]


def test_a_stream_is_pcg64_by_name_with_the_numbers_default_rng_gives_today():
    generator = stream(5, Purpose.VALUE, "costs[0].amount")
    assert isinstance(generator.bit_generator, np.random.PCG64)
    seeded = np.random.SeedSequence(entropy=5, spawn_key=(0, *b"costs[0].amount"))
    assert generator.random(3).tolist() == np.random.default_rng(seeded).random(3).tolist()
