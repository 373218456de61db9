"""Social impact bond payments and break-even (docs/methodology.md)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from businesscase import fast
from businesscase.sib import (
    ROUNDING,
    breakeven_share,
    capped_payments,
    contract_breakeven_share,
    guarantee_payment,
    paid_for_outcomes,
    raw_payments,
    return_capped_payments,
    split_over_metrics,
)


@pytest.fixture(autouse=True, scope="module", params=["numpy", "compiled"])
def form(request):
    """Every test twice: with the numpy formulas and with their compiled forms, which
    simulations use (businesscase/kernels/contract.py)."""
    if request.param == "numpy":
        yield
        return
    with fast.compiled():
        yield


def arr(*values):
    return np.array(values, dtype=float)


def outcome_payments(paid_for, price, threshold, cap, lag):
    """One metric's capped payments within the horizon and their sum beyond it."""
    horizon = paid_for.shape[1]
    paid = capped_payments(raw_payments(paid_for, price, threshold, lag, horizon + lag), cap)
    return paid[:, :horizon], paid[:, horizon:].sum(axis=1)


def test_lag_threshold_and_cap_trimming():
    # 40 new outcomes a year, deadweight 25% -> 30 paid-for a year; year 2 has 8 new -> 6,
    # below the threshold of 10: no payment. Price 9,000 -> 270,000 a year, paid one year
    # later, capped at 600,000 in total: 270,000 (t=1), 270,000 (t=2), 0 (t=3: below
    # threshold), 60,000 (t=4: trimmed at the cap), 0 after.
    paid_for = paid_for_outcomes(np.array([[40.0, 40.0, 8.0, 40.0, 40.0]]), arr(0.25))
    assert_allclose(paid_for[0], [30, 30, 6, 30, 30])
    payments, beyond = outcome_payments(paid_for, arr(9000), arr(10), arr(600000), lag=1)
    assert_allclose(payments[0], [0, 270000, 270000, 0, 60000])
    assert_allclose(beyond, [0])


def test_payments_beyond_the_horizon_are_summed():
    payments, beyond = outcome_payments(
        np.array([[0.0, 10.0, 10.0]]), arr(100), arr(0), arr(np.inf), 2
    )
    assert_allclose(payments[0], [0, 0, 0])
    assert_allclose(beyond, [2000])


def test_a_lag_beyond_the_horizon_puts_every_payment_beyond_it():
    # the longest lag (200 years) on a 3-year horizon: all of the 3 x 1,000 falls beyond it
    payments, beyond = outcome_payments(
        np.array([[10.0, 10.0, 10.0]]), arr(100), arr(0), arr(np.inf), 200
    )
    assert payments.shape == (1, 3)
    assert_allclose(payments[0], [0, 0, 0])
    assert_allclose(beyond, [3000])


def test_the_return_cap_pays_the_crossing_year_up_to_the_capped_return():
    # capital 1,000 in year 0; 600 in years 1, 2, 3; 10%: 600/1.1 = 545.45, so year 2 pays
    # (1000 - 545.45) * 1.21 = 550 and year 3 nothing. Without a return cap (inf): unchanged.
    payments = np.array([[0.0, 600.0, 600.0, 600.0], [0.0, 600.0, 600.0, 600.0]])
    drawn = np.array([[1000.0, 0.0, 0.0], [1000.0, 0.0, 0.0]])
    paid = return_capped_payments(payments, drawn, arr(0.10, np.inf))
    assert_allclose(paid, [[0, 600, 550, 0], [0, 600, 600, 600]])


def test_a_return_cap_of_zero_repays_exactly_the_capital():
    paid = return_capped_payments(np.array([[0.0, 700.0, 700.0]]), np.array([[1000.0]]), arr(0))
    assert_allclose(paid, [[0, 700, 300]])


def test_a_trimmed_year_is_split_by_the_untrimmed_payments():
    raw = np.array([[[300.0, 100.0], [100.0, 0.0]]])  # (D=1, M=2, Y=2)
    paid = np.array([[200.0, 0.0]])
    assert_allclose(split_over_metrics(raw, paid)[0], [[150, 0], [50, 0]])


def test_the_guarantee_covers_its_share_of_the_shortfall_only():
    assert_allclose(guarantee_payment(arr(1000, 1000), arr(400, 1000), arr(0.5, 0.5)), [300, 0])


def test_breakeven_of_two_metrics_counts_both():
    # A: 10 a year at 100; B: 5 a year at 200, threshold 6 (B never pays: 5 * s >= 6 from
    # s = 1.2); lag 0, 2 years. Capital 1,500: A alone at s pays 2,000 s -> s = 0.75 < 1.2.
    # Capital 5,000: A alone needs 2.5; from 1.2 on both pay 4,000 s -> s = 1.25.
    a, b = np.array([[10.0, 10.0]]), np.array([[5.0, 5.0]])
    price, threshold = np.array([[100.0, 200.0]]), np.array([[0.0, 6.0]])
    for capital, expected in ((1500.0, 0.75), (5000.0, 1.25)):
        share = contract_breakeven_share(
            [a, b], price, threshold, [0, 0], arr(np.inf), arr(capital)
        )
        assert share[0] == pytest.approx(expected)


def test_breakeven_without_threshold_is_capital_over_expected_payments():
    # 30 paid-for a year in years 0-3, lag 1, horizon 4: years 0-2 pay within the horizon,
    # 90 outcomes * 9,000 = 810,000 at s = 1; capital 700,000 -> s = 0.8642.
    share = breakeven_share(
        np.array([[30.0, 30, 30, 30]]), arr(9000), arr(0), arr(np.inf), arr(700000), lag=1
    )
    assert share[0] == pytest.approx(700000 / 810000)


def test_breakeven_jumps_where_a_year_crosses_the_threshold():
    # years pay 20 and 10 outcomes at 1,000; threshold 15. Below s = 0.75 nothing pays; at
    # s = 0.75 the first year pays 15,000, enough for a capital of 12,000: s = 0.75. With a
    # capital of 20,000: first year alone needs s = 1.0, second year joins at s = 1.5
    # (10 * 1.5 = 15), so s = 1.0.
    paid_for = np.array([[20.0, 10.0, 0.0]])
    share = breakeven_share(paid_for, arr(1000), arr(15), arr(np.inf), arr(12000), lag=0)
    assert share[0] == pytest.approx(0.75)
    share = breakeven_share(paid_for, arr(1000), arr(15), arr(np.inf), arr(20000), lag=0)
    assert share[0] == pytest.approx(1.0)
    # capital 35,000: first year alone needs s = 1.75 > 1.5, both years from s = 1.5 pay
    # 30,000 * s -> s = 35/30 < 1.5, so the jump at 1.5 (45,000) decides: s = 1.5.
    share = breakeven_share(paid_for, arr(1000), arr(15), arr(np.inf), arr(35000), lag=0)
    assert share[0] == pytest.approx(1.5)


def test_breakeven_is_null_when_the_cap_or_the_horizon_is_in_the_way():
    paid_for = np.array([[10.0, 10.0]])
    assert np.isnan(breakeven_share(paid_for, arr(100), arr(0), arr(500), arr(1000), lag=0)[0])
    assert np.isnan(breakeven_share(paid_for, arr(100), arr(0), arr(np.inf), arr(1000), lag=2)[0])
    assert breakeven_share(paid_for, arr(100), arr(0), arr(np.inf), arr(0), lag=2)[0] == 0


def test_breakeven_share_pays_back_exactly():
    rng = np.random.default_rng(7)
    paid_for = rng.uniform(0, 50, size=(200, 8))
    price, threshold, capital = (
        arr(*[5000] * 200),
        rng.uniform(0, 30, 200),
        rng.uniform(1e4, 1e6, 200),
    )
    share = breakeven_share(paid_for, price, threshold, arr(*[np.inf] * 200), capital, lag=1)
    found = ~np.isnan(share)
    paid = outcome_payments(
        paid_for * share[:, None], price, threshold * (1 - 1e-12), arr(*[np.inf] * 200), 1
    )[0].sum(axis=1)
    assert np.all(paid[found] >= capital[found] * (1 - 1e-9))
    below = outcome_payments(
        paid_for * (share * (1 - 1e-6))[:, None], price, threshold, arr(*[np.inf] * 200), 1
    )[0].sum(axis=1)
    assert np.all(below[found] < capital[found])


def weighted_total(share, counts, pays_from, weights, price, cap):
    """The definition at one share: year by year, each paying year pays ``share * price * n``
    until the payments as written reach the cap; the sum of the payments times their weights."""
    written, total = 0.0, 0.0
    for n, switch, weight in zip(counts, pays_from, weights, strict=True):
        raw = share * price * n if share >= switch else 0.0
        total += weight * min(raw, max(cap - written, 0.0))
        written += raw
    return total


def plain_breakeven(paid_for, price, threshold, cap, capital, lag, weights):
    """docs/methodology.md's break-even share of one draw, the plain way: the smallest
    ``s >= 0`` whose weighted payments within the horizon reach the capital (``threshold``
    per cohort year).

    The payments change course only where a year starts to pay or where the payments as
    written reach the cap, so between two such shares they are a straight line: its value at
    the start, its slope measured inside; solve each line for the capital, in share order.
    """
    if capital <= 0:
        return 0.0
    years = max(len(paid_for) - lag, 0)
    counts, weights = list(paid_for[:years]), list(weights[lag : lag + years])
    pays_from = [
        0.0 if limit <= 0 else (limit / n if n > 0 else math.inf)
        for n, limit in zip(counts, threshold, strict=False)
    ]
    points = {0.0, *pays_from}
    for switch in pays_from:
        cumulative = 0.0
        for n, starts in zip(counts, pays_from, strict=True):
            cumulative += price * n if starts <= switch else 0.0
            if cumulative > 0:
                points.add(cap / cumulative)
    points = sorted(p for p in points if math.isfinite(p))
    target = capital * (1 - ROUNDING)
    for k, low in enumerate(points):
        high = points[k + 1] if k + 1 < len(points) else 2 * low + 1
        at_low = weighted_total(low, counts, pays_from, weights, price, cap)
        if at_low >= target:
            return low
        inner, outer = low + (high - low) / 4, low + 3 * (high - low) / 4
        slope = (
            weighted_total(outer, counts, pays_from, weights, price, cap)
            - weighted_total(inner, counts, pays_from, weights, price, cap)
        ) / (outer - inner)
        crossing = low + (capital - at_low) / slope if slope > 0 else math.inf
        if crossing <= high or (k + 1 == len(points) and math.isfinite(crossing)):
            return crossing
    return math.nan


amounts = st.one_of(st.just(0.0), st.floats(0.5, 60.0))
thresholds = st.one_of(st.just(0.0), st.floats(0.1, 40.0))


@settings(max_examples=300, deadline=None)
@given(
    years=st.lists(st.tuples(amounts, thresholds), min_size=1, max_size=7),
    per_year=st.booleans(),
    price=st.floats(1.0, 5000.0),
    cap=st.one_of(st.just(math.inf), st.floats(100.0, 300_000.0)),
    capital=st.one_of(st.just(0.0), st.floats(100.0, 200_000.0)),
    lag=st.integers(0, 2),
    inflation=st.floats(-0.05, 0.2),
)
def test_nominal_breakeven_is_the_smallest_share_reaching_the_capital(
    years, per_year, price, cap, capital, lag, inflation
):
    """The engine's closed form per piece agrees with the plain per-draw definition, for
    inflation (falling weights) and deflation (rising weights), one threshold for all years
    (one metric) or one per year (several metrics, :func:`contract_breakeven_share`)."""
    paid_for = [n for n, _ in years]
    threshold = [limit if per_year else years[0][1] for _, limit in years]
    weights = (1 + inflation) ** -np.arange(len(paid_for), dtype=float)
    expected = plain_breakeven(paid_for, price, threshold, cap, capital, lag, weights)
    share = breakeven_share(
        np.array([paid_for]),
        arr(price),
        np.array([threshold]) if per_year else arr(threshold[0]),
        arr(cap),
        arr(capital),
        lag,
        weights=weights[None, :],
    )[0]
    if math.isnan(expected):
        assert math.isnan(share)
    else:
        assert share == pytest.approx(expected, rel=1e-9, abs=1e-12)
