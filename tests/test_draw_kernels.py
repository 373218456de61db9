"""The compiled draws (businesscase/kernels/draws.py) are numpy's draws, to the bit.

A simulation draws its inputs, money and events compiled (docs/uncertainty.md, "Compiled hot
spots"); the draws table and every other use draw them with numpy. Both must give the same
numbers, or the inputs shown beside a draw would not be the inputs that made it. Each test
draws the same streams both ways and compares the bytes: every distribution kind, clipping and
whole years, parameters hostile to float64, blocks of every size one after the other, and the
rare branches of the ziggurat and gamma algorithms (the tails, the wedges, the exponential of a
PERT whose mode is an end). The rank correlation's compiled sort is numpy's ``argsort`` to the
last index, or declines (ties, non-finite keys) and numpy sorts.
"""

import math
import time

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from businesscase import examples, fast, kernels, sampling, uncertainty
from businesscase.actuals import parse_actuals
from businesscase.distributions import Lognormal, Normal, Pert, Triangular, Uniform
from businesscase.kernels import draws as draws_kernels
from businesscase.sampling import (
    InputSampler,
    Purpose,
    StreamStates,
    clip_to_range,
    draw_events,
    field_range,
    rank_correlations,
    sample,
    stream,
    stream_states,
    stream_words,
)
from businesscase.scenario import scenario_from_dict
from tests.test_events import event, grant, plan

PATHS = (
    "outcomes[0].deadweight",  # a share, 0-1
    "costs[0].amount",  # not negative
    "costs[0].growth",  # a rate, above -0.999
    "costs[0].start",  # whole years within the horizon
    "outcomes[0].duration",  # whole years from 1
    "outcomes[1].lasts",
    "outcomes[1].proxy",
)

_REAL = st.floats(-1e308, 1e308, allow_nan=False, allow_infinity=False)
_MIXED = st.one_of(_REAL, st.floats(-10.0, 10.0), st.sampled_from([0.0, -0.0, 1.0, 0.5, 2.5]))
_SD = st.one_of(
    st.floats(5e-324, 1e308, allow_nan=False, allow_infinity=False),
    st.sampled_from([5e-324, 1e-300, 1e-12, 1.0, 1e300]),
)


@st.composite
def low_mode_high(draw: st.DrawFn) -> tuple[float, float, float]:
    """Three ordered numbers with low < high, sometimes the mode at an end or widths beyond
    float64."""
    low, high = sorted(draw(st.lists(_MIXED, min_size=2, max_size=2, unique=True)))
    mode = draw(st.one_of(st.just(low), st.just(high), st.floats(low, high)))
    return low, mode, high


@st.composite
def distributions(draw: st.DrawFn) -> object:
    """Any distribution the scenario format accepts, with hostile parameters too."""
    kind = draw(st.sampled_from(["triangular", "pert", "uniform", "normal", "lognormal"]))
    if kind in ("triangular", "pert"):
        low, mode, high = draw(low_mode_high())
        shape = Triangular if kind == "triangular" else Pert
        return shape(dist=kind, low=low, mode=mode, high=high)
    if kind == "uniform":
        low, _, high = draw(low_mode_high())
        return Uniform(dist="uniform", low=low, high=high)
    sd = draw(_SD)
    if kind == "normal":
        return Normal(dist="normal", mean=draw(_MIXED), sd=sd)
    mean = draw(st.one_of(st.floats(1e-300, 1e308), st.sampled_from([1e-300, 1.0, 3000.0])))
    return Lognormal(dist="lognormal", mean=mean, sd=sd)


def both_ways(
    inputs: dict, seed: int, sizes: list[int], horizon: int, correlated: tuple | None = None
) -> None:
    """Draw the blocks of ``sizes`` with numpy and compiled from the same seed, rank-correlated
    by ``correlated`` (paths, rank matrix) if given; the same bytes."""
    with np.errstate(all="ignore"):  # draws beyond float64 become inf, as in a simulation
        numpy_form = InputSampler(inputs, seed, horizon_years=horizon, correlated=correlated)
        compiled_form = InputSampler(inputs, seed, horizon_years=horizon, correlated=correlated)
        for size in sizes:
            expected, expected_clipped = numpy_form.next_block(size)
            with fast.compiled():
                got, got_clipped = compiled_form.next_block(size, parts=2)
            assert got_clipped == expected_clipped
            for path in inputs:
                assert got[path].tobytes() == expected[path].tobytes(), path


@settings(max_examples=150)
@given(
    chosen=st.dictionaries(st.sampled_from(PATHS), distributions(), min_size=1, max_size=4),
    seed=st.integers(0, 2**32),
    sizes=st.lists(st.integers(1, 300), min_size=1, max_size=3),
    horizon=st.integers(1, 30),
)
def test_every_kind_clipped_and_rounded_is_drawn_compiled_as_numpy_draws_it(
    chosen, seed, sizes, horizon
):
    both_ways(chosen, seed, sizes, horizon)


@pytest.mark.parametrize(
    "distribution",
    [
        Normal(dist="normal", mean=0.0, sd=1.0),  # the ziggurat's tail and wedges
        Pert(dist="pert", low=0.0, mode=0.0, high=1.0),  # alpha = 1: the exponential
        Pert(dist="pert", low=0.0, mode=1.0, high=1.0),  # beta = 1
        Pert(dist="pert", low=0.0, mode=0.01, high=1.0),  # gamma near 1: many rejections
        Lognormal(dist="lognormal", mean=1.0, sd=3.0),
        Triangular(dist="triangular", low=-1.0, mode=0.0, high=1.0),
    ],
    ids=lambda d: f"{d.dist}-{getattr(d, 'mode', getattr(d, 'sd', ''))}",
)
def test_the_rare_branches_give_numpy_numbers_over_a_million_draws(distribution):
    # the normal's tail beyond 3.65 sd is drawn some 270 times in a million, the wedges
    # some 12,000 times; the exponential's tail and wedges as often
    both_ways({"costs[0].growth": distribution}, 20261205, [1_000_000, 3], 30)


BENCH_MIX = {
    f"outcomes[{k}].{name}": distribution
    for k in range(4)
    for name, distribution in {
        "deadweight": Triangular(dist="triangular", low=0.1, mode=0.25, high=0.45),
        "quantity": Normal(dist="normal", mean=20.0, sd=4.0),
        "proxy": Lognormal(dist="lognormal", mean=3000.0, sd=900.0),
        "attribution": Uniform(dist="uniform", low=0.1, high=0.4),
        "start": Triangular(dist="triangular", low=1.0, mode=1.0, high=3.0),
        "units": Pert(dist="pert", low=80.0, mode=100.0, high=120.0),
    }.items()
}
"""Every kind of the benchmark's inputs, four lines of them."""


def test_the_bench_mix_in_blocks_of_a_simulation_is_numpy_s_to_the_bit():
    both_ways(BENCH_MIX, 7, [8192, 8192, 3616], 30)


BENCH_GROUPS = [
    (["outcomes[0].quantity", "outcomes[1].quantity", "outcomes[2].quantity"], 0.8),
    (["outcomes[0].start", "outcomes[3].start"], 0.6),
]


@pytest.mark.parametrize("sizes", [[8192, 8192, 3616], [7, 6, 300, 1]])
def test_the_bench_mix_rank_correlated_is_numpy_s_to_the_bit(sizes):
    # blocks of a simulation, and blocks so small that a group is left as drawn (below K + 2)
    both_ways(BENCH_MIX, 7, sizes, 30, rank_correlations(BENCH_GROUPS))


def test_where_the_compiled_sort_declines_numpy_sorts_and_the_draws_stay(monkeypatch):
    declined = []

    def declining(keys: np.ndarray) -> None:
        declined.append(len(keys))

    monkeypatch.setattr(kernels, "sort_order", declining)
    both_ways(BENCH_MIX, 7, [500, 20], 30, rank_correlations(BENCH_GROUPS))
    assert declined == [500] * 5 + [20] * 5  # every reordered input asked, every time declined


@settings(max_examples=60)
@given(
    draws=st.integers(2, 3000),
    mixed=st.integers(1, 4),
    seed=st.integers(0, 2**32),
    scale=st.sampled_from([1e-200, 1e-6, 1.0, 1e6, 1e200]),
)
def test_the_compiled_sort_of_keys_spread_like_a_rank_correlation_s_is_numpy_argsort(
    draws, mixed, seed, scale
):
    # keys as the rank correlation's: a mix of a few shuffled normal scores (no two equal)
    rng = np.random.default_rng(seed)
    keys = rng.standard_normal((draws, mixed)) @ rng.uniform(-1.0, 1.0, mixed) * scale
    assume(len(np.unique(keys)) == draws)
    order = draws_kernels.sort_order(keys)
    assert order is not None, "declined keys that are all different"
    assert order.dtype == np.intp and np.array_equal(order, np.argsort(keys))


_KEY = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1.0, 5e-324, -5e-324, 1e308, -1e308, math.nan, math.inf]),
    st.integers(-3, 3).map(float),  # ties
)


@given(keys=st.lists(_KEY, max_size=60))
def test_the_compiled_sort_gives_numpy_s_order_or_declines_ties_and_other_hostile_keys(keys):
    # declining is always safe (numpy sorts then); an order given is numpy's, and strictly
    # rising keys along it show there was no tie (0.0 and -0.0 too) and no NaN
    keys = np.array(keys, dtype=np.float64)
    order = draws_kernels.sort_order(keys)
    if order is not None:
        assert np.array_equal(order, np.argsort(keys))
        assert np.all(keys[order][:-1] < keys[order][1:])
    if len(np.unique(keys)) < len(keys) or not np.isfinite(keys).all():
        assert order is None or len(keys) == 1  # one key: its order is numpy's


def test_the_compiled_sort_declines_keys_crowded_into_a_few_buckets_instead_of_taking_long():
    # one far key puts the others into one bucket, in falling order: an insertion sort of
    # n^2 / 2 moves (2e10, half a minute), given up after 16 n (3.2e6, milliseconds)
    keys = np.concatenate([[-1e9], np.linspace(1.0, 0.0, 200_000, endpoint=False)])
    draws_kernels.sort_order(keys[:10])  # compiled, or loaded from the cache
    started = time.process_time()
    assert draws_kernels.sort_order(keys) is None
    assert time.process_time() - started < 2.0
    assert np.array_equal(draws_kernels.sort_order(keys[::-1].copy()), np.argsort(keys[::-1]))


_CHANCE = st.one_of(
    st.floats(0.0, 1.0),
    st.sampled_from([0.0, -0.0, 1.0, math.nan, 2.0**-32, 1.0 - 2.0**-53, 0.5 + 2.0**-33]),
    st.integers(0, 2**32).map(lambda k: k / 2.0**32),  # a chance on the step of 2^-32
)


@settings(max_examples=80)
@given(
    years=st.integers(0, 31),
    blocks=st.lists(st.lists(_CHANCE, min_size=1, max_size=40), min_size=1, max_size=4),
    seed=st.integers(0, 2**32),
)
def test_yearly_events_compiled_are_numpy_s_for_hostile_chances_and_odd_counts(years, blocks, seed):
    numpy_form = stream(seed, Purpose.EVENT, "avoided_costs[0].probability")
    states = StreamStates(seed, Purpose.EVENT, ["avoided_costs[0].probability"])
    for chances in blocks:  # blocks one after the other: an odd count leaves half a word
        chance = np.array(chances)
        expected = draw_events(numpy_form, chance, len(chance), years)
        got = np.empty((len(chance), years), dtype=bool)
        draws_kernels.draw_yearly(states.words()[0], chance, got)
        assert got.tobytes() == expected.tobytes()
    assert states.generators()[0].random() == numpy_form.random()


@given(
    values=st.lists(
        st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.sampled_from([0.0, -0.0, 0.5, -0.5, 1.0, 2.5, 3.5, math.nan, -math.inf]),
        ),
        min_size=1,
        max_size=40,
    ),
    path=st.sampled_from(PATHS),
    horizon=st.integers(1, 30),
)
def test_clipping_compiled_is_numpy_clip_with_its_nans_and_signed_zeros(values, path, horizon):
    expected, expected_count = clip_to_range(path, np.array(values), horizon)
    row = np.array(values)
    whole = path.rsplit(".", 1)[-1] in ("start", "duration", "lasts")
    low, high = field_range(path, horizon)
    assert draws_kernels._clip_input(row, low, high, whole) == expected_count
    assert row.tobytes() == expected.tobytes()


def test_numpy_and_compiled_may_take_turns_on_the_same_streams():
    inputs = {"costs[0].amount": Pert(dist="pert", low=1.0, mode=2.0, high=4.0)}
    taking_turns = InputSampler(inputs, 3)
    with fast.compiled():
        first = taking_turns.next_block(100)[0]["costs[0].amount"]
    second = taking_turns.next_block(50)[0]["costs[0].amount"]
    with fast.compiled():
        third = taking_turns.next_block(10)[0]["costs[0].amount"]
    rng = stream(3, Purpose.VALUE, "costs[0].amount")
    expected = [sample(inputs["costs[0].amount"], n, rng) for n in (100, 50, 10)]
    assert np.concatenate([first, second, third]).tobytes() == np.concatenate(expected).tobytes()


def test_the_words_of_a_stream_are_its_pcg64_state_and_go_back_into_it():
    states = StreamStates(11, Purpose.EVENT, ["funding[0].probability"])
    words = states.words()
    # the compiled uniform is the top 53 bits of the next word times 2^-53
    money = np.empty(4)
    draws_kernels.draw_money(words[0], np.full(4, 0.5), money)
    reference = stream(11, Purpose.EVENT, "funding[0].probability")
    assert money.tolist() == [1.0 * (u < 0.5) for u in reference.random(4)]
    generator = states.generators()[0]  # made now, at the stepped state
    assert generator.random() == reference.random()
    assert states.words()[0].tolist() == stream_words(reference).tolist()  # copied out again


_SEED = st.one_of(
    st.integers(0, 2**32),
    st.integers(0, 2**300),
    st.sampled_from([0, 1, 2**32 - 1, 2**32, 2**128 - 1, 2**128, 2**160]),
)


@settings(max_examples=80)
@given(
    seed=_SEED,
    purpose=st.sampled_from(list(Purpose)),
    paths=st.lists(st.text(max_size=40), max_size=5),
    compiled=st.booleans(),
)
def test_the_streams_states_made_from_the_seed_are_numpy_s(seed, purpose, paths, compiled):
    # inside a simulation from the seed's and the path's words, elsewhere out of the generators
    expected = [stream_words(stream(seed, purpose, path)).tolist() for path in paths]
    if compiled:
        with fast.compiled():
            got = stream_states(seed, purpose, paths)
    else:
        got = stream_states(seed, purpose, paths)
    assert got.dtype == np.uint64 and got.shape == (len(paths), 4)
    assert got.tolist() == expected


def test_a_negative_seed_is_refused_by_numpy_s_own_error_compiled_too():
    with pytest.raises(ValueError, match="non-negative"):
        stream(-1, Purpose.VALUE, "costs[0].amount")
    with fast.compiled(), pytest.raises(ValueError, match="non-negative"):
        stream_states(-1, Purpose.VALUE, ["costs[0].amount"])


def test_a_numpy_that_seeds_otherwise_keeps_its_own_streams(monkeypatch):
    """A numpy release whose seed sequence changed would make other states than the kernel:
    a probe finds it once, and the states are then copied out of numpy's generators."""

    def otherwise(entropy: np.ndarray, sizes: np.ndarray) -> np.ndarray:
        return np.zeros((len(sizes), 4), dtype=np.uint64)

    paths = ["costs[0].amount", "outcomes[3].proxy"]
    expected = [stream_words(stream(5, Purpose.VALUE, path)).tolist() for path in paths]
    monkeypatch.setattr(kernels, "seeded_states", otherwise)
    sampling._seeding_agrees.cache_clear()
    try:
        with fast.compiled():
            assert stream_states(5, Purpose.VALUE, paths).tolist() == expected
            assert not sampling._seeding_agrees(kernels)
    finally:
        sampling._seeding_agrees.cache_clear()  # the real kernel is checked again


def test_the_benchmark_s_streams_are_made_from_the_seed_in_a_simulation():
    # every input's stream of a simulation starts from the states stream_states makes
    scenario = examples.load_example("botu_programma")
    sampler = uncertainty.input_sampler(scenario, 20261205)
    with fast.compiled():
        words = sampler.states.words()
    assert sampler.states.made is None  # no generator was made
    expected = [stream_words(stream(20261205, Purpose.VALUE, path)) for path in sampler.inputs]
    assert words.tolist() == np.array(expected).tolist()


def risky_plan(years: int, chances: list) -> object:
    """A plan with grants and yearly events of the given chances (numbers or distributions)."""
    return scenario_from_dict(
        plan(
            years,
            funding=[grant(chance) for chance in chances],
            avoided_costs=[event(chance, years) for chance in chances],
        )
    )


@settings(max_examples=40)
@given(
    years=st.integers(1, 30),
    chances=st.lists(
        st.one_of(
            st.floats(0.001, 0.999),
            st.just({"dist": "uniform", "low": 0.2, "high": 0.9}),
        ),
        min_size=1,
        max_size=3,
    ),
    sizes=st.lists(st.integers(1, 200), min_size=1, max_size=3),
    seed=st.integers(0, 2**32),
)
def test_money_and_yearly_events_are_drawn_compiled_as_numpy_draws_them(
    years, chances, sizes, seed
):
    scenario = risky_plan(years, chances)
    inputs = uncertainty.input_sampler(scenario, seed)
    numpy_form = uncertainty.MoneyAndEvents(scenario, seed)
    compiled_form = uncertainty.MoneyAndEvents(scenario, seed)
    for size in sizes:  # odd counts of events leave half a word unused
        samples = inputs.next_block(size)[0]
        money, yearly = numpy_form.next_block(samples, size)
        with fast.compiled():
            got_money, got_yearly = compiled_form.next_block(samples, size)
        assert {path: v.tobytes() for path, v in got_money.items()} == {
            path: v.tobytes() for path, v in money.items()
        }
        assert {path: (v.shape, v.tobytes()) for path, v in got_yearly.items()} == {
            path: (v.shape, v.tobytes()) for path, v in yearly.items()
        }


def test_a_reported_grant_draws_nothing_compiled_either():
    data = plan(2, funding=[grant(0.5) | {"duration": 2}, grant(0.5) | {"name": "Fonds"}])
    data["costs"][0]["duration"] = 2
    scenario = scenario_from_dict(data)
    actuals = parse_actuals("year,line,value,note\n2027,Subsidie,1000,\n", scenario)
    numpy_form = uncertainty.MoneyAndEvents(scenario, 4, actuals)
    compiled_form = uncertainty.MoneyAndEvents(scenario, 4, actuals)
    money = numpy_form.next_block({}, 300)[0]
    with fast.compiled():
        got = compiled_form.next_block({}, 300)[0]
    assert got["funding[0].probability"].tolist() == [1.0] * 300
    assert {p: v.tobytes() for p, v in got.items()} == {p: v.tobytes() for p, v in money.items()}


def test_without_numba_s_tables_a_simulation_draws_with_numpy_and_the_same_numbers(monkeypatch):
    """numpy's ziggurat tables come from a private module of numba's; a numba release that
    moved it leaves ``COMPILED_DRAWS`` False, and a simulation then draws with numpy's array
    calls: the same numbers, inputs and figures."""
    scenario = examples.load_example("west_practice")
    compiled = uncertainty.simulate(scenario, 3_000, seed=11)
    monkeypatch.setattr(kernels, "COMPILED_DRAWS", False)
    with monkeypatch.context() as patched:  # the compiled draws may not be called now
        patched.setattr(kernels, "draw_input", None)
        patched.setattr(kernels, "draw_money", None)
        patched.setattr(kernels, "draw_yearly", None)
        drawn = uncertainty.simulate(scenario, 3_000, seed=11)
    assert draws_kernels.TABLES_FOUND
    for name in ("npv_social", "closes", "min_cash_balance"):
        assert np.array_equal(drawn.per_draw[name], compiled.per_draw[name])
